import NIOCore
import NIOWebSocket

/// Commands a `FeedReplayServer` sends down a connection's pipeline.
enum ReplayEvent: Sendable {
    /// Start sending (for connections accepted while the server was paused).
    case release
    /// Send this payload as one text frame, now.
    case garbage(ByteBuffer)
}

/// One WebSocket connection of the replay server: writes the script's frames from `start`, paced,
/// in batches while the channel is writable; answers pings and close frames; obeys `ReplayEvent`s.
/// Runs on the channel's event loop only.
final class ReplayHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let script: ReplayScript
    private let start: Int
    private var next: Int
    private var paused: Bool
    private var anchor: NIODeadline?
    private var pumpScheduled = false
    private let sendLog: FrameSendLog?
    private static let batch = 128

    /// A handler sending `script` from frame `start`, waiting for `.release` when `paused`;
    /// noting each frame's send instant in `sendLog`.
    init(script: ReplayScript, start: Int, paused: Bool, sendLog: FrameSendLog? = nil) {
        self.script = script
        self.start = start
        self.next = start
        self.paused = paused
        self.sendLog = sendLog
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { pump(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        pump(context: context)
        context.fireChannelActive()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { pump(context: context) }
        context.fireChannelWritabilityChanged()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Self.unwrapInboundIn(data)
        switch frame.opcode {
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)
            context.writeAndFlush(Self.wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            var data = frame.unmaskedData
            let code = data.readSlice(length: 2) ?? ByteBuffer()
            let reply = WebSocketFrame(fin: true, opcode: .connectionClose, data: code)
            context.writeAndFlush(Self.wrapOutboundOut(reply), promise: nil)
            context.close(promise: nil)
        default:
            break  // a feed client sends nothing else that matters
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case ReplayEvent.release:
            paused = false
            pump(context: context)
        case ReplayEvent.garbage(let payload):
            let frame = WebSocketFrame(fin: true, opcode: .text, data: payload)
            context.writeAndFlush(Self.wrapOutboundOut(frame), promise: nil)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// Writes due frames until a batch is done, the channel is full, or the next frame is not due.
    private func pump(context: ChannelHandlerContext) {
        guard !paused, !pumpScheduled, context.channel.isActive else { return }
        let first = next
        var written = 0
        while next < script.frames.count, context.channel.isWritable, written < Self.batch {
            if let offsets = script.offsets {
                let now = NIODeadline.now()
                let anchor = self.anchor ?? now
                self.anchor = anchor
                let due = anchor + .nanoseconds(offsets[next] - offsets[start])
                if due > now {
                    schedule(context: context, at: due)
                    break
                }
            }
            let frame = WebSocketFrame(fin: true, opcode: .text, data: script.frames[next])
            context.write(Self.wrapOutboundOut(frame), promise: nil)
            next += 1
            written += 1
        }
        if written > 0 {
            context.flush()
            if let sendLog {
                let now = ContinuousClock.now
                for index in first..<next {
                    if let sequenceNumber = script.newestSequenceNumbers[index] { sendLog.record(sequenceNumber, at: now) }
                }
            }
        }
        if written == Self.batch, next < script.frames.count, context.channel.isWritable {
            // Let the event loop serve other channels before the next batch.
            pumpScheduled = true
            context.eventLoop.assumeIsolated().execute {
                self.pumpScheduled = false
                self.pump(context: context)
            }
        }
    }

    private func schedule(context: ChannelHandlerContext, at deadline: NIODeadline) {
        pumpScheduled = true
        context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.pumpScheduled = false
            self.pump(context: context)
        }
    }
}
