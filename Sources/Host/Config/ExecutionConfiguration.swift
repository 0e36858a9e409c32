import Kernel

/// How `mevbot run --execute` trades: the `execution` section of dex.yaml, its defaults where
/// absent. Every limit has a safe default and is enforced before a transaction is signed. No key
/// or password is ever read from here: keys come from the environment or a keystore file whose
/// password is in the environment (`KeySource`).
public struct ExecutionConfiguration: Sendable, Equatable {
    /// The executor contract (`contracts/Executor.vy`) the cycles are sent to; nil: not deployed,
    /// and `run --execute` refuses to start.
    public var executor: Address?
    /// The contract's pool table as its owner registered it (`setPool(index, pool)`): these
    /// pools are named by index in the calldata (1 or 2 bytes instead of 20).
    public var poolIndexes: [Address: UInt16] = [:]
    /// Where signed transactions are sent: Arbitrum One's sequencer endpoint, which accepts only
    /// `eth_sendRawTransaction` and `eth_sendRawTransactionConditional` (docs.arbitrum.io,
    /// "RPC endpoints and providers").
    public var sequencer: [String] = ["https://arb1-sequencer.arbitrum.io/rpc"]
    /// A Web3 Secret Storage keystore file (its password comes from `MEVBOT_KEYSTORE_PASSWORD`);
    /// nil: the key comes from `MEVBOT_PRIVATE_KEY`.
    public var keystore: String?
    /// Where the next nonce is kept between runs.
    public var nonceFile = "mevbot-nonce.json"
    /// While this file exists nothing is submitted (the kill switch; `SIGUSR1` sets it too).
    public var killSwitchFile = "mevbot.stop"
    /// What each trade may do.
    public var limits = TradeLimits()
    /// The gas limit is the engine's estimate plus this percentage.
    public var gasLimitMarginPercent = 25
    /// A transaction with no receipt after this many blocks is counted dropped.
    public var receiptTimeoutBlocks = 40
    /// The express lane, when this bot holds it (nil: never used).
    public var timeboost: TimeboostConfiguration?

    /// The defaults.
    public init() {}
}

/// The limits every trade is checked against before it is signed, each counted by its name
/// when it blocks one (`mev_execution_blocked_total{reason}`).
public struct TradeLimits: Sendable, Equatable {
    /// The largest input per trade, by base token; a base token without an entry is not traded.
    /// Default: 1 WETH.
    public var maxInput: [Address: UInt256] = [ArbitrumOne.wrappedNativeToken: UInt256(1_000_000_000_000_000_000)]
    /// The highest fee cap (`maxFeePerGas`) a trade may pay, in wei per gas. Default 0.1 gwei,
    /// ten times Arbitrum One's 0.01 gwei floor.
    public var maxGasPriceWei = UInt256(100_000_000)
    /// The least net profit, in wei of ETH, after the L2 gas and the L1 fee of the real signed
    /// transaction. Default 0.0001 ETH.
    public var minNetProfitWei = UInt256(100_000_000_000_000)
    /// The most the cycle's output may fall, in basis points, between detection and the
    /// re-quote on the newest pending state just before signing.
    public var maxSlippageBps = 10
    /// The most trades sent for one block.
    public var maxTradesPerBlock = 1
    /// Execution stops for the rest of the UTC day once the day's realised loss (fees of
    /// reverted and dropped trades, less what included ones earned) exceeds this, in wei.
    /// Default 0.01 ETH.
    public var dailyLossLimitWei = UInt256(10_000_000_000_000_000)

    /// The defaults.
    public init() {}
}

/// The Timeboost express lane (nitro `timeboost/`): the auction contract whose rounds this bot
/// may hold, the rounds' schedule, and the rounds it holds. Bidding is outside mevbot.
public struct TimeboostConfiguration: Sendable, Equatable {
    /// The express-lane auction contract (part of what each submission signs).
    public var auctionContract: Address
    /// The Unix time round 0 began.
    public var initialRoundTimestamp: UInt64
    /// Seconds per round (60 on Arbitrum One).
    public var roundDurationSeconds: UInt64
    /// The rounds this bot controls the express lane in.
    public var heldRounds: Set<UInt64>

    /// A schedule and the rounds held.
    public init(auctionContract: Address, initialRoundTimestamp: UInt64, roundDurationSeconds: UInt64 = 60, heldRounds: Set<UInt64>) {
        self.auctionContract = auctionContract
        self.initialRoundTimestamp = initialRoundTimestamp
        self.roundDurationSeconds = roundDurationSeconds
        self.heldRounds = heldRounds
    }

    /// The round under way at Unix time `seconds` (nil before round 0).
    public func round(at seconds: UInt64) -> UInt64? {
        guard seconds >= initialRoundTimestamp, roundDurationSeconds > 0 else { return nil }
        return (seconds - initialRoundTimestamp) / roundDurationSeconds
    }
}
