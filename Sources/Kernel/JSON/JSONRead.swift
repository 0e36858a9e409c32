/// How to read one JSON value as a `Value`, naming its place in errors: the typed reads of
/// `JSONFields` and of array elements take one (`fields.read("reserve0", .decimalUInt256)`,
/// `fields.read("balances", .array(.decimalUInt256))`).
public struct JSONRead<Value> {
    /// Reads `value`, which stands at the place named by the second argument.
    public let read: (_ value: JSONValue, _ place: String) throws(JSONFieldError) -> Value

    /// A read done by `read`.
    public init(_ read: @escaping (_ value: JSONValue, _ place: String) throws(JSONFieldError) -> Value) {
        self.read = read
    }

    /// An array whose every element is read by `element`; errors name the element (`balances[2]`).
    public static func array<Element>(_ element: JSONRead<Element>) -> JSONRead<[Element]> where Value == [Element] {
        JSONRead<[Element]> { (value, place) throws(JSONFieldError) in
            var result: [Element] = []
            for (index, item) in try value.elements(at: place).enumerated() {
                result.append(try element.read(item, "\(place)[\(index)]"))
            }
            return result
        }
    }
}

extension JSONRead where Value == String {
    /// A string.
    public static var string: Self { Self { (value, place) throws(JSONFieldError) in try value.string(at: place) } }
}

extension JSONRead where Value == Bool {
    /// `true` or `false`.
    public static var bool: Self { Self { (value, place) throws(JSONFieldError) in try value.bool(at: place) } }
}

extension JSONRead where Value == UInt256 {
    /// An unsigned 256-bit integer as a decimal string.
    public static var decimalUInt256: Self { Self { (value, place) throws(JSONFieldError) in try value.decimalUInt256(at: place) } }
}

extension JSONRead where Value == Int256 {
    /// A signed 256-bit integer as a decimal string.
    static var decimalInt256: Self { Self { (value, place) throws(JSONFieldError) in try value.decimalInt256(at: place) } }
}

extension JSONRead where Value == Address {
    /// A `0x`-prefixed address.
    public static var address: Self { Self { (value, place) throws(JSONFieldError) in try value.address(at: place) } }
}

extension JSONRead where Value == JSONFields {
    /// An object, as fields.
    public static var object: Self { Self { (value, place) throws(JSONFieldError) in try value.fields(at: place) } }
}

extension JSONRead where Value: FixedWidthInteger {
    /// A small integer of `type` as a JSON number.
    public static func integer(_ type: Value.Type) -> Self {
        Self { (value, place) throws(JSONFieldError) in try value.integer(Value.self, at: place) }
    }
}

extension JSONRead where Value == JSONValue {
    /// Any value, as it is (an answer whose content does not matter, such as a `null` result).
    public static var value: Self { Self { (value, _) throws(JSONFieldError) in value } }
}
