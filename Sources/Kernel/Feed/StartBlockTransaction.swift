/// The ArbitrumInternalTx that opens every L2 block, before the message's transactions
/// (Nitro `InternalTxStartBlock`, `arbos/internal_tx.go`, and `createNewHeader`,
/// `arbos/block_processor.go` @ 6dce8d13902649a1acdfd3f2504129f1f5612358).
extension FeedMessage {
    /// `startBlock(uint256 l1BaseFee, uint64 l1BlockNumber, uint64 l2BlockNumber, uint64 timePassed)`.
    static let startBlockSelector: [UInt8] = [0x6b, 0xf6, 0xa4, 0x2d]

    /// The start-block transaction of the block this message builds: `l1BaseFee` is the
    /// header's `baseFeeL1` (zero when null), `l1BlockNumber` its `blockNumber`, and
    /// `timePassed` = max(timestamp, parentTimestamp) − parentTimestamp, since a block's time
    /// never goes below its parent's. `l2BlockNumber` is the block's number
    /// (sequence number + 22,207,817 on Arbitrum One; FEED_FORMAT.md §6).
    func startBlockTransaction(chainId: UInt64, l2BlockNumber: UInt64, parentTimestamp: UInt64) throws(FeedError) -> Transaction {
        let time = max(header.timestamp, parentTimestamp)
        var data = Self.startBlockSelector
        data.reserveCapacity(4 + 4 * 32)
        data.appendWord(header.baseFeeL1 ?? .zero)
        data.appendWord(UInt256(header.blockNumber))
        data.appendWord(UInt256(l2BlockNumber))
        data.appendWord(UInt256(time - parentTimestamp))
        return try ArbitrumTransactionBuilder.internalTx(chainId: UInt256(chainId), data: data)
    }
}
