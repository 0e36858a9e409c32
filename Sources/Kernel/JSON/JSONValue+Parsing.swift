/// Reading JSON text into a tree with the project's one scanner: RFC 8259 syntax, well-formed
/// UTF-8, at most `JSONScanner.maxDepth` levels, nothing after the value but white space.
extension JSONValue {
    /// The value `text` holds; `JSONError` (`syntax`, `tooDeep`) with the offset of the first byte that is not JSON.
    public static func parse(_ text: some Collection<UInt8>) throws(JSONError) -> JSONValue {
        let bytes = Array(text)
        let outcome = bytes.withUnsafeBytes { (buffer) -> Result<JSONValue, JSONError> in
            var scanner = JSONScanner(buffer, validatesUTF8: true)
            do throws(JSONError) {
                let value = try scanner.treeValue()
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { throw scanner.syntax(scanner.position) }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let value): return value
        case .failure(let error): throw error
        }
    }

    /// The value `line` holds (a line of text, as commands read them).
    public static func parse(line: String) throws(JSONError) -> JSONValue {
        try parse(Array(line.utf8))
    }
}

extension JSONScanner {
    /// Reads one value of any type as a tree.
    mutating func treeValue() throws(JSONError) -> JSONValue {
        guard let c = peek() else { throw syntax(position) }
        switch c {
        case UInt8(ascii: "{"):
            try open(c)
            var object = JSONObject()
            var first = true
            while let key = try nextKey(&first) {
                object.append(text(of: key), try treeValue())
            }
            return .object(object)
        case UInt8(ascii: "["):
            try open(c)
            var elements: [JSONValue] = []
            var first = true
            while try nextElement(&first) { elements.append(try treeValue()) }
            return .array(elements)
        case UInt8(ascii: "\""):
            return .string(text(of: try string()))
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            let number = try self.number()
            return .number(String(decoding: UnsafeRawBufferPointer(rebasing: buf[number.start..<number.end]), as: UTF8.self))
        }
    }

    /// A string token's contents as a Swift string, escapes resolved.
    func text(of token: JSONString) -> String {
        if token.hasEscapes { return String(decoding: unescaped(token), as: UTF8.self) }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buf[token.start..<token.end]), as: UTF8.self)
    }
}
