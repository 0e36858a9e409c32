import Kernel

extension CamelotV2Pool {
    /// topic0 of `Sync(uint112 reserve0, uint112 reserve1)`.
    public static let syncTopic = Keccak256.hash(Array("Sync(uint112,uint112)".utf8))
    /// topic0 of `FeePercentUpdated(uint16 token0FeePercent, uint16 token1FeePercent)`.
    public static let feePercentUpdatedTopic = Keccak256.hash(Array("FeePercentUpdated(uint16,uint16)".utf8))
    /// topic0 of `SetStableSwap(bool prevStableSwap, bool stableSwap)`.
    public static let setStableSwapTopic = Keccak256.hash(Array("SetStableSwap(bool,bool)".utf8))

    /// The pair's events that change its state: `Sync` (reserves), `FeePercentUpdated` (fees),
    /// `SetStableSwap` (the curve). The factory's `feeTo`/`ownerFeeShare` changes, which move a
    /// stable pair's `protocolFeeShare`, are the factory's events, not the pair's.
    public static var stateEventTopics: [Hash32] { [syncTopic, feePercentUpdatedTopic, setStableSwapTopic] }

    /// Applies one of the pair's logs (all their arguments are in `data`): the three above are
    /// `applied`, other topics `ignored`; none needs a reload (the owner's fee share follows the
    /// factory, `setProtocolFee`). A malformed log throws `PoolError.malformed` and changes nothing.
    public mutating func apply(_ log: EventLog) throws(PoolError) -> EventEffect {
        let reader = ABIReader(log.data[...])
        switch log.topics.first {
        case Self.syncTopic:
            (reserve0, reserve1) = try PoolError.decoding { () throws(DecodingError) in
                (try reader.uint(0, bits: 112, field: "Sync.reserve0"), try reader.uint(1, bits: 112, field: "Sync.reserve1"))
            }
        case Self.feePercentUpdatedTopic:
            let (fee0, fee1) = try PoolError.decoding { () throws(DecodingError) in
                (try reader.uint(0, bits: 16, field: "FeePercentUpdated.token0FeePercent"),
                 try reader.uint(1, bits: 16, field: "FeePercentUpdated.token1FeePercent"))
            }
            (token0FeePercent, token1FeePercent) = (UInt16(truncatingIfNeeded: fee0.low64), UInt16(truncatingIfNeeded: fee1.low64))
        case Self.setStableSwapTopic:
            stableSwap = try PoolError.decoding { () throws(DecodingError) in
                _ = try reader.bool(0, field: "SetStableSwap.prevStableSwap")
                return try reader.bool(1, field: "SetStableSwap.stableSwap")
            }
        default:
            return .ignored
        }
        return .applied
    }

    /// Sets `protocolFeeShare` from the factory's `feeInfo()` (its `ownerFeeShare` and `feeTo`),
    /// for a host that follows the factory's `OwnerFeeShareUpdated` / `FeeToTransferred` events.
    public mutating func setProtocolFee(ownerFeeShare: UInt32, feeToIsSet: Bool) throws(PoolError) {
        guard ownerFeeShare <= Self.maxProtocolFeeShare else {
            throw .invalidState("Camelot V2 protocol fee share above 100000")
        }
        protocolFeeShare = feeToIsSet ? ownerFeeShare : 0
    }
}
