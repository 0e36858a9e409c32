/// How wide a state load reads: the tick-table words around a concentrated-liquidity pool's
/// current tick (at least the family's own default), or its whole table. Families without tick
/// tables ignore it.
public struct PoolLoadOptions: Sendable, Equatable {
    /// Words read on each side of the current one, at least (a family reads its default if wider).
    public var tickWordRadius: Int
    /// Read every word of the table (the configured major pools).
    public var wholeTickTable: Bool

    /// Options of `tickWordRadius` words each side, or the whole table.
    public init(tickWordRadius: Int = 0, wholeTickTable: Bool = false) {
        self.tickWordRadius = tickWordRadius
        self.wholeTickTable = wholeTickTable
    }

    /// Each family's defaults.
    public static let standard = PoolLoadOptions()

    /// The radius to read for a family whose default is `familyDefault`: the whole 16-bit word
    /// range (the loader stops at the ends of the tick range) or the wider of the two.
    public func wordRadius(familyDefault: Int) -> Int {
        wholeTickTable ? 1 << 16 : max(familyDefault, tickWordRadius)
    }
}
