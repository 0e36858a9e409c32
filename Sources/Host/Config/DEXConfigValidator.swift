import Kernel

/// The checks on a `ConfigDraft` that need more than one field: duplicate tokens, entry names and
/// router or pool addresses (across all entries, enabled or not), plugin names known to the
/// registry, and router kinds known to the plugin; `aggregators` entries share the names and
/// addresses of `dexes` entries, and name aggregator plugins.
struct DEXConfigValidator {
    /// The file name the errors carry.
    let file: String
    /// The plugin families that entries may name.
    let registry: PluginRegistry

    /// Every whole-file error in `draft`.
    func errors(in draft: ConfigDraft) -> [ConfigError] {
        var errors: [ConfigError] = []
        func fail(_ place: ConfigPlace, _ message: String) {
            errors.append(ConfigError(file: file, place: place.entry, field: place.field, message: message))
        }

        var tokenBySymbol: [String: ConfigPlace] = [:]
        var tokenByAddress: [Address: ConfigPlace] = [:]
        for token in draft.tokens {
            if let symbol = token.symbol {
                if let first = tokenBySymbol[symbol] {
                    fail(token.place.key("symbol"), "\"\(symbol)\" is already \(first.entry)")
                } else {
                    tokenBySymbol[symbol] = token.place
                }
            }
            if let address = token.address {
                if let first = tokenByAddress[address] {
                    fail(token.place.key("address"), "\(address.checksummed) is already \(first.entry)")
                } else {
                    tokenByAddress[address] = token.place
                }
            }
        }

        var entryByName: [String: ConfigPlace] = [:]
        var contractByAddress: [Address: String] = [:]
        let entries = draft.dexes.map { ($0, false) } + draft.aggregators.map { ($0, true) }
        for (entry, isAggregator) in entries {
            if let name = entry.name {
                if let first = entryByName[name] {
                    fail(entry.place.key("name"), "\"\(name)\" is already \(first.entry)")
                } else {
                    entryByName[name] = entry.place
                }
            }
            // The contracts calls reach the entry at; an aggregator's pools are a table its calls
            // index (LlamaZip's pair lists), which two of its routers may share.
            let pools = isAggregator ? [] : entry.pools
            let contracts = entry.routers.map { (entry.place.key("routers").index($0.index), $0.router.address) }
                + pools.map { (entry.place.key("pools").index($0.index), $0.pool.address) }
            for (place, address) in contracts {
                if let first = contractByAddress[address] {
                    fail(place.key("address"), "\(address.checksummed) is already \(first)")
                } else {
                    contractByAddress[address] = "\(place.entry) \(place.field)"
                }
            }
            guard let pluginName = entry.plugin else { continue }
            let routerKinds = isAggregator ? registry.aggregator(named: pluginName)?.routerKinds : registry.plugin(named: pluginName)?.routerKinds
            guard let routerKinds else {
                let known = isAggregator ? registry.aggregatorNames : registry.names
                fail(entry.place.key("plugin"), "unknown plugin \"\(pluginName)\" (known: \(known.joined(separator: ", ")))")
                continue
            }
            for (index, router) in entry.routers where !routerKinds.contains(router.kind) {
                fail(entry.place.key("routers").index(index).key("kind"),
                     "\"\(router.kind)\" is not a router kind of plugin \(pluginName) (known: \(routerKinds.sorted().joined(separator: ", ")))")
            }
        }
        return errors
    }
}
