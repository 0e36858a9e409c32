import Kernel

/// A pool named in the entry's `pools:`, as the decoder uses it.
struct CurvePool: Sendable {
    /// The pool contract.
    let address: Address
    /// Its coins in index order, native ETH written as WETH.
    let coins: [Address]
    /// Its interface.
    let kind: CurvePoolKind
}

/// Limits every Curve contract shares.
enum CurveLimits {
    /// The most coins a Curve pool (or a metapool's underlying set) has: StableSwap-NG's `MAX_COINS`.
    static let maxCoins = 8
}
