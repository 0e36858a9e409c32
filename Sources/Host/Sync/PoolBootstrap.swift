import Engine
import Kernel

/// Loads pools' states at one block through their plugins' `PoolStateLoader`s: each round, the
/// pending calls of every pool still loading go out together in `aggregate3` batches, so N pools
/// take about ceil(calls / batch) round trips per round whatever their families.
struct PoolBootstrap: Sendable {
    /// The batched reads.
    let reader: BatchReader
    /// The enabled entries' plugins, by entry name.
    let plugins: [String: any DEXPlugin]
    /// How wide tick tables are read: `tickWordRadius` words each side, whole for these pools.
    let tickWordRadius: Int
    let wholeTickTables: Set<Address>

    /// The states of `pools` at `block`. A pool whose family has no loader for it, whose call
    /// reverts, whose answer is malformed or that has no code at its address is a failure of its
    /// own; the others load. A transport failure of a batch throws.
    func load(_ pools: [TrackedPoolID], at block: UInt64) async throws(RPCError) -> BootstrapResult {
        var result = BootstrapResult()
        var loading: [(id: TrackedPoolID, loader: any PoolStateLoader)] = []
        for id in pools {
            let options = PoolLoadOptions(tickWordRadius: tickWordRadius, wholeTickTable: wholeTickTables.contains(id.descriptor.address))
            guard let loader = plugins[id.dex]?.stateLoader(for: id.descriptor, options: options) else {
                result.failures.append(PoolSyncFailure(pool: id.descriptor.address, dex: id.dex, stage: "load", detail: "no state loader for this pool"))
                continue
            }
            loading.append((id, loader))
        }
        var round = 0
        while !loading.isEmpty {
            round += 1
            let calls = loading.map { $0.loader.pendingCalls() }
            let answers = try await reader.read(calls.flatMap { $0 }, at: block)
            result.callsPerRound.append(answers.count)
            result.roundTrips += (answers.count + reader.batchSize - 1) / max(1, reader.batchSize)
            var next: [(id: TrackedPoolID, loader: any PoolStateLoader)] = []
            var cursor = 0
            for (index, var entry) in loading.enumerated() {
                let mine = answers[cursor..<(cursor + calls[index].count)]
                cursor += calls[index].count
                switch absorb(mine, into: &entry.loader, firstRound: round == 1) {
                case .some(.absent):
                    result.absent.append(entry.id)
                case .some(.failed(let detail)):
                    result.failures.append(PoolSyncFailure(pool: entry.id.descriptor.address, dex: entry.id.dex, stage: "load", detail: detail))
                case .none where entry.loader.pendingCalls().isEmpty:
                    do {
                        result.pools.append(SnapshotPool(dex: entry.id.dex, pool: try entry.loader.pool()))
                    } catch {
                        result.failures.append(PoolSyncFailure(pool: entry.id.descriptor.address, dex: entry.id.dex, stage: "load", detail: error.description))
                    }
                case .none:
                    next.append(entry)
                }
            }
            loading = next
        }
        result.rounds = round
        return result
    }

    /// Why a loader stopped.
    private enum Stop {
        /// Every call of its first round returned nothing: no contract is there.
        case absent
        /// A call reverted or an answer did not decode.
        case failed(String)
    }

    /// Feeds one round's answers to a loader; why it stopped, or nil.
    private func absorb(_ answers: ArraySlice<Result<[UInt8], SubCallFailure>>, into loader: inout any PoolStateLoader, firstRound: Bool) -> Stop? {
        var data: [[UInt8]] = []
        data.reserveCapacity(answers.count)
        for answer in answers {
            switch answer {
            case .success(let bytes): data.append(bytes)
            case .failure(let failure): return .failed("\(failure.call) reverted")
            }
        }
        if firstRound, !data.isEmpty, data.allSatisfy(\.isEmpty) { return .absent }
        do {
            try loader.absorb(data)
        } catch {
            return .failed(error.description)
        }
        return nil
    }
}

/// A pool sync follows, before its state is read: its dex.yaml entry and its descriptor.
public struct TrackedPoolID: Sendable, Hashable {
    /// The entry's name.
    public var dex: String
    /// Address and tokens.
    public var descriptor: PoolDescriptor

    /// Creates an identity.
    public init(dex: String, descriptor: PoolDescriptor) {
        self.dex = dex
        self.descriptor = descriptor
    }
}

/// What a bootstrap loaded and what it could not.
struct BootstrapResult: Sendable {
    /// The loaded pools.
    var pools: [SnapshotPool] = []
    /// The pools with no contract at their address (a derived address never deployed).
    var absent: [TrackedPoolID] = []
    /// The pools that failed, each with its reason.
    var failures: [PoolSyncFailure] = []
    /// Loader rounds.
    var rounds = 0
    /// The calls of each round.
    var callsPerRound: [Int] = []
    /// `aggregate3` round trips.
    var roundTrips = 0
}

/// A pool sync could not load, apply or check, with what and where.
public struct PoolSyncFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pool.
    public var pool: Address
    /// Its entry.
    public var dex: String
    /// `load`, `log`, `reload` or `reconcile`.
    public var stage: String
    /// What went wrong (the call, field or event).
    public var detail: String

    /// `dex pool stage: detail`.
    public var description: String { "\(dex) \(pool) \(stage): \(detail)" }
}
