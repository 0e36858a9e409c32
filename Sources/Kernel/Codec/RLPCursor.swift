/// Reads the items of one RLP list in order, over borrowed bytes, without copying.
///
/// Only valid inside the `withUnsafeBytes` call that produced its buffer. Offsets are positions
/// in that buffer; each read checks bounds and canonical form and names the field in its error.
@usableFromInline
struct RLPCursor {
    @usableFromInline let buf: UnsafeRawBufferPointer
    /// Offset of the next item.
    @usableFromInline var position: Int
    /// One past the last byte of the list's payload.
    @usableFromInline let end: Int

    /// A cursor over the payload of the list item described by `header`.
    @inlinable
    init(_ buf: UnsafeRawBufferPointer, list header: RLPHeader) {
        self.buf = buf
        self.position = header.payloadStart
        self.end = header.end
    }

    /// True when every item of the list has been read.
    @inlinable var isAtEnd: Bool { position >= end }

    /// Throws `trailingBytes` unless every item of the list has been read.
    @inlinable
    func finish(field: StaticString = "") throws(DecodingError) {
        guard position == end else { throw DecodingError(.trailingBytes, at: position, field: field) }
    }

    /// Reads the next item's header and moves past the whole item.
    @inlinable
    mutating func next(_ field: StaticString) throws(DecodingError) -> RLPHeader {
        let header = try RLPHeader.read(buf, at: position, limit: end, field: field)
        position = header.end
        return header
    }

    /// Reads a byte string and returns its payload range.
    @inlinable
    mutating func bytes(_ field: StaticString) throws(DecodingError) -> Range<Int> {
        let h = try next(field)
        guard !h.isList else { throw DecodingError(.unexpectedKind, at: h.start, field: field) }
        return h.payloadStart..<h.end
    }

    /// Reads a list and returns a cursor over its items.
    @inlinable
    mutating func list(_ field: StaticString) throws(DecodingError) -> RLPCursor {
        let h = try next(field)
        guard h.isList else { throw DecodingError(.unexpectedKind, at: h.start, field: field) }
        return RLPCursor(buf, list: h)
    }

    /// Reads a canonical unsigned integer of at most `maxBytes` bytes and returns its payload range.
    @inlinable
    mutating func integerBytes(_ field: StaticString, maxBytes: Int) throws(DecodingError) -> Range<Int> {
        let h = try next(field)
        guard !h.isList else { throw DecodingError(.unexpectedKind, at: h.start, field: field) }
        guard h.payloadCount <= maxBytes else { throw DecodingError(.tooLarge, at: h.start, field: field) }
        guard h.payloadCount == 0 || buf[h.payloadStart] != 0 else {
            throw DecodingError(.nonCanonical, at: h.start, field: field)
        }
        return h.payloadStart..<h.end
    }

    /// Reads a canonical integer that fits in 64 bits.
    @inlinable
    mutating func uint64(_ field: StaticString) throws(DecodingError) -> UInt64 {
        let r = try integerBytes(field, maxBytes: 8)
        var v: UInt64 = 0
        for i in r { v = v << 8 | UInt64(buf[i]) }
        return v
    }

    /// Reads a canonical integer that fits in 256 bits.
    @inlinable
    mutating func uint256(_ field: StaticString) throws(DecodingError) -> UInt256 {
        let r = try integerBytes(field, maxBytes: 32)
        return UInt256(bigEndianBytes: UnsafeRawBufferPointer(rebasing: buf[r])) ?? .zero
    }

    /// Reads a 20-byte address.
    @inlinable
    mutating func address(_ field: StaticString) throws(DecodingError) -> Address {
        let start = position
        let r = try bytes(field)
        guard let a = Address(bytes: UnsafeRawBufferPointer(rebasing: buf[r])) else {
            throw DecodingError(.wrongLength, at: start, field: field)
        }
        return a
    }

    /// Reads a 20-byte address or the empty string, which stands for none (contract creation).
    @inlinable
    mutating func optionalAddress(_ field: StaticString) throws(DecodingError) -> Address? {
        let start = position
        let r = try bytes(field)
        if r.isEmpty { return nil }
        guard let a = Address(bytes: UnsafeRawBufferPointer(rebasing: buf[r])) else {
            throw DecodingError(.wrongLength, at: start, field: field)
        }
        return a
    }

    /// Reads a 32-byte hash.
    @inlinable
    mutating func hash(_ field: StaticString) throws(DecodingError) -> Hash32 {
        let start = position
        let r = try bytes(field)
        guard let h = Hash32(bytes: UnsafeRawBufferPointer(rebasing: buf[r])) else {
            throw DecodingError(.wrongLength, at: start, field: field)
        }
        return h
    }
}
