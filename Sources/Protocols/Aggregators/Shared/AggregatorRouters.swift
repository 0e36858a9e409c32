import Kernel

/// The router kinds of an aggregator entry checked against those its plugin decodes, by address.
enum AggregatorRouters {
    /// The kind of each router of `entry`; throws for a kind not in `known`.
    static func kinds<Kind: RawRepresentable>(of entry: DEXEntry, as _: Kind.Type) throws(PluginConfigError) -> [Address: Kind]
    where Kind.RawValue == String, Kind: CaseIterable {
        var kinds: [Address: Kind] = [:]
        for (index, router) in entry.routers.enumerated() {
            guard let kind = Kind(rawValue: router.kind) else {
                let known = Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw PluginConfigError(field: "routers[\(index)].kind", message: "unknown kind \(router.kind); one of \(known)")
            }
            kinds[router.address] = kind
        }
        return kinds
    }
}

/// The addresses of `entry`'s routers; throws for a kind not in `kinds`.
func routerAddresses(_ entry: DEXEntry, kinds: Set<String>) throws(PluginConfigError) -> RouterAddresses {
    for (index, router) in entry.routers.enumerated() where !kinds.contains(router.kind) {
        throw PluginConfigError(field: "routers[\(index)].kind", message: "unknown kind \(router.kind); one of \(kinds.sorted().joined(separator: ", "))")
    }
    return RouterAddresses(entry.routers.map(\.address))
}
