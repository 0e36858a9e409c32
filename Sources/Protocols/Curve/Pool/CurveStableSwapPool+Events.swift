import Kernel

extension CurveStableSwapPool {
    /// Applies one log of this pool.
    ///
    /// `applied`, exactly: `TokenExchange` (simulated; its `tokens_bought` must equal the payout),
    /// `AddLiquidity`, `RemoveLiquidity` and `RemoveLiquidityImbalance` of classic and NG pools
    /// (the admin share of each logged fee leaves `balances`; NG amounts are taken as received,
    /// true for coins without transfer fees), `RampA` and `StopRampA` (the ramp they set, and A at
    /// the log's block time), `NewFee` and `ApplyNewFee`. `needsReload`, changing nothing:
    /// `TokenExchangeUnderlying`, `RemoveLiquidityOne`, the liquidity events of lending pools, a
    /// `TokenExchange` that reverts or pays another amount on the held state, and a liquidity
    /// event the held balances cannot take. `ignored`: other topics, including another variant's
    /// fee event and another coin count's liquidity events. A malformed log throws `malformed`.
    public mutating func apply(_ log: EventLog) throws(PoolError) -> EventEffect {
        guard let topic = log.topics.first else { return .ignored }
        let reader = ABIReader(log.data[...])
        switch topic {
        case CurveStableSwapEvents.tokenExchange:
            return try applyTokenExchange(reader)
        case CurveStableSwapEvents.rampA:
            // RampA(initial A = _A() now, future A, now, future time).
            let started = try PoolError.decoding { () throws(DecodingError) in
                AmplificationRamp(
                    initialA: try reader.word(0, field: "RampA.old_A"), futureA: try reader.word(1, field: "RampA.new_A"),
                    initialTime: try reader.word(2, field: "RampA.initial_time"), futureTime: try reader.word(3, field: "RampA.future_time"))
            }
            (ramp, amplification) = (started, started.initialA)
        case CurveStableSwapEvents.stopRampA:
            let (a, time) = try PoolError.decoding { () throws(DecodingError) in
                (try reader.word(0, field: "StopRampA.A"), try reader.word(1, field: "StopRampA.t"))
            }
            (ramp, amplification) = (.constant(a, since: time), a)
        case CurveStableSwapEvents.newFee where variant != .stableswapNG:
            let values = try PoolError.decoding { () throws(DecodingError) in
                (try reader.word(0, field: "NewFee.fee"), try reader.word(1, field: "NewFee.admin_fee"))
            }
            (fee, adminFee) = values
        case CurveStableSwapEvents.applyNewFee where variant == .stableswapNG:
            let values = try PoolError.decoding { () throws(DecodingError) in
                (try reader.word(0, field: "ApplyNewFee.fee"), try reader.word(1, field: "ApplyNewFee.offpeg_fee_multiplier"))
            }
            (fee, offpegFeeMultiplier) = values
        case CurveStableSwapEvents.tokenExchangeUnderlying:
            return .needsReload("TokenExchangeUnderlying moves balances by rates the log does not carry")
        case CurveStableSwapEvents.removeLiquidityOne, CurveStableSwapEvents.removeLiquidityOneOld,
             CurveStableSwapEvents.removeLiquidityOneNG:
            return .needsReload("RemoveLiquidityOne does not log the admin fee it keeps")
        default:
            return try applyLiquidity(topic: topic, reader)
        }
        return .applied
    }

    /// Simulates the logged exchange and keeps it only if it pays `tokens_bought`.
    private mutating func applyTokenExchange(_ reader: ABIReader) throws(PoolError) -> EventEffect {
        let (sold, dx, bought, dy) = try PoolError.decoding { () throws(DecodingError) in
            (try reader.int(0, bits: 128, field: "TokenExchange.sold_id"),
             try reader.word(1, field: "TokenExchange.tokens_sold"),
             try reader.int(2, bits: 128, field: "TokenExchange.bought_id"),
             try reader.word(3, field: "TokenExchange.tokens_bought"))
        }
        guard let i = sold.nonNegativeInt, i < balances.count else {
            throw .malformed(DecodingError(.invalidValue, at: 0, field: "TokenExchange.sold_id"))
        }
        guard let j = bought.nonNegativeInt, j < balances.count else {
            throw .malformed(DecodingError(.invalidValue, at: 64, field: "TokenExchange.bought_id"))
        }
        var copy = self
        let paid: UInt256
        do { paid = try copy.exchange(dx, from: i, to: j) } catch {
            return .needsReload("TokenExchange \(i)→\(j) of \(dx) fails on the held state (\(error))")
        }
        guard paid == dy else { return .needsReload("TokenExchange paid \(dy), the held state pays \(paid)") }
        self = copy
        return .applied
    }

    /// `AddLiquidity`, `RemoveLiquidity`, `RemoveLiquidityImbalance` of this pool's array shape;
    /// other topics are ignored.
    private mutating func applyLiquidity(topic: Hash32, _ reader: ABIReader) throws(PoolError) -> EventEffect {
        let isNG = variant == .stableswapNG
        guard let topics = isNG ? CurveStableSwapEvents.ngLiquidity : CurveStableSwapEvents.classicLiquidity(coins: balances.count)
        else { return .ignored }
        let adds: Bool
        switch topic {
        case topics.add: adds = true
        case topics.remove, topics.removeImbalance: adds = false
        default: return .ignored
        }
        if variant == .lending {
            return .needsReload("a lending pool's liquidity events move balances by the coins' rates")
        }
        let (amounts, fees) = try PoolError.decoding { () throws(DecodingError) in
            try Self.liquidityArrays(reader, coins: balances.count, dynamic: isNG)
        }
        var updated = balances
        do {
            for index in 0..<balances.count {
                let adminPart = try CheckedMath.div(try CheckedMath.mul(fees[index], adminFee), StableSwapMath.feeDenominator)
                let moved = adds
                    ? try CheckedMath.add(balances[index], amounts[index])
                    : try CheckedMath.sub(balances[index], amounts[index])
                updated[index] = try CheckedMath.sub(moved, adminPart)
            }
        } catch {
            return .needsReload("a liquidity event does not fit the held balances (\(error))")
        }
        balances = updated
        return .applied
    }

    /// The `token_amounts` and `fees` arrays (head words 0 and 1 of the data: inline for classic
    /// pools, through offsets for NG), each of `coins` elements. NG logs the caller's whole
    /// `_amounts` (a `DynArray` of up to 8, of which the pool reads the first `coins`), so a longer
    /// array is the first `coins` of it.
    private static func liquidityArrays(
        _ reader: ABIReader, coins: Int, dynamic: Bool
    ) throws(DecodingError) -> (CurveCoinValues, CurveCoinValues) {
        var amounts = CurveCoinValues(zeros: coins)
        var fees = CurveCoinValues(zeros: coins)
        if dynamic {
            let (amountCount, amountReader) = try reader.array(0, field: "token_amounts")
            let (feeCount, feeReader) = try reader.array(1, field: "fees")
            guard amountCount >= coins else { throw DecodingError(.wrongLength, at: 0, field: "token_amounts") }
            // RemoveLiquidity logs an empty fees array.
            guard feeCount == coins || feeCount == 0 else { throw DecodingError(.wrongLength, at: 32, field: "fees") }
            for index in 0..<coins {
                amounts[index] = try amountReader.word(index, field: "token_amounts")
                if feeCount > 0 { fees[index] = try feeReader.word(index, field: "fees") }
            }
        } else {
            for index in 0..<coins {
                amounts[index] = try reader.word(index, field: "token_amounts")
                fees[index] = try reader.word(coins + index, field: "fees")
            }
        }
        return (amounts, fees)
    }
}
