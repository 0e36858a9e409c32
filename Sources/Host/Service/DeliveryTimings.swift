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
    /// Called once per delivery on the hot loop, so it builds no array.
    func forEachStage(_ body: (LatencyStage, UInt64) -> Void) {
        func visit(_ stage: LatencyStage, _ nanoseconds: UInt64) {
            if nanoseconds > 0 { body(stage, nanoseconds) }
        }
        visit(.decode, decode)
        visit(.recognise, recognise)
        visit(.engine, engine)
        visit(.simulate, simulate)
        visit(.screen, screen)
        visit(.size, size)
        visit(.price, price)
        visit(.total, total)
    }
}
