extension TickTable {
    /// A position's liquidity change between `lower` and `upper` (Uniswap's `_modifyPosition`,
    /// Algebra's `_updatePositionTicksAndFees`): both ticks' gross and net, and the active
    /// `liquidity` when `lower <= currentTick < upper`. Returns the new table and active
    /// liquidity; `invalidState` where either leaves its range (the caller changes nothing then).
    func applyingPosition(
        lower: Int32, upper: Int32, liquidityDelta: Int256, currentTick: Int32, liquidity: UInt256
    ) throws(PoolError) -> (ticks: TickTable, liquidity: UInt256) {
        var table = self
        try table.update(tick: lower, liquidityDelta: liquidityDelta, upper: false)
        try table.update(tick: upper, liquidityDelta: liquidityDelta, upper: true)
        var active = liquidity
        if currentTick >= lower && currentTick < upper {
            do { active = try LiquidityMath.addDelta(active, liquidityDelta) } catch {
                throw .invalidState("active liquidity out of range after the position change")
            }
        }
        return (table, active)
    }
}
