import Kernel
import Testing
import Camelot

/// `CamelotV3Pool`'s events, loader and bad input: typed errors, never a trap, no state change
/// on a refused log.
@Suite struct CamelotV3PoolTests {
    static let poolAddress = Address(lowBytesOf: Keccak256.hash([7]))

    func pool() throws -> CamelotV3Pool {
        let price = try TickMath.sqrtRatio(atTick: 5)
        return try CamelotV3Pool(
            address: Self.poolAddress, token0: .zero, token1: .zero, tickSpacing: 10, feeZeroToOne: 100, feeOneToZero: 300,
            sqrtPriceX96: price, tick: 5, liquidity: UInt256(1_000),
            ticks: TickTable([TickTable.Entry(tick: -10, liquidityNet: 1_000), TickTable.Entry(tick: 20, liquidityNet: -1_000)]))
    }

    func word(_ value: UInt256) -> [UInt8] { value.bigEndianBytes }
    func signedWord(_ value: Int64) -> [UInt8] { Int256(value).bitPattern.bigEndianBytes }
    func tickTopic(_ tick: Int64) throws -> Hash32 { try #require(Hash32(bytes: signedWord(tick))) }
    func ownerTopic() -> Hash32 { Hash32.zero }

    @Test func feeMintBurnAndTickSpacingUpdateTheState() throws {
        var state = try pool()
        #expect(try state.apply(EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.feeTopic], data: word(UInt256(2_500)) + word(UInt256(80)))) == .applied)
        #expect(state.feeZeroToOne == 2_500 && state.feeOneToZero == 80)

        // In range (bottom ≤ tick < top): both ticks and the active liquidity change.
        let mint = EventLog(address: Self.poolAddress,
                            topics: [CamelotV3Pool.mintTopic, ownerTopic(), try tickTopic(0), try tickTopic(7)],
                            data: word(.zero) + word(UInt256(500)) + word(UInt256(1)) + word(UInt256(2)))
        #expect(try state.apply(mint) == .applied)
        #expect(state.liquidity == UInt256(1_500))
        #expect(state.ticks.ticks == [-10, 0, 7, 20])
        // Out of range: ticks only. Ticks need not be multiples of the (changeable) spacing.
        let burn = EventLog(address: Self.poolAddress,
                            topics: [CamelotV3Pool.burnTopic, ownerTopic(), try tickTopic(0), try tickTopic(7)],
                            data: word(UInt256(500)) + word(UInt256(1)) + word(UInt256(2)))
        #expect(try state.apply(burn) == .applied)
        #expect(state.liquidity == UInt256(1_000))
        #expect(state.ticks.ticks == [-10, 20])
        #expect(try state.apply(EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.tickSpacingTopic], data: signedWord(60))) == .applied)
        #expect(state.tickSpacing == 60)
        let price = try TickMath.sqrtRatio(atTick: -7)
        let swap = EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.swapTopic, ownerTopic(), ownerTopic()],
                            data: word(.one) + signedWord(-1) + word(price) + word(UInt256(321)) + signedWord(-7))
        #expect(try state.apply(swap) == .applied)
        #expect(state.tick == -7 && state.liquidity == UInt256(321) && state.sqrtPriceX96 == price)
        #expect(CamelotV3Pool.swapTopic.description == "0xc42079f94a6350d7e6235f29174924f928cc2ac818eb64fed8004e115fbcca67")
    }

    @Test func otherLogsAndEmptyPositionChangesAreIgnored() throws {
        var state = try pool()
        let before = state
        let collect = Keccak256.hash(Array("Collect(address,address,int24,int24,uint128,uint128)".utf8))
        #expect(try state.apply(EventLog(address: Self.poolAddress, topics: [collect], data: [])) == .ignored)
        #expect(try state.apply(EventLog(address: Self.poolAddress, topics: [], data: [])) == .ignored)
        let burnNothing = EventLog(address: Self.poolAddress,
                                   topics: [CamelotV3Pool.burnTopic, ownerTopic(), try tickTopic(-10), try tickTopic(20)],
                                   data: word(.zero) + word(.zero) + word(.zero))
        #expect(try state.apply(burnNothing) == .ignored)
        // The adaptive fee is not modelled: a new block changes nothing.
        try state.advance(toBlock: 300_000_000, timestamp: 1_700_000_000)
        #expect(state == before)
    }

    /// A burn of more than the held ticks have cannot be followed: a reload, nothing changed.
    @Test func aBurnBeyondTheHeldTicksAsksForAReload() throws {
        var state = try pool()
        let before = state
        let effect = try state.apply(EventLog(address: Self.poolAddress,
                                              topics: [CamelotV3Pool.burnTopic, ownerTopic(), try tickTopic(-10), try tickTopic(20)],
                                              data: word(UInt256(5_000)) + word(.zero) + word(.zero)))
        guard case .needsReload = effect else {
            Issue.record("\(effect)")
            return
        }
        #expect(state == before)
    }

    @Test func malformedLogsThrowAndChangeNothing() throws {
        let before = try pool()
        let bad: [EventLog] = [
            EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.feeTopic], data: word(UInt256(65_536)) + word(.one)),
            EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.feeTopic], data: word(.one)),
            EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.swapTopic], data: word(.zero) + word(.zero) + word(.one << 160)),
            EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.mintTopic, ownerTopic(), try tickTopic(0)], data: []),
            EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.burnTopic, ownerTopic(), try #require(Hash32(bytes: word(UInt256.one << 30))), try tickTopic(7)],
                     data: word(.one) + word(.zero) + word(.zero)),
            EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.tickSpacingTopic], data: signedWord(1 << 24)),
            EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.tickSpacingTopic], data: signedWord(0)),
            EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.tickSpacingTopic], data: signedWord(501)),
            // A price outside the pool's range; position liquidity beyond int128; bounds out of order.
            EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.swapTopic, ownerTopic(), ownerTopic()],
                     data: word(.zero) + word(.zero) + word(.one) + word(.one) + signedWord(0)),
            EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.burnTopic, ownerTopic(), try tickTopic(-10), try tickTopic(20)],
                     data: word(UInt256.one << 127) + word(.zero) + word(.zero)),
            EventLog(address: Self.poolAddress, topics: [CamelotV3Pool.burnTopic, ownerTopic(), try tickTopic(20), try tickTopic(-10)],
                     data: word(.one) + word(.zero) + word(.zero)),
        ]
        for log in bad {
            var state = before
            #expect {
                try state.apply(log)
            } throws: { error in
                if case .malformed = error as? PoolError { return true }
                return false
            }
            #expect(state == before)
        }
    }

    @Test func swapRevertsWithAlgebraReasons() throws {
        var state = try pool()
        let before = state
        #expect(throws: PoolError.revert("AS")) { _ = try state.swap(zeroForOne: true, amountSpecified: .zero, sqrtPriceLimitX96: TickMath.minSqrtRatio &+ .one) }
        #expect(throws: PoolError.revert("SPL")) { _ = try state.swap(zeroForOne: true, amountSpecified: 10, sqrtPriceLimitX96: state.sqrtPriceX96) }
        #expect(throws: PoolError.revert("SPL")) { _ = try state.swap(zeroForOne: false, amountSpecified: 10, sqrtPriceLimitX96: TickMath.maxSqrtRatio) }
        #expect(state == before)
        #expect(throws: PoolError.self) {
            _ = try CamelotV3Pool(address: .zero, token0: .zero, token1: .zero, tickSpacing: 501, feeZeroToOne: 1, feeOneToZero: 1,
                                  sqrtPriceX96: TickMath.minSqrtRatio, tick: 0, liquidity: .zero, ticks: TickTable())
        }
        #expect(throws: PoolError.self) { _ = try state.amountOut(UInt256.max, from: 0, to: 1) }
        // Draining the range and beyond ends at the price limit with the liquidity the ticks leave.
        let drained = try state.quote(zeroForOne: false, amountSpecified: Int256(bitPattern: UInt256.one << 100), sqrtPriceLimitX96: TickMath.maxSqrtRatio &- .one)
        #expect(drained.sqrtPriceX96 == TickMath.maxSqrtRatio &- .one && drained.liquidity.isZero)
    }

    @Test func loaderReadsGlobalStateWordsAndTicks() throws {
        var loader = CamelotV3StateLoader(address: Self.poolAddress, token0: .zero, token1: .zero, wordRadius: 1)
        #expect(loader.pendingCalls().map(\.label) == ["globalState()", "liquidity()", "tickSpacing()"])
        let price = try TickMath.sqrtRatio(atTick: -300)
        let globalState = word(price) + signedWord(-300) + word(UInt256(150)) + word(UInt256(170)) + word(UInt256(9))
            + word(UInt256(100)) + word(UInt256(100)) + word(.one)
        try loader.absorb([globalState, word(UInt256(4_000)), signedWord(10)])
        // tick -300 is in word -2 (ticks -512 … -257): words -3, -2, -1.
        #expect(loader.pendingCalls().map(\.label) == ["tickTable(-3)", "tickTable(-2)", "tickTable(-1)"])
        // Bit 212 of word -2 is tick -300; bit 0 of word -1 is tick -256.
        try loader.absorb([word(.zero), word(UInt256.one << 212), word(.one)])
        #expect(loader.pendingCalls().map(\.label) == ["ticks(-300)", "ticks(-256)"])
        func tickAnswer(total: UInt64, delta: Int64) -> [UInt8] {
            word(UInt256(total)) + signedWord(delta) + [UInt8](repeating: 0, count: 32 * 5) + word(.one)
        }
        try loader.absorb([tickAnswer(total: 4_000, delta: 4_000), tickAnswer(total: 4_000, delta: -4_000)])
        #expect(loader.pendingCalls().isEmpty)
        let loaded = try loader.pool()
        #expect(loaded.feeZeroToOne == 150 && loaded.feeOneToZero == 170)
        #expect(loaded.tick == -300 && loaded.liquidity == UInt256(4_000) && loaded.tickSpacing == 10)
        #expect(loaded.ticks.ticks == [-300, -256])
        #expect(loaded.completeTickRange == (-769)...(-1))

        var bad = CamelotV3StateLoader(address: Self.poolAddress, token0: .zero, token1: .zero)
        #expect(throws: PoolError.malformed(DecodingError(.invalidValue, at: 64, field: "globalState().feeZto"))) {
            try bad.absorb([word(price) + signedWord(-300) + word(UInt256(70_000)) + word(.zero) + word(.zero) + word(.zero) + word(.zero) + word(.one),
                            word(UInt256(4_000)), signedWord(10)])
        }
        #expect(throws: PoolError.self) { try bad.absorb([globalState]) }
        #expect(throws: PoolError.self) { try bad.pool() }
    }
}
