/// One swap that a call asks a DEX to make: what goes in, what comes out, through which pools,
/// and within which limits. Multicalls and command streams unroll into several legs, in order.
public struct SwapLeg: Sendable, Equatable {
    /// The dex.yaml entry whose router or pool was called, e.g. `uniswap-v3` or `sushiswap-v2`.
    public var dex: String
    /// The hops in order; the first takes `tokenIn`, the last gives `tokenOut`.
    public var hops: [SwapHop]
    /// The amount fixed by the caller.
    public var amount: SwapAmount
    /// The caller's bound on the other side: the least output for exact input, the most input for
    /// exact output; nil where the call has none (a pool called directly, Curve's `min_dy` of 0 is 0).
    public var limit: UInt256?
    /// Who receives the output, as written in the call (routers use sentinel addresses such as
    /// `0x…01` for msg.sender and `0x…02` for the router itself; they are kept as written).
    public var recipient: Address?
    /// The deadline in seconds since the epoch, where the call carries one.
    public var deadline: UInt256?
    /// Whether the call goes on when this leg reverts (Universal Router's allow-revert flag,
    /// bit 0x80 of the command byte): then only this leg is undone, not the whole transaction.
    public var allowRevert: Bool

    /// Creates a leg.
    public init(
        dex: String, hops: [SwapHop], amount: SwapAmount, limit: UInt256?, recipient: Address?, deadline: UInt256?,
        allowRevert: Bool = false
    ) {
        self.dex = dex
        self.hops = hops
        self.amount = amount
        self.limit = limit
        self.recipient = recipient
        self.deadline = deadline
        self.allowRevert = allowRevert
    }

    /// The token paid in, where the call names it.
    public var tokenIn: Address? { hops.first?.tokenIn }
    /// The token paid out, where the call names it.
    public var tokenOut: Address? { hops.last?.tokenOut }
}

/// The amount a swap fixes.
public enum SwapAmount: Sendable, Equatable {
    /// Exactly this much of the input token.
    case exactIn(UInt256)
    /// Exactly this much of the output token.
    case exactOut(UInt256)
    /// Exactly what the router holds of the input token when the leg runs: an earlier leg's
    /// output (Universal Router's `CONTRACT_BALANCE`, SwapRouter02's amount of 0).
    case exactInRouterBalance
}

/// One hop of a swap: a pool, and the tokens in and out of it where the call names them.
public struct SwapHop: Sendable, Equatable {
    /// The token paid into this hop, if the call names it (a direct pool call does not).
    public var tokenIn: Address?
    /// The token taken out of this hop, if the call names it.
    public var tokenOut: Address?
    /// Which pool.
    public var pool: PoolRef
    /// The `sqrtPriceLimitX96` the call passes to a concentrated-liquidity pool for this hop
    /// (single-hop router calls and direct pool calls); nil where it passes none or zero.
    public var sqrtPriceLimitX96: UInt256?

    /// Creates a hop.
    public init(tokenIn: Address?, tokenOut: Address?, pool: PoolRef, sqrtPriceLimitX96: UInt256? = nil) {
        self.tokenIn = tokenIn
        self.tokenOut = tokenOut
        self.pool = pool
        self.sqrtPriceLimitX96 = sqrtPriceLimitX96
    }
}

/// How a hop names its pool.
public enum PoolRef: Sendable, Equatable {
    /// The DEX's pool for the hop's two tokens, with this fee tier where the DEX has tiers (Uniswap
    /// V3 fee in millionths); nil where there is one pool per pair (V2 pairs, Algebra pools).
    /// The pool's address follows from the DEX's factory.
    case byTokens(fee: UInt32?)
    /// A pool called directly, and the direction (token0 to token1 or back).
    case pool(Address, zeroForOne: Bool)
    /// A pool named by address with coin indexes (Curve's `exchange(i, j, ...)`).
    case coins(Address, i: Int, j: Int)
    /// A pool named by address whose direction the call leaves to the pool: the hop pays in its
    /// `tokenIn`, or where the call does not name it, what the hop before paid out (the hops of
    /// KyberSwap's executor routes name pools, not tokens).
    case address(Address)
}
