extension UInt256 {
    /// The value as a `Double`, to within a few units in the last place (its words converted and
    /// summed).
    @inlinable
    public var approximateDouble: Double {
        ((Double(w3) * 0x1p64 + Double(w2)) * 0x1p64 + Double(w1)) * 0x1p64 + Double(w0)
    }

    /// `value` truncated towards zero: 0 below 1 (and for not-a-number), `.max` from 2^256 on.
    public init(truncating value: Double) {
        guard value >= 1 else { self = .zero; return }
        guard value < 0x1p64 else {
            guard value < 0x1p256 else { self = .max; return }
            // value = significand · 2^(exponent − 52), with the significand's implicit bit.
            let bits = value.bitPattern
            let exponent = Int((bits >> 52) & 0x7ff) - 1023
            self = UInt256((bits & 0xf_ffff_ffff_ffff) | (1 << 52)) << (exponent - 52)
            return
        }
        self = UInt256(UInt64(value))
    }
}
