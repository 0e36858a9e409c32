/// The pool families a cycle's hop can be, as the executor calldata and the gas table tell
/// them apart.
public enum HopKind: UInt8, Sendable, CaseIterable {
    /// A Uniswap V2 pair or a fork with the same interface (SushiSwap).
    case uniswapV2 = 0
    /// A Camelot V2 pair (volatile or stable).
    case camelotV2 = 1
    /// A Uniswap V3 pool.
    case uniswapV3 = 2
    /// An Algebra pool (Camelot V3).
    case algebra = 3
    /// A Curve StableSwap pool.
    case curve = 4
}
