/// The swap loop of `UniswapV3Pool.swap`, shared by the pools whose differences fit
/// `ConcentratedLiquidityRules` (Uniswap V3 and its forks, Algebra).
extension ConcentratedLiquidityState {
    /// What the pool's `swap(zeroForOne, amountSpecified, sqrtPriceLimitX96)` under `rules`
    /// would return and leave, without changing the state: positive `amountSpecified` is an exact
    /// input, negative an exact output of its magnitude. Runs the contract's loop exactly: step to
    /// the next tick of the current table word (or the limit), cross initialized ticks with their
    /// `liquidityNet`, and set the tick after a step that ends on a tick's price to that tick
    /// (minus one going down).
    ///
    /// Reverts `"AS"` for a zero amount and `"SPL"` for a limit on the wrong side of the price or
    /// outside `(minSqrtRatio, maxSqrtRatio)`; `"LS"`/`"LA"` where crossing a tick would take the
    /// liquidity out of uint128; `""` where the contract's SafeCast, SafeMath or FullMath reverts.
    /// `invalidState` where the swap would end outside `completeTickRange`.
    @inlinable
    public func quote<Rules: ConcentratedLiquidityRules>(
        _ rules: Rules, zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256
    ) throws(PoolError) -> ConcentratedLiquiditySwapResult {
        var unobserved = UnobservedSwapLoop()
        let result = try Self.swapLoop(
            rules, ticks: ticks, sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity,
            zeroForOne: zeroForOne, amountSpecified: amountSpecified, sqrtPriceLimitX96: sqrtPriceLimitX96, observer: &unobserved)
        try Self.requireKnownEnd(of: result, within: completeTickRange)
        return result
    }

    /// `quote` that also moves the state to where the swap leaves it.
    @inlinable
    public mutating func swap<Rules: ConcentratedLiquidityRules>(
        _ rules: Rules, zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96: UInt256
    ) throws(PoolError) -> ConcentratedLiquiditySwapResult {
        let result = try quote(rules, zeroForOne: zeroForOne, amountSpecified: amountSpecified, sqrtPriceLimitX96: sqrtPriceLimitX96)
        move(to: result)
        return result
    }

    /// The loop of `quote` from the given price, tick and liquidity. It takes the state's fields
    /// as arguments rather than reading `self`: that keeps them in registers, about 10 % fewer
    /// instructions per quote (measured with callgrind). `observer` hears of every step that
    /// ends on a tick's price and may stop the loop there (`quote` passes one that never does,
    /// which compiles away).
    @inlinable
    static func swapLoop<Rules: ConcentratedLiquidityRules, Observer: SwapLoopObserver>(
        _ rules: Rules, ticks: TickTable, sqrtPriceX96: UInt256, tick: Int32, liquidity: UInt256,
        zeroForOne: Bool, amountSpecified: Int256, sqrtPriceLimitX96 limit: UInt256, observer: inout Observer
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
                    currentLiquidity = try LiquidityMath.addDelta(currentLiquidity, zeroForOne ? Self.negatedInt128(net) : net)
                }
                currentTick = zeroForOne ? nextTick - 1 : nextTick
                let onward = observer.steppedOnto(
                    tick: currentTick, crossed: nextIndex != nil, sqrtPriceX96: price, liquidity: currentLiquidity,
                    specifiedUsed: amountSpecified &- remaining, calculated: calculated)
                if !onward { break }
            } else if price != start {
                currentTick = try TickMath.tick(atSqrtRatio: price)
            }
        }

        let specifiedUsed = amountSpecified &- remaining
        let (amount0, amount1) = zeroForOne == exactInput ? (specifiedUsed, calculated) : (calculated, specifiedUsed)
        return ConcentratedLiquiditySwapResult(amount0: amount0, amount1: amount1, sqrtPriceX96: price,
                                               tick: currentTick, liquidity: currentLiquidity)
    }

    /// `invalidState` when a swap ends at a tick outside `completeTickRange` (nil: every tick is
    /// known). Static, as the loop, for the same reason.
    ///
    /// The range's lowest tick is the one a swap down leaves after crossing the loaded words'
    /// lowest tick; its own bit lies in the word below, not loaded. A swap may stop above its
    /// price, but not exactly on it: had that tick been initialized, the pool would have crossed it
    /// there (new liquidity, the tick below, the fee of a step that reached its target).
    @inlinable
    static func requireKnownEnd(of result: ConcentratedLiquiditySwapResult, within completeTickRange: ClosedRange<Int32>?) throws(PoolError) {
        guard let completeTickRange else { return }
        var known = completeTickRange.contains(result.tick)
        if known, result.tick == completeTickRange.lowerBound {
            known = result.sqrtPriceX96 != (try TickMath.sqrtRatio(atTick: result.tick))
        }
        if !known {
            throw .invalidState("the swap ends at tick \(result.tick), outside the loaded ticks \(completeTickRange)")
        }
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
