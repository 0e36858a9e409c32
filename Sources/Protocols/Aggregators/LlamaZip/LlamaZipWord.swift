import Kernel

/// The fields of LlamaZip's calldata word, as its fallback reads them with `calldataload(0)`
/// (the calldata right-padded with zeros to 32 bytes), from the top bit down: the pair index
/// (4 bits), whether token0 is paid in (1), the expected output's significant bits (17) and its
/// binary zeros (8), the slippage id (2); then, where the low 224 bits are not all zero, the
/// input amount's decimal zeros (5) and its significant bits, which end where the calldata ends.
///
/// The contract is compiled with Solidity 0.7.6: its shifts and products wrap modulo 2^256, and
/// so do these.
struct LlamaZipWord {
    /// How many pairs the 4-bit index can name.
    static let pairCount = 16
    /// The slippage ids' fractions of the expected output kept as the least output, in basis
    /// points: 0.5 %, 0.1 %, 1 % and 5 % off.
    static let slippageBps: [UInt64] = [9950, 9990, 9900, 9500]

    /// The word.
    let word: UInt256
    /// The calldata's length in bytes (1...32).
    let length: Int

    /// The word of `data`, or nil where the fallback does not swap with it: no calldata (the
    /// router's `receive`), more than one word (the owner's calls are ABI-encoded words), or the
    /// selector of the router's `uniswapV3SwapCallback`, which the call reaches instead.
    init?(_ data: ArraySlice<UInt8>) {
        guard (1...32).contains(data.count), FunctionSelector.leading(data) != Self.swapCallback,
              let value = UInt256(bigEndian: data) else { return nil }
        word = value << (8 * (32 - data.count))
        length = data.count
    }

    /// `uniswapV3SwapCallback(int256,int256,bytes)`.
    static let swapCallback = FunctionSelector.of("uniswapV3SwapCallback(int256,int256,bytes)")

    /// The pair index.
    var pair: Int { PackedWord.bits(word, from: 252, count: 4) }
    /// Whether token0 is paid in (else token1).
    var token0In: Bool { word.bit(251) }

    /// The expected output: its significant bits shifted up by its zeros.
    var expectedOut: UInt256 {
        UInt256(UInt64(PackedWord.bits(word, from: 234, count: 17))) << PackedWord.bits(word, from: 226, count: 8)
    }

    /// The least output: the expected output less the slippage the id allows.
    var minimumOut: UInt256 {
        (expectedOut &* UInt256(Self.slippageBps[PackedWord.bits(word, from: 224, count: 2)])) / UInt256(10_000)
    }

    /// The input amount written in the word, or nil where the low 224 bits are zero (the
    /// router then swaps the sender's whole balance of the token in).
    var writtenAmount: UInt256? {
        guard !(word << 32).isZero else { return nil }
        let significant = (word << 37) >> (37 + 256 - 8 * length)
        var scale = UInt256.one
        for _ in 0..<PackedWord.bits(word, from: 219, count: 5) { scale = scale &* UInt256(10) }
        return significant &* scale
    }
}
