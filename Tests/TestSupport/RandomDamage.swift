import Kernel

/// What a decoder made of randomly damaged calldata.
public struct DamageOutcomes {
    /// Calls it found not to be swaps.
    public var notSwaps = 0
    /// Calls it decoded to legs.
    public var swaps = 0
    /// Calls it refused with a `DecodingError`.
    public var errors = 0
    /// The errors whose offset lies outside the calldata they refer to, described.
    public var misplacedErrors: [String] = []
}

/// Damages calldata from `seeds` (taken in turn) `rounds` times at random, repeatably from `seed`
/// (a random truncation, a few random bytes, or a head word set to a small or a random value),
/// and counts what `decode` makes of each.
public func randomlyDamaged(
    _ seeds: [[UInt8]], seed: UInt64, rounds: Int, decode: ([UInt8]) throws(DecodingError) -> DecodedSwap?
) -> DamageOutcomes {
    var random = SplitMix64(seed: seed)
    var outcomes = DamageOutcomes()
    for round in 0..<rounds {
        var data = seeds[round % seeds.count]
        switch random.next() % 3 {
        case 0:
            data = Array(data.prefix(Int(random.next() % UInt64(data.count + 1))))
        case 1:
            for _ in 0...(random.next() % 4) where !data.isEmpty {
                data[Int(random.next() % UInt64(data.count))] = UInt8(truncatingIfNeeded: random.next())
            }
        default:
            if data.count >= 36 {
                let at = 4 + Int(random.next() % UInt64((data.count - 4) / 32)) * 32
                let small = random.next() % 2 == 0
                for i in 0..<32 { data[at + i] = small ? 0 : UInt8(truncatingIfNeeded: random.next()) }
                if small { data[at + 31] = UInt8(truncatingIfNeeded: random.next()) }
            }
        }
        do {
            if try decode(data) == nil { outcomes.notSwaps += 1 } else { outcomes.swaps += 1 }
        } catch {
            outcomes.errors += 1
            if error.offset < 0 || error.offset > data.count { outcomes.misplacedErrors.append("\(error) for \(data.count) bytes") }
        }
    }
    return outcomes
}
