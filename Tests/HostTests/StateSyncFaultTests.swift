import Engine
@testable import Host
import Kernel
import Testing

/// State sync when the node misbehaves (the local chain's injected faults): typed errors, counted,
/// no trap, and the state never presented as current while it is not.
@Suite(.serialized) struct StateSyncFaultTests {
    @Test func rpcDownAtStartIsAnErrorAndRetriedLater() async throws {
        let world = try await SyncTestWorld.start(seed: 31, timeout: .seconds(2), retries: 1)
        defer { world.chain.stop() }
        try await world.chain.fault("down", count: 2)
        await #expect(throws: RPCError.self) { _ = try await world.sync.bootstrap(world.config.poolCandidates) }
        #expect(world.sync.status.current.syncedBlock == nil)
        #expect(!world.sync.status.current.isCurrent(maxLag: 2), "nothing synced: not current")
        let report = try await world.sync.bootstrap(world.config.poolCandidates)
        #expect(report.failures.isEmpty)
        #expect(world.sync.status.current.syncedBlock == report.block)
    }

    @Test(arguments: ["malformed", "error", "slow"])
    func faultMidRunLeavesTheStateUnchangedAndNotCurrent(kind: String) async throws {
        let world = try await SyncTestWorld.start(seed: 32, timeout: .seconds(1), retries: 0)
        defer { world.chain.stop() }
        _ = try await world.sync.bootstrap(world.config.poolCandidates)
        let before = try #require(await world.sync.snapshot)
        try await world.chain.mine(5)
        try await world.chain.fault(kind, count: 1, delayMs: 3000)
        do {
            _ = try await world.sync.step()
            Issue.record("a \(kind) answer went unnoticed")
        } catch {
            switch (kind, error) {
            case ("malformed", .malformed), ("error", .node), ("slow", .timeout), ("slow", .exhausted): break
            default: Issue.record("\(kind) gave \(error)")
            }
        }
        let status = world.sync.status.current
        #expect(status.errors == 1)
        #expect(status.lastError != nil)
        #expect(!status.isCurrent(maxLag: 100), "an error since the last step: not current")
        #expect(status.syncedBlock == before.block, "synced block unchanged")
        let after = try #require(await world.sync.snapshot)
        #expect(after.block == before.block)
        #expect(SyncTestWorld.differences(before, after, plugins: world.config.poolPlugins).isEmpty, "no half-applied step")
        // The next step recovers.
        _ = try await world.sync.step()
        #expect(world.sync.status.current.isCurrent(maxLag: 0))
        #expect(try await world.drift().differences.isEmpty)
    }

    @Test func lagBeyondTheLimitIsNotCurrent() async throws {
        let world = try await SyncTestWorld.start(seed: 33)
        defer { world.chain.stop() }
        _ = try await world.sync.bootstrap(world.config.poolCandidates)
        let head = try await world.chain.mine(10)
        _ = try await world.sync.step(to: head.number - 5)
        try await world.sync.refreshHead()
        let status = world.sync.status.current
        #expect(status.lag == 5)
        #expect(!status.isCurrent(maxLag: 2))
        #expect(status.isCurrent(maxLag: 5))
    }

    @Test func wrongChainIsRefusedAtConnect() async throws {
        let chain = try await LocalChain.start(seed: 34, chainID: 1)
        defer { chain.stop() }
        await #expect(throws: RPCError.wrongChain(expected: 42161, actual: 1)) {
            _ = try await RPCChainSource.connect(RPCTestSupport.client([chain.http]), expectedChainID: 42161)
        }
    }

    @Test func aPoolThatIsNotWhatTheConfigSaysFailsAloneNamingPoolAndCall() async throws {
        let world = try await SyncTestWorld.start(seed: 35)
        defer { world.chain.stop() }
        // A token contract named as a Uniswap V3 pool and as a V2 pair: its calls revert or answer
        // nothing a pool would; the real pools still load.
        let token = try world.chain.startLine.read("tokens", .array(.object))[0].read("address", .address)
        let impostors = [TrackedPoolID(dex: "uniswap-v3", descriptor: PoolDescriptor(address: token, tokens: [token, token])),
                         TrackedPoolID(dex: "uniswap-v2", descriptor: PoolDescriptor(address: token, tokens: [token, token]))]
        let report = try await world.sync.bootstrap(world.config.poolCandidates + impostors)
        #expect(report.loaded == (try RPCTestSupport.pools(world.chain)).count)
        #expect(report.failures.count == 2, "\(report.failures)")
        for failure in report.failures {
            #expect(failure.pool == token)
            #expect(failure.stage == "load")
            #expect(failure.detail.contains("()") || failure.detail.contains("malformed"), "names the call or field: \(failure.detail)")
        }
    }

    @Test func theEngineFollowsTheUpdates() async throws {
        let world = try await SyncTestWorld.start(seed: 36)
        defer { world.chain.stop() }
        _ = try await world.sync.bootstrap(world.config.poolCandidates)
        var engine = try Engine(snapshot: try #require(await world.sync.snapshot), plugins: world.config.enabledPlugins)
        for _ in 0..<5 {
            try await world.chain.mine(10)
            if let update = try await world.sync.step() { engine.absorb(update) }
        }
        let synced = try #require(await world.sync.snapshot)
        for entry in synced.pools {
            let held = try #require(engine.pendingPool(entry.pool.address))
            var expected = entry.pool
            try expected.advance(toBlock: synced.block, timestamp: synced.timestamp)
            let family = try #require(world.config.poolPlugins[entry.dex])
            #expect(PoolDrift.differences(held: held, fresh: expected, family: family).isEmpty, "\(entry.dex) \(entry.pool.address)")
        }
    }
}
