import Engine

/// How long one feed delivery spent in each stage of the hot path, in nanoseconds, summed over
/// its messages: what `run` records in `mev_stage_latency_seconds{stage}` per delivery.
struct DeliveryTimings: Sendable, Equatable {
    /// Frame received to messages decoded.
    var decode: UInt64 = 0
    /// Calls recognised as swaps.
    var recognise: UInt64 = 0
    /// The engine's whole handling of the messages.
    var engine: UInt64 = 0
    /// Within `engine`: the swaps applied to the pending state.
    var simulate: UInt64 = 0
    /// Within `engine`: the cycles through the moved pools screened.
    var screen: UInt64 = 0
    /// Within `engine`: the cycles that passed sized.
    var size: UInt64 = 0
    /// Within `engine`: the sized cycles priced.
    var price: UInt64 = 0
    /// Frame received to decision.
    var total: UInt64 = 0

    /// Adds the engine's timings of one message.
    mutating func add(_ timings: StageTimings) {
        simulate &+= timings.simulate
        screen &+= timings.screen
        size &+= timings.size
        price &+= timings.price
    }

    /// Calls `body` with each stage and its duration where the delivery went through it (a
    /// message without swaps is neither sized nor priced, and a zero would skew the histogram).
    func forEachStage(_ body: (LatencyStage, UInt64) -> Void) {
        for (stage, nanoseconds) in [(LatencyStage.decode, decode), (.recognise, recognise), (.engine, engine),
                                     (.simulate, simulate), (.screen, screen), (.size, size), (.price, price),
                                     (.total, total)] where nanoseconds > 0 {
            body(stage, nanoseconds)
        }
    }
}
