import Kernel

/// The hops sized after one message, each made once. Every cycle sized after a message reads
/// the same pending state, so a pool's `SizingHop` in one direction (its Möbius map, the input
/// it holds to, and the range segments it computes when first asked: a run of a
/// concentrated-liquidity pool's swap loop) serves every cycle through it. Made anew for each
/// message, so that no hop outlives the state it describes.
struct SizingHopMemo {
    private var hops: [CycleHop: SizingHop] = [:]

    /// The hop `hop` on `pool`, the state of its pool now.
    mutating func hop(_ hop: CycleHop, on pool: any PricingPool) -> SizingHop {
        if let known = hops[hop] { return known }
        let made = SizingHop(pool: pool, from: hop.from, to: hop.to)
        hops[hop] = made
        return made
    }
}
