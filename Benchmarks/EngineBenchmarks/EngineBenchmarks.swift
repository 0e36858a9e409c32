import Benchmark

/// The Engine suites: the cycle index (`IndexBenchmarks.swift`), sizing and costing
/// (`SizingBenchmarks.swift`), `Engine.process` (`ProcessBenchmarks.swift`) and an
/// opportunity's report line (`ReportBenchmarks.swift`).
let benchmarks: @Sendable () -> Void = {
    indexBenchmarks()
    sizingBenchmarks()
    processBenchmarks()
    reportBenchmarks()
}
