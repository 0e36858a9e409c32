import ArgumentParser
import Foundation
import Kernel
import ServiceLifecycle

/// `run`'s bot as a swift-service-lifecycle service: the hot loop until the group shuts down
/// gracefully (SIGTERM, SIGINT) or the demo feed ends; then the summary, flushed, and the
/// snapshot saved. With `holdAfterEnd` (the demo with endpoints) it waits for the shutdown after
/// the summary, so the endpoints stay up for a Prometheus or curl to look.
struct BotLifecycleService: Service {
    /// The assembled service.
    let service: BotService
    /// Where the hot loop publishes, when endpoints are served.
    let publisher: MetricsPublisher?
    /// Where to save the state at the end, if anywhere.
    let saveSnapshot: String?
    /// The config, for the snapshot's plugins.
    let config: LoadedConfig
    /// Wait for the shutdown after the summary.
    let holdAfterEnd: Bool

    func run() async throws {
        try await withGracefulShutdownHandler {
            // One JSON line per opportunity, written and flushed off the hot loop as each message's
            // are found (`LineWriter`); the summary after the last of them.
            let summary = await service.run(publisher: publisher, progress: true)
            await service.lines.drain()
            print(summary.rendered)
            fflush(nil)
            if let saveSnapshot { try await service.save(to: saveSnapshot, config: config) }
            if holdAfterEnd { try? await gracefulShutdown() }
        } onGracefulShutdown: {
            service.stop()
        }
    }
}
