import Engine
import Kernel

/// The one ordered pass of `run`: each feed delivery decoded, its swaps recognised and run
/// through the engine, its opportunities traded, then reported; sync's updates installed between
/// deliveries. It runs on the feed's event loop as each frame is read
/// (`FeedClient.run(handling:)`). No network, disk or lock in it beyond the mailbox's empty
/// check: reports are handed to a writer of their own (`LineWriter`).
struct HotLoop {
    /// Recognition and the engine.
    private(set) var pipeline: FeedPipeline
    /// Sync's updates.
    let mailbox: SyncMailbox
    /// Stop once this many messages have been processed (the demo); nil: never.
    let stopAfter: Int?
    /// Where each delivery's opportunities go, in feed order, once they are traded.
    let report: ([Opportunity]) -> Void
    /// What trades a delivery's opportunities, with the engine that found them (execution); nil
    /// in a dry run, which then does not copy the engine out for it.
    let trade: (([Opportunity], Engine) -> Void)?
    /// Runs after each delivery, reading the pipeline. `inout` only so that the pipeline is lent
    /// rather than copied: passed by value, the compiler copied all of it (1,320 bytes,
    /// retaining each of its buffers) for every delivery.
    let observe: (inout FeedPipeline) -> Void

    /// Handles one delivery; false once `stopAfter` messages have been processed.
    mutating func handle(_ delivery: FeedDelivery) -> Bool {
        for update in mailbox.take() { pipeline.absorb(update) }
        let found = pipeline.consume(delivery)
        if !found.isEmpty {
            if let trade, let engine = pipeline.engine { trade(found, engine) }
            report(found)
        }
        observe(&pipeline)
        if let stopAfter, pipeline.messages >= stopAfter { return false }
        return true
    }
}
