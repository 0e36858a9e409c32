@testable import Host
import Kernel
import Testing

/// The `execution` section of dex.yaml: every field optional over safe defaults, each value
/// checked and named in its error, and no place for a secret.
@Suite struct ExecutionConfigSectionTests {
    typealias S = ConfigTestSupport

    static func load(_ execution: String) throws -> ExecutionConfiguration {
        try ConfigLoader(registry: S.toyRegistry).load(yaml: S.validYAML + "\n" + execution, file: "config/dex.yaml").execution
    }

    @Test func absentIsEveryDefault() throws {
        let configuration = try Self.load("")
        #expect(configuration == ExecutionConfiguration())
        #expect(try Self.load("execution:\n") == configuration)
        #expect(configuration.executor == nil)
        #expect(configuration.limits.maxInput == [S.weth: UInt256(1_000_000_000_000_000_000)])
        #expect(configuration.limits.maxTradesPerBlock == 1)
    }

    @Test func everyFieldIsRead() throws {
        let configuration = try Self.load("""
            execution:
              executor: "0x3333333333333333333333333333333333333333"
              sequencer: ["http://127.0.0.1:8547"]
              keystore: keys/bot.json
              nonceFile: state/nonce.json
              killSwitchFile: state/stop
              limits:
                maxInput: {USDT: "5000000000", WETH: "2000000000000000000"}
                maxGasPriceWei: "20000000"
                minNetProfitWei: "1"
                maxSlippageBps: 0
                maxTradesPerBlock: 3
                dailyLossLimitWei: "5"
              gasLimitMarginPercent: 10
              receiptTimeoutBlocks: 8
              timeboost: {auctionContract: "0x2222222222222222222222222222222222222222", initialRoundTimestamp: 1000, heldRounds: [4, 5]}

            """)
        #expect(configuration.executor == S.pool)
        #expect(configuration.sequencer == ["http://127.0.0.1:8547"])
        #expect(configuration.keystore == "keys/bot.json")
        #expect(configuration.nonceFile == "state/nonce.json")
        #expect(configuration.killSwitchFile == "state/stop")
        #expect(configuration.limits.maxInput == [S.usdt: UInt256(5_000_000_000), S.weth: UInt256(2_000_000_000_000_000_000)])
        #expect(configuration.limits.maxGasPriceWei == UInt256(20_000_000))
        #expect(configuration.limits.minNetProfitWei == .one)
        #expect(configuration.limits.maxSlippageBps == 0)
        #expect(configuration.limits.maxTradesPerBlock == 3)
        #expect(configuration.limits.dailyLossLimitWei == UInt256(5))
        #expect(configuration.gasLimitMarginPercent == 10)
        #expect(configuration.receiptTimeoutBlocks == 8)
        let timeboost = try #require(configuration.timeboost)
        #expect(timeboost.auctionContract == S.routerTwo)
        #expect(timeboost.roundDurationSeconds == 60)
        #expect(timeboost.heldRounds == [4, 5])
        #expect(timeboost.round(at: 999) == nil)
        #expect(timeboost.round(at: 1_000 + 60 * 4 + 59) == 4)
    }

    @Test func badValuesAreNamedAndSecretsHaveNoPlace() {
        #expect(S.errors(S.validYAML + "\nexecution:\n  privateKey: \"0xabc\"\n").first?.hasPrefix(
            "config/dex.yaml: execution: privateKey: unknown key") == true)
        #expect(S.errors(S.validYAML + "\nexecution:\n  limits: {maxInput: {DOGE: \"1\"}}\n") == [
            "config/dex.yaml: execution: limits.maxInput.DOGE: not a token of the `tokens` list",
        ])
        #expect(S.errors(S.validYAML + "\nexecution:\n  limits: {maxSlippageBps: 20000}\n") == [
            "config/dex.yaml: execution: limits.maxSlippageBps: 20000 is out of range 0...10000 bps",
        ])
        #expect(S.errors(S.validYAML + "\nexecution:\n  sequencer: [\"ftp://secret@host\"]\n") == [
            "config/dex.yaml: execution: sequencer[0]: expected a http:// or https:// URL with a host",
        ])
        #expect(S.errors(S.validYAML + "\nexecution:\n  timeboost: {auctionContract: \"0x2222222222222222222222222222222222222222\"}\n") == [
            "config/dex.yaml: execution: timeboost.initialRoundTimestamp: missing",
            "config/dex.yaml: execution: timeboost.heldRounds: missing",
        ])
    }
}
