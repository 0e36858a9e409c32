/// Durations of one stage, summarised as percentiles over the last `capacity` samples (a ring,
/// so a long run's memory stays flat; a replay's few thousand are all kept).
struct LatencySamples {
    /// Samples kept.
    static let capacity = 65_536
    private var nanoseconds: [UInt64] = []
    private var next = 0

    /// Adds one sample.
    mutating func add(_ duration: Duration) {
        add(nanoseconds: duration.nanoseconds)
    }

    /// Adds one sample in nanoseconds, replacing the oldest once `capacity` are held.
    mutating func add(nanoseconds value: UInt64) {
        if nanoseconds.count < Self.capacity {
            nanoseconds.append(value)
        } else {
            nanoseconds[next] = value
            next = (next + 1) % Self.capacity
        }
    }

    /// The nearest-rank percentile `q` (0...1) in nanoseconds; 0 without samples.
    func percentile(_ q: Double) -> UInt64 {
        percentiles([q])[0]
    }

    /// `{"p50","p99","max"}` in units of `divisor` nanoseconds (1 for ns, 1000 for µs),
    /// nearest-rank percentiles; zeros without samples.
    func summary(divisor: UInt64 = 1) -> JSONLine {
        let values = percentiles([0.5, 0.99, 1])
        var line = JSONLine()
        line.number("p50", values[0] / divisor)
        line.number("p99", values[1] / divisor)
        line.number("max", values[2] / divisor)
        return line
    }

    private func percentiles(_ qs: [Double]) -> [UInt64] {
        let sorted = nanoseconds.sorted()
        return qs.map { q in sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
    }
}
