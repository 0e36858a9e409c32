#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file-system failure, with the path and `errno`'s text.
struct FileIOError: Error, CustomStringConvertible {
    let path: String
    let operation: String
    let code: Int32
    /// `errno`'s text, e.g. `No such file or directory`.
    var reason: String { String(cString: strerror(code)) }
    var description: String { "\(operation) \(path): \(reason)" }
}

/// Thin wrappers over POSIX file descriptors (no Foundation), retrying on EINTR.
enum FileDescriptorIO {
    /// Opens `path` for reading.
    static func openForReading(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileIOError(path: path, operation: "open", code: errno) }
        return fd
    }

    /// Creates or truncates `path` for writing (mode 0644).
    static func openForWriting(_ path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileIOError(path: path, operation: "open", code: errno) }
        return fd
    }

    /// Creates `path` for writing with `mode`, failing (EEXIST) if anything is already there.
    static func createExclusively(_ path: String, mode: mode_t) throws(FileIOError) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileIOError(path: path, operation: "create", code: errno) }
        return fd
    }

    /// Renames `temporary` to `path`, replacing it atomically.
    static func moveIntoPlace(_ temporary: String, _ path: String) throws {
        guard rename(temporary, path) == 0 else { throw FileIOError(path: path, operation: "rename", code: errno) }
    }

    /// Writes all of `bytes`.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        try bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileIOError(path: path, operation: "write", code: errno)
                }
                offset += n
            }
        }
    }

    /// Reads up to `count` bytes, appending them to `buffer`; 0 at end of file.
    static func readChunk(_ fd: Int32, into buffer: inout [UInt8], count: Int, path: String) throws -> Int {
        guard count > 0 else { return 0 }
        let old = buffer.count
        buffer.append(contentsOf: [UInt8](repeating: 0, count: count))  // not repeatElement: 80 times slower in debug builds
        while true {
            let n = buffer.withUnsafeMutableBytes { raw in raw.baseAddress.map { read(fd, $0 + old, count) } ?? 0 }
            if n < 0 {
                if errno == EINTR { continue }
                buffer.removeLast(count)
                throw FileIOError(path: path, operation: "read", code: errno)
            }
            buffer.removeLast(count - n)
            return n
        }
    }

    /// The whole contents of the file at `path`.
    static func readAll(_ path: String) throws -> [UInt8] {
        let fd = try openForReading(path)
        defer { closeQuietly(fd) }
        var bytes: [UInt8] = []
        while try readChunk(fd, into: &bytes, count: 1 << 20, path: path) > 0 {}
        return bytes
    }

    /// Closes `fd`, ignoring errors.
    static func closeQuietly(_ fd: Int32) {
        _ = close(fd)
    }
}
