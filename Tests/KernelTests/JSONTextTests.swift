import Foundation
import Kernel
import Testing

/// Writing JSON text (`JSONValue.rendered`, `appendQuoted`): the escapes RFC 8259 requires, and
/// every string read back unchanged by Foundation's JSON parser, an independent reader.
@Suite struct JSONTextTests {
    @Test func escapesQuotesBackslashesAndControlCharacters() {
        let text = "a\"b\\c\nd\re\tf\u{01}g\u{1F}h\u{7F}é€😀"
        #expect(JSONValue.string(text).rendered == #""a\"b\\c\nd\re\tf\u0001g\u001fh"# + "\u{7F}é€😀\"")
        #expect(JSONValue.string("").rendered == #""""#)
        #expect(JSONValue.string("plain").rendered == #""plain""#)
    }

    @Test func objectsAndArraysKeepTheirOrder() {
        var inner = JSONObject()
        inner.append("k\"ey", string: "v")
        var object = JSONObject()
        object.append("z", .integer(-3))
        object.append("a", .array([.null, .bool(true), .bool(false), .object(inner), .number("1.5e3")]))
        #expect(object.rendered == #"{"z":-3,"a":[null,true,false,{"k\"ey":"v"},1.5e3]}"#)
    }

    /// Random strings over every kind of character (ASCII, control, quote, backslash, two-,
    /// three- and four-byte scalars), native and bridged, read back by `JSONSerialization`.
    @Test func everyStringReadsBackUnchanged() throws {
        var rng = SplitMix64(seed: 0x15_0A)
        let ranges: [ClosedRange<UInt32>] = [0x00...0x1F, 0x20...0x7F, 0x22...0x22, 0x5C...0x5C, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
        for round in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                let range = ranges[Int.random(in: 0..<ranges.count, using: &rng)]
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { text.unicodeScalars.append(scalar) }
            }
            // Every other string is a substring's copy, to take the non-native paths too.
            let value = round.isMultiple(of: 2) ? text : String(Substring("x" + text).dropFirst())
            let rendered = JSONValue.array([.string(value)]).rendered
            let parsed = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String]
            #expect(parsed == [value], "round \(round): \(rendered)")
        }
    }
}
