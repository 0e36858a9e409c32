import ArgumentParser
import Engine
import Foundation
import Kernel
import Logging
import ServiceLifecycle

/// `mevbot run`: the long-running service. The sequencer feed through decoding, swap recognition
/// and the engine, with state sync beside it over JSON-RPC; opportunities reported (dry run).
/// `--demo` runs the same service against a loopback feed server replaying the bundled demo feed
/// on the bundled snapshot, prints each opportunity and a summary, and exits.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the bot: feed, engine and state sync (dry run: opportunities are reported).",
        discussion: """
            Settings: the flags, else the environment (SEQUENCER_WS_URL and RPC_URL, comma-separated
            lists; METRICS_PORT; CONFIG_PATH), else the config's service section. Prints its settings at start (URLs
            as scheme://host:port), one JSON line per opportunity on stdout, and a JSON summary at
            the end. SIGTERM or SIGINT: the current message is finished, the state saved
            (--save-snapshot), exit 0.
            """
    )

    @Option(help: "The DEX config file (default: CONFIG_PATH, else config/dex.yaml).")
    var config: String?

    @Option(help: "A sequencer feed WebSocket URL (repeat for several).")
    var feed: [String] = []

    @Option(help: "A JSON-RPC HTTP endpoint for state sync (repeat for fail-over).")
    var rpc: [String] = []

    @Option(help: "The snapshot to start from (sync catches it up by logs).")
    var snapshot: String?

    @Option(help: "Where to save the state at shutdown.")
    var saveSnapshot: String?

    @Option(help: "Serve /metrics, /health and /ready on this port (0: any free port).")
    var metricsPort: Int?

    @Flag(help: "Replay the bundled demo feed on the bundled snapshot over loopback, then exit.")
    var demo = false

    @Option(help: "Log lines as text or json (default: the config's service.logFormat).")
    var logFormat: String?

    @Flag(help: "Sign and submit the opportunities through the executor contract, within the config's execution limits (key: MEVBOT_PRIVATE_KEY, or execution.keystore with MEVBOT_KEYSTORE_PASSWORD).")
    var execute = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configPath = config ?? environment["CONFIG_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "config/dex.yaml"
        let loaded = try loadConfig(path: configPath)
        let settings: RunSettings
        do {
            settings = try resolvedSettings(RunSettings(configPath: configPath, service: loaded.service, rpc: loaded.rpc), environment: environment)
        } catch {
            printToStandardError("mevbot run: \(error)")
            throw ExitCode(1)
        }
        do {
            let level = try LoggingSetup.level(configured: settings.logLevel, environment: environment)
            _ = LoggingSetup.bootstrap(format: settings.logFormat == "json" ? .json : .text, level: level, environment: environment)
        } catch {
            printToStandardError("mevbot run: \(error)")
            throw ExitCode(1)
        }
        for line in settings.startupLines where !(execute && line.hasPrefix("mode: ")) { printToStandardError("mevbot run: " + line) }
        let service = try await BotService.start(settings: settings, config: loaded, demo: demo)
        let observability = settings.metricsPort.map { port in
            ObservabilityRun(service: service, settings: settings, maxSyncLag: UInt64(loaded.sync.maxLagBlocks), port: port)
        }
        if execute {
            do {
                let execution = try await ExecutionRun.start(
                    configuration: loaded.execution, chainId: loaded.config.chainId, rpc: loaded.rpc, rpcEndpoints: settings.rpcEndpoints,
                    environment: environment, logger: Logger(label: "mevbot.execution"), metrics: observability?.publisher.metrics,
                    report: { service.lines.write($0) })
                service.attach(execution)
                printToStandardError("mevbot run: " + execution.startupLine)
            } catch {
                printToStandardError("mevbot run: --execute: \(error)")
                throw ExitCode(1)
            }
        }
        // The bot ends the group when it returns; the demo with endpoints returns only at SIGTERM.
        let bot = BotLifecycleService(service: service, publisher: observability?.publisher, saveSnapshot: settings.saveSnapshot,
                                      config: loaded, holdAfterEnd: demo && observability != nil)
        var services = [ServiceGroupConfiguration.ServiceConfiguration(service: bot, successTerminationBehavior: .gracefullyShutdownGroup)]
        if let observability { services.append(.init(service: observability.server)) }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: Logger(label: "mevbot.run")))
        // The project's signal watcher starts the graceful shutdown (a second signal exits at
        // once): installed before the group runs, it leaves no window where SIGTERM kills.
        let interrupts = InterruptSignal.onInterrupt { Task { await group.triggerGracefulShutdown() } }
        defer { interrupts.cancel() }
        try await group.run()
    }

    /// Flags over the environment over `base` (the config's); `--demo` fills what is unset with
    /// the bundled data.
    func resolvedSettings(_ base: RunSettings, environment: [String: String]) throws(RunSettingsError) -> RunSettings {
        var settings = try base.overridden(by: environment)
        if let logFormat {
            guard ["text", "json"].contains(logFormat) else { throw RunSettingsError(setting: "--log-format", message: "expected text or json") }
            settings.logFormat = logFormat
        }
        if !feed.isEmpty { settings.feeds = feed }
        if !rpc.isEmpty { settings.rpcEndpoints = rpc }
        if let snapshot { settings.snapshot = snapshot }
        if let saveSnapshot { settings.saveSnapshot = saveSnapshot }
        if let metricsPort {
            guard (0...65_535).contains(metricsPort) else { throw RunSettingsError(setting: "--metrics-port", message: "expected 0...65535") }
            settings.metricsPort = metricsPort
        }
        if demo, execute {
            throw RunSettingsError(setting: "--execute", message: "the demo has no chain to trade on; --execute runs against a feed and an RPC endpoint")
        }
        if demo {
            settings.demoFeed = BotService.demoFeed
            settings.snapshot = settings.snapshot ?? BotService.demoSnapshot
        } else if settings.feeds.isEmpty {
            throw RunSettingsError(setting: "feeds", message: "no sequencer feed: pass --feed or set SEQUENCER_WS_URL")
        }
        return settings
    }
}
