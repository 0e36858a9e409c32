import Kernel
import TestSupport

/// A seeded synthetic pool universe shaped like Arbitrum One's DEX pools, for the cycle index
/// benchmarks and the synthetic pipeline's: `poolCount` pools (10,000 by default) over about 2,000 tokens.
///
/// - Hubs: WETH and four stablecoins (USDC, USDC.e, USDT, DAI, their real addresses). Each
///   WETH/stable pair has 12 pools (fee tiers × forks), each stable/stable pair 6.
/// - 1 % three-coin pools: stable triples (Curve 3pool-like) and stable/token/WETH (tricrypto-like).
/// - 1,995 other tokens with popularity f = 1 / (1 + rank / 60), from 1 down to ~0.03. A token has
///   1 + 11f WETH pools (one more half the time: a popular pair has a dozen pools, the long tail
///   one or two), pairs with each stable with probability 0.2 + 0.8f (1 + 5f pools each), and
///   pairs with (1 + 3f) / 2 other tokens on average, drawn by popularity (one pool each).
/// - The token pools are cut at random to make `poolCount` pools in all, and all are shuffled, so
///   insertion order is random.
public struct SyntheticUniverse: Sendable {
    /// A pool: its address and coins in index order.
    public struct Pool: Sendable {
        public let address: Address
        public let tokens: [Address]
    }

    public let pools: [Pool]
    /// WETH and the four stablecoins.
    public let hubs: [Address]

    public init(poolCount: Int = 10_000, seed: UInt64 = 2024) {
        var rng = SplitMix64(seed: seed)
        let weth = Self.address("0x82aF49447D8a07e3bd95BD0d56f35241523fBab1")
        let stables = ["0xaf88d065e77c8cC2239327C5EDb3A432268e5831", "0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8",
                       "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9", "0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1"].map(Self.address)
        let tokens = (0..<1_995).map { Address(precompile: 0x10_0000 + UInt64($0)) }
        let popularity = tokens.indices.map { 1 / (1 + Double($0) / 60) }
        let totalPopularity = popularity.reduce(0, +)
        func popularToken() -> Int {
            var pick = Double.random(in: 0..<totalPopularity, using: &rng)
            for (rank, weight) in popularity.enumerated() {
                pick -= weight
                if pick < 0 { return rank }
            }
            return popularity.count - 1
        }

        var pairs: [[Address]] = []
        func add(_ count: Int, _ coins: [Address]) {
            pairs += Array(repeating: coins, count: count)
        }
        for (i, stable) in stables.enumerated() {
            add(12, [weth, stable])
            for other in stables[(i + 1)...] { add(6, [stable, other]) }
        }
        let threeCoin = poolCount / 100
        for n in 0..<threeCoin {
            if n % 4 == 0 {
                add(1, Array(stables.shuffled(using: &rng).prefix(3)))
            } else {
                add(1, [stables.randomElement(using: &rng) ?? weth, tokens[popularToken()], weth])
            }
        }
        var tokenPools: [[Address]] = []
        for (rank, token) in tokens.enumerated() {
            let f = popularity[rank]
            let extra = Bool.random(using: &rng) ? 1 : 0
            tokenPools += Array(repeating: [token, weth], count: 1 + Int((11 * f).rounded()) + extra)
            for stable in stables where Double.random(in: 0..<1, using: &rng) < 0.2 + 0.8 * f {
                tokenPools += Array(repeating: [token, stable], count: 1 + Int((5 * f).rounded()))
            }
            let partners = Int((Double.random(in: 0..<1, using: &rng) * (1 + 3 * f)).rounded())
            for _ in 0..<partners {
                let other = popularToken()
                if other != rank { tokenPools.append([token, tokens[other]]) }
            }
        }
        tokenPools.shuffle(using: &rng)
        pairs += tokenPools.prefix(max(0, poolCount - pairs.count))
        pairs.shuffle(using: &rng)
        pools = pairs.enumerated().map { Pool(address: Address(precompile: 0x1_0000_0000 + UInt64($0.offset)), tokens: $0.element) }
        hubs = [weth] + stables
    }

    private static func address(_ hex: String) -> Address {
        (try? Address(hex: hex)) ?? .zero
    }
}
