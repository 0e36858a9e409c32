import Kernel

// The hex encodings of Ethereum's JSON-RPC (quantities, data, hashes), as typed reads that name
// the field of a malformed value, and the renderings of what the client sends.

extension JSONRead where Value == UInt64 {
    /// A quantity: `0x` and 1 to 16 significant hex digits (a block number, a timestamp, an
    /// index); anything beyond 64 bits is refused as absurd.
    static var hexQuantity: Self {
        Self { (value, place) throws(JSONFieldError) in
            let text = try value.string(at: place)
            let digits = text.dropFirst(2)
            guard text.hasPrefix("0x"), !digits.isEmpty, digits.utf8.allSatisfy(Self.isHexDigit) else {
                throw JSONFieldError(field: place, message: "expected a 0x-prefixed hex quantity, got \"\(text.prefix(80))\"")
            }
            guard let quantity = UInt64(digits, radix: 16) else {
                throw JSONFieldError(field: place, message: "hex quantity beyond 64 bits")
            }
            return quantity
        }
    }

    /// Whether `c` is an ASCII hex digit.
    private static func isHexDigit(_ c: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c | 0x20)
    }
}

extension JSONRead where Value == [UInt8] {
    /// Data: `0x` and an even number of hex digits.
    static var hexData: Self {
        Self { (value, place) throws(JSONFieldError) in
            let text = try value.string(at: place)
            guard text.hasPrefix("0x") else { throw JSONFieldError(field: place, message: "expected 0x-prefixed hex data") }
            do {
                return try Hex.decode(text)
            } catch {
                throw JSONFieldError(field: place, message: "invalid hex data (\(error))")
            }
        }
    }
}

extension JSONRead where Value == Hash32 {
    /// A 32-byte hash: `0x` and 64 hex digits.
    static var hash32: Self {
        Self { (value, place) throws(JSONFieldError) in
            let text = try value.string(at: place)
            guard text.hasPrefix("0x") else { throw JSONFieldError(field: place, message: "expected a 0x-prefixed 32-byte hash") }
            do {
                return try Hash32(hex: text)
            } catch {
                throw JSONFieldError(field: place, message: "expected a 0x-prefixed 32-byte hash (\(error))")
            }
        }
    }
}

extension JSONValue {
    /// A quantity: `0x` and the shortest hex digits (`0x0` for zero).
    static func hexQuantity(_ value: UInt64) -> JSONValue { .string("0x" + String(value, radix: 16)) }

    /// Data: `0x` and two lower-case hex digits a byte.
    static func hexData(_ bytes: some Sequence<UInt8>) -> JSONValue { .string(Hex.encode(bytes)) }
}
