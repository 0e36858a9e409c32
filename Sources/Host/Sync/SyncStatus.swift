import Synchronization

/// Where sync stands, readable from any thread (the next issue's `/ready` reads it): the block it
/// has synced to, the chain head it knows, and the last error. The state is current only when a
/// step succeeded since the last error and the lag is within bounds.
public final class SyncStatus: Sendable {
    /// A copy of the status.
    public struct Reading: Sendable, Equatable {
        /// The block the state is synced to (nil before the bootstrap).
        public var syncedBlock: UInt64?
        /// The newest head seen.
        public var chainHead: UInt64?
        /// The last step's error, nil when the last step succeeded.
        public var lastError: String?
        /// Counters.
        public var blocks = 0, logsApplied = 0, discovered = 0, reorgs = 0, deepReorgs = 0, reloads = 0, drifted: [String: Int] = [:], reconciled = 0, failures = 0, errors = 0
        /// Pools tracked now, by dex.yaml entry.
        public var poolsByDex: [String: Int] = [:]

        /// Blocks behind the head (nil when either is unknown).
        public var lag: UInt64? {
            guard let syncedBlock, let chainHead else { return nil }
            return chainHead > syncedBlock ? chainHead - syncedBlock : 0
        }

        /// Whether the state may be presented as current: synced, no error since, within `maxLag`.
        public func isCurrent(maxLag: UInt64) -> Bool {
            guard lastError == nil, let lag else { return false }
            return lag <= maxLag
        }
    }

    private let reading = Mutex(Reading())

    /// An empty status.
    public init() {}

    /// The status now.
    public var current: Reading { reading.withLock { $0 } }

    /// Changes the status.
    func update(_ body: (inout Reading) -> Void) {
        reading.withLock { body(&$0) }
    }
}
