import Kernel

/// Each hop's output for one input, held inline for cycles of up to three hops (every cycle
/// the index holds) and in an array beyond: an evaluator then sizes a cycle without allocating
/// until it reports the trade. (Two arrays per sizing cost more than a tenth of a 2-pair
/// sizing by perf: the allocations and the runtime's look-up of their storage type.)
struct HopOutputs {
    /// The outputs of hops 0, 1 and 2 when `count <= 3`.
    private var inline: (UInt256, UInt256, UInt256) = (.zero, .zero, .zero)
    /// The outputs when `count > 3`; empty (no allocation) otherwise.
    private var spilled: [UInt256] = []
    /// The number of hops.
    let count: Int

    /// Zeros for `count` hops.
    init(count: Int) {
        self.count = count
        if count > 3 { spilled = Array(repeating: .zero, count: count) }
    }

    /// `outputs`, in hop order.
    init(_ outputs: [UInt256]) {
        self.init(count: outputs.count)
        for (index, output) in outputs.enumerated() { self[index] = output }
    }

    /// Hop `index`'s output.
    subscript(index: Int) -> UInt256 {
        get {
            guard count <= 3 else { return spilled[index] }
            switch index {
            case 0: return inline.0
            case 1: return inline.1
            default: precondition(index == 2, "hop index out of range"); return inline.2
            }
        }
        set {
            guard count <= 3 else { spilled[index] = newValue; return }
            switch index {
            case 0: inline.0 = newValue
            case 1: inline.1 = newValue
            default: precondition(index == 2, "hop index out of range"); inline.2 = newValue
            }
        }
    }

    /// The outputs in hop order.
    var array: [UInt256] {
        count <= 3 ? (0..<count).map { self[$0] } : spilled
    }
}
