/// Checks that several plugin families share when they build themselves from an entry.
extension DEXEntry {
    /// Throws for the first router whose kind is not in `kinds`.
    func checkRouterKinds(_ kinds: Set<String>, plugin: String) throws(PluginConfigError) {
        for (index, router) in routers.enumerated() where !kinds.contains(router.kind) {
            throw PluginConfigError(
                field: "routers[\(index)].kind",
                message: "'\(router.kind)' is not a router kind of plugin \(plugin); expected one of: \(kinds.sorted().joined(separator: ", "))")
        }
    }

    /// Throws for the first pool with a kind other than `allowed` (no kind is fine).
    func checkPoolKinds(allowed: String) throws(PluginConfigError) {
        for (index, pool) in pools.enumerated() {
            if let kind = pool.kind, kind != allowed {
                throw PluginConfigError(field: "pools[\(index)].kind", message: "'\(kind)' is not a pool kind here; expected \(allowed) or none")
            }
        }
    }

    /// For a family whose entries list routers of one kind and contracts called directly (pairs,
    /// pools) of another: checks that every router has one of the two kinds and every pool
    /// `directKind` or none, and returns the routers of `routerKind` and the contracts called
    /// directly (the routers of `directKind` and the pools).
    public func routersAndDirectContracts(routerKind: String, directKind: String, plugin: String) throws(PluginConfigError) -> (routers: [Address], direct: Set<Address>) {
        try checkRouterKinds([routerKind, directKind], plugin: plugin)
        try checkPoolKinds(allowed: directKind)
        return (routers.filter { $0.kind == routerKind }.map(\.address),
                Set(routers.filter { $0.kind == directKind }.map(\.address) + pools.map(\.address)))
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
