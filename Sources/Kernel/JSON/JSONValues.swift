/// Typed values read with the scanner: unsigned integers without floating point, fixed-size hex.
/// A value of the wrong type or range is a `JSONError` that does not stop the scan: the value
/// has been consumed, so the caller can record the error and go on with the next key.
extension JSONScanner {
    /// The outcome of reading a typed value: the value, or an error about a well-formed value.
    package enum Read<Value> {
        /// The value read.
        case value(Value)
        /// A well-formed value of the wrong type or range, already consumed.
        case invalid(JSONError)
    }

    /// Reads an unsigned integer that fits in 64 bits (a JSON number with no sign, fraction or exponent).
    package mutating func uint64() throws(JSONError) -> Read<UInt64> {
        guard let c = peek(), c == UInt8(ascii: "-") || isDigit(c) else { return try mismatch() }
        let number = try self.number()
        guard number.isInteger, !number.isNegative else { return .invalid(JSONError(.invalidNumber, at: number.start)) }
        guard number.digits.count <= 20 else { return .invalid(JSONError(.numberTooLarge, at: number.start)) }
        var value: UInt64 = 0
        if number.digits.count <= 19 {
            // At most 10^19 - 1: no overflow possible.
            for i in number.digits { value = value &* 10 &+ UInt64(buf[i] &- UInt8(ascii: "0")) }
            return .value(value)
        }
        for i in number.digits {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(buf[i] &- UInt8(ascii: "0")))
            guard !o1, !o2 else { return .invalid(JSONError(.numberTooLarge, at: number.start)) }
            value = sum
        }
        return .value(value)
    }

    /// Reads a signed integer that fits in 64 bits (Go's `int`).
    package mutating func int64() throws(JSONError) -> Read<Int64> {
        guard let c = peek(), c == UInt8(ascii: "-") || isDigit(c) else { return try mismatch() }
        let number = try self.number()
        guard number.isInteger else { return .invalid(JSONError(.invalidNumber, at: number.start)) }
        var magnitude: UInt64 = 0
        for i in number.digits {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(buf[i] &- UInt8(ascii: "0")))
            guard !o1, !o2, sum <= UInt64(Int64.max) + 1 else { return .invalid(JSONError(.numberTooLarge, at: number.start)) }
            magnitude = sum
        }
        if number.isNegative { return .value(Int64(truncatingIfNeeded: 0 &- magnitude)) }
        guard magnitude <= UInt64(Int64.max) else { return .invalid(JSONError(.numberTooLarge, at: number.start)) }
        return .value(Int64(magnitude))
    }

    /// Reads an unsigned integer below 2^256 (Go's `*big.Int` as a JSON number).
    package mutating func uint256() throws(JSONError) -> Read<UInt256> {
        guard let c = peek(), c == UInt8(ascii: "-") || isDigit(c) else { return try mismatch() }
        let number = try self.number()
        guard number.isInteger, !number.isNegative else { return .invalid(JSONError(.invalidNumber, at: number.start)) }
        guard number.digits.count <= 78 else { return .invalid(JSONError(.numberTooLarge, at: number.start)) }
        var value = UInt256.zero
        for i in number.digits {
            let (next, overflow) = value.multipliedAndAddedReportingOverflow(by: 10, adding: UInt64(buf[i] &- UInt8(ascii: "0")))
            guard !overflow else { return .invalid(JSONError(.numberTooLarge, at: number.start)) }
            value = next
        }
        return .value(value)
    }

    /// Reads a string of `0x` and exactly `2 * out.count` hex digits into `out` (Go's
    /// `hexutil.UnmarshalFixedJSON`, used for `common.Address` and `common.Hash`).
    package mutating func fixedHex(into out: UnsafeMutableRawBufferPointer) throws(JSONError) -> JSONError? {
        guard peek() == UInt8(ascii: "\"") else {
            if case .invalid(let e) = try mismatch() as Read<Void> { return e }
            return nil
        }
        let s = try string()
        if s.hasEscapes {
            let text = unescaped(s)
            return text.withUnsafeBytes { Self.hex($0, into: out) }.map { _ in JSONError(.invalidHex, at: s.start) }
        }
        return Self.hex(UnsafeRawBufferPointer(rebasing: buf[s.start..<s.end]), into: out).map { JSONError(.invalidHex, at: s.start + $0) }
    }

    /// Decodes `0x` and `2 * out.count` hex digits; returns the offset of the first bad character, or nil.
    package static func hex(_ text: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer) -> Int? {
        guard text.count == 2 + 2 * out.count else { return 0 }
        guard text[0] == UInt8(ascii: "0"), text[1] | 0x20 == UInt8(ascii: "x") else { return 0 }
        var k = 2
        for i in 0..<out.count {
            guard let hi = Hex.nibble(text[k]) else { return k }
            guard let lo = Hex.nibble(text[k + 1]) else { return k + 1 }
            out[i] = hi << 4 | lo
            k += 2
        }
        return nil
    }

    /// Reads a hex address string.
    package mutating func address() throws(JSONError) -> Read<Address> {
        var storage: (UInt64, UInt64, UInt32) = (0, 0, 0)
        let error = try withUnsafeMutableBytes(of: &storage) { (raw) throws(JSONError) -> JSONError? in try fixedHex(into: raw) }
        if let error { return .invalid(error) }
        return withUnsafeBytes(of: storage) { .value(Address(bytes: UnsafeRawBufferPointer(rebasing: $0[0..<20])) ?? .zero) }
    }

    /// Reads a hex 32-byte hash string.
    package mutating func hash32() throws(JSONError) -> Read<Hash32> {
        var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let error = try withUnsafeMutableBytes(of: &storage) { (raw) throws(JSONError) -> JSONError? in try fixedHex(into: raw) }
        if let error { return .invalid(error) }
        return withUnsafeBytes(of: storage) { .value(Hash32(bytes: $0) ?? .zero) }
    }

    /// Reads a string token whose contents are decoded later (base64).
    package mutating func stringToken() throws(JSONError) -> Read<JSONString> {
        guard peek() == UInt8(ascii: "\"") else { return try mismatch() }
        return .value(try string())
    }

    /// Skips a value of the wrong type and reports `typeMismatch` at its start.
    package mutating func mismatch<Value>() throws(JSONError) -> Read<Value> {
        _ = peek()
        let start = position
        try skipValue()
        return .invalid(JSONError(.typeMismatch, at: start))
    }
}
