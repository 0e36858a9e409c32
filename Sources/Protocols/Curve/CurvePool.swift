import Kernel

/// A pool named in the entry's `pools:`, as the decoder uses it.
struct CurvePool: Sendable {
    /// The pool contract.
    let address: Address
    /// Its coins in index order, native ETH written as WETH.
    let coins: [Address]
    /// The underlying coins `exchange_underlying` swaps (metapools, lending pools), native ETH
    /// written as WETH; empty where the config does not name them.
    let underlyingCoins: [Address]
    /// Its interface.
    let kind: CurvePoolKind
}

/// Limits every Curve contract shares.
enum CurveLimits {
    /// The most coins a Curve pool (or a metapool's underlying set) has: StableSwap-NG's `MAX_COINS`.
    static let maxCoins = 8
}
