/// Hexadecimal text to bytes and back, with or without a `0x` prefix.
public enum Hex {
    /// Why a hex string was refused.
    public enum Error: Swift.Error, Equatable, Sendable {
        /// The string has an odd number of digits.
        case oddLength(Int)
        /// A character that is not a hex digit, at this UTF-8 offset.
        case invalidDigit(offset: Int)
        /// The string holds a different number of bytes than required.
        case wrongLength(expected: Int, actual: Int)
    }

    /// The value of one ASCII hex digit, or nil.
    @inline(__always)
    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c &- UInt8(ascii: "A") &+ 10
        default: return nil
        }
    }

    @usableFromInline
    static let lowerDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The UTF-8 bytes of `text` with a leading `0x`/`0X` removed, and the offset of the first digit.
    static func digits(_ text: Substring.UTF8View) -> (Substring.UTF8View, Int) {
        var it = text.makeIterator()
        if it.next() == UInt8(ascii: "0"), let x = it.next(), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            return (text.dropFirst(2), 2)
        }
        return (text, 0)
    }

    /// Decodes a hex string (an optional `0x` prefix, an even number of digits) into bytes.
    public static func decode(_ text: some StringProtocol) throws(Hex.Error) -> [UInt8] {
        let (digits, start) = Self.digits(Substring(text).utf8)
        guard digits.count % 2 == 0 else { throw .oddLength(digits.count) }
        var out = [UInt8]()
        out.reserveCapacity(digits.count / 2)
        var offset = start
        var high: UInt8 = 0
        var isHigh = true
        for c in digits {
            guard let v = nibble(c) else { throw .invalidDigit(offset: offset) }
            if isHigh { high = v } else { out.append(high << 4 | v) }
            isHigh.toggle()
            offset += 1
        }
        return out
    }

    /// Decodes hex (an optional `0x` prefix) of exactly `buffer.count` bytes into `buffer`, with
    /// no intermediate copy (for secrets that must not linger in memory the caller cannot wipe).
    public static func decode(_ text: some StringProtocol, into buffer: UnsafeMutableRawBufferPointer) throws(Hex.Error) {
        let (digits, start) = Self.digits(Substring(text).utf8)
        guard digits.count == buffer.count * 2 else {
            throw .wrongLength(expected: buffer.count, actual: digits.count / 2)
        }
        var offset = start
        var index = 0
        var high: UInt8 = 0
        for c in digits {
            guard let v = nibble(c) else { throw .invalidDigit(offset: offset) }
            if offset & 1 == start & 1 { high = v } else { buffer[index] = high << 4 | v; index += 1 }
            offset += 1
        }
    }

    /// Lower-case hex of `bytes` with a `0x` prefix.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        if let text = bytes.withContiguousStorageIfAvailable({ encode(UnsafeRawBufferPointer($0)) }) { return text }
        return Array(bytes).withUnsafeBytes { encode($0) }
    }

    /// Lower-case hex of the bytes in a raw buffer, `0x` prefixed, written straight into the
    /// string's storage.
    public static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: 2 + 2 * bytes.count) { write(bytes, into: $0) }
    }

    /// Writes `0x` and the lower-case hex of `bytes` into `out` (at least `2 + 2 * bytes.count`
    /// long) and returns how many bytes it wrote.
    static func write(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "0")
        out[1] = UInt8(ascii: "x")
        var index = 2
        for b in bytes {
            out[index] = lowerDigits[Int(b >> 4)]
            out[index + 1] = lowerDigits[Int(b & 0x0f)]
            index += 2
        }
        return index
    }
}
