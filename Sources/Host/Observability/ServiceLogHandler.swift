import Logging

/// The process's swift-log handler: writes each record as one line in the configured format
/// to a sink (standard error in the service, a buffer in tests).
struct ServiceLogHandler: LogHandler {
    /// The line format.
    let format: LogFormat
    /// The logger's label.
    let label: String
    /// Where finished lines go, newline included.
    let sink: @Sendable (String) -> Void
    /// The clock, in Unix nanoseconds.
    let now: @Sendable () -> UInt64
    /// The lowest level written.
    var logLevel: Logger.Level
    /// Metadata on every record of this logger.
    var metadata: Logger.Metadata = [:]
    /// Metadata from the task-local context.
    var metadataProvider: Logger.MetadataProvider?

    /// Adds or removes one metadata value.
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one record.
    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        let line = LogLine(unixNanos: now(), level: event.level, label: label, message: event.message.description, metadata: merged)
        sink(line.rendered(format) + "\n")
    }
}
