import Kernel

/// How state sync reads the chain: the `sync` section of dex.yaml, its defaults where absent.
/// Read and checked here; state sync consumes it.
public struct SyncConfiguration: Sendable, Equatable {
    /// The Multicall3 contract pool reads are aggregated through: by default its canonical
    /// address, the same on every chain it is deployed to (mds1/multicall3 lists Arbitrum One).
    public var multicall: Address = Multicall3.canonicalAddress
    /// Calls per batch (or per Multicall3 aggregate).
    public var batchSize: Int = 500
    /// Blocks per `eth_getLogs` request.
    public var logChunkBlocks: Int = 2000
    /// Blocks of state changes kept to undo a reorg.
    public var journalDepth: Int = 64
    /// Blocks between reconciliations of synced state against the chain.
    public var reconcileEveryBlocks: Int = 50
    /// Pools read back at each reconciliation.
    public var reconcileSample: Int = 16
    /// Tick-table words read on each side of a concentrated-liquidity pool's current word, at
    /// least (a family whose default is wider reads its default: Camelot V3's 8).
    public var tickWordRadius: Int = 2
    /// The pools whose whole tick tables are read (the major pools, where a large swap may cross
    /// far from the current tick).
    public var wholeTickTables: [Address] = []
    /// How often the head is polled when no subscription serves it.
    public var poll: Duration = .milliseconds(250)
    /// The lag in blocks beyond which the synced state is not presented as current.
    public var maxLagBlocks: Int = 2

    /// The defaults.
    public init() {}
}
