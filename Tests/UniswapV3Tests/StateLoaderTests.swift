import Foundation
import Kernel
import Testing
import UniswapV3

/// The three rounds of `UniswapV3StateLoader`, answered from a real tick table.
struct StateLoaderTests {
    let address = Arbitrum.address("0x0000000000000000000000000000000000000abc")

    /// Answers every call the way the snapshot's pool would.
    struct FakePool {
        let pool: UniswapV3Pool
        let feeProtocol: UInt64

        func answer(_ call: StateCall) throws -> [UInt8] {
            let selector = FunctionSelector.leading(call.data[...])
            let argument = call.data.count >= 36 ? UInt256(bigEndian: call.data[4..<36]) ?? .zero : .zero
            let signed = Int32(truncatingIfNeeded: Int64(bitPattern: argument.w0))
            func word(_ value: UInt256) -> [UInt8] { value.bigEndianBytes }
            func signedWord(_ value: Int32) -> [UInt8] { UInt256(truncatingIfNeeded: Int(value)).bigEndianBytes }
            switch selector {
            case FunctionSelector.of("slot0()"):
                return word(pool.sqrtPriceX96) + signedWord(pool.tick) + word(1) + word(1) + word(1) + word(UInt256(feeProtocol)) + word(1)
            case FunctionSelector.of("liquidity()"): return word(pool.liquidity)
            case FunctionSelector.of("fee()"): return word(UInt256(UInt64(pool.fee)))
            case FunctionSelector.of("tickSpacing()"): return signedWord(pool.tickSpacing)
            case FunctionSelector.of("tickBitmap(int16)"):
                var bits = UInt256.zero
                for tick in pool.ticks.ticks where (tick / pool.tickSpacing) >> 8 == signed {
                    bits |= UInt256.one << Int((tick / pool.tickSpacing) & 0xff)
                }
                return word(bits)
            case FunctionSelector.of("ticks(int24)"):
                guard let entry = pool.ticks.entries.first(where: { $0.tick == signed }) else { throw FixtureError("no tick \(signed)") }
                return word(entry.liquidityGross) + word(entry.liquidityNet.bitPattern) + [UInt8](repeating: 0, count: 160) + word(1)
            default:
                throw FixtureError("unexpected call \(call.label)")
            }
        }
    }

    func load(_ fake: FakePool, radius: Int) throws -> (UniswapV3Pool, [[String]]) {
        var loader = UniswapV3StateLoader(address: address, token0: fake.pool.token0, token1: fake.pool.token1, wordRadius: radius)
        var rounds: [[String]] = []
        while case let calls = loader.pendingCalls(), !calls.isEmpty {
            #expect(calls.allSatisfy { $0.to == address })
            rounds.append(calls.map(\.label))
            try loader.absorb(try calls.map(fake.answer))
            #expect(rounds.count <= 3)
        }
        return (try loader.pool(), rounds)
    }

    @Test func loadsARealTickTableAndQuotesItsKnownAnswer() throws {
        let (snapshot, _) = try Snapshot.pool("ramses_v2_arb_usdce_500_20231218.json")
        let (pool, rounds) = try load(FakePool(pool: snapshot, feeProtocol: 0x44), radius: 3)
        #expect(rounds.count == 3)
        #expect(rounds[0] == ["slot0()", "liquidity()", "fee()", "tickSpacing()"])
        #expect(rounds[1] == (-111 ... -105).map { "tickBitmap(\($0))" })
        #expect(rounds[2].count == 18 && rounds[2].first == "ticks(-283380)")
        #expect(pool.ticks == snapshot.ticks)
        #expect(pool.sqrtPriceX96 == snapshot.sqrtPriceX96 && pool.tick == snapshot.tick && pool.liquidity == snapshot.liquidity)
        #expect(try pool.amountOut(1_000_000_000_000_000_000, from: 0, to: 1) == 1_172_208)
    }

    @Test func aNarrowRadiusRefusesSwapsPastTheLoadedWords() throws {
        let (snapshot, _) = try Snapshot.pool("ramses_v2_arb_usdce_500_20231218.json")
        let (pool, rounds) = try load(FakePool(pool: snapshot, feeProtocol: 0), radius: 0)
        #expect(rounds[1] == ["tickBitmap(-108)"])
        let loaded = try #require(pool.completeTickRange)
        #expect(loaded.lowerBound == -108 * 2560 - 10 && loaded.upperBound == -107 * 2560 - 1)
        #expect(try pool.amountOut(1_000_000_000_000_000_000, from: 0, to: 1) == 1_172_208)
        #expect { try pool.amountOut(UInt256(1) << 100, from: 0, to: 1) } throws: { error in
            guard case .invalidState(let detail) = error as? PoolError else { return false }
            return detail.contains("outside the loaded ticks")
        }
    }

    @Test func callsCarryTheirArguments() throws {
        let (snapshot, _) = try Snapshot.pool("ramses_v2_arb_usdce_500_20231218.json")
        var loader = UniswapV3StateLoader(address: address, token0: .zero, token1: .zero, wordRadius: 0)
        try loader.absorb(try loader.pendingCalls().map(FakePool(pool: snapshot, feeProtocol: 0).answer))
        let call = try #require(loader.pendingCalls().first)
        #expect(call.data == [0x53, 0x39, 0xc2, 0x96] + UInt256(truncatingIfNeeded: -108).bigEndianBytes)
    }

    @Test func malformedAnswersNameTheCall() throws {
        let (snapshot, _) = try Snapshot.pool("ramses_v2_arb_usdce_500_20231218.json")
        let fake = FakePool(pool: snapshot, feeProtocol: 0)
        var loader = UniswapV3StateLoader(address: address, token0: .zero, token1: .zero, wordRadius: 3)
        #expect(throws: PoolError.self) { try loader.pool() }
        var header = try loader.pendingCalls().map(fake.answer)
        #expect(throws: PoolError.self) { try loader.absorb(Array(header.dropLast())) }
        header[0] = Array(header[0].prefix(100))
        #expect { try loader.absorb(header) } throws: { error in
            guard case .malformed(let decoding) = error as? PoolError else { return false }
            return decoding.field.hasPrefix("slot0()")
        }
        header = try loader.pendingCalls().map(fake.answer)
        header[3] = UInt256(1 << 23).bigEndianBytes // tickSpacing() not an int24
        #expect { try loader.absorb(header) } throws: { error in
            guard case .malformed(let decoding) = error as? PoolError else { return false }
            return decoding.field == "tickSpacing().tickSpacing"
        }
        try loader.absorb(try loader.pendingCalls().map(fake.answer))
        try loader.absorb(try loader.pendingCalls().map(fake.answer))
        var ticks = try loader.pendingCalls().map(fake.answer)
        ticks[0][255] = 2 // initialized is not a bool
        #expect { try loader.absorb(ticks) } throws: { error in
            guard case .malformed(let decoding) = error as? PoolError else { return false }
            return decoding.field == "ticks(-283380).initialized"
        }
        ticks[0][255] = 0 // set in the bitmap but not initialized
        #expect(throws: PoolError.self) { try loader.absorb(ticks) }
        ticks[0][255] = 1
        try loader.absorb(ticks)
        #expect(try loader.pool().ticks.ticks.count == 18)
    }
}
