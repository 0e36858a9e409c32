import Kernel

/// What a cycle transaction costs on Arbitrum One: L2 gas at the base fee, plus the L1 poster
/// fee for its compressed bytes, paid as gas too.
public struct CycleCostEstimate: Sendable, Equatable {
    /// The executor calldata's length (`ExecutorCalldata`).
    public let calldataBytes: Int
    /// The signed transaction's estimated length.
    public let transactionBytes: Int
    /// The L1 poster units (16 per compressed byte).
    public let l1Units: UInt64
    /// The gas charged for the L1 fee: `floor(pricePerUnit × units / baseFee)` (a receipt's
    /// `gasUsedForL1`).
    public let l1Gas: UInt256
    /// The L2 gas (`HopGasTable`).
    public let l2Gas: UInt64
    /// The whole cost in wei: `(l1Gas + l2Gas) × baseFee`.
    public let totalWei: UInt256
}

/// Estimates a cycle's cost from its hops and input: executor calldata (`ExecutorCalldata`),
/// inside an EIP-1559 envelope (`TransactionTemplate`), priced with nitro's L1 rule
/// (`L1PosterFee`) and the gas table (`HopGasTable`).
public struct CycleCostModel: Sendable, Equatable {
    /// The L2 gas per hop kind.
    public var gasTable: HopGasTable
    /// The transaction's other fields.
    public var template: TransactionTemplate
    /// The executor's pool table: pools named by index in the calldata.
    public var poolIndexes: [Address: UInt16]

    /// A model with this table, template and pool table.
    public init(gasTable: HopGasTable = .executorMeasurements, template: TransactionTemplate, poolIndexes: [Address: UInt16] = [:]) {
        self.gasTable = gasTable
        self.template = template
        self.poolIndexes = poolIndexes
    }

    /// The cost of sending `amountIn` around `hops` at L2 base fee `baseFee` and L1 price per
    /// unit `l1PricePerUnit` (`ArbGasInfo.getL1BaseFeeEstimate()`), with the calldata of a zero
    /// minimum profit (the minimum the submission carries adds up to 15 bytes); nil for a zero
    /// base fee, amounts that overflow 256 bits or a cycle the calldata cannot carry.
    public func estimate(hops: [ExecutorHop], amountIn: UInt256, baseFee: UInt256, l1PricePerUnit: UInt256) -> CycleCostEstimate? {
        guard let calldata = try? ExecutorCalldata.encode(hops: hops, amountIn: amountIn, minimumProfit: .zero, poolIndexes: poolIndexes)
        else { return nil }
        let transaction = template.signedBytes(data: calldata)
        guard let units = L1PosterFee.units(signedTransaction: transaction),
              let posterCost = L1PosterFee.cost(units: units, pricePerUnit: l1PricePerUnit),
              let l1Gas = L1PosterFee.gas(cost: posterCost, gasPrice: baseFee)
        else { return nil }
        let l2Gas = gasTable.gas(hops: hops, calldata: calldata)
        let (gas, gasOverflow) = l1Gas.addingReportingOverflow(UInt256(l2Gas))
        let (total, totalOverflow) = gas.multipliedReportingOverflow(by: baseFee)
        guard !gasOverflow, !totalOverflow else { return nil }
        return CycleCostEstimate(
            calldataBytes: calldata.count, transactionBytes: transaction.count, l1Units: units,
            l1Gas: l1Gas, l2Gas: l2Gas, totalWei: total)
    }
}
