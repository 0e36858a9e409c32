@testable import Kernel

/// A decoded ABI value. Byte values are slices of the input, never copies.
indirect enum ABIValue: Equatable {
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

/// Decodes a whole ABI encoding into a tree of values, for any list of types, through
/// `ABIReader`: the harness that runs the reader the routers use over eth-abi's differential
/// vectors and over random bytes. Production code reads its arguments with `ABIReader` directly.
enum ABITreeDecoder {
    /// Decodes the tuple `types` encoded at the start of `data` (bytes after it are ignored, as
    /// Solidity ignores them).
    static func decode(_ types: [ABIType], from data: ArraySlice<UInt8>) throws(DecodingError) -> [ABIValue] {
        try tuple(types, ABIReader(data))
    }

    static func tuple(_ types: [ABIType], _ reader: ABIReader) throws(DecodingError) -> [ABIValue] {
        var values: [ABIValue] = []
        values.reserveCapacity(types.count)
        var index = 0
        for type in types {
            values.append(try value(type, reader, at: index))
            index += type.headSize / 32
        }
        return values
    }

    static func value(_ type: ABIType, _ reader: ABIReader, at index: Int) throws(DecodingError) -> ABIValue {
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
            return .array(try tuple(Array(repeating: element, count: count), elements))
        case .fixedArray(let element, let count):
            let inner = type.isDynamic ? try reader.dynamicTuple(index) : reader.inlineTuple(index)
            return .array(try tuple(Array(repeating: element, count: count), inner))
        case .tuple(let elements):
            let inner = type.isDynamic ? try reader.dynamicTuple(index) : reader.inlineTuple(index)
            return .tuple(try tuple(elements, inner))
        }
    }
}

/// A Solidity ABI type, as far as contract calldata uses them.
indirect enum ABIType: Equatable, CustomStringConvertible {
    /// `uintN`, N a multiple of 8 from 8 to 256.
    case uint(Int)
    /// `intN`, N a multiple of 8 from 8 to 256.
    case int(Int)
    /// `address`.
    case address
    /// `bool`.
    case bool
    /// `bytesN`, N from 1 to 32.
    case fixedBytes(Int)
    /// `bytes`.
    case bytes
    /// `string`.
    case string
    /// `T[]`.
    case array(ABIType)
    /// `T[k]`.
    case fixedArray(ABIType, Int)
    /// `(T1,...,Tn)`.
    case tuple([ABIType])

    /// True when the encoding has a dynamic part reached through an offset.
    var isDynamic: Bool {
        switch self {
        case .bytes, .string, .array: true
        case .fixedArray(let element, _): element.isDynamic
        case .tuple(let elements): elements.contains { $0.isDynamic }
        default: false
        }
    }

    /// Bytes the type takes in its enclosing head: 32 for dynamic types (the offset), the whole
    /// encoding for static ones.
    var headSize: Int {
        guard !isDynamic else { return 32 }
        switch self {
        case .fixedArray(let element, let count): return element.headSize * count
        case .tuple(let elements): return elements.reduce(0) { $0 + $1.headSize }
        default: return 32
        }
    }

    /// The canonical type string, as used in function signatures.
    var description: String {
        switch self {
        case .uint(let bits): "uint\(bits)"
        case .int(let bits): "int\(bits)"
        case .address: "address"
        case .bool: "bool"
        case .fixedBytes(let n): "bytes\(n)"
        case .bytes: "bytes"
        case .string: "string"
        case .array(let element): "\(element)[]"
        case .fixedArray(let element, let n): "\(element)[\(n)]"
        case .tuple(let elements): "(" + elements.map(\.description).joined(separator: ",") + ")"
        }
    }

    /// Why a type string was refused.
    struct ParseError: Error, Equatable, Sendable {
        /// The type string.
        var text: String
    }

    /// Parses a canonical type string such as `uint256`, `(address,uint24)[]` or `bytes32[2]`.
    /// `uint` and `int` mean their 256-bit forms.
    init(parsing text: String) throws(ParseError) {
        var parser = Parser(text: Array(text.utf8))
        guard let type = parser.type(depth: 0), parser.position == parser.text.count else { throw ParseError(text: text) }
        self = type
    }

    /// A recursive-descent parser over the type string's bytes.
    private struct Parser {
        let text: [UInt8]
        var position = 0

        mutating func type(depth: Int) -> ABIType? {
            guard depth < 32 else { return nil }
            var base: ABIType
            if position < text.count && text[position] == UInt8(ascii: "(") {
                position += 1
                var elements: [ABIType] = []
                if position < text.count && text[position] == UInt8(ascii: ")") {
                    position += 1
                } else {
                    while true {
                        guard let element = type(depth: depth + 1) else { return nil }
                        elements.append(element)
                        guard position < text.count else { return nil }
                        let c = text[position]
                        position += 1
                        if c == UInt8(ascii: ")") { break }
                        guard c == UInt8(ascii: ",") else { return nil }
                    }
                }
                base = .tuple(elements)
            } else {
                let start = position
                while position < text.count, text[position] != UInt8(ascii: "["), text[position] != UInt8(ascii: ","),
                      text[position] != UInt8(ascii: ")") {
                    position += 1
                }
                guard let elementary = Self.elementary(String(decoding: text[start..<position], as: UTF8.self)) else { return nil }
                base = elementary
            }
            while position < text.count && text[position] == UInt8(ascii: "[") {
                position += 1
                let start = position
                while position < text.count && text[position] != UInt8(ascii: "]") { position += 1 }
                guard position < text.count else { return nil }
                let digits = String(decoding: text[start..<position], as: UTF8.self)
                position += 1
                if digits.isEmpty {
                    base = .array(base)
                } else {
                    guard let n = Int(digits), n > 0, n <= 1 << 16, digits.first != "0" else { return nil }
                    base = .fixedArray(base, n)
                }
            }
            return base
        }

        static func elementary(_ name: String) -> ABIType? {
            switch name {
            case "address": return .address
            case "bool": return .bool
            case "bytes": return .bytes
            case "string": return .string
            case "uint": return .uint(256)
            case "int": return .int(256)
            default: break
            }
            for (prefix, make) in [("uint", ABIType.uint), ("int", ABIType.int)] where name.hasPrefix(prefix) {
                let digits = name.dropFirst(prefix.count)
                guard digits.first != "0", let bits = Int(digits), bits % 8 == 0, (8...256).contains(bits) else { return nil }
                return make(bits)
            }
            if name.hasPrefix("bytes") {
                let digits = name.dropFirst(5)
                guard digits.first != "0", let n = Int(digits), (1...32).contains(n) else { return nil }
                return .fixedBytes(n)
            }
            return nil
        }
    }
}
