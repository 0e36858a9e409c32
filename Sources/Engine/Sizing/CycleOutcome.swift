import Kernel

/// What quoting a cycle for one input gives, ordered from worst to best: a revert, then losses
/// (larger is worse), then gains (larger is better). A zero gain is break-even, not a profit.
enum CycleOutcome: Comparable {
    /// Some hop would revert.
    case reverted
    /// The cycle returns less than it takes, by this much.
    case loss(UInt256)
    /// The cycle returns at least what it takes, with this much over.
    case gain(UInt256)

    /// The outcome of putting `amountIn` in and getting `amountOut` back.
    init(amountIn: UInt256, amountOut: UInt256) {
        self = amountOut >= amountIn ? .gain(amountOut - amountIn) : .loss(amountIn - amountOut)
    }

    /// Worst-to-best order.
    static func < (a: CycleOutcome, b: CycleOutcome) -> Bool {
        switch (a, b) {
        case (.reverted, .reverted): false
        case (.reverted, _): true
        case (_, .reverted): false
        case (.loss(let x), .loss(let y)): x > y
        case (.loss, .gain): true
        case (.gain, .loss): false
        case (.gain(let x), .gain(let y)): x < y
        }
    }

    /// The profit when the outcome is a gain of at least one unit.
    var profit: UInt256? {
        if case .gain(let amount) = self, !amount.isZero { return amount }
        return nil
    }
}
