/// The header of one RLP item: whether it is a list, and where its payload lies.
///
/// Parsing is strict, as go-ethereum's decoder: a single byte below 0x80 must stand for itself,
/// lengths below 56 must use the short form, long-form lengths have no leading zero bytes.
@usableFromInline
struct RLPHeader {
    /// True for a list, false for a byte string.
    @usableFromInline var isList: Bool
    /// Offset of the item's first byte (its prefix).
    @usableFromInline var start: Int
    /// Offset of the first payload byte.
    @usableFromInline var payloadStart: Int
    /// Offset one past the last payload byte, which is also the end of the item.
    @usableFromInline var end: Int

    @inlinable
    init(isList: Bool, start: Int, payloadStart: Int, end: Int) {
        self.isList = isList
        self.start = start
        self.payloadStart = payloadStart
        self.end = end
    }

    /// The number of payload bytes.
    @inlinable var payloadCount: Int { end - payloadStart }

    /// Reads the header of the item at `offset`, whose bytes must end by `limit`.
    @inlinable
    static func read(_ buf: UnsafeRawBufferPointer, at offset: Int, limit: Int, field: StaticString) throws(DecodingError) -> RLPHeader {
        guard offset < limit else { throw DecodingError(.truncated, at: offset, field: field) }
        let prefix = buf[offset]
        switch prefix {
        case 0x00..<0x80:
            return RLPHeader(isList: false, start: offset, payloadStart: offset, end: offset + 1)
        case 0x80...0xb7:
            let count = Int(prefix &- 0x80)
            let end = offset + 1 + count
            guard end <= limit else { throw DecodingError(.truncated, at: offset, field: field) }
            if count == 1 && buf[offset + 1] < 0x80 { throw DecodingError(.nonCanonical, at: offset, field: field) }
            return RLPHeader(isList: false, start: offset, payloadStart: offset + 1, end: end)
        case 0xc0...0xf7:
            let end = offset + 1 + Int(prefix &- 0xc0)
            guard end <= limit else { throw DecodingError(.truncated, at: offset, field: field) }
            return RLPHeader(isList: true, start: offset, payloadStart: offset + 1, end: end)
        default:
            let isList = prefix >= 0xf8
            let lengthBytes = Int(prefix &- (isList ? 0xf7 : 0xb7))
            let payloadStart = offset + 1 + lengthBytes
            guard payloadStart <= limit else { throw DecodingError(.truncated, at: offset, field: field) }
            guard buf[offset + 1] != 0 else { throw DecodingError(.nonCanonical, at: offset, field: field) }
            var count = 0
            for i in (offset + 1)..<payloadStart {
                // A length that needs more than 7 bytes is past any input we could hold.
                guard count >> 55 == 0 else { throw DecodingError(.tooLarge, at: offset, field: field) }
                count = count << 8 | Int(buf[i])
            }
            guard count >= 56 else { throw DecodingError(.nonCanonical, at: offset, field: field) }
            guard count <= limit - payloadStart else { throw DecodingError(.truncated, at: offset, field: field) }
            return RLPHeader(isList: isList, start: offset, payloadStart: payloadStart, end: payloadStart + count)
        }
    }
}
