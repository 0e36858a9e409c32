/// One swap function of a V2-style router: its selector, its name as legs report it, and where
/// its arguments are.
public struct PairRouterFunction: Sendable {
    /// The 4-byte selector.
    public let selector: UInt32
    /// The function's name, e.g. `swapExactTokensForTokens`.
    public let name: String
    /// Where its arguments are.
    public let layout: PairRouterLayout

    /// The function with the canonical `signature`, e.g.
    /// `swapExactTokensForTokens(uint256,uint256,address[],address,uint256)`, whose arguments lie
    /// as `layout` says.
    public init(_ signature: String, _ layout: PairRouterLayout) {
        selector = FunctionSelector.of(signature)
        name = String(signature.prefix { $0 != "(" })
        self.layout = layout
    }
}
