/// Checks that several plugin families share when they build themselves from an entry.
extension DEXEntry {
    /// Throws for the first router whose kind is not in `kinds`.
    public func checkRouterKinds(_ kinds: Set<String>, plugin: String) throws(PluginConfigError) {
        for (index, router) in routers.enumerated() where !kinds.contains(router.kind) {
            throw PluginConfigError(
                field: "routers[\(index)].kind",
                message: "'\(router.kind)' is not a router kind of plugin \(plugin); expected one of: \(kinds.sorted().joined(separator: ", "))")
        }
    }

    /// Throws for the first pool with a kind other than `allowed` (no kind is fine).
    public func checkPoolKinds(allowed: String) throws(PluginConfigError) {
        for (index, pool) in pools.enumerated() {
            if let kind = pool.kind, kind != allowed {
                throw PluginConfigError(field: "pools[\(index)].kind", message: "'\(kind)' is not a pool kind here; expected \(allowed) or none")
            }
        }
    }

    /// The one factory with an init code hash, from which pool addresses are derived.
    public func derivingFactory() throws(PluginConfigError) -> (address: Address, initCodeHash: Hash32) {
        let deriving = factories.enumerated().compactMap { index, factory in
            factory.initCodeHash.map { (index: index, address: factory.address, initCodeHash: $0) }
        }
        guard let first = deriving.first else {
            throw PluginConfigError(field: "factories", message: "needs a factory with an init code hash: pool addresses are derived by CREATE2")
        }
        guard deriving.count == 1 else {
            throw PluginConfigError(
                field: "factories[\(deriving[1].index)].initCodeHash",
                message: "only one factory may have an init code hash (factories[\(first.index)] has one)")
        }
        return (first.address, first.initCodeHash)
    }
}
