import Kernel
import Yams

extension DEXConfigDecoder {
    /// The `execution` mapping's keys, all optional.
    static let executionKeys = ["executor", "poolTable", "sequencer", "keystore", "nonceFile", "killSwitchFile", "limits", "gasLimitMarginPercent",
                                "receiptTimeoutBlocks", "timeboost"]
    /// The `execution.limits` mapping's keys, all optional.
    static let limitKeys = ["maxInput", "maxGasPriceWei", "minNetProfitWei", "maxSlippageBps", "maxTradesPerBlock", "dailyLossLimitWei"]
    /// The `execution.timeboost` mapping's keys.
    static let timeboostKeys = ["auctionContract", "initialRoundTimestamp", "roundDurationSeconds", "heldRounds"]

    /// Reads `execution` over `ExecutionConfiguration`'s defaults; nil when a field of it fails
    /// its check (the error is recorded). Call it after `tokens` are read: `limits.maxInput`
    /// names base tokens by symbol. The section holds no secret, and a `privateKey` or
    /// `password` key is refused like any unknown key.
    mutating func decodeExecution(_ node: Node?) -> ExecutionConfiguration? {
        var configuration = ExecutionConfiguration()
        guard let node, !ConfigFieldReader.isNull(node) else { return configuration }
        let place = ConfigPlace(entry: "execution", field: "")
        let errorsBefore = reader.errors.count
        guard let fields = reader.fields(node, at: place, allowed: Self.executionKeys, required: []) else { return nil }
        configuration.executor = reader.address(fields["executor"], at: place.key("executor"))
        let table = reader.list(fields["poolTable"], at: place.key("poolTable")) ?? []
        if table.count > Int(UInt16.max) + 1 { reader.fail(place.key("poolTable"), "more than 65536 pools") }
        for (index, node) in table.prefix(Int(UInt16.max) + 1).enumerated() {
            guard let pool = reader.address(node, at: place.key("poolTable").index(index)) else { continue }
            if configuration.poolIndexes[pool] != nil { reader.fail(place.key("poolTable").index(index), "listed twice") }
            configuration.poolIndexes[pool] = UInt16(index)
        }
        if let nodes = reader.list(fields["sequencer"], at: place.key("sequencer")), !nodes.isEmpty {
            configuration.sequencer = nodes.enumerated().compactMap { url($0.element, at: place.key("sequencer").index($0.offset), schemes: ["http", "https"]) }
        }
        configuration.keystore = reader.text(fields["keystore"], at: place.key("keystore"))
        if let file = reader.text(fields["nonceFile"], at: place.key("nonceFile")) { configuration.nonceFile = file }
        if let file = reader.text(fields["killSwitchFile"], at: place.key("killSwitchFile")) { configuration.killSwitchFile = file }
        if let value = reader.integer(fields["gasLimitMarginPercent"], at: place.key("gasLimitMarginPercent"), in: UInt(0)...1_000, unit: " %") {
            configuration.gasLimitMarginPercent = Int(value)
        }
        if let value = reader.integer(fields["receiptTimeoutBlocks"], at: place.key("receiptTimeoutBlocks"), in: UInt(1)...100_000) {
            configuration.receiptTimeoutBlocks = Int(value)
        }
        if let limits = fields["limits"], !ConfigFieldReader.isNull(limits) {
            decodeLimits(limits, at: place.key("limits"), into: &configuration.limits)
        }
        if let timeboost = fields["timeboost"], !ConfigFieldReader.isNull(timeboost) {
            configuration.timeboost = decodeTimeboost(timeboost, at: place.key("timeboost"))
        }
        return reader.errors.count == errorsBefore ? configuration : nil
    }

    private mutating func decodeLimits(_ node: Node, at place: ConfigPlace, into limits: inout TradeLimits) {
        guard let fields = reader.fields(node, at: place, allowed: Self.limitKeys, required: []) else { return }
        if let pairs = reader.pairs(fields["maxInput"], at: place.key("maxInput")), fields["maxInput"] != nil {
            var maxInput: [Address: UInt256] = [:]
            for (symbol, value) in pairs {
                let entry = place.key("maxInput").key(symbol)
                guard let token = tokensBySymbol[symbol] else {
                    reader.fail(entry, "not a token of the `tokens` list")
                    continue
                }
                if let amount = reader.amount(value, at: entry) { maxInput[token] = amount }
            }
            limits.maxInput = maxInput
        }
        if let value = reader.amount(fields["maxGasPriceWei"], at: place.key("maxGasPriceWei")) { limits.maxGasPriceWei = value }
        if let value = reader.amount(fields["minNetProfitWei"], at: place.key("minNetProfitWei")) { limits.minNetProfitWei = value }
        if let value = reader.integer(fields["maxSlippageBps"], at: place.key("maxSlippageBps"), in: UInt(0)...10_000, unit: " bps") {
            limits.maxSlippageBps = Int(value)
        }
        if let value = reader.integer(fields["maxTradesPerBlock"], at: place.key("maxTradesPerBlock"), in: UInt(0)...1_000) {
            limits.maxTradesPerBlock = Int(value)
        }
        if let value = reader.amount(fields["dailyLossLimitWei"], at: place.key("dailyLossLimitWei")) { limits.dailyLossLimitWei = value }
    }

    private mutating func decodeTimeboost(_ node: Node, at place: ConfigPlace) -> TimeboostConfiguration? {
        guard let fields = reader.fields(node, at: place, allowed: Self.timeboostKeys, required: ["auctionContract", "initialRoundTimestamp", "heldRounds"]) else {
            return nil
        }
        let contract = reader.address(fields["auctionContract"], at: place.key("auctionContract"))
        let start = reader.integer(fields["initialRoundTimestamp"], at: place.key("initialRoundTimestamp"), in: UInt64(0)...UInt64.max)
        let duration = fields["roundDurationSeconds"] == nil ? 60
            : reader.integer(fields["roundDurationSeconds"], at: place.key("roundDurationSeconds"), in: UInt64(1)...86_400, unit: " s")
        let rounds = (reader.list(fields["heldRounds"], at: place.key("heldRounds")) ?? []).enumerated().compactMap {
            reader.integer($0.element, at: place.key("heldRounds").index($0.offset), in: UInt64(0)...UInt64.max)
        }
        guard let contract, let start, let duration else { return nil }
        return TimeboostConfiguration(auctionContract: contract, initialRoundTimestamp: start, roundDurationSeconds: duration, heldRounds: Set(rounds))
    }
}
