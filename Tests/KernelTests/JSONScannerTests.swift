import Kernel
import Testing

/// The general JSON scanner on its own: the UTF-8 option, the nesting limit, its error type.
@Suite struct JSONScannerTests {
    /// Scans one string token from the start of `bytes`.
    static func string(_ bytes: [UInt8], validatesUTF8: Bool) -> Result<JSONString, JSONError> {
        bytes.withUnsafeBytes { buf in
            Result { () throws(JSONError) in
                var scanner = JSONScanner(buf, validatesUTF8: validatesUTF8)
                return try scanner.string()
            }
        }
    }

    /// String contents made of valid scalars, then sometimes broken: a byte replaced, dropped or
    /// inserted. Quotes, backslashes and control characters are left out (they are not UTF-8 matters).
    static func contents(using rng: inout SplitMix64) -> [UInt8] {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
            var scalar: Unicode.Scalar = "a"
            if let s = Unicode.Scalar(UInt32.random(in: ranges.randomElement(using: &rng) ?? 0x20...0x7E, using: &rng)) { scalar = s }
            if scalar == "\"" || scalar == "\\" { scalar = "x" }
            bytes.append(contentsOf: String(scalar).utf8)
        }
        guard !bytes.isEmpty else { return bytes }
        let at = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: bytes[at] = UInt8.random(in: 0x80...0xFF, using: &rng)
        case 1: bytes.remove(at: at)
        case 2: bytes.insert(UInt8.random(in: 0x80...0xFF, using: &rng), at: at)
        default: break
        }
        return bytes
    }

    /// With the option, a string is accepted exactly when the standard library's UTF-8 decoder
    /// accepts its contents; without it, every such string is accepted. Lengths cover both the
    /// eight-byte runs and the byte-by-byte tail.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        var rng = SplitMix64(seed: 0x07F8)
        var rejected = 0
        for _ in 0..<20_000 {
            let contents = Self.contents(using: &rng)
            let token = [0x22] + contents + [0x22]
            let valid = String(validating: contents, as: UTF8.self) != nil
            let checked = Self.string(token, validatesUTF8: true)
            if case .success(let s) = checked {
                #expect(valid && s.start == 1 && s.end == token.count - 1, "\(contents)")
            } else {
                #expect(!valid, "\(contents)")
                rejected += 1
            }
            guard case .success = Self.string(token, validatesUTF8: false) else {
                Issue.record("refused without validation: \(contents)")
                continue
            }
        }
        #expect(rejected > 2_000)
    }

    /// Each ill-formed sequence is refused at its lead byte, in a run (after nine ASCII bytes) and in the tail.
    @Test func illFormedSequencesAreRefusedAtTheirLeadByte() {
        let bad: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x82], [0xC3, 0x41],
        ]
        for sequence in bad {
            for prefix in [[UInt8](), Array("abcdefghi".utf8)] {
                let token = [0x22] + prefix + sequence + Array("ok".utf8) + [0x22]
                guard case .failure(let error) = Self.string(token, validatesUTF8: true) else {
                    Issue.record("accepted: \(sequence)")
                    continue
                }
                #expect(error == JSONError(.invalidUTF8, at: 1 + prefix.count), "\(sequence)")
            }
        }
        let good = Array("\"é€𐍈\u{10FFFF}\u{FFFD}\"".utf8)
        let scanned = try? Self.string(good, validatesUTF8: true).get()
        #expect(scanned?.start == 1 && scanned?.end == good.count - 1)
    }

    /// Nesting is counted against the scanner's limit, 64 unless given.
    @Test func theNestingLimitIsAParameter() {
        func skip(_ text: String, depthLimit: Int = JSONScanner.maxDepth) -> JSONError? {
            Array(text.utf8).withUnsafeBytes { buf in
                var scanner = JSONScanner(buf, depthLimit: depthLimit)
                do throws(JSONError) {
                    try scanner.skipValue()
                    return nil
                } catch {
                    return error
                }
            }
        }
        #expect(skip("[[[]]]", depthLimit: 3) == nil)
        #expect(skip("[[[]]]", depthLimit: 2) == JSONError(.tooDeep, at: 2))
        #expect(skip(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) == nil)
        #expect(skip(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)) == JSONError(.tooDeep, at: 64))
        #expect(JSONError(.invalidUTF8, at: 7).description == "invalidUTF8 at byte 7")
    }
}
