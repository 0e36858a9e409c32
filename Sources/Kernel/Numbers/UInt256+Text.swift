// Decimal and hexadecimal text for UInt256.

extension UInt256: CustomStringConvertible {
    /// 10^19, the largest power of ten below 2^64: the chunk size for decimal conversion.
    @usableFromInline
    internal static let decimalChunk: UInt64 = 10_000_000_000_000_000_000

    /// 10^k for k in 0...19.
    @inlinable @inline(__always)
    internal static func powerOfTen(_ k: Int) -> UInt64 {
        var p: UInt64 = 1
        var i = 0
        while i < k {
            p &*= 10
            i &+= 1
        }
        return p
    }

    /// Parses unsigned decimal text: one or more ASCII digits and nothing else (no sign, no
    /// spaces, no separators). Leading zeros are allowed. Returns nil for empty text, any other
    /// character, or a value above 2^256 − 1.
    public init?(decimal text: some StringProtocol) {
        var value = UInt256.zero
        var chunk: UInt64 = 0
        var chunkDigits = 0
        var any = false
        for c in text.utf8 {
            let d = c &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            any = true
            chunk = chunk &* 10 &+ UInt64(d)
            chunkDigits &+= 1
            if chunkDigits == 19 {
                let (next, overflow) = value.multipliedAndAddedReportingOverflow(by: Self.decimalChunk, adding: chunk)
                guard !overflow else { return nil }
                value = next
                chunk = 0
                chunkDigits = 0
            }
        }
        guard any else { return nil }
        if chunkDigits > 0 {
            let (next, overflow) = value.multipliedAndAddedReportingOverflow(by: Self.powerOfTen(chunkDigits), adding: chunk)
            guard !overflow else { return nil }
            value = next
        }
        self = value
    }

    /// The value of one ASCII hex digit (either case), or nil.
    @inline(__always)
    internal static func hexNibble(_ c: UInt8) -> UInt64? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt64(c &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt64(c &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt64(c &- UInt8(ascii: "A") &+ 10)
        default: return nil
        }
    }

    /// Parses hexadecimal text: an optional `0x`/`0X` prefix followed by 1 to 64 hex digits of
    /// either case. Leading zeros are allowed but count towards the 64. Returns nil for anything
    /// else (`""`, `"0x"`, signs, spaces, 65 or more digits).
    public init?(hex text: some StringProtocol) {
        var utf8 = Substring(text).utf8[...]
        if utf8.count >= 2, utf8.first == UInt8(ascii: "0") {
            let x = utf8[utf8.index(after: utf8.startIndex)]
            if x == UInt8(ascii: "x") || x == UInt8(ascii: "X") { utf8 = utf8.dropFirst(2) }
        }
        let count = utf8.count
        guard count >= 1, count <= 64 else { return nil }
        var value = UInt256.zero
        for c in utf8 {
            guard let nibble = Self.hexNibble(c) else { return nil }
            value = UInt256(
                value.w0 << 4 | nibble,
                value.w1 << 4 | value.w0 >> 60,
                value.w2 << 4 | value.w1 >> 60,
                value.w3 << 4 | value.w2 >> 60
            )
        }
        self = value
    }

    /// The value in decimal, without separators.
    public var description: String {
        if (w1 | w2 | w3) == 0 { return String(w0) }
        // Split into base-10^19 chunks, least significant first (at most 5 for 78 digits).
        var chunks: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        var chunkCount = 0
        var rest = self
        withUnsafeMutablePointer(to: &chunks) { tuple in
            tuple.withMemoryRebound(to: UInt64.self, capacity: 5) { chunk in
                while !rest.isZero {
                    let (q, r) = Self.divideWide(high: .zero, low: rest, by: UInt256(Self.decimalChunk))
                    chunk[chunkCount] = r.w0
                    chunkCount &+= 1
                    rest = q
                }
            }
        }
        return withUnsafePointer(to: &chunks) { tuple in
            tuple.withMemoryRebound(to: UInt64.self, capacity: 5) { chunk in
                let top = String(chunk[chunkCount - 1])
                let capacity = top.utf8.count + 19 * (chunkCount - 1)
                return String(unsafeUninitializedCapacity: capacity) { buffer in
                    var offset = 0
                    for b in top.utf8 {
                        buffer[offset] = b
                        offset &+= 1
                    }
                    var index = chunkCount - 2
                    while index >= 0 {
                        var c = chunk[index]
                        var k = 18
                        while k >= 0 {
                            buffer[offset + k] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: c % 10)
                            c /= 10
                            k -= 1
                        }
                        offset &+= 19
                        index -= 1
                    }
                    return offset
                }
            }
        }
    }

    /// `0x` followed by the minimal lower-case hex digits (`0x0` for zero), the form of an
    /// Ethereum JSON-RPC quantity.
    public var hexString: String {
        let digits = Swift.max(1, (bitWidth + 3) >> 2)
        return String(unsafeUninitializedCapacity: digits + 2) { buffer in
            buffer[0] = UInt8(ascii: "0")
            buffer[1] = UInt8(ascii: "x")
            var i = 0
            while i < digits {
                let shift = (digits - 1 - i) << 2
                let nibble = UInt8(truncatingIfNeeded: (word(shift >> 6) >> UInt64(shift & 63)) & 0xf)
                buffer[2 + i] = nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ (nibble &- 10)
                i &+= 1
            }
            return digits + 2
        }
    }
}
