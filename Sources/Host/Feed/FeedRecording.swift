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
/// JSON string holding its text otherwise. Lines without a `"frame"` key (a header) are skipped by
/// readers.
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
        if !trimmed.contains(0x0A), !trimmed.contains(0x0D), JSONScanner.isSingleObject(trimmed) {
            out.append(contentsOf: trimmed)
        } else {
            var quoted = ""
            JSONValue.appendQuoted(String(decoding: frame.bytes, as: UTF8.self), to: &quoted)
            out.append(contentsOf: quoted.utf8)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// Parses one line; nil for a line without a `"frame"` key (a header) or a blank line.
    static func parse(line: ArraySlice<UInt8>) throws -> RecordedFrame? {
        var scanner = JSONScanner(line)
        scanner.skipWhitespace()
        if scanner.isAtEnd { return nil }
        var receivedAt: UInt64?
        var frame: [UInt8]?
        try scanner.forEachMember { key, s in
            if key.elementsEqual("receivedAtNanos".utf8) {
                receivedAt = try s.scanUInt64()
            } else if key.elementsEqual("frame".utf8) {
                let begin = s.index
                if s.peek == UInt8(ascii: "\"") {
                    let raw = try s.scanString()
                    frame = try JSONScanner.decodeString(line[raw])
                } else if s.peek == UInt8(ascii: "{") {
                    try s.skipValue(depth: 1)
                    frame = Array(line[begin..<s.index])
                } else {
                    throw s.error("\"frame\" must be an object or a string")
                }
            } else {
                try s.skipValue(depth: 1)
            }
        }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.error("text after the line's object") }
        guard let frame else { return nil }
        guard let receivedAt else { throw scanner.error("\"receivedAtNanos\" missing") }
        return RecordedFrame(receivedAtUnixNanos: receivedAt, bytes: frame)
    }

    private static func trimmingWhitespace(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }
}
