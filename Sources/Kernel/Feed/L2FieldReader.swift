/// Reads the fixed-size big-endian fields of an L2 payload in order, as Nitro's readers do
/// (`arbos/util/util.go` @ 6dce8d13902649a1acdfd3f2504129f1f5612358: `HashFromReader`,
/// `AddressFromReader`, `AddressFrom256FromReader`, `Uint64FromReader`, all `io.ReadFull`).
/// A field cut short is `truncated`; offsets count from the start of the message's `l2Msg`.
struct L2FieldReader {
    let data: ArraySlice<UInt8>
    /// Index (in `data`'s indices) of the next unread byte.
    var index: Int
    /// `l2Msg.startIndex`, so that `index - base` is an offset in `l2Msg`.
    let base: Int

    init(_ data: ArraySlice<UInt8>, base: Int) {
        self.data = data
        self.index = data.startIndex
        self.base = base
    }

    /// Bytes not read yet.
    var remaining: Int { data.endIndex - index }

    /// Offset in `l2Msg` of the next unread byte.
    var offset: Int { index - base }

    /// The next `count` bytes, or `truncated` at the field's start.
    mutating func take(_ count: Int, _ field: StaticString) throws(FeedError) -> ArraySlice<UInt8> {
        guard remaining >= count else { throw FeedError(.truncated, at: offset, in: .l2Msg, field: field.description) }
        let slice = data[index..<(index + count)]
        index += count
        return slice
    }

    /// A 32-byte big-endian word.
    mutating func word(_ field: StaticString) throws(FeedError) -> UInt256 {
        let bytes = try take(32, field)
        return bytes.withUnsafeBytes { UInt256(word32: $0) }
    }

    /// A 32-byte word that must fit in 64 bits (`valueOutOfRange` otherwise, at the field's start).
    mutating func uint64Word(_ field: StaticString) throws(FeedError) -> UInt64 {
        let start = offset
        guard let value = try word(field).uint64Value else {
            throw FeedError(.valueOutOfRange, at: start, in: .l2Msg, field: field.description)
        }
        return value
    }

    /// A 32-byte hash.
    mutating func hash(_ field: StaticString) throws(FeedError) -> Hash32 {
        let bytes = try take(32, field)
        return bytes.withUnsafeBytes { Hash32(bytes: $0) } ?? .zero
    }

    /// A 20-byte address.
    mutating func address(_ field: StaticString) throws(FeedError) -> Address {
        let bytes = try take(20, field)
        return bytes.withUnsafeBytes { Address(bytes: $0) } ?? .zero
    }

    /// An address in the low 20 bytes of a 32-byte word; the high 12 bytes are ignored, as Nitro does.
    mutating func address256(_ field: StaticString) throws(FeedError) -> Address {
        let bytes = try take(32, field)
        return bytes.withUnsafeBytes { Address(bytes: UnsafeRawBufferPointer(rebasing: $0[12..<32])) } ?? .zero
    }

    /// An 8-byte big-endian integer.
    mutating func uint64(_ field: StaticString) throws(FeedError) -> UInt64 {
        let bytes = try take(8, field)
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Everything not read yet.
    mutating func rest() -> ArraySlice<UInt8> {
        let slice = data[index...]
        index = data.endIndex
        return slice
    }
}
