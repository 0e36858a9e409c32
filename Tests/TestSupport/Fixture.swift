import Foundation

/// Loads a test target's fixtures and the generated differential vectors. The target is the one
/// whose test file calls: `testFile` defaults to the caller's `#filePath`, and its folder holds
/// `Fixtures/`; the generated vectors are in `Tests/Generated/`, beside it.
public enum Fixture {
    /// The `Fixtures/` folder of the calling test target.
    public static func directory(testFile: String = #filePath) -> URL {
        URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// The bytes of `Fixtures/<name>` of the calling test target.
    public static func data(_ name: String, testFile: String = #filePath) throws -> Data {
        try Data(contentsOf: directory(testFile: testFile).appendingPathComponent(name))
    }

    /// The JSON value of any shape in `Fixtures/<name>` of the calling test target.
    public static func value(_ name: String, testFile: String = #filePath) throws -> Any {
        try JSONSerialization.jsonObject(with: data(name, testFile: testFile))
    }

    /// The JSON object in `Fixtures/<name>` of the calling test target.
    public static func json(_ name: String, testFile: String = #filePath) throws -> [String: Any] {
        try object(value(name, testFile: testFile), name)
    }

    /// Each line of `Fixtures/<name>` of the calling test target, a JSON object.
    public static func jsonLines(_ name: String, testFile: String = #filePath) throws -> [[String: Any]] {
        let lines = String(decoding: try data(name, testFile: testFile), as: UTF8.self).split(separator: "\n")
        return try lines.map { try object(JSONSerialization.jsonObject(with: Data($0.utf8)), name) }
    }

    /// The JSON object in `Tests/Generated/<name>`, written by `scripts/gen-vectors`. Missing
    /// vectors are an error, not a skip: the test command generates them first.
    public static func generated(_ name: String, testFile: String = #filePath) throws -> [String: Any] {
        let directory = URL(fileURLWithPath: testFile).deletingLastPathComponent().deletingLastPathComponent()
        let url = directory.appendingPathComponent("Generated/" + name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingVectors(path: url.path) }
        return try object(JSONSerialization.jsonObject(with: Data(contentsOf: url)), name)
    }

    private static func object(_ value: Any, _ name: String) throws -> [String: Any] {
        guard let object = value as? [String: Any] else { throw FixtureError("\(name) is not a JSON object") }
        return object
    }

    /// Vectors that `scripts/gen-vectors` has not written.
    public struct MissingVectors: Error, CustomStringConvertible {
        /// Where the vectors should be.
        public let path: String
        /// What is missing and how to make it.
        public var description: String { "\(path) is missing: run scripts/gen-vectors (scripts/test does)" }
    }
}

/// A fixture that does not have the shape a test expects.
public struct FixtureError: Error, CustomStringConvertible {
    /// What is wrong, with the field or file.
    public let description: String
    /// An error that says `description`.
    public init(_ description: String) { self.description = description }
}
