import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket

/// A WebSocket server on loopback for the transport's tests (a real server, written for them):
/// on each upgraded connection it writes `script`'s frames in one flush, then records every frame
/// the client sends (pongs, close frames). With `refuseUpgrade` it answers the handshake with a
/// plain 404. With `pingEvery` it pings the client until it goes away. With `tls` it speaks TLS
/// (its `url` is then `wss://localhost:PORT/…`).
final class ScriptedWebSocketServer: Sendable {
    /// One frame to send: its opcode, fin bit and payload.
    struct Frame: Sendable {
        var opcode: WebSocketOpcode
        var fin = true
        var payload: [UInt8] = []

        static func text(_ text: String, fin: Bool = true) -> Frame { Frame(opcode: .text, fin: fin, payload: Array(text.utf8)) }
        static func continuation(_ text: String, fin: Bool) -> Frame { Frame(opcode: .continuation, fin: fin, payload: Array(text.utf8)) }
        static func ping(_ text: String) -> Frame { Frame(opcode: .ping, payload: Array(text.utf8)) }
        static func close(code: UInt16) -> Frame { Frame(opcode: .connectionClose, payload: [UInt8(code >> 8), UInt8(code & 0xFF)]) }
    }

    /// A frame the client sent: opcode and unmasked payload.
    struct Received: Sendable, Equatable {
        var opcode: WebSocketOpcode
        var payload: [UInt8]
    }

    private let script: [Frame]
    private let refuseUpgrade: Bool
    private let pingEvery: TimeAmount?
    private let tls: NIOSSLContext?
    /// What the lock guards.
    struct State {
        var listener: (any Channel)?
        var port = 0
        /// The accepted connections, so that `stop` can wait until each has read what its
        /// client sent before it closed.
        var connections: [any Channel] = []
        var received: [Received] = []
        var requests: [(target: String, host: String?)] = []
    }
    private let state = NIOLockedValueBox(State())

    init(script: [Frame], refuseUpgrade: Bool = false, pingEvery: TimeAmount? = nil, tls: NIOSSLContext? = nil) {
        self.script = script
        self.refuseUpgrade = refuseUpgrade
        self.pingEvery = pingEvery
        self.tls = tls
    }

    /// `ws://127.0.0.1:PORT/path?q=1` once started (`wss://localhost:…` with TLS).
    var url: String {
        let port = state.withLockedValue { $0.port }
        return tls == nil ? "ws://127.0.0.1:\(port)/path?q=1" : "wss://localhost:\(port)/path?q=1"
    }

    /// What clients sent, in order.
    var received: [Received] { state.withLockedValue { $0.received } }

    /// Each handshake's request target and `Host` header.
    var requests: [(target: String, host: String?)] { state.withLockedValue { $0.requests } }

    func start() async throws {
        let (script, refuse, pingEvery, state, tls) = (self.script, refuseUpgrade, self.pingEvery, self.state, self.tls)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                state.withLockedValue { $0.connections.append(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    let upgrader = NIOWebSocketServerUpgrader(
                        shouldUpgrade: { channel, head in
                            state.withLockedValue { $0.requests.append((head.uri, head.headers.first(name: "Host"))) }
                            return channel.eventLoop.makeSucceededFuture(refuse ? nil : HTTPHeaders())
                        },
                        upgradePipelineHandler: { channel, _ in
                            channel.eventLoop.makeCompletedFuture {
                                try channel.pipeline.syncOperations.addHandler(ScriptHandler(script: script, pingEvery: pingEvery, state: state))
                            }
                        })
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in }))
                    if refuse { try channel.pipeline.syncOperations.addHandler(NotFound()) }
                }
            }
        let listener = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        state.withLockedValue {
            $0.listener = listener
            $0.port = listener.localAddress?.port ?? 0
        }
    }

    /// Closes the listener, then waits for every accepted connection to end: the client's
    /// last frames (its close) are read before `received` is asked. A connection still open
    /// after two seconds is closed.
    func stop() async {
        try? await state.withLockedValue { $0.listener }?.close()
        for connection in state.withLockedValue({ $0.connections }) {
            let deadline = connection.eventLoop.scheduleTask(in: .seconds(2)) { connection.close(promise: nil) }
            try? await connection.closeFuture.get()
            deadline.cancel()
        }
    }

    /// Sends the script, then records what the client sends.
    private final class ScriptHandler: ChannelInboundHandler {
        typealias InboundIn = WebSocketFrame
        typealias OutboundOut = WebSocketFrame
        let script: [Frame]
        let pingEvery: TimeAmount?
        let state: NIOLockedValueBox<State>
        var pinger: RepeatedTask?

        init(script: [Frame], pingEvery: TimeAmount?, state: NIOLockedValueBox<State>) {
            self.script = script
            self.pingEvery = pingEvery
            self.state = state
        }

        func handlerAdded(context: ChannelHandlerContext) {
            for frame in script {
                let data = context.channel.allocator.buffer(bytes: frame.payload)
                context.write(wrapOutboundOut(WebSocketFrame(fin: frame.fin, opcode: frame.opcode, data: data)), promise: nil)
            }
            context.flush()
            if let pingEvery {
                let channel = context.channel
                pinger = context.eventLoop.scheduleRepeatedTask(initialDelay: pingEvery, delay: pingEvery) { _ in
                    channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .ping, data: channel.allocator.buffer(string: "are you there")), promise: nil)
                }
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            pinger?.cancel()
            context.fireChannelInactive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let frame = unwrapInboundIn(data)
            let received = Received(opcode: frame.opcode, payload: Array(frame.unmaskedData.readableBytesView))
            state.withLockedValue { $0.received.append(received) }
            if frame.opcode == .connectionClose { context.close(promise: nil) }
        }
    }

    /// Answers a request that was not upgraded with 404.
    private final class NotFound: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .end = unwrapInboundIn(data) else { return }
            var headers = HTTPHeaders()
            headers.add(name: "Content-Length", value: "0")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .notFound, headers: headers))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
