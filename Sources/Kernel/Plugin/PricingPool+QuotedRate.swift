extension PricingPool {
    /// The marginal rate of a pool without a closed form, measured with one small exact quote:
    /// `amountOut(probe) / probe` as `Double`s, where `probe` is a millionth of `balanceIn` (the
    /// input side's balance), at least 1 unit. A millionth moves the price by about a millionth,
    /// far below any fee, and the quote includes the fee as the pool charges it. Nil where that
    /// quote reverts or is refused.
    public func quotedMarginalRate(from: Int, to: Int, balanceIn: UInt256) -> Double? {
        let probe = max(balanceIn / UInt256(1_000_000), .one)
        guard let out = try? amountOut(probe, from: from, to: to) else { return nil }
        return out.approximateDouble / probe.approximateDouble
    }
}
