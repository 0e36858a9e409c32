import CoreMetrics

extension Counter {
    /// Adds what a cumulative source count gained since `previous` (all of `current` when the
    /// source restarted below `previous`).
    func advance<Count: BinaryInteger>(from previous: Count, to current: Count) {
        let gained = current >= previous ? current - previous : current
        if gained > 0 { increment(by: Int64(clamping: gained)) }
    }
}
