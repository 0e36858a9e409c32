/// Durations of one stage, one per sample, summarised as percentiles.
struct LatencySamples {
    private var nanoseconds: [UInt64] = []

    /// Adds one sample.
    mutating func add(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        nanoseconds.append(UInt64(clamping: seconds) &* 1_000_000_000 &+ UInt64(clamping: attoseconds / 1_000_000_000))
    }

    /// Adds one sample in nanoseconds.
    mutating func add(nanoseconds value: UInt64) {
        nanoseconds.append(value)
    }

    /// `{"p50","p99","max"}` in units of `divisor` nanoseconds (1 for ns, 1000 for µs),
    /// nearest-rank percentiles; zeros without samples.
    func summary(divisor: UInt64 = 1) -> JSONLine {
        let sorted = nanoseconds.sorted()
        func percentile(_ q: Double) -> UInt64 {
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] / divisor
        }
        var line = JSONLine()
        line.number("p50", percentile(0.5))
        line.number("p99", percentile(0.99))
        line.number("max", percentile(1))
        return line
    }
}
