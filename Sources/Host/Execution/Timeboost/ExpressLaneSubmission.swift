import Kernel

/// A transaction for Arbitrum Timeboost's express lane, signed by the round's express-lane
/// controller, as nitro's express-lane client builds it; sent with `method` and `parameters`.
///
/// Read in OffchainLabs/nitro at commit 6dce8d13902649a1acdfd3f2504129f1f5612358:
/// `timeboost/types.go` (`JsonExpressLaneSubmission`, `ExpressLaneSubmission.ToMessageBytes`,
/// `ExpressLaneSubmission.Sender`, `padBigInt`), `timeboost/auctioneer.go` (`domainValue`),
/// `timeboost/express_lane_service.go` (`DontCareSequence`, `SequenceExpressLaneSubmission`),
/// and the clients `system_tests/timeboost_test.go` (`expressLaneClient.QueueTransactionWithSequence`,
/// `signSubmission`) and `cmd/el-proxy/main.go` (`ExpressLaneProxy.SendRawTransaction`,
/// `buildSignature`).
///
/// The message signed (`ToMessageBytes`), 100 bytes and then the transaction:
///
///     offset  length  field
///     0       32      keccak256("TIMEBOOST_BID")      (domainValue)
///     32      32      chainId, big-endian, left-padded with zeros (padBigInt)
///     64      20      auction contract address
///     84      8       round, big-endian uint64
///     92      8       sequence number, big-endian uint64
///     100     n       the signed transaction's EIP-2718 envelope (MarshalBinary; 0x02 || rlp(...))
///
/// The signature (`signSubmission`): 65 bytes `r (32) || s (32) || v (1)` of the secp256k1
/// signature of `keccak256("\x19Ethereum Signed Message:\n" + decimal(len(message)) + message)`
/// (EIP-191 personal message), with `v` = recovery id + 27 (the sequencer's `Sender()` subtracts 27
/// from a last byte of 27 or more and recovers the controller's address from the rest).
///
/// The JSON-RPC call is `timeboost_sendExpressLaneTransaction` with one parameter, the object
/// Go marshals from `JsonExpressLaneSubmission`, its members in this order:
/// `chainId` (hexutil.Big: `0x` and lower-case hex digits without leading zeros, `0x0` for zero),
/// `round` (hexutil.Uint64, the same form), `auctionContractAddress` (common.Address: `0x` and 40
/// lower-case hex digits), `transaction` (hexutil.Bytes: `0x` and lower-case hex), `options`
/// (`null`: no conditional options), `sequenceNumber` (hexutil.Uint64), `signature`
/// (hexutil.Bytes, the 65 bytes).
///
/// The sequencer accepts it when the chain id and auction contract are its own, the round is the
/// current one, the signer is that round's controller, and the sequence number is the round's next
/// (later ones are held until the gap fills; earlier or repeated ones are refused unless
/// identical); `dontCareSequence` skips the ordering.
public struct ExpressLaneSubmission: Sendable, Equatable {
    /// The chain id (42161 for Arbitrum One).
    public var chainId: UInt64
    /// The auction round the sender controls.
    public var round: UInt64
    /// The express-lane auction contract.
    public var auctionContract: Address
    /// The signed transaction's envelope.
    public var transaction: [UInt8]
    /// The submission's place in the round's sequence, from 0.
    public var sequenceNumber: UInt64
    /// `r || s || v`, 65 bytes, `v` 27 or 28.
    public var signature: [UInt8]

    /// The JSON-RPC method.
    public static let method = "timeboost_sendExpressLaneTransaction"
    /// The sequence number that bypasses the round's ordering (nitro's `DontCareSequence`).
    public static let dontCareSequence = UInt64.max
    /// keccak256("TIMEBOOST_BID"), the message's first 32 bytes (nitro's `domainValue`).
    public static let domain = Keccak256.hash(Array("TIMEBOOST_BID".utf8))

    /// `transaction` submitted as number `sequenceNumber` of `round`, signed by `signer` (the
    /// round's express-lane controller).
    public init(
        transaction: SignedTransaction, chainId: UInt64, round: UInt64, auctionContract: Address,
        sequenceNumber: UInt64, signer: TransactionSigner
    ) {
        self.chainId = chainId
        self.round = round
        self.auctionContract = auctionContract
        self.transaction = transaction.raw
        self.sequenceNumber = sequenceNumber
        let message = Self.messageBytes(
            chainId: chainId, round: round, auctionContract: auctionContract, sequenceNumber: sequenceNumber, transaction: transaction.raw)
        let signature = signer.sign(digest: Self.personalMessageHash(message))
        var bytes = signature.r.bigEndianBytes + signature.s.bigEndianBytes
        bytes.append(signature.yParity + 27)
        self.signature = bytes
    }

    /// The bytes signed, laid out as the type's documentation shows.
    public var messageBytes: [UInt8] {
        Self.messageBytes(chainId: chainId, round: round, auctionContract: auctionContract, sequenceNumber: sequenceNumber, transaction: transaction)
    }

    /// The bytes signed for these fields, laid out as the type's documentation shows.
    public static func messageBytes(
        chainId: UInt64, round: UInt64, auctionContract: Address, sequenceNumber: UInt64, transaction: [UInt8]
    ) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(100 + transaction.count)
        domain.withUnsafeBytes { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: UInt256(chainId).bigEndianBytes)
        auctionContract.withUnsafeBytes { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: round.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: sequenceNumber.bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: transaction)
        return bytes
    }

    /// The EIP-191 personal-message digest of `message`: keccak-256 of
    /// `"\x19Ethereum Signed Message:\n" + decimal(message.count) + message`.
    public static func personalMessageHash(_ message: [UInt8]) -> Hash32 {
        var hasher = Keccak256Hasher()
        Array("\u{19}Ethereum Signed Message:\n\(message.count)".utf8).withUnsafeBytes { hasher.update($0) }
        message.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize()
    }

    /// The call's parameters: the one submission object, as the type's documentation shows.
    public var parameters: [JSONValue] {
        [.object(JSONObject([
            .init("chainId", .hexQuantity(chainId)),
            .init("round", .hexQuantity(round)),
            .init("auctionContractAddress", .string(auctionContract.description)),
            .init("transaction", .hexData(transaction)),
            .init("options", .null),
            .init("sequenceNumber", .hexQuantity(sequenceNumber)),
            .init("signature", .hexData(signature)),
        ]))]
    }
}
