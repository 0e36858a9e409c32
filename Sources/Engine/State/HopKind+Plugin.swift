extension HopKind {
    /// The kind of a pool of the plugin family `plugin` (`DEXPlugin.name`); nil for a family the
    /// executor has no hop for, whose pools the engine then leaves out of its cycles.
    public init?(plugin: String) {
        switch plugin {
        case "uniswap-v2": self = .uniswapV2
        case "camelot-v2": self = .camelotV2
        case "uniswap-v3": self = .uniswapV3
        case "camelot-v3": self = .algebra
        case "curve": self = .curve
        default: return nil
        }
    }
}
