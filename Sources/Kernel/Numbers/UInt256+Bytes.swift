// Big-endian byte encodings of UInt256 (ABI words, RLP integers, storage slots).

extension UInt256 {
    /// Loads exactly 32 big-endian bytes (an ABI word or a storage slot), without checks
    /// beyond a precondition on the length.
    @inlinable
    public init(word32 raw: UnsafeRawBufferPointer) {
        precondition(raw.count == 32, "UInt256(word32:) needs exactly 32 bytes")
        self.init(
            UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)),
            UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
            UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
            UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        )
    }

    /// Reads 0...32 big-endian bytes; fewer than 32 are taken as left-padded with zeros (so the
    /// empty buffer is zero). Returns nil for more than 32 bytes, even if the extra ones are zero.
    @inlinable
    public init?(bigEndianBytes raw: UnsafeRawBufferPointer) {
        let count = raw.count
        guard count <= 32 else { return nil }
        if count == 32 {
            self.init(word32: raw)
            return
        }
        // Whole 8-byte words from the end (the least significant), then the few leading bytes.
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var end = count
        withUnsafeMutableBytes(of: &words) { storage in
            var word = 0
            while end >= 8 {
                storage.storeBytes(of: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self)),
                                   toByteOffset: word &* 8, as: UInt64.self)
                end &-= 8
                word &+= 1
            }
            var leading: UInt64 = 0
            var index = 0
            while index < end {
                leading = leading << 8 | UInt64(raw[index])
                index &+= 1
            }
            if end > 0 { storage.storeBytes(of: leading, toByteOffset: word &* 8, as: UInt64.self) }
        }
        self.init(words.0, words.1, words.2, words.3)
    }

    /// Reads 0...32 big-endian bytes from any collection; fewer than 32 are taken as left-padded
    /// with zeros. Returns nil for more than 32 bytes.
    @inlinable
    public init?(bigEndian bytes: some Collection<UInt8>) {
        if let fast = bytes.withContiguousStorageIfAvailable({ UInt256(bigEndianBytes: UnsafeRawBufferPointer($0)) }) {
            guard let value = fast else { return nil }
            self = value
            return
        }
        guard bytes.count <= 32 else { return nil }
        var value = UInt256.zero
        for b in bytes { value = value.shiftedLeftByByte(b) }
        self = value
    }

    /// `self << 8 | byte`, dropping the top byte (callers shift in at most 32 bytes).
    @inlinable @inline(__always)
    internal func shiftedLeftByByte(_ byte: UInt8) -> UInt256 {
        UInt256(
            w0 << 8 | UInt64(byte),
            w1 << 8 | w0 >> 56,
            w2 << 8 | w1 >> 56,
            w3 << 8 | w2 >> 56
        )
    }

    /// Writes the value as 32 big-endian bytes into the first 32 bytes of `buffer`, which must
    /// hold at least 32 bytes.
    @inlinable
    func writeBigEndian(to buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= 32, "UInt256.writeBigEndian needs 32 bytes")
        buffer.storeBytes(of: w3.bigEndian, toByteOffset: 0, as: UInt64.self)
        buffer.storeBytes(of: w2.bigEndian, toByteOffset: 8, as: UInt64.self)
        buffer.storeBytes(of: w1.bigEndian, toByteOffset: 16, as: UInt64.self)
        buffer.storeBytes(of: w0.bigEndian, toByteOffset: 24, as: UInt64.self)
    }

    /// The value as exactly 32 big-endian bytes (an ABI word).
    @inlinable
    public var bigEndianBytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            writeBigEndian(to: UnsafeMutableRawBufferPointer(buffer))
            count = 32
        }
    }

    /// The number of bytes in `minimalBigEndianBytes`: 0 for zero.
    @inlinable
    var minimalByteCount: Int { (bitWidth + 7) >> 3 }

    /// The byte `index` places above the least significant one (0 ..< 32).
    @inlinable
    func byte(_ index: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: word(index >> 3) >> UInt64((index & 7) << 3))
    }

    /// The value as big-endian bytes without leading zero bytes; empty for zero. This is the
    /// payload of an RLP integer.
    @inlinable
    public var minimalBigEndianBytes: [UInt8] {
        let length = minimalByteCount
        // Zero is the empty array as a literal: `init(unsafeUninitializedCapacity: 0)` stores its
        // count into the shared empty-array storage, a write Thread Sanitizer reports as a race
        // between any two threads doing it (the same value, but a write all the same).
        if length == 0 { return [] }
        return [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            for i in 0..<length { buffer[i] = byte(length - 1 - i) }
            count = length
        }
    }
}
