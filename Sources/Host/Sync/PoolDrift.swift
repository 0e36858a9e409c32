import Kernel

/// What differs between a pool's held state and a fresh read of it, field by field, through its
/// family's snapshot entry (so every pool type is compared the same way). Tick tables are compared
/// over the ticks both sides hold completely: a table loaded around another current tick covers
/// another window, which is not drift.
enum PoolDrift {
    /// The fields of `held` that differ from `fresh` (empty: they agree), e.g.
    /// `["reserve0: 100 != 101"]`, `["ticks[-60]"]`.
    static func differences(held: any PricingPool, fresh: any PricingPool, family: any DEXPlugin.Type) -> [String] {
        guard let a = family.entry(of: held), let b = family.entry(of: fresh) else { return ["pool type"] }
        var differing: [String] = []
        let keys = a.members.map(\.key) + b.members.map(\.key).filter { a[$0] == nil }
        for key in keys where key != "ticks" && key != "completeTickRange" && a[key] != b[key] {
            differing.append("\(key): \(a[key]?.rendered ?? "absent") != \(b[key]?.rendered ?? "absent")")
        }
        if a["ticks"] != nil || b["ticks"] != nil {
            differing += tickDifferences(a, b)
        }
        return differing
    }

    /// The ticks that differ inside the range both entries hold completely.
    private static func tickDifferences(_ a: JSONObject, _ b: JSONObject) -> [String] {
        let range = overlap(completeRange(a), completeRange(b))
        let rowsA = rows(a, within: range), rowsB = rows(b, within: range)
        return Set(rowsA.keys).union(rowsB.keys).sorted().filter { rowsA[$0] != rowsB[$0] }.map { "ticks[\($0)]" }
    }

    /// An entry's `completeTickRange`, or every tick.
    private static func completeRange(_ entry: JSONObject) -> ClosedRange<Int64> {
        guard case .array(let bounds)? = entry["completeTickRange"], bounds.count == 2,
              case .number(let low) = bounds[0], case .number(let high) = bounds[1],
              let lower = Int64(low), let upper = Int64(high), lower <= upper else { return Int64.min...Int64.max }
        return lower...upper
    }

    private static func overlap(_ a: ClosedRange<Int64>, _ b: ClosedRange<Int64>) -> ClosedRange<Int64>? {
        let lower = max(a.lowerBound, b.lowerBound), upper = min(a.upperBound, b.upperBound)
        return lower <= upper ? lower...upper : nil
    }

    /// The `ticks` rows of `entry` whose tick lies in `range`, by tick.
    private static func rows(_ entry: JSONObject, within range: ClosedRange<Int64>?) -> [Int64: JSONValue] {
        guard let range, case .array(let rows)? = entry["ticks"] else { return [:] }
        var byTick: [Int64: JSONValue] = [:]
        for row in rows {
            guard case .array(let cells) = row, case .number(let text)? = cells.first, let tick = Int64(text), range.contains(tick) else { continue }
            byTick[tick] = row
        }
        return byTick
    }
}
