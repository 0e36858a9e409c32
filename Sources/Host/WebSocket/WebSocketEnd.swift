import NIOWebSocket

/// Why a `WebSocketConnection` ended: the first cause noted wins.
enum WebSocketEnd: Sendable, Equatable, CustomStringConvertible {
    /// The peer sent a close frame (with its status code, when it gave one).
    case closedByPeer(code: UInt16?)
    /// The TCP connection ended without a close frame.
    case disconnected
    /// No message arrived within the idle timeout.
    case idle
    /// A message grew past the largest accepted.
    case messageTooLarge
    /// The receiver of the messages ended it, saying why.
    case ended(String)
    /// This side closed it (cancelled or asked to close).
    case closedHere
    /// An error in the pipeline (protocol violation, TLS, I/O).
    case failed(String)

    var description: String {
        switch self {
        case .closedByPeer(let code): "closed by the peer" + (code.map { " (code \($0))" } ?? "")
        case .disconnected: "disconnected"
        case .idle: "silent for longer than the idle timeout"
        case .messageTooLarge: "a message larger than the largest accepted"
        case .ended(let reason): reason
        case .closedHere: "closed by this side"
        case .failed(let error): "failed: \(error)"
        }
    }

    /// Whether the connection ended as it should (a close from either side), not by a fault.
    var isOrderly: Bool {
        switch self {
        case .closedByPeer, .closedHere: true
        default: false
        }
    }
}
