import NIOConcurrencyHelpers

/// A one-way latch to wait on: `signal()` once, from anywhere; `wait()` returns after it (at once
/// when already signalled) or when the waiting task is cancelled.
final class StopSignal: Sendable {
    private struct State {
        var signalled = false
        var nextWaiter = 0
        var waiters: [Int: UnsafeContinuation<Void, Never>] = [:]
    }
    private let state = NIOLockedValueBox(State())

    /// Whether `signal()` was called.
    var isSignalled: Bool { state.withLockedValue { $0.signalled } }

    /// Releases every waiter, now and later.
    func signal() {
        let waiters = state.withLockedValue { state -> [UnsafeContinuation<Void, Never>] in
            state.signalled = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once signalled, or once the task is cancelled.
    func wait() async {
        let id = state.withLockedValue { state -> Int in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
                let now = state.withLockedValue { state -> Bool in
                    if state.signalled || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            state.withLockedValue { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
