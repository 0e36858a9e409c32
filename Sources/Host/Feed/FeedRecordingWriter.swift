/// Writes a feed recording file (docs/feed-recording.md), buffering lines and writing them out at
/// `flushThreshold` bytes, on `flush()` and on `close()`.
final class FeedRecordingWriter {
    /// The file being written.
    let path: String
    /// Buffered bytes that trigger a write.
    let flushThreshold: Int
    private var fd: Int32
    private var buffer: [UInt8] = []

    /// Creates (or truncates) `path`, writing `header` (one JSON object, without newline) first
    /// when given.
    init(path: String, header: String? = nil, flushThreshold: Int = 64 << 10) throws {
        self.path = path
        self.flushThreshold = flushThreshold
        self.fd = try FileDescriptorIO.openForWriting(path)
        if let header { buffer.append(contentsOf: (header + "\n").utf8) }
    }

    deinit {
        if fd >= 0 {
            try? flush()
            FileDescriptorIO.closeQuietly(fd)
        }
    }

    /// Appends one frame's line.
    func write(_ frame: RecordedFrame) throws {
        buffer.append(contentsOf: FeedRecordingFormat.line(for: frame))
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Writes out buffered lines.
    func flush() throws {
        guard fd >= 0, !buffer.isEmpty else { return }
        try FileDescriptorIO.writeAll(fd, buffer, path: path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; later writes are lost.
    func close() throws {
        guard fd >= 0 else { return }
        defer {
            FileDescriptorIO.closeQuietly(fd)
            fd = -1
        }
        try flush()
    }
}
