import Kernel

/// Prices a sized cycle: its transaction's L2 gas and L1 data fee at the current fees, and its
/// profit net of both, in the base token and in ETH.
struct CyclePricer {
    /// The cost model (gas table, executor calldata, transaction envelope).
    var costModel: CycleCostModel
    /// The L2 base fee, in wei.
    var l2BaseFee: UInt256
    /// The L1 price per unit, in wei.
    var l1PricePerUnit: UInt256

    /// What a trade costs and nets.
    struct Pricing {
        /// The L2 gas.
        var gasUnits: UInt64
        /// The L2 gas at the base fee, in wei.
        var l2Cost: UInt256
        /// The L1 data fee, in wei.
        var l1Cost: UInt256
        /// Both, in wei.
        var totalCost: UInt256
    }

    /// A floor under every `cost` of `cycle`, its hops' kinds from `roster` (none: a kind
    /// unknown, no gas counted for it): their gas and the intrinsic 21,000 at the base fee,
    /// without the calldata's gas or the L1 data fee; zero where it overflows.
    func costFloor(of cycle: Cycle, roster: PoolRoster) -> UInt256 {
        var gas = HopGasTable.intrinsicGas(calldata: [])
        for hop in cycle {
            if let kind = roster[hop.pool]?.kind { gas &+= costModel.gasTable.gas(for: kind) }
        }
        let (floor, overflow) = UInt256(gas).multipliedReportingOverflow(by: l2BaseFee)
        return overflow ? .zero : floor
    }

    /// The cost of sending `amountIn` around `hops`; nil where it overflows or the base fee is 0.
    func cost(hops: [ExecutorHop], amountIn: UInt256) -> Pricing? {
        guard let estimate = costModel.estimate(hops: hops, amountIn: amountIn, baseFee: l2BaseFee, l1PricePerUnit: l1PricePerUnit),
              case let (l2Cost, false) = UInt256(estimate.l2Gas).multipliedReportingOverflow(by: l2BaseFee),
              case let (l1Cost, false) = estimate.l1Gas.multipliedReportingOverflow(by: l2BaseFee)
        else { return nil }
        return Pricing(gasUnits: estimate.l2Gas, l2Cost: l2Cost, l1Cost: l1Cost, totalCost: estimate.totalWei)
    }
}
