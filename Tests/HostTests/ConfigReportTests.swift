@testable import Host
import Kernel
import Testing

/// `check-config`'s report of a valid file.
@Suite struct ConfigReportTests {
    typealias S = ConfigTestSupport

    @Test func reportListsPluginsRoutersPoolsAndTokens() throws {
        let loaded = try ConfigLoader(registry: S.toyRegistry).load(yaml: S.validYAML, file: "config/dex.yaml")
        #expect(ConfigReport.lines(loaded) == [
            "chainId: 42161",
            "plugins (2): entry, plugin, enabled, fees",
            "  toy-one  toy-dex  enabled   -",
            "  toy-two  toy-dex  disabled  -",
            "routers (2): address, entry, name, kind, version",
            "  0x1111111111111111111111111111111111111111  toy-one  Router  toy-router  -",
            "  0x2222222222222222222222222222222222222222  toy-two  Router  toy-router  1",
            "factories (0): address, entry, initCodeHash",
            "pools (1): address, entry, name, kind, coins",
            "  0x3333333333333333333333333333333333333333  toy-one  WETH/USDT  -  WETH,USDT",
            "tokens (2): symbol, address, decimals",
            "  WETH  0x82aF49447D8a07e3bd95BD0d56f35241523fBab1  18",
            "  USDT  0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9  6",
            "rpc: endpoints (0) -, ws -, maxConcurrent 8, requestsPerSecond 50, timeoutSeconds 10, retries 3, backoffMilliseconds 100",
            "sync: multicall 0xcA11bde05977b3631167028862bE2a173976CA11, batchSize 500, logChunkBlocks 2000, journalDepth 64, reconcileEveryBlocks 50, reconcileSample 16, tickWordRadius 2, pollMilliseconds 250, maxLagBlocks 2, wholeTickTables 0",
            "service: feeds (0) -, snapshot -, saveSnapshot -, metrics -, readyMessageAgeSeconds 10, logLevel -, logFormat text",
            "execution: executor -, poolTable 0, sequencer https://arb1-sequencer.arbitrum.io, keystore -, nonceFile mevbot-nonce.json, "
                + "killSwitchFile mevbot.stop, maxInput WETH=1000000000000000000, maxGasPriceWei 100000000, minNetProfitWei 100000000000000, "
                + "maxSlippageBps 10, maxTradesPerBlock 1, dailyLossLimitWei 10000000000000000, gasLimitMarginPercent 25, "
                + "receiptTimeoutBlocks 40, timeboost -",
        ])
    }
}
