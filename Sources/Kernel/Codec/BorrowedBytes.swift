extension ArraySlice<UInt8> {
    /// Calls `body` with the slice's bytes, passing its `DecodingError` through typed (the
    /// standard library's `withUnsafeBytes` only rethrows untyped errors).
    @inlinable
    func withBorrowedBytes<R>(_ body: (UnsafeRawBufferPointer) throws(DecodingError) -> R) throws(DecodingError) -> R {
        try withUnsafeBytes { buf in Result { () throws(DecodingError) in try body(buf) } }.get()
    }
}
