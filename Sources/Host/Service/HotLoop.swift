import Engine
import Kernel

/// The one ordered pass of `run`: each feed delivery decoded, its swaps recognised and run
/// through the engine, opportunities reported; sync's updates installed between deliveries. No
/// network, disk or lock in it beyond the mailbox's empty check.
struct HotLoop {
    /// Recognition and the engine.
    var pipeline: FeedPipeline
    /// Sync's updates.
    let mailbox: SyncMailbox

    /// Runs until `deliveries` ends or `stopAfter` messages have been processed; each
    /// opportunity goes to `report`, a delivery's opportunities then to `trade` with the engine
    /// that found them (execution), and `observe` runs after each delivery.
    mutating func run(
        _ deliveries: FeedDeliveries, stopAfter: Int? = nil,
        report: (Opportunity) -> Void, trade: ([Opportunity], Engine) -> Void = { _, _ in },
        observe: (FeedPipeline) -> Void = { _ in }
    ) async {
        for await delivery in deliveries {
            for update in mailbox.take() { pipeline.absorb(update) }
            let found = pipeline.consume(delivery)
            for opportunity in found { report(opportunity) }
            if !found.isEmpty, let engine = pipeline.engine { trade(found, engine) }
            observe(pipeline)
            if let stopAfter, pipeline.messages >= stopAfter { return }
        }
    }
}
