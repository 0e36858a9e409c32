/// One direction of a pool's quote in closed form near its current state, for the engine's
/// sizing: the output of an input `x` is `x·multiplier·reserveOut / (reserveIn·denominator +
/// x·multiplier)`, exact for a constant-product pair (the contract rounds this value down) and
/// an upper bound within one range of a concentrated-liquidity pool.
///
/// Where it is exact, the pool says so (`exactInputLimit`) and `exactQuote` is the pool's own
/// quote computed from the curve alone, as the engine's sizing quotes constant-product hops: no
/// pool value is copied and no protocol is called.
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
    /// Where the pool's exact-input quote *is* this curve's value rounded down (a
    /// constant-product pair): the largest input the pool accepts (a pair's input reserve may not
    /// pass 2^112 − 1). Every input from 1 up to it is quoted by `exactQuote`; larger ones
    /// revert. Nil where the curve only bounds the quote (a concentrated-liquidity range).
    public var exactInputLimit: UInt256?

    /// Creates a curve; `exactInputLimit` only where the pool's quote is the curve rounded down.
    public init(
        reserveIn: UInt256, reserveOut: UInt256, feeMultiplier: UInt256, feeDenominator: UInt256, inputLimit: UInt256?,
        exactInputLimit: UInt256? = nil
    ) {
        self.reserveIn = reserveIn
        self.reserveOut = reserveOut
        self.feeMultiplier = feeMultiplier
        self.feeDenominator = feeDenominator
        self.inputLimit = inputLimit
        self.exactInputLimit = exactInputLimit
    }

    /// The pool's exact-input quote where the curve is exact (`exactInputLimit`), prepared for
    /// repeated use; nil for a curve that only bounds the quote (and where the pool reverts on
    /// every input, `ConstantProductQuote.init(curve:)`).
    public var exactQuote: ConstantProductQuote? {
        ConstantProductQuote(curve: self)
    }

    /// The output per unit of input for an infinitesimal trade, after the fee:
    /// `multiplier·reserveOut / (denominator·reserveIn)`; nil for an empty input reserve.
    public var marginalRate: Double? {
        let denominator = feeDenominator.approximateDouble * reserveIn.approximateDouble
        guard denominator > 0 else { return nil }
        return feeMultiplier.approximateDouble * reserveOut.approximateDouble / denominator
    }
}
