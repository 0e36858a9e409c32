import Kernel

/// A Uniswap V2 path, `address[]` from the input token to the output token, one pair per step.
enum V2Path {
    /// The hops of the `address[]` at head index `index` of `arguments`: one per neighbouring
    /// pair of tokens, each a V2 pair (one pool per pair, so no fee). Fewer than two tokens is an
    /// error: the routers revert on it.
    static func hops(_ arguments: CalldataReader, index: Int) throws(DecodingError) -> [SwapHop] {
        let (count, tokens) = try arguments.array(index, field: "path")
        guard count >= 2 else {
            throw DecodingError(.wrongLength, at: arguments.offset(ofWord: index), field: "path")
        }
        var hops: [SwapHop] = []
        hops.reserveCapacity(count - 1)
        var tokenIn = try tokens.address(0, field: "path")
        for n in 1..<count {
            let tokenOut = try tokens.address(n, field: "path")
            hops.append(SwapHop(tokenIn: tokenIn, tokenOut: tokenOut, pool: .byTokens(fee: nil)))
            tokenIn = tokenOut
        }
        return hops
    }
}
