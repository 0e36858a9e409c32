import Dispatch
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT/SIGTERM handling for long-running commands: the first signal runs an action (stop
/// cleanly), a second one exits at once with status 130.
final class InterruptSignal {
    private let sources: [any DispatchSourceSignal]

    private init(sources: [any DispatchSourceSignal]) {
        self.sources = sources
    }

    /// Starts watching; `action` runs (once, on a Dispatch queue) at the first signal.
    static func onInterrupt(_ action: @escaping @Sendable () -> Void) -> InterruptSignal {
        let fired = NIOLockedValueBox(false)
        let sources: [any DispatchSourceSignal] = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let again = fired.withLockedValue { fired in
                    defer { fired = true }
                    return fired
                }
                if again { exit(130) }
                action()
            }
            source.resume()
            return source
        }
        return InterruptSignal(sources: sources)
    }

    /// Stops watching and restores the default handlers.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
