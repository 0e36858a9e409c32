extension ConcentratedLiquidityState {
    /// The closed form of each tick range an exact-input swap in this direction runs through,
    /// in order, from the current state: at most `limit` ranges, ending where the loaded ticks
    /// (`completeTickRange`) or the price range end, or where the loop would revert. An input
    /// at or past the last range's end pays no more, or is refused (the swap would end on ticks
    /// the table does not cover), or reverts.
    ///
    /// It runs the pool's own swap loop once, with as much input as int256 holds and no price
    /// limit, and cuts it at every initialized tick it crosses: each range starts with the input
    /// and output the loop had used and paid there, exactly what a swap of that input pays (its
    /// steps are the same, each reaching its target), and the constant product of that tick's
    /// price and the liquidity after crossing. Ranges no input enters (zero liquidity, a price
    /// that sits on the tick) are left out.
    public func swapSegments<Rules: ConcentratedLiquidityRules>(_ rules: Rules, zeroForOne: Bool, limit: Int) -> [SwapSegment] {
        var recorder = SegmentRecorder(
            rules: rules, zeroForOne: zeroForOne, completeTickRange: completeTickRange, limit: limit,
            sqrtPriceX96: sqrtPriceX96, liquidity: liquidity)
        guard limit > 0 else { return [] }
        let noLimit = zeroForOne ? TickMath.minSqrtRatio &+ .one : TickMath.maxSqrtRatio &- .one
        guard let result = try? Self.swapLoop(
            rules, ticks: ticks, sqrtPriceX96: sqrtPriceX96, tick: tick, liquidity: liquidity,
            zeroForOne: zeroForOne, amountSpecified: .max, sqrtPriceLimitX96: noLimit, observer: &recorder)
        else { return recorder.segments }
        if !recorder.stopped {
            let (used, paid) = zeroForOne ? (result.amount0, result.amount1) : (result.amount1, result.amount0)
            recorder.close(input: used.magnitude, output: paid.magnitude)
        }
        return recorder.segments
    }

    /// The constant product of the range at `sqrtPriceX96` with `liquidity`: virtual reserves
    /// `x = L·2^96/√P` (token0) and `y = L·√P/2^96` (token1), the input side rounded down and the
    /// output side up, and the direction's fee in millionths taken from the input
    /// (`amountRemainingLessFee = amount·(10^6 − fee)/10^6` in `SwapMath.computeSwapStep`).
    /// Nil for zero liquidity (the price jumps to the next tick) or a fee of 10^6 or more.
    static func rangeCurve(liquidity: UInt256, sqrtPriceX96 price: UInt256, zeroForOne: Bool, feePips: UInt32) -> SwapCurve? {
        let q96 = UInt256.one << 96
        guard feePips < 1_000_000, !liquidity.isZero,
              let reserveIn = zeroForOne ? UInt256.mulDiv(liquidity, q96, price) : UInt256.mulDiv(liquidity, price, q96),
              let reserveOut = zeroForOne ? UInt256.mulDivRoundingUp(liquidity, price, q96) : UInt256.mulDivRoundingUp(liquidity, q96, price)
        else { return nil }
        return SwapCurve(
            reserveIn: reserveIn, reserveOut: reserveOut,
            feeMultiplier: UInt256(UInt64(1_000_000 - feePips)), feeDenominator: UInt256(1_000_000),
            inputLimit: nil)
    }
}

/// Cuts a swap loop into `SwapSegment`s at the initialized ticks it crosses.
private struct SegmentRecorder<Rules: ConcentratedLiquidityRules>: SwapLoopObserver {
    let rules: Rules
    let zeroForOne: Bool
    let completeTickRange: ClosedRange<Int32>?
    let limit: Int
    /// The ranges closed so far.
    var segments: [SwapSegment] = []
    /// Whether the recorder stopped the loop (the last range is closed).
    var stopped = false
    /// The open range: where it starts and its curve (nil: no input enters it).
    private var start: (input: UInt256, output: UInt256, curve: SwapCurve?)
    /// Where the last step ended (or the swap began): input, output, price, and the liquidity
    /// the next step runs on.
    private var last: (input: UInt256, output: UInt256, sqrtPriceX96: UInt256, liquidity: UInt256)

    init(rules: Rules, zeroForOne: Bool, completeTickRange: ClosedRange<Int32>?, limit: Int, sqrtPriceX96: UInt256, liquidity: UInt256) {
        self.rules = rules
        self.zeroForOne = zeroForOne
        self.completeTickRange = completeTickRange
        self.limit = limit
        start = (.zero, .zero, ConcentratedLiquidityState.rangeCurve(
            liquidity: liquidity, sqrtPriceX96: sqrtPriceX96, zeroForOne: zeroForOne, feePips: rules.feePips))
        last = (.zero, .zero, sqrtPriceX96, liquidity)
    }

    mutating func steppedOnto(
        tick: Int32, crossed: Bool, sqrtPriceX96: UInt256, liquidity: UInt256, specifiedUsed: Int256, calculated: Int256
    ) -> Bool {
        let (input, output) = (specifiedUsed.magnitude, calculated.magnitude)
        // As `requireKnownEnd`: going up, the range's lowest tick's own price is not known.
        if let range = completeTickRange, !range.contains(tick) || (tick == range.lowerBound && !zeroForOne) {
            closeAtKnownEnd(of: range)
            stopped = true
            return false
        }
        last = (input, output, sqrtPriceX96, liquidity)
        guard crossed else { return true }
        close(input: input, output: output)
        if segments.count >= limit {
            stopped = true
            return false
        }
        start = (input, output, ConcentratedLiquidityState.rangeCurve(
            liquidity: liquidity, sqrtPriceX96: sqrtPriceX96, zeroForOne: zeroForOne, feePips: rules.feePips))
        return true
    }

    /// Ends the open range where a swap would leave the loaded ticks: at the price of the
    /// range's lowest tick going down (a swap ending there is refused; one ending just above it
    /// is not), of the tick above the highest going up, when that price lies within the step
    /// that left them; the pool's own step from the last step's end gives the input and output.
    private mutating func closeAtKnownEnd(of range: ClosedRange<Int32>) {
        let edge = zeroForOne ? range.lowerBound : range.upperBound + 1
        guard edge >= TickMath.minTick, edge <= TickMath.maxTick, let price = try? TickMath.sqrtRatio(atTick: edge),
              zeroForOne ? price < last.sqrtPriceX96 : price > last.sqrtPriceX96,
              let step = try? rules.step(current: last.sqrtPriceX96, target: price, liquidity: last.liquidity, amountRemaining: .max),
              step.sqrtRatioNextX96 == price
        else {
            close(input: last.input, output: last.output)
            return
        }
        close(input: last.input + step.amountIn + step.feeAmount, output: last.output + step.amountOut)
    }

    /// Ends the open range at `input` (paying `output`), keeping it if any input enters it.
    mutating func close(input: UInt256, output: UInt256) {
        guard var curve = start.curve, input > start.input else { return }
        curve.inputLimit = input - start.input
        segments.append(SwapSegment(startInput: start.input, startOutput: start.output, curve: curve))
    }
}
