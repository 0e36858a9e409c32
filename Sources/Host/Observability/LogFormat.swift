import ArgumentParser

/// How log lines are written: `--log-format json|text`.
public enum LogFormat: String, Sendable, CaseIterable, ExpressibleByArgument {
    /// One JSON object a line: timestamp, level, label, message, metadata.
    case json
    /// `timestamp level label: message key=value ...`, for a terminal.
    case text
}
