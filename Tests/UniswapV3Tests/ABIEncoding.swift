import Kernel

/// A minimal ABI encoder for building calldata in tests (the differential vectors use eth-abi).
indirect enum ABIValue {
    /// One static 32-byte word.
    case word([UInt8])
    /// `bytes`.
    case bytes([UInt8])
    /// A dynamic array `T[]`.
    case array([ABIValue])
    /// A tuple, inline when all its members are static.
    case tuple([ABIValue])

    static func uint(_ value: UInt256) -> ABIValue { .word(value.bigEndianBytes) }
    static func address(_ value: Address) -> ABIValue { .word([UInt8](repeating: 0, count: 12) + value.bytes) }
    static func bool(_ value: Bool) -> ABIValue { .uint(value ? 1 : 0) }

    var isDynamic: Bool {
        switch self {
        case .word: false
        case .bytes, .array: true
        case .tuple(let members): members.contains { $0.isDynamic }
        }
    }

    /// The encoding of this value as it appears in a tail (or inline, when static).
    var encoded: [UInt8] {
        switch self {
        case .word(let word):
            return word
        case .bytes(let bytes):
            return UInt256(UInt64(bytes.count)).bigEndianBytes + bytes + [UInt8](repeating: 0, count: (32 - bytes.count % 32) % 32)
        case .array(let elements):
            return UInt256(UInt64(elements.count)).bigEndianBytes + ABIValue.encodeTuple(elements)
        case .tuple(let members):
            return ABIValue.encodeTuple(members)
        }
    }

    /// Head and tail encoding of a sequence of values.
    static func encodeTuple(_ values: [ABIValue]) -> [UInt8] {
        let headSize = values.reduce(0) { $0 + ($1.isDynamic ? 32 : $1.encoded.count) }
        var head: [UInt8] = [], tail: [UInt8] = []
        for value in values {
            if value.isDynamic {
                head += UInt256(UInt64(headSize + tail.count)).bigEndianBytes
                tail += value.encoded
            } else {
                head += value.encoded
            }
        }
        return head + tail
    }
}

/// Calldata: the selector and the encoded arguments.
func calldata(_ selector: UInt32, _ arguments: [ABIValue]) -> [UInt8] {
    FunctionSelector.bytes(selector) + ABIValue.encodeTuple(arguments)
}

/// A packed V3 path `token ‖ fee ‖ token …`.
func v3Path(_ tokens: [Address], fees: [UInt32]) -> [UInt8] {
    var path = tokens[0].bytes
    for (token, fee) in zip(tokens.dropFirst(), fees) {
        path += [UInt8(truncatingIfNeeded: fee >> 16), UInt8(truncatingIfNeeded: fee >> 8), UInt8(truncatingIfNeeded: fee)] + token.bytes
    }
    return path
}
