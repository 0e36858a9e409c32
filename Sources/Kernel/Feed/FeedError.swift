/// Why a feed frame, or one message in it, was refused: what was wrong, for which sequence
/// number, and where.
///
/// Offsets count bytes: in the frame as the caller passed it (`place == .frame`, for JSON and
/// base64 problems) or in the message's decoded `l2Msg` (`place == .l2Msg`, for the L2 payload
/// and the transactions in it). The Host prints `kind`, `sequenceNumber`, `offset` and
/// `description` and counts errors per `kind`.
public struct FeedError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kinds of malformed feed input.
    public enum Kind: String, Sendable, CaseIterable {
        // JSON and the frame itself.
        /// Bytes that are not JSON: a stray character, an unterminated string, trailing data.
        case invalidJSON
        /// JSON nested deeper than the scanner's limit.
        case jsonTooDeep
        /// The frame is longer than the decoder's `maxFrameSize`.
        case frameTooLarge
        /// A value of the wrong JSON type (a string where a number belongs, a `null` sequence number).
        case typeMismatch
        /// A key that Nitro always writes is absent.
        case missingField
        /// A number that is not an unsigned integer (a sign, a fraction, an exponent).
        case invalidNumber
        /// An integer beyond its field's range (a uint64 of 2^64, a kind of 256, a base fee of 2^256).
        case numberTooLarge
        /// A base64 string that is not canonical, padded standard base64.
        case invalidBase64
        /// A hex string (address, hash) of the wrong length or with a non-hex digit.
        case invalidHex

        // The L1 message and its L2 payload (Nitro `arbos/parse_l2.go`).
        /// `l2Msg` longer than `MaxL2MessageSize` (256 KiB); Nitro ignores such a message.
        case messageTooLarge
        /// An L1 message kind that Nitro does not define.
        case unknownL1Kind
        /// `l2Msg` (or a batch segment) holds no kind byte.
        case emptyL2Message
        /// An L2 message kind that Nitro does not define (5, 8 and above 7).
        case unknownL2Kind
        /// An L2 message kind Nitro defines but refuses: NonmutatingCall (2), SignedCompressedTx (7).
        case unsupportedL2Kind
        /// A heartbeat (L2 kind 6) after heartbeats were disabled (2022-08-08 16:00 UTC).
        case heartbeatDisabled
        /// Batches nested 16 deep.
        case batchTooDeep
        /// The payload ends inside a fixed-size field.
        case truncated
        /// A 32-byte field whose value exceeds what Nitro accepts (a gas limit of 2^64).
        case valueOutOfRange
        /// A kind that needs the header's `requestId` (contract tx, deposit, retryable) has none.
        case missingRequestId
        /// An L2-funded-by-L1 message whose inner kind is neither 0 (unsigned) nor 1 (contract).
        case invalidFundedTxKind
        /// A batch posting report without the gas data (`batchGasCost` / `batchDataTokens`) it needs.
        case missingBatchGasData
        /// A signed transaction of a type Nitro refuses in a feed message: blob (0x03) or an Arbitrum type.
        case unsupportedTransactionType
        /// A signed transaction the transaction decoder refused; `underlying` says why.
        case invalidTransaction
    }

    /// What a byte offset counts in.
    public enum Place: String, Sendable {
        /// The frame's bytes, as passed to the decoder.
        case frame
        /// The message's decoded `l2Msg` bytes.
        case l2Msg
    }

    /// What was wrong.
    public var kind: Kind
    /// The sequence number of the message, when the frame gave one before or inside it.
    public var sequenceNumber: UInt64?
    /// Byte offset of the offending item, counted in `place`.
    public var offset: Int
    /// What `offset` counts in.
    public var place: Place
    /// The field being read, such as `"message.message.header.kind"` or `"gasLimit"`; empty where none applies.
    public var field: String
    /// The lower-level decoder's own error: for `invalidTransaction` the transaction decoder's
    /// (its offset counts from the transaction's first byte; `offset` above is already that
    /// position in `l2Msg`), for `invalidBase64` the base64 decoder's (counted in the string).
    public var underlying: DecodingError?

    /// Creates an error.
    public init(
        _ kind: Kind, at offset: Int, in place: Place = .frame, field: String = "",
        sequenceNumber: UInt64? = nil, underlying: DecodingError? = nil
    ) {
        self.kind = kind
        self.offset = offset
        self.place = place
        self.field = field
        self.sequenceNumber = sequenceNumber
        self.underlying = underlying
    }

    /// The feed's form of a JSON scanner error: the same offset (in the frame), syntax as
    /// `invalidJSON`, nesting as `jsonTooDeep`, value errors under their own names.
    init(_ json: JSONError, field: String = "", sequenceNumber: UInt64? = nil) {
        let kind: Kind =
            switch json.kind {
            case .syntax, .invalidUTF8: .invalidJSON
            case .tooDeep: .jsonTooDeep
            case .typeMismatch: .typeMismatch
            case .invalidNumber: .invalidNumber
            case .numberTooLarge: .numberTooLarge
            case .invalidHex: .invalidHex
            }
        self.init(kind, at: json.offset, field: field, sequenceNumber: sequenceNumber)
    }

    /// One line: kind, field, place and offset, and the decoder's reason where there is one.
    public var description: String {
        var text = kind.rawValue
        if !field.isEmpty { text += " in \(field)" }
        text += place == .frame ? " at frame byte \(offset)" : " at l2Msg byte \(offset)"
        if let underlying { text += " (\(underlying))" }
        return text
    }

    /// The same error, tagged with a sequence number if it has none yet.
    func with(sequenceNumber seq: UInt64?) -> FeedError {
        var copy = self
        if copy.sequenceNumber == nil { copy.sequenceNumber = seq }
        return copy
    }
}
