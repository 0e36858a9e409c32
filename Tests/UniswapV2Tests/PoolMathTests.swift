import Foundation
import Kernel
import Testing
import UniswapV2

/// The pair math against Uniswap's own test answers and real Arbitrum swaps.
@Suite struct PoolMathTests {
    static let pairAddress = Address(bytes: Array(repeating: 0x11, count: 20)) ?? .zero

    static func pair(_ reserve0: UInt256, _ reserve1: UInt256, fee: PairFee = .uniswap) throws -> UniswapV2Pool {
        try UniswapV2Pool(address: pairAddress, token0: .zero, token1: .zero, reserve0: reserve0, reserve1: reserve1, fee: fee)
    }

    @Test func uniswapTestSuiteAnswers() throws {
        let cases = try Fixture.json("uniswap_v2_getAmountOut.json").objects("getAmountOut")
        #expect(cases.count == 7)
        for row in cases {
            let pool = try Self.pair(try row.decimal("reserveIn"), try row.decimal("reserveOut"))
            let expected = try row.decimal("expectedAmountOut")
            #expect(try pool.amountOut(try row.decimal("amountIn"), zeroForOne: true) == expected)
            // The suite's answer is the largest output the pair accepts: getAmountIn of it must not
            // exceed the input, and of one more must.
            #expect(try pool.amountIn(forAmountOut: expected, zeroForOne: true) <= (try row.decimal("amountIn")))
            #expect(try pool.amountIn(forAmountOut: expected + UInt256(1), zeroForOne: true) > (try row.decimal("amountIn")))
        }
    }

    @Test func realArbitrumSwapsAndTheirSync() throws {
        let checks = try Fixture.json("v2_swap_checks.json").objects("v2_swap_checks")
        #expect(checks.count == 2)
        for check in checks {
            let zeroForOne = try check.string("direction") == "token0->token1"
            let reserveIn = try check.decimal("reserve_in_before"), reserveOut = try check.decimal("reserve_out_before")
            var pool = try zeroForOne ? Self.pair(reserveIn, reserveOut) : Self.pair(reserveOut, reserveIn)
            let paid = try pool.swap(exactIn: try check.decimal("amount_in"), zeroForOne: zeroForOne)
            #expect(paid == (try check.decimal("amount_out_actual")))
            #expect((zeroForOne ? pool.reserve0 : pool.reserve1) == reserveIn + (try check.decimal("amount_in")))
        }
    }

    @Test func syncLogSetsTheReservesTheSwapLeft() throws {
        let logs = try Fixture.json("swap_logs.json").objects("logs")
        let syncs = logs.filter { ($0["event"] as? String)?.hasPrefix("UniswapV2-style Sync") == true }
        #expect(!syncs.isEmpty)
        for record in syncs {
            let raw = try record.object("raw_log")
            guard let topics = raw["topics"] as? [String] else { throw FixtureError("topics") }
            let log = EventLog(address: try record.address("pool"), topics: try topics.map { try Hash32(hex: $0) }, data: try raw.bytes("data"))
            var pool = try Self.pair(UInt256(1), UInt256(1))
            #expect(try pool.apply(log) == .applied)
            let decoded = try record.object("decoded")
            #expect(pool.reserve0 == (try decoded.decimal("reserve0")))
            #expect(pool.reserve1 == (try decoded.decimal("reserve1")))
        }
    }

    @Test func exactOutputIsTheSmallestInputThatPays() throws {
        var rng = SplitMix64(seed: 6)
        for _ in 0..<2000 {
            let reserve0 = UInt256(rng.next() >> 8) + UInt256(1), reserve1 = UInt256(rng.next() >> 8) + UInt256(1)
            let pool = try Self.pair(reserve0, reserve1)
            let want = UInt256(rng.next() % (reserve1.uint64Value ?? 1)) + UInt256(1)
            guard want < reserve1 else { continue }
            let input = try pool.amountIn(forAmountOut: want, zeroForOne: true)
            #expect(try pool.amountOut(input, zeroForOne: true) >= want)
            if input > UInt256(1), let less = try? pool.amountOut(input - UInt256(1), zeroForOne: true) {
                #expect(less < want || input == UInt256(1))
            }
        }
    }

    @Test func forkFeesUseTheirOwnConstants() throws {
        let pancake = try #require(PairFee(millionths: 2500))
        #expect(pancake.multiplier == UInt256(9975) && pancake.denominator == UInt256(10000))
        #expect(PairFee.uniswap.multiplier == UInt256(997) && PairFee.uniswap.denominator == UInt256(1000))
        let odd = try #require(PairFee(millionths: 1))
        #expect(odd.multiplier == UInt256(999_999) && odd.denominator == UInt256(1_000_000))
        #expect(PairFee(millionths: 1_000_000) == nil)
    }

    @Test func refusalsCarryTheContractsReasons() throws {
        let pool = try Self.pair(UInt256(1000), UInt256(1000))
        #expect(throws: PoolError.revert("UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT")) { try pool.amountOut(.zero, zeroForOne: true) }
        #expect(throws: PoolError.revert("UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT")) { try pool.amountOut(UInt256(1), zeroForOne: true) }
        #expect(throws: PoolError.revert("ds-math-sub-underflow")) { try pool.amountIn(forAmountOut: UInt256(1001), zeroForOne: true) }
        #expect(throws: PoolError.revert("division by zero")) { try pool.amountIn(forAmountOut: UInt256(1000), zeroForOne: true) }
        #expect(throws: PoolError.revert("ds-math-mul-overflow")) { try pool.amountOut(UInt256.max, zeroForOne: true) }
        let full = try Self.pair(UniswapV2Pool.maxReserve - UInt256(10), UniswapV2Pool.maxReserve)
        #expect(throws: PoolError.revert("UniswapV2: OVERFLOW")) { try full.amountOut(UInt256(1000), zeroForOne: true) }
        // The pair refuses a zero output before it looks at the reserve's size.
        let thin = try Self.pair(UniswapV2Pool.maxReserve - UInt256(10), UInt256(10))
        #expect(throws: PoolError.revert("UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT")) { try thin.amountOut(UInt256(1000), zeroForOne: true) }
        let empty = try Self.pair(.zero, UInt256(1000))
        #expect(throws: PoolError.revert("UniswapV2Library: INSUFFICIENT_LIQUIDITY")) { try empty.amountOut(UInt256(5), zeroForOne: true) }
        #expect(throws: PoolError.invalidState("reserve above 2^112 - 1")) { try Self.pair(UniswapV2Pool.maxReserve + UInt256(1), UInt256(1)) }
        #expect(throws: PoolError.self) { try pool.amountOut(UInt256(1), from: 0, to: 0) }
    }

    @Test func stateLoaderReadsGetReserves() throws {
        var loader = UniswapV2StateLoader(address: Self.pairAddress, token0: .zero, token1: .zero, fee: .uniswap)
        let calls = loader.pendingCalls()
        #expect(calls.count == 1 && calls[0].data == [0x09, 0x02, 0xf1, 0xac] && calls[0].to == Self.pairAddress)
        #expect(throws: PoolError.self) { try loader.pool() }
        let answer = UInt256(5).bigEndianBytes + UInt256(7).bigEndianBytes + UInt256(123).bigEndianBytes
        #expect(throws: PoolError.self) { try loader.absorb([Array(answer.prefix(64))]) }
        var dirty = answer
        dirty[0] = 1
        #expect(throws: PoolError.self) { try loader.absorb([dirty]) }
        try loader.absorb([answer])
        #expect(loader.pendingCalls().isEmpty)
        let pool = try loader.pool()
        #expect(pool.reserve0 == UInt256(5) && pool.reserve1 == UInt256(7))
    }

    @Test func malformedSyncThrowsOtherLogsAreIgnored() throws {
        var pool = try Self.pair(UInt256(3), UInt256(4))
        let short = EventLog(address: Self.pairAddress, topics: [V2PairEvents.sync], data: Array(repeating: 0, count: 40))
        #expect(throws: PoolError.self) { try pool.apply(short) }
        let other = EventLog(address: Self.pairAddress, topics: [Hash32.zero], data: [])
        #expect(try pool.apply(other) == .ignored)
        #expect(try pool.apply(EventLog(address: Self.pairAddress, topics: [], data: [])) == .ignored)
        #expect(pool.reserve0 == UInt256(3) && pool.reserve1 == UInt256(4))
        // Nothing in a pair moves with the block (the protocol's default).
        try pool.advance(toBlock: 300_000_000, timestamp: 1_700_000_000)
        #expect(pool.reserve0 == UInt256(3) && pool.reserve1 == UInt256(4))
    }
}
