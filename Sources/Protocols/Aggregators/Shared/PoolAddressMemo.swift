import Kernel
import Synchronization

/// The pools a `PoolDeployer` has derived, by the preimage of their salt: deriving one costs two
/// keccak256 (the salt, then the CREATE2 address), most of an aggregator call's decoding, and
/// the same pools recur call after call. Holds at most `capacity` pools and starts over when
/// full, so a stream of new pools costs a derivation each and never grows it.
final class PoolAddressMemo: Sendable {
    /// A salt preimage of at most 96 bytes (three words): its length and its bytes, zero-padded.
    struct Preimage: Hashable {
        /// The preimage's length.
        let count: Int
        /// Its bytes, zero-padded to 96.
        let words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

        /// The preimage `bytes`; nil for more than 96 of them.
        init?(_ bytes: UnsafeRawBufferPointer) {
            guard bytes.count <= 96 else { return nil }
            var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
            self.words = words
            count = bytes.count
        }

        // Word by word: a byte-wise comparison of the 96 bytes cost most of a memo hit.
        static func == (a: Preimage, b: Preimage) -> Bool {
            let (x, y) = (a.words, b.words)
            return a.count == b.count && x.0 == y.0 && x.1 == y.1 && x.2 == y.2 && x.3 == y.3 && x.4 == y.4 && x.5 == y.5
                && x.6 == y.6 && x.7 == y.7 && x.8 == y.8 && x.9 == y.9 && x.10 == y.10 && x.11 == y.11
        }

        func hash(into hasher: inout Hasher) {
            let w = words
            hasher.combine(count)
            for word in [w.0, w.1, w.2, w.3, w.4, w.5, w.6, w.7, w.8, w.9, w.10, w.11] { hasher.combine(word) }
        }
    }

    /// The most pools held.
    static let capacity = 4_096

    private let pools = Mutex<[Preimage: Address]>([:])

    /// The pool of the salt preimage `bytes`, derived by `derive` the first time it is asked
    /// for (every time for a preimage over 96 bytes).
    func pool(of bytes: UnsafeRawBufferPointer, derive: () -> Address) -> Address {
        guard let preimage = Preimage(bytes) else { return derive() }
        if let known = pools.withLock({ $0[preimage] }) { return known }
        let address = derive()
        pools.withLock { pools in
            if pools.count >= Self.capacity { pools.removeAll(keepingCapacity: true) }
            pools[preimage] = address
        }
        return address
    }
}
