import NIOCore

/// The first handler of a WebSocket client channel: notes when the socket was last read, so that
/// a message is stamped with the read that brought its last byte, not with the moment its turn
/// came. Messages of one read are handled one after another; a later one's wait behind the
/// earlier ones is part of its latency.
final class SocketReadClock: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// When the last read arrived.
    private(set) var lastRead = ContinuousClock.now

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastRead = .now
        context.fireChannelRead(data)
    }
}
