/// A stage of the hot path whose latency `mev_stage_latency_seconds` records (its `stage` label).
public enum LatencyStage: String, Sendable, CaseIterable {
    /// Frame bytes to messages and transactions.
    case decode
    /// Transactions' calls to recognised swaps.
    case recognise
    /// The engine's whole handling of one message.
    case engine
    /// The engine applying the legs to the pending state.
    case simulate
    /// The engine screening the touched cycles.
    case screen
    /// The engine sizing the cycles that passed.
    case size
    /// The engine costing the sized cycles.
    case price
    /// Frame received to decision.
    case total
    /// Decision to signed transaction (execution, on the hot path).
    case sign
    /// Decision to the sequencer's answer to the send (execution, off the hot path).
    case submit

    /// The stage's position in `allCases`, without a search (the hot path's handle lookup).
    var ordinal: Int {
        switch self {
        case .decode: 0
        case .recognise: 1
        case .engine: 2
        case .simulate: 3
        case .screen: 4
        case .size: 5
        case .price: 6
        case .total: 7
        case .sign: 8
        case .submit: 9
        }
    }
}
