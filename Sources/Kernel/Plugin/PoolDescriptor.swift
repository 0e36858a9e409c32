/// A pool as discovery names it before its state is read: its address and its tokens in the
/// pool's own order (token0, token1; Curve coin indexes).
public struct PoolDescriptor: Sendable, Hashable {
    /// The pool contract.
    public var address: Address
    /// Its tokens in the pool's order.
    public var tokens: [Address]

    /// Creates a descriptor.
    public init(address: Address, tokens: [Address]) {
        self.address = address
        self.tokens = tokens
    }
}

/// An `eth_getLogs` filter a plugin asks the state sync to follow: logs of `addresses` whose
/// topic0 is one of `topics`, and what such a log means.
public struct LogFilter: Sendable, Equatable {
    /// What the sync does with a log the filter matches.
    public enum Purpose: Sendable, Equatable {
        /// The emitting pool applies the log to its own state (`PricingPool.apply`).
        case poolState
        /// A setting that the entry's pools read from elsewhere changed (a factory's fee share):
        /// reload those pools through their state loaders.
        case reloadPools
    }

    /// The emitting contracts.
    public var addresses: [Address]
    /// topic0 values, any of which matches.
    public var topics: [Hash32]
    /// What a matching log means.
    public var purpose: Purpose

    /// Creates a filter.
    public init(addresses: [Address], topics: [Hash32], purpose: Purpose) {
        self.addresses = addresses
        self.topics = topics
        self.purpose = purpose
    }
}

/// A pool entry (snapshot or quote line) that cannot be read, or that describes a state no pool
/// can hold.
public enum PoolEntryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A field is missing or has the wrong type or range.
    case field(JSONFieldError)
    /// The fields are well-formed but the pool refuses them (a reserve above 2^112, a fee of 100 %),
    /// or the quoted swap reverts.
    case pool(PoolError)

    /// `field: message`, or the pool's error.
    public var description: String {
        switch self {
        case .field(let error): error.description
        case .pool(let error): error.description
        }
    }
}

extension PoolEntryError {
    /// Runs `body`, whose field errors and pool errors both become `PoolEntryError`s.
    public static func reading<Value>(_ body: () throws(JSONFieldError) -> Value) throws(PoolEntryError) -> Value {
        do { return try body() } catch { throw .field(error) }
    }

    /// Runs `body`, whose pool errors become `PoolEntryError.pool`.
    public static func pricing<Value>(_ body: () throws(PoolError) -> Value) throws(PoolEntryError) -> Value {
        do { return try body() } catch { throw .pool(error) }
    }
}
