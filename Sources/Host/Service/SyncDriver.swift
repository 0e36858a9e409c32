import Engine
import Kernel
import Logging

/// State sync as `run` drives it beside the hot loop: starts from the snapshot (catching up by
/// logs) or bootstraps the config's pools, retrying with backoff while the node is down, then
/// follows the head; every result goes to the mailbox. The feed path never waits for it.
struct SyncDriver: Sendable {
    /// The sync.
    let sync: StateSync
    /// The pools to bootstrap when there is no snapshot.
    let candidates: [TrackedPoolID]
    /// The snapshot to start from, if any.
    let snapshot: Snapshot?
    /// Heads from a subscription, with polls where it is silent (nil: polling alone).
    let heads: AsyncStream<HeadSignal>?
    /// Where updates go.
    let mailbox: SyncMailbox
    /// Warnings and errors, rate-limited by the caller's handler.
    let logger: Logger

    /// Runs until the task is cancelled.
    func run() async {
        var delay = Duration.milliseconds(250)
        while !Task.isCancelled {
            do {
                if let snapshot {
                    try await sync.start(from: snapshot)
                } else {
                    let report = try await sync.bootstrap(candidates)
                    for failure in report.failures.prefix(20) { logger.warning("pool not loaded", metadata: ["pool": "\(failure)"]) }
                }
                break
            } catch {
                logger.warning("state sync cannot start; retrying", metadata: ["error": "\(error)", "retryInMs": "\(delay / .milliseconds(1))"])
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(10))
            }
        }
        guard !Task.isCancelled else { return }
        if snapshot == nil, let state = await sync.snapshot {
            // The bootstrap's pools join the engine as one update.
            let header = BlockHeader(number: state.block, hash: .zero, parentHash: .zero, timestamp: state.timestamp)
            mailbox.post(SyncUpdate(header: header, pools: state.pools, removed: [], rewoundBlocks: 0))
        }
        await sync.follow(heads: heads) { update in mailbox.post(update) }
    }
}
