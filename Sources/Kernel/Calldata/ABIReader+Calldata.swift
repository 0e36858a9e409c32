extension ABIReader {
    /// Runs `body` on a reader over the ABI arguments of `calldata` (the bytes after its 4-byte
    /// selector, which the caller has seen) and reports its errors at offsets from the start of
    /// `calldata`, as `SwapDecoder` promises.
    @inlinable
    public static func withArguments<T>(of calldata: ArraySlice<UInt8>, _ body: (ABIReader) throws(DecodingError) -> T) throws(DecodingError) -> T {
        try CalldataReader.arguments(of: calldata, origin: calldata.startIndex).reading(body)
    }
}
