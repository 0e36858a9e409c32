import Engine
import Kernel

/// A pool snapshot file (`replay/demo-snapshot.json`; the format is `SnapshotCodec`'s), read
/// through the plugins of the config's DEX entries.
public enum SnapshotFile {
    /// The snapshot in the file at `path`, each pool read by the plugin of the config entry its
    /// `dex` names. Errors name the file as given.
    public static func load(path: String, config: LoadedConfig) throws(SnapshotFileError) -> Snapshot {
        let bytes: [UInt8]
        do {
            bytes = try FileDescriptorIO.readAll(path)
        } catch {
            throw .unreadable(file: path, reason: (error as? FileIOError)?.reason ?? "\(error)")
        }
        do {
            return try SnapshotCodec(plugins: config.poolPlugins).decode(bytes)
        } catch {
            throw .refused(file: path, error)
        }
    }
}

extension SnapshotFile {
    /// Writes `snapshot` to `path` through a temporary file beside it, renamed into place, so a
    /// reader never sees half a snapshot.
    public static func save(_ snapshot: Snapshot, path: String, config: LoadedConfig) throws(SnapshotFileError) {
        let bytes: [UInt8]
        do {
            bytes = try SnapshotCodec(plugins: config.poolPlugins).encode(snapshot)
        } catch {
            throw .refused(file: path, error)
        }
        let temporary = path + ".partial"
        do {
            let fd = try FileDescriptorIO.openForWriting(temporary)
            defer { FileDescriptorIO.closeQuietly(fd) }
            try FileDescriptorIO.writeAll(fd, bytes + [UInt8(ascii: "\n")], path: temporary)
            try FileDescriptorIO.moveIntoPlace(temporary, path)
        } catch {
            throw .unwritable(file: path, reason: (error as? FileIOError)?.reason ?? "\(error)")
        }
    }
}

/// Why a snapshot file could not be loaded or saved, naming the file.
public enum SnapshotFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file could not be written.
    case unwritable(file: String, reason: String)
    /// The file's contents were refused: what, where, which pool.
    case refused(file: String, SnapshotError)

    /// `file: problem`.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read the file (\(reason))"
        case .unwritable(let file, let reason): "\(file): cannot write the file (\(reason))"
        case .refused(let file, let error): "\(file): \(error)"
        }
    }
}
