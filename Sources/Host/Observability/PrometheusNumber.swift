/// Numbers written the way Prometheus labels and bounds read them.
enum PrometheusNumber {
    /// `nanoseconds` as decimal seconds without trailing zeros: 1_000_000 is `0.001`, 2.5e9 is
    /// `2.5`, 10e9 is `10`.
    static func seconds(nanoseconds: UInt64) -> String {
        let whole = nanoseconds / 1_000_000_000
        var fraction = String(nanoseconds % 1_000_000_000)
        guard fraction != "0" else { return String(whole) }
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }
}
