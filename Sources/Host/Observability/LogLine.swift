import Kernel
import Logging

/// One log record, rendered in either format. Every rendered line passes through
/// `Redaction.scrub`.
struct LogLine {
    /// Unix nanoseconds.
    var unixNanos: UInt64
    /// The level.
    var level: Logger.Level
    /// The logger's label.
    var label: String
    /// The message.
    var message: String
    /// The handler's, the provider's and the call's metadata merged (the call's win).
    var metadata: Logger.Metadata

    /// The line in `format`, without its newline.
    func rendered(_ format: LogFormat) -> String {
        let timestamp = LogTimestamp.rfc3339(unixNanos: unixNanos)
        switch format {
        case .json:
            var object = JSONObject()
            object.append("timestamp", string: timestamp)
            object.append("level", string: level.rawValue)
            object.append("label", string: label)
            object.append("message", string: message)
            if !metadata.isEmpty { object.append("metadata", Self.json(.dictionary(metadata))) }
            return Redaction.scrub(object.rendered)
        case .text:
            let fields = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return Redaction.scrub(([timestamp, level.rawValue, "\(label):", message] + fields).joined(separator: " "))
        }
    }

    /// A metadata value as JSON: strings and string-convertibles as strings, arrays and
    /// dictionaries (keys sorted) as such.
    static func json(_ value: Logger.MetadataValue) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let values): .array(values.map(json))
        case .dictionary(let dictionary):
            .object(JSONObject(dictionary.sorted { $0.key < $1.key }.map { JSONObject.Member($0.key, json($0.value)) }))
        }
    }
}
