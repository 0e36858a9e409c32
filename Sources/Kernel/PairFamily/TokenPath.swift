/// One end of a swap path.
public enum PathEnd: Sendable {
    /// The first token (paid in).
    case input
    /// The last token (paid out).
    case output
}

/// A V2-style router's `address[] path` (Uniswap V2 and its forks, Camelot V2): the tokens in the
/// order they flow, one pair between each two.
public enum TokenPath {
    /// The hops of the path at head index `index`, each through the pair of its two tokens. The
    /// router refuses a path of fewer than two tokens, and an ETH function's path whose `native`
    /// end is not the wrapped native token; both are `invalidValue` here.
    public static func hops(_ arguments: ABIReader, at index: Int, native: (end: PathEnd, token: Address)? = nil) throws(DecodingError) -> [SwapHop] {
        let (count, tokens) = try arguments.array(index, field: "path")
        guard count >= 2 else {
            throw DecodingError(.invalidValue, at: offset(of: -1, in: tokens), field: "path")
        }
        if let native {
            let end = native.end == .input ? 0 : count - 1
            guard try tokens.address(end, field: "path") == native.token else {
                throw DecodingError(.invalidValue, at: offset(of: end, in: tokens), field: "path")
            }
        }
        var hops: [SwapHop] = []
        hops.reserveCapacity(count - 1)
        var tokenIn = try tokens.address(0, field: "path")
        for position in 1..<count {
            let tokenOut = try tokens.address(position, field: "path")
            hops.append(SwapHop(tokenIn: tokenIn, tokenOut: tokenOut, pool: .byTokens(fee: nil)))
            tokenIn = tokenOut
        }
        return hops
    }

    /// The offset of element `position` (-1: the length word) from the start of the encoding.
    private static func offset(of position: Int, in tokens: ABIReader) -> Int {
        tokens.base + position * 32 - tokens.data.startIndex
    }
}
