/// One direction of a pool's quote in closed form near its current state, for the engine's
/// sizing: the output of an input `x` is `x·multiplier·reserveOut / (reserveIn·denominator +
/// x·multiplier)`, exact for a constant-product pair (the contract rounds this value down) and
/// an upper bound within one range of a concentrated-liquidity pool.
public struct SwapCurve: Sendable, Equatable {
    /// The input side's reserve (real for a pair, virtual `L·2^96/√P` or `L·√P/2^96` in a range).
    public var reserveIn: UInt256
    /// The output side's reserve.
    public var reserveOut: UInt256
    /// The fee factor's numerator applied to the input (997 for 0.3 % over 1000).
    public var feeMultiplier: UInt256
    /// The fee factor's denominator.
    public var feeDenominator: UInt256
    /// The largest input the formula describes: up to the end of the current tick range for a
    /// concentrated-liquidity pool (beyond it the liquidity changes); nil where it holds for
    /// every input (a pair).
    public var inputLimit: UInt256?

    /// Creates a curve.
    public init(reserveIn: UInt256, reserveOut: UInt256, feeMultiplier: UInt256, feeDenominator: UInt256, inputLimit: UInt256?) {
        self.reserveIn = reserveIn
        self.reserveOut = reserveOut
        self.feeMultiplier = feeMultiplier
        self.feeDenominator = feeDenominator
        self.inputLimit = inputLimit
    }

    /// The output per unit of input for an infinitesimal trade, after the fee:
    /// `multiplier·reserveOut / (denominator·reserveIn)`; nil for an empty input reserve.
    public var marginalRate: Double? {
        let denominator = feeDenominator.approximateDouble * reserveIn.approximateDouble
        guard denominator > 0 else { return nil }
        return feeMultiplier.approximateDouble * reserveOut.approximateDouble / denominator
    }
}
