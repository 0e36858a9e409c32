/// What one of a pool's event logs did to the pool value that applied it (`PricingPool.apply(_:)`).
public enum EventEffect: Sendable, Equatable {
    /// The log set or changed the state: the value now holds what the pool holds after the event.
    case applied
    /// The log leaves the modelled state as it was: a topic the pool type does not read, or an
    /// event that changes nothing it models (a Uniswap V3 `Burn` of 0, which only pokes fees).
    case ignored
    /// The pool changed in a way the value cannot follow from the log alone (the reason says which
    /// event and why). The value is left as it was, no longer the pool's state: reload it with its
    /// family's `PoolStateLoader`.
    case needsReload(String)
}
