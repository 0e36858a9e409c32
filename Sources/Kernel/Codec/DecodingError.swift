/// Why bytes from the wire were refused: what was wrong, where, and in which field.
///
/// Every decoder in the kernel (RLP, transactions, ABI) reports this one type, so a caller can
/// count and print them alike. `offset` is a byte offset into the input the caller passed.
public struct DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kinds of malformed input.
    public enum Kind: String, Sendable {
        /// The input ends before the item it announces.
        case truncated
        /// Bytes are left after the last item, or inside a list after its last expected element.
        case trailingBytes
        /// An encoding that a strict decoder refuses: a length in long form where the short form fits,
        /// a length or integer with leading zero bytes, a single byte wrapped in a string header.
        case nonCanonical
        /// A length or value beyond what the field can hold (e.g. a nonce of 2^64).
        case tooLarge
        /// Nesting deeper than the limit.
        case tooDeep
        /// A list where a string was expected, or the reverse.
        case unexpectedKind
        /// A fixed-size field with the wrong number of bytes (an address of 19 bytes).
        case wrongLength
        /// A transaction type byte that no supported chain defines.
        case unknownType
        /// Signature values the chain rejects: r or s zero or not below the curve order, s in the
        /// upper half, a recovery id other than 0 or 1.
        case invalidSignature
        /// A value outside its domain (a bool of 2, dirty high bytes in an address word).
        case invalidValue
        /// A field the input did not carry at all (an empty input).
        case empty
    }

    /// What was wrong.
    public var kind: Kind
    /// Byte offset into the caller's input where the offending item starts.
    public var offset: Int
    /// The field being read, such as `"nonce"` or `"s"`; empty where no field applies.
    public var field: String

    /// Creates an error of `kind` at `offset` while reading `field`.
    public init(_ kind: Kind, at offset: Int, field: String = "") {
        self.kind = kind
        self.offset = offset
        self.field = field
    }

    /// Creates an error of `kind` at `offset` while reading the statically named `field`.
    @inlinable
    public init(_ kind: Kind, at offset: Int, field: StaticString) {
        self.init(kind, at: offset, field: field.description)
    }

    /// The same error with its offset moved by `base`, for an input embedded in a larger one.
    public func shifted(by base: Int) -> DecodingError {
        DecodingError(kind, at: offset + base, field: field)
    }

    /// A one-line human message: kind, field and offset.
    public var description: String {
        field.isEmpty ? "\(kind.rawValue) at byte \(offset)" : "\(kind.rawValue) in \(field) at byte \(offset)"
    }
}
