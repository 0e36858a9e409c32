import Yams

extension DEXConfigDecoder {
    /// The `sync` mapping's keys, all optional.
    static let syncKeys = ["multicall", "batchSize", "logChunkBlocks", "journalDepth", "reconcileEveryBlocks",
                           "reconcileSample", "tickWordRadius", "pollMilliseconds", "maxLagBlocks", "wholeTickTables"]

    /// Reads `sync` over `SyncConfiguration`'s defaults (absent: every default); nil when a field
    /// of it fails its check (the error is recorded).
    mutating func decodeSync(_ node: Node?) -> SyncConfiguration? {
        var configuration = SyncConfiguration()
        guard let node, !ConfigFieldReader.isNull(node) else { return configuration }
        let place = ConfigPlace(entry: "sync", field: "")
        let errorsBefore = reader.errors.count
        guard let fields = reader.fields(node, at: place, allowed: Self.syncKeys, required: []) else { return nil }
        if let multicall = reader.address(fields["multicall"], at: place.key("multicall")) { configuration.multicall = multicall }
        let wholeTables = place.key("wholeTickTables")
        configuration.wholeTickTables = (reader.list(fields["wholeTickTables"], at: wholeTables) ?? []).enumerated().compactMap { index, node in
            reader.address(node, at: wholeTables.index(index))
        }
        let counts: [(key: String, range: ClosedRange<UInt>, set: (inout SyncConfiguration, Int) -> Void)] = [
            ("batchSize", 1...10_000, { $0.batchSize = $1 }),
            ("logChunkBlocks", 1...1_000_000, { $0.logChunkBlocks = $1 }),
            ("journalDepth", 1...100_000, { $0.journalDepth = $1 }),
            ("reconcileEveryBlocks", 1...1_000_000, { $0.reconcileEveryBlocks = $1 }),
            ("reconcileSample", 0...100_000, { $0.reconcileSample = $1 }),
            ("tickWordRadius", 0...256, { $0.tickWordRadius = $1 }),
            ("pollMilliseconds", 10...60_000, { $0.poll = .milliseconds($1) }),
            ("maxLagBlocks", 0...1_000_000, { $0.maxLagBlocks = $1 }),
        ]
        for count in counts {
            if let value = reader.integer(fields[count.key], at: place.key(count.key), in: count.range) {
                count.set(&configuration, Int(value))
            }
        }
        return reader.errors.count == errorsBefore ? configuration : nil
    }
}
