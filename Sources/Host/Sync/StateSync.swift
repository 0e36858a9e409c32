import Engine
import Kernel

/// Keeps the pools' confirmed state true to the chain over a `ChainSource`, beside the hot path:
/// bootstrap (or a snapshot), then every block's logs in order with parent-hash checks, reorgs
/// rewound through the journal (re-bootstrapped beyond it), pools whose logs cannot be followed
/// reloaded, and a rotating sample reconciled against fresh reads. Each step returns a
/// `SyncUpdate` for the engine; `status` says how current the state is.
public actor StateSync {
    /// Where reads go.
    let source: any ChainSource
    /// The enabled entries' plugins, by entry name.
    let plugins: [String: any DEXPlugin]
    /// Settings.
    let configuration: SyncConfiguration
    /// The token universe: a pool created while running joins when both its tokens are in it.
    let universe: Set<Address>
    /// Readable from anywhere.
    public nonisolated let status: SyncStatus
    /// The synced pools (nil before a bootstrap).
    private var state: SyncedPools?
    /// Where the next reconciliation starts in the address order.
    private var reconcileCursor = 0
    /// The block of the last reconciliation.
    private var lastReconciled: UInt64 = 0

    /// Sync over `source` for `plugins`' pools; pools of `universe`'s tokens created while running join.
    public init(source: any ChainSource, plugins: [String: any DEXPlugin], configuration: SyncConfiguration, universe: Set<Address> = [], status: SyncStatus = SyncStatus()) {
        self.source = source
        self.plugins = plugins
        self.configuration = configuration
        self.universe = universe
        self.status = status
    }

    private var bootstrapper: PoolBootstrap {
        PoolBootstrap(reader: BatchReader(source: source, multicall: configuration.multicall, batchSize: configuration.batchSize), plugins: plugins,
                      tickWordRadius: configuration.tickWordRadius, wholeTickTables: Set(configuration.wholeTickTables))
    }

    // MARK: Starting

    /// Loads `pools` at `block` (the head when nil) and starts following from there.
    public func bootstrap(_ pools: [TrackedPoolID], at block: UInt64? = nil) async throws(RPCError) -> BootstrapReport {
        let number: UInt64
        if let block { number = block } else { number = try await source.blockNumber() }
        guard let header = try await source.header(number) else {
            throw .malformed(method: "eth_getBlockByNumber", field: "result", detail: "block \(number) not found")
        }
        let loaded = try await bootstrapper.load(pools, at: number)
        install(SyncedPools(pools: loaded.pools, at: header, journalDepth: configuration.journalDepth))
        status.update { $0.failures += loaded.failures.count }
        return BootstrapReport(block: number, loaded: loaded.pools.count, absent: loaded.absent.count, failures: loaded.failures,
                               callsPerRound: loaded.callsPerRound, roundTrips: loaded.roundTrips)
    }

    /// Starts from `snapshot`'s pools at its block (the next steps catch up by logs). Throws when
    /// the chain has no such block.
    public func start(from snapshot: Snapshot) async throws(RPCError) {
        guard let header = try await source.header(snapshot.block) else {
            throw .malformed(method: "eth_getBlockByNumber", field: "result", detail: "snapshot block \(snapshot.block) not found")
        }
        install(SyncedPools(pools: snapshot.pools, at: header, journalDepth: configuration.journalDepth))
    }

    private func install(_ pools: SyncedPools) {
        var pools = pools
        pools.reloadSources = reloadSources(for: pools)
        state = pools
        lastReconciled = pools.head?.number ?? 0
        let byDex = pools.countByDex
        status.update { $0.syncedBlock = pools.head?.number; $0.poolsByDex = byDex }
    }

    /// Reads the chain's head without syncing (for the lag when heads come from nowhere else).
    public func refreshHead() async throws(RPCError) {
        let head = try await source.blockNumber()
        status.update { $0.chainHead = max($0.chainHead ?? 0, head) }
    }

    /// The state now, as a snapshot.
    public var snapshot: Snapshot? { state?.snapshot }

    // MARK: Following

    /// Syncs to block `target` (the head when nil): the blocks after the synced one, their logs,
    /// a reorg rewound where the chain changed under the synced blocks. Nil when already there.
    public func step(to target: UInt64? = nil) async throws(RPCError) -> SyncUpdate? {
        do {
            let head: UInt64
            if let target { head = target } else { head = try await source.blockNumber() }
            status.update { $0.chainHead = max($0.chainHead ?? 0, head) }
            let update = try await advance(to: head)
            status.update { $0.lastError = nil }
            return update
        } catch {
            status.update { $0.lastError = error.description; $0.errors += 1 }
            throw error
        }
    }

    /// Follows the head until the task is cancelled: one step per signal `heads` yields (to the
    /// head it names, or to the polled head), or one every `poll` without `heads`; reconciling
    /// every `reconcileEveryBlocks`; each update goes to `deliver`. Errors are counted in
    /// `status` and retried at the next signal.
    public func follow(heads: AsyncStream<HeadSignal>? = nil, deliver: @Sendable (SyncUpdate) async -> Void) async {
        var iterator = heads?.makeAsyncIterator()
        while !Task.isCancelled {
            var target: UInt64?
            if iterator != nil {
                guard let signal = await iterator?.next() else { return }
                if case .head(let number) = signal { target = number }
            }
            if let update = try? await step(to: target) { await deliver(update) }
            if configuration.reconcileSample > 0, let synced = state?.head?.number, synced >= lastReconciled + UInt64(configuration.reconcileEveryBlocks),
               let update = try? await reconcile() {
                await deliver(update)
            }
            if iterator == nil { try? await Task.sleep(for: configuration.poll) }
        }
    }

    private func advance(to target: UInt64) async throws(RPCError) -> SyncUpdate? {
        guard var pools = state, let start = pools.head else { return nil }
        var rewound: UInt64 = 0
        var touched = Set<Address>()
        var removed = Set<Address>()
        // The synced head must still be on the chain (a chain now shorter than it has forked
        // too); otherwise find where it forked.
        if try await source.header(start.number)?.hash != start.hash {
            rewound = try await rewind(&pools, below: start, touched: &touched, target: target)
        } else if target <= start.number {
            return nil
        }
        guard let from = pools.head, target > from.number else { return finish(pools, touched: touched, removed: removed, rewound: rewound) }
        let headers = try await fetchHeaders(from.number + 1...target)
        guard headers.first?.parentHash == from.hash, isChain(headers) else {
            throw .malformed(method: "eth_getBlockByNumber", field: "result.parentHash", detail: "blocks \(from.number + 1)...\(target) do not continue block \(from.number); the chain moved while reading")
        }
        let logs = try await fetchLogs(for: pools, blocks: headers)
        var reload = Set<Address>()
        var cursor = logs.startIndex
        for header in headers {
            let end = logs[cursor...].firstIndex { $0.blockNumber != header.number } ?? logs.endIndex
            let outcome = pools.apply(header, logs: logs[cursor..<end])
            cursor = end
            touched.formUnion(outcome.changed)
            reload.formUnion(outcome.reload)
            status.update {
                $0.blocks += 1
                $0.logsApplied += outcome.applied
                $0.failures += outcome.failures.count
            }
        }
        let created = try await createdPools(in: headers, tracked: pools)
        if !reload.isEmpty || !created.isEmpty {
            let ids = reload.compactMap { pools.pools[$0]?.id } + created
            let loaded = try await bootstrapper.load(ids, at: target)
            pools.replace(loaded.pools)
            let failed = loaded.failures.map(\.pool) + loaded.absent.map(\.descriptor.address)
            pools.remove(failed)
            touched.formUnion(loaded.pools.map(\.pool.address))
            removed.formUnion(failed)
            status.update { $0.reloads += loaded.pools.count; $0.failures += failed.count }
        }
        return finish(pools, touched: touched, removed: removed, rewound: rewound)
    }

    /// Saves `pools` as the state and builds the update of what changed.
    private func finish(_ pools: SyncedPools, touched: Set<Address>, removed: Set<Address>, rewound: UInt64) -> SyncUpdate? {
        // Pools join (a reload of a created pool) or leave (removed) only in a step that says so.
        let recount = !removed.isEmpty || pools.pools.count != state?.pools.count
        state = pools
        if recount {
            let byDex = pools.countByDex
            status.update { $0.poolsByDex = byDex }
        }
        guard let head = pools.head else { return nil }
        status.update { $0.syncedBlock = head.number }
        let changed = touched.subtracting(removed).sorted().compactMap { pools.pools[$0]?.snapshotPool }
        let gone = touched.union(removed).filter { pools.pools[$0] == nil }.sorted()
        return SyncUpdate(header: head, pools: changed, removed: gone, rewoundBlocks: rewound)
    }

    /// Rewinds `pools` to the newest journaled block still on the chain; beyond the journal,
    /// reloads every pool at `target`. The number of blocks undone (beyond the journal: the
    /// journaled ones, a lower bound).
    private func rewind(_ pools: inout SyncedPools, below head: BlockHeader, touched: inout Set<Address>, target: UInt64) async throws(RPCError) -> UInt64 {
        let kept = pools.journal.entries.map(\.header)
        let canonical = try await source.headers(kept.map(\.number))
        if let ancestor = Array(zip(kept, canonical)).last(where: { $0.0.hash == $0.1?.hash })?.0,
           let undone = pools.rewind(to: ancestor.number) {
            touched.formUnion(undone)
            status.update { $0.reorgs += 1 }
            return head.number - ancestor.number
        }
        guard let header = try await source.header(target) else {
            throw .malformed(method: "eth_getBlockByNumber", field: "result", detail: "block \(target) not found")
        }
        let ids = pools.pools.values.map(\.id)
        let loaded = try await bootstrapper.load(ids, at: target)
        let before = Set(pools.pools.keys)
        pools.reset(pools: loaded.pools, at: header)
        touched.formUnion(before)
        status.update { $0.reorgs += 1; $0.deepReorgs += 1; $0.failures += loaded.failures.count }
        return head.number - min(head.number, kept.first?.number ?? head.number)
    }

    /// Headers of `numbers`, in batches of 100.
    private func fetchHeaders(_ numbers: ClosedRange<UInt64>) async throws(RPCError) -> [BlockHeader] {
        var headers: [BlockHeader] = []
        var start = numbers.lowerBound
        while start <= numbers.upperBound {
            let end = min(numbers.upperBound, start + 99)
            for (number, header) in zip(start...end, try await source.headers(Array(start...end))) {
                guard let header, header.number == number else {
                    throw .malformed(method: "eth_getBlockByNumber", field: "result", detail: "block \(number) not found or misnumbered")
                }
                headers.append(header)
            }
            start = end + 1
        }
        return headers
    }

    /// Whether each header continues the one before.
    private func isChain(_ headers: [BlockHeader]) -> Bool {
        zip(headers, headers.dropFirst()).allSatisfy { $1.parentHash == $0.hash }
    }

    /// The logs of the tracked pools and reload sources in `blocks`, in (block, logIndex) order,
    /// each checked to belong to the block header read (a reorg in between is an error to retry).
    private func fetchLogs(for pools: SyncedPools, blocks: [BlockHeader]) async throws(RPCError) -> [ChainLog] {
        guard let first = blocks.first?.number, let last = blocks.last?.number else { return [] }
        let addresses = Array(pools.pools.keys) + Array(pools.reloadSources.keys)
        guard !addresses.isEmpty else { return [] }
        let topics = Array(Set(plugins.values.flatMap { type(of: $0).poolEventTopics } + reloadTopics()))
        var logs: [ChainLog] = []
        var start = first
        while start <= last {
            let end = min(last, start + UInt64(max(1, configuration.logChunkBlocks)) - 1)
            logs += try await source.logs(addresses: addresses, topics: topics, fromBlock: start, toBlock: end)
            start = end + 1
        }
        for log in logs {
            guard log.blockNumber >= first, log.blockNumber <= last, !log.removed,
                  blocks[Int(log.blockNumber - first)].hash == log.blockHash else {
                throw .malformed(method: "eth_getLogs", field: "result.blockHash", detail: "log \(log.logIndex) of block \(log.blockNumber) is not on the blocks read (a reorg while reading, or a removed log)")
            }
        }
        return logs.sorted { ($0.blockNumber, $0.logIndex) < ($1.blockNumber, $1.logIndex) }
    }

    /// The pools the entries' factories created in `blocks` between tokens of the universe, not
    /// yet tracked.
    private func createdPools(in blocks: [BlockHeader], tracked: SyncedPools) async throws(RPCError) -> [TrackedPoolID] {
        let creators = plugins.compactMap { dex, plugin in type(of: plugin).poolCreation.map { (dex, plugin, $0) } }
        guard !universe.isEmpty, !creators.isEmpty, let first = blocks.first?.number, let last = blocks.last?.number else { return [] }
        let logs = try await source.logs(addresses: [], topics: Array(Set(creators.map(\.2.topic))), fromBlock: first, toBlock: last)
        var found: [TrackedPoolID] = []
        for entry in logs where !entry.removed {
            for (dex, plugin, _) in creators {
                guard let pool = plugin.createdPool(by: entry.log), tracked.pools[pool.address] == nil,
                      pool.tokens.allSatisfy(universe.contains) else { continue }
                found.append(TrackedPoolID(dex: dex, descriptor: pool))
            }
        }
        status.update { $0.discovered += found.count }
        return found
    }

    /// The contracts whose logs reload an entry's pools, from the plugins' `reloadPools` filters.
    private func reloadSources(for pools: SyncedPools) -> [Address: Set<String>] {
        var sources: [Address: Set<String>] = [:]
        for (dex, plugin) in plugins {
            let mine = pools.pools.values.filter { $0.dex == dex }.map(\.pool.address)
            for filter in plugin.logFilters(for: mine) where filter.purpose == .reloadPools {
                for address in filter.addresses { sources[address, default: []].insert(dex) }
            }
        }
        return sources
    }

    private func reloadTopics() -> [Hash32] {
        plugins.values.flatMap { $0.logFilters(for: []) }.filter { $0.purpose == .reloadPools }.flatMap(\.topics)
    }

    // MARK: Reconciliation

    /// Re-reads the next `reconcileSample` pools (rotating through them in address order) at the
    /// synced block and compares: a drifted pool is replaced by the fresh read, counted by DEX and
    /// reported with what differed. The update carries the replaced pools.
    public func reconcile() async throws(RPCError) -> SyncUpdate? {
        guard var pools = state, let head = pools.head else { return nil }
        let addresses = pools.pools.keys.sorted()
        guard !addresses.isEmpty else { return nil }
        let count = min(configuration.reconcileSample, addresses.count)
        let sample = (0..<count).map { addresses[(reconcileCursor + $0) % addresses.count] }
        reconcileCursor = (reconcileCursor + count) % addresses.count
        lastReconciled = head.number
        let loaded = try await bootstrapper.load(sample.compactMap { pools.pools[$0]?.id }, at: head.number)
        var drifted: [SnapshotPool] = []
        var report: [String: Int] = [:]
        for fresh in loaded.pools {
            guard var held = pools.pools[fresh.pool.address], let plugin = plugins[held.dex] else { continue }
            try? held.pool.advance(toBlock: head.number, timestamp: head.timestamp)
            let differences = PoolDrift.differences(held: held.pool, fresh: fresh.pool, family: type(of: plugin))
            guard !differences.isEmpty else { continue }
            drifted.append(fresh)
            report[held.dex, default: 0] += 1
            lastDrift.append(PoolSyncFailure(pool: fresh.pool.address, dex: held.dex, stage: "reconcile", detail: differences.prefix(8).joined(separator: "; ")))
        }
        pools.replace(drifted)
        state = pools
        status.update {
            $0.reconciled += loaded.pools.count
            for (dex, n) in report { $0.drifted[dex, default: 0] += n }
        }
        guard !drifted.isEmpty else { return nil }
        return SyncUpdate(header: head, pools: drifted, removed: [], rewoundBlocks: 0)
    }

    /// The drift reconciliation found, newest last (the host logs and clears it).
    public private(set) var lastDrift: [PoolSyncFailure] = []

    /// Returns and forgets the drift found so far.
    public func takeDrift() -> [PoolSyncFailure] {
        defer { lastDrift = [] }
        return lastDrift
    }
}

/// What a bootstrap did.
public struct BootstrapReport: Sendable {
    /// The block read.
    public var block: UInt64
    /// Pools loaded.
    public var loaded: Int
    /// Candidate addresses with no contract.
    public var absent: Int
    /// Pools that failed, with why.
    public var failures: [PoolSyncFailure]
    /// The `eth_call`s of each loader round (the rounds' count is this array's).
    public var callsPerRound: [Int]
    /// `aggregate3` round trips: ceil(calls / batch) per round.
    public var roundTrips: Int
}
