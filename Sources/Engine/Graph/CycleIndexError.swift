import Kernel

/// Why a `CycleIndex` refused to insert or remove a pool.
public enum CycleIndexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pool is in the index already.
    case duplicatePool(Address)
    /// The pool is not in the index.
    case unknownPool(Address)
    /// The pool has fewer than two coins, or more than `CycleIndex.maxCoinsPerPool`.
    case coinCount(pool: Address, count: Int)
    /// The pool lists the same token twice.
    case repeatedToken(pool: Address, token: Address)

    /// A one-line message naming the pool.
    public var description: String {
        switch self {
        case .duplicatePool(let pool): "pool \(pool) is already indexed"
        case .unknownPool(let pool): "pool \(pool) is not indexed"
        case .coinCount(let pool, let count): "pool \(pool) has \(count) coins; 2 to \(CycleIndex.maxCoinsPerPool) are indexed"
        case .repeatedToken(let pool, let token): "pool \(pool) lists token \(token) twice"
        }
    }
}
