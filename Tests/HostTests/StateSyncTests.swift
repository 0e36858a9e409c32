import Engine
@testable import Host
import Kernel
import Testing

/// State sync against the local chain (a real EVM running the genuine Uniswap V2/V3 and Curve
/// stableswap-ng bytecode behind a JSON-RPC server): whatever blocks of swaps, mints, burns and
/// reorgs it mines, the synced state equals a fresh read of every pool at the synced block.
@Suite(.serialized) struct StateSyncTests {
    @Test func discoveryFindsExactlyTheDeployedPools() async throws {
        let world = try await SyncTestWorld.start(seed: 11)
        defer { world.chain.stop() }
        let report = try await world.sync.bootstrap(world.config.poolCandidates)
        let deployed = try RPCTestSupport.pools(world.chain)
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.loaded == deployed.count)
        #expect(report.absent == world.config.poolCandidates.count - deployed.count)
        let snapshot = try #require(await world.sync.snapshot)
        #expect(Set(snapshot.pools.map(\.pool.address)) == Set(deployed.map(\.address)))
        #expect(Set(snapshot.pools.map(\.dex)) == ["uniswap-v2", "uniswap-v3", "curve"])
        let byDex = Dictionary(grouping: deployed, by: { $0.dex }).mapValues(\.count)
        #expect(world.sync.status.current.poolsByDex == byDex)
        // Round trips: each loader round of every pool goes in ceil(calls / 50) aggregate3 calls.
        #expect(report.roundTrips == report.callsPerRound.reduce(0) { $0 + ($1 + 49) / 50 })
        #expect(report.callsPerRound.count <= 3, "V3's three rounds at most: slot0…, bitmap words, ticks")
        #expect(report.roundTrips < report.callsPerRound.reduce(0, +) / 10, "batched")
    }

    @Test func hundredsOfRandomBlocksMatchFreshReads() async throws {
        let world = try await SyncTestWorld.start(seed: 12)
        defer { world.chain.stop() }
        _ = try await world.sync.bootstrap(world.config.poolCandidates)
        var applied = 0
        for _ in 0..<10 {
            try await world.chain.mine(30)
            let update = try #require(try await world.sync.step())
            applied += update.pools.count
            let (differences, compared) = try await world.drift()
            #expect(differences.isEmpty, "\(differences.prefix(10))")
            #expect(compared >= 8)
        }
        let status = world.sync.status.current
        #expect(status.blocks == 300)
        #expect(status.logsApplied > 300, "the blocks held swaps, mints and burns")
        #expect(status.isCurrent(maxLag: 0))
        #expect(applied > 0)
    }

    @Test(arguments: [1, 5, 64, 100])
    func reorgsLeaveTheCanonicalState(depth: Int) async throws {
        let world = try await SyncTestWorld.start(seed: 20 + depth)
        defer { world.chain.stop() }
        try await world.chain.mine(110)
        _ = try await world.sync.bootstrap(world.config.poolCandidates)
        try await world.chain.mine(depth)
        _ = try await world.sync.step()
        try await world.chain.reorg(depth: depth, newBlocks: depth + 1)
        let update = try #require(try await world.sync.step())
        #expect(depth > 64 ? update.rewoundBlocks >= 64 : update.rewoundBlocks == UInt64(depth))
        let (differences, _) = try await world.drift()
        #expect(differences.isEmpty, "\(differences.prefix(10))")
        let status = world.sync.status.current
        #expect(status.reorgs == 1)
        #expect(status.deepReorgs == (depth > 64 ? 1 : 0), "a reorg deeper than the 64-block journal re-bootstraps")
        let head = try await world.source.header(update.header.number)
        #expect(head?.hash == update.header.hash, "synced to the canonical head")
    }

    @Test func snapshotRoundTripAndCatchUpEqualAFreshBootstrap() async throws {
        let world = try await SyncTestWorld.start(seed: 13)
        defer { world.chain.stop() }
        try await world.chain.mine(20)
        _ = try await world.sync.bootstrap(world.config.poolCandidates)
        let snapshot = try #require(await world.sync.snapshot)
        let codec = SnapshotCodec(plugins: world.config.poolPlugins)
        let decoded = try codec.decode(try codec.encode(snapshot))
        #expect(decoded.block == snapshot.block)
        #expect(SyncTestWorld.differences(snapshot, decoded, plugins: world.config.poolPlugins).isEmpty)
        #expect(try codec.encode(decoded) == codec.encode(snapshot), "save, load, save: the same bytes")

        try await world.chain.mine(40)
        let caughtUp = StateSync(source: world.source, plugins: world.config.enabledPlugins, configuration: world.config.sync)
        try await caughtUp.start(from: decoded)
        let update = try #require(try await caughtUp.step())
        let fresh = StateSync(source: world.source, plugins: world.config.enabledPlugins, configuration: world.config.sync)
        _ = try await fresh.bootstrap(world.config.poolCandidates, at: update.header.number)
        let (a, b) = (try #require(await caughtUp.snapshot), try #require(await fresh.snapshot))
        #expect(a.block == b.block)
        #expect(SyncTestWorld.differences(a, b, plugins: world.config.poolPlugins).isEmpty)
    }

    @Test func poolsCreatedWhileRunningJoin() async throws {
        let world = try await SyncTestWorld.start(seed: 14)
        defer { world.chain.stop() }
        _ = try await world.sync.bootstrap(world.config.poolCandidates)
        let before = try #require(await world.sync.snapshot).pools.count
        let tokens = try world.chain.startLine.read("tokens", .array(.object)).map { (try $0.read("symbol", .string), try $0.read("address", .address)) }
        let existing = try world.chain.startLine.read("pools", .array(.object)).filter { (try? $0.read("fee", .integer(Int.self))) == 500 }
            .map { Set(try $0.read("tokens", .array(.address))) }
        let pair = try #require(tokens.indices.flatMap { i in tokens.indices.filter { $0 > i }.map { (tokens[i], tokens[$0]) } }
            .first { !existing.contains([$0.0.1, $0.1.1]) })
        let created = try await world.chain.createPool(dex: "uniswap-v3", symbols: [pair.0.0, pair.1.0], fee: 500)
        try await world.chain.mine(3)
        let update = try #require(try await world.sync.step())
        #expect(update.pools.contains { $0.pool.address == created })
        #expect(try #require(await world.sync.snapshot).pools.count == before + 1)
        #expect(world.sync.status.current.discovered == 1)
        #expect(world.sync.status.current.poolsByDex.values.reduce(0, +) == before + 1, "the new pool is counted")
        let (differences, _) = try await world.drift()
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }

    @Test func reconciliationFindsNoDriftOnAnHonestState() async throws {
        let world = try await SyncTestWorld.start(seed: 15)
        defer { world.chain.stop() }
        _ = try await world.sync.bootstrap(world.config.poolCandidates)
        try await world.chain.mine(25)
        _ = try await world.sync.step()
        for _ in 0..<3 { _ = try await world.sync.reconcile() }
        let status = world.sync.status.current
        #expect(status.reconciled >= 8)
        #expect(status.drifted.isEmpty)
        #expect(await world.sync.takeDrift().isEmpty)
    }
}
