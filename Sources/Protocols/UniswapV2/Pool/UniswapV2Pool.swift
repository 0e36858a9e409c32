import Kernel

/// A Uniswap V2 pair (or a fork with its own fee): reserves and the router's exact formulas.
///
/// Quotes follow UniswapV2Library's `getAmountOut` and `getAmountIn` with SafeMath's overflow
/// reverts, then the pair's own `swap` checks (`INSUFFICIENT_OUTPUT_AMOUNT`, reserves of at most
/// 2^112 − 1). The reserves are the pair's `getReserves()`; the `Sync` event replaces them.
public struct UniswapV2Pool: PricingPool, Equatable {
    /// The pair's address.
    public let address: Address
    /// token0 and token1.
    public let tokens: [Address]
    /// The fee the pair charges on input.
    public let fee: PairFee
    /// The pair's reserve of token0.
    public private(set) var reserve0: UInt256
    /// The pair's reserve of token1.
    public private(set) var reserve1: UInt256

    /// The largest reserve a pair stores (`uint112`).
    public static let maxReserve = (UInt256(1) << 112) - UInt256(1)

    /// A pair with these reserves; `invalidState` for a reserve above 2^112 − 1, which no pair holds.
    public init(address: Address, token0: Address, token1: Address, reserve0: UInt256, reserve1: UInt256, fee: PairFee = .uniswap) throws(PoolError) {
        guard reserve0 <= Self.maxReserve, reserve1 <= Self.maxReserve else {
            throw .invalidState("reserve above 2^112 - 1")
        }
        self.address = address
        tokens = [token0, token1]
        self.fee = fee
        self.reserve0 = reserve0
        self.reserve1 = reserve1
    }

    /// The reserves of the input and output side for a swap of token0 into token1 (`zeroForOne`)
    /// or the reverse.
    @inlinable
    func reserves(zeroForOne: Bool) -> (input: UInt256, output: UInt256) {
        zeroForOne ? (reserve0, reserve1) : (reserve1, reserve0)
    }

    /// The router's `getAmountOut` for `amountIn`, then the pair's checks on paying it.
    public func amountOut(_ amountIn: UInt256, zeroForOne: Bool) throws(PoolError) -> UInt256 {
        let (reserveIn, reserveOut) = reserves(zeroForOne: zeroForOne)
        let amountOut = try V2Formula.amountOut(amountIn, reserveIn: reserveIn, reserveOut: reserveOut, fee: fee)
        try checkPairSwap(amountIn: amountIn, amountOut: amountOut, reserveIn: reserveIn)
        return amountOut
    }

    /// The router's `getAmountIn` for `amountOut`, then the pair's checks on that swap.
    public func amountIn(forAmountOut amountOut: UInt256, zeroForOne: Bool) throws(PoolError) -> UInt256 {
        let (reserveIn, reserveOut) = reserves(zeroForOne: zeroForOne)
        let amountIn = try V2Formula.amountIn(amountOut, reserveIn: reserveIn, reserveOut: reserveOut, fee: fee)
        try checkPairSwap(amountIn: amountIn, amountOut: amountOut, reserveIn: reserveIn)
        return amountIn
    }

    /// The pair's own refusals for a swap the router computed: nothing out, or an input reserve
    /// that no longer fits 112 bits. (The router's amounts always pass the pair's K check.)
    private func checkPairSwap(amountIn: UInt256, amountOut: UInt256, reserveIn: UInt256) throws(PoolError) {
        guard amountOut != .zero else { throw .revert("UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT") }
        let (newReserveIn, overflow) = reserveIn.addingReportingOverflow(amountIn)
        guard !overflow, newReserveIn <= Self.maxReserve else { throw .revert("UniswapV2: OVERFLOW") }
    }

    /// Moves the reserves by a swap the pair accepted.
    private mutating func settle(amountIn: UInt256, amountOut: UInt256, zeroForOne: Bool) {
        if zeroForOne {
            reserve0 = reserve0 &+ amountIn
            reserve1 = reserve1 &- amountOut
        } else {
            reserve1 = reserve1 &+ amountIn
            reserve0 = reserve0 &- amountOut
        }
    }

    /// Swaps exactly `amountIn` and returns the output, updating the reserves.
    public mutating func swap(exactIn amountIn: UInt256, zeroForOne: Bool) throws(PoolError) -> UInt256 {
        let out = try amountOut(amountIn, zeroForOne: zeroForOne)
        settle(amountIn: amountIn, amountOut: out, zeroForOne: zeroForOne)
        return out
    }

    /// Swaps for exactly `amountOut` and returns the input paid, updating the reserves.
    public mutating func swap(exactOut amountOut: UInt256, zeroForOne: Bool) throws(PoolError) -> UInt256 {
        let amountIn = try amountIn(forAmountOut: amountOut, zeroForOne: zeroForOne)
        settle(amountIn: amountIn, amountOut: amountOut, zeroForOne: zeroForOne)
        return amountIn
    }

    // MARK: PricingPool

    /// The output for `amountIn` of token `from` (0 or 1) into token `to`.
    public func amountOut(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        try amountOut(amountIn, zeroForOne: Self.direction(from: from, to: to))
    }

    /// Applies that swap and returns the output.
    public mutating func swap(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256 {
        try swap(exactIn: amountIn, zeroForOne: Self.direction(from: from, to: to))
    }

    /// `Sync`, the one event that sets a pair's reserves.
    public static var stateEventTopics: [Hash32] { [V2PairEvents.sync] }

    /// Applies a `Sync` log: the reserves it carries replace the state (`applied`); other logs
    /// are `ignored`. A pair never needs a reload: every swap, mint, burn and `sync` ends in a
    /// `Sync` with the reserves it leaves.
    public mutating func apply(_ log: EventLog) throws(PoolError) -> EventEffect {
        guard let reserves = try V2PairEvents.syncReserves(log) else { return .ignored }
        reserve0 = reserves.reserve0
        reserve1 = reserves.reserve1
        return .applied
    }

    /// `zeroForOne` for token indexes, refusing anything but (0, 1) and (1, 0).
    static func direction(from: Int, to: Int) throws(PoolError) -> Bool {
        switch (from, to) {
        case (0, 1): true
        case (1, 0): false
        default: throw .invalidState("token indexes \(from) -> \(to) on a two-token pair")
        }
    }
}
