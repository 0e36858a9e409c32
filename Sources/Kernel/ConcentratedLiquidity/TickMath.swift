/// Uniswap V3's `TickMath`: the sqrt price at a tick (`1.0001^(tick/2)` as a Q64.96) and the tick
/// of a sqrt price, bit for bit with the contract (the same 128.128 fixed-point constants and the
/// same rounding), so that every concentrated-liquidity pool that shares the library agrees.
public enum TickMath {
    /// The lowest tick a pool can use, `log_1.0001(2^-128)`.
    /// (The constants are inlinable computed properties, as `UInt256.zero` says why.)
    @inlinable
    public static var minTick: Int32 { @inline(__always) get { -887272 } }
    /// The highest tick a pool can use.
    @inlinable
    public static var maxTick: Int32 { @inline(__always) get { 887272 } }
    /// `sqrtRatio(atTick: minTick)`, the lowest sqrt price a pool can hold.
    @inlinable
    public static var minSqrtRatio: UInt256 { @inline(__always) get { UInt256(4_295_128_739) } }
    /// `sqrtRatio(atTick: maxTick)`; pool prices stay strictly below it.
    @inlinable
    public static var maxSqrtRatio: UInt256 {
        @inline(__always) get { UInt256(0x5d95_1d52_6398_8d26, 0xefd1_fc6a_5064_8849, 0xfffd_8963, 0) }
    }

    /// `1/sqrt(1.0001)^(2^i)` in Q128.128 (high word, low word) for bits 1 … 19 of the absolute
    /// tick, all below 2^128.
    private static let bitRatios: [(high: UInt64, low: UInt64)] = [
        (0xfff9_7272_373d_4132, 0x59a4_6990_580e_213a),
        (0xfff2_e50f_5f65_6932, 0xef12_357c_f3c7_fdcc),
        (0xffe5_caca_7e10_e4e6, 0x1c36_24ea_a094_1cd0),
        (0xffcb_9843_d60f_6159, 0xc9db_5883_5c92_6644),
        (0xff97_3b41_fa98_c081, 0x472e_6896_dfb2_54c0),
        (0xff2e_a164_66c9_6a38, 0x43ec_78b3_26b5_2861),
        (0xfe5d_ee04_6a99_a2a8, 0x11c4_61f1_969c_3053),
        (0xfcbe_86c7_900a_88ae, 0xdcff_c83b_479a_a3a4),
        (0xf987_a725_3ac4_1317, 0x6f2b_074c_f781_5e54),
        (0xf339_2b08_22b7_0005, 0x940c_7a39_8e4b_70f3),
        (0xe715_9475_a2c2_9b74, 0x43b2_9c7f_a6e8_89d9),
        (0xd097_f3bd_fd20_22b8, 0x845a_d8f7_92aa_5825),
        (0xa9f7_4646_2d87_0fdf, 0x8a65_dc1f_90e0_61e5),
        (0x70d8_69a1_56d2_a1b8, 0x90bb_3df6_2baf_32f7),
        (0x31be_135f_97d0_8fd9, 0x8123_1505_542f_cfa6),
        (0x09aa_508b_5b7a_84e1, 0xc677_de54_f3e9_9bc9),
        (0x005d_6af8_dedb_8119, 0x6699_c329_225e_e604),
        (0x0000_2216_e584_f5fa, 0x1ea9_2604_1bed_fe98),
        (0x0000_0000_048a_1703, 0x91f7_dc42_444e_8fa2),
    ]
    /// `1/sqrt(1.0001)` in Q128.128, the starting ratio of an odd tick.
    private static let oddTickRatio: (high: UInt64, low: UInt64) = (0xfffc_b933_bd6f_ad37, 0xaa2d_162d_1a59_4001)
    /// `2^64 / log2(sqrt(1.0001))`, the factor from a Q64.64 log2 to a Q128.128 log base sqrt(1.0001).
    private static let log2ToLogSqrt10001 = UInt256(0xa301_d710_5577_4c85, 0x3627, 0, 0)
    /// The error bound subtracted to get the lower candidate tick.
    private static let tickLowError = UInt256(0x5af0_12a1_9d00_3aaa, 0x028f_6481_ab7f_045a, 0, 0)
    /// The error bound added to get the upper candidate tick.
    private static let tickHighError = UInt256(0x455e_2607_99a0_632f, 0xdb2d_f09e_8195_9a81, 0, 0)

    /// `getSqrtRatioAtTick`: the Q64.96 sqrt price at `tick`, rounded up.
    /// Reverts `"T"` where the contract does: `|tick| > maxTick`.
    public static func sqrtRatio(atTick tick: Int32) throws(PoolError) -> UInt256 {
        let absTick = tick.magnitude
        guard absTick <= UInt32(maxTick) else { throw .revert("T") }
        // The running ratio is a Q128.128 below 2^128, except the starting 2^128 of an even tick,
        // kept as nil: multiplying 2^128 by a factor and shifting right by 128 gives the factor.
        var ratio: (high: UInt64, low: UInt64)? = absTick & 1 != 0 ? oddTickRatio : nil
        var bits = absTick >> 1
        var index = 0
        while bits != 0 {
            if bits & 1 != 0 {
                let factor = bitRatios[index]
                ratio = ratio.map { highHalfOfProduct($0, factor) } ?? factor
            }
            bits >>= 1
            index += 1
        }
        guard let ratio else { return UInt256(0, 1 << 32, 0, 0) } // tick 0: exactly 2^96
        var wide = UInt256(ratio.low, ratio.high, 0, 0)
        // ratio is a product of positive factors, never zero.
        if tick > 0 { wide = UInt256.max / wide }
        let rounding: UInt256 = wide.w0 & 0xffff_ffff == 0 ? .zero : .one
        return (wide >> 32) &+ rounding
    }

    /// `(a * b) >> 128` for two 128-bit values.
    @inline(__always)
    private static func highHalfOfProduct(_ a: (high: UInt64, low: UInt64), _ b: (high: UInt64, low: UInt64)) -> (high: UInt64, low: UInt64) {
        let (p3, p2, _, _) = product(a, b)
        return (p3, p2)
    }

    /// The 256-bit product of two 128-bit values as four words, most significant first.
    @inline(__always)
    private static func product(_ a: (high: UInt64, low: UInt64), _ b: (high: UInt64, low: UInt64)) -> (UInt64, UInt64, UInt64, UInt64) {
        let ll = a.low.multipliedFullWidth(by: b.low)
        let lh = a.low.multipliedFullWidth(by: b.high)
        let hl = a.high.multipliedFullWidth(by: b.low)
        let hh = a.high.multipliedFullWidth(by: b.high)
        // Column 1: ll.high + lh.low + hl.low; column 2: lh.high + hl.high + hh.low + carries.
        let (c1a, o1a) = ll.high.addingReportingOverflow(lh.low)
        let (c1, o1b) = c1a.addingReportingOverflow(hl.low)
        let carry1: UInt64 = (o1a ? 1 : 0) + (o1b ? 1 : 0)
        let (c2a, o2a) = lh.high.addingReportingOverflow(hl.high)
        let (c2b, o2b) = c2a.addingReportingOverflow(hh.low)
        let (c2, o2c) = c2b.addingReportingOverflow(carry1)
        let carry2: UInt64 = (o2a ? 1 : 0) + (o2b ? 1 : 0) + (o2c ? 1 : 0)
        // The full product is below 2^256, so the top word cannot overflow.
        return (hh.high &+ carry2, c2, c1, ll.low)
    }

    /// `getTickAtSqrtRatio`: the greatest tick whose sqrt price is at most `sqrtPriceX96`.
    /// Reverts `"R"` where the contract does: outside `minSqrtRatio ..< maxSqrtRatio`.
    public static func tick(atSqrtRatio sqrtPriceX96: UInt256) throws(PoolError) -> Int32 {
        guard sqrtPriceX96 >= minSqrtRatio, sqrtPriceX96 < maxSqrtRatio else { throw .revert("R") }
        let ratio = sqrtPriceX96 << 32
        let msb = ratio.bitWidth - 1
        let normalized = msb >= 128 ? ratio >> (msb - 127) : ratio << (127 - msb)
        // log2 in Q64.64: the integer part (msb - 128) and 14 fractional bits by repeated squaring
        // of r, a 128-bit value with its top bit set: r·r >> 127 has 129 bits; the top one is the
        // next fractional bit and, when set, r is shifted once more.
        var r = (high: normalized.w1, low: normalized.w0)
        var fraction: UInt64 = 0
        for bit in stride(from: 63, through: 50, by: -1) {
            let (p3, p2, p1, _) = product(r, r)
            let f = p3 >> 63
            fraction |= f << UInt64(bit)
            r = f == 1 ? (p3, p2) : ((p3 << 1) | (p2 >> 63), (p2 << 1) | (p1 >> 63))
        }
        let integer = Int64(msb - 128)
        let fill: UInt64 = integer < 0 ? .max : 0
        let log2 = UInt256(fraction, UInt64(bitPattern: integer), fill, fill)
        let logSqrt10001 = log2 &* log2ToLogSqrt10001
        let tickLow = arithmeticShiftRight128(logSqrt10001 &- tickLowError)
        let tickHigh = arithmeticShiftRight128(logSqrt10001 &+ tickHighError)
        if tickLow == tickHigh { return tickLow }
        return try sqrtRatio(atTick: tickHigh) <= sqrtPriceX96 ? tickHigh : tickLow
    }

    /// A two's complement value shifted right by 128 bits with sign fill, as an int24 tick.
    private static func arithmeticShiftRight128(_ value: UInt256) -> Int32 {
        let negative = value.w3 >> 63 == 1
        let shifted = negative ? ~((~value) >> 128) : value >> 128
        return Int32(truncatingIfNeeded: Int64(bitPattern: shifted.w0))
    }
}
