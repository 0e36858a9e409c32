/// Standard base64 (RFC 4648 §4, `+` and `/`, `=` padding) as Go's `encoding/json` writes a
/// `[]byte`, decoded strictly: the length must be a multiple of four, padding may only end the
/// text, no whitespace or line breaks, and the bits that padding discards must be zero (so every
/// byte string has exactly one accepted text).
///
/// Errors are `DecodingError`s whose offsets count characters from the start of the text:
/// `wrongLength` (length not a multiple of four), `invalidValue` (a character outside the
/// alphabet, or `=` where it may not stand), `nonCanonical` (non-zero discarded bits).
enum Base64 {
    /// 0...63 for alphabet characters, 0x40 for `=`, 0x80 for everything else.
    private static let table: [UInt8] = {
        var t = [UInt8](repeating: 0x80, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, char) in alphabet.enumerated() { t[Int(char)] = UInt8(value) }
        t[Int(UInt8(ascii: "="))] = 0x40
        return t
    }()

    /// Set in a group's value when one of its characters is not in the alphabet.
    private static let invalidGroup: UInt32 = 0x8000_0000

    /// Four tables of 256 in one: entry `256·place + character` is the character's six bits
    /// shifted to its place in a group of four (`a << 18 | b << 12 | c << 6 | d`), or
    /// `invalidGroup` for a character outside the alphabet (`=` included), so that a group is
    /// four lookups, three ORs and one test.
    private static let placed: [UInt32] = {
        var t = [UInt32](repeating: invalidGroup, count: 4 * 256)
        for place in 0..<4 {
            for character in 0..<256 where table[character] < 64 {
                t[place * 256 + character] = UInt32(table[character]) << (18 - 6 * place)
            }
        }
        return t
    }()

    /// The number of bytes `text` decodes to, from its length and padding alone; throws
    /// `wrongLength` when the length is not a multiple of four.
    static func decodedCount(_ text: UnsafeRawBufferPointer) throws(DecodingError) -> Int {
        let n = text.count
        guard n & 3 == 0 else { throw DecodingError(.wrongLength, at: n, field: "base64") }
        guard n > 0 else { return 0 }
        var count = n / 4 * 3
        if text[n - 1] == UInt8(ascii: "=") { count -= text[n - 2] == UInt8(ascii: "=") ? 2 : 1 }
        return count
    }

    /// Decodes `text` into the start of `output`, which must hold `decodedCount(text)` bytes,
    /// and returns that count.
    static func decode(_ text: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(DecodingError) -> Int {
        let count = try decodedCount(text)
        guard count > 0 else { return 0 }
        precondition(output.count >= count, "Base64.decode: output too small")
        return try table.withUnsafeBufferPointer { t in
            placed.withUnsafeBufferPointer { p in
                Result { () throws(DecodingError) -> Int in try decodeGroups(text, into: output, table: t, placed: p) }
            }
        }.get()
    }

    /// Decodes every group of `text` (whose length is a non-zero multiple of four) with the table
    /// `t` and its placed form `p` (`placed`).
    private static func decodeGroups(
        _ text: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, table t: UnsafeBufferPointer<UInt8>,
        placed p: UnsafeBufferPointer<UInt32>
    ) throws(DecodingError) -> Int {
            let n = text.count
            var i = 0
            var o = 0
            // Every group but the last has no padding. Each writes its three bytes as one
            // four-byte store (the fourth is the next group's first) while the output has room.
            while i < n - 4 {
                let v = p[Int(text[i])] | p[256 + Int(text[i + 1])] | p[512 + Int(text[i + 2])] | p[768 + Int(text[i + 3])]
                guard v & invalidGroup == 0 else { throw invalid(text, from: i, t) }
                if o + 4 <= output.count {
                    output.storeBytes(of: (v << 8).bigEndian, toByteOffset: o, as: UInt32.self)
                } else {
                    output[o] = UInt8(truncatingIfNeeded: v >> 16)
                    output[o + 1] = UInt8(truncatingIfNeeded: v >> 8)
                    output[o + 2] = UInt8(truncatingIfNeeded: v)
                }
                i += 4
                o += 3
            }
            let a = t[Int(text[i])], b = t[Int(text[i + 1])], c = t[Int(text[i + 2])], d = t[Int(text[i + 3])]
            guard (a | b) & 0xC0 == 0 else { throw invalid(text, from: i, t) }
            if c == 0x40 {
                // "xx==": one byte; the low four bits of the second character are discarded.
                guard d == 0x40 else { throw DecodingError(.invalidValue, at: i + 3, field: "base64") }
                guard b & 0x0F == 0 else { throw DecodingError(.nonCanonical, at: i + 1, field: "base64") }
                output[o] = a << 2 | b >> 4
                return o + 1
            }
            guard c & 0xC0 == 0 else { throw DecodingError(.invalidValue, at: i + 2, field: "base64") }
            if d == 0x40 {
                // "xxx=": two bytes; the low two bits of the third character are discarded.
                guard c & 0x03 == 0 else { throw DecodingError(.nonCanonical, at: i + 2, field: "base64") }
                output[o] = a << 2 | b >> 4
                output[o + 1] = b << 4 | c >> 2
                return o + 2
            }
            guard d & 0xC0 == 0 else { throw DecodingError(.invalidValue, at: i + 3, field: "base64") }
            output[o] = a << 2 | b >> 4
            output[o + 1] = b << 4 | c >> 2
            output[o + 2] = c << 6 | d
            return o + 3
    }

    /// Decodes base64 text into a new array.
    static func decode(_ text: some Collection<UInt8>) throws(DecodingError) -> [UInt8] {
        let chars = Array(text)
        return try chars.withUnsafeBytes { raw in
            Result { () throws(DecodingError) -> [UInt8] in
                var out = [UInt8](repeating: 0, count: try decodedCount(raw))
                let written = out.withUnsafeMutableBytes { o in Result { () throws(DecodingError) -> Int in try decode(raw, into: o) } }
                _ = try written.get()
                return out
            }
        }.get()
    }

    /// The error for the first bad character of the group at `start`.
    private static func invalid(_ text: UnsafeRawBufferPointer, from start: Int, _ t: UnsafeBufferPointer<UInt8>) -> DecodingError {
        var i = start
        while i < start + 3 && t[Int(text[i])] & 0xC0 == 0 { i += 1 }
        return DecodingError(.invalidValue, at: i, field: "base64")
    }
}
