import Kernel

/// What the engine knows of each pool besides its state: the dex.yaml entry it belongs to and
/// its hop kind, by slot; and which pool a hop means when the call names it by its tokens.
struct PoolRoster {
    /// One pool's facts.
    struct Member: Sendable {
        /// The dex.yaml entry.
        var dex: String
        /// The executor's hop kind; nil for a family the executor has no hop for.
        var kind: HopKind?
    }

    /// The members by slot index; nil for a vacant slot.
    private(set) var members: [Member?] = []
    /// The entries' plugins, which derive pool addresses from tokens and fee.
    fileprivate let plugins: [String: any DEXPlugin]
    /// Derived addresses, so that each pair is hashed once.
    private var derived: [PairKey: Address] = [:]

    /// A roster whose hops by tokens are resolved through `plugins` (dex entry name → plugin).
    init(plugins: [String: any DEXPlugin]) {
        self.plugins = plugins
    }

    /// Records `member` in `slot`.
    mutating func set(_ member: Member?, at slot: PoolSlot) {
        while members.count <= slot.index { members.append(nil) }
        members[slot.index] = member
    }

    /// The member in `slot`.
    subscript(slot: PoolSlot) -> Member? {
        slot.index < members.count ? members[slot.index] : nil
    }

    /// The address of the `dex` entry's pool for `tokenA` and `tokenB` with fee tier `fee`, as
    /// its factory deploys it; nil when the entry is unknown or cannot derive it.
    mutating func poolAddress(dex: String, _ tokenA: Address, _ tokenB: Address, fee: UInt32?) -> Address? {
        let key = PairKey(dex: dex, low: min(tokenA, tokenB), high: max(tokenA, tokenB), fee: fee)
        if let address = derived[key] { return address }
        guard let address = plugins[dex]?.poolAddress(tokenA, tokenB, fee: fee) else { return nil }
        derived[key] = address
        return address
    }

    /// A pool named by its entry, tokens and fee.
    private struct PairKey: Hashable {
        var dex: String
        var low: Address
        var high: Address
        var fee: UInt32?
    }
}

extension PoolRoster {
    /// The plugin of the dex.yaml entry `dex`.
    func plugin(for dex: String) -> (any DEXPlugin)? { plugins[dex] }
}
