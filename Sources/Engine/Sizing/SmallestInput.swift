import Kernel

extension SizingHop {
    /// The smallest input whose exact quote is at least `amountOut`; nil when the pool has no
    /// exact-output input for it, a quote on the way reverts, or `probeLimit` quotes do not
    /// settle it. Adds the pool computations spent (the exact-output input and each quote) to
    /// `quotes`.
    ///
    /// The search starts at the pool's exact-output input (`exactOutputInput`), which rounds up
    /// and so usually pays enough; it steps down 1, 2, 4, … units until an input falls short
    /// (up the same way if the start falls short), then bisects. Where the exact-output input is
    /// the smallest or one above it, that is two or three quotes. Quotes never fall as the input
    /// grows, so the answer is exact.
    func smallestInput(reaching amountOut: UInt256, probeLimit: Int, quotes: inout Int) -> UInt256? {
        guard !amountOut.isZero, let exactOutputInput else { return nil }
        quotes += 1
        guard let estimate = exactOutputInput(amountOut), !estimate.isZero else { return nil }
        var probes = 0
        /// Whether `input` pays at least `amountOut`; nil when it reverts or the probes ran out.
        func reaches(_ input: UInt256) -> Bool? {
            guard probes < probeLimit else { return nil }
            probes += 1
            quotes += 1
            guard let output = try? quote(input) else { return nil }
            return output >= amountOut
        }
        // `low` falls short (zero always does), `high` reaches.
        var (low, high) = (UInt256.zero, estimate)
        var step = UInt256.one
        guard var reached = reaches(estimate) else { return nil }
        while !reached {
            // Up from a start that falls short.
            low = high
            guard UInt256.max - high > step else { return nil }
            high = high + step
            step = step << 1
            guard let next = reaches(high) else { return nil }
            reached = next
        }
        if low.isZero {
            // Down from a start that reaches, until an input falls short.
            while high > step {
                let candidate = high - step
                guard let next = reaches(candidate) else { return nil }
                guard next else { low = candidate; break }
                high = candidate
                step = step << 1
            }
        }
        while high - low > .one {
            let middle = low + ((high - low) >> 1)
            guard let next = reaches(middle) else { return nil }
            if next { high = middle } else { low = middle }
        }
        return high
    }
}

/// The smallest input a cycle needs for a given output: every hop's smallest input for the
/// amount the next hop needs, from the last hop back.
///
/// Each hop's quote never falls as its input grows, so the cycle's output reaches `y` exactly
/// when the last hop's input reaches its smallest input for `y`, and so on back: the composition
/// of the hops' exact answers is the cycle's exact answer. It costs each hop an exact-output
/// input and two or three quotes (`SizingHop.smallestInput(reaching:probeLimit:quotes:)`), where
/// searching the cycle's own quotes for the step costs two per bit of the distance to it.
struct CycleInverse {
    /// The cycle's hops.
    let hops: [SizingHop]
    /// The most quotes each hop may spend.
    let probeLimit: Int

    /// An inverse for `hops`, or nil when some hop has no exact-output input.
    init?(_ hops: [SizingHop], probeLimit: Int) {
        guard hops.allSatisfy({ $0.exactOutputInput != nil }) else { return nil }
        self.hops = hops
        self.probeLimit = probeLimit
    }

    /// The smallest input whose cycle output is at least `amountOut`; nil where some hop has no
    /// answer. Adds the pool computations spent to `quotes`.
    func smallestInput(reaching amountOut: UInt256, quotes: inout Int) -> UInt256? {
        var amount = amountOut
        for hop in hops.reversed() {
            guard let input = hop.smallestInput(reaching: amount, probeLimit: probeLimit, quotes: &quotes) else { return nil }
            amount = input
        }
        return amount
    }
}
