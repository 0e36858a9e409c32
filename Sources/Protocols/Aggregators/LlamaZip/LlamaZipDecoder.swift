import Kernel

/// Decodes LlamaZip's one-word calls: one exact-input hop through the Uniswap V3 pool of the
/// pair the word names, with the least output the word's expected output and slippage id give.
struct LlamaZipDecoder: AggregatorDecoder {
    /// A pair of the router's list: its pool and tokens.
    struct Pair: Sendable {
        /// The Uniswap V3 pool.
        let pool: Address
        /// The pool's token0.
        let token0: Address
        /// The pool's token1.
        let token1: Address
    }

    /// The entry's name.
    let aggregator: String
    /// The routers.
    let routers: RouterAddresses
    /// The pair list, by index.
    let pairs: [Pair]
    /// The routers' WETH9: ETH sent with a call is the amount when it is the token in.
    let wrappedNative: Address

    func decode(_ call: ContractCall, inner: any InnerCallDecoder, budget: inout InnerCallBudget) throws(DecodingError) -> DecodedSwap? {
        guard routers.contains(call.to), let word = LlamaZipWord(call.data) else { return nil }
        guard word.pair < pairs.count else {
            let amount = call.value.isZero ? word.writtenAmount : nil
            return DecodedSwap(function: "fallback", legs: [], unknownRoutes: [
                UnknownRoute(aggregator: aggregator, tokenIn: nil, tokenOut: nil, amountIn: amount, minAmountOut: nil),
            ])
        }
        let pair = pairs[word.pair]
        let (tokenIn, tokenOut) = word.token0In ? (pair.token0, pair.token1) : (pair.token1, pair.token0)
        let amount: UInt256
        if tokenIn == wrappedNative, !call.value.isZero {
            amount = call.value
        } else if let written = word.writtenAmount {
            amount = written
        } else {
            // The sender's whole balance, with the expected output a rate per 1e18 of it.
            return DecodedSwap(function: "fallback", legs: [], unknownRoutes: [
                UnknownRoute(aggregator: aggregator, tokenIn: tokenIn, tokenOut: tokenOut, amountIn: nil, minAmountOut: nil),
            ])
        }
        let hop = SwapHop(tokenIn: tokenIn, tokenOut: tokenOut, pool: .pool(pair.pool, zeroForOne: word.token0In))
        let leg = SwapLeg(dex: aggregator, hops: [hop], amount: .exactIn(amount), limit: word.minimumOut, recipient: nil, deadline: nil)
        return DecodedSwap(function: "fallback", legs: [leg])
    }
}
