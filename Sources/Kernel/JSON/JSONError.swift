/// Why `JSONScanner` refused its input, or a value in it, and where.
///
/// The offset counts bytes from the start of the scanned buffer. Syntax problems (`syntax`,
/// `tooDeep`, `invalidUTF8`) end the scan; value problems (the others) come back in a
/// `JSONScanner.Read` after the value has been consumed, so a caller may go on.
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kinds of refused JSON.
    public enum Kind: String, Sendable, CaseIterable {
        /// Bytes that are not JSON: a stray character, an unterminated string, a bad escape.
        case syntax
        /// Objects and arrays nested deeper than the scanner's limit.
        case tooDeep
        /// A string holding bytes that are not well-formed UTF-8 (only when the scanner validates it).
        case invalidUTF8
        /// A value of another JSON type than the one asked for.
        case typeMismatch
        /// A number that is not an integer of the asked sign (a fraction, an exponent, a minus sign).
        case invalidNumber
        /// An integer beyond the asked type's range.
        case numberTooLarge
        /// A hex string of the wrong length, without `0x`, or with a non-hex digit.
        case invalidHex
    }

    /// What was wrong.
    public var kind: Kind
    /// Byte offset of the offending item from the start of the scanned bytes.
    public var offset: Int

    /// An error of `kind` at `offset`.
    package init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// `<kind> at byte <offset>`.
    public var description: String { "\(kind.rawValue) at byte \(offset)" }
}
