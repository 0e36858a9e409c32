import Kernel

/// The pools sync looks for: every pair of the configured tokens in every enabled entry (at each
/// of its fee tiers), at the address the entry's deployer gives it by CREATE2, and the pools an
/// entry names (Curve's). An address where no contract answers is skipped at bootstrap.
///
/// CREATE2 rather than asking each factory: dex.yaml names deployers, which for some families
/// (PancakeSwap V3, Algebra) are not the contract with the lookup function, and the derivation is
/// the one swap recognition already relies on (checked against real pools).
enum PoolDiscovery {
    /// The candidates among `tokens` of `plugins` (entry name → plugin, with the entry).
    static func candidates(tokens: [Address], entries: [(entry: DEXEntry, plugin: any DEXPlugin)]) -> [TrackedPoolID] {
        var found: [TrackedPoolID] = []
        var seen = Set<Address>()
        for (entry, plugin) in entries where entry.enabled {
            for pool in entry.pools where seen.insert(pool.address).inserted {
                found.append(TrackedPoolID(dex: entry.name, descriptor: PoolDescriptor(address: pool.address, tokens: pool.coins)))
            }
            let tiers: [UInt32?] = entry.fees.isEmpty ? [nil] : entry.fees.map { $0 }
            for (i, a) in tokens.enumerated() {
                for b in tokens[(i + 1)...] where a != b {
                    let sorted = a < b ? [a, b] : [b, a]
                    for fee in tiers {
                        guard let address = plugin.poolAddress(a, b, fee: fee), seen.insert(address).inserted else { continue }
                        found.append(TrackedPoolID(dex: entry.name, descriptor: PoolDescriptor(address: address, tokens: sorted)))
                    }
                }
            }
        }
        return found
    }
}

extension LoadedConfig {
    /// The pools sync looks for at start: `PoolDiscovery`'s candidates over the config's tokens.
    public var poolCandidates: [TrackedPoolID] {
        PoolDiscovery.candidates(tokens: config.tokens.map(\.address), entries: dexes.map { ($0.entry, $0.plugin) })
    }

    /// The config's token addresses: the universe new pools must stay within to join.
    public var tokenUniverse: Set<Address> { Set(config.tokens.map(\.address)) }
}
