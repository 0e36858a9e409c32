/// The head of the Curve Router NG's `exchange(_route, _swap_params, _amount, _min_dy, _pools,
/// _receiver)`: all static, so every argument lies at a fixed word.
enum RouterCallLayout {
    /// `_route: address[11]`: token, pool, token, pool, … token.
    static let route = 0
    /// `_swap_params: uint256[5][5]`: per step `[i, j, swap_type, pool_type, n_coins]`.
    static let swapParams = 11
    /// Words per step in `_swap_params`.
    static let wordsPerStep = 5
    /// `_amount`.
    static let amount = 36
    /// `_min_dy` (`_expected` in v1.0).
    static let minDy = 37
    /// `_pools: address[5]`: the pool behind a zap, for swap type 3.
    static let pools = 38
    /// `_receiver`.
    static let receiver = 43
    /// The most steps a route has.
    static let maxSteps = 5

    /// The name of the argument in head word `word`.
    static func field(atWord word: Int) -> StaticString {
        switch word {
        case ..<swapParams: "route"
        case ..<amount: "swap_params"
        case amount: "amount"
        case minDy: "min_dy"
        case ..<receiver: "pools"
        default: "receiver"
        }
    }
}

/// What a router step does (`swap_params[k][2]`), as Router NG v1.0 and v1.1 define it.
enum RouterSwapType: UInt64 {
    /// The pool's `exchange`.
    case exchange = 1
    /// The pool's `exchange_underlying`.
    case exchangeUnderlying = 2
    /// An underlying swap through a zap; the pool is in `_pools`.
    case zapUnderlying = 3
    /// Coin to LP token (`add_liquidity`).
    case addLiquidity = 4
    /// Lending pool underlying coin to LP token (`add_liquidity` with `use_underlying`).
    case addLiquidityUnderlying = 5
    /// LP token to coin (`remove_liquidity_one_coin`).
    case removeLiquidity = 6
    /// LP token to lending pool underlying coin.
    case removeLiquidityUnderlying = 7
    /// ETH to WETH or back: no pool.
    case wrap = 8
}
