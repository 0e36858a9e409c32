import Kernel

/// CamelotRouter's swap functions, by selector: exact input only, each with a `referrer` that
/// receives part of the pair fee.
enum CamelotRouterFunction: UInt32 {
    /// `swapExactTokensForTokensSupportingFeeOnTransferTokens(uint256,uint256,address[],address,address,uint256)`
    case swapExactTokensForTokensSupportingFeeOnTransferTokens = 0xac38_93ba
    /// `swapExactETHForTokensSupportingFeeOnTransferTokens(uint256,address[],address,address,uint256)`, payable
    case swapExactETHForTokensSupportingFeeOnTransferTokens = 0xb482_2be3
    /// `swapExactTokensForETHSupportingFeeOnTransferTokens(uint256,uint256,address[],address,address,uint256)`
    case swapExactTokensForETHSupportingFeeOnTransferTokens = 0x52aa_4c22

    /// The function's name, as legs report it.
    var name: String {
        switch self {
        case .swapExactTokensForTokensSupportingFeeOnTransferTokens: "swapExactTokensForTokensSupportingFeeOnTransferTokens"
        case .swapExactETHForTokensSupportingFeeOnTransferTokens: "swapExactETHForTokensSupportingFeeOnTransferTokens"
        case .swapExactTokensForETHSupportingFeeOnTransferTokens: "swapExactTokensForETHSupportingFeeOnTransferTokens"
        }
    }

    /// Where its arguments are.
    var layout: CamelotSwapLayout {
        switch self {
        case .swapExactTokensForTokensSupportingFeeOnTransferTokens: .exactTokensIn(native: nil)
        case .swapExactTokensForETHSupportingFeeOnTransferTokens: .exactTokensIn(native: .output)
        case .swapExactETHForTokensSupportingFeeOnTransferTokens: .exactValueIn
        }
    }
}
