import Curve
import Kernel

/// Pools and ABI words the pool-math tests share.
enum PoolSample {
    /// The Arbitrum 2pool's address.
    static let twoPool = (try? Address(hex: "0x7f90122BF0700F9E7e1F688fe926940E8839F353")) ?? .zero
    /// `10^30`, the RATES entry of a 6-decimal coin.
    static let sixDecimals = UInt256(decimal: "1000000000000000000000000000000") ?? .zero
    /// `10^18`, the RATES entry of an 18-decimal coin.
    static let eighteenDecimals = UInt256(1_000_000_000_000_000_000)

    /// A 2-coin pool of 6-decimal coins with the given parameters.
    static func pool(
        _ variant: CurveStableSwapVariant = .stableswap, a: UInt64 = 200_000, fee: UInt64 = 1_000_000,
        multiplier: UInt64 = 0, balances: [UInt256] = [UInt256(60_000_000_000_000), UInt256(55_000_000_000_000)],
        rates: [UInt256]? = nil
    ) throws -> CurveStableSwapPool {
        try CurveStableSwapPool(
            address: twoPool, coins: Array(repeating: .zero, count: balances.count), variant: variant,
            amplification: UInt256(a), fee: UInt256(fee), offpegFeeMultiplier: UInt256(multiplier),
            adminFee: CurveStableSwapVariant.ngAdminFee,
            rates: rates ?? Array(repeating: sixDecimals, count: balances.count), balances: balances)
    }

    /// The ABI encoding of `words`.
    static func data(_ words: [UInt256]) -> [UInt8] { words.flatMap(\.bigEndianBytes) }

    /// A log of `signature` from the 2pool with one indexed address topic where `indexed`.
    static func log(_ signature: String, _ words: [UInt256], indexed: Bool = true) -> EventLog {
        var topics = [Keccak256.hash(Array(signature.utf8))]
        if indexed { topics.append(Hash32(bytes: [UInt8](repeating: 0, count: 32)) ?? topics[0]) }
        return EventLog(address: twoPool, topics: topics, data: data(words))
    }

    /// `value` as the two's complement word of an `int128` (or any signed) argument.
    static func signed(_ value: Int) -> UInt256 { UInt256(truncatingIfNeeded: value) }
}
