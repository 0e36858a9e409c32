import Kernel

extension TradeLimits {
    /// The first limit the trade breaks, in the order they are cheapest to check, or nil when it
    /// keeps them all.
    /// - Parameters:
    ///   - token: the cycle's base token; `amountIn` its input.
    ///   - detectedOut: the cycle's output when the engine found it; `requotedOut` its output on
    ///     the newest pending state just before signing (nil: the re-quote reverts).
    ///   - maxFeePerGas: the fee cap the transaction would carry.
    ///   - netProfitWei: the net profit in wei of ETH after the real signed transaction's costs.
    ///   - tradesThisBlock: trades already sent for the block.
    public func refusal(token: Address, amountIn: UInt256, detectedOut: UInt256, requotedOut: UInt256?, maxFeePerGas: UInt256,
                        netProfitWei: UInt256, tradesThisBlock: Int) -> TradeRefusal? {
        guard let cap = maxInput[token] else { return .tokenNotAllowed }
        if amountIn > cap { return .inputTooLarge }
        if tradesThisBlock >= maxTradesPerBlock { return .tradesPerBlock }
        if maxFeePerGas > maxGasPriceWei { return .gasPrice }
        guard let requotedOut, !Self.slipped(from: detectedOut, to: requotedOut, bps: maxSlippageBps) else { return .slippage }
        if netProfitWei < minNetProfitWei { return .profitTooLow }
        return nil
    }

    /// Whether `to` is below `from` by more than `bps` basis points of `from`.
    static func slipped(from: UInt256, to: UInt256, bps: Int) -> Bool {
        guard to < from else { return false }
        let (allowed, overflow) = from.multipliedReportingOverflow(by: UInt256(UInt64(bps)))
        let lost = from - to
        if overflow { return lost > from / UInt256(10_000) * UInt256(UInt64(bps)) }
        return lost > allowed / UInt256(10_000)
    }
}
