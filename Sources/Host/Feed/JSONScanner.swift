/// A strict RFC 8259 JSON scanner over bytes: validates values without building them, and reads
/// the few things the feed code needs (object members, strings, unsigned integers). Nesting is
/// limited to `maximumDepth`; every failure is a `JSONScanner.Error` with its byte offset.
struct JSONScanner {
    /// Why scanning stopped, and where (offset from the start of the scanned bytes).
    struct Error: Swift.Error, Equatable, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 128

    /// The bytes being scanned.
    let bytes: ArraySlice<UInt8>
    /// The next byte to read (an index into `bytes`).
    private(set) var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { index >= bytes.endIndex }

    /// The offset of `index` from the start, for errors.
    var offset: Int { index - bytes.startIndex }

    /// An error at the current position.
    func error(_ reason: String) -> Error { Error(offset: offset, reason: reason) }

    /// Skips spaces, tabs, line feeds and carriage returns.
    mutating func skipWhitespace() {
        while index < bytes.endIndex {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The next byte, without consuming it.
    var peek: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

    /// Consumes `byte` (after whitespace) or throws.
    mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard peek == byte else { throw error("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    /// Whether `bytes` is exactly one JSON object, optionally surrounded by whitespace.
    static func isSingleObject(_ bytes: ArraySlice<UInt8>) -> Bool {
        var scanner = JSONScanner(bytes)
        scanner.skipWhitespace()
        guard scanner.peek == UInt8(ascii: "{") else { return false }
        do { try scanner.skipValue() } catch { return false }
        scanner.skipWhitespace()
        return scanner.isAtEnd
    }

    /// Reads the members of the object starting here, calling `body` with each raw key (the bytes
    /// between the quotes, still escaped) positioned at its value. `body` must consume the value
    /// (with `skipValue` or another read).
    mutating func forEachMember(depth: Int = 0, _ body: (ArraySlice<UInt8>, inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        guard depth < Self.maximumDepth else { throw error("nested too deeply") }
        skipWhitespace()
        if peek == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipWhitespace()
            let key = try scanString()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            try body(bytes[key], &self)
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return
            default: throw error("expected ',' or '}' in object")
            }
        }
    }

    /// Reads the elements of the array starting here, calling `body` positioned at each element;
    /// `body` must consume it.
    mutating func forEachElement(depth: Int = 0, _ body: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        guard depth < Self.maximumDepth else { throw error("nested too deeply") }
        skipWhitespace()
        if peek == UInt8(ascii: "]") { index += 1; return }
        while true {
            skipWhitespace()
            try body(&self)
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return
            default: throw error("expected ',' or ']' in array")
            }
        }
    }

    /// Validates and skips one value of any kind.
    mutating func skipValue(depth: Int = 0) throws {
        skipWhitespace()
        guard let byte = peek else { throw error("expected a value") }
        switch byte {
        case UInt8(ascii: "{"):
            guard depth < Self.maximumDepth else { throw error("nested too deeply") }
            try forEachMember(depth: depth) { _, scanner in try scanner.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw error("nested too deeply") }
            try forEachElement(depth: depth) { scanner in try scanner.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try skipNumber()
        }
    }

    /// Reads an unsigned integer (digits only, no sign, fraction or exponent) that fits in 64 bits.
    mutating func scanUInt64() throws -> UInt64 {
        skipWhitespace()
        let begin = index
        var value: UInt64 = 0
        while let b = peek, b >= 0x30, b <= 0x39 {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(b - 0x30))
            guard !o1, !o2 else { throw error("integer does not fit in 64 bits") }
            value = sum
            index += 1
        }
        guard index > begin else { throw error("expected an unsigned integer") }
        guard index - begin == 1 || bytes[begin] != 0x30 else { throw Error(offset: begin - bytes.startIndex, reason: "leading zero") }
        if let b = peek, b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            throw error("expected an integer")
        }
        return value
    }

    /// Validates a string starting here and returns the range of its contents (between the
    /// quotes, escapes not yet decoded).
    mutating func scanString() throws -> Range<Int> {
        guard peek == UInt8(ascii: "\"") else { throw error("expected a string") }
        let base = bytes.startIndex
        let begin = index + 1
        // The hot loop of every frame (base64 payloads are long strings): raw pointer, local index.
        // Returns the offset after the closing quote, or -1 with `failure` set.
        var failure: StaticString = ""
        var failedAt = 0
        let end: Int = bytes.withUnsafeBufferPointer { buffer in
            var i = begin - base
            let count = buffer.count
            func fail(_ reason: StaticString) -> Int {
                failure = reason
                failedAt = i
                return -1
            }
            while i < count {
                let b = buffer[i]
                if b == UInt8(ascii: "\"") { return i + 1 }
                if b >= 0x20 && b < 0x80 && b != UInt8(ascii: "\\") {
                    i += 1
                    continue
                }
                if b == UInt8(ascii: "\\") {
                    guard i + 1 < count else { return fail("unterminated escape") }
                    switch buffer[i + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        i += 2
                    case UInt8(ascii: "u"):
                        guard i + 6 <= count, (i + 2..<i + 6).allSatisfy({ Self.hexValue(buffer[$0]) != nil }) else {
                            return fail("bad \\u escape")
                        }
                        i += 6
                    default: return fail("bad escape")
                    }
                } else if b < 0x20 {
                    return fail("control character in string")
                } else {
                    guard let next = Self.skipUTF8Sequence(buffer, at: i) else { return fail("invalid UTF-8") }
                    i = next
                }
            }
            return fail("unterminated string")
        }
        guard end >= 0 else {
            index = base + failedAt
            throw error("\(failure)")
        }
        index = base + end
        return begin..<(index - 1)
    }

    /// The decoded UTF-8 bytes of a string's raw contents (as returned by `scanString`).
    static func decodeString(_ raw: ArraySlice<UInt8>) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = raw.startIndex
        func fail(_ reason: String) -> Error { Error(offset: i - raw.startIndex, reason: reason) }
        func hex4(at j: Int) throws -> UInt32 {
            guard j + 4 <= raw.endIndex else { throw fail("short \\u escape") }
            var v: UInt32 = 0
            for k in j..<(j + 4) {
                guard let h = hexValue(raw[k]) else { throw fail("bad \\u escape") }
                v = v << 4 | UInt32(h)
            }
            return v
        }
        while i < raw.endIndex {
            let b = raw[i]
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < raw.endIndex else { throw fail("unterminated escape") }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: i)
                i += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    guard i + 1 < raw.endIndex, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u") else {
                        throw fail("lone surrogate")
                    }
                    let low = try hex4(at: i + 2)
                    guard (0xDC00..<0xE000).contains(low) else { throw fail("lone surrogate") }
                    i += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw fail("lone surrogate")
                }
                guard let s = Unicode.Scalar(scalar) else { throw fail("bad scalar") }
                UTF8.encode(s) { out.append($0) }
            default: throw fail("bad escape")
            }
        }
        return out
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard bytes.endIndex - index >= count else { throw error("bad literal") }
        let matches = word.withUTF8Buffer { w in (0..<count).allSatisfy { bytes[index + $0] == w[$0] } }
        guard matches else { throw error("bad literal") }
        index += count
    }

    private mutating func skipNumber() throws {
        func digits() -> Int {
            let begin = index
            while let b = peek, b >= 0x30, b <= 0x39 { index += 1 }
            return index - begin
        }
        if peek == UInt8(ascii: "-") { index += 1 }
        if peek == 0x30 {
            index += 1
        } else {
            guard let b = peek, b >= 0x31, b <= 0x39 else { throw error("expected a value") }
            _ = digits()
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("bad fraction") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("bad exponent") }
        }
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }

    /// The index after the well-formed UTF-8 sequence starting at `i` (a byte ≥ 0x80), or nil.
    private static func skipUTF8Sequence(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let lead = bytes[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard bytes.count - i >= length else { return nil }
        let second = bytes[i + 1]
        guard second >= low, second <= high else { return nil }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return nil }
        return i + length
    }
}
