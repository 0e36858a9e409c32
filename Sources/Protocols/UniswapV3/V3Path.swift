import Kernel

/// Uniswap V3's packed path, `token (20) ‖ fee (3) ‖ token (20) ‖ fee (3) ‖ … ‖ token (20)`, as
/// SwapRouter, SwapRouter02 and the Universal Router read it.
///
/// The routers' `Path` library reads one pool (43 bytes) at a time and moves on by 23 bytes while
/// at least 66 remain, so a path shorter than 43 bytes reverts and up to 22 bytes after the last
/// whole pool are ignored; this reads it the same way.
enum V3Path {
    /// Bytes of one address.
    static let addressSize = 20
    /// Bytes from one token to the next: an address and a 3-byte fee.
    static let step = 23

    /// The hops of `path` in the order the swap runs them. Exact-output paths are written from
    /// the output token back to the input token (`reversed`); their hops are returned from the
    /// input side. Errors give offsets relative to `origin`.
    static func hops(_ path: ArraySlice<UInt8>, reversed: Bool, origin: Int) throws(DecodingError) -> [SwapHop] {
        guard path.count >= addressSize + step else {
            throw DecodingError(.wrongLength, at: path.startIndex - origin, field: "path")
        }
        let pools = (path.count - addressSize) / step
        return path.withUnsafeBytes { raw in
            var hops: [SwapHop] = []
            hops.reserveCapacity(pools)
            for n in 0..<pools {
                let pool = reversed ? pools - 1 - n : n
                let first = token(raw, at: pool * step)
                let second = token(raw, at: pool * step + step)
                let fee = fee(raw, at: pool * step + addressSize)
                hops.append(reversed
                    ? SwapHop(tokenIn: second, tokenOut: first, pool: .byTokens(fee: fee))
                    : SwapHop(tokenIn: first, tokenOut: second, pool: .byTokens(fee: fee)))
            }
            return hops
        }
    }

    /// The address at byte `offset` (the caller has checked that 20 bytes are there).
    @inline(__always)
    private static func token(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Address {
        Address(bytes: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + addressSize)])) ?? .zero
    }

    /// The big-endian 3-byte fee at byte `offset`.
    @inline(__always)
    private static func fee(_ raw: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        UInt32(raw[offset]) << 16 | UInt32(raw[offset + 1]) << 8 | UInt32(raw[offset + 2])
    }
}
