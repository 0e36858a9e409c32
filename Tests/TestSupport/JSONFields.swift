import Foundation
import Kernel

/// Typed reads of a fixture's JSON fields; a missing or malformed field is a `FixtureError`.
extension Dictionary where Key == String, Value == Any {
    /// The string at `key`.
    public func string(_ key: String) throws -> String {
        guard let value = self[key] as? String else { throw FixtureError("field \(key) is not a string") }
        return value
    }

    /// The list of objects at `key`.
    public func objects(_ key: String) throws -> [[String: Any]] {
        guard let value = self[key] as? [[String: Any]] else { throw FixtureError("field \(key) is not a list of objects") }
        return value
    }

    /// The object at `key`.
    public func object(_ key: String) throws -> [String: Any] {
        guard let value = self[key] as? [String: Any] else { throw FixtureError("field \(key) is not an object") }
        return value
    }

    /// The `0x`-hex address at `key`.
    public func address(_ key: String) throws -> Address { try Address(hex: string(key)) }

    /// An address, or nil for JSON null.
    public func optionalAddress(_ key: String) throws -> Address? { self[key] is NSNull ? nil : try address(key) }

    /// A decimal `UInt256`.
    public func decimal(_ key: String) throws -> UInt256 {
        guard let value = UInt256(decimal: try string(key)) else { throw FixtureError("field \(key) is not a decimal") }
        return value
    }

    /// A decimal `UInt256`, or nil for JSON null.
    public func optionalDecimal(_ key: String) throws -> UInt256? { self[key] is NSNull ? nil : try decimal(key) }

    /// The `0x`-hex bytes at `key`.
    public func bytes(_ key: String) throws -> [UInt8] { try Hex.decode(string(key)) }
}

extension Array where Element == UInt8 {
    /// Bytes from `0x`-hex in a fixture; malformed hex is an error at the call site.
    public init(hexFixture text: String) throws { self = try Hex.decode(text) }
}
