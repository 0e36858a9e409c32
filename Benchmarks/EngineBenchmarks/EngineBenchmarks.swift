import Benchmark

/// The Engine suites: the cycle index (`IndexBenchmarks.swift`) and sizing and costing
/// (`SizingBenchmarks.swift`).
let benchmarks: @Sendable () -> Void = {
    indexBenchmarks()
    sizingBenchmarks()
    processBenchmarks()
}
