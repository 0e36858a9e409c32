import Kernel

/// The Uniswap V2 family: Router02's swap functions and direct `swap` calls on pairs.
///
/// Forks with the same contracts are entries of this plugin with their own factory and init code
/// hash (SushiSwap V2 on Arbitrum is `plugin: uniswap-v2`). Router kinds: `v2-router` for a
/// Router02 deployment, `pair` for a pair called directly; the entry's `pools:` are pairs too.
public typealias UniswapV2Plugin = PairFamilyPlugin<UniswapV2Family>

/// What sets Uniswap V2 apart among the pair families.
public enum UniswapV2Family: PairFamily {
    /// `uniswap-v2`.
    public static let name = "uniswap-v2"
    /// `v2-router`: UniswapV2Router02 and its forks.
    public static let routerKind = "v2-router"
    /// UniswapV2Router02's nine swap functions.
    public static let routerFunctions = [
        PairRouterFunction("swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", .exactTokensIn(native: nil)),
        PairRouterFunction("swapTokensForExactTokens(uint256,uint256,address[],address,uint256)", .exactTokensOut(native: nil)),
        PairRouterFunction("swapExactETHForTokens(uint256,address[],address,uint256)", .exactValueIn),
        PairRouterFunction("swapTokensForExactETH(uint256,uint256,address[],address,uint256)", .exactTokensOut(native: .output)),
        PairRouterFunction("swapExactTokensForETH(uint256,uint256,address[],address,uint256)", .exactTokensIn(native: .output)),
        PairRouterFunction("swapETHForExactTokens(uint256,address[],address,uint256)", .exactOutForValue),
        PairRouterFunction(
            "swapExactTokensForTokensSupportingFeeOnTransferTokens(uint256,uint256,address[],address,uint256)", .exactTokensIn(native: nil)),
        PairRouterFunction("swapExactETHForTokensSupportingFeeOnTransferTokens(uint256,address[],address,uint256)", .exactValueIn),
        PairRouterFunction(
            "swapExactTokensForETHSupportingFeeOnTransferTokens(uint256,uint256,address[],address,uint256)", .exactTokensIn(native: .output)),
    ]
    /// UniswapV2Pair's one `swap`.
    public static let pairSwaps: [PairSwap] = [.swap]
}
