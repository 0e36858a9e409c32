/// A 32-byte value such as a transaction hash, block hash or storage key, stored inline.
public struct Hash32: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 32 bytes in order, in four words as they lie in memory.
    @usableFromInline
    var storage: (UInt64, UInt64, UInt64, UInt64)

    /// The hash of all zero bytes (computed and inlinable, as `UInt256.zero` says why).
    @inlinable
    public static var zero: Hash32 { @inline(__always) get { Hash32(storage: (0, 0, 0, 0)) } }

    @inlinable
    init(storage: (UInt64, UInt64, UInt64, UInt64)) { self.storage = storage }

    /// Copies exactly 32 bytes; nil for any other length.
    public init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 32 else { return nil }
        storage = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) }
    }

    /// Copies exactly 32 bytes from a byte collection; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        storage = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &storage) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
    }

    /// Parses 64 hex digits with an optional `0x` prefix.
    public init(hex: some StringProtocol) throws(Hex.Error) {
        var s: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        try withUnsafeMutableBytes(of: &s) { (raw) throws(Hex.Error) in try Hex.decode(hex, into: raw) }
        storage = s
    }

    /// Calls `body` with the 32 bytes.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: storage, body)
    }

    /// The 32 bytes as an array.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// `0x` and 64 lower-case hex digits.
    public var description: String { withUnsafeBytes { Hex.encode($0) } }

    public static func == (a: Hash32, b: Hash32) -> Bool {
        a.storage.0 == b.storage.0 && a.storage.1 == b.storage.1
            && a.storage.2 == b.storage.2 && a.storage.3 == b.storage.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.0)
        hasher.combine(storage.1)
        hasher.combine(storage.2)
        hasher.combine(storage.3)
    }

    /// Byte-wise (big-endian) order.
    public static func < (a: Hash32, b: Hash32) -> Bool {
        let x = (UInt64(bigEndian: a.storage.0), UInt64(bigEndian: a.storage.1),
                 UInt64(bigEndian: a.storage.2), UInt64(bigEndian: a.storage.3))
        let y = (UInt64(bigEndian: b.storage.0), UInt64(bigEndian: b.storage.1),
                 UInt64(bigEndian: b.storage.2), UInt64(bigEndian: b.storage.3))
        return x < y
    }
}
