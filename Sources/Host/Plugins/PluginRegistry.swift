import Camelot
import Curve
import Kernel
import UniswapV2
import UniswapV3

/// The DEX families this binary knows, found by the name dex.yaml gives in `plugin:`.
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
    ])

    /// The plugin types, in the order given.
    let plugins: [any DEXPlugin.Type]

    /// A registry of `plugins`; where two share a name, the first is used.
    init(_ plugins: [any DEXPlugin.Type]) {
        self.plugins = plugins
    }

    /// This registry with `plugin` added (tests add their own families this way).
    func adding(_ plugin: any DEXPlugin.Type) -> PluginRegistry {
        PluginRegistry(plugins + [plugin])
    }

    /// The family whose `name` is `name`, if any.
    func plugin(named name: String) -> (any DEXPlugin.Type)? {
        plugins.first { $0.name == name }
    }

    /// The known names, sorted, for messages.
    var names: [String] { plugins.map { $0.name }.sorted() }
}
