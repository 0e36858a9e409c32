/// A string token: the bytes between its quotes, and whether they hold escapes.
package struct JSONString {
    /// Offset of the first byte after the opening quote.
    package var start: Int
    /// Offset of the closing quote.
    package var end: Int
    /// True when the string contains a backslash escape (the slow path unescapes it).
    package var hasEscapes: Bool

    /// The number of raw bytes between the quotes.
    package var count: Int { end - start }
}

/// A number token: its extent, its sign, whether it is an integer, and where its integer digits are.
package struct JSONNumber {
    /// Offset of its first byte (the minus sign or the first digit).
    package var start: Int
    /// Offset just past its last byte.
    package var end: Int
    /// True when it starts with a minus sign.
    package var isNegative: Bool
    /// True when the number has neither a fraction nor an exponent.
    package var isInteger: Bool
    /// The integer part's digits (after any minus sign).
    package var digits: Range<Int>
}

/// A validating JSON tokenizer over bytes (RFC 8259 syntax; Foundation-free).
///
/// It reads values in place and never builds a tree: callers walk objects key by key and skip
/// the values they do not need. Every syntax error throws a `JSONError` (`syntax`, `tooDeep`,
/// or `invalidUTF8`) with the offset of the offending byte. Strings are checked to be UTF-8 only
/// when asked (`validatesUTF8`); without it, bytes of 0x80 and above pass through strings
/// unexamined, and the string loop is the same as if the option did not exist.
package struct JSONScanner {
    /// The default limit on nesting: the deepest nesting of objects and arrays accepted.
    package static let maxDepth = 64

    /// The bytes being scanned; offsets count from their start.
    package let buf: UnsafeRawBufferPointer
    /// Whether strings must be well-formed UTF-8 (RFC 3629: no overlongs, surrogates or values past U+10FFFF).
    package let validatesUTF8: Bool
    /// The deepest nesting of objects and arrays accepted.
    package let depthLimit: Int
    /// Offset of the next unread byte.
    package var position: Int = 0
    /// Objects and arrays currently open.
    package var depth: Int = 0

    /// A scanner at the start of `buf`.
    package init(_ buf: UnsafeRawBufferPointer, validatesUTF8: Bool = false, depthLimit: Int = JSONScanner.maxDepth) {
        self.buf = buf
        self.validatesUTF8 = validatesUTF8
        self.depthLimit = depthLimit
    }

    /// True when every byte has been read.
    package var isAtEnd: Bool { position >= buf.count }

    func syntax(_ at: Int) -> JSONError { JSONError(.syntax, at: at) }

    /// Moves past spaces, tabs, carriage returns and line feeds.
    @inline(__always)
    package mutating func skipWhitespace() {
        while position < buf.count {
            let c = buf[position]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            position += 1
        }
    }

    /// The next byte after whitespace, without consuming it; nil at the end of the input.
    @inline(__always)
    package mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < buf.count ? buf[position] : nil
    }

    /// Consumes `byte` after whitespace or throws.
    @inline(__always)
    package mutating func expect(_ byte: UInt8) throws(JSONError) {
        guard peek() == byte else { throw syntax(position) }
        position += 1
    }

    // MARK: Objects and arrays

    /// Consumes `{` or `[` and counts the nesting.
    package mutating func open(_ byte: UInt8) throws(JSONError) {
        try expect(byte)
        depth += 1
        guard depth <= depthLimit else { throw JSONError(.tooDeep, at: position - 1) }
    }

    /// In an object just opened (`first` true) or after a member value: consumes `,` and the
    /// next key with its `:`, or the closing `}` (then returns nil).
    package mutating func nextKey(_ first: inout Bool) throws(JSONError) -> JSONString? {
        guard let c = peek() else { throw syntax(position) }
        if c == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return nil
        }
        if first {
            first = false
        } else {
            guard c == UInt8(ascii: ",") else { throw syntax(position) }
            position += 1
            guard peek() == UInt8(ascii: "\"") else { throw syntax(position) }
        }
        guard buf[position] == UInt8(ascii: "\"") else { throw syntax(position) }
        let key = try string()
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// In an array just opened (`first` true) or after an element: consumes `,` or the closing
    /// `]`; returns false at the end of the array.
    package mutating func nextElement(_ first: inout Bool) throws(JSONError) -> Bool {
        guard let c = peek() else { throw syntax(position) }
        if c == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return false
        }
        if first {
            first = false
            return true
        }
        guard c == UInt8(ascii: ",") else { throw syntax(position) }
        position += 1
        return true
    }

    // MARK: Scalars

    /// Reads a string starting at the current `"`; with `validatesUTF8`, checks its bytes are UTF-8.
    package mutating func string() throws(JSONError) -> JSONString {
        guard position < buf.count, buf[position] == UInt8(ascii: "\"") else { throw syntax(position) }
        let start = position + 1
        var i = start
        var escapes = false
        let n = buf.count
        while true {
            // One test of the flag per run of plain bytes; each branch is its own specialised loop.
            i = validatesUTF8 ? plainRun(from: i, stopsAtNonASCII: true) : plainRun(from: i, stopsAtNonASCII: false)
            guard i < n else { throw syntax(n) }
            let c = buf[i]
            if c == UInt8(ascii: "\"") {
                position = i + 1
                return JSONString(start: start, end: i, hasEscapes: escapes)
            }
            if c == UInt8(ascii: "\\") {
                escapes = true
                i = try escape(at: i)
            } else if c < 0x20 {
                throw syntax(i)
            } else if c >= 0x80 && validatesUTF8 {
                i = try utf8Sequence(at: i)
            } else {
                i += 1
            }
        }
    }

    /// The offset of the first byte from `i` on that the string loop must look at, found eight
    /// bytes at a time: a quote, a backslash, a control character, or (when `stopsAtNonASCII`) a
    /// byte of 0x80 or above. Stops short of the last seven bytes, which the caller takes one by one.
    @inline(__always)
    private func plainRun(from i: Int, stopsAtNonASCII: Bool) -> Int {
        var i = i
        let n = buf.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let v = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let q = v ^ 0x2222_2222_2222_2222
            let b = v ^ 0x5C5C_5C5C_5C5C_5C5C
            // The lowest flagged byte is the first hit (the zero-byte test has no false positives
            // below a true hit); a set high bit flags itself exactly.
            var special = (q &- ones) & ~q | (b &- ones) & ~b | (v &- 0x2020_2020_2020_2020) & ~v
            if stopsAtNonASCII { special |= v }
            special &= highBits
            if special != 0 { return i + special.trailingZeroBitCount >> 3 }
            i += 8
        }
        return i
    }

    /// The offset after the well-formed UTF-8 sequence whose lead byte (0x80 or above) is at `i`.
    private func utf8Sequence(at i: Int) throws(JSONError) -> Int {
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch buf[i] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0  // no overlong forms
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F  // no surrogates
        case 0xF0: length = 4; low = 0x90  // no overlong forms
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F  // nothing past U+10FFFF
        default: throw JSONError(.invalidUTF8, at: i)
        }
        guard buf.count - i >= length, buf[i + 1] >= low, buf[i + 1] <= high else { throw JSONError(.invalidUTF8, at: i) }
        for k in 2..<length where buf[i + k] & 0xC0 != 0x80 { throw JSONError(.invalidUTF8, at: i) }
        return i + length
    }

    /// Validates the escape at `i` (a backslash) and returns the offset after it.
    private func escape(at i: Int) throws(JSONError) -> Int {
        guard i + 1 < buf.count else { throw syntax(buf.count) }
        switch buf[i + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return i + 2
        case UInt8(ascii: "u"):
            guard i + 6 <= buf.count else { throw syntax(buf.count) }
            for k in (i + 2)..<(i + 6) where Hex.nibble(buf[k]) == nil { throw syntax(k) }
            return i + 6
        default:
            throw syntax(i + 1)
        }
    }

    /// Reads a number at the current position, validating its grammar.
    package mutating func number() throws(JSONError) -> JSONNumber {
        let start = position
        var i = position
        let n = buf.count
        var negative = false
        if i < n, buf[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let digitsStart = i
        guard i < n, isDigit(buf[i]) else { throw syntax(i) }
        if buf[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while i < n, isDigit(buf[i]) { i += 1 }
        }
        let digits = digitsStart..<i
        var integer = true
        if i < n, buf[i] == UInt8(ascii: ".") {
            integer = false
            i += 1
            guard i < n, isDigit(buf[i]) else { throw syntax(i) }
            while i < n, isDigit(buf[i]) { i += 1 }
        }
        if i < n, buf[i] | 0x20 == UInt8(ascii: "e") {
            integer = false
            i += 1
            if i < n, buf[i] == UInt8(ascii: "+") || buf[i] == UInt8(ascii: "-") { i += 1 }
            guard i < n, isDigit(buf[i]) else { throw syntax(i) }
            while i < n, isDigit(buf[i]) { i += 1 }
        }
        position = i
        return JSONNumber(start: start, end: i, isNegative: negative, isInteger: integer, digits: digits)
    }

    @inline(__always)
    func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    /// Consumes the literal `word` (`null`, `true`, `false`) at the current position.
    package mutating func literal(_ word: StaticString) throws(JSONError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= buf.count else { throw syntax(position) }
        let p = word.utf8Start
        for k in 0..<count where buf[position + k] != p[k] { throw syntax(position + k) }
        position += count
    }

    /// Consumes `null` if it comes next; returns whether it did.
    package mutating func skipNull() throws(JSONError) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    // MARK: Skipping

    /// Consumes one value of any type, checking its syntax.
    package mutating func skipValue() throws(JSONError) {
        guard let c = peek() else { throw syntax(position) }
        switch c {
        case UInt8(ascii: "{"):
            try open(c)
            var first = true
            while try nextKey(&first) != nil { try skipValue() }
        case UInt8(ascii: "["):
            try open(c)
            var first = true
            while try nextElement(&first) { try skipValue() }
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "t"):
            try literal("true")
        case UInt8(ascii: "f"):
            try literal("false")
        case UInt8(ascii: "n"):
            try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try number()
        default:
            throw syntax(position)
        }
    }

    // MARK: String contents

    /// True when the string's contents equal `key` (after unescaping, if it has escapes).
    @inline(__always)
    package func matches(_ s: JSONString, _ key: StaticString) -> Bool {
        let count = key.utf8CodeUnitCount
        if s.hasEscapes { return unescaped(s).elementsEqual(UnsafeBufferPointer(start: key.utf8Start, count: count)) }
        guard s.count == count else { return false }
        let p = UnsafeRawPointer(key.utf8Start)
        var k = 0
        while k + 8 <= count {
            guard buf.loadUnaligned(fromByteOffset: s.start + k, as: UInt64.self) == p.loadUnaligned(fromByteOffset: k, as: UInt64.self) else {
                return false
            }
            k += 8
        }
        while k < count {
            guard buf[s.start + k] == p.load(fromByteOffset: k, as: UInt8.self) else { return false }
            k += 1
        }
        return true
    }

    /// The string's contents with escapes resolved to UTF-8 (lone surrogates become U+FFFD, as
    /// Go's decoder does). Only for strings with escapes; the scanner has validated them.
    package func unescaped(_ s: JSONString) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.start
        while i < s.end {
            let c = buf[i]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                i += 1
                continue
            }
            let e = buf[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(at: i)
                i += 4
                if scalar & 0xFC00 == 0xD800, i + 6 <= s.end, buf[i] == UInt8(ascii: "\\"), buf[i + 1] == UInt8(ascii: "u") {
                    let low = hex4(at: i + 2)
                    if low & 0xFC00 == 0xDC00 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &out)
            default: out.append(e)
            }
        }
        return out
    }

    private func hex4(at i: Int) -> UInt32 {
        var v: UInt32 = 0
        for k in i..<(i + 4) { v = v << 4 | UInt32(Hex.nibble(buf[k]) ?? 0) }
        return v
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(contentsOf: String(Character(scalar)).utf8)
    }
}
