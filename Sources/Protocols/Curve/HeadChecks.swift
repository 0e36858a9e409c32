import Kernel

/// Checks that `args` holds `words` head words; otherwise a `truncated` error at the first
/// missing word, named by `field`.
func requireHeadWords(_ words: Int, in args: ArraySlice<UInt8>, field: (Int) -> StaticString) throws(DecodingError) {
    if args.count >= words * 32 { return }
    let missing = args.count / 32
    throw DecodingError(.truncated, at: missing * 32, field: field(missing))
}

/// A coin index from head word `word`, which must lie in `0..<count`; `value` is nil where the
/// word is negative or beyond `Int`.
func coinIndex(_ value: Int?, below count: Int, word: Int, field: StaticString) throws(DecodingError) -> Int {
    guard let value, value >= 0, value < count else {
        throw DecodingError(.invalidValue, at: word * 32, field: field)
    }
    return value
}

extension Int256 {
    /// The value as an `Int` where it is non-negative and fits.
    var nonNegativeInt: Int? {
        guard !isNegative, let small = int64Value else { return nil }
        return Int(exactly: small)
    }
}
