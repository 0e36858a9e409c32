import Kernel

/// One frame of a feed recording: its receive time and its bytes.
public struct RecordedFrame: Sendable, Equatable {
    /// Wall-clock receive time, nanoseconds since the Unix epoch.
    public var receivedAtUnixNanos: UInt64
    /// The frame's payload.
    public var bytes: [UInt8]

    /// A frame received at `receivedAtUnixNanos`.
    public init(receivedAtUnixNanos: UInt64, bytes: [UInt8]) {
        self.receivedAtUnixNanos = receivedAtUnixNanos
        self.bytes = bytes
    }
}

/// The recording line format (docs/feed-recording.md): one line per frame,
/// `{"receivedAtNanos":<u64>,"frame":<frame>}`, where `<frame>` is the frame itself when it is one
/// JSON object on one line (surrounding whitespace, such as nitro's trailing `\n`, left out) and a
/// JSON string holding its text otherwise.
///
/// Readers also take a **bare frame line**: the frame object alone, as a WebSocket client prints it
/// (`{"version":1,"messages":[...]}`), recognised by a key of Nitro's `BroadcastMessage`
/// (`version`, `messages`, `confirmedSequenceNumberMessage`) and no `"frame"` key; it has no
/// receive time (read as 0). Other lines without a `"frame"` key (a header) are skipped.
enum FeedRecordingFormat {
    /// The `recording` value of a header line this code writes.
    static let formatName = "mevbot feed recording v1"

    /// The line for `frame`, newline included.
    static func line(for frame: RecordedFrame) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(frame.bytes.count + 48)
        out.append(contentsOf: #"{"receivedAtNanos":"#.utf8)
        out.append(contentsOf: String(frame.receivedAtUnixNanos).utf8)
        out.append(contentsOf: #","frame":"#.utf8)
        let trimmed = trimmingWhitespace(frame.bytes[...])
        if !trimmed.contains(0x0A), !trimmed.contains(0x0D), isSingleObject(trimmed) {
            out.append(contentsOf: trimmed)
        } else {
            JSONValue.appendQuoted(String(decoding: frame.bytes, as: UTF8.self), to: &out)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// Whether `bytes` is exactly one JSON object (strings in UTF-8, nesting within the scanner's
    /// default limit), optionally surrounded by whitespace: such a frame is written as it is.
    static func isSingleObject(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { buf in
            var scanner = JSONScanner(buf, validatesUTF8: true)
            guard scanner.peek() == UInt8(ascii: "{") else { return false }
            do throws(JSONError) {
                try scanner.skipValue()
            } catch {
                return false
            }
            scanner.skipWhitespace()
            return scanner.isAtEnd
        }
    }

    /// Parses one line: a frame line or a bare frame line; nil for a blank line or another object
    /// (a header).
    static func parse(line: ArraySlice<UInt8>) throws(FeedRecordingLineError) -> RecordedFrame? {
        try line.withUnsafeBytes { bytes in Result { () throws(FeedRecordingLineError) in try parse(bytes) } }.get()
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer) throws(FeedRecordingLineError) -> RecordedFrame? {
        // One level more than a frame written inline may have: the line's object holds it.
        var scanner = JSONScanner(bytes, validatesUTF8: true, depthLimit: JSONScanner.maxDepth + 1)
        guard scanner.peek() != nil else { return nil }
        let objectStart = scanner.position
        var receivedAt: JSONScanner.Read<UInt64>?
        var frame: [UInt8]?
        var frameNotObjectOrStringAt: Int?
        var isBareFrame = false
        do throws(JSONError) {
            try scanner.open(UInt8(ascii: "{"))
            var first = true
            while let key = try scanner.nextKey(&first) {
                if scanner.matches(key, "receivedAtNanos") {
                    receivedAt = try scanner.uint64()
                } else if scanner.matches(key, "frame") {
                    frame = nil
                    frameNotObjectOrStringAt = nil
                    switch scanner.peek() {
                    case UInt8(ascii: "\""):
                        let text = try scanner.string()
                        frame = scanner.unescaped(text)
                    case UInt8(ascii: "{"):
                        let start = scanner.position
                        try scanner.skipValue()
                        frame = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<scanner.position]))
                    default:
                        frameNotObjectOrStringAt = scanner.position
                        try scanner.skipValue()
                    }
                } else {
                    isBareFrame = isBareFrame || scanner.matches(key, "version") || scanner.matches(key, "messages")
                        || scanner.matches(key, "confirmedSequenceNumberMessage")
                    try scanner.skipValue()
                }
            }
        } catch {
            throw .invalidJSON(error)
        }
        let objectEnd = scanner.position
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw .invalidJSON(JSONError(.syntax, at: scanner.position)) }
        if case .invalid(let error)? = receivedAt { throw .invalidReceivedAt(error) }
        if let frameNotObjectOrStringAt { throw .frameNotObjectOrString(at: frameNotObjectOrStringAt) }
        if let frame {
            guard case .value(let nanos)? = receivedAt else { throw .missingReceivedAt }
            return RecordedFrame(receivedAtUnixNanos: nanos, bytes: frame)
        }
        guard isBareFrame else { return nil }
        return RecordedFrame(receivedAtUnixNanos: 0, bytes: Array(UnsafeRawBufferPointer(rebasing: bytes[objectStart..<objectEnd])))
    }

    private static func trimmingWhitespace(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }
}
