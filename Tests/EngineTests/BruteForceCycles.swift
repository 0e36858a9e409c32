import Engine
import Kernel

/// The cycles a `CycleIndex` must hold, found the slow, obvious way: every chain of two or three
/// directed pool edges that returns to its start, uses no pool twice and starts at a base that no
/// other token of the chain outranks.
enum BruteForceCycles {
    static func cycles(pools: [PoolSpec], bases: [Address]) -> Set<[CycleLeg]> {
        var edgesFrom: [Address: [CycleLeg]] = [:]
        for pool in pools {
            for (i, tokenIn) in pool.tokens.enumerated() {
                for (j, tokenOut) in pool.tokens.enumerated() where i != j {
                    edgesFrom[tokenIn, default: []].append(
                        CycleLeg(pool: pool.address, tokenIn: tokenIn, tokenOut: tokenOut, from: i, to: j))
                }
            }
        }
        func rank(_ token: Address) -> Int { bases.firstIndex(of: token) ?? Int.max }
        var found = Set<[CycleLeg]>()
        /// Keeps a closed chain that uses no pool twice and starts at its best-ranked base.
        func consider(_ chain: [CycleLeg]) {
            let start = chain[0].tokenIn
            guard Set(chain.map(\.pool)).count == chain.count,
                  chain.allSatisfy({ rank($0.tokenIn) >= rank(start) })
            else { return }
            found.insert(chain)
        }
        for start in bases {
            for first in edgesFrom[start] ?? [] {
                for second in edgesFrom[first.tokenOut] ?? [] {
                    if second.tokenOut == start { consider([first, second]) }
                    for third in edgesFrom[second.tokenOut] ?? [] where third.tokenOut == start {
                        consider([first, second, third])
                    }
                }
            }
        }
        return found
    }
}
