extension CurvePoolKind {
    /// The StableSwap math that prices pools of this kind exactly from what
    /// `CurveStableSwapStateLoader` reads, or nil where the kind is not priced exactly yet:
    /// - `lending`: the kind covers both the Aave template (offpeg fee, admin balances, no rates)
    ///   and the cToken/yToken template (`CurveStableSwapVariant.lending`, whose rates come from
    ///   the coins and are not loaded here), so the config does not say which math applies;
    /// - `metapool`: its rates include the base pool's virtual price;
    /// - every CryptoSwap kind (`crypto`, `twocrypto-ng`, `tricrypto-ng`).
    ///
    /// Plain `stableswap` pools are the classic Vyper 0.2.x math (the Arbitrum 2pool);
    /// `stableswap-factory-plain2` the 2-coin factory pools of Vyper 0.3.1, whose `get_D` rounds
    /// differently (in about 1 case in 1,000 with 18-decimal coins).
    public var stableSwapVariant: CurveStableSwapVariant? {
        switch self {
        case .stableswap: .stableswap
        case .stableswapFactoryPlain2: .factoryPlain2
        case .stableswapNG: .stableswapNG
        case .lending, .metapool, .crypto, .twocryptoNG, .tricryptoNG: nil
        }
    }

    /// Whether pools of this kind are quoted exactly; the others are skipped, never guessed.
    public var isPricedExactly: Bool { stableSwapVariant != nil }
}
