/// Why a leg changed nothing. Summaries count legs by these names (`rawValue`).
public enum LegFailure: String, Error, Sendable, CaseIterable {
    /// The message's time is past the call's deadline (`Transaction too old`, `EXPIRED`).
    case deadline
    /// The output is below the caller's minimum (`Too little received`, `INSUFFICIENT_OUTPUT_AMOUNT`).
    case amountOutMin
    /// The input is above the caller's maximum (`Too much requested`, `EXCESSIVE_INPUT_AMOUNT`).
    case amountInMax
    /// An exact output the pool could not fill in full before the price limit or its liquidity.
    case partialFill
    /// A pool reverts (its reason is the contract's; `SPL`, `UniswapV2: K`, ...).
    case poolRevert
    /// The pool type cannot price what the leg asks exactly (an exact output on a pool without
    /// one, a swap beyond the loaded ticks): the engine refuses rather than guesses.
    case unpriced
    /// The leg's input is what an earlier leg left in the router, and that leg did not run.
    case unknownAmount
    /// Another leg of the same transaction reverted, so the whole transaction did.
    case transactionReverted
}
