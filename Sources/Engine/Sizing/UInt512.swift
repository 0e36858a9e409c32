import Kernel

/// An unsigned 512-bit integer: the exact product of two `UInt256`s, or a sum of two such
/// products. Only what the sizing needs: product, sum, order, size, and a right shift back into
/// 256 bits.
struct UInt512: Comparable {
    /// Bits 256..<512.
    var high: UInt256
    /// Bits 0..<256.
    var low: UInt256

    /// The exact product `a · b`.
    init(_ a: UInt256, times b: UInt256) {
        (high, low) = a.multipliedFullWidth(by: b)
    }

    /// The value `value`.
    init(_ value: UInt256) {
        high = .zero
        low = value
    }

    /// A value from its halves.
    init(high: UInt256, low: UInt256) {
        self.high = high
        self.low = low
    }

    /// Numeric order.
    static func < (a: UInt512, b: UInt512) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }

    /// The sum, or nil when it needs more than 512 bits.
    func adding(_ other: UInt512) -> UInt512? {
        let (low, carry) = low.addingReportingOverflow(other.low)
        var (high, overflow) = high.addingReportingOverflow(other.high)
        if carry {
            let (withCarry, carryOverflow) = high.addingReportingOverflow(.one)
            high = withCarry
            overflow = overflow || carryOverflow
        }
        return overflow ? nil : UInt512(high: high, low: low)
    }

    /// The number of bits needed to write the value (0 for zero).
    var bitWidth: Int {
        high.isZero ? low.bitWidth : 256 + high.bitWidth
    }

    /// `floor(self / 2^shift)`, for a `shift` (0 ... 511) that leaves at most 256 bits.
    func shiftedRight(_ shift: Int) -> UInt256 {
        shift >= 256 ? high >> (shift - 256) : (low >> shift) | (high << (256 - shift))
    }

    /// `ceil(self / 2^shift)`, for a `shift` that leaves fewer than 256 bits.
    func shiftedRightRoundingUp(_ shift: Int) -> UInt256 {
        let dropped: Bool
        if shift >= 256 {
            dropped = !low.isZero || !(high << (512 - shift)).isZero
        } else {
            dropped = !(low << (256 - shift)).isZero
        }
        let floor = shiftedRight(shift)
        return dropped ? floor &+ .one : floor
    }
}
