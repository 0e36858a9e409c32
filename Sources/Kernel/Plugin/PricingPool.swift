/// The pricing plugin protocol: a pool's state as a value that quotes and applies swaps exactly
/// as its contract computes them (integer math, the contract's rounding).
///
/// The pool math of each family implements it (the exact-math issue); the engine simulates the
/// swaps it recognises on copies of these values.
public protocol PricingPool: Sendable {
    /// The pool's address.
    var address: Address { get }
    /// The pool's tokens in their on-chain order (token0, token1, … ; Curve coin indexes).
    var tokens: [Address] { get }
    /// The output of swapping exactly `amountIn` of `tokens[from]` into `tokens[to]`, as the
    /// contract pays it; `PoolError.revert` where the contract would revert.
    func amountOut(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256
    /// Applies that swap to the state and returns the output.
    mutating func swap(_ amountIn: UInt256, from: Int, to: Int) throws(PoolError) -> UInt256
}

/// Why a pool cannot quote.
public enum PoolError: Error, Equatable, Sendable {
    /// The contract would revert, with its reason where it has one (e.g. `SPL`, `AS`).
    case revert(String)
    /// The state or input is outside what the math accepts (zero liquidity, absurd reserves).
    case invalidState(String)
}
