import Kernel

/// Calldata read as the EVM's `calldataload` reads it: a 32-byte word at any offset, the bytes
/// past the end reading as zero. Odos's compact functions parse their arguments so, in Yul, with
/// no length check: a short call is not refused, its missing bytes are zeros.
struct PaddedCalldata {
    /// The calldata.
    let data: ArraySlice<UInt8>

    /// The byte at `offset` from the start; zero past the end.
    func byte(_ offset: Int) -> UInt8 {
        offset >= 0 && offset < data.count ? data[data.startIndex + offset] : 0
    }

    /// The top `count` (0...32) bytes of the word at `offset`, as a number: `shr(8·(32 − count),
    /// calldataload(offset))`.
    func leading(_ count: Int, at offset: Int) -> UInt256 {
        var value = UInt256.zero
        for k in 0..<Swift.max(0, Swift.min(count, 32)) {
            value = (value << 8) | UInt256(UInt64(byte(offset + k)))
        }
        return value
    }

    /// The 20 bytes at `offset` as an address.
    func address(at offset: Int) -> Address {
        PackedWord.address(leading(20, at: offset))
    }
}
