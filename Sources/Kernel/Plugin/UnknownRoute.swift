/// An aggregator swap whose route its calldata does not reveal (an executor's private
/// encoding): what the user sells and buys, and how much, as the public part of the call says.
///
/// The engine cannot apply it, but it knows which pair's pools the transaction will move: it
/// should hold its opinion of those pools as uncertain until the next block's logs.
public struct UnknownRoute: Sendable, Equatable {
    /// The aggregator entry whose router was called.
    public var aggregator: String
    /// The token sold, where the call names it.
    public var tokenIn: Address?
    /// The token bought, where the call names it.
    public var tokenOut: Address?
    /// The amount sold, where the call fixes it.
    public var amountIn: UInt256?
    /// The least the user accepts of `tokenOut`, where the call says.
    public var minAmountOut: UInt256?

    /// Creates an unknown route.
    public init(aggregator: String, tokenIn: Address?, tokenOut: Address?, amountIn: UInt256?, minAmountOut: UInt256?) {
        self.aggregator = aggregator
        self.tokenIn = tokenIn
        self.tokenOut = tokenOut
        self.amountIn = amountIn
        self.minAmountOut = minAmountOut
    }
}
