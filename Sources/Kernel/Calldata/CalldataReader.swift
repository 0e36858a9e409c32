/// An `ABIReader` over one encoding nested somewhere inside a call's calldata (the call's own
/// arguments, a multicall element, a Universal Router command input), whose errors give byte
/// offsets into the outermost calldata rather than into the nested encoding.
public struct CalldataReader: Sendable {
    /// The reader over the nested encoding.
    public let reader: ABIReader
    /// Index of the outermost calldata's first byte; offsets in errors are relative to it.
    public let origin: Int

    /// A reader over `encoding`, a slice of the calldata that starts at `origin`.
    @inlinable
    public init(_ encoding: ArraySlice<UInt8>, origin: Int) {
        self.reader = ABIReader(encoding)
        self.origin = origin
    }

    @usableFromInline
    init(reader: ABIReader, origin: Int) {
        self.reader = reader
        self.origin = origin
    }

    /// A reader over the arguments of `call` (the bytes after its 4-byte selector), a slice of
    /// the calldata that starts at `origin`.
    @inlinable
    public static func arguments(of call: ArraySlice<UInt8>, origin: Int) -> CalldataReader {
        CalldataReader(call.dropFirst(4), origin: origin)
    }

    /// The offset into the outermost calldata of the absolute slice index `index`.
    @inlinable
    public func offset(of index: Int) -> Int { index - origin }

    /// The offset into the outermost calldata of head word `index`.
    @inlinable
    public func offset(ofWord index: Int) -> Int { reader.base + index * 32 - origin }

    /// Moves an error's offset from the nested encoding to the outermost calldata.
    @inlinable
    func rebased(_ error: DecodingError) -> DecodingError {
        error.shifted(by: reader.data.startIndex - origin)
    }

    /// What `body` reads with Kernel's reader over the nested encoding, its errors moved to
    /// offsets into the outermost calldata.
    @inlinable
    public func reading<T>(_ body: (ABIReader) throws(DecodingError) -> T) throws(DecodingError) -> T {
        do { return try body(reader) } catch { throw rebased(error) }
    }

    /// A `uint<bits>` at head index `index`.
    @inlinable
    public func uint(_ index: Int, bits: Int = 256, field: StaticString) throws(DecodingError) -> UInt256 {
        do { return try reader.uint(index, bits: bits, field: field) } catch { throw rebased(error) }
    }

    /// An `int256` at head index `index`.
    @inlinable
    public func int(_ index: Int, field: StaticString) throws(DecodingError) -> Int256 {
        do { return try reader.int(index, field: field) } catch { throw rebased(error) }
    }

    /// An `address` at head index `index` (high 12 bytes zero).
    @inlinable
    public func address(_ index: Int, field: StaticString) throws(DecodingError) -> Address {
        do { return try reader.address(index, field: field) } catch { throw rebased(error) }
    }

    /// A `bool` at head index `index` (0 or 1).
    @inlinable
    public func bool(_ index: Int, field: StaticString) throws(DecodingError) -> Bool {
        do { return try reader.bool(index, field: field) } catch { throw rebased(error) }
    }

    /// A `bytes` value through the offset at head index `index`, as a slice of the calldata.
    @inlinable
    public func bytes(_ index: Int, field: StaticString) throws(DecodingError) -> ArraySlice<UInt8> {
        do { return try reader.bytes(index, field: field) } catch { throw rebased(error) }
    }

    /// A dynamic array through the offset at head index `index`: its length and its elements.
    @inlinable
    public func array(_ index: Int, field: StaticString) throws(DecodingError) -> (count: Int, elements: CalldataReader) {
        do {
            let (count, elements) = try reader.array(index, elementHeadSize: 32, field: field)
            return (count, CalldataReader(reader: elements, origin: origin))
        } catch {
            throw rebased(error)
        }
    }

    /// A dynamic tuple through the offset at head index `index`.
    @inlinable
    public func dynamicTuple(_ index: Int, field: StaticString) throws(DecodingError) -> CalldataReader {
        do { return CalldataReader(reader: try reader.dynamicTuple(index, field: field), origin: origin) } catch { throw rebased(error) }
    }
}
