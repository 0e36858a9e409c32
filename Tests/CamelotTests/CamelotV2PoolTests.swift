import Kernel
import Testing
import Camelot

/// `CamelotV2Pool`'s events, loader and bad input: typed errors, never a trap, no state change
/// on a refused log or swap.
@Suite struct CamelotV2PoolTests {
    static let pairAddress = Address(lowBytesOf: Keccak256.hash([1]))
    static let factory = Address(lowBytesOf: Keccak256.hash([2]))

    func pool(stable: Bool = false, reserve0: UInt256 = UInt256(1_000_000), reserve1: UInt256 = UInt256(2_000_000)) throws -> CamelotV2Pool {
        try CamelotV2Pool(
            address: Self.pairAddress, token0: .zero, token1: .zero, reserve0: reserve0, reserve1: reserve1,
            token0FeePercent: 300, token1FeePercent: 500, stableSwap: stable, decimals0: 18, decimals1: 6)
    }

    func word(_ value: UInt256) -> [UInt8] { value.bigEndianBytes }

    func log(_ topic: Hash32, _ data: [UInt8]) -> EventLog {
        EventLog(address: Self.pairAddress, topics: [topic], data: data)
    }

    @Test func eventsUpdateReservesFeesAndCurve() throws {
        var pair = try pool()
        #expect(try pair.apply(log(CamelotV2Pool.syncTopic, word(UInt256(7)) + word(UInt256(9)))) == .applied)
        #expect(pair.reserve0 == UInt256(7) && pair.reserve1 == UInt256(9))
        #expect(try pair.apply(log(CamelotV2Pool.feePercentUpdatedTopic, word(UInt256(40)) + word(UInt256(2000)))) == .applied)
        #expect(pair.token0FeePercent == 40 && pair.token1FeePercent == 2000)
        #expect(try pair.apply(log(CamelotV2Pool.setStableSwapTopic, word(.zero) + word(.one))) == .applied)
        #expect(pair.stableSwap)
        let unrelated = Keccak256.hash(Array("Swap(address,uint256,uint256,uint256,uint256,address)".utf8))
        let changed = pair
        #expect(try pair.apply(log(unrelated, [])) == .ignored)
        #expect(try pair.apply(EventLog(address: Self.pairAddress, topics: [], data: [])) == .ignored)
        try pair.advance(toBlock: 300_000_000, timestamp: 1_700_000_000)
        #expect(pair == changed)
        #expect(CamelotV2Pool.syncTopic.description == "0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1")
    }

    @Test func malformedLogsThrowAndChangeNothing() throws {
        let before = try pool()
        let cases: [(EventLog, String)] = [
            (log(CamelotV2Pool.syncTopic, word(UInt256(7))), "Sync.reserve1"),
            (log(CamelotV2Pool.syncTopic, word(UInt256.one << 112) + word(.one)), "Sync.reserve0"),
            (log(CamelotV2Pool.feePercentUpdatedTopic, word(UInt256(1)) + word(UInt256(65_536))), "FeePercentUpdated.token1FeePercent"),
            (log(CamelotV2Pool.setStableSwapTopic, word(.zero) + word(UInt256(2))), "SetStableSwap.stableSwap"),
            (log(CamelotV2Pool.setStableSwapTopic, []), "SetStableSwap.prevStableSwap"),
        ]
        for (bad, field) in cases {
            var pair = before
            #expect {
                try pair.apply(bad)
            } throws: { error in
                guard case .malformed(let decoding) = error as? PoolError else { return false }
                return decoding.field == field
            }
            #expect(pair == before)
        }
    }

    @Test func loaderBuildsThePairFromItsAnswers() throws {
        var loader = CamelotV2StateLoader(pair: Self.pairAddress, factory: Self.factory)
        let calls = loader.pendingCalls()
        #expect(calls.map(\.label) == ["token0()", "token1()", "getReserves()", "stableSwap()",
                                        "precisionMultiplier0()", "precisionMultiplier1()", "feeInfo()"])
        #expect(calls[2].data == [0x09, 0x02, 0xf1, 0xac])
        #expect(calls[6].to == Self.factory)
        let token0 = Address(lowBytesOf: Keccak256.hash([3]))
        let token1 = Address(lowBytesOf: Keccak256.hash([4]))
        let feeTo = Address(lowBytesOf: Keccak256.hash([5]))
        let answers: [[UInt8]] = [
            addressWord(token0), addressWord(token1),
            word(UInt256(5_000)) + word(UInt256(6_000)) + word(UInt256(1)) + word(UInt256(2)),
            word(.one), word(UInt256(1_000_000)), word(UInt256(1_000_000_000_000_000_000)),
            word(UInt256(40_000)) + addressWord(feeTo),
        ]
        #expect(throws: PoolError.self) { try loader.pool() }
        try loader.absorb(answers)
        #expect(loader.pendingCalls().isEmpty)
        let pair = try loader.pool()
        #expect(pair.token0 == token0 && pair.token1 == token1)
        #expect(pair.reserve0 == UInt256(5_000) && pair.reserve1 == UInt256(6_000))
        #expect(pair.token0FeePercent == 1 && pair.token1FeePercent == 2)
        #expect(pair.stableSwap && pair.decimals0 == 6 && pair.decimals1 == 18)
        #expect(pair.protocolFeeShare == 40_000)

        var bad = CamelotV2StateLoader(pair: Self.pairAddress, factory: Self.factory)
        var badAnswers = answers
        badAnswers[2] = word(UInt256(5_000)) + word(UInt256(6_000)) + word(UInt256(70_000)) + word(UInt256(2))
        #expect(throws: PoolError.malformed(DecodingError(.invalidValue, at: 64, field: "getReserves().token0FeePercent"))) {
            try bad.absorb(badAnswers)
        }
        badAnswers = answers
        badAnswers[4] = word(UInt256(12_345))
        #expect(throws: PoolError.invalidState("Camelot V2 precision multipliers are not powers of ten")) {
            try bad.absorb(badAnswers)
        }
        #expect(throws: PoolError.self) { try bad.absorb(Array(answers.prefix(3))) }
    }

    func addressWord(_ address: Address) -> [UInt8] { [UInt8](repeating: 0, count: 12) + address.bytes }

    @Test func absurdStatesAndInputsAreTypedErrors() throws {
        #expect(throws: PoolError.self) {
            _ = try CamelotV2Pool(address: .zero, token0: .zero, token1: .zero, reserve0: UInt256.one << 112, reserve1: .one,
                                  token0FeePercent: 1, token1FeePercent: 1, stableSwap: false, decimals0: 18, decimals1: 18)
        }
        for stable in [false, true] {
            var pair = try pool(stable: stable)
            let before = pair
            #expect(throws: PoolError.revert("ds-math-mul-overflow")) { _ = try pair.swap(UInt256.max, zeroForOne: true) }
            #expect(throws: PoolError.revert(CamelotPairReason.insufficientOutputAmount)) { _ = try pair.swap(.zero, zeroForOne: false) }
            #expect(throws: PoolError.invalidState("Camelot V2 token indexes 0 -> 0")) { _ = try pair.swap(UInt256(1), from: 0, to: 0) }
            #expect(pair == before)
            let empty = try pool(stable: stable, reserve0: .zero, reserve1: .zero)
            #expect(throws: PoolError.self) { _ = try empty.quote(UInt256(1_000), zeroForOne: true) }
        }
        // 10^255 wraps modulo 2^256 as the pair's `10 ** uint(decimals)` does; the quote still ends in a typed result.
        let odd = try CamelotV2Pool(address: .zero, token0: .zero, token1: .zero, reserve0: UInt256(10_000), reserve1: UInt256(10_000),
                                    token0FeePercent: 65_535, token1FeePercent: 0, stableSwap: true, decimals0: 255, decimals1: 0)
        _ = try? odd.quote(UInt256(100), zeroForOne: true)
        _ = try? odd.quote(UInt256(100), zeroForOne: false)
    }

    @Test func volatileQuoteMatchesTheFormulaAndTheStableCurveBeatsItNearPeg() throws {
        let volatile = try pool()
        // 1000 · 99700 · 2000000 / (1000000 · 100000 + 1000 · 99700) = 1992
        #expect(try volatile.quote(UInt256(1_000), zeroForOne: true) == UInt256(1_992))
        let stable = try CamelotV2Pool(
            address: .zero, token0: .zero, token1: .zero, reserve0: UInt256(1_000_000_000_000), reserve1: UInt256(1_000_000_000_000),
            token0FeePercent: 4, token1FeePercent: 4, stableSwap: true, decimals0: 6, decimals1: 6)
        let out = try stable.quote(UInt256(1_000_000_000), zeroForOne: true)
        #expect(out > UInt256(999_000_000) && out < UInt256(1_000_000_000))
    }

    @Test func stablePairSendsTheProtocolShareOfTheFeeOutOfTheReserves() throws {
        func stablePair(share: UInt32) throws -> CamelotV2Pool {
            try CamelotV2Pool(
                address: .zero, token0: .zero, token1: .zero, reserve0: UInt256(1_000_000_000_000), reserve1: UInt256(1_000_000_000_000),
                token0FeePercent: 4, token1FeePercent: 4, stableSwap: true, decimals0: 6, decimals1: 6, protocolFeeShare: share)
        }
        var withShare = try stablePair(share: 50_000)
        var without = try stablePair(share: 0)
        let amountIn = UInt256(1_000_000_000)
        let out = try withShare.swap(amountIn, zeroForOne: true)
        #expect(out == (try without.swap(amountIn, zeroForOne: true)))
        // 10^9 · (100000 · 50000) · 4 / 100000^3 = 20000 goes to feeTo.
        #expect(withShare.reserve0 == UInt256(1_000_999_980_000))
        #expect(without.reserve0 == UInt256(1_001_000_000_000))
        #expect(withShare.reserve1 == without.reserve1)
        // Volatile pairs keep the whole fee in the reserves whatever the share.
        var volatile = try CamelotV2Pool(
            address: .zero, token0: .zero, token1: .zero, reserve0: UInt256(1_000_000_000_000), reserve1: UInt256(1_000_000_000_000),
            token0FeePercent: 4, token1FeePercent: 4, stableSwap: false, decimals0: 6, decimals1: 6, protocolFeeShare: 50_000)
        _ = try volatile.swap(amountIn, zeroForOne: true)
        #expect(volatile.reserve0 == UInt256(1_001_000_000_000))
        var toggled = withShare
        try toggled.setProtocolFee(ownerFeeShare: 40_000, feeToIsSet: false)
        #expect(toggled.protocolFeeShare == 0)
        #expect(throws: PoolError.self) { try toggled.setProtocolFee(ownerFeeShare: 100_001, feeToIsSet: true) }
    }
}
