import Kernel

/// The hops sized after one message, each made once. Every cycle sized after a message reads
/// the same pending state, so a pool's `SizingHop` in one direction (its Möbius map, the input
/// it holds to, and the range segments it computes when first asked: a run of a
/// concentrated-liquidity pool's swap loop) serves every cycle through it. Made anew for each
/// message, so that no hop outlives the state it describes.
struct SizingHopMemo {
    private var hops: [CycleHop: SizingHop] = [:]

    /// The hop `hop`, made on `state`'s pool the first time it is asked for (the pool is read,
    /// an existential copy, only then); nil when the pool is missing.
    mutating func hop(_ hop: CycleHop, in state: PendingState) -> SizingHop? {
        if let known = hops[hop] { return known }
        guard let pool = state.pool(hop.pool) else { return nil }
        let made = SizingHop(pool: pool, from: hop.from, to: hop.to)
        hops[hop] = made
        return made
    }
}
