import Kernel

/// The pools of the trades in flight: no two in-flight transactions touch the same pool, since
/// the second would be priced on a state the first is about to change.
public struct PoolReservations: Sendable, Equatable {
    /// The pools each in-flight transaction holds, by its hash.
    public private(set) var holders: [Hash32: [Address]] = [:]
    /// Every pool held.
    private var held: Set<Address> = []

    /// No trade in flight.
    public init() {}

    /// Whether any of `pools` is held.
    public func isBusy(_ pools: [Address]) -> Bool {
        pools.contains(where: held.contains)
    }

    /// Holds `pools` for `transaction`; false (holding nothing) when one is already held.
    public mutating func reserve(_ pools: [Address], for transaction: Hash32) -> Bool {
        guard !isBusy(pools), holders[transaction] == nil else { return false }
        holders[transaction] = pools
        held.formUnion(pools)
        return true
    }

    /// Lets go of what `transaction` held (its receipt came, it was dropped or never sent).
    public mutating func release(_ transaction: Hash32) {
        guard let pools = holders.removeValue(forKey: transaction) else { return }
        held.subtract(pools)
    }

    /// The number of transactions in flight.
    public var inFlight: Int { holders.count }
}
