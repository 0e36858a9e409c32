extension TokenGraph {
    /// Calls `found` once for every cycle that the pool `slot`, of coins `tokens` and not yet in
    /// the graph, closes with the pools already in it: every 2- and 3-hop cycle through it that
    /// passes a base token, turned to start at the highest-ranked base on it.
    ///
    /// Each such cycle uses the new pool exactly once, so it is found exactly once: as the new
    /// pool's hop a → b followed by a path b → a of one hop, or of two hops through a third token
    /// c. The path's pools differ from the new one because it is not in the graph yet, and from
    /// each other by the check below. When neither a nor b is a base, only paths through a base c
    /// can close a cycle that counts, so only the bases are tried as c; otherwise c runs over the
    /// neighbours a and b have in common.
    func forEachCycle(closedBy slot: PoolSlot, tokens: [TokenID], _ found: (Cycle) -> Void) {
        for (i, a) in tokens.enumerated() {
            for (j, b) in tokens.enumerated() where j != i {
                let first = CycleHop(pool: slot, from: i, to: j)
                let rankA = vertices[a.index].rank, rankB = vertices[b.index].rank
                if rankA == Self.notABase && rankB == Self.notABase {
                    for c in bases {
                        closeTriangles(first, a, b, through: c, found)
                    }
                    continue
                }
                for back in hops(from: b, to: a) {
                    found(Cycle.rotated(first, back, startRanks: (rankA, rankB)))
                }
                forEachCommonNeighbour(of: a, b) { c in
                    closeTriangles(first, a, b, through: c, found)
                }
            }
        }
    }

    /// Every cycle `first` (a → b), then b → c, then c → a through two different pools.
    private func closeTriangles(_ first: CycleHop, _ a: TokenID, _ b: TokenID, through c: TokenID, _ found: (Cycle) -> Void) {
        let ranks = (vertices[a.index].rank, vertices[b.index].rank, vertices[c.index].rank)
        let seconds = hops(from: b, to: c)
        guard !seconds.isEmpty else { return }
        let thirds = hops(from: c, to: a)
        for second in seconds {
            for third in thirds where third.pool != second.pool {
                found(Cycle.rotated(first, second, third, startRanks: ranks))
            }
        }
    }

    /// Calls `body` with each token that shares a pool with both `a` and `b`, in token order (a
    /// dictionary's own order differs between instances, and the cycles' order must not: the
    /// engine answers the same feed the same way, byte for byte), walking the smaller of their
    /// neighbour sets.
    private func forEachCommonNeighbour(of a: TokenID, _ b: TokenID, _ body: (TokenID) -> Void) {
        let hopsA = vertices[a.index].hops, hopsB = vertices[b.index].hops
        let (smaller, larger) = hopsA.count <= hopsB.count ? (hopsA, hopsB) : (hopsB, hopsA)
        for c in smaller.keys.filter({ larger[$0] != nil }).sorted(by: { $0.index < $1.index }) {
            body(c)
        }
    }
}
