/// Which cycles one message has screened already, without hashing: one stamp per cycle id,
/// equal to the current message's number when the cycle was screened for it.
///
/// A message that moves several pools reaches a cycle through two of them once per pool; the
/// stamp makes the second visit a single load and compare. Starting a message bumps the number
/// instead of clearing the stamps; when the number wraps (after 2^32 messages) they are cleared.
struct ScreenedMarks: Sendable {
    private var stamps: [UInt32] = []
    private var current: UInt32 = 0

    /// Forgets every mark: the next message starts afresh.
    mutating func startMessage() {
        current &+= 1
        if current == 0 {
            for index in stamps.indices { stamps[index] = 0 }
            current = 1
        }
    }

    /// Marks `id`; true when this message had not marked it yet.
    @inline(__always)
    mutating func mark(_ id: CycleID) -> Bool {
        let index = id.index
        if index >= stamps.count {
            stamps.append(contentsOf: repeatElement(0, count: Swift.max(index + 1 - stamps.count, stamps.count)))
        }
        guard stamps[index] != current else { return false }
        stamps[index] = current
        return true
    }
}
