import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket

/// One WebSocket client connection, built directly on swift-nio so that each message reaches its
/// receiver on the connection's event loop, in the same turn that read its last frame: no hand-over
/// to a task, no thread woken (the feed's hot path runs there; ADR 0013). TCP (with `TCP_NODELAY`),
/// the socket's read clock, TLS for `wss` (swift-nio-ssl, the system's trust roots), the HTTP/1.1
/// upgrade with the caller's headers, then `WebSocketMessageHandler`.
final class WebSocketConnection: Sendable {
    private let channel: any Channel
    private let end: WebSocketEndBox

    private init(channel: any Channel, end: WebSocketEndBox) {
        self.channel = channel
        self.end = end
    }

    /// What the upgrade came to.
    private enum Upgrade: Sendable {
        case upgraded
        case refused
    }

    /// Opens a connection to `address` on `eventLoop`, sending `headers` with the handshake;
    /// `receive` gets every message from then on, on `eventLoop`. Throws when the connection, TLS
    /// or the upgrade fails or takes longer than the handshake timeout.
    static func open(
        _ address: WebSocketAddress, headers: [(String, String)], limits: WebSocketLimits, tls: NIOSSLContext?,
        on eventLoop: any EventLoop, receive: @escaping WebSocketReceiver
    ) async throws -> WebSocketConnection {
        let end = WebSocketEndBox()
        let timeout = TimeAmount(limits.handshakeTimeout)
        let deadline = NIODeadline.now() + timeout
        let (channel, upgrade) = try await ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: address.host, port: address.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let clock = SocketReadClock()
                    try channel.pipeline.syncOperations.addHandler(clock)
                    let readClock = NIOLoopBound(clock, eventLoop: channel.eventLoop)
                    if let tls {
                        let handler = try NIOSSLClientHandler(context: tls, serverHostname: address.isLiteral ? nil : address.host)
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                    let upgrader = NIOTypedWebSocketClientUpgrader<Upgrade>(maxFrameSize: limits.maximumMessageSize) { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(WebSocketMessageHandler(limits: limits, clock: readClock.value, receive: receive, end: end))
                            return .upgraded
                        }
                    }
                    var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: address.target)
                    head.headers.add(name: "Host", value: address.hostHeader)
                    head.headers.add(contentsOf: headers)
                    var configuration = NIOUpgradableHTTPClientPipelineConfiguration(
                        upgradeConfiguration: NIOTypedHTTPClientUpgradeConfiguration(
                            upgradeRequestHead: head, upgraders: [upgrader],
                            notUpgradingCompletionHandler: { channel in channel.eventLoop.makeSucceededFuture(.refused) }))
                    // The server may send its first frames in the same segment as its answer.
                    configuration.leftOverBytesStrategy = .forwardBytes
                    let upgrade = try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: configuration)
                    return (channel, upgrade)
                }
            }
        // Closing the channel at the deadline fails the upgrade with whatever NIO says of a channel
        // closed mid-handshake; the flag lets the caller say what happened instead.
        let timedOut = NIOLockedValueBox(false)
        let expiry = channel.eventLoop.scheduleTask(deadline: deadline) {
            timedOut.withLockedValue { $0 = true }
            channel.close(promise: nil)
        }
        defer { expiry.cancel() }
        do {
            guard try await upgrade.get() == .upgraded else { throw WebSocketConnectionError.upgradeRefused }
        } catch {
            channel.close(promise: nil)
            if timedOut.withLockedValue({ $0 }) { throw WebSocketConnectionError.handshakeTimedOut(limits.handshakeTimeout) }
            throw error
        }
        return WebSocketConnection(channel: channel, end: end)
    }

    /// A TLS client context trusting the system's roots, for `wss` endpoints.
    static func systemTLS() throws -> NIOSSLContext {
        try NIOSSLContext(configuration: .makeClientConfiguration())
    }

    /// Sends `text` as one text message.
    func send(text: String) {
        let frame = WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: channel.allocator.buffer(string: text))
        channel.writeAndFlush(frame, promise: nil)
    }

    /// Sends a close frame (1000, normal closure) and closes the connection once it is written;
    /// the peer's answer is not awaited.
    func close() {
        end.note(.closedHere)
        var code = channel.allocator.buffer(capacity: 2)
        code.writeInteger(UInt16(1000))
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: code)
        let channel = self.channel
        channel.writeAndFlush(frame).whenComplete { _ in channel.close(promise: nil) }
    }

    /// Waits until the connection ends and says why; cancelling the waiting task closes it.
    func ended() async -> WebSocketEnd {
        await withTaskCancellationHandler {
            try? await channel.closeFuture.get()
        } onCancel: {
            close()
        }
        return end.noted ?? .disconnected
    }
}

/// A connection that could not be opened.
enum WebSocketConnectionError: Error, Equatable, CustomStringConvertible {
    /// The server answered the handshake without switching to WebSocket.
    case upgradeRefused
    /// The connection, TLS and the upgrade together took longer than the handshake timeout.
    case handshakeTimedOut(Duration)

    var description: String {
        switch self {
        case .upgradeRefused: "the server refused the WebSocket upgrade"
        case .handshakeTimedOut(let limit): "the WebSocket handshake took longer than \(limit)"
        }
    }
}
