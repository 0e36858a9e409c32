import Foundation
import Kernel

/// Loads test fixtures from `Fixtures/` next to this file.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Parsed JSON of `Fixtures/<path>`.
    static func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("Fixtures/" + path)))
    }
}
