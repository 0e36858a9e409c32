import Foundation
import Kernel
import TestSupport
import UniswapV2

/// The synthetic universe's two-coin pools as Uniswap V2 pairs at consistent prices: every token
/// has a price (10^-6 to 10^6, seeded), every pair holds reserves at that price within ±0.05 %,
/// 10^21 to 10^24 units deep, so few cycles pass the screen until a swap moves a pool.
public enum PairUniverse {
    /// The pairs of `universe`, in its order; `address` may give a pool another address (its
    /// tokens in address order), the universe's own by default.
    public static func pairs(_ universe: SyntheticUniverse, address: (Address, Address, Address) -> Address = { pool, _, _ in pool }) -> [UniswapV2Pool] {
        var rng = SplitMix64(seed: 7)
        var prices: [Address: Double] = [:]
        func price(_ token: Address) -> Double {
            if let known = prices[token] { return known }
            let value = pow(10, Double.random(in: -6...6, using: &rng))
            prices[token] = value
            return value
        }
        var pairs: [UniswapV2Pool] = []
        for spec in universe.pools where spec.tokens.count == 2 {
            let (token0, token1) = spec.tokens[0] < spec.tokens[1] ? (spec.tokens[0], spec.tokens[1]) : (spec.tokens[1], spec.tokens[0])
            let depth = pow(10, Double.random(in: 21...24, using: &rng))
            let noise = 1 + Double.random(in: -0.0005...0.0005, using: &rng)
            let reserve0 = UInt256(truncating: depth / price(token0))
            let reserve1 = UInt256(truncating: depth / price(token1) * noise)
            guard let pair = try? UniswapV2Pool(address: address(spec.address, token0, token1), token0: token0, token1: token1,
                                                reserve0: reserve0, reserve1: reserve1) else { continue }
            pairs.append(pair)
        }
        return pairs
    }
}
