/// The Algebra v1 SwapRouter's swap functions and `multicall`, by selector.
enum AlgebraRouterFunction: UInt32 {
    /// `exactInputSingle((address tokenIn, address tokenOut, address recipient, uint256 deadline,
    /// uint256 amountIn, uint256 amountOutMinimum, uint160 limitSqrtPrice))`: no fee field.
    case exactInputSingle = 0xbc65_1188
    /// `exactInput((bytes path, address recipient, uint256 deadline, uint256 amountIn, uint256 amountOutMinimum))`
    case exactInput = 0xc04b_8d59
    /// `exactOutputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient,
    /// uint256 deadline, uint256 amountOut, uint256 amountInMaximum, uint160 limitSqrtPrice))`:
    /// Algebra v1 kept Uniswap's `fee` field here, unused.
    case exactOutputSingle = 0xdb3e_2198
    /// `exactOutput((bytes path, address recipient, uint256 deadline, uint256 amountOut, uint256 amountInMaximum))`, path reversed
    case exactOutput = 0xf28c_0498
    /// `exactInputSingleSupportingFeeOnTransferTokens(` the `exactInputSingle` tuple `)`
    case exactInputSingleSupportingFeeOnTransferTokens = 0xb87d_2524
    /// `multicall(bytes[] data)`: delegatecalls to the router itself, in order.
    case multicall = 0xac96_50d8

    /// The function's name, as legs report it.
    var name: String {
        switch self {
        case .exactInputSingle: "exactInputSingle"
        case .exactInput: "exactInput"
        case .exactOutputSingle: "exactOutputSingle"
        case .exactOutput: "exactOutput"
        case .exactInputSingleSupportingFeeOnTransferTokens: "exactInputSingleSupportingFeeOnTransferTokens"
        case .multicall: "multicall"
        }
    }
}
