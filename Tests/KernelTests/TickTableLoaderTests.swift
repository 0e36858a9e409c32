@testable import Kernel
import Testing

/// `TickTableLoader`: which words and ticks it asks for, what it builds, and the errors it names.
struct TickTableLoaderTests {
    static let algebra = TickTableLoader.Layout(
        wordGetter: "tickTable", tableName: "tick table", grossField: "liquidityTotal", netField: "liquidityDelta")
    static let uniswap = TickTableLoader.Layout(
        wordGetter: "tickBitmap", tableName: "bitmap", grossField: "liquidityGross", netField: "liquidityNet")

    /// A 32-byte word with only `bit` set.
    func word(bit: Int) -> [UInt8] { (UInt256.one << bit).bigEndianBytes }

    /// A `ticks(int24)` answer: gross, net, five zero words, initialized.
    func tickAnswer(gross: UInt64, net: Int64, initialized: Bool = true) -> [UInt8] {
        UInt256(gross).bigEndianBytes + UInt256(truncatingIfNeeded: Int(net)).bigEndianBytes
            + [UInt8](repeating: 0, count: 160) + UInt256(initialized ? 1 : 0).bigEndianBytes
    }

    @Test func compressedWordsAndTicksFollowTheSpacing() throws {
        var loader = try TickTableLoader(address: .zero, layout: Self.uniswap, compression: 10, currentTick: -283_375, wordRadius: 1)
        // -283375 / 10 rounds down to -28338, in word -111.
        #expect(loader.pendingCalls().map(\.label) == ["tickBitmap(-112)", "tickBitmap(-111)", "tickBitmap(-110)"])
        try loader.absorb([word(bit: 0), [UInt8](repeating: 0, count: 32), word(bit: 255)])
        // Word -112 bit 0 is compressed tick -28672; word -110 bit 255 is -27905.
        #expect(loader.pendingCalls().map(\.label) == ["ticks(-286720)", "ticks(-279050)"])
        try loader.absorb([tickAnswer(gross: 5, net: 5), tickAnswer(gross: 5, net: -5)])
        #expect(loader.pendingCalls().isEmpty)
        #expect(loader.entries == [TickTable.Entry(tick: -286_720, liquidityNet: Int256(5)), TickTable.Entry(tick: -279_050, liquidityNet: Int256(-5))])
        // Words -112 … -110 cover compressed ticks -28672 … -27905, one spacing below included.
        #expect(loader.completeTickRange == -286_730 ... -279_041)
    }

    @Test func rawTicksWithCompressionOne() throws {
        var loader = try TickTableLoader(address: .zero, layout: Self.algebra, compression: 1, currentTick: -1, wordRadius: 0)
        #expect(loader.pendingCalls().map(\.label) == ["tickTable(-1)"])
        try loader.absorb([word(bit: 5)])
        #expect(loader.pendingCalls().map(\.label) == ["ticks(-251)"])
        #expect(loader.completeTickRange == -257 ... -1)
    }

    @Test func noSetBitCompletesAtOnceAndAWideRadiusCoversEverything() throws {
        var loader = try TickTableLoader(address: .zero, layout: Self.algebra, compression: 1, currentTick: 0, wordRadius: 1 << 20)
        #expect(loader.wordPositions.first == TickMath.minTick >> 8 && loader.wordPositions.last == TickMath.maxTick >> 8)
        #expect(loader.completeTickRange == nil)
        try loader.absorb(loader.wordPositions.map { _ in [UInt8](repeating: 0, count: 32) })
        #expect(loader.entries == [])
        #expect(loader.pendingCalls().isEmpty)
    }

    @Test func errorsNameTheCallAndTheTable() throws {
        var loader = try TickTableLoader(address: .zero, layout: Self.algebra, compression: 1, currentTick: 0, wordRadius: 0)
        #expect(throws: PoolError.invalidState("2 answers for 1 calls")) { try loader.absorb([[], []]) }
        #expect(throws: PoolError.malformed(DecodingError(.truncated, at: 0, field: "tickTable(0).word"))) { try loader.absorb([[]]) }
        try loader.absorb([word(bit: 3)])
        let truncated = Array(tickAnswer(gross: 1, net: 1).prefix(40))
        #expect(throws: PoolError.malformed(DecodingError(.truncated, at: 32, field: "ticks(3).liquidityDelta"))) { try loader.absorb([truncated]) }
        #expect(throws: PoolError.invalidState("ticks(3) is set in the tick table but not initialized")) {
            try loader.absorb([tickAnswer(gross: 1, net: 1, initialized: false)])
        }
        #expect(loader.entries == nil)
    }

    @Test func refusesABadCompressionOrTick() {
        #expect(throws: PoolError.self) { try TickTableLoader(address: .zero, layout: Self.uniswap, compression: 0, currentTick: 0, wordRadius: 1) }
        #expect(throws: PoolError.self) { try TickTableLoader(address: .zero, layout: Self.uniswap, compression: 1 << 14, currentTick: 0, wordRadius: 1) }
        #expect(throws: PoolError.self) {
            try TickTableLoader(address: .zero, layout: Self.uniswap, compression: 1, currentTick: TickMath.maxTick + 1, wordRadius: 1)
        }
    }
}
