import Kernel

/// What the engine is told by its operator: the tokens it holds, the least profit worth
/// reporting, and the prices it pays when the snapshot does not state them.
public struct EngineConfiguration: Sendable, Equatable {
    /// The tokens a cycle may start and end at, the preferred first (dex.yaml `bases:`).
    public var bases: [Address]
    /// The least net profit reported, in wei of ETH (dex.yaml `minNetProfit`).
    public var minNetProfit: UInt256
    /// The L2 base fee in wei when the snapshot has none.
    public var l2BaseFee: UInt256
    /// The L1 price per unit (`ArbGasInfo.getL1BaseFeeEstimate()`) in wei when the snapshot has none.
    public var l1PricePerUnit: UInt256
    /// L2 gas per hop kind.
    public var gasTable: HopGasTable
    /// The most a cycle may put in, per base token; a base without one is bounded by
    /// `defaultInputCap`. Off by default: reports show the true optimum.
    public var inputCaps: [Address: UInt256]
    /// The product of a cycle's marginal rates a cycle must exceed to be sized.
    public var screenThreshold: Double
    /// The transaction a cycle is sent in, for its size on L1 (the executor's address and the
    /// gas fields).
    public var transaction: TransactionTemplate
    /// The blocks of feed transactions kept for re-applying when no block confirms them:
    /// 2,400 blocks, ten minutes of Arbitrum One's 250 ms blocks, far beyond any sync lag.
    public var unconfirmedWindowBlocks: UInt64 = 2_400

    /// The L2 base fee default: 0.01 gwei, Arbitrum One's minimum base fee and the
    /// `effectiveGasPrice` of every real receipt in `Tests/EngineTests/Fixtures/l1_fee_pairs.json`.
    public static let defaultL2BaseFee = UInt256(10_000_000)
    /// The L1 price per unit default: 340,019,841 wei, the price that explains the real receipt
    /// at block 263,507,207 (October 2024) in `l1_fee_pairs.json`, the nearest in time to the
    /// bundled demo state (August 2024).
    public static let defaultL1PricePerUnit = UInt256(340_019_841)
    /// The input bound of a base without a cap: 2^100 units, far above any pool's depth.
    public static let defaultInputCap = UInt256.one << 100

    /// A configuration; every argument has the default described on its property.
    public init(
        bases: [Address] = [ArbitrumOne.wrappedNativeToken],
        minNetProfit: UInt256 = .zero,
        l2BaseFee: UInt256 = EngineConfiguration.defaultL2BaseFee,
        l1PricePerUnit: UInt256 = EngineConfiguration.defaultL1PricePerUnit,
        gasTable: HopGasTable = .executorMeasurements,
        inputCaps: [Address: UInt256] = [:],
        screenThreshold: Double = 1.0,
        transaction: TransactionTemplate = TransactionTemplate(
            nonce: 0, maxFeePerGas: UInt256(100_000_000), gasLimit: 2_000_000, to: .zero)
    ) {
        self.bases = bases
        self.minNetProfit = minNetProfit
        self.l2BaseFee = l2BaseFee
        self.l1PricePerUnit = l1PricePerUnit
        self.gasTable = gasTable
        self.inputCaps = inputCaps
        self.screenThreshold = screenThreshold
        self.transaction = transaction
    }

    /// The input bound for cycles starting at `base`.
    func inputCap(for base: Address) -> UInt256 {
        inputCaps[base] ?? Self.defaultInputCap
    }
}
