import Kernel

/// Decodes a call to a configured pool's `exchange`, `exchange_underlying`, `exchange_received` or
/// `exchange_extended` into one leg through one hop, `.coins(pool, i:, j:)`.
///
/// Arguments are checked as Vyper checks them on entry (`int128` sign-extended, addresses and bools
/// clean), in argument order; then `i` and `j` must index the pool's coins (for an
/// `exchange_underlying` of a metapool or lending pool, its configured `underlyingCoins`, or when
/// the config names none, any index below `CurveLimits.maxCoins` with the tokens left unnamed).
/// Offsets are relative to the arguments (after the selector).
enum PoolCallDecoder {
    /// The swap `function` asks of `pool`, or nil where the pool's interface has no such function.
    static func decode(
        _ function: CurveFunction, pool: CurvePool, dex: String, args: ArraySlice<UInt8>
    ) throws(DecodingError) -> DecodedSwap? {
        let kind = pool.kind
        guard function.takesSignedIndexes == kind.hasSignedIndexes,
              !function.swapsUnderlying || kind.hasExchangeUnderlying else { return nil }
        let tail = function.poolCallTail
        try requireHeadWords(4 + tail.words, in: args) { tail.field(atWord: $0) }

        let reader = ABIReader(args)
        let rawI: Int?
        let rawJ: Int?
        if function.takesSignedIndexes {
            rawI = try reader.int(0, bits: 128, field: "i").nonNegativeInt
            rawJ = try reader.int(1, bits: 128, field: "j").nonNegativeInt
        } else {
            rawI = try reader.word(0, field: "i").intValue
            rawJ = try reader.word(1, field: "j").intValue
        }
        let dx = try reader.word(2, field: "dx")
        let minDy = try reader.word(3, field: "min_dy")
        switch tail {
        case .none, .receiver: break
        case .useETH, .useETHThenReceiver: _ = try reader.bool(4, field: "use_eth")
        case .extended:
            _ = try reader.bool(4, field: "use_eth")
            _ = try reader.address(5, field: "sender")
        }
        var recipient: Address?
        if let word = tail.receiverWord {
            recipient = try reader.address(word, field: "receiver")
        }

        let tokens = function.swapsUnderlying && kind.hasDistinctUnderlyingCoins ? pool.underlyingCoins : pool.coins
        let namesTokens = !tokens.isEmpty
        let count = namesTokens ? tokens.count : CurveLimits.maxCoins
        let i = try coinIndex(rawI, below: count, word: 0, field: "i")
        let j = try coinIndex(rawJ, below: count, word: 1, field: "j")
        let hop = SwapHop(
            tokenIn: namesTokens ? tokens[i] : nil,
            tokenOut: namesTokens ? tokens[j] : nil,
            pool: .coins(pool.address, i: i, j: j)
        )
        let leg = SwapLeg(dex: dex, hops: [hop], amount: .exactIn(dx), limit: minDy, recipient: recipient, deadline: nil)
        return DecodedSwap(function: function.name, legs: [leg])
    }
}
