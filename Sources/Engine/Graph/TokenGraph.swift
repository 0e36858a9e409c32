import Kernel

/// A token's number in a `TokenGraph`, dense from 0.
struct TokenID: Hashable, Sendable {
    /// The number, from 0.
    let rawValue: UInt32

    /// The number as an array index.
    var index: Int { Int(rawValue) }
}

/// The pools as a directed multigraph: tokens are vertices, and a pool of n coins gives an edge
/// (a `CycleHop`) for each of the n·(n−1) ordered pairs of its coins.
///
/// Every pool gives both directions of each pair, so a token's neighbours in and out are the same
/// set. Tokens are never dropped: a token whose pools are all removed keeps its number and has no
/// neighbours.
struct TokenGraph: Sendable {
    /// The rank of a token that is not a base.
    static let notABase = Int32.max

    /// One token: its address, its rank among the bases, and the hops to each of its neighbours.
    struct Vertex: Sendable {
        /// The token's address.
        let address: Address
        /// Its position in the base list, or `notABase`.
        let rank: Int32
        /// The hops from this token to each neighbour, by neighbour; never an empty list.
        var hops: [TokenID: [CycleHop]] = [:]
    }

    /// The tokens, by number.
    private(set) var vertices: [Vertex] = []
    /// The base tokens in rank order.
    private(set) var bases: [TokenID] = []
    private var ids: [Address: TokenID] = [:]

    /// A graph without pools whose base tokens are `bases`, first the preferred one; a repeated
    /// address keeps its first rank.
    init(bases addresses: [Address]) {
        for address in addresses where ids[address] == nil {
            bases.append(intern(address, rank: Int32(bases.count)))
        }
    }

    /// The number of `address`, given a new one (not a base) if it has none yet.
    mutating func id(of address: Address) -> TokenID {
        ids[address] ?? intern(address, rank: Self.notABase)
    }

    /// The number of `address`, if it has one.
    func existingID(of address: Address) -> TokenID? {
        ids[address]
    }

    /// The address of token `id`.
    func address(of id: TokenID) -> Address {
        vertices[id.index].address
    }

    /// The hops from `a` to `b`, through every pool that holds both.
    func hops(from a: TokenID, to b: TokenID) -> [CycleHop] {
        vertices[a.index].hops[b] ?? []
    }

    /// Adds the edges of the pool `slot` whose coins are `tokens`, in index order.
    mutating func addEdges(of slot: PoolSlot, tokens: [TokenID]) {
        for (i, a) in tokens.enumerated() {
            for (j, b) in tokens.enumerated() where j != i {
                vertices[a.index].hops[b, default: []].append(CycleHop(pool: slot, from: i, to: j))
            }
        }
    }

    /// Removes the edges of the pool `slot` whose coins are `tokens`.
    mutating func removeEdges(of slot: PoolSlot, tokens: [TokenID]) {
        for a in tokens {
            for b in tokens where b != a {
                vertices[a.index].hops[b]?.removeAll { $0.pool == slot }
                if vertices[a.index].hops[b]?.isEmpty == true {
                    vertices[a.index].hops[b] = nil
                }
            }
        }
    }

    private mutating func intern(_ address: Address, rank: Int32) -> TokenID {
        let id = TokenID(rawValue: UInt32(vertices.count))
        vertices.append(Vertex(address: address, rank: rank))
        ids[address] = id
        return id
    }
}
