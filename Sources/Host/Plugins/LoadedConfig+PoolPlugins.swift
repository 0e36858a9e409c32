import Kernel

extension LoadedConfig {
    /// The plugin type of every DEX entry (enabled or not) by the entry's name: what a
    /// `SnapshotCodec` reads and writes the entry's pools with. Each is the type the
    /// `PluginRegistry` built that entry's plugin from, so the host names no family here.
    public var poolPlugins: [String: any DEXPlugin.Type] {
        dexes.reduce(into: [:]) { plugins, dex in plugins[dex.entry.name] = type(of: dex.plugin) }
    }
}
