import Kernel

/// Why a snapshot could not be read or written: what kind of problem, the pool entry at fault
/// where there is one (its index, and its address where readable), the field by its path from
/// the top of the document (`pools[3].reserve0`), and the message.
public struct SnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kinds of refusal.
    public enum Kind: String, Sendable, CaseIterable {
        /// The bytes are not one JSON document.
        case malformedJSON
        /// A field is missing or has the wrong type or range.
        case field
        /// A pool names a DEX the codec has no plugin for.
        case unknownDEX
        /// A pool's address is the address of an earlier pool.
        case duplicatePool
        /// The fields are well-formed but describe a state the pool refuses (a reserve above
        /// 2^112, a fee of 100 %), or, when writing, a pool its DEX's plugin does not write.
        case invalidPool
    }

    /// What is wrong.
    public var kind: Kind
    /// The index of the pool entry at fault in `pools`; nil for the document's own fields.
    public var poolIndex: Int?
    /// The address of that pool, where it could be read.
    public var poolAddress: Address?
    /// The field's path (`pools[3].reserve0`), the pool's own (`pools[3]`) where the pool refuses
    /// its state as a whole, or empty for the whole document.
    public var field: String
    /// What is wrong with it.
    public var message: String

    /// An error of `kind` about `field`.
    public init(_ kind: Kind, poolIndex: Int? = nil, poolAddress: Address? = nil, field: String, message: String) {
        self.kind = kind
        self.poolIndex = poolIndex
        self.poolAddress = poolAddress
        self.field = field
        self.message = message
    }

    /// `field (pool 0x…): message`, leaving out what is unknown.
    public var description: String {
        var place = field
        if let poolAddress { place += (place.isEmpty ? "" : " ") + "(pool \(poolAddress.checksummed))" }
        return place.isEmpty ? message : place + ": " + message
    }
}
