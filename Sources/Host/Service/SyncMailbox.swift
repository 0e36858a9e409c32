import Atomics
import NIOConcurrencyHelpers

/// Sync's updates on their way to the hot loop. Sync posts; the hot loop takes them between
/// messages. The hot loop reads one atomic counter per message and touches the lock only when
/// an update waits, and sync holds it only to append: the hot path never waits on sync's work.
final class SyncMailbox: Sendable {
    private let waiting = ManagedAtomic<Int>(0)
    private let updates = NIOLockedValueBox<[SyncUpdate]>([])

    /// An empty mailbox.
    init() {}

    /// Leaves `update` for the hot loop.
    func post(_ update: SyncUpdate) {
        updates.withLockedValue { $0.append(update) }
        waiting.wrappingIncrement(ordering: .releasing)
    }

    /// The updates waiting, oldest first (empty without touching the lock when none waits).
    func take() -> [SyncUpdate] {
        guard waiting.load(ordering: .acquiring) > 0 else { return [] }
        let taken = updates.withLockedValue { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        waiting.wrappingDecrement(by: taken.count, ordering: .releasing)
        return taken
    }
}
