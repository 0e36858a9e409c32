extension ABIReader {
    /// The tick in head word `index` (an `int24`, e.g. `Swap.tick`, or an indexed tick read from
    /// its topic as a one-word encoding): `invalidValue` for a word that is not a sign-extended
    /// int24 or a tick outside `TickMath.minTick ... maxTick`, `truncated` where the word is missing.
    func tick(_ index: Int, field: StaticString) throws(DecodingError) -> Int32 {
        let value = try int(index, bits: 24, field: field)
        guard let wide = value.int64Value, wide >= Int64(TickMath.minTick), wide <= Int64(TickMath.maxTick) else {
            throw DecodingError(.invalidValue, at: relative(base) + index * 32, field: field)
        }
        return Int32(wide)
    }
}

extension EventLog {
    /// The indexed tick in `topics[index]` (`Mint.tickLower` is topic 2): `ABIReader.tick` of the
    /// topic's word, `truncated` where the log has no such topic.
    func indexedTick(_ index: Int, field: StaticString) throws(DecodingError) -> Int32 {
        guard index < topics.count else { throw DecodingError(.truncated, at: 0, field: field) }
        return try ABIReader(topics[index].bytes[...]).tick(0, field: field)
    }
}
