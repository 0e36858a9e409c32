import Kernel

/// Loads a Camelot V2 pair in one round of calls: the pair's `token0()`, `token1()`,
/// `getReserves()` (reserves and both fee percents), `stableSwap()`, `precisionMultiplier0()`,
/// `precisionMultiplier1()`, and the factory's `feeInfo()` (owner fee share and `feeTo`).
public struct CamelotV2StateLoader: PoolStateLoader {
    /// The pair.
    public let pair: Address
    /// The factory that deployed it (Arbitrum: 0x6EcCab422D763aC031210895C81787E87B43A652).
    public let factory: Address
    /// The pool built from the answers; nil until they are absorbed.
    private var loaded: CamelotV2Pool?

    /// A loader for `pair`, deployed by `factory`.
    public init(pair: Address, factory: Address) {
        self.pair = pair
        self.factory = factory
    }

    /// The one round of calls, or none once absorbed.
    public func pendingCalls() -> [StateCall] {
        guard loaded == nil else { return [] }
        return [
            StateCall(to: pair, signature: "token0()"),
            StateCall(to: pair, signature: "token1()"),
            StateCall(to: pair, signature: "getReserves()"),
            StateCall(to: pair, signature: "stableSwap()"),
            StateCall(to: pair, signature: "precisionMultiplier0()"),
            StateCall(to: pair, signature: "precisionMultiplier1()"),
            StateCall(to: factory, signature: "feeInfo()"),
        ]
    }

    /// Decodes the seven answers of `pendingCalls()`.
    public mutating func absorb(_ answers: [[UInt8]]) throws(PoolError) {
        guard loaded == nil else { throw .invalidState("Camelot V2 loader: nothing pending") }
        guard answers.count == 7 else { throw .invalidState("Camelot V2 loader: \(answers.count) answers for 7 calls") }
        let (token0, token1, reserve0, reserve1, fee0, fee1, stable, multiplier0, multiplier1, ownerFeeShare, feeTo) =
            try PoolError.decoding { () throws(DecodingError) in
                let reserves = ABIReader(answers[2][...])
                let feeInfo = ABIReader(answers[6][...])
                return (
                    try ABIReader(answers[0][...]).address(0, field: "token0()"),
                    try ABIReader(answers[1][...]).address(0, field: "token1()"),
                    try reserves.uint(0, bits: 112, field: "getReserves().reserve0"),
                    try reserves.uint(1, bits: 112, field: "getReserves().reserve1"),
                    try reserves.uint(2, bits: 16, field: "getReserves().token0FeePercent"),
                    try reserves.uint(3, bits: 16, field: "getReserves().token1FeePercent"),
                    try ABIReader(answers[3][...]).bool(0, field: "stableSwap()"),
                    try ABIReader(answers[4][...]).word(0, field: "precisionMultiplier0()"),
                    try ABIReader(answers[5][...]).word(0, field: "precisionMultiplier1()"),
                    try feeInfo.uint(0, field: "feeInfo().ownerFeeShare"),
                    try feeInfo.address(1, field: "feeInfo().feeTo"))
            }
        guard let decimals0 = Self.decimals(of: multiplier0), let decimals1 = Self.decimals(of: multiplier1) else {
            throw .invalidState("Camelot V2 precision multipliers are not powers of ten")
        }
        guard ownerFeeShare <= UInt256(UInt64(CamelotV2Pool.maxProtocolFeeShare)) else {
            throw .invalidState("Camelot V2 factory ownerFeeShare above 100000")
        }
        loaded = try CamelotV2Pool(
            address: pair, token0: token0, token1: token1, reserve0: reserve0, reserve1: reserve1,
            token0FeePercent: UInt16(truncatingIfNeeded: fee0.low64), token1FeePercent: UInt16(truncatingIfNeeded: fee1.low64),
            stableSwap: stable, decimals0: decimals0, decimals1: decimals1,
            protocolFeeShare: feeTo == .zero ? 0 : UInt32(truncatingIfNeeded: ownerFeeShare.low64))
    }

    /// The decimals d (0…255) with 10^d (mod 2^256, as the pair computed it) equal to `multiplier`.
    static func decimals(of multiplier: UInt256) -> UInt8? {
        var power = UInt256.one
        for d in UInt8(0)...UInt8(255) {
            if power == multiplier { return d }
            power = power &* UInt256(10)
        }
        return nil
    }

    /// The pair; `invalidState` before the answers are absorbed.
    public func pool() throws(PoolError) -> CamelotV2Pool {
        guard let loaded else { throw .invalidState("Camelot V2 loader: state not loaded") }
        return loaded
    }
}
