import Engine
import Kernel
import Testing

/// The real topology of 2023's Arbitrum arbitrages: an index of every pool their enabled-family
/// legs went through holds each real 2- and 3-hop cycle (as the rotation that starts at its
/// first-ranked base) exactly when the cycle passes a base.
@Suite struct RealArbitrageCycleTests {
    /// The base lists tried: WETH alone (the default), WETH and the four tokens real cycles start
    /// from most after it, and every token a real cycle starts from.
    enum BaseList: CaseIterable, CustomTestStringConvertible {
        case weth, hubs, everyStart

        var testDescription: String { "\(self)" }

        func addresses(_ arbitrages: RealArbitrages) -> [Address] {
            let weth = CycleIndex.defaultBases
            switch self {
            case .weth: return weth
            case .hubs: return weth + Self.starts(arbitrages).filter { !weth.contains($0) }.prefix(4)
            case .everyStart: return weth + Self.starts(arbitrages).filter { !weth.contains($0) }
            }
        }

        /// The first tokens of the enabled 2- and 3-hop cycles, most frequent first (ties by address).
        private static func starts(_ arbitrages: RealArbitrages) -> [Address] {
            var counts: [Address: Int] = [:]
            for cycle in arbitrages.cycles where cycle.count <= 3 && RealArbitrages.isEnabled(cycle) {
                counts[cycle[0].tokenIn, default: 0] += 1
            }
            return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        }
    }

    @Test("each real 2- or 3-hop cycle of enabled pools is indexed exactly when it passes a base", arguments: BaseList.allCases)
    func realCyclesAreIndexed(bases list: BaseList) throws {
        let arbitrages = try RealArbitrages()
        let pools = arbitrages.enabledPools
        let bases = list.addresses(arbitrages)
        let index = try CycleIndex(bases: bases, pools: pools)
        let tokens = Dictionary(uniqueKeysWithValues: pools.map { ($0.address, $0.tokens) })
        let indexed = index.allCycles(pools.map(\.address))

        var throughBase = 0, found = 0
        for cycle in arbitrages.cycles where cycle.count <= 3 && RealArbitrages.isEnabled(cycle) {
            let legs = try cycle.map { leg in
                let coins = try #require(tokens[leg.pool])
                return CycleLeg(pool: leg.pool, tokenIn: leg.tokenIn, tokenOut: leg.tokenOut,
                                from: try #require(coins.firstIndex(of: leg.tokenIn)),
                                to: try #require(coins.firstIndex(of: leg.tokenOut)))
            }
            let rotations = legs.indices.map { Array(legs[$0...] + legs[..<$0]) }
            let ranks = legs.map { bases.firstIndex(of: $0.tokenIn) ?? Int.max }
            if let best = ranks.min(), best != Int.max, let start = ranks.firstIndex(of: best) {
                throughBase += 1
                if indexed.contains(rotations[start]) { found += 1 }
            } else {
                #expect(rotations.allSatisfy { !indexed.contains($0) }, "a cycle through no base is indexed")
            }
        }
        #expect(found == throughBase)
        if list == .everyStart {
            #expect(found == arbitrages.cycles.filter { $0.count <= 3 && RealArbitrages.isEnabled($0) }.count)
        }
    }

    @Test("the cycles left out are the ones the index cannot hold: a Balancer leg or more than 3 hops")
    func leftOut() throws {
        let arbitrages = try RealArbitrages()
        let index = try CycleIndex(bases: BaseList.everyStart.addresses(arbitrages), pools: arbitrages.enabledPools)
        for cycle in arbitrages.cycles where cycle.count > 3 || !RealArbitrages.isEnabled(cycle) {
            let disabled = cycle.filter { !RealArbitrages.enabledFamilies.contains($0.family) }
            #expect(cycle.count > 3 || disabled.allSatisfy { $0.family == "Balancer V2" && index.slot(of: $0.pool) == nil })
        }
    }
}
