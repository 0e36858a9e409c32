import Kernel

/// Why the engine refuses a pool it is given.
public enum EngineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pool's `dex` is not an entry the engine was given a plugin for.
    case unknownDex(pool: Address, dex: String)
    /// The cycle index refuses the pool (a repeated address or token, too many coins).
    case index(CycleIndexError)

    /// One line naming the pool.
    public var description: String {
        switch self {
        case .unknownDex(let pool, let dex): "pool \(pool.checksummed): dex \"\(dex)\" is not an enabled dex.yaml entry"
        case .index(let error): "\(error)"
        }
    }
}
