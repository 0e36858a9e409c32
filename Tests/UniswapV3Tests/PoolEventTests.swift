import Foundation
import Kernel
import Testing
import UniswapV3

/// Swap, Mint and Burn logs: real ones from Arbitrum and hand-built ones, well-formed and not.
struct PoolEventTests {
    static let pool = Arbitrum.address("0xC6962004f452bE9203591991D15f6b388e09E8D0")

    func startingPool(ticks: [TickTable.Entry] = []) throws -> UniswapV3Pool {
        try UniswapV3Pool(address: Self.pool, token0: .zero, token1: .zero, fee: 500, tickSpacing: 10,
                          sqrtPriceX96: priceOne, tick: 0, liquidity: 5000, ticks: try TickTable(ticks))
    }

    @Test func realSwapLogsSetPriceTickAndLiquidity() throws {
        let logs = try Fixture.json("v3_swap_logs.json")["logs"] as? [[String: Any]] ?? []
        var applied = 0, ignored = 0
        for entry in logs {
            guard let raw = entry["raw_log"] as? [String: Any], let decoded = entry["decoded"] as? [String: Any],
                  let event = entry["event"] as? String
            else { throw FixtureError("log without raw_log") }
            let topics = try (raw["topics"] as? [String] ?? []).map { try Hash32(hex: $0) }
            let log = EventLog(address: try Parse.address(entry["pool"]), topics: topics, data: try Parse.bytes(raw["data"]))
            // Every reported state is consistent with TickMath: the tick is the price's tick.
            #expect(try TickMath.tick(atSqrtRatio: Parse.uint(decoded["sqrtPriceX96"])) == Parse.tick(decoded["tick"]))
            var pool = try startingPool()
            let effect = try pool.apply(log)
            if event.hasPrefix("UniswapV3-style") {
                #expect(effect == .applied)
                #expect(pool.sqrtPriceX96 == (try Parse.uint(decoded["sqrtPriceX96"])))
                #expect(pool.tick == (try Parse.tick(decoded["tick"])))
                #expect(pool.liquidity == (try Parse.uint(decoded["liquidity"])))
                applied += 1
            } else {
                // PancakeSwap V3's Swap has two more fields, so another topic0: not this pool's event.
                #expect(effect == .ignored)
                #expect(pool == (try startingPool()))
                ignored += 1
            }
        }
        #expect(applied == 23 && ignored == 12)
    }

    @Test func mintAndBurnMoveTicksAndActiveLiquidity() throws {
        var pool = try startingPool()
        #expect(try pool.apply(mint(lower: -100, upper: 200, amount: 700)) == .applied)
        #expect(pool.liquidity == 5700)
        #expect(pool.ticks.entries == [TickTable.Entry(tick: -100, liquidityNet: 700, liquidityGross: 700),
                                       TickTable.Entry(tick: 200, liquidityNet: -700, liquidityGross: 700)])
        // Out of range above the current tick (0): ticks change, active liquidity does not.
        #expect(try pool.apply(mint(lower: 200, upper: 400, amount: 300)) == .applied)
        #expect(pool.liquidity == 5700)
        #expect(pool.ticks.entries[1] == TickTable.Entry(tick: 200, liquidityNet: -400, liquidityGross: 1000))
        // A range whose upper bound is the current tick does not hold it.
        #expect(try pool.apply(mint(lower: -50, upper: 0, amount: 11)) == .applied)
        #expect(pool.liquidity == 5700)
        #expect(try pool.apply(burn(lower: -100, upper: 200, amount: 700)) == .applied)
        #expect(pool.liquidity == 5000)
        #expect(pool.ticks.ticks == [-50, 0, 200, 400])
        // A Burn of 0 (fee poke) changes nothing.
        let before = pool
        #expect(try pool.apply(burn(lower: 200, upper: 400, amount: 0)) == .ignored)
        #expect(pool == before)
    }

    @Test func appliedMintsAreSwappedThrough() throws {
        var pool = try startingPool()
        #expect(try pool.apply(mint(lower: -10, upper: 10, amount: 1_000_000_000)) == .applied)
        let result = try pool.quote(zeroForOne: true, amountSpecified: .max, sqrtPriceLimitX96: lowestLimit)
        // Crossing -10 removes the minted liquidity again: only the starting 5000 is left.
        #expect(result.liquidity == 5000)
    }

    @Test func malformedLogsThrowAndChangeNothing() throws {
        let original = try startingPool()
        let swapData = [UInt8](repeating: 0, count: 160)
        let someone = Hash32(bytes: [UInt8](repeating: 0, count: 32)) ?? .zero
        var badTick = swapData
        badTick.replaceSubrange(128..<160, with: UInt256(887_273).bigEndianBytes)
        var dirtyPrice = swapData
        dirtyPrice[64] = 1
        var zeroPrice = swapData
        zeroPrice.replaceSubrange(128..<160, with: UInt256(1).bigEndianBytes)
        let cases: [(EventLog, String)] = [
            (EventLog(address: Self.pool, topics: [UniswapV3PoolEvents.swap, someone, someone], data: Array(swapData.dropLast())), "Swap.data"),
            (EventLog(address: Self.pool, topics: [UniswapV3PoolEvents.swap, someone, someone], data: swapData + [0]), "Swap.data"),
            (EventLog(address: Self.pool, topics: [UniswapV3PoolEvents.swap, someone], data: swapData), "Swap.topics"),
            (EventLog(address: Self.pool, topics: [UniswapV3PoolEvents.swap, someone, someone], data: badTick), "Swap.tick"),
            (EventLog(address: Self.pool, topics: [UniswapV3PoolEvents.swap, someone, someone], data: dirtyPrice), "Swap.sqrtPriceX96"),
            (EventLog(address: Self.pool, topics: [UniswapV3PoolEvents.swap, someone, someone], data: zeroPrice), "Swap.sqrtPriceX96"),
            (mint(lower: -10, upper: 10, amount: 5, dataBytes: 96), "Mint.data"),
            (burn(lower: -10, upper: 10, amount: 5, lowerTopic: Hash32(bytes: UInt256(1 << 24).bigEndianBytes)), "Burn.tickLower"),
            (burn(lower: -10, upper: 10, amount: 5, amountWord: UInt256(0, 0, 1, 0)), "Burn.amount"),
            // What the contract cannot log: int128 liquidity (toInt128 reverts), bounds out of
            // order or off the spacing (10).
            (burn(lower: -10, upper: 10, amount: 5, amountWord: UInt256(0, 0x8000_0000_0000_0000, 0, 0)), "Burn.amount"),
            (mint(lower: 10, upper: -10, amount: 5), "Mint.tickUpper"),
            (mint(lower: 10, upper: 10, amount: 5), "Mint.tickUpper"),
            (mint(lower: -15, upper: 10, amount: 5), "Mint.tickLower"),
            (burn(lower: -10, upper: 15, amount: 5), "Burn.tickUpper"),
        ]
        for (log, field) in cases {
            var pool = original
            #expect {
                try pool.apply(log)
            } throws: { error in
                guard case .malformed(let decoding) = error as? PoolError else { return false }
                return decoding.field == field
            }
            #expect(pool == original, "\(field)")
        }
    }

    /// A Burn of more than the held ticks have (e.g. of a position on ticks beyond the loaded
    /// words) cannot be followed: the pool asks for a reload and stays as it was.
    @Test func positionChangesTheStateCannotTakeAskForAReload() throws {
        var pool = try startingPool()
        #expect(try pool.apply(mint(lower: -10, upper: 10, amount: 5)) == .applied)
        let before = pool
        for log in [burn(lower: -10, upper: 10, amount: 6), burn(lower: -20, upper: 20, amount: 1)] {
            let effect = try pool.apply(log)
            guard case .needsReload(let reason) = effect else {
                Issue.record("\(effect)")
                continue
            }
            #expect(reason.contains("does not fit the held state"))
            #expect(pool == before)
        }
    }

    @Test func otherEventsAreIgnored() throws {
        var pool = try startingPool()
        #expect(try pool.apply(EventLog(address: Self.pool, topics: [], data: [])) == .ignored)
        let collect = Keccak256.hash(Array("Collect(address,address,int24,int24,uint128,uint128)".utf8))
        #expect(try pool.apply(EventLog(address: Self.pool, topics: [collect], data: [1, 2])) == .ignored)
        // Nothing in a V3 pool moves with the block alone.
        try pool.advance(toBlock: 300_000_000, timestamp: 1_700_000_000)
        #expect(pool == (try startingPool()))
        #expect(UniswapV3Pool.stateEventTopics.count == 3)
        #expect(UniswapV3PoolEvents.swap == Arbitrum.hash("0xc42079f94a6350d7e6235f29174924f928cc2ac818eb64fed8004e115fbcca67"))
    }

    // MARK: Log builders

    func tickTopic(_ tick: Int32) -> Hash32 {
        Hash32(bytes: UInt256(truncatingIfNeeded: Int(tick)).bigEndianBytes) ?? .zero
    }

    func mint(lower: Int32, upper: Int32, amount: UInt64, dataBytes: Int = 128) -> EventLog {
        let data = [UInt8](repeating: 0, count: 32) + UInt256(amount).bigEndianBytes + UInt256(1).bigEndianBytes + UInt256(2).bigEndianBytes
        return EventLog(address: Self.pool, topics: [UniswapV3PoolEvents.mint, .zero, tickTopic(lower), tickTopic(upper)],
                        data: Array(data.prefix(dataBytes)))
    }

    func burn(lower: Int32, upper: Int32, amount: UInt64, lowerTopic: Hash32? = nil, amountWord: UInt256? = nil) -> EventLog {
        let data = (amountWord ?? UInt256(amount)).bigEndianBytes + UInt256(1).bigEndianBytes + UInt256(2).bigEndianBytes
        return EventLog(address: Self.pool, topics: [UniswapV3PoolEvents.burn, .zero, lowerTopic ?? tickTopic(lower), tickTopic(upper)], data: data)
    }
}
