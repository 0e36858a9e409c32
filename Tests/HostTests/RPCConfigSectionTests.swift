@testable import Host
import Kernel
import Testing

/// The `rpc` and `sync` sections of dex.yaml: every field optional over the defaults, each
/// value checked and named in its error; URLs never quoted in errors.
@Suite struct RPCConfigSectionTests {
    typealias S = ConfigTestSupport

    static func load(_ section: String) throws -> LoadedConfig {
        try ConfigLoader(registry: S.toyRegistry).load(yaml: S.validYAML + "\n" + section, file: "config/dex.yaml")
    }

    @Test func absentIsEveryDefault() throws {
        #expect(try Self.load("").rpc == RPCConfiguration())
        #expect(try Self.load("rpc:\n").rpc == RPCConfiguration())
        #expect(try Self.load("").sync == SyncConfiguration())
        #expect(try Self.load("sync:\n").sync == SyncConfiguration())
    }

    @Test func everyRPCFieldIsRead() throws {
        let rpc = try Self.load("""
            rpc:
              endpoints: ["https://arb1.example.com/v2/KEY", "http://127.0.0.1:8547"]
              ws: "wss://arb1.example.com/ws/KEY"
              maxConcurrent: 4
              requestsPerSecond: 25
              timeoutSeconds: 3
              retries: 0
              backoffMilliseconds: 250

            """).rpc
        #expect(rpc.endpoints == ["https://arb1.example.com/v2/KEY", "http://127.0.0.1:8547"])
        #expect(rpc.webSocket == "wss://arb1.example.com/ws/KEY")
        #expect(rpc.maxConcurrent == 4)
        #expect(rpc.requestsPerSecond == 25)
        #expect(rpc.timeout == .seconds(3))
        #expect(rpc.retries == 0)
        #expect(rpc.backoff == .milliseconds(250))
        #expect(ConfigReport.rpcLine(rpc) == "rpc: endpoints (2) arb1.example.com,127.0.0.1:8547, ws arb1.example.com, maxConcurrent 4, requestsPerSecond 25, timeoutSeconds 3, retries 0, backoffMilliseconds 250")
    }

    @Test func everySyncFieldIsRead() throws {
        let sync = try Self.load("""
            sync:
              multicall: "0xcA11bde05977b3631167028862bE2a173976CA11"
              batchSize: 100
              logChunkBlocks: 500
              journalDepth: 32
              reconcileEveryBlocks: 10
              reconcileSample: 0
              tickWordRadius: 4
              pollMilliseconds: 100

            """).sync
        #expect(sync.multicall == S.address("0xcA11bde05977b3631167028862bE2a173976CA11"))
        #expect(sync.batchSize == 100)
        #expect(sync.logChunkBlocks == 500)
        #expect(sync.journalDepth == 32)
        #expect(sync.reconcileEveryBlocks == 10)
        #expect(sync.reconcileSample == 0)
        #expect(sync.tickWordRadius == 4)
        #expect(sync.poll == .milliseconds(100))
    }

    @Test func badValuesAreNamedWithoutTheURL() {
        #expect(S.errors(S.validYAML + "\nrpc:\n  endpoints: [\"ftp://host/KEY\"]\n  ws: \"https://host/KEY\"\n") == [
            "config/dex.yaml: rpc: endpoints[0]: expected a http:// or https:// URL with a host",
            "config/dex.yaml: rpc: ws: expected a ws:// or wss:// URL with a host",
        ])
        #expect(S.errors(S.validYAML + "\nrpc:\n  endpoints: \"http://host\"\n") == [
            "config/dex.yaml: rpc: endpoints: expected a list, got \"http://host\"",
        ])
        #expect(S.errors(S.validYAML + "\nrpc:\n  maxConcurrent: 0\n  timeoutSeconds: 1.5\n  retries: 21\n  speed: 1\n") == [
            "config/dex.yaml: rpc: speed: unknown key (expected one of endpoints, ws, maxConcurrent, requestsPerSecond, timeoutSeconds, retries, backoffMilliseconds)",
            "config/dex.yaml: rpc: maxConcurrent: 0 is out of range 1...1024",
            "config/dex.yaml: rpc: timeoutSeconds: expected a whole number, got \"1.5\"",
            "config/dex.yaml: rpc: retries: 21 is out of range 0...20",
        ])
        #expect(S.errors(S.validYAML + "\nsync:\n  multicall: \"0x1234\"\n  batchSize: 0\n  pollMilliseconds: 5\n") == [
            "config/dex.yaml: sync: multicall: \(Self.addressError("0x1234"))",
            "config/dex.yaml: sync: batchSize: 0 is out of range 1...10000",
            "config/dex.yaml: sync: pollMilliseconds: 5 is out of range 10...60000",
        ])
    }

    /// The message the config reader gives for a bad address.
    static func addressError(_ text: String) -> String {
        guard case .failure(let problem) = ConfigValue.address(text) else { return "" }
        return problem.message
    }

    @Test func theRealFileHasBothSections() throws {
        let loaded = try ConfigLoader().load(path: S.realConfigPath)
        #expect(loaded.rpc == RPCConfiguration())
        var sync = SyncConfiguration()
        sync.wholeTickTables = [S.address("0xC6962004f452bE9203591991D15f6b388e09E8D0")]
        #expect(loaded.sync == sync, "the defaults written out, and one major pool")
    }
}
