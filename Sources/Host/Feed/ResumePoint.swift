import Atomics

/// The sequence number a (re)connecting feed connection asks for
/// (`Arbitrum-Requested-Sequence-Number`): one past the newest message the decode loop has
/// accepted. Written only by the decode loop's `SequenceTracker`, read by connection tasks
/// before each handshake; a single atomic word, so neither side ever waits on the other.
final class ResumePoint: Sendable {
    /// `UInt64.max` stands for "nothing yet" (the server then starts where it likes).
    private static let unknown = UInt64.max
    private let value: ManagedAtomic<UInt64>

    /// Starts unknown, or at `next` when resuming from a known position.
    init(next: UInt64? = nil) {
        value = ManagedAtomic(next ?? Self.unknown)
    }

    /// The next sequence number to request, if any message has been accepted (or a start was given).
    var next: UInt64? {
        let v = value.load(ordering: .relaxed)
        return v == Self.unknown ? nil : v
    }

    /// Records that everything up to `sequenceNumber` has been accepted.
    func advance(past sequenceNumber: UInt64) {
        // UInt64.max - 1 would store the "unknown" marker; a feed never gets there.
        value.store(sequenceNumber < Self.unknown - 1 ? sequenceNumber + 1 : Self.unknown - 1, ordering: .relaxed)
    }
}
