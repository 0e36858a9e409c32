/// Reads one ABI-encoded tuple (a call's arguments, a struct, an array's elements) in place,
/// by head word index, without copying. Every offset and length from the data is checked
/// against the bounds, so no input can make it trap or read out of range; values are checked as
/// Solidity's `abi.decode` checks them (no dirty high bits in addresses, bools or uintN).
///
/// Offsets in errors are relative to the start of the slice the outermost reader was made from.
public struct ABIReader: Sendable {
    /// All the bytes of the outermost encoding.
    public let data: ArraySlice<UInt8>
    /// Index in `data` where this tuple's head starts; dynamic offsets are relative to it.
    public let base: Int

    /// A reader over an encoding that starts at `data.startIndex` (for calldata, pass the bytes
    /// after the 4-byte selector).
    public init(_ data: ArraySlice<UInt8>) {
        self.data = data
        self.base = data.startIndex
    }

    @usableFromInline
    init(data: ArraySlice<UInt8>, base: Int) {
        self.data = data
        self.base = base
    }

    /// Offset of `index` relative to the outermost encoding, for errors.
    @inlinable
    func relative(_ absolute: Int) -> Int { absolute - data.startIndex }

    /// The absolute index of head word `index`, checked to lie inside the data.
    @inlinable
    func wordStart(_ index: Int, field: StaticString) throws(DecodingError) -> Int {
        let (start, overflow) = index.multipliedReportingOverflow(by: 32)
        guard !overflow, index >= 0, start <= data.endIndex - base - 32 else {
            throw DecodingError(.truncated, at: relative(base) + max(0, min(start, data.endIndex - base)), field: field)
        }
        return base + start
    }

    /// The 32-byte word at head index `index` as an unsigned integer.
    @inlinable
    public func word(_ index: Int, field: StaticString = "") throws(DecodingError) -> UInt256 {
        let start = try wordStart(index, field: field)
        return data.withUnsafeBytes { buf in
            UInt256(bigEndianBytes: UnsafeRawBufferPointer(rebasing: buf[(start - data.startIndex)..<(start - data.startIndex + 32)])) ?? .zero
        }
    }

    /// A `uintN` value: the word must fit in `bits` bits.
    @inlinable
    public func uint(_ index: Int, bits: Int = 256, field: StaticString = "") throws(DecodingError) -> UInt256 {
        let v = try word(index, field: field)
        guard bits >= 256 || v.bitWidth <= bits else {
            throw DecodingError(.invalidValue, at: relative(base) + index * 32, field: field)
        }
        return v
    }

    /// An `intN` value: the word must be the sign extension of a `bits`-bit value.
    @inlinable
    public func int(_ index: Int, bits: Int = 256, field: StaticString = "") throws(DecodingError) -> Int256 {
        let v = Int256(bitPattern: try word(index, field: field))
        guard v.fitsInBits(bits) else { throw DecodingError(.invalidValue, at: relative(base) + index * 32, field: field) }
        return v
    }

    /// An `address`: the high 12 bytes must be zero.
    @inlinable
    public func address(_ index: Int, field: StaticString = "") throws(DecodingError) -> Address {
        let start = try wordStart(index, field: field)
        return try data.withBorrowedBytes { (buf) throws(DecodingError) -> Address in
            let word = UnsafeRawBufferPointer(rebasing: buf[(start - data.startIndex)..<(start - data.startIndex + 32)])
            guard word.loadUnaligned(fromByteOffset: 0, as: UInt64.self) == 0,
                  word.loadUnaligned(fromByteOffset: 8, as: UInt32.self) == 0,
                  let a = Address(bytes: UnsafeRawBufferPointer(rebasing: word[12..<32])) else {
                throw DecodingError(.invalidValue, at: relative(start), field: field)
            }
            return a
        }
    }

    /// A `bool`: the word must be 0 or 1.
    @inlinable
    public func bool(_ index: Int, field: StaticString = "") throws(DecodingError) -> Bool {
        let v = try word(index, field: field)
        guard v <= .one else { throw DecodingError(.invalidValue, at: relative(base) + index * 32, field: field) }
        return v == .one
    }

    /// A `bytesN` value: the first `count` bytes of the word; the rest must be zero.
    func fixedBytes(_ index: Int, count: Int, field: StaticString = "") throws(DecodingError) -> ArraySlice<UInt8> {
        let start = try wordStart(index, field: field)
        guard (1...32).contains(count), data[(start + count)..<(start + 32)].allSatisfy({ $0 == 0 }) else {
            throw DecodingError(.invalidValue, at: relative(start), field: field)
        }
        return data[start..<(start + count)]
    }

    /// The absolute index a dynamic value's offset word points to, checked to leave `minimum`
    /// bytes after it.
    @inlinable
    func target(_ index: Int, minimum: Int, field: StaticString) throws(DecodingError) -> Int {
        let offsetAt = relative(base) + index * 32
        let offset = try word(index, field: field)
        guard let small = offset.uint64Value, small <= UInt64(data.endIndex - base),
              Int(small) <= data.endIndex - base - minimum else {
            throw DecodingError(.truncated, at: offsetAt, field: field)
        }
        return base + Int(small)
    }

    /// A length word at absolute index `at`, checked so that `length * elementSize` bytes follow it.
    @inlinable
    func length(at start: Int, elementSize: Int, field: StaticString) throws(DecodingError) -> Int {
        let reader = ABIReader(data: data, base: start)
        let count = try reader.word(0, field: field)
        let room = data.endIndex - start - 32
        guard let small = count.uint64Value, small <= UInt64(room),
              elementSize == 0 || Int(small) <= room / elementSize else {
            throw DecodingError(.truncated, at: relative(start), field: field)
        }
        return Int(small)
    }

    /// A `bytes` or `string` value reached through the offset at head index `index`.
    public func bytes(_ index: Int, field: StaticString = "") throws(DecodingError) -> ArraySlice<UInt8> {
        let start = try target(index, minimum: 32, field: field)
        let count = try length(at: start, elementSize: 1, field: field)
        return data[(start + 32)..<(start + 32 + count)]
    }

    /// A dynamic array's length and a reader over its elements, reached through the offset at
    /// head index `index`. `elementHeadSize` is 32 for dynamic elements.
    public func array(_ index: Int, elementHeadSize: Int = 32, field: StaticString = "") throws(DecodingError) -> (count: Int, elements: ABIReader) {
        let start = try target(index, minimum: 32, field: field)
        let count = try length(at: start, elementSize: elementHeadSize, field: field)
        return (count, ABIReader(data: data, base: start + 32))
    }

    /// A dynamic tuple (or fixed array of dynamic elements) reached through the offset at head index `index`.
    public func dynamicTuple(_ index: Int, field: StaticString = "") throws(DecodingError) -> ABIReader {
        ABIReader(data: data, base: try target(index, minimum: 0, field: field))
    }

    /// A static tuple or fixed array laid out inline from head index `index`.
    public func inlineTuple(_ index: Int) -> ABIReader {
        ABIReader(data: data, base: base + index * 32)
    }
}
