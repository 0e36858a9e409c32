import Engine
@testable import Host
import Kernel
import Testing

/// The `engine` section of dex.yaml: every field optional over the engine's defaults, each
/// value checked and named in its error.
@Suite struct ConfigEngineSectionTests {
    typealias S = ConfigTestSupport

    static func load(_ engine: String) throws -> EngineConfiguration {
        try ConfigLoader(registry: S.toyRegistry).load(yaml: S.validYAML + "\n" + engine, file: "config/dex.yaml").engine
    }

    @Test func absentIsEveryDefault() throws {
        #expect(try Self.load("") == EngineConfiguration())
        #expect(try Self.load("engine:\n") == EngineConfiguration())
    }

    @Test func everyFieldIsRead() throws {
        let engine = try Self.load("""
            engine:
              bases: [USDT, WETH]
              minNetProfit: "1000000000000"
              l2BaseFee: "20000000"
              l1PricePerUnit: "1"
              gasPerHop: {uniswap-v3: 100000, curve: 150000}
              inputCaps: {WETH: "50000000000000000000"}

            """)
        #expect(engine.bases == [S.usdt, S.weth])
        #expect(engine.minNetProfit == UInt256(1_000_000_000_000))
        #expect(engine.l2BaseFee == UInt256(20_000_000))
        #expect(engine.l1PricePerUnit == .one)
        #expect(engine.gasTable.uniswapV3 == 100_000)
        #expect(engine.gasTable.curve == 150_000)
        #expect(engine.gasTable.uniswapV2 == HopGasTable.executorMeasurements.uniswapV2)
        #expect(engine.inputCaps == [S.weth: UInt256(decimal: "50000000000000000000")])
    }

    @Test func badValuesAreNamed() {
        #expect(S.errors(S.validYAML + "\nengine:\n  speed: 1\n") == [
            "config/dex.yaml: engine: speed: unknown key (expected one of bases, minNetProfit, l2BaseFee, l1PricePerUnit, gasPerHop, inputCaps)",
        ])
        #expect(S.errors(S.validYAML + "\nengine:\n  bases: [DOGE]\n") == [
            "config/dex.yaml: engine: bases[0]: \"DOGE\" is neither an address nor the symbol of a token in tokens",
        ])
        #expect(S.errors(S.validYAML + "\nengine:\n  bases: []\n") == [
            "config/dex.yaml: engine: bases: at least one base token is needed",
        ])
        #expect(S.errors(S.validYAML + "\nengine:\n  minNetProfit: 1e18\n") == [
            "config/dex.yaml: engine: minNetProfit: expected a whole number below 2^256 in decimal digits, got \"1e18\"",
        ])
        #expect(S.errors(S.validYAML + "\nengine:\n  l2BaseFee: \"0\"\n") == [
            "config/dex.yaml: engine: l2BaseFee: must be above 0",
        ])
        #expect(S.errors(S.validYAML + "\nengine:\n  gasPerHop: {balancer: 1}\n") == [
            "config/dex.yaml: engine: gasPerHop.balancer: not a plugin family the executor has a hop for (uniswap-v2, camelot-v2, uniswap-v3, camelot-v3, curve)",
        ])
    }
}
