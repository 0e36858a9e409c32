import Engine
import Kernel

/// A config file that passed every check, with each DEX entry's plugin built.
public struct LoadedConfig: Sendable {
    /// The file's contents.
    var config: DEXConfig
    /// One per entry, in file order, enabled or not.
    var dexes: [LoadedDEX]
    /// One per `aggregators` entry, in file order, enabled or not.
    var aggregators: [LoadedAggregator]
    /// The `engine` section over the engine's defaults.
    public var engine: EngineConfiguration
    /// The `rpc` section over the client's defaults.
    public var rpc: RPCConfiguration
    /// The `sync` section over state sync's defaults.
    public var sync: SyncConfiguration
    /// The `service` section over `run`'s defaults.
    public var service: ServiceConfiguration
    /// The `execution` section over `run --execute`'s defaults.
    public var execution: ExecutionConfiguration

    /// The plugins of the enabled entries, by entry name: what the engine finds pools with.
    public var enabledPlugins: [String: any DEXPlugin] {
        Dictionary(dexes.filter(\.entry.enabled).map { ($0.entry.name, $0.plugin) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One DEX entry and the plugin its `plugin:` names, built from it.
struct LoadedDEX: Sendable {
    /// The entry.
    var entry: DEXEntry
    /// The family's plugin, made by its `init(entry:)`.
    var plugin: any DEXPlugin
}

/// One aggregator entry and the plugin its `plugin:` names, built from it.
struct LoadedAggregator: Sendable {
    /// The entry.
    var entry: DEXEntry
    /// The aggregator's plugin, made by its `init(entry:)`.
    var plugin: any AggregatorPlugin
}
