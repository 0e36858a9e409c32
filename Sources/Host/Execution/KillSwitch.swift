import Atomics
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops submission at once: engaged while its file exists or for good after `SIGUSR1`. The
/// file is looked for each time a trade is about to be signed or sent (one `stat`, about a
/// microsecond, beside the signature's 35): a file created a moment before a trade stops it.
final class KillSwitch: Sendable {
    /// The file whose presence engages it.
    let path: String
    private let signalled = ManagedAtomic<Bool>(false)

    /// A switch on `path`.
    init(path: String) {
        self.path = path
    }

    /// Whether nothing may be submitted now.
    var isEngaged: Bool {
        signalled.load(ordering: .relaxed) || FileManager.default.fileExists(atPath: path)
    }

    /// Engages it for the rest of the run (what `SIGUSR1` does).
    func engage() {
        signalled.store(true, ordering: .relaxed)
    }

    /// Watches for `SIGUSR1` until cancelled.
    func watch() async {
        signal(SIGUSR1, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: .global())
        source.setEventHandler { [self] in engage() }
        source.resume()
        defer {
            source.cancel()
            signal(SIGUSR1, SIG_DFL)
        }
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
