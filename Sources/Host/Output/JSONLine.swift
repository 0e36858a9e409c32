import Kernel

/// One JSON object written key by key in a fixed order, so each command's output format is
/// stable and byte-for-byte predictable. Values are strings, numbers, booleans, null, nested
/// objects or arrays of objects; strings are escaped by Kernel's `JSONValue.appendQuoted`.
struct JSONLine {
    private var text: [UInt8] = [UInt8(ascii: "{")]
    private var isEmpty = true

    /// Adds `"key": "value"`.
    mutating func string(_ key: String, _ value: String) {
        field(key)
        JSONValue.appendQuoted(value, to: &text)
    }

    /// Adds `"key": "value"` or `"key": null`.
    mutating func optionalString(_ key: String, _ value: String?) {
        if let value { string(key, value) } else { null(key) }
    }

    /// Adds `"key": number`.
    mutating func number(_ key: String, _ value: some BinaryInteger) {
        field(key)
        text.append(contentsOf: String(value).utf8)
    }

    /// Adds `"key": number` or `"key": null`.
    mutating func optionalNumber(_ key: String, _ value: (some BinaryInteger)?) {
        if let value { number(key, value) } else { null(key) }
    }

    /// Adds `"key": true` or `"key": false`.
    mutating func bool(_ key: String, _ value: Bool) {
        field(key)
        text.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Adds `"key": null`.
    mutating func null(_ key: String) {
        field(key)
        text.append(contentsOf: "null".utf8)
    }

    /// Adds `"key": {...}`.
    mutating func object(_ key: String, _ value: JSONLine) {
        field(key)
        text += value.closed
    }

    /// Adds `"key": ["...",...]`.
    mutating func strings(_ key: String, _ values: [String]) {
        field(key)
        text.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            JSONValue.appendQuoted(value, to: &text)
        }
        text.append(UInt8(ascii: "]"))
    }

    /// Adds `"key": [{...},...]`.
    mutating func array(_ key: String, _ values: [JSONLine]) {
        field(key)
        text.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            text += value.closed
        }
        text.append(UInt8(ascii: "]"))
    }

    /// The finished object.
    var rendered: String { String(decoding: closed, as: UTF8.self) }

    /// The finished object's UTF-8 text.
    private var closed: [UInt8] {
        var finished = text
        finished.append(UInt8(ascii: "}"))
        return finished
    }

    private mutating func field(_ key: String) {
        if !isEmpty { text.append(UInt8(ascii: ",")) }
        isEmpty = false
        JSONValue.appendQuoted(key, to: &text)
        text.append(UInt8(ascii: ":"))
    }
}
