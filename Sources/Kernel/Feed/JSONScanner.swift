/// A string token in the frame: the bytes between its quotes, and whether they hold escapes.
struct JSONString {
    /// Offset of the first byte after the opening quote.
    var start: Int
    /// Offset of the closing quote.
    var end: Int
    /// True when the string contains a backslash escape (the slow path unescapes it).
    var hasEscapes: Bool

    var count: Int { end - start }
}

/// A number token: its extent, its sign, whether it is an integer, and where its integer digits are.
struct JSONNumber {
    var start: Int
    var end: Int
    var isNegative: Bool
    /// True when the number has neither a fraction nor an exponent.
    var isInteger: Bool
    /// The integer part's digits (after any minus sign).
    var digits: Range<Int>
}

/// A validating JSON tokenizer over the frame's bytes (RFC 8259 syntax; Foundation-free).
///
/// It reads values in place and never builds a tree: callers walk objects key by key and skip
/// the values they do not need. Every syntax error throws `FeedError.invalidJSON` (or
/// `jsonTooDeep`) with the offset of the offending byte.
struct JSONScanner {
    /// The deepest nesting of objects and arrays accepted anywhere in a frame.
    static let maxDepth = 64

    let buf: UnsafeRawBufferPointer
    /// Offset of the next unread byte.
    var position: Int = 0
    /// Objects and arrays currently open.
    var depth: Int = 0

    init(_ buf: UnsafeRawBufferPointer) { self.buf = buf }

    var isAtEnd: Bool { position >= buf.count }

    func syntax(_ at: Int) -> FeedError { FeedError(.invalidJSON, at: at) }

    /// Moves past spaces, tabs, carriage returns and line feeds.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < buf.count {
            let c = buf[position]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            position += 1
        }
    }

    /// The next byte after whitespace, without consuming it; nil at the end of the input.
    @inline(__always)
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < buf.count ? buf[position] : nil
    }

    /// Consumes `byte` after whitespace or throws.
    @inline(__always)
    mutating func expect(_ byte: UInt8) throws(FeedError) {
        guard peek() == byte else { throw syntax(position) }
        position += 1
    }

    // MARK: Objects and arrays

    /// Consumes `{` or `[` and counts the nesting.
    mutating func open(_ byte: UInt8) throws(FeedError) {
        try expect(byte)
        depth += 1
        guard depth <= Self.maxDepth else { throw FeedError(.jsonTooDeep, at: position - 1) }
    }

    /// In an object just opened (`first` true) or after a member value: consumes `,` and the
    /// next key with its `:`, or the closing `}` (then returns nil).
    mutating func nextKey(_ first: inout Bool) throws(FeedError) -> JSONString? {
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
    mutating func nextElement(_ first: inout Bool) throws(FeedError) -> Bool {
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

    /// Reads a string starting at the current `"`.
    mutating func string() throws(FeedError) -> JSONString {
        guard position < buf.count, buf[position] == UInt8(ascii: "\"") else { throw syntax(position) }
        let start = position + 1
        var i = start
        var escapes = false
        let n = buf.count
        while true {
            // Eight bytes at a time: the lowest flagged byte is the first quote, backslash or
            // control character (the zero-byte test has no false positives below a true hit).
            while i + 8 <= n {
                let v = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let q = v ^ 0x2222_2222_2222_2222
                let b = v ^ 0x5C5C_5C5C_5C5C_5C5C
                let ones: UInt64 = 0x0101_0101_0101_0101
                let special = ((q &- ones) & ~q | (b &- ones) & ~b | (v &- 0x2020_2020_2020_2020) & ~v) & 0x8080_8080_8080_8080
                if special != 0 {
                    i += special.trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            guard i < n else { throw syntax(n) }
            let c = buf[i]
            if c == UInt8(ascii: "\"") {
                position = i + 1
                return JSONString(start: start, end: i, hasEscapes: escapes)
            }
            if c == UInt8(ascii: "\\") {
                escapes = true
                i = try escape(at: i)
            } else {
                guard c >= 0x20 else { throw syntax(i) }
                i += 1
            }
        }
    }

    /// Validates the escape at `i` (a backslash) and returns the offset after it.
    private func escape(at i: Int) throws(FeedError) -> Int {
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
    mutating func number() throws(FeedError) -> JSONNumber {
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
    mutating func literal(_ word: StaticString) throws(FeedError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= buf.count else { throw syntax(position) }
        let p = word.utf8Start
        for k in 0..<count where buf[position + k] != p[k] { throw syntax(position + k) }
        position += count
    }

    /// Consumes `null` if it comes next; returns whether it did.
    mutating func skipNull() throws(FeedError) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    // MARK: Skipping

    /// Consumes one value of any type, checking its syntax.
    mutating func skipValue() throws(FeedError) {
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
    func matches(_ s: JSONString, _ key: StaticString) -> Bool {
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
    func unescaped(_ s: JSONString) -> [UInt8] {
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
