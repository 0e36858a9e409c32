import NIOConcurrencyHelpers

/// An async counting semaphore: at most `limit` holders at once, the others wait in arrival
/// order. A waiter whose task is cancelled leaves the line without a place.
final class RequestLimiter: Sendable {
    private struct State {
        var available: Int
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
        var nextID: UInt64 = 0
    }

    private let state: NIOLockedValueBox<State>

    /// A limiter of `limit` (at least 1) holders.
    init(limit: Int) {
        state = NIOLockedValueBox(State(available: max(1, limit)))
    }

    /// Waits for a place: true once held (give it back with `release`), false when the task was
    /// cancelled while waiting (no place is held).
    func acquire() async -> Bool {
        let id = state.withLockedValue { state -> UInt64? in
            if state.available > 0 {
                state.available -= 1
                return nil
            }
            state.nextID += 1
            return state.nextID
        }
        guard let id else { return true }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let cancelled = state.withLockedValue { state -> Bool in
                    if Task.isCancelled { return true }
                    state.waiters.append((id, continuation))
                    return false
                }
                if cancelled { continuation.resume(returning: false) }
            }
        } onCancel: {
            let waiter = state.withLockedValue { state -> CheckedContinuation<Bool, Never>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index).continuation
            }
            waiter?.resume(returning: false)
        }
    }

    /// Gives a place back: to the longest waiter, if any.
    func release() {
        let next = state.withLockedValue { state -> CheckedContinuation<Bool, Never>? in
            guard !state.waiters.isEmpty else {
                state.available += 1
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        next?.resume(returning: true)
    }
}
