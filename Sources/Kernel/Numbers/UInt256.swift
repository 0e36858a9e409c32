/// An unsigned 256-bit integer (the EVM word), stored inline as four 64-bit words.
///
/// The words are kept least significant first: `w0` holds bits 0..<64 and `w3` bits 192..<256.
/// The type never allocates; every operation works on the four words directly.
///
/// Overflow policy:
/// - Code that handles values from outside the process (RPC, calldata, logs, pool state) must use
///   the reporting or optional variants: `addingReportingOverflow`, `subtractingReportingOverflow`,
///   `multipliedReportingOverflow`, `quotientAndRemainder(dividingBy:)`, `mulDiv`, the failable
///   text and byte initializers.
/// - The wrapping operators `&+`, `&-`, `&*` reduce modulo 2^256, like the EVM's `ADD`, `SUB`, `MUL`.
/// - The plain operators `+ - * / %` trap on overflow or a zero divisor, exactly like Swift's own
///   integer types. Use them only where overflow would be a programmer error.
@frozen
public struct UInt256: Hashable, Sendable {
    /// Bits 0..<64 (least significant word).
    public var w0: UInt64
    /// Bits 64..<128.
    public var w1: UInt64
    /// Bits 128..<192.
    public var w2: UInt64
    /// Bits 192..<256 (most significant word).
    public var w3: UInt64

    /// Creates a value from its four words, least significant first.
    @inlinable @inline(__always)
    public init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    /// Creates a value from its four words in little-endian word order: `words.0` is the least
    /// significant word, `words.3` the most significant.
    @inlinable @inline(__always)
    public init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.init(words.0, words.1, words.2, words.3)
    }

    /// Creates a value equal to `v`.
    @inlinable @inline(__always)
    public init(_ v: UInt64) {
        self.init(v, 0, 0, 0)
    }

    /// Creates a value from the low 256 bits of `v`'s two's complement, sign-extended:
    /// `UInt256(truncatingIfNeeded: -1) == .max`, as with Swift's integer types.
    @inlinable @inline(__always)
    public init(truncatingIfNeeded v: Int) {
        let fill: UInt64 = v < 0 ? .max : 0
        self.init(UInt64(bitPattern: Int64(v)), fill, fill, fill)
    }

    /// Creates a value equal to `v` (a 64-bit value always fits; provided for symmetry with
    /// Swift's integer types).
    @inlinable @inline(__always)
    public init(truncatingIfNeeded v: UInt64) {
        self.init(v, 0, 0, 0)
    }

    /// The four words, least significant first.
    @inlinable
    public var words: (UInt64, UInt64, UInt64, UInt64) {
        @inline(__always) get { (w0, w1, w2, w3) }
        @inline(__always) set { (w0, w1, w2, w3) = newValue }
    }

    // The constants are inlinable computed properties, not stored `static let`s: another
    // module reads a stored one through a call to its addressor, on every use (the sizer's hot
    // paths use them per quote); these fold to immediates.

    /// Zero.
    @inlinable
    public static var zero: UInt256 { @inline(__always) get { UInt256(0, 0, 0, 0) } }
    /// One.
    @inlinable
    public static var one: UInt256 { @inline(__always) get { UInt256(1, 0, 0, 0) } }
    /// 2^256 − 1.
    @inlinable
    public static var max: UInt256 { @inline(__always) get { UInt256(.max, .max, .max, .max) } }

    /// Whether the value is zero.
    @inlinable
    public var isZero: Bool {
        @inline(__always) get { (w0 | w1 | w2 | w3) == 0 }
    }

    /// The number of leading zero bits (256 for zero).
    @inlinable
    var leadingZeroBitCount: Int {
        if w3 != 0 { return w3.leadingZeroBitCount }
        if w2 != 0 { return 64 + w2.leadingZeroBitCount }
        if w1 != 0 { return 128 + w1.leadingZeroBitCount }
        return 192 + w0.leadingZeroBitCount
    }

    /// The number of trailing zero bits (256 for zero).
    @inlinable
    var trailingZeroBitCount: Int {
        if w0 != 0 { return w0.trailingZeroBitCount }
        if w1 != 0 { return 64 + w1.trailingZeroBitCount }
        if w2 != 0 { return 128 + w2.trailingZeroBitCount }
        return 192 + w3.trailingZeroBitCount
    }

    /// The number of bits needed to write the value: `256 - leadingZeroBitCount` (0 for zero).
    ///
    /// Unlike `FixedWidthInteger.bitWidth` this is not the constant 256.
    @inlinable
    public var bitWidth: Int { 256 - leadingZeroBitCount }

    /// The number of significant 64-bit words (0 for zero, else 1...4).
    @inlinable
    var significantWordCount: Int {
        if w3 != 0 { return 4 }
        if w2 != 0 { return 3 }
        if w1 != 0 { return 2 }
        return w0 != 0 ? 1 : 0
    }

    /// The least significant 64 bits.
    @inlinable
    public var low64: UInt64 {
        @inline(__always) get { w0 }
    }

    /// The value as a `UInt64`, or nil if it is larger than `UInt64.max`.
    @inlinable
    public var uint64Value: UInt64? {
        (w1 | w2 | w3) == 0 ? w0 : nil
    }

    /// The value as an `Int`, or nil if it is larger than `Int.max`.
    @inlinable
    public var intValue: Int? {
        (w1 | w2 | w3) == 0 && w0 <= UInt64(Int.max) ? Int(w0) : nil
    }

    /// Bit `index` (0 = least significant) of the value; false for indices outside 0..<256.
    @inlinable
    public func bit(_ index: Int) -> Bool {
        guard index >= 0, index < 256 else { return false }
        return (word(index >> 6) >> UInt64(index & 63)) & 1 == 1
    }

    /// The 64-bit word `index` places above the least significant one (0 ..< 4; any larger
    /// index is the top word).
    @inlinable
    func word(_ index: Int) -> UInt64 {
        switch index {
        case 0: return w0
        case 1: return w1
        case 2: return w2
        default: return w3
        }
    }
}

extension UInt256: Comparable {
    /// Equality of all four words.
    @inlinable @inline(__always)
    public static func == (a: UInt256, b: UInt256) -> Bool {
        ((a.w0 ^ b.w0) | (a.w1 ^ b.w1) | (a.w2 ^ b.w2) | (a.w3 ^ b.w3)) == 0
    }

    /// Unsigned numeric order.
    @inlinable @inline(__always)
    public static func < (a: UInt256, b: UInt256) -> Bool {
        if a.w3 != b.w3 { return a.w3 < b.w3 }
        if a.w2 != b.w2 { return a.w2 < b.w2 }
        if a.w1 != b.w1 { return a.w1 < b.w1 }
        return a.w0 < b.w0
    }

    /// Hashes the four words.
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(w0)
        hasher.combine(w1)
        hasher.combine(w2)
        hasher.combine(w3)
    }
}

extension UInt256: ExpressibleByIntegerLiteral {
    /// Literals are 64-bit; build larger constants with `init(words:)`, `init(hex:)` or shifts.
    public typealias IntegerLiteralType = UInt64

    /// Creates a value from an integer literal.
    @inlinable @inline(__always)
    public init(integerLiteral value: UInt64) {
        self.init(value, 0, 0, 0)
    }
}
