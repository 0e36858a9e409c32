/// Typed reads of one JSON value, each naming the value's place in its errors. Integers of any
/// width come as decimal strings (no amount passes through a floating-point number); small
/// integers (fees, ticks, indexes) as JSON numbers.
extension JSONValue {
    /// How a JSON user names this value's type.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The string, or `expected a string`.
    public func string(at place: String) throws(JSONFieldError) -> String {
        guard case .string(let value) = self else { throw JSONFieldError(field: place, message: "expected a string") }
        return value
    }

    /// The boolean, or `expected a boolean`.
    public func bool(at place: String) throws(JSONFieldError) -> Bool {
        guard case .bool(let value) = self else { throw JSONFieldError(field: place, message: "expected a boolean") }
        return value
    }

    /// An unsigned 256-bit integer written as a decimal string.
    public func decimalUInt256(at place: String) throws(JSONFieldError) -> UInt256 {
        guard let value = UInt256(decimal: try string(at: place)) else {
            throw JSONFieldError(field: place, message: "expected a decimal string below 2^256")
        }
        return value
    }

    /// A signed 256-bit integer written as a decimal string with an optional leading `-`.
    func decimalInt256(at place: String) throws(JSONFieldError) -> Int256 {
        guard let value = Int256(decimal: try string(at: place)) else {
            throw JSONFieldError(field: place, message: "expected a signed decimal string within int256")
        }
        return value
    }

    /// A small integer written as a JSON number. A number with a fraction or exponent is
    /// accepted when it is exactly an integer of the range (`3e3`, `3000.0`).
    public func integer<Value: FixedWidthInteger>(_ type: Value.Type = Value.self, at place: String) throws(JSONFieldError) -> Value {
        let refusal = JSONFieldError(field: place, message: "expected an integer in \(Value.min)...\(Value.max)")
        guard case .number(let literal) = self else { throw refusal }
        if let value = Value(literal) { return value }
        guard let number = Double(literal), number.rounded() == number, let value = Value(exactly: number) else { throw refusal }
        return value
    }

    /// A 20-byte address as `0x`-prefixed hex (EIP-55 checksum checked where mixed case).
    public func address(at place: String) throws(JSONFieldError) -> Address {
        let text = try string(at: place)
        do {
            return try Address(hex: text)
        } catch {
            throw JSONFieldError(field: place, message: "expected a 0x-prefixed 20-byte address (\(error))")
        }
    }

    /// The elements of an array.
    public func elements(at place: String) throws(JSONFieldError) -> [JSONValue] {
        guard case .array(let elements) = self else { throw JSONFieldError(field: place, message: "expected an array") }
        return elements
    }

    /// The members of an object, as fields under `place`.
    public func fields(at place: String) throws(JSONFieldError) -> JSONFields {
        guard case .object(let object) = self else {
            throw JSONFieldError(field: place, message: place.isEmpty ? "expected a JSON object" : "expected an object")
        }
        return JSONFields(object, path: place)
    }
}
