import Engine
import Kernel
import Synchronization

/// The hot path's half of execution: turns an opportunity into a signed transaction, or into the
/// name of the limit that stops it, without touching the network.
///
/// In order: the kill switch and the day's loss; the base token's input limit, the trades
/// already sent for the block, the fee cap; the pools in flight; the executor calldata, the gas
/// limit and the signature; then, on the real signed bytes, the L1 fee, and with the re-quote on
/// the newest pending state the slippage and the net profit. Only a trade that passes them all
/// takes its nonce and its pools, so a refused trade costs no nonce. Everything the submitter
/// learns later (a rejection, a receipt, a drop) comes back through `rejected`, `resynced` and
/// `settled`. One lock guards the state; the submitter takes it only when something settles.
final class ExecutionDesk: Sendable {
    /// What the desk keeps between trades.
    struct State: Sendable {
        var nonces = NonceAllocator()
        var pools = PoolReservations()
        var ledger: DailyLossLedger
        /// Trades sent, by the block they were found for (only the newest blocks are kept).
        var tradesByBlock: [UInt64: Int] = [:]
        var counters = ExecutionCounters()
    }

    let configuration: ExecutionConfiguration
    let executor: Address
    let chainId: UInt64
    let signer: TransactionSigner
    let killSwitch: KillSwitch
    private let state: Mutex<State>

    /// A desk signing with `signer` for `executor`, its day starting at Unix time `now`.
    init(configuration: ExecutionConfiguration, executor: Address, chainId: UInt64, signer: TransactionSigner, killSwitch: KillSwitch, now: UInt64) {
        self.configuration = configuration
        self.executor = executor
        self.chainId = chainId
        self.signer = signer
        self.killSwitch = killSwitch
        state = Mutex(State(ledger: DailyLossLedger(limit: configuration.limits.dailyLossLimitWei, seconds: now)))
    }

    /// The trade for `opportunity`, signed, or why not. `requotedOut` is the cycle's output on
    /// the newest pending state (`Engine.requote`), `fees` the engine's current prices, `now`
    /// Unix seconds and `decidedAt` the monotonic time of the decision.
    func prepare(_ opportunity: Opportunity, requotedOut: UInt256?, fees: (l2BaseFee: UInt256, l1PricePerUnit: UInt256),
                 now: UInt64, decidedAt: UInt64) -> Result<PreparedTrade, TradeRefusal> {
        state.withLock { state in
            let result = prepare(opportunity, requotedOut: requotedOut, fees: fees, now: now, decidedAt: decidedAt, state: &state)
            switch result {
            case .success: state.counters.attempted += 1
            case .failure(let reason): state.counters.refused[reason, default: 0] += 1
            }
            return result
        }
    }

    private func prepare(_ opportunity: Opportunity, requotedOut: UInt256?, fees: (l2BaseFee: UInt256, l1PricePerUnit: UInt256),
                         now: UInt64, decidedAt: UInt64, state: inout State) -> Result<PreparedTrade, TradeRefusal> {
        let limits = configuration.limits
        if killSwitch.isEngaged { return .failure(.killSwitch) }
        if state.ledger.isStopped(seconds: now) { return .failure(.dailyLoss) }
        guard let cap = limits.maxInput[opportunity.token] else { return .failure(.tokenNotAllowed) }
        if opportunity.amountIn > cap { return .failure(.inputTooLarge) }
        if state.tradesByBlock[opportunity.block, default: 0] >= limits.maxTradesPerBlock { return .failure(.tradesPerBlock) }
        // Arbitrum charges the base fee whatever the cap; a cap of twice the base fee rides out
        // a rise between signing and sequencing.
        let (maxFeePerGas, feeOverflow) = fees.l2BaseFee.multipliedReportingOverflow(by: UInt256(2))
        if feeOverflow || maxFeePerGas > limits.maxGasPriceWei { return .failure(.gasPrice) }
        let pools = opportunity.executorHops.map(\.pool)
        if state.pools.isBusy(pools) { return .failure(.poolBusy) }
        guard let nonce = state.nonces.next else { return .failure(.nonceResync) }
        guard let requotedOut else { return .failure(.slippage) }
        if TradeLimits.slipped(from: opportunity.amountOut, to: requotedOut, bps: limits.maxSlippageBps) { return .failure(.slippage) }

        // The contract reverts unless the cycle earns at least its cost in the base token: a
        // trade the chain moved against costs its gas, never more.
        let costInBase = opportunity.grossProfit > opportunity.netProfit ? opportunity.grossProfit - opportunity.netProfit : .zero
        guard let calldata = try? ExecutorCalldata.encode(hops: opportunity.executorHops, amountIn: opportunity.amountIn,
                                                          minimumProfit: costInBase, poolIndexes: configuration.poolIndexes) else {
            return .failure(.unencodable)
        }
        let estimatedL1Gas = fees.l2BaseFee.isZero ? UInt256.zero : opportunity.l1Cost / fees.l2BaseFee
        guard let gasLimit = Self.gasLimit(l2Gas: opportunity.gasUnits, l1Gas: estimatedL1Gas, marginPercent: configuration.gasLimitMarginPercent) else {
            return .failure(.unencodable)
        }
        let unsigned = EIP1559Transaction(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: .zero, maxFeePerGas: maxFeePerGas,
                                          gasLimit: gasLimit, to: executor, value: .zero, data: calldata)
        let signed = signer.sign(unsigned)
        guard let fee = Self.fee(signedBytes: signed.raw, l2Gas: opportunity.gasUnits, fees: fees),
              let grossWei = Self.grossProfitWei(opportunity, requotedOut: requotedOut) else { return .failure(.profitTooLow) }
        guard grossWei > fee, grossWei - fee >= limits.minNetProfitWei else { return .failure(.profitTooLow) }

        _ = state.nonces.allocate()
        _ = state.pools.reserve(pools, for: signed.hash)
        state.tradesByBlock[opportunity.block, default: 0] += 1
        if state.tradesByBlock.count > 64, let oldest = state.tradesByBlock.keys.min() { state.tradesByBlock[oldest] = nil }
        return .success(PreparedTrade(transaction: signed, nonce: nonce, pools: pools, block: opportunity.block,
                                      expectedProfitWei: grossWei, expectedFeeWei: fee, gasLimit: gasLimit, decidedAt: decidedAt))
    }

    /// `(l2Gas + l1Gas) × (100 + margin) / 100`, nil past 64 bits.
    static func gasLimit(l2Gas: UInt64, l1Gas: UInt256, marginPercent: Int) -> UInt64? {
        guard let l1 = l1Gas.uint64Value else { return nil }
        let (gas, overflow) = l2Gas.addingReportingOverflow(l1)
        let (scaled, scaleOverflow) = gas.multipliedReportingOverflow(by: UInt64(100 + marginPercent))
        guard !overflow, !scaleOverflow else { return nil }
        return scaled / 100
    }

    /// The fee of the signed bytes at the engine's prices: the L2 gas plus nitro's L1 poster gas
    /// for these exact bytes, at the base fee.
    static func fee(signedBytes: [UInt8], l2Gas: UInt64, fees: (l2BaseFee: UInt256, l1PricePerUnit: UInt256)) -> UInt256? {
        guard let units = L1PosterFee.units(signedTransaction: signedBytes),
              let posterCost = L1PosterFee.cost(units: units, pricePerUnit: fees.l1PricePerUnit) else { return nil }
        let l1Gas = L1PosterFee.gas(cost: posterCost, gasPrice: fees.l2BaseFee) ?? .zero
        let (gas, overflow) = l1Gas.addingReportingOverflow(UInt256(l2Gas))
        let (fee, feeOverflow) = gas.multipliedReportingOverflow(by: fees.l2BaseFee)
        return overflow || feeOverflow ? nil : fee
    }

    /// The re-quoted gross profit in wei of ETH: itself for a WETH cycle; for another base token
    /// scaled by the rate the engine converted the detected profit at
    /// (`(netProfitEth + l1Cost + l2Cost) / grossProfit`). Nil when the re-quote earns nothing.
    static func grossProfitWei(_ opportunity: Opportunity, requotedOut: UInt256) -> UInt256? {
        guard requotedOut > opportunity.amountIn else { return nil }
        let gross = requotedOut - opportunity.amountIn
        if opportunity.token == ArbitrumOne.wrappedNativeToken { return gross }
        guard !opportunity.grossProfit.isZero else { return nil }
        let detectedWei = opportunity.netProfitEth &+ opportunity.l1Cost &+ opportunity.l2Cost
        return UInt256.mulDiv(gross, detectedWei, opportunity.grossProfit)
    }

    // MARK: What the submitter reports

    /// The sequencer refused `trade` (or its answer was lost): its pools are free, and nonces
    /// stop until the chain is read again.
    func rejected(_ trade: PreparedTrade) {
        state.withLock { state in
            state.pools.release(trade.transaction.hash)
            state.nonces.suspend()
            state.counters.rejected += 1
        }
    }

    /// Nonces start again from the chain's count (or the nonce file's, when ahead).
    func resynced(chainCount: UInt64, persisted: UInt64?) {
        state.withLock { $0.nonces.resync(chainCount: chainCount, persisted: persisted) }
    }

    /// `trade` settled at Unix time `now`: its pools are free and the ledger has its outcome.
    func settled(_ trade: PreparedTrade, outcome: TradeOutcome, now: UInt64) {
        state.withLock { state in
            state.pools.release(trade.transaction.hash)
            switch outcome {
            case .included(let fee):
                state.ledger.record(profit: trade.expectedProfitWei, fee: fee, seconds: now)
                state.counters.succeeded += 1
                state.counters.profitWei = state.counters.profitWei &+ trade.expectedProfitWei
                state.counters.feesWei = state.counters.feesWei &+ fee
            case .reverted(let fee):
                state.ledger.record(profit: .zero, fee: fee, seconds: now)
                state.counters.reverted += 1
                state.counters.feesWei = state.counters.feesWei &+ fee
            case .dropped:
                state.counters.dropped += 1
                state.nonces.suspend()
            }
        }
    }

    /// The next nonce the desk would hand out (nil while suspended), for the nonce file.
    var nextNonce: UInt64? { state.withLock { $0.nonces.next } }

    /// The trades sent and not yet settled.
    var inFlight: Int { state.withLock { $0.pools.inFlight } }

    /// The counts so far.
    var counters: ExecutionCounters { state.withLock { $0.counters } }
}

/// How a sent trade ended.
enum TradeOutcome: Sendable, Equatable {
    /// Included and succeeded; the fee it paid (gas used × effective gas price), in wei.
    case included(fee: UInt256)
    /// Included and reverted; the fee it paid.
    case reverted(fee: UInt256)
    /// No receipt within `receiptTimeoutBlocks` blocks.
    case dropped
}

/// What execution has done since the run started: the execution metrics.
struct ExecutionCounters: Sendable, Equatable {
    /// Trades signed and handed to the submitter.
    var attempted = 0
    /// Trades included and succeeded.
    var succeeded = 0
    /// Trades included and reverted.
    var reverted = 0
    /// Trades the sequencer refused (or whose answer was lost).
    var rejected = 0
    /// Trades with no receipt in time.
    var dropped = 0
    /// Opportunities not traded, by the limit that stopped them.
    var refused: [TradeRefusal: Int] = [:]
    /// The expected gross profit of the trades that succeeded, in wei.
    var profitWei = UInt256.zero
    /// The fees paid by included trades, in wei.
    var feesWei = UInt256.zero
}
