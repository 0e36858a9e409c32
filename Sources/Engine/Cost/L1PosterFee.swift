import Kernel

/// Arbitrum's charge for posting a transaction to L1, as nitro computes it.
///
/// Source: OffchainLabs/nitro (read at commit 6dce8d1, April 2026).
/// - `arbos/l1pricing/l1pricing.go`, `getPosterUnitsWithoutCache`: the transaction's bytes
///   (`tx.MarshalBinary()`: the signed EIP-2718 envelope), compressed by
///   `byteCountAfterBrotliLevel` at the chain's brotli level, times
///   `params.TxDataNonZeroGasEIP2028` (16) units per compressed byte (saturating).
/// - `GetPosterInfo`: the cost is `PricePerUnit() × units`. A real signed transaction gets no
///   padding; `PosterDataCost` pads only a call without a transaction (gas estimation,
///   `makeFakeTxForMessage`): `(units + 16·16) × 10100 / 10000` (`estimationPaddingUnits`,
///   `estimationPaddingBasisPoints`), which `estimationUnits` reproduces.
/// - The level is `ArbosState.BrotliCompressionLevel()`: the ArbOS 20 upgrade set it to 1
///   (`arbos/arbosState/arbosstate.go`, `case params.ArbosVersion_20`); it was 0 before.
/// - `arbos/tx_processor.go`, `GasChargingHook` and `GetPosterGas`: the user pays the cost as
///   `floor(cost / gasPrice)` gas at the transaction's gas price (the base fee on Arbitrum),
///   which receipts report as `gasUsedForL1`.
/// - The price per unit is `ArbGasInfo.getL1BaseFeeEstimate()` (`precompiles/ArbGasInfo.go`
///   returns `L1PricingState().PricePerUnit()`).
///
/// Compression uses the system brotli library (`BrotliSize`); nitro builds its own copy from
/// a submodule, and different brotli releases may compress differently. The tests check this one
/// against real receipts.
public enum L1PosterFee {
    /// Units charged per compressed byte (`params.TxDataNonZeroGasEIP2028`).
    public static let unitsPerByte: UInt64 = 16
    /// The brotli level Arbitrum One has used since ArbOS 20.
    public static let brotliLevel: UInt32 = 1

    /// The poster units for a signed transaction's bytes: 16 × its brotli-compressed length at
    /// `brotliLevel` (nitro accepts levels 0 ... 11); nil if the encoder fails.
    public static func units(signedTransaction bytes: [UInt8], brotliLevel: UInt32 = brotliLevel) -> UInt64? {
        guard let count = BrotliSize.compressedCount(of: bytes, quality: brotliLevel) else { return nil }
        return UInt64(count) * unitsPerByte
    }

    /// The poster cost in wei, `pricePerUnit × units`; nil if it overflows 256 bits.
    public static func cost(units: UInt64, pricePerUnit: UInt256) -> UInt256? {
        let (cost, overflow) = pricePerUnit.multipliedReportingOverflow(by: UInt256(units))
        return overflow ? nil : cost
    }

    /// The gas a transaction pays for that cost at `gasPrice`: `floor(cost / gasPrice)`; nil for
    /// a zero gas price (nitro charges no poster gas then).
    public static func gas(cost: UInt256, gasPrice: UInt256) -> UInt256? {
        cost.quotientAndRemainder(dividingBy: gasPrice)?.quotient
    }

    /// The padded units nitro charges when it estimates gas for a call without a signed
    /// transaction: `(units + 256) × 10100 / 10000`, saturating.
    public static func estimationUnits(_ units: UInt64) -> UInt64 {
        let (padded, overflow) = units.addingReportingOverflow(16 * unitsPerByte)
        guard !overflow else { return .max }
        let (scaled, scaleOverflow) = padded.multipliedReportingOverflow(by: 10_100)
        return scaleOverflow ? .max / 10_000 : scaled / 10_000
    }
}
