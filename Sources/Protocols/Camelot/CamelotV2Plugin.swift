import Kernel

/// Camelot V2 (AMMv2): CamelotRouter's swap functions, which carry a `referrer`, and direct
/// `swap` calls on Camelot pairs.
///
/// Router kinds: `camelot-v2-router` for CamelotRouter, `pair` for a pair called directly; the
/// entry's `pools:` are pairs too. Pairs are derived like Uniswap V2's (salt keccak256(token0 ‖
/// token1)) from the entry's factory and init code hash.
public typealias CamelotV2Plugin = PairFamilyPlugin<CamelotV2Family>

/// What sets Camelot V2 apart among the pair families.
public enum CamelotV2Family: PairFamily {
    /// `camelot-v2`.
    public static let name = "camelot-v2"
    /// `camelot-v2-router`: CamelotRouter.
    public static let routerKind = "camelot-v2-router"
    /// CamelotRouter's three swap functions: exact input only, each with a `referrer` that
    /// receives part of the pair fee.
    public static let routerFunctions = [
        PairRouterFunction(
            "swapExactTokensForTokensSupportingFeeOnTransferTokens(uint256,uint256,address[],address,address,uint256)",
            PairRouterLayout.exactTokensIn(native: nil).withReferrer),
        PairRouterFunction(
            "swapExactETHForTokensSupportingFeeOnTransferTokens(uint256,address[],address,address,uint256)",
            PairRouterLayout.exactValueIn.withReferrer),
        PairRouterFunction(
            "swapExactTokensForETHSupportingFeeOnTransferTokens(uint256,uint256,address[],address,address,uint256)",
            PairRouterLayout.exactTokensIn(native: .output).withReferrer),
    ]
    /// CamelotPair's `swap`, and its form with a `referrer` for part of the fee.
    public static let pairSwaps: [PairSwap] = [.swap, .swapWithReferrer]
}
