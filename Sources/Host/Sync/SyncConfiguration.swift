import Kernel

/// The state sync's settings (dex.yaml's `sync:` section).
public struct SyncConfiguration: Sendable, Equatable {
    /// Multicall3 on the chain (`0xcA11bde05977b3631167028862bE2a173976CA11` on Arbitrum One).
    public var multicall: Address
    /// Calls per `aggregate3`.
    public var batchSize: Int
    /// Blocks per `eth_getLogs`.
    public var logChunkBlocks: UInt64
    /// Blocks the journal keeps: a deeper reorg re-bootstraps.
    public var journalDepth: Int
    /// Blocks between reconciliations (0: never).
    public var reconcileEveryBlocks: UInt64
    /// Pools each reconciliation re-reads.
    public var reconcileSample: Int
    /// How often the head is polled when no subscription is given, in milliseconds.
    public var pollMilliseconds: UInt64
    /// The lag in blocks beyond which the state is not presented as current.
    public var maxLagBlocks: UInt64

    /// The defaults: batches of 500, 2,000-block log chunks, a 64-block journal, 16 pools
    /// reconciled every 50 blocks, the head polled every 250 ms, current within 2 blocks.
    public init(
        multicall: Address = ArbitrumOneMulticall3.address, batchSize: Int = 500, logChunkBlocks: UInt64 = 2000,
        journalDepth: Int = 64, reconcileEveryBlocks: UInt64 = 50, reconcileSample: Int = 16,
        pollMilliseconds: UInt64 = 250, maxLagBlocks: UInt64 = 2
    ) {
        self.multicall = multicall
        self.batchSize = batchSize
        self.logChunkBlocks = logChunkBlocks
        self.journalDepth = journalDepth
        self.reconcileEveryBlocks = reconcileEveryBlocks
        self.reconcileSample = reconcileSample
        self.pollMilliseconds = pollMilliseconds
        self.maxLagBlocks = maxLagBlocks
    }
}

/// Multicall3's address, the same on every chain it is deployed to, Arbitrum One included
/// (mds1/multicall's README lists chain 42161).
public enum ArbitrumOneMulticall3 {
    /// `0xcA11bde05977b3631167028862bE2a173976CA11`.
    public static let address = Address(high32: 0xcA11_bde0, middle64: 0x5977_b363_1167_0288, low64: 0x62bE_2a17_3976_CA11)
}
