/// A signed 256-bit integer in two's complement over `UInt256` (Solidity's `int256`).
///
/// It covers what DEX math and ABI coding need: conversions, range checks for narrower `intN`
/// types, signed comparison, negation, addition and subtraction. Arithmetic is offered in
/// reporting form for values from outside the process; the plain `+ - ` operators trap on
/// overflow like Swift's integers and are for trusted, internal arithmetic only.
@frozen
public struct Int256: Hashable, Sendable {
    /// The two's complement bits.
    public var bitPattern: UInt256

    /// Creates a value with the given two's complement bits.
    @inlinable @inline(__always)
    public init(bitPattern: UInt256) {
        self.bitPattern = bitPattern
    }

    /// Creates a value equal to `v`.
    @inlinable @inline(__always)
    public init(_ v: Int64) {
        let fill: UInt64 = v < 0 ? .max : 0
        self.bitPattern = UInt256(UInt64(bitPattern: v), fill, fill, fill)
    }

    /// Creates a value equal to `v` (sign-extended; a 64-bit value always fits).
    @inlinable @inline(__always)
    public init(truncatingIfNeeded v: Int64) {
        self.init(v)
    }

    /// Creates a value equal to `v` (sign-extended; a 64-bit value always fits).
    @inlinable @inline(__always)
    public init(truncatingIfNeeded v: Int) {
        self.init(Int64(v))
    }

    /// Reinterprets the 256 bits of `v` as two's complement: values of 2^255 and above become
    /// negative.
    @inlinable @inline(__always)
    public init(truncatingIfNeeded v: UInt256) {
        self.bitPattern = v
    }

    /// Creates a value equal to `v`, or nil if `v` is above `Int256.max` (2^255 − 1).
    @inlinable
    public init?(exactly v: UInt256) {
        guard v.w3 >> 63 == 0 else { return nil }
        self.bitPattern = v
    }

    /// Zero (the constants are inlinable computed properties, as `UInt256.zero` says why).
    @inlinable
    public static var zero: Int256 { @inline(__always) get { Int256(bitPattern: .zero) } }
    /// −2^255.
    @inlinable
    public static var min: Int256 { @inline(__always) get { Int256(bitPattern: UInt256(0, 0, 0, 1 << 63)) } }
    /// 2^255 − 1.
    @inlinable
    public static var max: Int256 { @inline(__always) get { Int256(bitPattern: UInt256(.max, .max, .max, .max >> 1)) } }

    /// Whether the value is below zero.
    @inlinable
    public var isNegative: Bool {
        @inline(__always) get { bitPattern.w3 >> 63 == 1 }
    }

    /// Whether the value is zero.
    @inlinable
    public var isZero: Bool {
        @inline(__always) get { bitPattern.isZero }
    }

    /// The absolute value as an unsigned number (`Int256.min.magnitude` is 2^255).
    @inlinable
    public var magnitude: UInt256 {
        isNegative ? UInt256.zero &- bitPattern : bitPattern
    }

    /// The value as an `Int64`, or nil if it is out of `Int64`'s range.
    @inlinable
    public var int64Value: Int64? {
        let low = Int64(bitPattern: bitPattern.w0)
        let fill: UInt64 = low < 0 ? .max : 0
        guard bitPattern.w1 == fill, bitPattern.w2 == fill, bitPattern.w3 == fill else { return nil }
        return low
    }

    /// Whether the value fits in a signed `n`-bit two's complement integer, i.e. lies in
    /// `-2^(n-1) ... 2^(n-1) - 1` (`fitsInBits(24)` checks an `int24` tick, `fitsInBits(128)` an
    /// `int128` liquidity delta). Always true for `n >= 256`, always false for `n <= 0`.
    @inlinable
    func fitsInBits(_ n: Int) -> Bool {
        if n >= 256 { return true }
        if n <= 0 { return false }
        // For negative x, ~x = -x - 1 >= 0 needs the same number of bits as the bound.
        let v = isNegative ? ~bitPattern : bitPattern
        return v.bitWidth < n
    }

    /// The negation and whether it overflowed (only `Int256.min` does, giving itself).
    @inlinable
    func negatedReportingOverflow() -> (partialValue: Int256, overflow: Bool) {
        (Int256(bitPattern: UInt256.zero &- bitPattern), self == .min)
    }

    /// The sum and whether it left `Int256`'s range (the partial value wraps modulo 2^256).
    @inlinable
    public func addingReportingOverflow(_ other: Int256) -> (partialValue: Int256, overflow: Bool) {
        let r = Int256(bitPattern: bitPattern &+ other.bitPattern)
        return (r, isNegative == other.isNegative && r.isNegative != isNegative)
    }

    /// The difference and whether it left `Int256`'s range (the partial value wraps modulo 2^256).
    @inlinable
    public func subtractingReportingOverflow(_ other: Int256) -> (partialValue: Int256, overflow: Bool) {
        let r = Int256(bitPattern: bitPattern &- other.bitPattern)
        return (r, isNegative != other.isNegative && r.isNegative != isNegative)
    }

    /// Addition modulo 2^256.
    @inlinable @inline(__always)
    public static func &+ (a: Int256, b: Int256) -> Int256 { Int256(bitPattern: a.bitPattern &+ b.bitPattern) }

    /// Subtraction modulo 2^256.
    @inlinable @inline(__always)
    public static func &- (a: Int256, b: Int256) -> Int256 { Int256(bitPattern: a.bitPattern &- b.bitPattern) }

    /// Addition that traps on overflow; for trusted, internal arithmetic only.
    @inlinable
    public static func + (a: Int256, b: Int256) -> Int256 {
        let (r, o) = a.addingReportingOverflow(b)
        precondition(!o, "Int256 arithmetic overflow in +")
        return r
    }

    /// Subtraction that traps on overflow; for trusted, internal arithmetic only.
    @inlinable
    public static func - (a: Int256, b: Int256) -> Int256 {
        let (r, o) = a.subtractingReportingOverflow(b)
        precondition(!o, "Int256 arithmetic overflow in -")
        return r
    }

    /// Negation that traps for `Int256.min`; for trusted, internal arithmetic only.
    @inlinable
    public static prefix func - (a: Int256) -> Int256 {
        let (r, o) = a.negatedReportingOverflow()
        precondition(!o, "Int256 arithmetic overflow in negation")
        return r
    }
}

extension Int256: Comparable {
    /// Signed numeric order.
    @inlinable @inline(__always)
    public static func < (a: Int256, b: Int256) -> Bool {
        let ah = Int64(bitPattern: a.bitPattern.w3)
        let bh = Int64(bitPattern: b.bitPattern.w3)
        if ah != bh { return ah < bh }
        return UInt256(a.bitPattern.w0, a.bitPattern.w1, a.bitPattern.w2, 0)
            < UInt256(b.bitPattern.w0, b.bitPattern.w1, b.bitPattern.w2, 0)
    }
}

extension Int256: ExpressibleByIntegerLiteral {
    /// Literals are 64-bit.
    public typealias IntegerLiteralType = Int64

    /// Creates a value from an integer literal.
    @inlinable @inline(__always)
    public init(integerLiteral value: Int64) {
        self.init(value)
    }
}

extension Int256: CustomStringConvertible {
    /// Parses signed decimal text: an optional leading `-` followed by one or more ASCII digits
    /// and nothing else (no `+`, no spaces). Returns nil for anything else or a value outside
    /// `Int256.min ... Int256.max`. `"-0"` is zero.
    public init?(decimal text: some StringProtocol) {
        let utf8 = Substring(text).utf8
        let negative = utf8.first == UInt8(ascii: "-")
        let digits = negative ? Substring(utf8.dropFirst()) : Substring(text)
        guard let magnitude = UInt256(decimal: digits) else { return nil }
        if negative {
            guard magnitude <= Int256.min.bitPattern else { return nil }
            self.bitPattern = UInt256.zero &- magnitude
        } else {
            guard magnitude <= Int256.max.bitPattern else { return nil }
            self.bitPattern = magnitude
        }
    }

    /// The value in signed decimal (a leading `-` for negative values).
    public var description: String {
        isNegative ? "-" + magnitude.description : bitPattern.description
    }
}
