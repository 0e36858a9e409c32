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

/// Stops submission at once: engaged while its file exists (checked every `interval` off the
/// hot path) or for good after `SIGUSR1`. The hot path reads one atomic flag.
final class KillSwitch: Sendable {
    /// The file whose presence engages it.
    let path: String
    private let fileSeen = ManagedAtomic<Bool>(false)
    private let signalled = ManagedAtomic<Bool>(false)

    /// A switch on `path`, not yet watching.
    init(path: String) {
        self.path = path
        fileSeen.store(FileManager.default.fileExists(atPath: path), ordering: .relaxed)
    }

    /// Whether nothing may be submitted now.
    var isEngaged: Bool {
        fileSeen.load(ordering: .relaxed) || signalled.load(ordering: .relaxed)
    }

    /// Engages it for the rest of the run (what `SIGUSR1` does).
    func engage() {
        signalled.store(true, ordering: .relaxed)
    }

    /// Watches the file every `interval` and `SIGUSR1` until cancelled.
    func watch(every interval: Duration = .milliseconds(50)) async {
        signal(SIGUSR1, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: .global())
        source.setEventHandler { [self] in engage() }
        source.resume()
        defer {
            source.cancel()
            signal(SIGUSR1, SIG_DFL)
        }
        while !Task.isCancelled {
            fileSeen.store(FileManager.default.fileExists(atPath: path), ordering: .relaxed)
            try? await Task.sleep(for: interval)
        }
    }
}
