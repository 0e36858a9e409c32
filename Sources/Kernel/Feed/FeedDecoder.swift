/// Decodes Arbitrum sequencer feed frames: the JSON `BroadcastMessage` scanned straight from
/// the frame's bytes, its base64 fields, and each message's transactions as Nitro parses them.
///
/// ```swift
/// let frame = try FeedDecoder().decode(bytes)          // Arbitrum One
/// for entry in frame.entries { for tx in entry.transactions { ... } }
/// for error in frame.allErrors { count(error.kind) }
/// ```
///
/// A frame's syntax errors throw; a message that cannot be read is reported in `errors` and
/// the frame's other messages are kept; a message whose payload Nitro would refuse keeps its
/// entry (the block still exists) with no transactions and the reason in `error`.
public struct FeedDecoder: Sendable {
    /// Arbitrum One's chain id.
    public static let arbitrumOneChainId: UInt64 = 42161

    /// The chain id written into Arbitrum transactions and the feed signature's preimage.
    public var chainId: UInt64
    /// The ArbOS version of the block before each message; it only selects the batch posting
    /// report's internal transaction (V2 from ArbOS 50 on). The default, 50, assumes ArbOS 50
    /// "Dia" is active (proposed for Arbitrum One in late 2025; not verified against the chain here).
    var arbOSVersion: UInt64
    /// Frames longer than this are refused whole (`frameTooLarge`) before any scanning.
    public var maxFrameSize: Int
    /// When false, `decode` reads messages but leaves every entry's `transactions` empty.
    public var decodesTransactions: Bool

    /// A decoder for `chainId` (Arbitrum One by default).
    public init(
        chainId: UInt64 = FeedDecoder.arbitrumOneChainId, arbOSVersion: UInt64 = 50, maxFrameSize: Int = 16 << 20,
        decodesTransactions: Bool = true
    ) {
        self.chainId = chainId
        self.arbOSVersion = arbOSVersion
        self.maxFrameSize = maxFrameSize
        self.decodesTransactions = decodesTransactions
    }

    /// Decodes one frame. Offsets in errors count from the start of `frame`; the result holds
    /// no reference to it.
    public func decode(_ frame: UnsafeRawBufferPointer) throws(FeedError) -> FeedFrame {
        guard frame.count <= maxFrameSize else { throw FeedError(.frameTooLarge, at: maxFrameSize) }
        var reader = FeedFrameReader(frame, decoder: self)
        return try reader.readFrame()
    }

    /// Decodes one frame held in a slice; offsets count from `frame.startIndex`.
    public func decode(_ frame: ArraySlice<UInt8>) throws(FeedError) -> FeedFrame {
        var failure: FeedError?
        let decoded = frame.withUnsafeBytes { buf -> FeedFrame? in
            do throws(FeedError) {
                return try decode(buf)
            } catch {
                failure = error
                return nil
            }
        }
        guard let decoded else { throw failure ?? FeedError(.invalidJSON, at: 0) }
        return decoded
    }

    /// Decodes one frame held in an array.
    public func decode(_ frame: [UInt8]) throws(FeedError) -> FeedFrame {
        try decode(frame[...])
    }

    /// The transactions Nitro's `ParseL2Transactions` makes of `message`, in order, or the error
    /// it stops at (with the message's sequence number). Kinds 6, 8, 10, 11 and 0xFF give no
    /// transactions and no error; an undefined kind is `unknownL1Kind`.
    public func transactions(of message: FeedMessage) throws(FeedError) -> [Transaction] {
        do throws(FeedError) {
            return try parse(message)
        } catch {
            throw error.with(sequenceNumber: message.sequenceNumber)
        }
    }

    private func parse(_ message: FeedMessage) throws(FeedError) -> [Transaction] {
        let l2Msg = message.l2Msg
        let header = message.header
        guard l2Msg.count <= L2MessageLimits.maxL2MessageSize else {
            throw FeedError(.messageTooLarge, at: 0, in: .l2Msg, field: "l2Msg")
        }
        var parser = L2MessageParser(
            chainId: UInt256(chainId), poster: header.sender, timestamp: header.timestamp, base: l2Msg.startIndex)
        switch header.l1Kind {
        case .l2Message:
            try parser.parse(l2Msg, requestId: header.requestId, depth: 0)
            return parser.transactions
        case .endOfBlock, .rollupEvent, .batchForGasEstimation, .initialize, .invalid:
            return []
        case .l2FundedByL1:
            return try parser.fundedByL1(l2Msg, requestId: header.requestId)
        case .submitRetryable:
            return [try parser.submitRetryable(l2Msg, header: header)]
        case .ethDeposit:
            return [try parser.ethDeposit(l2Msg, requestId: header.requestId)]
        case .batchPostingReport:
            return [try parser.batchPostingReport(message, arbOSVersion: arbOSVersion)]
        case nil:
            throw FeedError(.unknownL1Kind, at: 0, in: .l2Msg, field: "header.kind")
        }
    }
}
