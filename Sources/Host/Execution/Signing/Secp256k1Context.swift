import CSecp256k1

/// The process's libsecp256k1 context for signing, made once and randomized (side-channel
/// blinding) before first use; libsecp256k1 allows concurrent use of a context it no longer
/// modifies.
enum Secp256k1Context {
    /// The context. Creating one fails only when memory cannot be allocated, like any allocation.
    nonisolated(unsafe) static let shared: OpaquePointer = {
        guard let context = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
            preconditionFailure("libsecp256k1 could not allocate a context")
        }
        var generator = SystemRandomNumberGenerator()
        var seed = (generator.next() as UInt64, generator.next() as UInt64, generator.next() as UInt64, generator.next() as UInt64)
        let randomized = withUnsafeBytes(of: &seed) { secp256k1_context_randomize(context, $0.bindMemory(to: UInt8.self).baseAddress) }
        precondition(randomized == 1, "libsecp256k1 refused to randomize a new context")
        return context
    }()
}
