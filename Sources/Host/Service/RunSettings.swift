import Foundation

/// What `mevbot run` runs with: its flags over the environment the earlier bot read
/// (`SEQUENCER_WS_URL`, `RPC_URL`, `METRICS_PORT`, `CONFIG_PATH`, and `RPC_WS_URL`) over the
/// config's sections.
struct RunSettings: Sendable, Equatable {
    /// The config file.
    var configPath = "config/dex.yaml"
    /// Sequencer feed WebSocket URLs (several: first copy of each message wins).
    var feeds: [String] = []
    /// With `--demo`: the recording a loopback feed server replays instead of `feeds`.
    var demoFeed: String?
    /// JSON-RPC HTTP endpoints for state sync (none: the engine runs on the snapshot alone).
    var rpcEndpoints: [String] = []
    /// The node's WebSocket for `newHeads` (nil: sync polls the head).
    var rpcWebSocket: String?
    /// The snapshot the engine starts from (and sync catches up from), if any.
    var snapshot: String?
    /// Where the state is saved at shutdown, if anywhere.
    var saveSnapshot: String?
    /// The port of `/metrics`, `/health` and `/ready` (nil: not served; 0: any free port).
    var metricsPort: Int?
    /// The interface they are served on.
    var metricsHost = "127.0.0.1"
    /// `/ready` wants a feed message within this many seconds.
    var readyMessageAgeSeconds = 10
    /// The log level's name, nil: `info` unless the environment says otherwise.
    var logLevel: String?
    /// `text` or `json`.
    var logFormat = "text"

    /// The settings of a config's `service` and `rpc` sections, read from `configPath`.
    init(configPath: String = "config/dex.yaml", service: ServiceConfiguration = ServiceConfiguration(), rpc: RPCConfiguration = RPCConfiguration()) {
        self.configPath = configPath
        rpcEndpoints = rpc.endpoints
        rpcWebSocket = rpc.webSocket
        feeds = service.feeds
        snapshot = service.snapshot
        saveSnapshot = service.saveSnapshot
        metricsHost = service.metricsHost
        metricsPort = service.metricsPort
        readyMessageAgeSeconds = service.readyMessageAgeSeconds
        logLevel = service.logLevel
        logFormat = service.logFormat
    }

    /// The environment variables read, by name.
    static let environmentNames = ["SEQUENCER_WS_URL", "RPC_URL", "RPC_WS_URL", "METRICS_PORT", "CONFIG_PATH"]

    /// `self` with the environment's values where set: URL lists are comma-separated. A URL of
    /// the wrong scheme or without a host, or a `METRICS_PORT` that is not a port, is an error
    /// naming the variable (a URL's value is never repeated: it may hold an API key; a port is a
    /// number, so it is quoted).
    func overridden(by environment: [String: String]) throws(RunSettingsError) -> RunSettings {
        var settings = self
        if let feeds = environment["SEQUENCER_WS_URL"], !feeds.isEmpty {
            settings.feeds = try Self.urls(feeds, in: "SEQUENCER_WS_URL", schemes: ["ws", "wss"])
        }
        if let endpoints = environment["RPC_URL"], !endpoints.isEmpty {
            settings.rpcEndpoints = try Self.urls(endpoints, in: "RPC_URL", schemes: ["http", "https"])
        }
        if let webSocket = environment["RPC_WS_URL"], !webSocket.isEmpty {
            let urls = try Self.urls(webSocket, in: "RPC_WS_URL", schemes: ["ws", "wss"])
            guard urls.count == 1 else { throw RunSettingsError(setting: "RPC_WS_URL", message: "expected one URL, got \(urls.count)") }
            settings.rpcWebSocket = urls[0]
        }
        if let port = environment["METRICS_PORT"], !port.isEmpty {
            guard let number = Int(port), (0...65_535).contains(number) else {
                throw RunSettingsError(setting: "METRICS_PORT", message: "expected a port number 0...65535, got \"\(port)\"")
            }
            settings.metricsPort = number
        }
        return settings
    }

    /// The lines `run` prints at start: every setting, URLs reduced to scheme, host and port
    /// (their paths and queries may hold API keys).
    var startupLines: [String] {
        [
            "config: \(configPath)",
            "feeds: \(demoFeed.map { "\($0) replayed by a feed server on 127.0.0.1 (demo)" } ?? feeds.map(Redaction.url).joined(separator: ", "))",
            "rpc: \(rpcEndpoints.isEmpty ? "none (the engine runs on the snapshot alone)" : rpcEndpoints.map(Redaction.url).joined(separator: ", "))",
            "heads: \(rpcEndpoints.isEmpty ? "none" : rpcWebSocket.map { "newHeads at \(Redaction.url($0)), polled when it is silent" } ?? "polled")",
            "snapshot: \(snapshot ?? "none")",
            "save snapshot: \(saveSnapshot ?? "no")",
            "metrics: \(metricsPort.map { "\(metricsHost):\($0)" } ?? "off")",
            "logs: \(logFormat), \(logLevel ?? "info")",
            "mode: dry run (opportunities are reported, nothing is sent)",
        ]
    }

    /// The URLs of a comma-separated environment value (`SEQUENCER_WS_URL`, `RPC_URL`).
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The comma-separated URLs of the variable `name`, each of one of `schemes` and with a host
    /// (as the config's URL fields are checked).
    static func urls(_ text: String, in name: String, schemes: [String]) throws(RunSettingsError) -> [String] {
        let urls = list(text)
        for (position, url) in urls.enumerated() {
            guard RPCEndpoint.accepts(url, schemes: schemes) else {
                throw RunSettingsError(
                    setting: name, message: "URL \(position + 1) is not a \(schemes.map { $0 + "://" }.joined(separator: " or ")) URL with a host (its text is not shown: it may hold a key)")
            }
        }
        return urls
    }
}

/// A setting `run` refuses, naming it.
struct RunSettingsError: Error, Equatable, CustomStringConvertible {
    /// The flag, variable or config field.
    var setting: String
    /// What is wrong.
    var message: String

    /// `setting: message`.
    var description: String { "\(setting): \(message)" }
}
