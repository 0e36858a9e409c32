/// Writing JSON text: compact, members in order, strings escaped per RFC 8259. This is the
/// project's one JSON string escaping; the host's line writer uses it too.
extension JSONValue {
    /// The value as compact JSON text.
    public var rendered: String {
        var text = ""
        render(into: &text)
        return text
    }

    /// Appends the value as compact JSON text to `text`.
    public func render(into text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let literal): text += literal
        case .string(let value): JSONValue.appendQuoted(value, to: &text)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                element.render(into: &text)
            }
            text += "]"
        case .object(let object): object.render(into: &text)
        }
    }

    /// Appends `s` as a JSON string literal, quotes included: `"` and `\` escaped, the control
    /// characters as `\n`, `\r`, `\t` or `\u00XX`, everything else as itself.
    public static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension JSONObject {
    /// The object as compact JSON text.
    public var rendered: String {
        var text = ""
        render(into: &text)
        return text
    }

    /// Appends the object as compact JSON text to `text`.
    public func render(into text: inout String) {
        text += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { text += "," }
            JSONValue.appendQuoted(member.key, to: &text)
            text += ":"
            member.value.render(into: &text)
        }
        text += "}"
    }
}
