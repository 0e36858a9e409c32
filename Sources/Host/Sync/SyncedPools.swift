import Engine
import Kernel

/// The pools sync follows, at the block it has synced to, with the journal that rewinds them.
/// Pure state: the network side (`StateSync`) fetches headers and logs and hands them here.
public struct SyncedPools: Sendable {
    /// The pools by address.
    public private(set) var pools: [Address: TrackedPool] = [:]
    /// How many pools each dex.yaml entry has here.
    public var countByDex: [String: Int] {
        pools.values.reduce(into: [:]) { $0[$1.dex, default: 0] += 1 }
    }
    /// The recent blocks and what they changed.
    private(set) var journal: BlockJournal
    /// Contracts other than pools whose logs change a whole entry's pools (a factory's fee
    /// share: `LogFilter.Purpose.reloadPools`), by address, with the entries they concern.
    var reloadSources: [Address: Set<String>] = [:]

    /// `pools` at block `header`, with a journal `journalDepth` blocks deep.
    public init(pools: [SnapshotPool], at header: BlockHeader, journalDepth: Int) {
        journal = BlockJournal(depth: journalDepth)
        journal.reset(to: header)
        for entry in pools { self.pools[entry.pool.address] = TrackedPool(dex: entry.dex, pool: entry.pool) }
    }

    /// The block synced to.
    public var head: BlockHeader? { journal.head }

    /// Applies block `header`'s logs, in their order, to the pools that emitted them (each pool is
    /// first moved to the block's time), and journals the states it replaced. The block must
    /// continue the head (`header.parentHash` is the head's hash): the caller checks and rewinds.
    public mutating func apply(_ header: BlockHeader, logs: ArraySlice<ChainLog>) -> BlockApplication {
        journal.append(BlockJournal.Entry(header: header, priors: Dictionary(minimumCapacity: logs.count)))
        var outcome = BlockApplication()
        outcome.changed.reserveCapacity(logs.count)
        for entry in logs {
            let address = entry.log.address
            guard var tracked = pools[address] else {
                if let dexes = reloadSources[address] {
                    outcome.reload.formUnion(pools.values.filter { dexes.contains($0.dex) }.map(\.pool.address))
                } else {
                    outcome.untracked += 1
                }
                continue
            }
            if journal.record(address, prior: tracked) {
                try? tracked.pool.advance(toBlock: header.number, timestamp: header.timestamp)
            }
            do {
                switch try tracked.pool.apply(entry.log) {
                case .applied:
                    outcome.applied += 1
                    outcome.changed.insert(address)
                case .ignored:
                    outcome.ignored += 1
                case .needsReload(let reason):
                    outcome.reload.insert(address)
                    outcome.reloadReasons.append(PoolSyncFailure(pool: address, dex: tracked.dex, stage: "reload", detail: "block \(header.number) log \(entry.logIndex): \(reason)"))
                }
            } catch {
                outcome.reload.insert(address)
                outcome.failures.append(PoolSyncFailure(pool: address, dex: tracked.dex, stage: "log", detail: "block \(header.number) log \(entry.logIndex): \(error)"))
            }
            pools[address] = tracked
        }
        return outcome
    }

    /// Installs freshly loaded states (a reload, a discovered pool), journaled in the head block.
    public mutating func replace(_ loaded: [SnapshotPool]) {
        for entry in loaded {
            journal.record(entry.pool.address, prior: pools[entry.pool.address])
            pools[entry.pool.address] = TrackedPool(dex: entry.dex, pool: entry.pool)
        }
    }

    /// Stops following `addresses` (a pool that failed to reload), journaled in the head block.
    public mutating func remove(_ addresses: some Sequence<Address>) {
        for address in addresses {
            guard let prior = pools.removeValue(forKey: address) else { continue }
            journal.record(address, prior: prior)
        }
    }

    /// Undoes the blocks above `number`, newest first; the pools it changed, or nil when the
    /// journal does not reach back that far (nothing is changed then).
    public mutating func rewind(to number: UInt64) -> Set<Address>? {
        guard let undone = journal.unwind(above: number) else { return nil }
        var changed = Set<Address>()
        for entry in undone {
            for (address, prior) in entry.priors {
                pools[address] = prior
                changed.insert(address)
            }
        }
        return changed
    }

    /// Replaces every pool and forgets the journal (a re-bootstrap after a reorg deeper than it).
    public mutating func reset(pools loaded: [SnapshotPool], at header: BlockHeader) {
        pools = [:]
        for entry in loaded { pools[entry.pool.address] = TrackedPool(dex: entry.dex, pool: entry.pool) }
        journal.reset(to: header)
    }

    /// The pools as a snapshot at the head.
    public var snapshot: Snapshot {
        Snapshot(block: head?.number ?? 0, timestamp: head?.timestamp ?? 0,
                 pools: pools.values.sorted { $0.pool.address < $1.pool.address }.map(\.snapshotPool))
    }
}

/// What applying one block's logs did.
public struct BlockApplication: Sendable {
    /// Pools whose state a log changed.
    public var changed = Set<Address>()
    /// Pools to reload (a log their state cannot follow, a malformed log, a setting changed elsewhere).
    public var reload = Set<Address>()
    /// Logs applied and ignored; logs of contracts not tracked.
    public var applied = 0, ignored = 0, untracked = 0
    /// Why each pool to reload could not follow its log (a position beyond the loaded ticks).
    public var reloadReasons: [PoolSyncFailure] = []
    /// Each log that could not be applied (malformed), with why.
    public var failures: [PoolSyncFailure] = []
}
