import Foundation
import Kernel
import Logging

/// The network half of execution: sends the trades the hot loop signed to the sequencer (or,
/// in a round this bot holds, through the Timeboost express lane), follows each to its receipt,
/// and reads the nonce back from the chain whenever one is refused or lost. The hot loop never
/// waits for it: trades arrive through `enqueue`, which only appends to a stream.
actor TradeSubmitter {
    /// A trade sent and not yet settled.
    private struct InFlight {
        var trade: PreparedTrade
        /// The chain's head when it was sent.
        var sentAtHead: UInt64
    }

    private let desk: ExecutionDesk
    /// The sequencer endpoint (`execution.sequencer`), without retries: a send is never repeated.
    private let sequencer: JSONRPCClient
    /// The chain's RPC, for nonces, heads and receipts.
    private let chain: JSONRPCClient
    private let nonceFile: NonceFile
    private let timeboost: TimeboostConfiguration?
    private let receiptTimeoutBlocks: UInt64
    private let logger: Logger
    private let metrics: MevMetrics?
    /// Where each settlement goes, as a JSON line (`{"settled":{...}}`).
    private let report: @Sendable (JSONObject) -> Void
    private var inFlight: [Hash32: InFlight] = [:]
    private var head: UInt64 = 0
    /// The express lane's next sequence number, by round.
    private var expressSequence: [UInt64: UInt64] = [:]
    private let trades: AsyncStream<PreparedTrade>
    private let continuation: AsyncStream<PreparedTrade>.Continuation

    /// A submitter for `desk`'s trades.
    init(desk: ExecutionDesk, sequencer: JSONRPCClient, chain: JSONRPCClient, configuration: ExecutionConfiguration,
         logger: Logger, metrics: MevMetrics?, report: @escaping @Sendable (JSONObject) -> Void) {
        self.desk = desk
        self.sequencer = sequencer
        self.chain = chain
        nonceFile = NonceFile(path: configuration.nonceFile)
        timeboost = configuration.timeboost
        receiptTimeoutBlocks = UInt64(configuration.receiptTimeoutBlocks)
        self.logger = logger
        self.metrics = metrics
        self.report = report
        (trades, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// Hands a signed trade over; returns at once.
    nonisolated func enqueue(_ trade: PreparedTrade) {
        continuation.yield(trade)
    }

    /// Reads the nonce from the chain (and the nonce file) so the desk can sign; the error when
    /// the chain does not answer.
    func resync() async throws(RPCError) {
        let count = try await chain.call("eth_getTransactionCount", [.string(desk.signer.address.checksummed), .string("pending")], as: .hexQuantity)
        let persisted: UInt64?
        do {
            persisted = try nonceFile.load(for: desk.signer.address)
        } catch {
            logger.warning("nonce file ignored", metadata: ["error": "\(error)"])
            persisted = nil
        }
        desk.resynced(chainCount: count, persisted: persisted)
    }

    /// Sends trades as they come and follows receipts every `poll`, until cancelled.
    func run(poll: Duration = .milliseconds(250)) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.sendAll() }
            group.addTask {
                while !Task.isCancelled {
                    await self.followReceipts()
                    try? await Task.sleep(for: poll)
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    private func sendAll() async {
        for await trade in trades {
            if Task.isCancelled { break }
            await send(trade)
        }
    }

    /// Sends one trade: refused if the kill switch went on since it was signed.
    private func send(_ trade: PreparedTrade) async {
        guard !desk.killSwitch.isEngaged else {
            desk.rejected(trade)
            await resyncLogging()
            return
        }
        let raw = Hex.encode(trade.transaction.raw)
        do {
            if let timeboost, let round = timeboost.round(at: UInt64(Date().timeIntervalSince1970)), timeboost.heldRounds.contains(round) {
                let sequence = expressSequence[round, default: 0]
                let submission = ExpressLaneSubmission(transaction: trade.transaction, chainId: desk.chainId, round: round,
                                                       auctionContract: timeboost.auctionContract, sequenceNumber: sequence, signer: desk.signer)
                _ = try await sequencer.call(ExpressLaneSubmission.method, submission.parameters, as: .value)
                expressSequence[round] = sequence + 1
            } else {
                _ = try await sequencer.call("eth_sendRawTransaction", [.string(raw)], as: .hash32)
            }
            inFlight[trade.transaction.hash] = InFlight(trade: trade, sentAtHead: head)
            try? nonceFile.save(next: trade.nonce + 1, for: desk.signer.address)
            let latency = MonotonicNanoseconds.now() &- trade.decidedAt
            metrics?.stageLatency(.submit).recordNanoseconds(Int64(clamping: latency))
            logger.debug("trade sent", metadata: ["hash": "\(trade.transaction.hash)", "nonce": "\(trade.nonce)"])
        } catch {
            logger.warning("trade refused by the sequencer", metadata: ["hash": "\(trade.transaction.hash)", "nonce": "\(trade.nonce)", "error": "\(error)"])
            desk.rejected(trade)
            await resyncLogging()
        }
    }

    /// Reads the head and the receipts of the trades in flight; settles what has one, and what
    /// has waited `receiptTimeoutBlocks` blocks without one (dropped).
    private func followReceipts() async {
        guard !inFlight.isEmpty else { return }
        do {
            head = try await chain.call("eth_blockNumber", [], as: .hexQuantity)
            let hashes = Array(inFlight.keys)
            let receipts = try await chain.batch("eth_getTransactionReceipt", hashes.map { [.string($0.description)] }, as: .optionalReceipt)
            let now = UInt64(Date().timeIntervalSince1970)
            var dropped = false
            for (hash, answer) in zip(hashes, receipts) {
                guard let entry = inFlight[hash] else { continue }
                switch answer {
                case .success(let receipt?):
                    inFlight[hash] = nil
                    let outcome: TradeOutcome = receipt.status == 1 ? .included(fee: receipt.fee) : .reverted(fee: receipt.fee)
                    desk.settled(entry.trade, outcome: outcome, now: now)
                    report(ExecutionRun.line("settled", [
                        ("hash", .string(hash.description)), ("outcome", .string(receipt.status == 1 ? "included" : "reverted")),
                        ("block", .integer(receipt.blockNumber)), ("feeWei", .string(receipt.fee.description)),
                    ]))
                case .success(nil) where head >= entry.sentAtHead &+ receiptTimeoutBlocks:
                    inFlight[hash] = nil
                    desk.settled(entry.trade, outcome: .dropped, now: now)
                    dropped = true
                    report(ExecutionRun.line("settled", [("hash", .string(hash.description)), ("outcome", .string("dropped")), ("feeWei", .string("0"))]))
                case .success(nil), .failure:
                    continue
                }
            }
            if dropped { await resyncLogging() }
        } catch {
            logger.warning("receipts not read", metadata: ["error": "\(error)"])
        }
    }

    private func resyncLogging() async {
        do {
            try await resync()
        } catch {
            logger.warning("nonce resync failed; trading waits for the next", metadata: ["error": "\(error)"])
        }
    }

    /// The trades sent and not yet settled.
    var inFlightCount: Int { inFlight.count }
}
