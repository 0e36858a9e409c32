/// The pool interfaces a dex.yaml Curve pool can have (its `kind:`), which decide the index type
/// of its `exchange` functions and what `exchange_underlying` swaps.
public enum CurvePoolKind: String, CaseIterable, Sendable {
    /// A classic plain StableSwap pool (`int128` indexes), e.g. the Arbitrum 2pool.
    case stableswap
    /// A 2-coin factory plain pool of curve-factory's Vyper 0.3.1 implementations: called as
    /// `stableswap`, priced with its own `get_D` rounding (`CurveStableSwapVariant.factoryPlain2`).
    case stableswapFactoryPlain2 = "stableswap-factory-plain2"
    /// A StableSwap-NG plain pool (`int128` indexes, `exchange_received`).
    case stableswapNG = "stableswap-ng"
    /// A StableSwap metapool, classic or NG: `exchange_underlying` swaps the underlying coins
    /// (the metapool's own coin, then the base pool's coins).
    case metapool
    /// A lending StableSwap pool (aTokens, cTokens): `exchange_underlying` swaps the lent tokens.
    case lending
    /// A CryptoSwap v2 pool (the original tricrypto, factory crypto pools; `uint256` indexes,
    /// `use_eth`): `exchange_underlying` is the same swap paid in native ETH.
    case crypto
    /// A Twocrypto-NG pool (`uint256` indexes, `exchange_received`).
    case twocryptoNG = "twocrypto-ng"
    /// A Tricrypto-NG pool (`uint256` indexes, `use_eth`, `exchange_received`,
    /// `exchange_extended`): `exchange_underlying` is the same swap paid in native ETH.
    case tricryptoNG = "tricrypto-ng"

    /// Whether the pool's coin indexes are `int128` (StableSwap) rather than `uint256` (CryptoSwap).
    var hasSignedIndexes: Bool {
        switch self {
        case .stableswap, .stableswapFactoryPlain2, .stableswapNG, .metapool, .lending: true
        case .crypto, .twocryptoNG, .tricryptoNG: false
        }
    }

    /// Whether `exchange_underlying` swaps other tokens than `coins` (metapool and lending
    /// underlyings), rather than the same coins with native ETH for WETH.
    var hasDistinctUnderlyingCoins: Bool {
        self == .metapool || self == .lending
    }

    /// Whether the pool has an `exchange_underlying` at all (plain StableSwap pools have none).
    var hasExchangeUnderlying: Bool {
        self != .stableswap && self != .stableswapFactoryPlain2 && self != .stableswapNG && self != .twocryptoNG
    }
}
