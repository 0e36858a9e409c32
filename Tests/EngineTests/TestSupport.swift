// The fixture loaders, field readers and seeded generator shared by every test target.
@_exported import TestSupport
import Engine
import Kernel
import Testing

/// A pool as the tests describe it: its address and its coins in index order.
struct PoolSpec: Hashable {
    var address: Address
    var tokens: [Address]
}

/// The address whose last eight bytes are `number` (big-endian), for made-up tokens and pools.
func testAddress(_ number: UInt64) -> Address {
    Address(precompile: number)
}

extension CycleIndex {
    /// An index of `pools`, inserted in order.
    init(bases: [Address], pools: [PoolSpec]) throws {
        self.init(bases: bases)
        for pool in pools {
            try insert(pool: pool.address, tokens: pool.tokens)
        }
    }

    /// Every indexed cycle through each of `pools`, as legs, by pool address; each pool's list has
    /// no repeated id.
    func cyclesByPool(_ pools: [Address]) -> [Address: Set<[CycleLeg]>] {
        var byPool: [Address: Set<[CycleLeg]>] = [:]
        for pool in pools {
            guard let slot = slot(of: pool) else { continue }
            let ids = cycles(through: slot)
            precondition(Set(ids).count == ids.count, "pool \(pool) lists a cycle twice")
            byPool[pool] = Set(ids.map { legs(of: $0) })
        }
        return byPool
    }

    /// Every indexed cycle, as legs, reached through the lists of `pools`.
    func allCycles(_ pools: [Address]) -> Set<[CycleLeg]> {
        cyclesByPool(pools).values.reduce(into: []) { $0.formUnion($1) }
    }
}

/// The cycles of `cycles` that pass through each pool, by pool address.
func cyclesByPool(_ cycles: Set<[CycleLeg]>) -> [Address: Set<[CycleLeg]>] {
    var byPool: [Address: Set<[CycleLeg]>] = [:]
    for cycle in cycles {
        for leg in cycle {
            byPool[leg.pool, default: []].insert(cycle)
        }
    }
    return byPool
}

/// Expects `actual` to hold exactly the cycles of `expected`; a failure lists only the cycles
/// missing and the cycles extra.
func expectSameCycles(_ actual: Set<[CycleLeg]>, _ expected: Set<[CycleLeg]>, _ context: String = "",
                      sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(expected.subtracting(actual).isEmpty, "missing \(context): \(expected.subtracting(actual))", sourceLocation: sourceLocation)
    #expect(actual.subtracting(expected).isEmpty, "extra \(context): \(actual.subtracting(expected))", sourceLocation: sourceLocation)
}
