import Kernel

/// One hop of a cycle as the executor contract needs it: which pool, of which kind, from which
/// of its tokens to which.
public struct ExecutorHop: Sendable, Equatable {
    /// The pool family.
    public var kind: HopKind
    /// The pool's address.
    public var pool: Address
    /// The index of the token going in (0 or 1, up to 7 for Curve).
    public var tokenIn: UInt8
    /// The index of the token coming out.
    public var tokenOut: UInt8

    /// A hop through `pool` from token `tokenIn` to token `tokenOut`.
    public init(kind: HopKind, pool: Address, tokenIn: UInt8, tokenOut: UInt8) {
        self.kind = kind
        self.pool = pool
        self.tokenIn = tokenIn
        self.tokenOut = tokenOut
    }
}
