extension ArraySlice<UInt8> {
    /// The first four bytes as a big-endian selector, or nil when there are fewer.
    @inline(__always)
    var leadingSelector: UInt32? {
        guard count >= 4 else { return nil }
        let i = startIndex
        return UInt32(self[i]) << 24 | UInt32(self[i + 1]) << 16 | UInt32(self[i + 2]) << 8 | UInt32(self[i + 3])
    }
}
