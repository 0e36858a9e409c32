/// What a concentrated-liquidity swap paid and where it left the pool.
public struct ConcentratedLiquiditySwapResult: Sendable, Equatable {
    /// token0 paid into the pool (negative: paid out), as `swap` returns it.
    public var amount0: Int256
    /// token1 paid into the pool (negative: paid out), as `swap` returns it.
    public var amount1: Int256
    /// The sqrt price after the swap.
    public var sqrtPriceX96: UInt256
    /// The tick after the swap.
    public var tick: Int32
    /// The active liquidity after the swap.
    public var liquidity: UInt256

    /// Creates a result.
    public init(amount0: Int256, amount1: Int256, sqrtPriceX96: UInt256, tick: Int32, liquidity: UInt256) {
        self.amount0 = amount0
        self.amount1 = amount1
        self.sqrtPriceX96 = sqrtPriceX96
        self.tick = tick
        self.liquidity = liquidity
    }
}

/// The swap loop of `UniswapV3Pool.swap`, shared by the pools whose differences fit
/// `ConcentratedLiquidityRules` (Uniswap V3 and its forks, Algebra).
public enum ConcentratedLiquiditySwap {
    /// Swaps `amountSpecified` (positive: exact input, negative: exact output of its magnitude)
    /// from the state `sqrtPriceX96`, `tick`, `liquidity` over `ticks`, stopping at
    /// `sqrtPriceLimitX96`, exactly as the contract's loop: step to the next tick of the current
    /// bitmap word (or the limit), cross initialized ticks with their `liquidityNet`, and set the
    /// tick after a step that ends on a tick's price to that tick (minus one going down).
    ///
    /// Reverts `"AS"` for a zero amount and `"SPL"` for a limit on the wrong side of the price or
    /// outside `(minSqrtRatio, maxSqrtRatio)`; `"LS"`/`"LA"` where crossing a tick would take the
    /// liquidity out of uint128; `""` where the contract's SafeCast, SafeMath or FullMath reverts.
    /// The state must be in range (price below 2^160, liquidity below 2^128, tick within the
    /// tick range): pools check it when they are built.
    @inlinable
    public static func swap<Rules: ConcentratedLiquidityRules>(
        rules: Rules,
        ticks: TickTable,
        sqrtPriceX96: UInt256,
        tick: Int32,
        liquidity: UInt256,
        zeroForOne: Bool,
        amountSpecified: Int256,
        sqrtPriceLimitX96 limit: UInt256
    ) throws(PoolError) -> ConcentratedLiquiditySwapResult {
        guard !amountSpecified.isZero else { throw .revert("AS") }
        let limitValid = zeroForOne
            ? limit < sqrtPriceX96 && limit > TickMath.minSqrtRatio
            : limit > sqrtPriceX96 && limit < TickMath.maxSqrtRatio
        guard limitValid else { throw .revert("SPL") }

        let exactInput = !amountSpecified.isNegative
        var remaining = amountSpecified
        var calculated = Int256.zero
        var price = sqrtPriceX96
        var currentTick = tick
        var currentLiquidity = liquidity
        while !remaining.isZero && price != limit {
            let start = price
            var (nextTick, nextIndex) = rules.nextTick(in: ticks, from: currentTick, zeroForOne: zeroForOne)
            if nextTick < TickMath.minTick {
                nextTick = TickMath.minTick
                nextIndex = nil
            } else if nextTick > TickMath.maxTick {
                nextTick = TickMath.maxTick
                nextIndex = nil
            }
            let nextPrice = try TickMath.sqrtRatio(atTick: nextTick)
            let target = (zeroForOne ? nextPrice < limit : nextPrice > limit) ? limit : nextPrice
            let step = try rules.step(current: price, target: target, liquidity: currentLiquidity, amountRemaining: remaining)
            price = step.sqrtRatioNextX96

            // SafeCast.toInt256 of each amount; the running remainder is unchecked (Solidity 0.7),
            // the calculated amount uses LowGasSafeMath.
            guard let paid = Int256(exactly: step.amountIn &+ step.feeAmount),
                  let received = Int256(exactly: step.amountOut)
            else { throw .bareRevert }
            if exactInput {
                remaining = remaining &- paid
                let (sum, overflow) = calculated.subtractingReportingOverflow(received)
                guard !overflow else { throw .bareRevert }
                calculated = sum
            } else {
                remaining = remaining &+ received
                let (sum, overflow) = calculated.addingReportingOverflow(paid)
                guard !overflow else { throw .bareRevert }
                calculated = sum
            }

            if price == nextPrice {
                if let nextIndex {
                    let net = ticks.liquidityNets[nextIndex]
                    currentLiquidity = try LiquidityMath.addDelta(currentLiquidity, zeroForOne ? negatedInt128(net) : net)
                }
                currentTick = zeroForOne ? nextTick - 1 : nextTick
            } else if price != start {
                currentTick = try TickMath.tick(atSqrtRatio: price)
            }
        }

        let specifiedUsed = amountSpecified &- remaining
        let (amount0, amount1) = zeroForOne == exactInput ? (specifiedUsed, calculated) : (calculated, specifiedUsed)
        return ConcentratedLiquiditySwapResult(amount0: amount0, amount1: amount1, sqrtPriceX96: price,
                                               tick: currentTick, liquidity: currentLiquidity)
    }

    /// `-x` for an int128 with Solidity 0.7's wrapping: −2^127 stays −2^127.
    @inlinable
    static func negatedInt128(_ value: Int256) -> Int256 {
        value == int128Min ? value : Int256(bitPattern: UInt256.zero &- value.bitPattern)
    }

    /// −2^127.
    @usableFromInline
    static let int128Min = Int256(bitPattern: UInt256(0, 0x8000_0000_0000_0000, .max, .max))
}
