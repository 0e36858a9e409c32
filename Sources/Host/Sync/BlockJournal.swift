import Kernel

/// The last `depth` synced blocks, each with the states its logs replaced, and the block before
/// them, so a reorg of up to `depth` blocks rewinds to that ancestor without reading the chain.
struct BlockJournal: Sendable {
    /// One synced block: its header and the state of every pool it changed as it was before the
    /// block (nil: the pool was not tracked before it).
    struct Entry: Sendable {
        /// The block.
        var header: BlockHeader
        /// The states the block replaced, by pool.
        var priors: [Address: TrackedPool?]
    }

    /// How many blocks it keeps.
    let depth: Int
    /// Oldest first.
    private(set) var entries: [Entry] = []

    /// A journal of `depth` blocks (at least 1).
    init(depth: Int) {
        self.depth = max(1, depth)
    }

    /// The newest block.
    var head: BlockHeader? { entries.last?.header }

    /// The journaled header of block `number`, if kept.
    func header(_ number: UInt64) -> BlockHeader? {
        guard let first = entries.first?.header.number, number >= first, number - first < UInt64(entries.count) else { return nil }
        return entries[Int(number - first)].header
    }

    /// Appends a block, dropping the oldest beyond `depth` and its ancestor.
    mutating func append(_ entry: Entry) {
        entries.append(entry)
        if entries.count > depth + 1 { entries.removeFirst(entries.count - depth - 1) }
    }

    /// Notes `prior` as `pool`'s state before the newest block, unless that block already changed
    /// it; whether it did note it (the pool's first change in the block). One hash lookup but
    /// for a pool the block already changed, whose first prior is put back.
    @discardableResult
    mutating func record(_ pool: Address, prior: TrackedPool?) -> Bool {
        guard !entries.isEmpty else { return false }
        let last = entries.count - 1
        guard let first = entries[last].priors.updateValue(prior, forKey: pool) else { return true }
        entries[last].priors[pool] = .some(first)
        return false
    }

    /// Removes and returns the blocks above `number`, newest first; nil (and nothing removed) when
    /// the journal does not reach back to `number`.
    mutating func unwind(above number: UInt64) -> [Entry]? {
        guard let head, head.number >= number else { return nil }
        guard header(number) != nil else { return nil }
        let keep = Int(number - (entries.first?.header.number ?? number)) + 1
        let removed = entries[keep...].reversed()
        entries.removeLast(entries.count - keep)
        return Array(removed)
    }

    /// Forgets every block (after a re-bootstrap).
    mutating func reset(to header: BlockHeader) {
        entries = [Entry(header: header, priors: [:])]
    }
}
