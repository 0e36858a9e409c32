import Kernel

/// An `ABIReader` over one encoding nested somewhere inside a call's calldata (the call's own
/// arguments, a multicall element, a Universal Router command input), whose errors give byte
/// offsets into the outermost calldata rather than into the nested encoding.
struct CalldataReader {
    /// The reader over the nested encoding.
    let reader: ABIReader
    /// Index of the outermost calldata's first byte; offsets in errors are relative to it.
    let origin: Int

    /// A reader over `encoding`, a slice of the calldata that starts at `origin`.
    init(_ encoding: ArraySlice<UInt8>, origin: Int) {
        self.reader = ABIReader(encoding)
        self.origin = origin
    }

    private init(reader: ABIReader, origin: Int) {
        self.reader = reader
        self.origin = origin
    }

    /// A reader over the arguments of `call` (the bytes after its 4-byte selector).
    static func arguments(of call: ArraySlice<UInt8>, origin: Int) -> CalldataReader {
        CalldataReader(call.dropFirst(4), origin: origin)
    }

    /// The offset into the outermost calldata of the absolute slice index `index`.
    @inline(__always)
    func offset(of index: Int) -> Int { index - origin }

    /// The offset into the outermost calldata of head word `index`.
    @inline(__always)
    func offset(ofWord index: Int) -> Int { reader.base + index * 32 - origin }

    /// Moves an error's offset from the nested encoding to the outermost calldata.
    @inline(__always)
    private func rebased(_ error: DecodingError) -> DecodingError {
        error.shifted(by: reader.data.startIndex - origin)
    }

    /// What `body` reads with Kernel's reader over the nested encoding, its errors moved to
    /// offsets into the outermost calldata.
    @inline(__always)
    func reading<T>(_ body: (ABIReader) throws(DecodingError) -> T) throws(DecodingError) -> T {
        do { return try body(reader) } catch { throw rebased(error) }
    }

    /// A `uint<bits>` at head index `index`.
    @inline(__always)
    func uint(_ index: Int, bits: Int = 256, field: StaticString) throws(DecodingError) -> UInt256 {
        do { return try reader.uint(index, bits: bits, field: field) } catch { throw rebased(error) }
    }

    /// An `int256` at head index `index`.
    @inline(__always)
    func int(_ index: Int, field: StaticString) throws(DecodingError) -> Int256 {
        do { return try reader.int(index, field: field) } catch { throw rebased(error) }
    }

    /// An `address` at head index `index` (high 12 bytes zero).
    @inline(__always)
    func address(_ index: Int, field: StaticString) throws(DecodingError) -> Address {
        do { return try reader.address(index, field: field) } catch { throw rebased(error) }
    }

    /// A `bool` at head index `index` (0 or 1).
    @inline(__always)
    func bool(_ index: Int, field: StaticString) throws(DecodingError) -> Bool {
        do { return try reader.bool(index, field: field) } catch { throw rebased(error) }
    }

    /// A `bytes` value through the offset at head index `index`, as a slice of the calldata.
    @inline(__always)
    func bytes(_ index: Int, field: StaticString) throws(DecodingError) -> ArraySlice<UInt8> {
        do { return try reader.bytes(index, field: field) } catch { throw rebased(error) }
    }

    /// A dynamic array through the offset at head index `index`: its length and its elements.
    @inline(__always)
    func array(_ index: Int, field: StaticString) throws(DecodingError) -> (count: Int, elements: CalldataReader) {
        do {
            let (count, elements) = try reader.array(index, elementHeadSize: 32, field: field)
            return (count, CalldataReader(reader: elements, origin: origin))
        } catch {
            throw rebased(error)
        }
    }

    /// A dynamic tuple through the offset at head index `index`.
    @inline(__always)
    func dynamicTuple(_ index: Int, field: StaticString) throws(DecodingError) -> CalldataReader {
        do { return CalldataReader(reader: try reader.dynamicTuple(index, field: field), origin: origin) } catch { throw rebased(error) }
    }
}
