import Kernel

/// The pool graph and every arbitrage cycle in it, indexed by pool.
///
/// Tokens are vertices and pools are directed edges: a pool of n coins (Curve has 2 to 4) gives
/// an edge for every ordered pair of its coin indexes. The index holds every cycle of 2 and 3 hops
/// that starts and ends at a base token, in both directions, using no pool twice; a 2-hop cycle
/// therefore needs two different pools on the same pair.
///
/// **A cycle through several bases is listed once**, starting at the first of them in `bases`
/// order. Its rotations are the same trade: the same pools swapped in the same directions, with
/// the same product of rates, and they differ only in which token is lent and measured at the
/// end. Listing each rotation would screen and size one opportunity twice and report it twice,
/// and two rotations could never both be taken. The base order is the engine's preference for
/// the token it holds (WETH first by default).
///
/// The hot path is `cycles(through:)`, which returns the stored list of the ids of the cycles
/// through a pool without copying or allocating, and `self[id]`, which reads a cycle's 24 inline
/// bytes from contiguous storage (`Cycle`). Pools come and go while the engine runs:
/// `insert(pool:tokens:)` adds exactly the cycles the new pool closes, and `remove(pool:)`
/// exactly the cycles through it, without moving any other cycle or renumbering any other pool.
public struct CycleIndex: Sendable {
    /// The most coins a pool may have (Curve's NG pools have up to 8).
    public static let maxCoinsPerPool = 8

    /// WETH on Arbitrum One, 0x82aF49447D8a07e3bd95BD0d56f35241523fBab1: the default base.
    public static let defaultBases = [ArbitrumOne.wrappedNativeToken]

    /// The base tokens, the preferred first, without repeats.
    public let bases: [Address]
    private var graph: TokenGraph
    private var pools = PoolTable()
    @usableFromInline
    var store = CycleStore()

    /// An empty index whose cycles start at `bases`, in order of preference; a repeated address
    /// keeps its first place.
    public init(bases: [Address] = CycleIndex.defaultBases) {
        let graph = TokenGraph(bases: bases)
        self.graph = graph
        self.bases = graph.bases.map(graph.address(of:))
    }

    /// Adds the pool `pool`, whose coins are `tokens` in its own index order, with every cycle it
    /// closes, and returns its slot.
    @discardableResult
    public mutating func insert(pool: Address, tokens: [Address]) throws(CycleIndexError) -> PoolSlot {
        guard pools.slots[pool] == nil else { throw .duplicatePool(pool) }
        guard (2...Self.maxCoinsPerPool).contains(tokens.count) else {
            throw .coinCount(pool: pool, count: tokens.count)
        }
        for (i, token) in tokens.enumerated() where tokens[..<i].contains(token) {
            throw .repeatedToken(pool: pool, token: token)
        }
        var ids: [TokenID] = []
        for token in tokens {
            ids.append(graph.id(of: token))
        }
        let slot = pools.add(PoolTable.Entry(address: pool, tokens: ids))
        store.open(slot)
        var closed: [Cycle] = []
        graph.forEachCycle(closedBy: slot, tokens: ids) { closed.append($0) }
        for cycle in closed {
            store.add(cycle)
        }
        graph.addEdges(of: slot, tokens: ids)
        return slot
    }

    /// Removes the pool `pool` and every cycle through it.
    public mutating func remove(pool: Address) throws(CycleIndexError) {
        guard let slot = pools.slots[pool], let entry = pools.remove(slot) else { throw .unknownPool(pool) }
        store.removeCycles(through: slot)
        graph.removeEdges(of: slot, tokens: entry.tokens)
    }

    /// The slot of the pool at `address`, if it is indexed.
    public func slot(of address: Address) -> PoolSlot? {
        pools.slots[address]
    }

    /// The slots of the pools that hold both `a` and `b` (none when either is in no pool).
    public func pools(holding a: Address, _ b: Address) -> [PoolSlot] {
        guard let x = graph.existingID(of: a), let y = graph.existingID(of: b), x != y else { return [] }
        return graph.hops(from: x, to: y).map(\.pool)
    }

    /// The address of the pool in `slot`; nil for a vacant slot.
    public func address(of slot: PoolSlot) -> Address? {
        pools.entries[slot.index]?.address
    }

    /// The ids of the cycles through the pool in `slot`, in the order they were added: the stored
    /// list itself, so reading it copies and allocates nothing. Empty for a vacant slot.
    @inlinable
    public func cycles(through slot: PoolSlot) -> [CycleID] {
        slot.index < store.byPool.count ? store.byPool[slot.index] : []
    }

    /// The cycle `id`, which must come from `cycles(through:)` since the last change.
    @inlinable
    public subscript(id: CycleID) -> Cycle {
        store.cycles[id.index]
    }

    /// The hops of cycle `id` with their pools' and tokens' addresses, the base token first
    /// (allocates: for reports and execution, not for screening).
    public func legs(of id: CycleID) -> [CycleLeg] {
        self[id].compactMap { hop in
            guard let pool = pools.entries[hop.pool.index] else { return nil }
            return CycleLeg(
                pool: pool.address,
                tokenIn: graph.address(of: pool.tokens[hop.from]),
                tokenOut: graph.address(of: pool.tokens[hop.to]),
                from: hop.from,
                to: hop.to
            )
        }
    }

    /// The token `hop` is paid in; nil for a vacant slot.
    func tokenIn(of hop: CycleHop) -> Address? {
        guard let pool = pools.entries[hop.pool.index] else { return nil }
        return graph.address(of: pool.tokens[hop.from])
    }

    /// The number of cycles indexed.
    public var cycleCount: Int { store.count }

    /// The number of pools indexed.
    public var poolCount: Int { pools.slots.count }
}
