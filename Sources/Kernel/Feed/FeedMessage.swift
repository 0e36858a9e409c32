/// The header of an L1 incoming message (Nitro `L1IncomingMessageHeader`,
/// `arbos/arbostypes/incomingmessage.go` @ 6dce8d13902649a1acdfd3f2504129f1f5612358).
public struct L1MessageHeader: Sendable, Equatable {
    /// The L1 message kind as sent; see `l1Kind` for the named kinds.
    public var kind: UInt8
    /// The poster (JSON `sender`): the sequencer's `0xa4b0…73657175656e636572` for kind 3.
    public var sender: Address
    /// The L1 block number.
    public var blockNumber: UInt64
    /// Seconds since the Unix epoch (the L2 block's timestamp).
    public var timestamp: UInt64
    /// The delayed-inbox request id; nil for sequencer messages.
    public var requestId: Hash32?
    /// The L1 base fee (JSON `baseFeeL1`), or nil when the feed sent `null`.
    public var baseFeeL1: UInt256?

    /// Creates a header.
    public init(kind: UInt8, sender: Address, blockNumber: UInt64, timestamp: UInt64, requestId: Hash32?, baseFeeL1: UInt256?) {
        self.kind = kind
        self.sender = sender
        self.blockNumber = blockNumber
        self.timestamp = timestamp
        self.requestId = requestId
        self.baseFeeL1 = baseFeeL1
    }

    /// The named kind, or nil for a number Nitro does not define.
    var l1Kind: L1MessageKind? { L1MessageKind(rawValue: kind) }
}

/// Byte counts of a posted batch (JSON `batchDataTokens`; Nitro `BatchDataStats`), carried by
/// batch posting reports.
struct BatchDataStats: Sendable, Equatable {
    /// The batch's length in bytes.
    var length: UInt64
    /// How many of those bytes are non-zero.
    var nonZeros: UInt64

    /// Creates the stats.
    init(length: UInt64, nonZeros: UInt64) {
        self.length = length
        self.nonZeros = nonZeros
    }
}

/// One message of the feed (Nitro `BroadcastFeedMessage`, `broadcaster/message/message.go`):
/// the L1 incoming message with its metadata, as read from the frame. The byte fields are
/// slices of one buffer per message holding the base64-decoded bytes.
public struct FeedMessage: Sendable {
    /// The message index; the L2 block number is this plus the chain's genesis block
    /// (22,207,817 for Arbitrum One, see FEED_FORMAT.md §6).
    public var sequenceNumber: UInt64
    /// The L1 message header.
    public var header: L1MessageHeader
    /// The decoded L2 payload. Left empty when the text encodes more than
    /// `L2MessageLimits.maxL2MessageSize` bytes (the entry then carries `messageTooLarge`).
    public var l2Msg: ArraySlice<UInt8>
    /// How many delayed-inbox messages had been read after this one.
    public var delayedMessagesRead: UInt64
    /// The resulting L2 block's hash (newer servers only).
    public var blockHash: Hash32?
    /// The feed signature bytes (`signatureV2`), nil when absent or `null`. Verified ones are
    /// 65 bytes, r ‖ s ‖ v.
    public var signature: ArraySlice<UInt8>?
    /// Timeboost metadata (`blockMetadata`): a version byte, then one bit per block transaction.
    var blockMetadata: ArraySlice<UInt8>?
    /// The legacy batch gas cost of a batch posting report (`batchGasCost`).
    var batchGasCost: UInt64?
    /// The batch byte counts of a batch posting report (`batchDataTokens`).
    var batchDataStats: BatchDataStats?

    /// Creates a message.
    init(
        sequenceNumber: UInt64, header: L1MessageHeader, l2Msg: ArraySlice<UInt8>, delayedMessagesRead: UInt64,
        blockHash: Hash32? = nil, signature: ArraySlice<UInt8>? = nil, blockMetadata: ArraySlice<UInt8>? = nil,
        batchGasCost: UInt64? = nil, batchDataStats: BatchDataStats? = nil
    ) {
        self.sequenceNumber = sequenceNumber
        self.header = header
        self.l2Msg = l2Msg
        self.delayedMessagesRead = delayedMessagesRead
        self.blockHash = blockHash
        self.signature = signature
        self.blockMetadata = blockMetadata
        self.batchGasCost = batchGasCost
        self.batchDataStats = batchDataStats
    }

    /// Whether the transaction at `index` in the resulting block (0 is the start-block internal
    /// transaction) was sequenced through the Timeboost express lane; nil without metadata.
    /// Nitro's `BlockMetadata.IsTxTimeboosted`: bit `index % 8` of byte `1 + index / 8`.
    /// Block indices can differ from the message's order when the sequencer dropped a transaction.
    func isTimeboosted(blockTransactionIndex index: Int) -> Bool? {
        guard let meta = blockMetadata, !meta.isEmpty, index >= 0 else { return nil }
        guard index < (meta.count - 1) * 8 else { return false }
        return meta[meta.startIndex + 1 + index / 8] & (1 << (index % 8)) != 0
    }
}

/// A feed message with the transactions Nitro's parser makes of it.
public struct FeedEntry: Sendable {
    /// The message as read from the frame.
    public var message: FeedMessage
    /// The message's transactions in order (without the block's start-block internal
    /// transaction). Empty when `error` is set: Nitro then builds the block without them.
    public var transactions: [Transaction]
    /// Why the message yields no transactions, where Nitro's `ParseL2Transactions` errors.
    public var error: FeedError?

    /// Creates an entry.
    public init(message: FeedMessage, transactions: [Transaction], error: FeedError? = nil) {
        self.message = message
        self.transactions = transactions
        self.error = error
    }

    /// The message's sequence number.
    public var sequenceNumber: UInt64 { message.sequenceNumber }
    /// The message's L1 header.
    public var header: L1MessageHeader { message.header }
}

/// One decoded feed frame (Nitro `BroadcastMessage`): its messages in order, the errors of the
/// messages that could not be read, and the confirmed sequence number.
public struct FeedFrame: Sendable {
    /// The frame's `version`; 0 when absent. Only version 1 is understood: for any other,
    /// `entries` is empty and nothing else in the frame is read beyond its syntax.
    public var version: Int
    /// The readable messages in frame order.
    public var entries: [FeedEntry]
    /// Messages that could not be read (bad field types, base64, hex; missing fields), each with
    /// its sequence number when the message gave one, and a malformed
    /// `confirmedSequenceNumberMessage`. Errors of readable messages are on their entries.
    public var errors: [FeedError]
    /// `confirmedSequenceNumberMessage.sequenceNumber`, when present.
    var confirmedSequenceNumber: UInt64?

    /// Creates a frame.
    public init(version: Int, entries: [FeedEntry] = [], errors: [FeedError] = [], confirmedSequenceNumber: UInt64? = nil) {
        self.version = version
        self.entries = entries
        self.errors = errors
        self.confirmedSequenceNumber = confirmedSequenceNumber
    }

    /// True for version 1, the only version Nitro's client processes.
    var isSupportedVersion: Bool { version == 1 }

    /// Every error in the frame: unreadable messages first, then the entries' own errors.
    var allErrors: [FeedError] { errors + entries.compactMap(\.error) }
}
