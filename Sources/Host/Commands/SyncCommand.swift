import ArgumentParser
import Foundation
import Kernel

/// `mevbot sync`: reads the pools of the config's token universe from a node and writes them as a
/// snapshot at one block (with V3 tick tables), or catches an earlier snapshot up by logs.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Write a pool snapshot read from a node over JSON-RPC.",
        discussion: """
            Discovers the pools of every pair of the config's tokens in every enabled entry (and the
            pools it names), loads their states at --block (default: the head) through Multicall3
            and writes the snapshot to --out. With --from, starts from that snapshot instead and
            catches it up by the pools' logs. The endpoint comes from --rpc, else RPC_URL (comma-separated), else the
            config's rpc.endpoints; its chain id must be the config's. Prints one JSON summary line;
            each pool that failed is a line on stderr. Exit status 1 when the node cannot be read.
            """
    )

    @Option(help: "The DEX config file.")
    var config = "config/dex.yaml"

    @Option(help: "A JSON-RPC HTTP endpoint (repeat for fail-over).")
    var rpc: [String] = []

    @Option(help: "Where to write the snapshot.")
    var out: String

    @Option(help: "The block to read at (default: the head).")
    var block: UInt64?

    @Option(name: .customLong("from"), help: "A snapshot to catch up by logs instead of reading every pool.")
    var from: String?

    func run() async throws {
        let loaded = try loadConfig(path: config)
        var settings = loaded.rpc
        let environment = ProcessInfo.processInfo.environment["RPC_URL"].map(RunSettings.list) ?? []
        settings.endpoints = !rpc.isEmpty ? rpc : !environment.isEmpty ? environment : settings.endpoints
        guard !settings.endpoints.isEmpty else {
            printToStandardError("mevbot sync: no endpoint: pass --rpc, set RPC_URL or list rpc.endpoints in \(config)")
            throw ExitCode(1)
        }
        let started = ContinuousClock.now
        let client = JSONRPCClient(configuration: settings)
        do {
            let source = try await RPCChainSource.connect(client, expectedChainID: loaded.config.chainId)
            let sync = StateSync(source: source, plugins: loaded.enabledPlugins, configuration: loaded.sync, universe: loaded.tokenUniverse)
            var fromBlock: UInt64?, changed: Int?, report: BootstrapReport?
            if let from {
                let snapshot = try SnapshotFile.load(path: from, config: loaded)
                try await sync.start(from: snapshot)
                fromBlock = snapshot.block
                changed = try await sync.step(to: block)?.pools.count ?? 0
            } else {
                report = try await sync.bootstrap(loaded.poolCandidates, at: block)
                for failure in report?.failures ?? [] { printToStandardError("mevbot sync: \(failure)") }
            }
            guard let snapshot = await sync.snapshot else { throw ExitCode(1) }
            try SnapshotFile.save(snapshot, path: out, config: loaded)
            var summary = JSONLine()
            summary.number("block", snapshot.block)
            summary.number("pools", snapshot.pools.count)
            summary.optionalNumber("from", fromBlock)
            summary.optionalNumber("changed", changed)
            summary.optionalNumber("absent", report?.absent)
            summary.optionalNumber("failed", report?.failures.count)
            summary.optionalNumber("calls", report.map { $0.callsPerRound.reduce(0, +) })
            summary.optionalNumber("roundTrips", report?.roundTrips)
            let methods = client.stats.snapshot.values
            summary.number("rpcRoundTrips", methods.reduce(0) { $0 + $1.calls })
            summary.number("rpcRequests", methods.reduce(0) { $0 + $1.requests })
            summary.number("milliseconds", Int((ContinuousClock.now - started) / .milliseconds(1)))
            summary.string("out", out)
            print(summary.rendered)
        } catch let error as RPCError {
            printToStandardError("mevbot sync: \(error)")
            throw ExitCode(1)
        } catch let error as SnapshotFileError {
            printToStandardError("mevbot sync: \(error)")
            throw ExitCode(1)
        }
    }
}
