import Aggregators
import Camelot
import Curve
import Kernel
import UniswapV2
import UniswapV3

/// The DEX families and aggregators this binary knows, found by the name dex.yaml gives in
/// `plugin:` (of a `dexes` entry and of an `aggregators` entry).
///
/// Adding a family is one module under `Sources/Protocols/` and one line in `production`;
/// enabling, disabling or configuring a DEX (a fork such as SushiSwap) is dex.yaml alone.
public struct PluginRegistry: Sendable {
    /// The families of the `mevbot` binary: one line per family.
    public static let production = PluginRegistry([
        UniswapV2Plugin.self,
        UniswapV3Plugin.self,
        CamelotV2Plugin.self,
        CamelotV3Plugin.self,
        CurvePlugin.self,
    ], aggregators: [
        ParaSwapPlugin.self,
        CoWPlugin.self,
        OneInchPlugin.self,
        OpenOceanPlugin.self,
        KyberSwapPlugin.self,
        MetaMaskPlugin.self,
        LlamaZipPlugin.self,
        BeefyZapPlugin.self,
        LiFiPlugin.self,
        ZeroExPlugin.self,
        OdosPlugin.self,
        RainbowPlugin.self,
        MagpiePlugin.self,
    ])

    /// The plugin types, in the order given.
    let plugins: [any DEXPlugin.Type]
    /// The aggregator plugin types, in the order given.
    let aggregators: [any AggregatorPlugin.Type]

    /// A registry of `plugins` and `aggregators`; where two share a name, the first is used.
    init(_ plugins: [any DEXPlugin.Type], aggregators: [any AggregatorPlugin.Type] = []) {
        self.plugins = plugins
        self.aggregators = aggregators
    }

    /// This registry with `plugin` added (tests add their own families this way).
    func adding(_ plugin: any DEXPlugin.Type) -> PluginRegistry {
        PluginRegistry(plugins + [plugin], aggregators: aggregators)
    }

    /// The aggregator whose `name` is `name`, if any.
    func aggregator(named name: String) -> (any AggregatorPlugin.Type)? {
        aggregators.first { $0.name == name }
    }

    /// The known aggregator names, sorted, for messages.
    var aggregatorNames: [String] { aggregators.map { $0.name }.sorted() }

    /// The family whose `name` is `name`, if any.
    func plugin(named name: String) -> (any DEXPlugin.Type)? {
        plugins.first { $0.name == name }
    }

    /// The known names, sorted, for messages.
    var names: [String] { plugins.map { $0.name }.sorted() }
}
