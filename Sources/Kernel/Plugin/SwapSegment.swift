/// One tick range of a pool's quote in closed form, for sizing a cycle past the range it starts
/// in: from the input `startInput`, for which the pool pays exactly `startOutput`, a further input
/// `x` of up to `curve.inputLimit` pays at most `startOutput + curve(x)`.
///
/// A concentrated-liquidity pool's swap of `startInput` ends exactly on the range's first tick
/// price, every step before having reached its target; a larger input repeats those steps and
/// then runs in this range from that price with its liquidity, whose constant product with the
/// fee is `curve` (reserves rounded so that it bounds the exact step from above).
public struct SwapSegment: Sendable, Equatable {
    /// The input, fees included, that brings the pool to the range's start.
    public var startInput: UInt256
    /// What the pool pays for `startInput`.
    public var startOutput: UInt256
    /// The range's closed form for the input beyond `startInput`; its `inputLimit` is the
    /// range's width in input (nil where it has no end).
    public var curve: SwapCurve

    /// A segment starting at `startInput` (paying `startOutput`) with `curve` beyond it.
    public init(startInput: UInt256, startOutput: UInt256, curve: SwapCurve) {
        self.startInput = startInput
        self.startOutput = startOutput
        self.curve = curve
    }
}
