import Engine
import Kernel

/// A random small pool universe from a seed: few tokens, so that pairs repeat across pools;
/// mostly 2-coin pools with some of 3 and 4 coins; one to three bases in random order, sometimes
/// with a base that no pool holds or one listed twice.
struct RandomPools {
    var pools: [PoolSpec]
    var bases: [Address]

    init(seed: UInt64, poolCount: ClosedRange<Int> = 4...24) {
        var rng = SplitMix64(seed: seed)
        let tokens = (1...UInt64(Int.random(in: 4...8, using: &rng))).map(testAddress)
        pools = (0..<Int.random(in: poolCount, using: &rng)).map { number in
            let roll = Int.random(in: 0..<10, using: &rng)
            let coins = min(roll < 7 ? 2 : roll < 9 ? 3 : 4, tokens.count)
            return PoolSpec(address: testAddress(1_000 + UInt64(number)),
                            tokens: Array(tokens.shuffled(using: &rng).prefix(coins)))
        }
        bases = Array(tokens.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
        if Bool.random(using: &rng) { bases.insert(testAddress(999), at: Int.random(in: 0...bases.count, using: &rng)) }
        if Bool.random(using: &rng), let again = bases.randomElement(using: &rng) { bases.append(again) }
    }
}
