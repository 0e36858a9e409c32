/// Recursive Length Prefix, Ethereum's serialization: a strict decoder into a tree of slices and
/// an encoder.
///
/// The transaction decoder reads RLP field by field without building this tree; the tree is for
/// tools, tests and structures whose shape is not known in advance.
enum RLP {
    /// One decoded item. Byte strings are slices of the caller's input, never copies.
    indirect enum Item: Equatable, Sendable {
        /// A byte string.
        case bytes(ArraySlice<UInt8>)
        /// A list of items.
        case list([Item])
    }

    /// The deepest list nesting `decode` accepts unless told otherwise.
    static let defaultMaxDepth = 16

    /// Decodes exactly one item that spans all of `input`, refusing non-canonical encodings,
    /// trailing bytes and lists nested deeper than `maxDepth`. Offsets in errors are relative to
    /// `input.startIndex`.
    static func decode(_ input: ArraySlice<UInt8>, maxDepth: Int = defaultMaxDepth) throws(DecodingError) -> Item {
        guard !input.isEmpty else { throw DecodingError(.empty, at: 0) }
        return try input.withBorrowedBytes { (buf) throws(DecodingError) -> Item in
            let header = try RLPHeader.read(buf, at: 0, limit: buf.count, field: "")
            guard header.end == buf.count else { throw DecodingError(.trailingBytes, at: header.end) }
            return try item(header, in: buf, of: input, depth: 0, maxDepth: maxDepth)
        }
    }

    /// Decodes exactly one item that spans all of `input`.
    static func decode(_ input: [UInt8], maxDepth: Int = defaultMaxDepth) throws(DecodingError) -> Item {
        try decode(input[...], maxDepth: maxDepth)
    }

    private static func item(
        _ header: RLPHeader, in buf: UnsafeRawBufferPointer, of input: ArraySlice<UInt8>, depth: Int, maxDepth: Int
    ) throws(DecodingError) -> Item {
        guard header.isList else {
            let base = input.startIndex
            return .bytes(input[(base + header.payloadStart)..<(base + header.end)])
        }
        guard depth < maxDepth else { throw DecodingError(.tooDeep, at: header.start) }
        var cursor = RLPCursor(buf, list: header)
        var items: [Item] = []
        while !cursor.isAtEnd {
            let child = try cursor.next("")
            items.append(try item(child, in: buf, of: input, depth: depth + 1, maxDepth: maxDepth))
        }
        return .list(items)
    }

    /// The canonical encoding of `item`.
    static func encode(_ item: Item) -> [UInt8] {
        var writer = RLPWriter()
        writer.append(item)
        return writer.bytes
    }
}

/// Builds canonical RLP into a growing byte array.
///
/// Lists are written by `appendList`, which encodes the children first and then inserts the
/// header in front of them, so callers never compute payload lengths by hand.
public struct RLPWriter: Sendable {
    /// The encoding so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// An empty writer with room for `capacity` bytes before it grows.
    public init(reservingCapacity capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends a byte string.
    public mutating func append(bytes payload: some Collection<UInt8>) {
        if payload.count == 1, let only = payload.first, only < 0x80 {
            bytes.append(only)
            return
        }
        appendHeader(short: 0x80, count: payload.count)
        bytes.append(contentsOf: payload)
    }

    /// Appends an unsigned integer: big-endian with no leading zero bytes, zero as the empty string.
    public mutating func append(_ value: UInt256) {
        let length = value.minimalByteCount
        if length == 1, value.w0 < 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value.w0))
            return
        }
        appendHeader(short: 0x80, count: length)
        for i in stride(from: length - 1, through: 0, by: -1) { bytes.append(value.byte(i)) }
    }

    /// Appends an unsigned 64-bit integer.
    public mutating func append(_ value: UInt64) {
        append(UInt256(value))
    }

    /// Appends an address as its 20 bytes.
    public mutating func append(_ address: Address) {
        address.withUnsafeBytes { append(bytes: $0) }
    }

    /// Appends a hash as its 32 bytes.
    public mutating func append(_ hash: Hash32) {
        hash.withUnsafeBytes { append(bytes: $0) }
    }

    /// Appends a list whose items `body` writes.
    public mutating func appendList(_ body: (inout RLPWriter) -> Void) {
        let start = bytes.count
        body(&self)
        var header = RLPSmallBuffer()
        header.appendListHeader(payloadCount: bytes.count - start)
        header.withBytes { bytes.insert(contentsOf: $0, at: start) }
    }

    /// Appends a decoded item.
    mutating func append(_ item: RLP.Item) {
        switch item {
        case .bytes(let b): append(bytes: b)
        case .list(let items): appendList { w in for i in items { w.append(i) } }
        }
    }

    /// Appends bytes that are already RLP, unchanged.
    mutating func appendRaw(_ encoded: some Collection<UInt8>) {
        bytes.append(contentsOf: encoded)
    }

    private mutating func appendHeader(short base: UInt8, count: Int) {
        if count < 56 {
            bytes.append(base + UInt8(count))
            return
        }
        let lengthBytes = (Int.bitWidth - count.leadingZeroBitCount + 7) / 8
        bytes.append(base + 55 + UInt8(lengthBytes))
        for i in stride(from: lengthBytes - 1, through: 0, by: -1) {
            bytes.append(UInt8(truncatingIfNeeded: count >> (8 * i)))
        }
    }
}
