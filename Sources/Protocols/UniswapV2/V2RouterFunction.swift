/// UniswapV2Router02's swap functions, by selector.
enum V2RouterFunction: UInt32 {
    /// `swapExactTokensForTokens(uint256,uint256,address[],address,uint256)`
    case swapExactTokensForTokens = 0x38ed_1739
    /// `swapTokensForExactTokens(uint256,uint256,address[],address,uint256)`
    case swapTokensForExactTokens = 0x8803_dbee
    /// `swapExactETHForTokens(uint256,address[],address,uint256)`, payable
    case swapExactETHForTokens = 0x7ff3_6ab5
    /// `swapTokensForExactETH(uint256,uint256,address[],address,uint256)`
    case swapTokensForExactETH = 0x4a25_d94a
    /// `swapExactTokensForETH(uint256,uint256,address[],address,uint256)`
    case swapExactTokensForETH = 0x18cb_afe5
    /// `swapETHForExactTokens(uint256,address[],address,uint256)`, payable
    case swapETHForExactTokens = 0xfb3b_db41
    /// `swapExactTokensForTokensSupportingFeeOnTransferTokens(uint256,uint256,address[],address,uint256)`
    case swapExactTokensForTokensSupportingFeeOnTransferTokens = 0x5c11_d795
    /// `swapExactETHForTokensSupportingFeeOnTransferTokens(uint256,address[],address,uint256)`, payable
    case swapExactETHForTokensSupportingFeeOnTransferTokens = 0xb6f9_de95
    /// `swapExactTokensForETHSupportingFeeOnTransferTokens(uint256,uint256,address[],address,uint256)`
    case swapExactTokensForETHSupportingFeeOnTransferTokens = 0x791a_c947

    /// The function's name, as legs report it.
    var name: String {
        switch self {
        case .swapExactTokensForTokens: "swapExactTokensForTokens"
        case .swapTokensForExactTokens: "swapTokensForExactTokens"
        case .swapExactETHForTokens: "swapExactETHForTokens"
        case .swapTokensForExactETH: "swapTokensForExactETH"
        case .swapExactTokensForETH: "swapExactTokensForETH"
        case .swapETHForExactTokens: "swapETHForExactTokens"
        case .swapExactTokensForTokensSupportingFeeOnTransferTokens: "swapExactTokensForTokensSupportingFeeOnTransferTokens"
        case .swapExactETHForTokensSupportingFeeOnTransferTokens: "swapExactETHForTokensSupportingFeeOnTransferTokens"
        case .swapExactTokensForETHSupportingFeeOnTransferTokens: "swapExactTokensForETHSupportingFeeOnTransferTokens"
        }
    }

    /// Where its arguments are.
    var layout: V2SwapLayout {
        switch self {
        case .swapExactTokensForTokens, .swapExactTokensForTokensSupportingFeeOnTransferTokens:
            V2SwapLayout.exactTokensIn(native: .none)
        case .swapExactTokensForETH, .swapExactTokensForETHSupportingFeeOnTransferTokens:
            V2SwapLayout.exactTokensIn(native: .output)
        case .swapTokensForExactTokens:
            V2SwapLayout.exactTokensOut(native: .none)
        case .swapTokensForExactETH:
            V2SwapLayout.exactTokensOut(native: .output)
        case .swapExactETHForTokens, .swapExactETHForTokensSupportingFeeOnTransferTokens:
            V2SwapLayout.exactValueIn
        case .swapETHForExactTokens:
            V2SwapLayout.exactOutForValue
        }
    }
}
