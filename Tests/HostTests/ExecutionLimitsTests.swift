import Foundation
@testable import Host
import Kernel
import Testing

/// The pieces the execution desk keeps between trades: the limits, the nonces, the pools in
/// flight, the day's loss and the nonce file.
@Suite struct ExecutionLimitsTests {
    static let weth = ArbitrumOne.wrappedNativeToken
    static let ether = UInt256(1_000_000_000_000_000_000)

    static func refusal(_ limits: TradeLimits = TradeLimits(), token: Address = weth, amountIn: UInt256 = ether, detectedOut: UInt256 = ether * UInt256(2),
                        requotedOut: UInt256? = ether * UInt256(2), fee: UInt256 = UInt256(10_000_000), net: UInt256 = ether,
                        trades: Int = 0) -> TradeRefusal? {
        limits.refusal(token: token, amountIn: amountIn, detectedOut: detectedOut, requotedOut: requotedOut, maxFeePerGas: fee,
                       netProfitWei: net, tradesThisBlock: trades)
    }

    @Test func eachLimitBlocksByItsName() {
        #expect(Self.refusal() == nil)
        #expect(Self.refusal(token: ArbitrumOne.nativeETHPlaceholder) == .tokenNotAllowed)
        #expect(Self.refusal(amountIn: Self.ether + .one) == .inputTooLarge)
        #expect(Self.refusal(trades: 1) == .tradesPerBlock)
        #expect(Self.refusal(fee: UInt256(100_000_001)) == .gasPrice)
        #expect(Self.refusal(requotedOut: nil) == .slippage)
        #expect(Self.refusal(net: UInt256(99_999_999_999_999)) == .profitTooLow)
    }

    @Test func slippageIsMeasuredInBasisPointsOfTheDetectedOutput() {
        let detected = UInt256(1_000_000)
        // 10 bps of 1,000,000 is 1,000: losing exactly that passes, one more unit does not.
        #expect(Self.refusal(detectedOut: detected, requotedOut: UInt256(999_000)) == nil)
        #expect(Self.refusal(detectedOut: detected, requotedOut: UInt256(998_999)) == .slippage)
        #expect(Self.refusal(detectedOut: detected, requotedOut: UInt256(2_000_000)) == nil)
        var strict = TradeLimits()
        strict.maxSlippageBps = 0
        #expect(Self.refusal(strict, detectedOut: detected, requotedOut: UInt256(999_999)) == .slippage)
        #expect(!TradeLimits.slipped(from: .max, to: .max - UInt256(1_000), bps: 10))
        #expect(TradeLimits.slipped(from: .max, to: .max / UInt256(2), bps: 10))
    }

    @Test func noncesStopOnRejectionUntilTheChainIsReadAgain() {
        var nonces = NonceAllocator()
        #expect(nonces.allocate() == nil)
        nonces.resync(chainCount: 7)
        #expect(nonces.allocate() == 7)
        #expect(nonces.allocate() == 8)
        nonces.suspend()
        #expect(nonces.allocate() == nil)
        nonces.resync(chainCount: 8, persisted: 9)
        #expect(nonces.allocate() == 9)
        nonces.resync(chainCount: 12, persisted: 9)
        #expect(nonces.allocate() == 12)
    }

    @Test func noTwoTradesInFlightShareAPool() throws {
        let (a, b, c) = (Address(precompile: 1), Address(precompile: 2), Address(precompile: 3))
        let (first, second) = (try Hash32(hex: String(repeating: "aa", count: 32)), try Hash32(hex: String(repeating: "bb", count: 32)))
        var pools = PoolReservations()
        let firstHeld = pools.reserve([a, b], for: first)
        let secondRefused = !pools.reserve([b, c], for: second)
        #expect(firstHeld && secondRefused)
        #expect(pools.inFlight == 1)
        #expect(pools.isBusy([c, a]))
        pools.release(first)
        let secondHeld = pools.reserve([b, c], for: second)
        #expect(secondHeld)
        #expect(!pools.isBusy([a]))
        pools.release(second)
        pools.release(second)
        #expect(pools.inFlight == 0)
    }

    @Test func theDaysLossStopsTradingUntilTheNextDay() {
        let day = UInt64(20_000 * 86_400)
        var ledger = DailyLossLedger(limit: UInt256(100), seconds: day)
        ledger.record(profit: .zero, fee: UInt256(60), seconds: day + 10)
        #expect(!ledger.isStopped(seconds: day + 11))
        ledger.record(profit: UInt256(30), fee: UInt256(20), seconds: day + 12)
        #expect(ledger.loss == UInt256(50))
        ledger.record(profit: .zero, fee: UInt256(51), seconds: day + 13)
        #expect(ledger.loss == UInt256(101))
        #expect(ledger.isStopped(seconds: day + 86_399))
        #expect(!ledger.isStopped(seconds: day + 86_400))
        ledger.record(profit: .zero, fee: .one, seconds: day + 86_400)
        #expect(ledger.loss == .one)
    }

    @Test func theNonceFileRoundTripsAndIgnoresAnotherKey() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nonce-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = NonceFile(path: path)
        let owner = Address(precompile: 7)
        #expect(try file.load(for: owner) == nil)
        try file.save(next: 42, for: owner)
        #expect(try file.load(for: owner) == 42)
        #expect(try file.load(for: Address(precompile: 8)) == nil)
        try Data(#"{"address":"\#(owner.checksummed)","next":"x"}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: NonceFileError.self) { try file.load(for: owner) }
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: NonceFileError.self) { try file.load(for: owner) }
    }
}
