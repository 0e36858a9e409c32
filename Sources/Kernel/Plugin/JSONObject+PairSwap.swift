extension JSONObject {
    /// `{"amountIn","amountOut","reserve0","reserve1"}`: the `mevbot quote` response of the
    /// two-reserve pairs (Uniswap V2 and forks, Camelot V2).
    public static func pairSwapResponse(amountIn: UInt256, amountOut: UInt256, reserve0: UInt256, reserve1: UInt256) -> JSONObject {
        var line = JSONObject()
        line.append("amountIn", string: amountIn.description)
        line.append("amountOut", string: amountOut.description)
        line.append("reserve0", string: reserve0.description)
        line.append("reserve1", string: reserve1.description)
        return line
    }
}
