import Foundation
import NIOConcurrencyHelpers
import Logging
import ServiceLifecycle

/// `run`'s `/metrics`, `/health` and `/ready`: the process's metrics registry, a publisher for
/// the service's counters, and the server in a service group of its own.
struct ObservabilityRun: Sendable {
    /// Where the hot loop publishes.
    let publisher: MetricsPublisher
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    /// Starts serving on `settings.metricsHost`:`port`; the bound port is printed to stderr as
    /// `mevbot run: metrics http://host:port`.
    static func start(service: BotService, settings: RunSettings, maxSyncLag: UInt64, port: Int) -> ObservabilityRun {
        let registry = MetricsRegistry.bootstrap()
        let publisher = MetricsPublisher(metrics: MevMetrics(factory: registry.factory))
        let limits = Readiness.Limits(maxMessageAgeMillis: UInt64(settings.readyMessageAgeSeconds) * 1000,
                                      maxSyncLag: maxSyncLag)
        let host = settings.metricsHost
        let server = ObservabilityServer(
            configuration: .init(host: host, port: port), metrics: registry,
            readiness: { service.readiness(limits) },
            beforeScrape: { service.publishShared(to: publisher) },
            onListening: { bound in printToStandardError("mevbot run: metrics http://\(host):\(bound)") })
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [], logger: Logger(label: "mevbot.observability"))
        let task = Task { _ = try? await group.run() }
        return ObservabilityRun(publisher: publisher, group: group, task: task)
    }

    /// Stops the server and waits for it.
    func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }
}

/// A one-shot signal an async task can wait for (the first interrupt).
final class StopSignal: Sendable {
    private let state = NIOLockedValueBox<(fired: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    /// Fires the signal: every waiter resumes, and later waits return at once.
    func fire() {
        let waiters = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            state.fired = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the signal has fired.
    func wait() async {
        await withCheckedContinuation { continuation in
            let now = state.withLockedValue { state -> Bool in
                if state.fired { return true }
                state.waiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }
}
