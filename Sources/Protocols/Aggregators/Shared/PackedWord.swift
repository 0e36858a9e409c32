import Kernel

/// Reads the fields aggregators pack into one 256-bit word (an address in the low 160 bits,
/// flags above it, two indexes in the halves).
enum PackedWord {
    /// The address in the low 160 bits of `word`.
    static func address(_ word: UInt256) -> Address {
        Address(high32: UInt32(truncatingIfNeeded: word.w2), middle64: word.w1, low64: word.w0)
    }

    /// Bits `low ..< low + count` of `word` (bit 0 the least significant), as an Int.
    static func bits(_ word: UInt256, from low: Int, count: Int) -> Int {
        Int(truncatingIfNeeded: (word >> low).low64 & ((1 << UInt64(count)) - 1))
    }

    /// The high 128 bits of `word` as an index, or nil when they do not fit an Int.
    static func highHalf(_ word: UInt256) -> Int? {
        (word >> 128).intValue
    }

    /// The low 128 bits of `word` as an index, or nil when they do not fit an Int.
    static func lowHalf(_ word: UInt256) -> Int? {
        UInt256(word.w0, word.w1, 0, 0).intValue
    }

    /// The 20 bytes of `bytes` from index `index` as an address; nil past the end. (Kernel's
    /// generic `Address(bytes:)` iterates an unspecialised collection, allocating per byte.)
    static func address(in bytes: ArraySlice<UInt8>, at index: Int) -> Address? {
        guard index >= bytes.startIndex, index <= bytes.endIndex - 20 else { return nil }
        return bytes[index..<(index + 20)].withUnsafeBytes { Address(bytes: $0) }
    }
}
