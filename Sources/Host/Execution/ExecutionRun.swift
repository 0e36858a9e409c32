import Engine
import Foundation
import Kernel
import Logging

/// `run --execute` assembled: the key loaded, the desk signing for the configured executor, the
/// submitter sending to the sequencer, the kill switch watched, and the nonce read from the
/// chain before the first trade. Refuses to start, naming what is missing, without a key, an
/// executor, an RPC endpoint or an answer from the chain, or when `execution.poolTable`
/// differs from the executor's own table (`ExecutorPoolTable`).
struct ExecutionRun: Sendable {
    let desk: ExecutionDesk
    let submitter: TradeSubmitter
    /// Where the decision-to-signed latency goes (`mev_stage_latency_seconds{stage="sign"}`).
    let metrics: MevMetrics?
    /// Where each decision goes, as a JSON line (`{"trade":…}`, `{"refused":…}`).
    let report: @Sendable (JSONObject) -> Void
    private let tasks: [Task<Void, Never>]

    /// The assembly, started; the error names the setting that is missing or wrong.
    static func start(configuration: ExecutionConfiguration, chainId: UInt64, rpc: RPCConfiguration, rpcEndpoints: [String],
                      environment: [String: String], logger: Logger, metrics: MevMetrics?,
                      report: @escaping @Sendable (JSONObject) -> Void) async throws(RunSettingsError) -> ExecutionRun {
        guard let executor = configuration.executor else {
            throw RunSettingsError(setting: "execution.executor", message: "no executor contract configured: deploy contracts/Executor.vy and set its address")
        }
        guard !rpcEndpoints.isEmpty else {
            throw RunSettingsError(setting: "RPC_URL", message: "execution needs a JSON-RPC endpoint for nonces and receipts: pass --rpc or set RPC_URL")
        }
        let key: PrivateKey
        do {
            key = try KeySource(keystore: configuration.keystore).load(environment: environment)
        } catch {
            throw RunSettingsError(setting: "key", message: "\(error)")
        }
        let signer = TransactionSigner(key: key)
        let killSwitch = KillSwitch(path: configuration.killSwitchFile)
        let desk = ExecutionDesk(configuration: configuration, executor: executor, chainId: chainId, signer: signer,
                                 killSwitch: killSwitch, now: UInt64(Date().timeIntervalSince1970))
        var chainRPC = rpc
        chainRPC.endpoints = rpcEndpoints
        var sequencerRPC = rpc
        sequencerRPC.endpoints = configuration.sequencer
        // A send is never repeated: the same bytes twice would read as a rejection.
        sequencerRPC.retries = 0
        let chain = JSONRPCClient(configuration: chainRPC)
        let submitter = TradeSubmitter(desk: desk, sequencer: JSONRPCClient(configuration: sequencerRPC), chain: chain,
                                       configuration: configuration, logger: logger, metrics: metrics, report: report)
        do {
            try await submitter.resync()
        } catch {
            throw RunSettingsError(setting: "RPC_URL", message: "the nonce of \(signer.address.checksummed) could not be read: \(error)")
        }
        try await ExecutorPoolTable.verify(configuration.poolIndexes, executor: executor, chain: RPCChainSource(client: chain))
        let watch = Task { await killSwitch.watch() }
        let submit = Task { await submitter.run() }
        return ExecutionRun(desk: desk, submitter: submitter, metrics: metrics, report: report, tasks: [watch, submit])
    }

    /// The startup line: the account and the limits (never the key).
    var startupLine: String {
        let limits = desk.configuration.limits
        return "mode: EXECUTE as \(desk.signer.address.checksummed) through \(desk.executor.checksummed) to "
            + desk.configuration.sequencer.map(Redaction.url).joined(separator: ", ")
            + "; limits: maxGasPriceWei \(limits.maxGasPriceWei), minNetProfitWei \(limits.minNetProfitWei), maxSlippageBps \(limits.maxSlippageBps), "
            + "maxTradesPerBlock \(limits.maxTradesPerBlock), dailyLossLimitWei \(limits.dailyLossLimitWei), kill switch \(desk.configuration.killSwitchFile)"
    }

    /// Trades the opportunities of one message, best net profit first, on `engine`'s newest
    /// pending state; each decision goes to `report` as a JSON line.
    func trade(_ opportunities: [Opportunity], on engine: Engine) {
        let fees = engine.fees
        let now = UInt64(Date().timeIntervalSince1970)
        for opportunity in opportunities.sorted(by: { $0.netProfitEth > $1.netProfitEth }) {
            let decidedAt = MonotonicNanoseconds.now()
            switch desk.prepare(opportunity, requotedOut: engine.requote(opportunity), fees: fees, now: now, decidedAt: decidedAt) {
            case .success(let trade):
                submitter.enqueue(trade)
                let signed = MonotonicNanoseconds.now() &- decidedAt
                metrics?.stageLatency(.sign).recordNanoseconds(Int64(clamping: signed))
                report(Self.line("trade", [
                    ("hash", .string(trade.transaction.hash.description)), ("nonce", .integer(trade.nonce)),
                    ("seq", .integer(opportunity.sequenceNumber)), ("expectedProfitWei", .string(trade.expectedProfitWei.description)),
                    ("feeWei", .string(trade.expectedFeeWei.description)), ("gasLimit", .integer(trade.gasLimit)),
                    ("signNanos", .integer(signed)),
                ]))
            case .failure(let reason):
                report(Self.line("refused", [("seq", .integer(opportunity.sequenceNumber)), ("reason", .string(reason.rawValue))]))
            }
        }
    }

    /// `{"<kind>":{...}}`.
    static func line(_ kind: String, _ members: [(String, JSONValue)]) -> JSONObject {
        var inner = JSONObject()
        for (key, value) in members { inner.append(key, value) }
        var outer = JSONObject()
        outer.append(kind, .object(inner))
        return outer
    }

    /// Stops the submitter and the kill switch's watch.
    func stop() async {
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }
}
