import Kernel
/// Reads a feed recording file (docs/feed-recording.md) frame by frame, holding one chunk and one
/// line in memory at a time: frame lines and bare frame lines, in any mix. Header lines and blank
/// lines are skipped. A bad line throws `FeedRecordingError.badLine` once and is left behind, so
/// a caller may report it and read on; a file that ends without a single frame throws
/// `FeedRecordingError.noFrames` (once) instead of looking like an empty recording.
public struct FeedRecordingReader: ~Copyable {
    /// The file being read.
    let path: String
    /// The longest line accepted.
    let maximumLineLength: Int
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var lineStart = 0
    private var searchFrom = 0
    private var atEnd = false
    private var lineNumber = 0
    private var framesRead = 0
    private var reportedNoFrames = false

    /// Opens `path`.
    init(path: String, maximumLineLength: Int = 64 << 20) throws {
        self.path = path
        self.maximumLineLength = maximumLineLength
        self.fd = try FileDescriptorIO.openForReading(path)
    }

    deinit { FileDescriptorIO.closeQuietly(fd) }

    /// The next frame, or nil at the end of the file.
    mutating func next() throws -> RecordedFrame? {
        while let line = try nextLine() {
            do throws(FeedRecordingLineError) {
                if let frame = try FeedRecordingFormat.parse(line: line) {
                    framesRead += 1
                    return frame
                }
            } catch {
                throw FeedRecordingError.badLine(path: path, line: lineNumber, problem: error)
            }
        }
        if framesRead == 0 && !reportedNoFrames {
            reportedNoFrames = true
            throw FeedRecordingError.noFrames(path: path)
        }
        return nil
    }

    /// The messages `frames` hold (frames that do not decode count none): what a replay waits for.
    public static func messageCount(_ frames: [RecordedFrame]) -> Int {
        let decoder = FeedDecoder(decodesTransactions: false)
        return frames.reduce(0) { $0 + ((try? decoder.decode($1.bytes))?.entries.count ?? 0) }
    }

    /// Every frame of the file at `path`; throws at the first refused line, and for a file without frames.
    public static func readAll(path: String) throws -> [RecordedFrame] {
        var reader = try FeedRecordingReader(path: path)
        var frames: [RecordedFrame] = []
        while let frame = try reader.next() { frames.append(frame) }
        return frames
    }

    private mutating func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = buffer[lineStart..<newline]
                lineStart = newline + 1
                searchFrom = lineStart
                lineNumber += 1
                return line
            }
            searchFrom = buffer.endIndex
            if atEnd {
                guard lineStart < buffer.endIndex else { return nil }
                let line = buffer[lineStart...]
                lineStart = buffer.endIndex
                lineNumber += 1
                return line
            }
            guard buffer.count - lineStart <= maximumLineLength else {
                lineNumber += 1
                let tooLong = FeedRecordingError.badLine(path: path, line: lineNumber, problem: .tooLong(limit: maximumLineLength))
                try skipRestOfLine()
                throw tooLong
            }
            if lineStart > 0 {
                buffer.removeFirst(lineStart)
                searchFrom -= lineStart
                lineStart = 0
            }
            if try FileDescriptorIO.readChunk(fd, into: &buffer, count: 256 << 10, path: path) == 0 { atEnd = true }
        }
    }

    /// Discards the line being read, up to and including its newline (or the end of the file).
    private mutating func skipRestOfLine() throws {
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                lineStart = newline + 1
                searchFrom = lineStart
                return
            }
            buffer.removeAll(keepingCapacity: true)
            lineStart = 0
            searchFrom = 0
            if atEnd { return }
            if try FileDescriptorIO.readChunk(fd, into: &buffer, count: 256 << 10, path: path) == 0 { atEnd = true }
        }
    }
}
