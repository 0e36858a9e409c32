/// A decoded ABI value. Byte values are slices of the input, never copies.
public indirect enum ABIValue: Equatable, Sendable {
    /// A `uintN`.
    case uint(UInt256)
    /// An `intN`.
    case int(Int256)
    /// An `address`.
    case address(Address)
    /// A `bool`.
    case bool(Bool)
    /// A `bytesN`, its N bytes.
    case fixedBytes(ArraySlice<UInt8>)
    /// A `bytes`.
    case bytes(ArraySlice<UInt8>)
    /// A `string`, its UTF-8 bytes as encoded (Solidity does not validate them).
    case string(ArraySlice<UInt8>)
    /// A `T[]` or `T[k]`.
    case array([ABIValue])
    /// A tuple.
    case tuple([ABIValue])
}

/// Decodes a whole ABI encoding into a tree of values, for any list of types. Routers on the
/// hot path read their arguments with `ABIReader` directly; this is for tools, tests and calls
/// whose types are only known at run time.
public enum ABIDecoder {
    /// The deepest nesting of arrays and tuples decoded.
    public static let maxDepth = 16
    /// The most values one decode produces, so offsets that alias the same array many times
    /// cannot blow up the output.
    public static let maxValues = 100_000

    /// Decodes the tuple `types` encoded at the start of `data` (bytes after it are ignored, as
    /// Solidity ignores them).
    public static func decode(_ types: [ABIType], from data: ArraySlice<UInt8>) throws(DecodingError) -> [ABIValue] {
        var budget = maxValues
        return try tuple(types, ABIReader(data), depth: 0, budget: &budget)
    }

    static func tuple(_ types: [ABIType], _ reader: ABIReader, depth: Int, budget: inout Int) throws(DecodingError) -> [ABIValue] {
        guard depth <= maxDepth else { throw DecodingError(.tooDeep, at: reader.relative(reader.base)) }
        var values: [ABIValue] = []
        values.reserveCapacity(types.count)
        var index = 0
        for type in types {
            values.append(try value(type, reader, at: index, depth: depth, budget: &budget))
            index += type.headSize / 32
        }
        return values
    }

    static func value(_ type: ABIType, _ reader: ABIReader, at index: Int, depth: Int, budget: inout Int) throws(DecodingError) -> ABIValue {
        budget -= 1
        guard budget >= 0 else { throw DecodingError(.tooLarge, at: reader.relative(reader.base) + index * 32) }
        switch type {
        case .uint(let bits): return .uint(try reader.uint(index, bits: bits))
        case .int(let bits): return .int(try reader.int(index, bits: bits))
        case .address: return .address(try reader.address(index))
        case .bool: return .bool(try reader.bool(index))
        case .fixedBytes(let n): return .fixedBytes(try reader.fixedBytes(index, count: n))
        case .bytes: return .bytes(try reader.bytes(index))
        case .string: return .string(try reader.bytes(index))
        case .array(let element):
            let (count, elements) = try reader.array(index, elementHeadSize: element.headSize)
            return .array(try tuple(Array(repeating: element, count: count), elements, depth: depth + 1, budget: &budget))
        case .fixedArray(let element, let count):
            let inner = type.isDynamic ? try reader.dynamicTuple(index) : reader.inlineTuple(index)
            return .array(try tuple(Array(repeating: element, count: count), inner, depth: depth + 1, budget: &budget))
        case .tuple(let elements):
            let inner = type.isDynamic ? try reader.dynamicTuple(index) : reader.inlineTuple(index)
            return .tuple(try tuple(elements, inner, depth: depth + 1, budget: &budget))
        }
    }
}
