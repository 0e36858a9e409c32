/// Where a value sits in a config file while it is being read: the entry and the field path
/// inside it, so every `ConfigError` names both.
struct ConfigPlace: Sendable {
    /// The entry, e.g. `dexes[3] (camelot-v2)`; empty at the top level.
    var entry: String
    /// The path inside the entry, e.g. `routers[0].address`; empty for the entry itself.
    var field: String

    /// The top level of the file.
    static let top = ConfigPlace(entry: "", field: "")

    /// The place of `key` inside this one: `routers[0]` + `address` is `routers[0].address`.
    func key(_ key: String) -> ConfigPlace {
        ConfigPlace(entry: entry, field: field.isEmpty ? key : field + "." + key)
    }

    /// The place of element `index` of the list here: `routers` + 0 is `routers[0]`.
    func index(_ index: Int) -> ConfigPlace {
        ConfigPlace(entry: entry, field: field + "[\(index)]")
    }
}
