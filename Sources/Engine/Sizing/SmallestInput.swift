import Kernel

extension SizingHop {
    /// The smallest input whose exact quote is at least `amountOut`; nil when the pool has no
    /// exact-output input for it, a quote on the way reverts, or `probeLimit` quotes do not
    /// settle it. `known`, when given, is an input whose quote is exactly `amountOut`. Adds the
    /// pool computations spent (the exact-output input and each quote) to `quotes`.
    ///
    /// With `known`, one quote of the input below it settles the common case (runs of equal
    /// outputs one unit wide). Otherwise the search starts at the pool's exact-output input
    /// (`exactOutputInput`), which rounds up and so usually pays enough; it steps down 1, 2,
    /// 4, … units until an input falls short (up the same way if the start falls short, never
    /// past `known`), then bisects: two or three quotes where the exact-output input is the
    /// smallest or one above it. Quotes never fall as the input grows, so the answer is exact.
    func smallestInput(reaching amountOut: UInt256, known: UInt256? = nil, probeLimit: Int, quotes: inout Int) -> UInt256? {
        guard !amountOut.isZero, let exactOutputInput else { return nil }
        var probes = 0
        /// Whether `input` pays at least `amountOut`; nil when it reverts or the probes ran out.
        func reaches(_ input: UInt256) -> Bool? {
            guard probes < probeLimit else { return nil }
            probes += 1
            quotes += 1
            guard let output = self.amountOut(input) else { return nil }
            return output >= amountOut
        }
        // `low` falls short (zero always does); `ceiling`, when known, reaches.
        var low = UInt256.zero
        var ceiling: UInt256?
        if let known, !known.isZero {
            guard known > .one else { return known }
            guard let below = reaches(known - .one) else { return nil }
            guard below else { return known }
            ceiling = known - .one
        }
        quotes += 1
        guard let estimate = exactOutputInput(amountOut), !estimate.isZero else { return nil }
        var high = ceiling.map { Swift.min($0, estimate) } ?? estimate
        var step = UInt256.one
        if high != ceiling {
            guard var reached = reaches(high) else { return nil }
            while !reached {
                // Up from a start that falls short, never past the ceiling.
                low = high
                guard UInt256.max - high > step else { return nil }
                high = high + step
                if let ceiling, high >= ceiling { high = ceiling; break }
                step = step << 1
                guard let next = reaches(high) else { return nil }
                reached = next
            }
        }
        if low.isZero {
            // Down from a start that reaches, until an input falls short.
            step = .one
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
    /// answer. `known`, when given, is an input whose cycle output is exactly `amountOut` with
    /// each hop's output for it: a hop whose output there is its target starts from its input
    /// there. Adds the pool computations spent to `quotes`.
    func smallestInput(reaching amountOut: UInt256, known: (input: UInt256, outputs: HopOutputs)? = nil, quotes: inout Int) -> UInt256? {
        var amount = amountOut
        for index in hops.indices.reversed() {
            let knownInput = known.flatMap { known in
                known.outputs[index] == amount ? (index == 0 ? known.input : known.outputs[index - 1]) : nil
            }
            guard let input = hops[index].smallestInput(reaching: amount, known: knownInput, probeLimit: probeLimit, quotes: &quotes)
            else { return nil }
            amount = input
        }
        return amount
    }
}
