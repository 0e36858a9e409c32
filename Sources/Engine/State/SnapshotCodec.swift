import Kernel

/// Reads and writes a `Snapshot` as one JSON document, each pool through the plugin of its DEX:
///
///     {"block":247867692,"timestamp":1724917466,"l2BaseFee":"10000000","l1PricePerUnit":"…","pools":[
///     {"dex":"uniswap-v2","address":"0x…","token0":"0x…","token1":"0x…","reserve0":"…","reserve1":"…","fee":3000},
///     {"dex":"uniswap-v3",…,"assumed":"…"}
///     ]}
///
/// `block` and `timestamp` are JSON numbers; `l2BaseFee` and `l1PricePerUnit` (wei) are optional
/// decimal strings. A pool entry is `dex` (a dex.yaml entry name), then the fields its family's
/// `DEXPlugin.pool(from:identity:)` reads (those of `mevbot quote`, with `address` and the tokens
/// required), then the optional `assumed`: what of the entry is not chain data. Other top-level
/// keys (an `about`) are ignored on reading and not written.
///
/// Writing puts one pool per line, in order, each entry as its plugin's `entry(of:)` gives it, so
/// a written snapshot reads back to the same bytes.
public struct SnapshotCodec: Sendable {
    /// The plugin type of each DEX, by its dex.yaml entry name.
    public let plugins: [String: any DEXPlugin.Type]

    /// A codec for the DEXes of `plugins` (entry name → its family's plugin type).
    public init(plugins: [String: any DEXPlugin.Type]) {
        self.plugins = plugins
    }

    // MARK: Reading

    /// The snapshot `bytes` hold. Refuses bytes that are not one JSON object, a missing or
    /// malformed `block`, `timestamp` or `pools`, a pool whose `dex` has no plugin, a pool entry
    /// its plugin refuses, and a pool address given twice.
    public func decode(_ bytes: some Collection<UInt8>) throws(SnapshotError) -> Snapshot {
        let document: JSONValue
        do { document = try JSONValue.parse(bytes) } catch {
            throw SnapshotError(.malformedJSON, field: "", message: "not JSON: \(error)")
        }
        let (block, timestamp, l2BaseFee, l1PricePerUnit, entries) = try Self.reading { () throws(JSONFieldError) in
            let fields = try document.fields(at: "")
            return (try fields.read("block", .integer(UInt64.self)), try fields.read("timestamp", .integer(UInt64.self)),
                    try fields.optional("l2BaseFee", .decimalUInt256), try fields.optional("l1PricePerUnit", .decimalUInt256),
                    try fields.read("pools", .array(.object)))
        }
        var indexes: [Address: Int] = [:]
        var pools: [SnapshotPool] = []
        pools.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let pool = try self.pool(entry, at: index)
            try Self.recordUnique(pool.pool.address, at: index, in: &indexes)
            pools.append(pool)
        }
        return Snapshot(block: block, timestamp: timestamp, l2BaseFee: l2BaseFee, l1PricePerUnit: l1PricePerUnit, pools: pools)
    }

    /// Pool entry `index`, read by its DEX's plugin.
    private func pool(_ entry: JSONFields, at index: Int) throws(SnapshotError) -> SnapshotPool {
        let address = try? entry.read("address", .address)
        let (dex, assumption) = try Self.reading(poolIndex: index, poolAddress: address) { () throws(JSONFieldError) in
            (try entry.read("dex", .string), try entry.optional("assumed", .string))
        }
        let plugin = try self.plugin(dex, poolIndex: index, poolAddress: address)
        do {
            return SnapshotPool(dex: dex, pool: try plugin.pool(from: entry, identity: .required), assumption: assumption)
        } catch {
            switch error {
            case .field(let field):
                throw SnapshotError(.field, poolIndex: index, poolAddress: address, field: field.field, message: field.message)
            case .pool(let refusal):
                throw SnapshotError(.invalidPool, poolIndex: index, poolAddress: address, field: entry.path, message: refusal.description)
            }
        }
    }

    // MARK: Writing

    /// The JSON document of `snapshot`, ending with a line feed. Refuses a pool whose `dex` has
    /// no plugin, a pool that plugin does not write (a pool of another family), and a pool
    /// address given twice: what `decode` would refuse.
    public func encode(_ snapshot: Snapshot) throws(SnapshotError) -> [UInt8] {
        var head = #"{"block":\#(snapshot.block),"timestamp":\#(snapshot.timestamp)"#
        if let l2BaseFee = snapshot.l2BaseFee { head += #","l2BaseFee":"\#(l2BaseFee)""# }
        if let l1PricePerUnit = snapshot.l1PricePerUnit { head += #","l1PricePerUnit":"\#(l1PricePerUnit)""# }
        head += #","pools":["#
        var text = Array(head.utf8)
        var indexes: [Address: Int] = [:]
        for (index, pool) in snapshot.pools.enumerated() {
            try Self.recordUnique(pool.pool.address, at: index, in: &indexes)
            text += (index == 0 ? "\n" : ",\n").utf8
            try entry(of: pool, at: index).render(into: &text)
        }
        text += "\n]}\n".utf8
        return text
    }

    /// The entry of pool `index`: `dex`, its plugin's fields, `assumed`.
    private func entry(of pool: SnapshotPool, at index: Int) throws(SnapshotError) -> JSONObject {
        let plugin = try self.plugin(pool.dex, poolIndex: index, poolAddress: pool.pool.address)
        guard let fields = plugin.entry(of: pool.pool) else {
            throw SnapshotError(
                .invalidPool, poolIndex: index, poolAddress: pool.pool.address, field: "pools[\(index)]",
                message: "a \(type(of: pool.pool)) is not a pool of the plugin \(plugin.name) of \(pool.dex)")
        }
        var entry = JSONObject()
        entry.append("dex", string: pool.dex)
        entry.append(contentsOf: fields)
        if let assumption = pool.assumption { entry.append("assumed", string: assumption) }
        return entry
    }

    // MARK: Shared

    /// The plugin of `dex`, or `unknownDEX` naming the known ones.
    private func plugin(_ dex: String, poolIndex: Int, poolAddress: Address?) throws(SnapshotError) -> any DEXPlugin.Type {
        guard let plugin = plugins[dex] else {
            throw SnapshotError(
                .unknownDEX, poolIndex: poolIndex, poolAddress: poolAddress, field: "pools[\(poolIndex)].dex",
                message: "unknown DEX \"\(dex)\" (known: \(plugins.keys.sorted().joined(separator: ", ")))")
        }
        return plugin
    }

    /// Files `address` as pool `index`'s; `duplicatePool` where an earlier pool has it.
    private static func recordUnique(_ address: Address, at index: Int, in indexes: inout [Address: Int]) throws(SnapshotError) {
        if let earlier = indexes[address] {
            throw SnapshotError(
                .duplicatePool, poolIndex: index, poolAddress: address, field: "pools[\(index)].address",
                message: "the address of pools[\(earlier)] too")
        }
        indexes[address] = index
    }

    /// Runs `body`, whose field errors become `SnapshotError.field` about pool `poolIndex`, if any.
    private static func reading<Value>(
        poolIndex: Int? = nil, poolAddress: Address? = nil, _ body: () throws(JSONFieldError) -> Value
    ) throws(SnapshotError) -> Value {
        do { return try body() } catch {
            throw SnapshotError(.field, poolIndex: poolIndex, poolAddress: poolAddress, field: error.field, message: error.message)
        }
    }
}
