/// Counts of what the classifier found, per DEX or aggregator entry (exported as metrics later).
struct SwapCounters: Equatable, Sendable {
    /// The entry names, in the classifier's order.
    let dexNames: [String]
    /// Calls decoded as swaps, parallel to `dexNames`.
    private(set) var swaps: [Int]
    /// Calls refused as malformed, parallel to `dexNames`.
    private(set) var malformed: [Int]
    /// Aggregator swaps whose route the calldata hides (`UnknownRoute`), parallel to `dexNames`
    /// (`mev_aggregator_route_unknown_total{dex}`).
    private(set) var routeUnknown: [Int]

    /// Zero counts for `dexNames`.
    init(dexNames: [String]) {
        self.dexNames = dexNames
        swaps = Array(repeating: 0, count: dexNames.count)
        malformed = swaps
        routeUnknown = swaps
    }

    /// Counts a swap for the DEX at `index`.
    mutating func countSwap(_ index: Int) { swaps[index] += 1 }

    /// Counts malformed calldata for the DEX at `index`.
    mutating func countMalformed(_ index: Int) { malformed[index] += 1 }

    /// Counts an unknown route of the aggregator entry named `aggregator` (ignored for a name it
    /// does not have), looking first at the entry `likely` (the one called, whose own route it
    /// usually is: one comparison of the same string, not a search of every name).
    mutating func countRouteUnknown(aggregator: String, likely: Int? = nil) {
        if let likely, dexNames.indices.contains(likely), dexNames[likely] == aggregator {
            routeUnknown[likely] += 1
        } else if let index = dexNames.firstIndex(of: aggregator) {
            routeUnknown[index] += 1
        }
    }

    /// The unknown routes counted for the aggregator entry named `aggregator`.
    func routeUnknown(of aggregator: String) -> Int { dexNames.firstIndex(of: aggregator).map { routeUnknown[$0] } ?? 0 }

    /// The swaps counted for the entry named `dex` (0 for a name it does not have).
    func swaps(of dex: String) -> Int { dexNames.firstIndex(of: dex).map { swaps[$0] } ?? 0 }

    /// The malformed calls counted for the entry named `dex` (0 for a name it does not have).
    func malformed(of dex: String) -> Int { dexNames.firstIndex(of: dex).map { malformed[$0] } ?? 0 }
}
