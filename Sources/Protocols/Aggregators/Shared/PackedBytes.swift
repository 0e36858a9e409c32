import Kernel

/// Reads fields packed back to back, without ABI padding (KyberSwap's L2 executor payloads):
/// big-endian integers of a few bytes, addresses of 20. Running past the end is nil, never a
/// trap: the payload is the executor's, and one it cannot read is a route this host cannot read.
struct PackedBytes {
    /// What is left to read.
    private(set) var rest: ArraySlice<UInt8>

    /// A reader of `bytes`.
    init(_ bytes: ArraySlice<UInt8>) {
        rest = bytes
    }

    /// The next `count` bytes, or nil past the end.
    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= rest.count else { return nil }
        defer { rest = rest.dropFirst(count) }
        return rest.prefix(count)
    }

    /// The next `count` (at most 32) bytes as a big-endian integer.
    mutating func uint(_ count: Int) -> UInt256? {
        take(count).flatMap { UInt256(bigEndian: $0) }
    }

    /// The next `count` (at most 8) bytes as an Int.
    mutating func int(_ count: Int) -> Int? {
        uint(count)?.intValue
    }

    /// The next 20 bytes as an address.
    mutating func address() -> Address? {
        uint(20).map(PackedWord.address)
    }
}
