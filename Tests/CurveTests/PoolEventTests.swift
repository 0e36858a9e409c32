import Curve
import Kernel
import Testing

/// `CurveStableSwapPool.apply`: the events applied exactly, the ones that ask for a reload, and
/// malformed logs; plus the real Arbitrum TokenExchange logs of the fixture.
@Suite struct PoolEventTests {
    static let exchangeSignature = "TokenExchange(address,int128,uint256,int128,uint256)"

    @Test func tokenExchangeMatchingThePayoutIsApplied() throws {
        var pool = try PoolSample.pool()
        var expected = pool
        let dx = UInt256(2_500_000_000)
        let dy = try expected.exchange(dx, from: 0, to: 1)
        #expect(try pool.apply(PoolSample.log(Self.exchangeSignature, [.zero, dx, .one, dy])) == .applied)
        #expect(pool == expected)
    }

    @Test func tokenExchangeWithAnotherPayoutAsksForAReload() throws {
        var pool = try PoolSample.pool()
        let before = pool
        let dx = UInt256(2_500_000_000)
        let dy = try pool.quote(dx, from: 0, to: 1)
        let effect = try pool.apply(PoolSample.log(Self.exchangeSignature, [.zero, dx, .one, dy &+ .one]))
        #expect(effect == .needsReload("TokenExchange paid \(dy &+ .one), the held state pays \(dy)"))
        #expect(pool == before)
        // One that reverts on the held state (coin 1 for coin 1) too.
        let reverting = try pool.apply(PoolSample.log(Self.exchangeSignature, [.one, dx, .one, dy]))
        #expect(Self.asksForReload(reverting))
        #expect(pool == before)
    }

    @Test func classicLiquidityEventsMoveBalancesNetOfTheAdminFee() throws {
        var pool = try PoolSample.pool()
        let start = pool.balances.array
        let (a0, a1, f0, f1) = (UInt256(1_000_000), UInt256(3_000_000), UInt256(400), UInt256(1_001))
        let add = "AddLiquidity(address,uint256[2],uint256[2],uint256,uint256)"
        #expect(try pool.apply(PoolSample.log(add, [a0, a1, f0, f1, .one, .one])) == .applied)
        // admin fee 50 %: fees 400 and 1001 leave 200 and 500.
        #expect(pool.balances.array == [start[0] + a0 - UInt256(200), start[1] + a1 - UInt256(500)])
        let remove = "RemoveLiquidity(address,uint256[2],uint256[2],uint256)"
        #expect(try pool.apply(PoolSample.log(remove, [a0, a1, .zero, .zero, .one])) == .applied)
        #expect(pool.balances.array == [start[0] - UInt256(200), start[1] - UInt256(500)])
        let imbalance = "RemoveLiquidityImbalance(address,uint256[2],uint256[2],uint256,uint256)"
        #expect(try pool.apply(PoolSample.log(imbalance, [.zero, a0, .zero, UInt256(10), .one, .one])) == .applied)
        #expect(pool.balances.array == [start[0] - UInt256(200), start[1] - UInt256(500) - a0 - UInt256(5)])
    }

    @Test func ngLiquidityEventsReadDynamicArrays() throws {
        var pool = try PoolSample.pool(.stableswapNG)
        let start = pool.balances.array
        // AddLiquidity(provider, uint256[] amounts, uint256[] fees, invariant, supply): heads, then the arrays.
        let words: [UInt256] = [UInt256(128), UInt256(224), .one, .one,
                                UInt256(2), UInt256(7_000), UInt256(9_000),
                                UInt256(2), UInt256(11), UInt256(20)]
        #expect(try pool.apply(PoolSample.log("AddLiquidity(address,uint256[],uint256[],uint256,uint256)", words)) == .applied)
        #expect(pool.balances.array == [start[0] + UInt256(7_000 - 5), start[1] + UInt256(9_000 - 10)])
        // RemoveLiquidity logs an empty fees array.
        let remove: [UInt256] = [UInt256(96), UInt256(192), .one, UInt256(2), UInt256(7_000), UInt256(9_000), .zero]
        #expect(try pool.apply(PoolSample.log("RemoveLiquidity(address,uint256[],uint256[],uint256)", remove)) == .applied)
        #expect(pool.balances.array == [start[0] - UInt256(5), start[1] - UInt256(10)])
    }

    /// NG logs the caller's whole `_amounts` DynArray; the pool reads its first N entries and a
    /// shorter one reverts on chain, so it cannot be a real log.
    @Test func ngAmountsLongerThanTheCoinsCountOnlyTheFirstOnes() throws {
        var pool = try PoolSample.pool(.stableswapNG)
        let start = pool.balances.array
        let add = "AddLiquidity(address,uint256[],uint256[],uint256,uint256)"
        let longer: [UInt256] = [UInt256(128), UInt256(256), .one, .one,
                                 UInt256(3), UInt256(7_000), UInt256(9_000), UInt256(123_456),
                                 UInt256(2), UInt256(11), UInt256(20)]
        #expect(try pool.apply(PoolSample.log(add, longer)) == .applied)
        #expect(pool.balances.array == [start[0] + UInt256(7_000 - 5), start[1] + UInt256(9_000 - 10)])
        let shorter: [UInt256] = [UInt256(128), UInt256(192), .one, .one, UInt256(1), UInt256(7_000), UInt256(2), UInt256(11), UInt256(20)]
        let before = pool
        #expect(throws: PoolError.malformed(DecodingError(.wrongLength, at: 0, field: "token_amounts"))) {
            try pool.apply(PoolSample.log(add, shorter))
        }
        #expect(pool == before)
    }

    @Test func parameterEventsAreApplied() throws {
        var classic = try PoolSample.pool()
        #expect(try classic.apply(PoolSample.log("StopRampA(uint256,uint256)", [UInt256(123_456), UInt256(1_700_000_000)], indexed: false)) == .applied)
        #expect(classic.amplification == UInt256(123_456))
        let newFee = PoolSample.log("NewFee(uint256,uint256)", [UInt256(4_000_000), UInt256(2_000_000_000)], indexed: false)
        #expect(try classic.apply(newFee) == .applied)
        #expect(classic.fee == UInt256(4_000_000) && classic.adminFee == UInt256(2_000_000_000))
        var ng = try PoolSample.pool(.stableswapNG)
        let applyNewFee = PoolSample.log("ApplyNewFee(uint256,uint256)", [UInt256(3_000_000), UInt256(20_000_000_000)], indexed: false)
        #expect(try ng.apply(applyNewFee) == .applied)
        #expect(ng.fee == UInt256(3_000_000) && ng.offpegFeeMultiplier == UInt256(20_000_000_000))
        // Each variant's fee event is not the other's.
        let (classicBefore, ngBefore) = (classic, ng)
        #expect(try classic.apply(applyNewFee) == .ignored)
        #expect(try ng.apply(newFee) == .ignored)
        #expect(classic == classicBefore && ng == ngBefore)
    }

    /// `RampA` starts the ramp it logs (A at the log's time is its first value); `StopRampA`
    /// holds the logged A from then on.
    @Test func rampEventsSetTheRamp() throws {
        var pool = try PoolSample.pool(a: 200_000)
        let start = UInt256(1_700_000_000), end = UInt256(1_700_000_000 + 7 * 86_400)
        #expect(try pool.apply(PoolSample.log("RampA(uint256,uint256,uint256,uint256)", [UInt256(200_000), UInt256(300_000), start, end], indexed: false)) == .applied)
        #expect(pool.ramp == AmplificationRamp(initialA: UInt256(200_000), futureA: UInt256(300_000), initialTime: start, futureTime: end))
        #expect(pool.amplification == UInt256(200_000))
        try pool.advance(toBlock: 1, timestamp: 1_700_000_000 + 7 * 43_200)
        #expect(pool.amplification == UInt256(250_000))
        #expect(try pool.apply(PoolSample.log("StopRampA(uint256,uint256)", [UInt256(250_000), UInt256(1_700_000_000 + 7 * 43_200)], indexed: false)) == .applied)
        try pool.advance(toBlock: 2, timestamp: 1_800_000_000)
        #expect(pool.amplification == UInt256(250_000))
        let short = PoolSample.log("RampA(uint256,uint256,uint256,uint256)", [UInt256(200_000), UInt256(300_000), start], indexed: false)
        #expect(throws: PoolError.malformed(DecodingError(.truncated, at: 96, field: "RampA.future_time"))) { try pool.apply(short) }
    }

    @Test(arguments: [
        "RemoveLiquidityOne(address,uint256,uint256,uint256)",
        "RemoveLiquidityOne(address,int128,uint256,uint256,uint256)",
        "TokenExchangeUnderlying(address,int128,uint256,int128,uint256)",
    ])
    func eventsTheLogCannotApplyAskForAReload(signature: String) throws {
        var pool = try PoolSample.pool()
        let before = pool
        let log = PoolSample.log(signature, Array(repeating: UInt256.one, count: 5))
        #expect(CurveStableSwapPool.stateEventTopics.contains(log.topics[0]))
        #expect(Self.asksForReload(try pool.apply(log)))
        #expect(pool == before)
    }

    @Test func liquidityEventsBeyondTheHeldBalancesAskForAReload() throws {
        var pool = try PoolSample.pool()
        let before = pool
        let remove = "RemoveLiquidity(address,uint256[2],uint256[2],uint256)"
        let tooMuch = pool.balances.array[0] &+ .one
        #expect(Self.asksForReload(try pool.apply(PoolSample.log(remove, [tooMuch, .zero, .zero, .zero, .one]))))
        #expect(pool == before)
    }

    @Test func lendingLiquidityEventsAskForAReload() throws {
        var pool = try PoolSample.pool(.lending)
        let before = pool
        let add = "AddLiquidity(address,uint256[2],uint256[2],uint256,uint256)"
        #expect(Self.asksForReload(try pool.apply(PoolSample.log(add, Array(repeating: UInt256.one, count: 6)))))
        #expect(pool == before)
    }

    @Test func malformedLogsNameTheirField() throws {
        var pool = try PoolSample.pool()
        let before = pool
        let short = PoolSample.log(Self.exchangeSignature, [.zero, UInt256(1_000)])
        #expect(throws: PoolError.malformed(DecodingError(.truncated, at: 64, field: "TokenExchange.bought_id"))) {
            try pool.apply(short)
        }
        let dirtyIndex = PoolSample.log(Self.exchangeSignature, [UInt256(1, 0, 1, 0), .one, .one, .one])
        #expect(throws: PoolError.self) { try pool.apply(dirtyIndex) }
        let outOfRange = PoolSample.log(Self.exchangeSignature, [.zero, .one, UInt256(5), .one])
        #expect(throws: PoolError.malformed(DecodingError(.invalidValue, at: 64, field: "TokenExchange.bought_id"))) {
            try pool.apply(outOfRange)
        }
        let badArray = PoolSample.log("AddLiquidity(address,uint256[],uint256[],uint256,uint256)", [UInt256(1_000_000)])
        var ng = try PoolSample.pool(.stableswapNG)
        #expect(throws: PoolError.self) { try ng.apply(badArray) }
        #expect(pool == before)
    }

    @Test func otherTopicsLeaveTheStateAlone() throws {
        var pool = try PoolSample.pool()
        let before = pool
        #expect(try pool.apply(PoolSample.log("Transfer(address,address,uint256)", [.one])) == .ignored)
        #expect(try pool.apply(EventLog(address: PoolSample.twoPool, topics: [], data: [])) == .ignored)
        // Another coin count's liquidity event is not this 2-coin pool's.
        #expect(try pool.apply(PoolSample.log("AddLiquidity(address,uint256[3],uint256[3],uint256,uint256)", Array(repeating: UInt256.one, count: 8))) == .ignored)
        #expect(pool == before)
    }

    /// The fixture's real StableSwap TokenExchange logs (the 2pool and three NG pools): their topic0
    /// is the one `stateEventTopics` lists, and they decode through `apply`. No pre-swap balances
    /// were captured, so a held state that pays another amount must answer `needsReload` and stay
    /// unchanged; the Tricrypto-NG logs (another topic0) leave the state alone.
    @Test func realArbitrumLogs() throws {
        let exchanges = try Fixture.json("arbitrum_curve_exchanges.json").objects("exchanges")
        var stableSwapLogs = 0
        for exchange in exchanges {
            let topics = try #require(exchange["topics"] as? [String]).map { try Hash32(hex: $0) }
            let log = EventLog(address: try exchange.address("pool"), topics: topics,
                               data: try [UInt8](hexFixture: try exchange.string("data")))
            var pool = try PoolSample.pool(.stableswapNG, balances: [UInt256(1_000), UInt256(1_000)])
            let before = pool
            if CurveStableSwapPool.stateEventTopics.contains(topics[0]) {
                stableSwapLogs += 1
                #expect(Self.asksForReload(try pool.apply(log)))
            } else {
                #expect(try pool.apply(log) == .ignored)
            }
            #expect(pool == before)
        }
        #expect(stableSwapLogs == 7)
    }

    /// Whether `effect` asks for a reload (its reason is free text).
    static func asksForReload(_ effect: EventEffect) -> Bool {
        if case .needsReload = effect { return true }
        return false
    }
}
