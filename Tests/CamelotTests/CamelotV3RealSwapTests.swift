import Foundation
import Kernel
import Testing
import Camelot

/// Real Camelot V3 swaps (Fixtures/swap_logs.json, Algebra `Swap` logs with the price, tick and
/// liquidity after the swap) replayed through `CamelotV3Pool`, and the real tick table of the
/// WETH/USDC.e pool (Fixtures/camelot_v3_weth_usdce_0x521aa84a.json).
///
/// The logs give no pre-swap state. For three exact-output swaps that stayed in one liquidity
/// range the state before is reconstructed (by the Python transcription, pool_camelot_algebra.py):
/// the price P0 from which the logged output moves the price to the logged one, and the one
/// direction fee (or fee range) with which the pool charges the logged input. The other four
/// swaps cross ticks or are exact-input swaps whose state could not be reconstructed.
@Suite struct CamelotV3RealSwapTests {
    /// A swap with its reconstructed pre-swap price and fee.
    struct Replay {
        let transaction: String
        let priceBefore: String
        let fee: UInt16
    }

    static let replays: [Replay] = [
        // WETH/USDC.e, ParaSwap exactOutput: fees 716…722 all reproduce this small swap.
        Replay(transaction: "0x92a422b7", priceBefore: "3981797425030697463893140", fee: 720),
        // Unique fees.
        Replay(transaction: "0xbcc690fb", priceBefore: "28127662376217412619910166992", fee: 5866),
        Replay(transaction: "0xbdfe4bfb", priceBefore: "873262359432871223070184", fee: 10069),
    ]

    let logs: [[String: Any]]

    init() throws {
        logs = try Fixture.json("swap_logs.json").objects("logs").filter {
            (($0["pool_identified_by_create2"] as? [String: Any])?["dex"] as? String)?.hasPrefix("Camelot V3") == true
        }
    }

    func log(_ transaction: String) throws -> [String: Any] {
        try #require(logs.first { ($0["tx_hash"] as? String)?.hasPrefix(transaction) == true })
    }

    @Test func reconstructedSingleRangeSwapsReplayToTheWei() throws {
        for replay in Self.replays {
            let decoded = try log(replay.transaction).object("decoded")
            let amount0 = try #require(Int256(decimal: try decoded.string("amount0")))
            let amount1 = try #require(Int256(decimal: try decoded.string("amount1")))
            let zeroForOne = !amount0.isNegative
            let price = try #require(UInt256(decimal: replay.priceBefore))
            var pool = try CamelotV3Pool(
                address: .zero, token0: .zero, token1: .zero, tickSpacing: 60, feeZeroToOne: replay.fee, feeOneToZero: replay.fee,
                sqrtPriceX96: price, tick: try TickMath.tick(atSqrtRatio: price), liquidity: try decoded.decimal("liquidity"),
                ticks: TickTable())
            let exactOutput = zeroForOne ? amount1 : amount0
            let result = try pool.swap(zeroForOne: zeroForOne, amountSpecified: exactOutput,
                                       sqrtPriceLimitX96: zeroForOne ? TickMath.minSqrtRatio &+ .one : TickMath.maxSqrtRatio &- .one)
            #expect(result.amount0 == amount0 && result.amount1 == amount1, "\(replay.transaction)")
            #expect(result.sqrtPriceX96 == (try decoded.decimal("sqrtPriceX96")), "\(replay.transaction)")
            #expect(String(result.tick) == (try decoded.string("tick")), "\(replay.transaction)")
            #expect(result.liquidity == (try decoded.decimal("liquidity")), "\(replay.transaction)")
            if replay.transaction != "0x92a422b7" {
                for fee in [replay.fee - 1, replay.fee + 1] {
                    var other = pool
                    let effect = try other.apply(EventLog(address: .zero, topics: [CamelotV3Pool.feeTopic],
                                                          data: UInt256(UInt64(fee)).bigEndianBytes + UInt256(UInt64(fee)).bigEndianBytes))
                    #expect(effect == .applied)
                    let again = try other.quote(zeroForOne: zeroForOne, amountSpecified: exactOutput,
                                                sqrtPriceLimitX96: zeroForOne ? TickMath.minSqrtRatio &+ .one : TickMath.maxSqrtRatio &- .one)
                    #expect(again.amount0 != amount0 || again.amount1 != amount1, "fee \(fee)")
                }
            }
        }
    }

    @Test func realSwapLogsSetPriceTickAndLiquidity() throws {
        #expect(logs.count == 7)
        var pool = try CamelotV3Pool(
            address: .zero, token0: .zero, token1: .zero, tickSpacing: 60, feeZeroToOne: 100, feeOneToZero: 100,
            sqrtPriceX96: TickMath.minSqrtRatio, tick: TickMath.minTick, liquidity: .zero, ticks: TickTable())
        for log in logs {
            let raw = try log.object("raw_log")
            let topics = try #require(raw["topics"] as? [String]).map { text throws in try Hash32(hex: text) }
            #expect(topics.first == CamelotV3Pool.swapTopic)
            #expect(try pool.apply(EventLog(address: try log.address("pool"), topics: topics, data: try raw.bytes("data"))) == .applied)
            let decoded = try log.object("decoded")
            #expect(pool.sqrtPriceX96 == (try decoded.decimal("sqrtPriceX96")))
            #expect(pool.liquidity == (try decoded.decimal("liquidity")))
            #expect(String(pool.tick) == (try decoded.string("tick")))
        }
    }

    /// The WETH/USDC.e pool as the snapshot gives it.
    func snapshotPool() throws -> CamelotV3Pool {
        let snapshot = try Fixture.json("camelot_v3_weth_usdce_0x521aa84a.json")
        let state = try snapshot.object("state")
        var entries: [TickTable.Entry] = []
        for tick in try snapshot.objects("ticks") {
            entries.append(TickTable.Entry(
                tick: Int32(try #require(tick["tick"] as? Int)),
                liquidityNet: try #require(Int256(decimal: try tick.string("liquidityNet"))),
                liquidityGross: try tick.decimal("liquidityGross")))
        }
        return try CamelotV3Pool(
            address: try snapshot.address("pool"), token0: .zero, token1: .zero,
            tickSpacing: Int32(try #require(snapshot["tickSpacing"] as? Int)),
            feeZeroToOne: try #require((state["fee_zero_to_one"] as? NSNumber)?.uint16Value),
            feeOneToZero: try #require((state["fee_one_to_zero"] as? NSNumber)?.uint16Value),
            sqrtPriceX96: try state.decimal("sqrtPriceX96"), tick: Int32(try #require(state["tick"] as? Int)),
            liquidity: try state.decimal("liquidity"), ticks: TickTable(entries))
    }

    @Test func realTickTableIsConsistentAndWalkedInRawTickWords() throws {
        let pool = try snapshotPool()
        #expect(pool.ticks.ticks.count == 145)
        var active = Int256.zero
        for (index, tick) in pool.ticks.ticks.enumerated() where tick <= pool.tick {
            active = active + pool.ticks.liquidityNets[index]
        }
        #expect(active.magnitude == pool.liquidity && !active.isNegative)
        // Selling 200 WETH crosses many ticks; Algebra steps at every 256-tick word, Uniswap's
        // walk (compressed by the spacing of 10) at every 2560 ticks: the step boundaries, and so
        // the rounding, differ.
        let limit = TickMath.minSqrtRatio &+ .one
        let amount = try #require(Int256(decimal: "200000000000000000000"))
        let algebra = try pool.quote(zeroForOne: true, amountSpecified: amount, sqrtPriceLimitX96: limit)
        let uniswap = try pool.state.quote(
            UniswapV3Rules(fee: UInt32(pool.feeZeroToOne), tickSpacing: pool.tickSpacing),
            zeroForOne: true, amountSpecified: amount, sqrtPriceLimitX96: limit)
        #expect(algebra.amount0 == amount)
        #expect(algebra.amount1.isNegative)
        #expect(algebra.tick < -250_000)
        #expect(algebra.amount1 != uniswap.amount1 || algebra.sqrtPriceX96 != uniswap.sqrtPriceX96)
    }
}
