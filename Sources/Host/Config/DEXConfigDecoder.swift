import Kernel
import Yams

/// Reads a composed `dex.yaml` document into a `ConfigDraft`, checking each field on its own:
/// known keys, required fields, shapes, addresses, hashes, numeric ranges, coin names. The checks
/// that need the whole file (duplicates, plugins) are `DEXConfigValidator`'s.
struct DEXConfigDecoder {
    // The keys each mapping may have, in the order unknown-key errors list them.
    /// The top level's keys; `aggregators`, `engine`, `rpc`, `sync`, `service` and `execution` are optional.
    static let topKeys = ["chainId", "tokens", "dexes", "aggregators", "engine", "rpc", "sync", "service", "execution"]
    /// The required top-level keys.
    static let requiredTopKeys = ["chainId", "tokens", "dexes"]
    /// A token's keys, all required.
    static let tokenKeys = ["symbol", "address", "decimals"]
    /// An entry's keys; `name`, `plugin` and `enabled` are required, the lists default to empty,
    /// `wrappedNative` (an address or a token symbol) is optional.
    static let entryKeys = ["name", "plugin", "enabled", "routers", "factories", "fees", "pools", "wrappedNative"]
    /// A router's keys; `version` is optional.
    static let routerKeys = ["name", "address", "kind", "version"]
    /// A factory's keys; `initCodeHash` is optional.
    static let factoryKeys = ["address", "initCodeHash"]
    /// A pool's keys; `coins`, `underlyingCoins` (default empty) and `kind` are optional.
    static let poolKeys = ["name", "address", "coins", "underlyingCoins", "kind"]

    /// Fees are in millionths of the amount: above 0, below 100%.
    static let feeRange: ClosedRange<UInt32> = 1...999_999
    /// A token's decimals: 10^77 is the largest power of ten below 2^256.
    static let decimalsRange: ClosedRange<UInt8> = 0...77

    /// Collects the errors.
    var reader: ConfigFieldReader
    /// Token addresses by symbol, for pool `coins` that name tokens.
    private(set) var tokensBySymbol: [String: Address] = [:]

    /// A decoder whose errors name `file`.
    init(file: String) {
        reader = ConfigFieldReader(file: file)
    }

    /// Everything found wrong so far.
    var errors: [ConfigError] { reader.errors }

    /// Reads the whole document.
    mutating func decode(_ root: Node) -> ConfigDraft {
        var draft = ConfigDraft()
        let top = ConfigPlace.top
        guard let fields = reader.fields(root, at: top, allowed: Self.topKeys, required: Self.requiredTopKeys) else {
            return draft
        }
        draft.chainId = reader.integer(fields["chainId"], at: top.key("chainId"), in: 1...UInt64.max)
        for (i, node) in (reader.list(fields["tokens"], at: top.key("tokens")) ?? []).enumerated() {
            let token = decodeToken(node, index: i)
            if let symbol = token.symbol, let address = token.address, tokensBySymbol[symbol] == nil {
                tokensBySymbol[symbol] = address
            }
            draft.tokens.append(token)
        }
        for (i, node) in (reader.list(fields["dexes"], at: top.key("dexes")) ?? []).enumerated() {
            draft.dexes.append(decodeEntry(node, section: "dexes", index: i))
        }
        for (i, node) in (reader.list(fields["aggregators"], at: top.key("aggregators")) ?? []).enumerated() {
            draft.aggregators.append(decodeEntry(node, section: "aggregators", index: i))
        }
        draft.engine = decodeEngine(fields["engine"])
        draft.rpc = decodeRPC(fields["rpc"])
        draft.sync = decodeSync(fields["sync"])
        draft.service = decodeService(fields["service"])
        draft.execution = decodeExecution(fields["execution"])
        return draft
    }

    /// The place of element `index` of a top-level list, labelled with its `label` key if readable.
    private static func place(_ list: String, _ index: Int, _ node: Node, label: String) -> ConfigPlace {
        let name = node.mapping?[label]?.scalar?.string
        return ConfigPlace(entry: "\(list)[\(index)]" + (name.map { " (\($0))" } ?? ""), field: "")
    }

    private mutating func decodeToken(_ node: Node, index: Int) -> ConfigDraft.Token {
        let place = Self.place("tokens", index, node, label: "symbol")
        var token = ConfigDraft.Token(place: place)
        guard let fields = reader.fields(node, at: place, allowed: Self.tokenKeys, required: Self.tokenKeys) else {
            return token
        }
        token.symbol = reader.text(fields["symbol"], at: place.key("symbol"))
        token.address = reader.address(fields["address"], at: place.key("address"))
        token.decimals = reader.integer(fields["decimals"], at: place.key("decimals"), in: Self.decimalsRange)
        return token
    }

    /// Element `index` of the top-level list `section` (`dexes` or `aggregators`: their entries have the same keys).
    private mutating func decodeEntry(_ node: Node, section: String, index: Int) -> ConfigDraft.Entry {
        let place = Self.place(section, index, node, label: "name")
        var entry = ConfigDraft.Entry(place: place)
        let errorsBefore = reader.errors.count
        guard let fields = reader.fields(node, at: place, allowed: Self.entryKeys, required: ["name", "plugin", "enabled"]) else {
            return entry
        }
        entry.name = reader.text(fields["name"], at: place.key("name"))
        entry.plugin = reader.text(fields["plugin"], at: place.key("plugin"))
        entry.enabled = reader.bool(fields["enabled"], at: place.key("enabled"))
        for (i, node) in list(fields, "routers", place).enumerated() {
            if let router = decodeRouter(node, at: place.key("routers").index(i)) {
                entry.routers.append((i, router))
            }
        }
        for (i, node) in list(fields, "factories", place).enumerated() {
            if let factory = decodeFactory(node, at: place.key("factories").index(i)) {
                entry.factories.append(factory)
            }
        }
        for (i, node) in list(fields, "fees", place).enumerated() {
            if let fee = reader.integer(node, at: place.key("fees").index(i), in: Self.feeRange, unit: " (millionths)") {
                entry.fees.append(fee)
            }
        }
        for (i, node) in list(fields, "pools", place).enumerated() {
            if let pool = decodePool(node, at: place.key("pools").index(i)) {
                entry.pools.append((i, pool))
            }
        }
        if let node = fields["wrappedNative"] { entry.wrappedNative = decodeCoin(node, at: place.key("wrappedNative")) }
        entry.isComplete = reader.errors.count == errorsBefore
        return entry
    }

    private mutating func list(_ fields: [String: Node], _ key: String, _ place: ConfigPlace) -> [Node] {
        reader.list(fields[key], at: place.key(key)) ?? []
    }

    private mutating func decodeRouter(_ node: Node, at place: ConfigPlace) -> DEXEntry.Router? {
        guard let fields = reader.fields(node, at: place, allowed: Self.routerKeys, required: ["name", "address", "kind"]) else {
            return nil
        }
        let name = reader.text(fields["name"], at: place.key("name"))
        let address = reader.address(fields["address"], at: place.key("address"))
        let kind = reader.text(fields["kind"], at: place.key("kind"))
        let version = reader.text(fields["version"], at: place.key("version"))
        guard let name, let address, let kind else { return nil }
        return DEXEntry.Router(name: name, address: address, kind: kind, version: version)
    }

    private mutating func decodeFactory(_ node: Node, at place: ConfigPlace) -> DEXEntry.Factory? {
        guard let fields = reader.fields(node, at: place, allowed: Self.factoryKeys, required: ["address"]) else {
            return nil
        }
        let address = reader.address(fields["address"], at: place.key("address"))
        let hash = reader.hash(fields["initCodeHash"], at: place.key("initCodeHash"))
        guard let address else { return nil }
        return DEXEntry.Factory(address: address, initCodeHash: hash)
    }

    private mutating func decodePool(_ node: Node, at place: ConfigPlace) -> DEXEntry.Pool? {
        guard let fields = reader.fields(node, at: place, allowed: Self.poolKeys, required: ["name", "address"]) else {
            return nil
        }
        let name = reader.text(fields["name"], at: place.key("name"))
        let address = reader.address(fields["address"], at: place.key("address"))
        let kind = reader.text(fields["kind"], at: place.key("kind"))
        let coins = decodeCoins(fields["coins"], at: place.key("coins"))
        let underlyingCoins = decodeCoins(fields["underlyingCoins"], at: place.key("underlyingCoins"))
        guard let name, let address else { return nil }
        return DEXEntry.Pool(name: name, address: address, coins: coins, kind: kind, underlyingCoins: underlyingCoins)
    }

    /// A list of coins (default empty), each an address or a token symbol.
    private mutating func decodeCoins(_ node: Node?, at place: ConfigPlace) -> [Address] {
        var coins: [Address] = []
        for (i, coin) in (reader.list(node, at: place) ?? []).enumerated() {
            if let address = decodeCoin(coin, at: place.index(i)) { coins.append(address) }
        }
        return coins
    }

    /// A coin: an address, or the symbol of a token in `tokens`.
    mutating func decodeCoin(_ node: Node, at place: ConfigPlace) -> Address? {
        guard let text = reader.text(node, at: place) else {
            if ConfigFieldReader.isNull(node) { reader.fail(place, "missing") }
            return nil
        }
        if text.hasPrefix("0x") { return reader.address(node, at: place) }
        guard let address = tokensBySymbol[text] else {
            reader.fail(place, "\"\(text)\" is neither an address nor the symbol of a token in tokens")
            return nil
        }
        return address
    }
}
