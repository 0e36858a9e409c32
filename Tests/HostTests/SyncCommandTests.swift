import Foundation
@testable import Host
import Kernel
import Testing

/// `mevbot sync` against the local chain: the snapshot it writes at a block equals fresh reads
/// there, and `--from` catches an older one up to the same state a fresh read of the head gives.
@Suite(.serialized) struct SyncCommandTests {
    @Test func writesTheSnapshotAtABlockAndCatchesOneUp() async throws {
        let chain = try await LocalChain.start(seed: 41)
        defer { chain.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mevbot-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configPath = directory.appendingPathComponent("dex.yaml").path
        try SyncTestWorld.yaml(for: chain).write(toFile: configPath, atomically: true, encoding: .utf8)
        let config = try ConfigLoader().load(path: configPath)
        let early = directory.appendingPathComponent("early.json").path
        let caughtUp = directory.appendingPathComponent("caught-up.json").path
        let head = directory.appendingPathComponent("head.json").path

        try await chain.mine(15)
        try await SyncCommand.parse(["--config", configPath, "--rpc", chain.http, "--out", early, "--block", "10"]).run()
        let atTen = try SnapshotFile.load(path: early, config: config)
        #expect(atTen.block == 10)
        #expect(atTen.pools.count == (try RPCTestSupport.pools(chain)).count)

        let tip = try await chain.mine(20)
        try await SyncCommand.parse(["--config", configPath, "--rpc", chain.http, "--out", caughtUp, "--from", early]).run()
        try await SyncCommand.parse(["--config", configPath, "--rpc", chain.http, "--out", head, "--block", String(tip.number)]).run()
        let (a, b) = (try SnapshotFile.load(path: caughtUp, config: config), try SnapshotFile.load(path: head, config: config))
        #expect(a.block == tip.number)
        #expect(b.block == tip.number)
        #expect(SyncTestWorld.differences(a, b, plugins: config.poolPlugins).isEmpty, "catching up by logs == a fresh read at the head")
    }

    @Test func anUnreachableNodeIsExitStatusOne() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mevbot-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("never.json").path
        let command = try SyncCommand.parse(["--config", ConfigTestSupport.realConfigPath, "--rpc", "http://127.0.0.1:9", "--out", out])
        await #expect(throws: (any Error).self) { try await command.run() }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
