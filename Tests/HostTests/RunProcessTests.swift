import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import Testing

/// The `mevbot` binary's `run --demo` as an operator starts it: endpoints served while it runs and
/// after its summary, `/ready` saying why it is not ready, SIGTERM ending it with status 0, and
/// no secret from its environment in anything it prints.
@Suite(.serialized) struct RunProcessTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Everything a process wrote to one of its pipes so far.
    final class Output: Sendable {
        private let text = NIOLockedValueBox("")
        init(_ pipe: Pipe) {
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [text] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { return }
                    text.withLockedValue { $0 += String(decoding: chunk, as: UTF8.self) }
                }
            }
        }
        var current: String { text.withLockedValue { $0 } }
    }

    /// GETs `url` on a connection closed after the answer (an idle keep-alive connection would
    /// hold the server's graceful shutdown open).
    static func get(_ url: String) async throws -> (status: UInt, body: String) {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "connection", value: "close")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        return (response.status.code, String(buffer: try await response.body.collect(upTo: 16 << 20)))
    }

    @Test func demoServesItsEndpointsStopsOnSIGTERMAndKeepsSecrets() async throws {
        let binary = Self.packageRoot.appendingPathComponent(".build/debug/mevbot")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the package first")
        let secretKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = Self.packageRoot
        process.arguments = ["run", "--demo", "--metrics-port", "0", "--log-format", "json"]
        process.environment = ProcessInfo.processInfo.environment.merging([
            "MEVBOT_PRIVATE_KEY": secretKey,
            // An endpoint that refuses connections, whose path holds an API key: sync retries
            // and logs, and must never print the path.
            "RPC_URL": "http://127.0.0.1:9/v2/SECRETAPIKEY",
        ]) { _, new in new }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let out = Output(stdout), err = Output(stderr)
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var port: String?
        for _ in 0..<600 where port == nil {
            try await Task.sleep(for: .milliseconds(100))
            port = err.current.firstMatch(of: /metrics http:\/\/127\.0\.0\.1:(\d+)/).map { String($0.1) }
        }
        let base = "http://127.0.0.1:\(try #require(port, "no metrics line: \(err.current)"))"
        #expect(try await Self.get(base + "/health").status == 200)

        // The demo ends with its summary line; the endpoints stay up until SIGTERM.
        for _ in 0..<1200 where !out.current.contains(#""frames":45"#) { try await Task.sleep(for: .milliseconds(100)) }
        #expect(out.current.contains(#""messages":45"#))
        let ready = try await Self.get(base + "/ready")
        #expect(ready.status == 503)
        #expect(ready.body.contains("state not synced"), "\(ready.body)")
        let metrics = try await Self.get(base + "/metrics")
        #expect(metrics.body.contains("mev_feed_messages_total 45"))
        #expect(metrics.body.contains(#"mev_stage_latency_seconds_count{stage="total"} 45"#))

        // SIGTERM ends it with status 0 (the 30 s only guard against a hang: how fast it stops is
        // measured, not asserted; the README gives the number).
        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<300 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
        let everything = out.current + err.current
        #expect(!everything.contains(secretKey))
        #expect(!everything.contains(String(secretKey.dropFirst(2))))
        #expect(!everything.contains("SECRETAPIKEY"))
    }
}
