import Foundation
@testable import Host
import NIOConcurrencyHelpers
import NIOPosix
import NIOSSL
import NIOWebSocket
import Testing

/// The WebSocket transport (`WebSocketConnection`) against a scripted server on loopback:
/// fragments joined, pings answered, the peer's close honoured, limits enforced, a refusing
/// receiver obeyed, a refused upgrade reported.
@Suite struct WebSocketConnectionTests {
    /// The messages a connection received, in order.
    final class Inbox: Sendable {
        private let box = NIOLockedValueBox<[String]>([])
        /// Receipts: refuse the message with this text.
        let refuse: String?

        init(refuse: String? = nil) { self.refuse = refuse }

        var messages: [String] { box.withLockedValue { $0 } }

        func receive(_ bytes: [UInt8], _: ContinuousClock.Instant) -> WebSocketReceipt {
            let text = String(decoding: bytes, as: UTF8.self)
            box.withLockedValue { $0.append(text) }
            return text == refuse ? .close("refused \(text)") : .accepted
        }
    }

    static let limits = WebSocketLimits(maximumMessageSize: 64, idleTimeout: .seconds(10))

    /// Opens a connection to `server` (with `tls` for a `wss` one) and waits for its end.
    static func run(_ server: ScriptedWebSocketServer, limits: WebSocketLimits = limits, inbox: Inbox = Inbox(),
                    tls: NIOSSLContext? = nil) async throws -> WebSocketEnd {
        try await server.start()
        let address = try #require(WebSocketAddress(server.url))
        let connection = try await WebSocketConnection.open(
            address, headers: [("X-Test", "1")], limits: limits, tls: tls, on: MultiThreadedEventLoopGroup.singleton.next(),
            receive: inbox.receive)
        let end = await connection.ended()
        await server.stop()
        return end
    }

    @Test(.timeLimit(.minutes(1)))
    func fragmentsAreJoinedAndPingsAnswered() async throws {
        let server = ScriptedWebSocketServer(script: [
            .text("one"), .text("tw", fin: false), .ping("p1"), .continuation("o", fin: false), .continuation("!", fin: true),
            .close(code: 1001),
        ])
        let inbox = Inbox()
        let end = try await Self.run(server, inbox: inbox)
        #expect(inbox.messages == ["one", "two!"])
        #expect(end == .closedByPeer(code: 1001))
        #expect(server.received.first == .init(opcode: .pong, payload: Array("p1".utf8)))
        // The client answers the close with the same code.
        #expect(server.received.last == .init(opcode: .connectionClose, payload: [0x03, 0xE9]))
        #expect(server.requests.first?.target == "/path?q=1")
        #expect(server.requests.first?.host == "127.0.0.1:\(try #require(WebSocketAddress(server.url)).port)")
    }

    @Test(.timeLimit(.minutes(1)))
    func aMessageOverTheLimitClosesWith1009() async throws {
        let big = String(repeating: "x", count: 40)
        let server = ScriptedWebSocketServer(script: [.text("small"), .text(big, fin: false), .continuation(big, fin: true), .text("after")])
        let inbox = Inbox()
        let end = try await Self.run(server, inbox: inbox)
        #expect(end == .messageTooLarge)
        #expect(inbox.messages == ["small"])
        #expect(server.received.contains(.init(opcode: .connectionClose, payload: [0x03, 0xF1])))
    }

    @Test(.timeLimit(.minutes(1)))
    func nothingIsDeliveredAfterTheReceiverRefuses() async throws {
        let server = ScriptedWebSocketServer(script: [.text("a"), .text("stop"), .text("b"), .text("c")])
        let inbox = Inbox(refuse: "stop")
        let end = try await Self.run(server, inbox: inbox)
        #expect(end == .ended("refused stop"))
        #expect(inbox.messages == ["a", "stop"])
    }

    @Test(.timeLimit(.minutes(1)))
    func pingsAloneDoNotKeepAConnectionAlive() async throws {
        let server = ScriptedWebSocketServer(script: [.text("hello")], pingEvery: .milliseconds(20))
        let limits = WebSocketLimits(maximumMessageSize: 64, idleTimeout: .milliseconds(300))
        let inbox = Inbox()
        let end = try await Self.run(server, limits: limits, inbox: inbox)
        #expect(end == .idle)
        #expect(inbox.messages == ["hello"])
        // Pings came after the last message and were answered, and still the connection went
        // idle. How many fit in the 300 ms depends on the machine's load (about 14 unloaded; two
        // under Thread Sanitizer with every Host test running at once), so one is asked for.
        #expect(server.received.contains { $0.opcode == .pong })
    }

    @Test(.timeLimit(.minutes(1)))
    func aRefusedUpgradeThrows() async throws {
        let server = ScriptedWebSocketServer(script: [], refuseUpgrade: true)
        await #expect(throws: WebSocketConnectionError.upgradeRefused) {
            _ = try await Self.run(server)
        }
        await server.stop()
    }

    /// A server that accepts the connection and never answers the upgrade: the handshake ends at
    /// its deadline with an error that says so (closing the channel mid-upgrade would otherwise
    /// surface as NIO's "inappropriate operation for state").
    @Test(.timeLimit(.minutes(1)))
    func aSilentServerTimesTheHandshakeOut() async throws {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { $0.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(listener.localAddress?.port)
        let address = try #require(WebSocketAddress("ws://127.0.0.1:\(port)/"))
        let hasty = WebSocketLimits(maximumMessageSize: 64, idleTimeout: .seconds(10), handshakeTimeout: .milliseconds(200))
        await #expect(throws: WebSocketConnectionError.handshakeTimedOut(.milliseconds(200))) {
            _ = try await WebSocketConnection.open(
                address, headers: [], limits: hasty, tls: nil, on: MultiThreadedEventLoopGroup.singleton.next(), receive: Inbox().receive)
        }
        try await listener.close()
    }

    /// Cancelling the task that waits for the end closes the connection with a close frame
    /// (1000) to the server.
    @Test(.timeLimit(.minutes(1)))
    func cancellingTheWaitClosesWithAFrame() async throws {
        let server = ScriptedWebSocketServer(script: [.text("hello")])
        try await server.start()
        let inbox = Inbox()
        // No idle timeout that a starved test machine could reach first: the end must be the cancel's.
        let patient = WebSocketLimits(maximumMessageSize: 64, idleTimeout: .seconds(3_600))
        let connection = try await WebSocketConnection.open(
            try #require(WebSocketAddress(server.url)), headers: [], limits: patient, tls: nil,
            on: MultiThreadedEventLoopGroup.singleton.next(), receive: inbox.receive)
        let waiting = Task { await connection.ended() }
        try await waitUntil("the message") { inbox.messages == ["hello"] }
        waiting.cancel()
        #expect(await waiting.value == .closedHere)
        try await waitUntil("the close frame") { server.received.contains(.init(opcode: .connectionClose, payload: [0x03, 0xE8])) }
        await server.stop()
    }

    /// A self-signed certificate for `localhost` and its key, made by the system's `openssl`.
    static func selfSignedCertificate() throws -> (NIOSSLCertificate, NIOSSLPrivateKey) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mevbot-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (cert, key) = (folder.appendingPathComponent("cert.pem").path, folder.appendingPathComponent("key.pem").path)
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key,
                             "-out", cert, "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
        let certificate = try #require(try NIOSSLCertificate.fromPEMFile(cert).first)
        return (certificate, try NIOSSLPrivateKey(file: key, format: .pem))
    }

    /// `wss`: the same messages over TLS to a client that trusts the server's certificate, named
    /// by SNI and checked against `localhost`; a client trusting only the system's roots refuses
    /// the self-signed server.
    @Test(.timeLimit(.minutes(1)))
    func secureConnectionsRunOverTLS() async throws {
        let (certificate, key) = try Self.selfSignedCertificate()
        let serverTLS = try NIOSSLContext(configuration: .makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key)))
        var trusting = TLSConfiguration.makeClientConfiguration()
        trusting.trustRoots = .certificates([certificate])
        let inbox = Inbox()
        let server = ScriptedWebSocketServer(script: [.text("over tls"), .text("tw", fin: false), .continuation("o", fin: true), .close(code: 1000)],
                                             tls: serverTLS)
        let end = try await Self.run(server, inbox: inbox, tls: try NIOSSLContext(configuration: trusting))
        #expect(inbox.messages == ["over tls", "two"])
        #expect(end == .closedByPeer(code: 1000))
        #expect(server.requests.first?.host == "localhost:\(try #require(WebSocketAddress(server.url)).port)")

        let stranger = ScriptedWebSocketServer(script: [.text("unseen")], tls: serverTLS)
        let systemRoots = try NIOSSLContext(configuration: .makeClientConfiguration())
        let refused = Inbox()
        await #expect(throws: (any Error).self) { _ = try await Self.run(stranger, inbox: refused, tls: systemRoots) }
        #expect(refused.messages.isEmpty)
        await stranger.stop()
    }

    @Test func addressesAreReadFromURLs() throws {
        let plain = try #require(WebSocketAddress("ws://127.0.0.1:9642"))
        #expect(plain == WebSocketAddress(host: "127.0.0.1", port: 9642, secure: false, target: "/"))
        #expect(plain.hostHeader == "127.0.0.1:9642" && plain.isLiteral)
        let secure = try #require(WebSocketAddress("wss://user:pw@arb1.arbitrum.io/feed?key=K#frag"))
        #expect(secure == WebSocketAddress(host: "arb1.arbitrum.io", port: 443, secure: true, target: "/feed?key=K"))
        #expect(secure.hostHeader == "arb1.arbitrum.io" && !secure.isLiteral)
        let six = try #require(WebSocketAddress("WS://[::1]:80?x"))
        #expect(six == WebSocketAddress(host: "::1", port: 80, secure: false, target: "/?x"))
        #expect(six.hostHeader == "[::1]" && six.isLiteral)
        for bad in ["http://host", "ws://", "ws://host:0", "ws://host:70000", "ws://host:port", "ws://[::1", "ws://[::1]x", "wss:/host", "ws://:80"] {
            #expect(WebSocketAddress(bad) == nil, "\(bad)")
        }
    }
}
