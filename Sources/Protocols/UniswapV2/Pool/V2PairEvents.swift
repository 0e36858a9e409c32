import Kernel

/// The pair event that carries state: `Sync(uint112 reserve0, uint112 reserve1)`, emitted after
/// every swap, mint, burn and `sync` with the reserves they leave.
public enum V2PairEvents {
    /// topic0 of `Sync(uint112,uint112)`.
    public static let sync = Keccak256.hash(Array("Sync(uint112,uint112)".utf8))

    /// The reserves of a `Sync` log; nil for a log of another event.
    public static func syncReserves(_ log: EventLog) throws(PoolError) -> (reserve0: UInt256, reserve1: UInt256)? {
        guard log.topics.first == sync else { return nil }
        let reader = ABIReader(log.data[...])
        return try PoolError.decoding { () throws(DecodingError) in
            (try reader.uint(0, bits: 112, field: "Sync.reserve0"), try reader.uint(1, bits: 112, field: "Sync.reserve1"))
        }
    }
}
