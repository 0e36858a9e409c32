import Foundation
import Kernel

/// Loads test fixtures and generated differential vectors from paths next to this file.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Parsed JSON of `Fixtures/<path>`.
    static func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("Fixtures/" + path)))
    }

    /// Parsed JSON of `Tests/Generated/<name>`, written by `scripts/gen-vectors`. Missing vectors are an
    /// error, not a skip: the test command generates them first.
    static func generated(_ name: String) throws -> [String: Any] {
        let url = directory.deletingLastPathComponent().appendingPathComponent("Generated/" + name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingVectors(path: url.path)
        }
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    struct MissingVectors: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is missing: run scripts/gen-vectors (scripts/test does)" }
    }
}

extension Array where Element == UInt8 {
    /// Bytes from hex in a fixture; a malformed fixture is a test failure at the call site.
    init(hexFixture text: String) throws { self = try Hex.decode(text) }
}

/// A small deterministic generator (SplitMix64) so random tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
