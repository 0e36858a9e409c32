import Kernel
import Testing

/// The sorted tick table walks exactly like the contract's bitmap words.
struct TickTableTests {
    /// A literal model of `TickBitmap`: words keyed by position, bits set per compressed tick.
    struct BitmapModel {
        var words: [Int32: UInt256] = [:]
        let spacing: Int32

        init(ticks: [Int32], spacing: Int32) {
            self.spacing = spacing
            for tick in ticks {
                let compressed = tick / spacing
                words[compressed >> 8, default: .zero] |= UInt256.one << Int(compressed & 0xff)
            }
        }

        func next(_ tick: Int32, lte: Bool) -> (Int32, Bool) {
            var compressed = tick / spacing
            if tick < 0 && tick % spacing != 0 { compressed -= 1 }
            if lte {
                let word = words[compressed >> 8] ?? .zero
                let bit = Int(compressed & 0xff)
                for candidate in stride(from: bit, through: 0, by: -1) where word.bit(candidate) {
                    return ((compressed - Int32(bit - candidate)) * spacing, true)
                }
                return ((compressed - Int32(bit)) * spacing, false)
            }
            let start = compressed + 1
            let word = words[start >> 8] ?? .zero
            let bit = Int(start & 0xff)
            for candidate in bit...255 where word.bit(candidate) {
                return ((start + Int32(candidate - bit)) * spacing, true)
            }
            return ((start + Int32(255 - bit)) * spacing, false)
        }
    }

    @Test func nextTickMatchesTheBitmapModel() throws {
        var random = SplitMix64(seed: 42)
        for spacing: Int32 in [1, 10, 60, 200] {
            let range = Int64(TickMath.maxTick / spacing)
            // Clustered ticks (several per word) and scattered ones.
            var ticks = Set<Int32>()
            for _ in 0..<40 { ticks.insert(Int32(Int64(random.next() % UInt64(2 * range + 1)) - range) * spacing) }
            for _ in 0..<40 { ticks.insert(Int32(Int64(random.next() % 2001) - 1000) * spacing) }
            let table = try TickTable(ticks.map { TickTable.Entry(tick: $0, liquidityNet: 1) })
            let model = BitmapModel(ticks: Array(ticks), spacing: spacing)
            for _ in 0..<3000 {
                let from = Int32(Int64(random.next() % 1_774_545) - 887_272)
                for lte in [true, false] {
                    let found = table.nextInitializedTickWithinOneWord(from, spacing: spacing, lte: lte)
                    let expected = model.next(from, lte: lte)
                    #expect(found.tick == expected.0 && (found.index != nil) == expected.1, "spacing \(spacing) from \(from) lte \(lte)")
                    if let index = found.index { #expect(table.ticks[index] == found.tick) }
                }
            }
        }
    }

    @Test func emptyWordsAreOneStepEach() throws {
        let table = try TickTable([TickTable.Entry(tick: -887272, liquidityNet: 5), TickTable.Entry(tick: 887272, liquidityNet: -5)])
        // From tick 230270 upwards with spacing 1: the end of this word, not the far tick.
        let step = table.nextInitializedTickWithinOneWord(230270, spacing: 1, lte: false)
        #expect(step.tick == 230399 && step.index == nil)
        let down = table.nextInitializedTickWithinOneWord(230270, spacing: 1, lte: true)
        #expect(down.tick == 230144 && down.index == nil)
    }

    @Test func invalidEntriesAreRefused() {
        #expect(throws: PoolError.self) { try TickTable([TickTable.Entry(tick: 887273, liquidityNet: 1)]) }
        #expect(throws: PoolError.self) { try TickTable([TickTable.Entry(tick: 5, liquidityNet: 1), TickTable.Entry(tick: 5, liquidityNet: 2)]) }
        #expect(throws: PoolError.self) { try TickTable([TickTable.Entry(tick: 5, liquidityNet: Int256(bitPattern: twoTo128))]) }
    }

    @Test func updateInsertsChangesAndRemovesTicks() throws {
        var table = TickTable()
        try table.update(tick: -60, liquidityDelta: 100, upper: false)
        try table.update(tick: 120, liquidityDelta: 100, upper: true)
        #expect(table.entries == [TickTable.Entry(tick: -60, liquidityNet: 100, liquidityGross: 100),
                                  TickTable.Entry(tick: 120, liquidityNet: -100, liquidityGross: 100)])
        try table.update(tick: 120, liquidityDelta: 40, upper: false)
        #expect(table.entries.last == TickTable.Entry(tick: 120, liquidityNet: -60, liquidityGross: 140))
        try table.update(tick: -60, liquidityDelta: -100, upper: false)
        #expect(table.ticks == [120])
        #expect(throws: PoolError.self) { try table.update(tick: 120, liquidityDelta: -141, upper: true) }
        #expect(table.ticks == [120])
    }
}
