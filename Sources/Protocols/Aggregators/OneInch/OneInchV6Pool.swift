import Kernel

/// One pool word of AggregationRouterV6's direct forms, as its `ProtocolLib` and
/// `UnoswapRouter` read it: the pool's address in the low 160 bits, the protocol in the top
/// three (0 Uniswap V2, 1 Uniswap V3, 2 Curve; others make the router revert), bit 252 to
/// unwrap WETH after the last pool, 251 not to wrap ETH, 250 to pay through Permit2.
///
/// Uniswap V2 and V3: bit 247 is zeroForOne (V2: bits 160-191 the router's fee numerator).
/// Curve: bits 184-191 index the router's table of 18 `exchange`-family selectors, 224-231 and
/// 232-239 are the `i` and `j` passed to it (192-223: the `coins` calls that read the tokens,
/// 240-249: how ETH, WETH, the recipient and a callback are handled).
struct OneInchV6Pool {
    /// The word.
    let word: UInt256

    /// `_WETH_UNWRAP_FLAG`: the router unwraps the pool's WETH output (read on the last pool).
    var unwrapsWETH: Bool { word.bit(252) }

    /// The Curve selector indexes whose function is `exchange_underlying`: its `i` and `j` index
    /// the pool's underlying coins, not its coins (1, 3, 5, 7 with int128 indexes, 10, 12, 14, 16
    /// with uint256). The others are `exchange` (with or without `use_eth` and a receiver) and
    /// the crypto pools' `exchange_extended`, over the pool's own coins.
    private static let underlyingSelectors: Set<Int> = [1, 3, 5, 7, 10, 12, 14, 16]
    /// `_CURVE_MAX_SELECTOR_INDEX`.
    private static let maxCurveSelector = 17

    /// The hop through this pool, nil for a Curve pool called through `exchange_underlying`;
    /// `invalidValue` at `offset` (the word's) for a protocol or Curve selector the router
    /// refuses.
    func hop(at offset: Int) throws(DecodingError) -> SwapHop? {
        let pool = PackedWord.address(word)
        switch PackedWord.bits(word, from: 253, count: 3) {
        case 0, 1:
            return SwapHop(tokenIn: nil, tokenOut: nil, pool: .pool(pool, zeroForOne: word.bit(247)))
        case 2:
            let selector = PackedWord.bits(word, from: 184, count: 8)
            guard selector <= Self.maxCurveSelector else { throw DecodingError(.invalidValue, at: offset, field: "dex") }
            guard !Self.underlyingSelectors.contains(selector) else { return nil }
            let i = PackedWord.bits(word, from: 224, count: 8)
            let j = PackedWord.bits(word, from: 232, count: 8)
            return SwapHop(tokenIn: nil, tokenOut: nil, pool: .coins(pool, i: i, j: j))
        default:
            throw DecodingError(.invalidValue, at: offset, field: "dex")
        }
    }
}
