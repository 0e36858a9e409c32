import Foundation
import Kernel
import Testing
import UniswapV3

/// The swap loop on real tick tables, real consecutive swaps, and extremes.
struct PoolSwapTests {
    // MARK: Real tick tables (Fixtures/*.json from shared/fixtures/chain/pool_snapshots)

    /// Uniswap V3 WBTC/weETH at block 438,994,300: 1636887572270 weETH in pays 0 WBTC on chain,
    /// because each of the 112 per-word steps rounds its output down to 0.
    @Test func wbtcWeethSwapPaysZeroStepByStep() throws {
        let (pool, json) = try Snapshot.pool("uniswap_v3_wbtc_weeth_100_0x7c9ad041_block438994300.json")
        guard let answer = (json["known_answers"] as? [[String: Any]])?.first,
              let reproduced = answer["reproduced_here"] as? [String: Any]
        else { throw FixtureError("no known answer") }
        let amountIn = try Parse.int(answer["amount_in"])
        let result = try pool.quote(zeroForOne: false, amountSpecified: amountIn, sqrtPriceLimitX96: highestLimit)
        #expect(result.amount0 == .zero)
        #expect(result.amount0.magnitude == (try Parse.uint(answer["amount_out"])))
        #expect(result.amount1 == amountIn)
        #expect(result.sqrtPriceX96 == (try Parse.uint(reproduced["sqrtPriceX96_after"])))
        #expect(result.tick == (try Parse.tick(reproduced["tick_after"])))
        #expect(result.liquidity == pool.liquidity)
        #expect(try pool.amountOut(amountIn.bitPattern, from: 1, to: 0) == .zero)
    }

    /// Rules that jump straight to the next initialized tick, merging empty words: the simulator
    /// bug the WBTC/weETH fixture documents (it pays 39 instead of 0).
    struct MergedWordRules: ConcentratedLiquidityRules {
        let base: UniswapV3Rules
        func nextTick(in table: TickTable, from tick: Int32, zeroForOne: Bool) -> (tick: Int32, index: Int?) {
            if zeroForOne {
                guard let index = table.ticks.lastIndex(where: { $0 <= tick }) else { return (TickMath.minTick, nil) }
                return (table.ticks[index], index)
            }
            guard let index = table.ticks.firstIndex(where: { $0 > tick }) else { return (TickMath.maxTick, nil) }
            return (table.ticks[index], index)
        }
        func step(current: UInt256, target: UInt256, liquidity: UInt256, amountRemaining: Int256) throws(PoolError) -> SwapStep {
            try base.step(current: current, target: target, liquidity: liquidity, amountRemaining: amountRemaining)
        }
        var feePips: UInt32 { base.feePips }
    }

    @Test func mergingEmptyWordsWouldPay39() throws {
        let (pool, _) = try Snapshot.pool("uniswap_v3_wbtc_weeth_100_0x7c9ad041_block438994300.json")
        let rules = MergedWordRules(base: UniswapV3Rules(fee: pool.fee, tickSpacing: pool.tickSpacing))
        let result = try pool.state.quote(rules, zeroForOne: false, amountSpecified: 1_636_887_572_270, sqrtPriceLimitX96: highestLimit)
        #expect(result.amount0 == -39)
    }

    @Test(arguments: ["ramses_v2_arb_usdce_500_20231218.json", "ramses_v2_arb_usdce_500_20250218.json"])
    func ramsesKnownAnswers(file: String) throws {
        var (pool, json) = try Snapshot.pool(file)
        guard let answer = (json["known_answers"] as? [[String: Any]])?.first,
              let reproduced = answer["reproduced_here"] as? [String: Any]
        else { throw FixtureError("no known answer in \(file)") }
        let amountIn = try Parse.int(answer["amount_in"])
        let result = try pool.swap(zeroForOne: true, amountSpecified: amountIn, sqrtPriceLimitX96: lowestLimit)
        #expect(result.amount0 == amountIn)
        #expect(result.amount1.magnitude == (try Parse.uint(answer["amount_out"])))
        #expect(result.amount1.isNegative)
        #expect(result.sqrtPriceX96 == (try Parse.uint(reproduced["sqrtPriceX96_after"])))
        #expect(result.tick == (try Parse.tick(reproduced["tick_after"])))
        #expect(pool.sqrtPriceX96 == result.sqrtPriceX96 && pool.tick == result.tick && pool.liquidity == result.liquidity)
    }

    /// Deep swaps across a real table: exact output of what an exact input paid gives back the
    /// same price path's amounts within the contract's rounding, and liquidity follows liquidityNet.
    @Test func crossingRealTicksKeepsLiquidityConsistent() throws {
        let (pool, _) = try Snapshot.pool("ramses_v2_arb_usdce_500_20231218.json")
        for zeroForOne in [true, false] {
            let result = try pool.quote(zeroForOne: zeroForOne, amountSpecified: Int256(bitPattern: UInt256(1) << 120),
                                        sqrtPriceLimitX96: zeroForOne ? lowestLimit : highestLimit)
            // Every position is crossed: the far end of the table has zero liquidity left.
            #expect(result.liquidity == .zero)
            #expect(result.sqrtPriceX96 == (zeroForOne ? lowestLimit : highestLimit))
            let expectedLiquidity = pool.ticks.entries.filter { $0.tick <= result.tick }
                .reduce(Int256.zero) { $0 &+ $1.liquidityNet }
            #expect(expectedLiquidity.bitPattern == result.liquidity)
            // Paying for exactly the output received costs no more than the exact input used.
            let out = zeroForOne ? result.amount1 : result.amount0
            let back = try pool.quote(zeroForOne: zeroForOne, amountSpecified: out, sqrtPriceLimitX96: zeroForOne ? lowestLimit : highestLimit)
            let paidIn = zeroForOne ? result.amount0 : result.amount1
            let paidBack = zeroForOne ? back.amount0 : back.amount1
            #expect(paidBack <= paidIn)
            #expect((zeroForOne ? back.amount1 : back.amount0) == out)
        }
    }

    // MARK: Real consecutive swaps (Fixtures/consecutive_swaps.json)

    /// Two swaps of one V3-style pool in one transaction with unchanged active liquidity: the
    /// second, applied to the state after the first, gives its event's amounts, price and tick.
    /// The pool is not identified by CREATE2 in the source; of the fees 0 … 29999 only 450
    /// (0.045 %, not a Uniswap tier, so a fork with its own fee) replays it, as an exact input.
    @Test func consecutiveV3SwapsReplayExactly() throws {
        let logs = try Fixture.json("consecutive_swaps.json")["logs"] as? [[String: Any]] ?? []
        let pair = logs.filter { ($0["pool"] as? String)?.hasPrefix("0xeE5F2E39") == true }
        #expect(pair.count == 2)
        guard pair.count == 2, let before = pair[0]["decoded"] as? [String: Any], let after = pair[1]["decoded"] as? [String: Any]
        else { return }
        for spacing: Int32 in [1, 10, 60] {
            #expect(try replays(before: before, after: after, fee: 450, spacing: spacing) == ["exact input"])
        }
        for fee: UInt32 in [100, 449, 451, 500, 3000, 10000] {
            #expect(try replays(before: before, after: after, fee: fee, spacing: 1) == [], "fee \(fee)")
        }
    }

    /// The same check on a Uniswap V4 pool's two swaps (fee 8 pips): V4's swap step is V3's math,
    /// and its event's amounts are the swapper's deltas (the negation of V3's).
    @Test func consecutiveV4SwapsReplayExactly() throws {
        let logs = try Fixture.json("consecutive_swaps.json")["logs"] as? [[String: Any]] ?? []
        let pair = logs.filter { ($0["pool"] as? String)?.hasPrefix("0x360E68fa") == true }
        #expect(pair.count == 2)
        guard pair.count == 2, var before = pair[0]["decoded"] as? [String: Any], var after = pair[1]["decoded"] as? [String: Any]
        else { return }
        for key in ["amount0", "amount1"] {
            before[key] = (-(try Parse.int(before[key]))).description
            after[key] = (-(try Parse.int(after[key]))).description
        }
        #expect(try replays(before: before, after: after, fee: 8, spacing: 1) == ["exact input"])
    }

    /// Which of exact input (the paid amount) and exact output (the received amount) replays
    /// `after` from the state `before` leaves.
    private func replays(before: [String: Any], after: [String: Any], fee: UInt32, spacing: Int32) throws -> [String] {
        let pool = try UniswapV3Pool(address: .zero, token0: .zero, token1: .zero, fee: fee, tickSpacing: spacing,
                                     sqrtPriceX96: Parse.uint(before["sqrtPriceX96"]), tick: Parse.tick(before["tick"]),
                                     liquidity: Parse.uint(before["liquidity"]), ticks: TickTable())
        let amount0 = try Parse.int(after["amount0"]), amount1 = try Parse.int(after["amount1"])
        let zeroForOne = !amount0.isNegative
        let paid = zeroForOne ? amount0 : amount1
        let received = zeroForOne ? amount1 : amount0
        let expected = ConcentratedLiquiditySwapResult(amount0: amount0, amount1: amount1, sqrtPriceX96: try Parse.uint(after["sqrtPriceX96"]),
                                                       tick: try Parse.tick(after["tick"]), liquidity: try Parse.uint(after["liquidity"]))
        var modes: [String] = []
        let limit = zeroForOne ? lowestLimit : highestLimit
        if try pool.quote(zeroForOne: zeroForOne, amountSpecified: paid, sqrtPriceLimitX96: limit) == expected { modes.append("exact input") }
        if try pool.quote(zeroForOne: zeroForOne, amountSpecified: received, sqrtPriceLimitX96: limit) == expected { modes.append("exact output") }
        return modes
    }
}
