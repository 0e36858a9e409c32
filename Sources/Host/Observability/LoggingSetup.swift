#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import Synchronization

/// The process's swift-log set-up: one bootstrap, lines in `--log-format` to standard error, the
/// level from the environment (`MEVBOT_LOG_LEVEL`, then `LOG_LEVEL`) or else the config, and
/// the environment's secrets registered with `Redaction` so no line ever carries one.
public enum LoggingSetup {
    /// A level name that swift-log does not have.
    public struct InvalidLevel: Error, Equatable, CustomStringConvertible {
        /// Where the name came from (`MEVBOT_LOG_LEVEL`, `LOG_LEVEL` or the config).
        public var source: String
        /// The name.
        public var value: String

        /// What was wrong, and the names that exist.
        public var description: String {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            return "\(source): unknown log level \"\(value)\" (one of \(names))"
        }
    }

    /// The level to log at: `MEVBOT_LOG_LEVEL`, else `LOG_LEVEL`, else `configured`, else info.
    public static func level(configured: String?, environment: [String: String]) throws(InvalidLevel) -> Logger.Level {
        let sources = [("MEVBOT_LOG_LEVEL", environment["MEVBOT_LOG_LEVEL"]), ("LOG_LEVEL", environment["LOG_LEVEL"]), ("config", configured)]
        guard let (source, value) = sources.first(where: { $0.1 != nil }).map({ ($0.0, $0.1 ?? "") }) else { return .info }
        guard let level = Logger.Level(rawValue: value.lowercased()) else { throw InvalidLevel(source: source, value: value) }
        return level
    }

    /// Installs the process's log handler on the first call (later calls change nothing and
    /// return false): `format` lines at `level` to standard error, and `environment`'s secrets
    /// registered for scrubbing.
    @discardableResult
    public static func bootstrap(format: LogFormat, level: Logger.Level, environment: [String: String]) -> Bool {
        Redaction.registerSecrets(from: environment)
        return bootstrapped.withLock { done in
            guard !done else { return false }
            LoggingSystem.bootstrap { label in
                makeHandler(label: label, format: format, level: level, sink: writeToStandardError)
            }
            done = true
            return true
        }
    }

    /// A handler for `label` writing `format` lines at `level` to `sink`, on the wall clock.
    static func makeHandler(label: String, format: LogFormat, level: Logger.Level, sink: @escaping @Sendable (String) -> Void) -> ServiceLogHandler {
        ServiceLogHandler(format: format, label: label, sink: sink, now: WallClock.nowUnixNanos, logLevel: level)
    }

    private static let bootstrapped = Mutex(false)
    private static let standardErrorLock = Mutex(())

    /// Writes `line` to file descriptor 2 whole (lines from several threads never interleave).
    @Sendable private static func writeToStandardError(_ line: String) {
        standardErrorLock.withLock { _ in
            var bytes = Array(line.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
