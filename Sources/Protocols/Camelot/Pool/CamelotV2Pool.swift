import Kernel

/// A Camelot V2 pair (CamelotLabs/core `CamelotPair.sol`, the Arbitrum factory
/// 0x6EcCab422D763aC031210895C81787E87B43A652): reserves, the per-direction fee percents over
/// 100,000, and the pair type (constant product, or the x³y + y³x stable curve on balances
/// normalised by the tokens' decimals).
///
/// A swap is simulated as the router drives the pair: the output is the pair's
/// `getAmountOut(amountIn, tokenIn)`, then `swap` runs its checks (output, liquidity, input, the
/// K invariant, 112-bit reserves) on balances that grew by exactly `amountIn`.
public struct CamelotV2Pool: PricingPool, Hashable {
    /// The pair's address.
    public let address: Address
    /// The pair's token0.
    public let token0: Address
    /// The pair's token1.
    public let token1: Address
    /// `reserve0`, below 2^112.
    public internal(set) var reserve0: UInt256
    /// `reserve1`, below 2^112.
    public internal(set) var reserve1: UInt256
    /// `token0FeePercent`: the fee over 100,000 taken when token0 is the input.
    public internal(set) var token0FeePercent: UInt16
    /// `token1FeePercent`: the fee over 100,000 taken when token1 is the input.
    public internal(set) var token1FeePercent: UInt16
    /// `stableSwap`: true for the stable curve.
    public internal(set) var stableSwap: Bool
    /// token0's decimals; the pair's `precisionMultiplier0` is 10^decimals0.
    public let decimals0: UInt8
    /// token1's decimals; the pair's `precisionMultiplier1` is 10^decimals1.
    public let decimals1: UInt8
    /// The factory's `ownerFeeShare` (over 100,000) when its `feeTo` is set, else 0. A stable
    /// pair sends that share of each swap's fee to `feeTo`, so it leaves the reserves.
    public internal(set) var protocolFeeShare: UInt32
    /// `precisionMultiplier0` = 10^decimals0 (modulo 2^256, as Solidity 0.5 computes it).
    let precisionMultiplier0: UInt256
    /// `precisionMultiplier1` = 10^decimals1 (modulo 2^256).
    let precisionMultiplier1: UInt256

    /// The largest reserve a pair stores (`uint112`).
    public static let maxReserve = (UInt256.one << 112) &- .one
    /// `OWNER_FEE_SHARE_MAX` of the factory.
    public static let maxProtocolFeeShare: UInt32 = 100_000

    /// A pair's state; `PoolError.invalidState` for reserves above 2^112 − 1 or a protocol fee
    /// share above 100,000, which no pair can hold.
    public init(
        address: Address, token0: Address, token1: Address, reserve0: UInt256, reserve1: UInt256,
        token0FeePercent: UInt16, token1FeePercent: UInt16, stableSwap: Bool, decimals0: UInt8, decimals1: UInt8,
        protocolFeeShare: UInt32 = 0
    ) throws(PoolError) {
        guard reserve0 <= Self.maxReserve, reserve1 <= Self.maxReserve else {
            throw .invalidState("Camelot V2 reserves above 2^112 - 1")
        }
        guard protocolFeeShare <= Self.maxProtocolFeeShare else {
            throw .invalidState("Camelot V2 protocol fee share above 100000")
        }
        self.address = address
        self.token0 = token0
        self.token1 = token1
        self.reserve0 = reserve0
        self.reserve1 = reserve1
        self.token0FeePercent = token0FeePercent
        self.token1FeePercent = token1FeePercent
        self.stableSwap = stableSwap
        self.decimals0 = decimals0
        self.decimals1 = decimals1
        self.protocolFeeShare = protocolFeeShare
        self.precisionMultiplier0 = Self.precisionMultiplier(decimals: decimals0)
        self.precisionMultiplier1 = Self.precisionMultiplier(decimals: decimals1)
    }

    /// `10 ** uint(decimals)` as the pair's `initialize` computes it (wrapping modulo 2^256).
    static func precisionMultiplier(decimals: UInt8) -> UInt256 {
        var value = UInt256.one
        for _ in 0..<decimals { value = value &* UInt256(10) }
        return value
    }

    /// `[token0, token1]`.
    public var tokens: [Address] { [token0, token1] }

    /// The pair's `getAmountOut(amountIn, tokenIn)` view, token0 in when `zeroForOne`.
    public func getAmountOut(_ amountIn: UInt256, zeroForOne: Bool) throws(PoolError) -> UInt256 {
        try getAmountOut(amountIn, zeroForOne: zeroForOne, kOfReserves: stableSwap ? k(reserve0, reserve1) : .zero)
    }

    /// `getAmountOut` given `_k(reserve0, reserve1)` (used by the stable curve only).
    func getAmountOut(_ amountIn: UInt256, zeroForOne: Bool, kOfReserves: UInt256) throws(PoolError) -> UInt256 {
        let feePercent = UInt256(UInt64(zeroForOne ? token0FeePercent : token1FeePercent))
        if stableSwap {
            return try CamelotStableMath.amountOut(
                amountIn, zeroForOne: zeroForOne, reserve0: reserve0, reserve1: reserve1, xy: kOfReserves, feePercent: feePercent,
                precisionMultiplier0: precisionMultiplier0, precisionMultiplier1: precisionMultiplier1)
        }
        let (reserveIn, reserveOut) = zeroForOne ? (reserve0, reserve1) : (reserve1, reserve0)
        return try CamelotVolatileMath.amountOut(amountIn, reserveIn: reserveIn, reserveOut: reserveOut, feePercent: feePercent)
    }

    /// The output of selling exactly `amountIn` (token0 when `zeroForOne`), as the pair pays it.
    public func quote(_ amountIn: UInt256, zeroForOne: Bool) throws(PoolError) -> UInt256 {
        try simulateSwap(amountIn, zeroForOne: zeroForOne).amountOut
    }

    /// Sells exactly `amountIn` and updates the reserves as the pair's `Sync` would; on a revert
    /// the state is unchanged.
    public mutating func swap(_ amountIn: UInt256, zeroForOne: Bool) throws(PoolError) -> UInt256 {
        let result = try simulateSwap(amountIn, zeroForOne: zeroForOne)
        reserve0 = result.reserve0
        reserve1 = result.reserve1
        return result.amountOut
    }

    /// `PricingPool`: `from`/`to` are 0 and 1 in either order.
    public func amountOut(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        try quote(amountIn, zeroForOne: Self.direction(from: from, to: to))
    }

    /// `PricingPool`: applies the swap of `amountIn` from `tokens[from]` to `tokens[to]`.
    public mutating func swap(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        try swap(amountIn, zeroForOne: Self.direction(from: from, to: to))
    }

    /// zeroForOne for token indexes (0, 1) or (1, 0); anything else is `invalidState`.
    static func direction(from: Int, to: Int) throws(PoolError) -> Bool {
        switch (from, to) {
        case (0, 1): true
        case (1, 0): false
        default: throw .invalidState("Camelot V2 token indexes \(from) -> \(to)")
        }
    }
}
