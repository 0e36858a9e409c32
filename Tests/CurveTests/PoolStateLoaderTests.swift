import Curve
import Kernel
import Testing

/// `CurveStableSwapStateLoader`: the calls it makes and how it decodes their answers.
@Suite struct PoolStateLoaderTests {
    static let coins = [Address.zero, .zero]

    static func selector(_ signature: String) -> [UInt8] {
        FunctionSelector.bytes(FunctionSelector.of(signature))
    }

    @Test func classicLoaderReadsParametersAndBalances() throws {
        var loader = CurveStableSwapStateLoader(address: PoolSample.twoPool, coins: Self.coins, variant: .stableswap,
                                                rates: [PoolSample.sixDecimals, PoolSample.sixDecimals])
        let calls = loader.pendingCalls()
        #expect(calls.map(\.label) == ["A_precise()", "fee()", "admin_fee()", "balances(0)", "balances(1)",
                                       "initial_A()", "future_A()", "initial_A_time()", "future_A_time()"])
        #expect(calls.allSatisfy { $0.to == PoolSample.twoPool })
        #expect(calls[3].data == Self.selector("balances(uint256)") + UInt256.zero.bigEndianBytes)
        #expect(calls[4].data == Self.selector("balances(uint256)") + UInt256.one.bigEndianBytes)
        #expect(throws: PoolError.self) { try loader.pool() }
        let answers = [UInt256(200_000), UInt256(1_000_000), UInt256(5_000_000_000), UInt256(7), UInt256(9),
                       UInt256(100_000), UInt256(300_000), UInt256(1_000), UInt256(5_000)].map(\.bigEndianBytes)
        try loader.absorb(answers)
        #expect(loader.pendingCalls().isEmpty)
        let pool = try loader.pool()
        #expect(pool.amplification == UInt256(200_000) && pool.fee == UInt256(1_000_000))
        #expect(pool.adminFee == UInt256(5_000_000_000) && pool.balances.array == [UInt256(7), UInt256(9)])
        #expect(pool.rates.array == [PoolSample.sixDecimals, PoolSample.sixDecimals])
        #expect(pool.ramp == AmplificationRamp(initialA: UInt256(100_000), futureA: UInt256(300_000), initialTime: UInt256(1_000), futureTime: UInt256(5_000)))
    }

    @Test func legacyLoaderReadsTheUnscaledA() throws {
        var loader = CurveStableSwapStateLoader(address: PoolSample.twoPool, coins: Self.coins, variant: .legacy,
                                                rates: [PoolSample.eighteenDecimals, PoolSample.sixDecimals])
        let calls = loader.pendingCalls()
        #expect(calls.map(\.label) == ["A()", "fee()", "admin_fee()", "balances(0)", "balances(1)",
                                       "initial_A()", "future_A()", "initial_A_time()", "future_A_time()"])
        #expect(calls[0].data == Self.selector("A()"))
        let answers = [UInt256(2_000), UInt256(4_000_000), UInt256(5_000_000_000), UInt256(7), UInt256(9),
                       UInt256(2_000), UInt256(2_000), .zero, .zero].map(\.bigEndianBytes)
        try loader.absorb(answers)
        let pool = try loader.pool()
        #expect(pool.variant == .legacy && pool.amplification == UInt256(2_000))
        #expect(throws: PoolError.malformed(DecodingError(.truncated, at: 0, field: "A()"))) {
            var fresh = CurveStableSwapStateLoader(address: PoolSample.twoPool, coins: Self.coins, variant: .legacy,
                                                   rates: [PoolSample.eighteenDecimals, PoolSample.sixDecimals])
            try fresh.absorb([[]] + Array(answers.dropFirst()))
        }
    }

    @Test func ngLoaderReadsStoredRates() throws {
        var loader = CurveStableSwapStateLoader(address: PoolSample.twoPool, coins: Self.coins, variant: .stableswapNG)
        #expect(loader.pendingCalls().map(\.label) == ["A_precise()", "fee()", "offpeg_fee_multiplier()", "stored_rates()", "balances(0)", "balances(1)",
                                                       "initial_A()", "future_A()", "initial_A_time()", "future_A_time()"])
        let rates = PoolSample.data([UInt256(32), UInt256(2), PoolSample.eighteenDecimals, PoolSample.sixDecimals])
        let ramp = [UInt256(150_000), UInt256(150_000), .zero, .zero].map(\.bigEndianBytes)
        let answers = [UInt256(150_000).bigEndianBytes, UInt256(1_000_000).bigEndianBytes, UInt256(50_000_000_000).bigEndianBytes,
                       rates, UInt256(3).bigEndianBytes, UInt256(4).bigEndianBytes] + ramp
        try loader.absorb(answers)
        let pool = try loader.pool()
        #expect(pool.variant == .stableswapNG && pool.adminFee == CurveStableSwapVariant.ngAdminFee)
        #expect(pool.offpegFeeMultiplier == UInt256(50_000_000_000))
        #expect(pool.rates.array == [PoolSample.eighteenDecimals, PoolSample.sixDecimals])
    }

    @Test func malformedAnswersNameTheCall() throws {
        var loader = CurveStableSwapStateLoader(address: PoolSample.twoPool, coins: Self.coins, variant: .stableswapNG)
        let good = UInt256.one.bigEndianBytes
        let rates = PoolSample.data([UInt256(32), UInt256(2), .one, .one])
        let ramp = [good, good, good, good]
        #expect(throws: PoolError.malformed(DecodingError(.truncated, at: 0, field: "fee()"))) {
            try loader.absorb([good, [1, 2, 3], good, rates, good, good] + ramp)
        }
        #expect(throws: PoolError.malformed(DecodingError(.truncated, at: 0, field: "future_A_time()"))) {
            try loader.absorb([good, good, good, rates, good, good, good, good, good, []])
        }
        let threeRates = PoolSample.data([UInt256(32), UInt256(3), .one, .one, .one])
        #expect(throws: PoolError.self) { try loader.absorb([good, good, good, threeRates, good, good] + ramp) }
        #expect(throws: PoolError.self) { try loader.absorb([good, good]) }
        #expect(throws: PoolError.self) { try loader.pool() }
        var classic = CurveStableSwapStateLoader(address: PoolSample.twoPool, coins: Self.coins, variant: .stableswap)
        #expect(throws: PoolError.self) { try classic.absorb(Array(repeating: good, count: 9)) }
    }

    @Test func pluginWarnsAboutPoolsNotPricedExactly() throws {
        let tricrypto = try Address(hex: "0x960ea3e3C7FB317332d990873d354E18d7645590")
        let usdc = try Address(hex: "0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8")
        let pools = [
            DEXEntry.Pool(name: "2pool", address: PoolSample.twoPool, coins: [.zero, usdc], kind: "stableswap"),
            DEXEntry.Pool(name: "tricrypto", address: tricrypto, coins: [.zero, usdc, tricrypto], kind: "crypto"),
        ]
        let entry = DEXEntry(name: "curve", plugin: "curve", enabled: true, routers: [], factories: [], fees: [], pools: pools)
        let warnings = try CurvePlugin(entry: entry).startupWarnings
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains(tricrypto.checksummed) == true)
        #expect(CurvePoolKind.allCases.filter(\.isPricedExactly) == [.stableswap, .stableswapFactoryPlain2, .stableswapNG])
        #expect(CurvePoolKind.stableswapFactoryPlain2.stableSwapVariant == .factoryPlain2)
    }
}
