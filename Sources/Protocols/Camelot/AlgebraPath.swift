import Kernel

/// An Algebra swap path: 20-byte token addresses back to back, with no fee bytes between them
/// (one pool per pair).
enum AlgebraPath {
    /// The hops of `path` in the order the tokens flow; `reversed` for an exact-output path, which
    /// is written from the output token back to the input. A length that is not a whole number of
    /// two or more addresses is `wrongLength` at `offset`.
    static func hops(_ path: ArraySlice<UInt8>, reversed: Bool, offset: Int) throws(DecodingError) -> [SwapHop] {
        let count = path.count / 20
        guard path.count % 20 == 0, count >= 2 else {
            throw DecodingError(.wrongLength, at: offset, field: "path")
        }
        let hops = path.withUnsafeBytes { raw -> [SwapHop]? in
            func token(_ position: Int) -> Address? {
                Address(bytes: UnsafeRawBufferPointer(rebasing: raw[(position * 20)..<(position * 20 + 20)]))
            }
            var hops: [SwapHop] = []
            hops.reserveCapacity(count - 1)
            for hop in 0..<(count - 1) {
                let (from, to) = reversed ? (count - 1 - hop, count - 2 - hop) : (hop, hop + 1)
                guard let tokenIn = token(from), let tokenOut = token(to) else { return nil }
                hops.append(SwapHop(tokenIn: tokenIn, tokenOut: tokenOut, pool: .byTokens(fee: nil)))
            }
            return hops
        }
        guard let hops else { throw DecodingError(.wrongLength, at: offset, field: "path") }
        return hops
    }
}
