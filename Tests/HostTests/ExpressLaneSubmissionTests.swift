@testable import Host
@testable import Kernel
import Testing

/// The express-lane submission as nitro's client builds it: the message layout of
/// `ExpressLaneSubmission.ToMessageBytes`, its EIP-191 signature with v = 27/28 equal to
/// eth-account's `sign_message` byte for byte, the controller recovered as the sequencer's
/// `Sender()` does, and the JSON `JsonExpressLaneSubmission` marshals to.
@Suite struct ExpressLaneSubmissionTests {
    @Test func messageAndSignatureAreEthAccountsOverNitrosLayout() throws {
        let vectors = try Fixture.generated("signing.json").objects("expressLane")
        #expect(vectors.count >= 40)
        for v in vectors {
            let signer = TransactionSigner(key: try PrivateKey(hex: v.string("key")))
            let raw = try v.bytes("transaction")
            guard let chainId = UInt64(try v.string("chainId")), let round = UInt64(try v.string("round")),
                  let sequence = UInt64(try v.string("sequenceNumber")) else { throw FixtureError("a field beyond 64 bits") }
            let submission = ExpressLaneSubmission(
                transaction: SignedTransaction(raw: raw, hash: Keccak256.hash(raw)), chainId: chainId, round: round,
                auctionContract: try v.address("auctionContract"), sequenceNumber: sequence, signer: signer)
            #expect(submission.messageBytes == (try v.bytes("message")))
            #expect(submission.signature == (try v.bytes("signature")))
            // The sequencer's check: v - 27 is the recovery id, the recovered key the controller's.
            let digest = ExpressLaneSubmission.personalMessageHash(submission.messageBytes)
            let recovered = try #require(Secp256k1.recover(compact: Array(submission.signature[0..<64]), recoveryId: Int32(submission.signature[64]) - 27, digest: digest))
            #expect(Address(lowBytesOf: Keccak256.hash(recovered[1...])) == (try v.address("controller")))
        }
    }

    @Test func theParametersAreWhatGoMarshals() throws {
        let signer = TransactionSigner(key: try PrivateKey(hex: String(repeating: "42", count: 32)))
        let auction = try Address(hex: "0x5fcb496a31b7AE91e7c9078Ec662bd7A55cd3079")
        let transaction = signer.sign(EIP1559Transaction(
            chainId: 42161, nonce: 7, maxPriorityFeePerGas: .zero, maxFeePerGas: UInt256(10_000_000), gasLimit: 300_000,
            to: auction, value: .zero, data: [0xab]))
        let submission = ExpressLaneSubmission(
            transaction: transaction, chainId: 42161, round: 0x1234, auctionContract: auction, sequenceNumber: 0, signer: signer)
        #expect(ExpressLaneSubmission.method == "timeboost_sendExpressLaneTransaction")
        #expect(submission.signature.count == 65)
        #expect([27, 28].contains(submission.signature[64]))
        #expect(submission.messageBytes.count == 100 + transaction.raw.count)
        #expect(Array(submission.messageBytes[0..<32]) == (try Hex.decode("0x" + Keccak256.hash(Array("TIMEBOOST_BID".utf8)).description.dropFirst(2))))
        #expect(Array(submission.messageBytes[84..<100]) == [0, 0, 0, 0, 0, 0, 0x12, 0x34, 0, 0, 0, 0, 0, 0, 0, 0])
        let expected = #"[{"chainId":"0xa4b1","round":"0x1234","auctionContractAddress":"0x5fcb496a31b7ae91e7c9078ec662bd7a55cd3079","transaction":""#
            + Hex.encode(transaction.raw) + #"","options":null,"sequenceNumber":"0x0","signature":""# + Hex.encode(submission.signature) + #""}]"#
        #expect(JSONValue.array(submission.parameters).rendered == expected)
        let dontCare = ExpressLaneSubmission(
            transaction: transaction, chainId: 42161, round: 0, auctionContract: auction,
            sequenceNumber: ExpressLaneSubmission.dontCareSequence, signer: signer)
        #expect(JSONValue.array(dontCare.parameters).rendered.contains(#""round":"0x0","#))
        #expect(JSONValue.array(dontCare.parameters).rendered.contains(#""sequenceNumber":"0xffffffffffffffff""#))
    }
}
