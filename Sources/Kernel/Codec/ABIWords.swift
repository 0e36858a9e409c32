/// Writing ABI-encoded calldata: each 32-byte word written in place at the end of the buffer,
/// with no array made per word. The project's one ABI writer: transaction builders, state
/// calls, and the calls aggregator decoders rebuild for the routers they wrap.
extension Array where Element == UInt8 {
    /// Appends `value` as one 32-byte big-endian word.
    public mutating func appendWord(_ value: UInt256) {
        let word = (value.w3.bigEndian, value.w2.bigEndian, value.w1.bigEndian, value.w0.bigEndian)
        Swift.withUnsafeBytes(of: word) { append(contentsOf: $0) }
    }

    /// Appends `address` as one word, left-padded with 12 zero bytes.
    public mutating func appendWord(_ address: Address) {
        append(contentsOf: zeroWord[..<12])
        address.withUnsafeBytes { append(contentsOf: $0) }
    }

    /// Appends the tail of a dynamic `bytes` argument: its length word, then `bytes` padded with
    /// zero bytes to a whole number of words.
    public mutating func appendDynamicBytes(_ bytes: some Collection<UInt8>) {
        appendWord(UInt256(UInt64(bytes.count)))
        append(contentsOf: bytes)
        append(contentsOf: zeroWord[..<((32 - bytes.count % 32) % 32)])
    }
}

/// 32 zero bytes, for padding.
private let zeroWord = [UInt8](repeating: 0, count: 32)
