/// Up to 48 bytes of RLP built on the stack: the list header and EIP-155 suffix of a signing
/// payload, written around slices of the original transaction instead of copying it.
struct RLPSmallBuffer {
    private var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
    private(set) var count = 0

    /// Appends one byte. The callers' contents are bounded (a header of at most 9 bytes, an
    /// integer of at most 33 bytes and two more), so the capacity is never exceeded.
    mutating func append(_ byte: UInt8) {
        let index = count
        withUnsafeMutableBytes(of: &storage) { $0[index] = byte }
        count += 1
    }

    /// Appends the canonical encoding of an unsigned integer.
    mutating func appendInteger(_ value: UInt256) {
        let length = value.minimalByteCount
        if length == 1, value.w0 < 0x80 {
            append(UInt8(truncatingIfNeeded: value.w0))
            return
        }
        append(0x80 + UInt8(length))
        for i in stride(from: length - 1, through: 0, by: -1) { append(value.byte(i)) }
    }

    /// Appends the header of a list whose payload is `payloadCount` bytes.
    mutating func appendListHeader(payloadCount: Int) {
        if payloadCount < 56 {
            append(0xc0 + UInt8(payloadCount))
            return
        }
        let lengthBytes = (Int.bitWidth - payloadCount.leadingZeroBitCount + 7) / 8
        append(0xf7 + UInt8(lengthBytes))
        for i in stride(from: lengthBytes - 1, through: 0, by: -1) {
            append(UInt8(truncatingIfNeeded: payloadCount >> (8 * i)))
        }
    }

    /// Calls `body` with the bytes written so far.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        let n = count
        return withUnsafeBytes(of: storage) { body(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
    }
}
