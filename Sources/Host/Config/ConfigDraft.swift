import Engine
import Kernel

/// What `DEXConfigDecoder` could read of a file, field by field, kept with the places the values
/// came from so that the whole-file checks can name them. A value that failed its own check is
/// absent (nil, or left out of its list).
struct ConfigDraft {
    /// `chainId`.
    var chainId: UInt64?
    /// `tokens`, one per list element.
    var tokens: [Token] = []
    /// `dexes`, one per list element.
    var dexes: [Entry] = []
    /// `aggregators`, one per list element.
    var aggregators: [Entry] = []
    /// `engine`, its defaults where absent; nil when a field of it failed.
    var engine: EngineConfiguration?
    /// `rpc`, its defaults where absent; nil when a field of it failed.
    var rpc: RPCConfiguration?
    /// `sync`, its defaults where absent; nil when a field of it failed.
    var sync: SyncConfiguration?
    /// `service`, its defaults where absent; nil when a field of it failed.
    var service: ServiceConfiguration?
    /// `execution`, its defaults where absent; nil when a field of it failed.
    var execution: ExecutionConfiguration?

    /// A `tokens` element.
    struct Token {
        /// `tokens[i] (SYMBOL)`.
        var place: ConfigPlace
        /// `symbol`.
        var symbol: String?
        /// `address`.
        var address: Address?
        /// `decimals`.
        var decimals: UInt8?
    }

    /// A `dexes` or `aggregators` element.
    struct Entry {
        /// `dexes[i] (NAME)` or `aggregators[i] (NAME)`.
        var place: ConfigPlace
        /// `name`.
        var name: String?
        /// `plugin`.
        var plugin: String?
        /// `enabled`.
        var enabled: Bool?
        /// The routers that read well, each with its index in the file's list.
        var routers: [(index: Int, router: DEXEntry.Router)] = []
        /// `factories`.
        var factories: [DEXEntry.Factory] = []
        /// `fees`.
        var fees: [UInt32] = []
        /// The pools that read well, each with its index in the file's list.
        var pools: [(index: Int, pool: DEXEntry.Pool)] = []
        /// `wrappedNative`.
        var wrappedNative: Address?
        /// Whether every field of the entry read well.
        var isComplete = false

        /// The entry, when every field read well.
        var entry: DEXEntry? {
            guard isComplete, let name, let plugin, let enabled else { return nil }
            return DEXEntry(name: name, plugin: plugin, enabled: enabled, routers: routers.map(\.router),
                            factories: factories, fees: fees, pools: pools.map(\.pool), wrappedNative: wrappedNative)
        }
    }
}
