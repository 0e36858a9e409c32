import Kernel

/// An unsigned 256-bit integer written in a quote line as a decimal string, so that no amount
/// passes through a floating-point number.
struct DecimalUInt256: Decodable {
    /// The value.
    let value: UInt256

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = UInt256(decimal: text) else {
            throw Swift.DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a decimal string below 2^256"))
        }
        self.value = value
    }
}

/// A signed 256-bit integer written as a decimal string with an optional leading `-`.
struct DecimalInt256: Decodable {
    /// The value.
    let value: Int256

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Int256(decimal: text) else {
            throw Swift.DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a signed decimal string within int256"))
        }
        self.value = value
    }
}

/// A small integer written as a JSON number (a fee, a tick, an index). Read through `Double`
/// so that a fraction or an out-of-range value is refused with its field named (Foundation's
/// integer decoding reports those without a path); every value these fields hold is far below
/// 2^53, where `Double` is exact.
struct JSONInteger<Value: FixedWidthInteger & Sendable>: Decodable {
    /// The value.
    let value: Value

    init(from decoder: any Decoder) throws {
        let number = try decoder.singleValueContainer().decode(Double.self)
        guard number.rounded() == number, let value = Value(exactly: number) else {
            throw Swift.DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected an integer in \(Value.min)...\(Value.max)"))
        }
        self.value = value
    }
}
