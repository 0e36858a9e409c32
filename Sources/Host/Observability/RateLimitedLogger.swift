import Logging
import Synchronization

/// A logger for errors that can repeat in bursts (a reconnect loop, a failing endpoint): the
/// first record of a key is written, repeats of that key within `window` are only counted, and
/// the next record written for the key carries `suppressed=<count>`. Keys are the caller's
/// fixed strings (a bounded set), never data.
public final class RateLimitedLogger: Sendable {
    private let logger: Logger
    private let windowNanos: UInt64
    private let now: @Sendable () -> UInt64
    private let keys = Mutex<[String: KeyState]>([:])

    /// A key's last written record and the repeats since.
    private struct KeyState {
        var lastWritten: UInt64
        var suppressed: Int
    }

    /// A rate limiter over `logger` that writes each key at most once per `window`; `now` is a
    /// monotonic clock in nanoseconds (the process's by default).
    public init(logger: Logger, window: Duration, now: (@Sendable () -> UInt64)? = nil) {
        self.logger = logger
        windowNanos = window.nanoseconds
        self.now = now ?? MonotonicNanoseconds.now
    }

    /// Writes `message` at `level` unless `key` was written within the window; returns whether
    /// it was written.
    @discardableResult
    public func log(_ level: Logger.Level, key: String, _ message: @autoclosure () -> Logger.Message,
                    metadata: Logger.Metadata = [:]) -> Bool {
        let instant = now()
        let suppressed: Int? = keys.withLock { keys in
            if let state = keys[key], instant &- state.lastWritten < windowNanos {
                keys[key]?.suppressed += 1
                return nil
            }
            let repeats = keys[key]?.suppressed ?? 0
            keys[key] = KeyState(lastWritten: instant, suppressed: 0)
            return repeats
        }
        guard let suppressed else { return false }
        var metadata = metadata
        metadata["key"] = .string(key)
        if suppressed > 0 { metadata["suppressed"] = .stringConvertible(suppressed) }
        logger.log(level: level, message(), metadata: metadata)
        return true
    }

    /// `log(.error, ...)`.
    @discardableResult
    public func error(key: String, _ message: @autoclosure () -> Logger.Message, metadata: Logger.Metadata = [:]) -> Bool {
        log(.error, key: key, message(), metadata: metadata)
    }
}
