import Foundation
import Kernel

/// Loads this target's fixtures and the generated differential vectors, by paths next to this file.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Parsed JSON of `Fixtures/<name>`.
    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("Fixtures/" + name))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Parsed JSON of `Tests/Generated/<name>`, written by `scripts/gen-vectors`. Missing vectors are
    /// an error, not a skip: the test command generates them first.
    static func generated(_ name: String) throws -> [String: Any] {
        let url = directory.deletingLastPathComponent().appendingPathComponent("Generated/" + name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingVectors(path: url.path) }
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    struct MissingVectors: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is missing: run scripts/gen-vectors (scripts/test does)" }
    }
}

/// A fixture value that is not what the test expects.
struct BadFixture: Error, CustomStringConvertible {
    let description: String
}

extension Dictionary where Key == String, Value == Any {
    /// The string at `key`, or a `BadFixture` error.
    func string(_ key: String) throws -> String {
        guard let value = self[key] as? String else { throw BadFixture(description: "no string \(key) in \(self)") }
        return value
    }

    /// The address at `key`.
    func address(_ key: String) throws -> Address { try Address(hex: try string(key)) }

    /// The decimal unsigned integer at `key`.
    func uint(_ key: String) throws -> UInt256 {
        guard let value = UInt256(decimal: try string(key)) else { throw BadFixture(description: "\(key) is not a decimal") }
        return value
    }

    /// The object array at `key`.
    func objects(_ key: String) throws -> [[String: Any]] {
        guard let value = self[key] as? [[String: Any]] else { throw BadFixture(description: "no array \(key)") }
        return value
    }
}

extension Array where Element == UInt8 {
    /// Bytes from `0x`-hex in a fixture.
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
