import NIOConcurrencyHelpers
import NIOCore
import NIOWebSocket

/// The last handler of a WebSocket client channel: joins fragmented messages, hands each whole
/// message to the receiver **on the channel's event loop** as soon as its last frame is read,
/// answers pings, answers and honours the peer's close, and closes a connection silent for longer
/// than the idle timeout (only messages count as activity: a peer that pings but sends nothing is
/// silent).
final class WebSocketMessageHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let limits: WebSocketLimits
    private let clock: SocketReadClock
    private let receive: WebSocketReceiver
    private let end: WebSocketEndBox
    private var partial: [UInt8]?
    private var lastMessage = NIODeadline.now()
    private var watchdog: RepeatedTask?
    /// Set once either side began to close: no message is delivered after it (the frames of the
    /// same read that follow a refused one must not overtake it).
    private var closing = false

    init(limits: WebSocketLimits, clock: SocketReadClock, receive: @escaping WebSocketReceiver, end: WebSocketEndBox) {
        self.limits = limits
        self.clock = clock
        self.receive = receive
        self.end = end
    }

    func handlerAdded(context: ChannelHandlerContext) {
        lastMessage = .now()
        let limit = TimeAmount(limits.idleTimeout)
        let tick = TimeAmount(max(limits.idleTimeout / 4, .milliseconds(10)))
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        watchdog = context.eventLoop.scheduleRepeatedTask(initialDelay: tick, delay: tick) { _ in
            let (handler, context) = bound.value
            if NIODeadline.now() - handler.lastMessage > limit { handler.close(context, because: .idle) }
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        watchdog?.cancel()
        watchdog = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        watchdog?.cancel()
        watchdog = nil
        end.note(.disconnected)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        close(context, because: .failed(String(describing: error)))
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text, .binary:
            partial = nil
            if frame.fin {
                deliver(Array(frame.unmaskedData.readableBytesView), context)
            } else if frame.length <= limits.maximumMessageSize {
                partial = Array(frame.unmaskedData.readableBytesView)
            } else {
                close(context, because: .messageTooLarge)
            }
        case .continuation:
            guard var bytes = partial else { return }  // a stray continuation: ignored
            partial = nil
            guard bytes.count + frame.length <= limits.maximumMessageSize else { return close(context, because: .messageTooLarge) }
            bytes.append(contentsOf: frame.unmaskedData.readableBytesView)
            if frame.fin { deliver(bytes, context) } else { partial = bytes }
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            var data = frame.unmaskedData
            let code = data.readInteger(as: UInt16.self)
            end.note(.closedByPeer(code: code))
            closing = true
            let reply = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: Self.closeData(code ?? 1000, context))
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(reply)).whenComplete { _ in channel.close(promise: nil) }
        default:
            break  // pongs, and reserved opcodes NIO's decoder let through
        }
    }

    /// Hands `message` to the receiver; closes the connection when it says so.
    private func deliver(_ message: [UInt8], _ context: ChannelHandlerContext) {
        lastMessage = .now()
        if case .close(let reason) = receive(message, clock.lastRead) { close(context, because: .ended(reason)) }
    }

    /// Notes `reason`, sends a close frame and closes the channel.
    func close(_ context: ChannelHandlerContext, because reason: WebSocketEnd) {
        end.note(reason)
        guard !closing else { return }
        closing = true
        let code: UInt16 = switch reason {
        case .messageTooLarge: 1009
        case .failed: 1002
        default: 1000
        }
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: Self.closeData(code, context))
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(frame)).whenComplete { _ in channel.close(promise: nil) }
    }

    private static func closeData(_ code: UInt16, _ context: ChannelHandlerContext) -> ByteBuffer {
        var buffer = context.channel.allocator.buffer(capacity: 2)
        buffer.writeInteger(code)
        return buffer
    }
}

/// What the receiver of a message says: go on, or close the connection (with the reason).
enum WebSocketReceipt: Sendable {
    case accepted
    case close(String)
}

/// Receives each whole message, with the instant the socket read that completed it, on the
/// channel's event loop.
typealias WebSocketReceiver = @Sendable (_ message: [UInt8], _ readAt: ContinuousClock.Instant) -> WebSocketReceipt

/// A connection's limits.
struct WebSocketLimits: Sendable {
    /// The largest message accepted (frames joined).
    var maximumMessageSize: Int
    /// The longest time without a message before the connection is closed.
    var idleTimeout: Duration
    /// The most the TCP connect, TLS and the upgrade may take together.
    var handshakeTimeout: Duration = .seconds(10)
}

/// Where a connection's handlers note why it ended; the first note wins.
final class WebSocketEndBox: Sendable {
    private let box = NIOLockedValueBox<WebSocketEnd?>(nil)

    /// Notes `end` unless an earlier cause was noted.
    func note(_ end: WebSocketEnd) {
        box.withLockedValue { if $0 == nil { $0 = end } }
    }

    /// The cause noted, if any.
    var noted: WebSocketEnd? { box.withLockedValue { $0 } }
}

extension TimeAmount {
    /// `duration` in NIO's unit.
    init(_ duration: Duration) {
        self = .nanoseconds(Int64(clamping: duration.nanoseconds))
    }
}
