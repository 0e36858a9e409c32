extension CurvePoolKind {
    /// The StableSwap math that prices pools of this kind exactly from what
    /// `CurveStableSwapStateLoader` reads, or nil where the kind is not priced exactly yet:
    /// - `lending`: the kind covers both the Aave template (offpeg fee, admin balances, no rates)
    ///   and the cToken/yToken template (`CurveStableSwapVariant.lending`, whose rates come from
    ///   the coins and are not loaded here), so the config does not say which math applies;
    /// - `metapool`: its rates include the base pool's virtual price;
    /// - every CryptoSwap kind (`crypto`, `twocrypto-ng`, `tricrypto-ng`).
    ///
    /// Plain `stableswap` pools are the classic Vyper 0.2.x math (the Arbitrum 2pool); the 2-coin
    /// factory pools of Vyper 0.3.1 (`CurveStableSwapVariant.factoryPlain2`) have no kind of their own.
    public var stableSwapVariant: CurveStableSwapVariant? {
        switch self {
        case .stableswap: .stableswap
        case .stableswapNG: .stableswapNG
        case .lending, .metapool, .crypto, .twocryptoNG, .tricryptoNG: nil
        }
    }

    /// Whether pools of this kind are quoted exactly; the others are skipped, never guessed.
    public var isPricedExactly: Bool { stableSwapVariant != nil }
}
