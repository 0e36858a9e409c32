import Engine
import Kernel
import Yams

extension DEXConfigDecoder {
    /// The `engine` mapping's keys, all optional.
    static let engineKeys = ["bases", "minNetProfit", "l2BaseFee", "l1PricePerUnit", "gasPerHop", "inputCaps", "blockNumberOffset"]

    /// Reads `engine` over `EngineConfiguration`'s defaults (absent: every default); nil when a
    /// field of it fails its check (the error is recorded).
    mutating func decodeEngine(_ node: Node?) -> EngineConfiguration? {
        var configuration = EngineConfiguration()
        guard let node, !ConfigFieldReader.isNull(node) else { return configuration }
        let place = ConfigPlace(entry: "engine", field: "")
        let errorsBefore = reader.errors.count
        guard let fields = reader.fields(node, at: place, allowed: Self.engineKeys, required: []) else { return nil }
        if let bases = fields["bases"] {
            let list = reader.list(bases, at: place.key("bases")) ?? []
            configuration.bases = list.enumerated().compactMap { decodeCoin($0.element, at: place.key("bases").index($0.offset)) }
            if list.isEmpty { reader.fail(place.key("bases"), "at least one base token is needed") }
        }
        if let value = reader.amount(fields["minNetProfit"], at: place.key("minNetProfit")) { configuration.minNetProfit = value }
        if let value = reader.amount(fields["l2BaseFee"], at: place.key("l2BaseFee")) {
            if value.isZero { reader.fail(place.key("l2BaseFee"), "must be above 0") }
            configuration.l2BaseFee = value
        }
        if let value = reader.amount(fields["l1PricePerUnit"], at: place.key("l1PricePerUnit")) { configuration.l1PricePerUnit = value }
        if let value = reader.integer(fields["blockNumberOffset"], at: place.key("blockNumberOffset"), in: UInt64(0)...UInt64(1) << 48) {
            configuration.blockNumberOffset = value
        }
        for (key, value) in reader.pairs(fields["gasPerHop"], at: place.key("gasPerHop")) ?? [] {
            let field = place.key("gasPerHop").key(key)
            guard let kind = HopKind(plugin: key) else {
                reader.fail(field, "not a plugin family the executor has a hop for (uniswap-v2, camelot-v2, uniswap-v3, camelot-v3, curve)")
                continue
            }
            if let gas = reader.integer(value, at: field, in: 1...UInt64(100_000_000)) { configuration.gasTable.setGas(gas, for: kind) }
        }
        for pair in reader.pairs(fields["inputCaps"], at: place.key("inputCaps")) ?? [] {
            let field = place.key("inputCaps").key(pair.key)
            guard let token = decodeCoin(Node(pair.key), at: field),
                  let cap = reader.amount(pair.value, at: field) else { continue }
            if cap.isZero { reader.fail(field, "must be above 0") }
            configuration.inputCaps[token] = cap
        }
        return reader.errors.count == errorsBefore ? configuration : nil
    }
}
