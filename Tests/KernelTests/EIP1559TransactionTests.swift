import Kernel
import Testing

/// The unsigned EIP-1559 transaction's signing hash and signed envelope against eth-account's,
/// for random payloads and the edges (nonce 0, zero value and fees, empty data, fee caps of
/// 2^256 - 1), read back by the Kernel's own decoder.
@Suite struct EIP1559TransactionTests {
    static func vectors() throws -> [[String: Any]] { try Fixture.generated("signing.json").objects("transactions") }

    @Test func theSigningHashAndEnvelopeAreEthAccounts() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count >= 300)
        for v in vectors {
            let transaction = try EIP1559Transaction(vector: v)
            let label = try v.string("hash")
            #expect(transaction.signingHash.description == (try v.string("signingHash")), "\(label)")
            guard let parity = UInt8(try v.string("yParity")) else { throw FixtureError("yParity of \(label)") }
            let signature = Signature(r: try v.decimal("r"), s: try v.decimal("s"), yParity: parity)
            let raw = transaction.signedEncoding(signature)
            #expect(raw == (try v.bytes("raw")), "\(label)")
            #expect(Keccak256.hash(raw).description == label)
        }
    }

    @Test func theEnvelopeDecodesToItsFieldsAndSender() throws {
        for v in try Self.vectors() {
            let transaction = try EIP1559Transaction(vector: v)
            guard let parity = UInt8(try v.string("yParity")) else { throw FixtureError("yParity") }
            let signature = Signature(r: try v.decimal("r"), s: try v.decimal("s"), yParity: parity)
            let decoded = try TransactionDecoder.decode(transaction.signedEncoding(signature))
            #expect(decoded.type == .dynamicFee)
            #expect(decoded.chainId == UInt256(transaction.chainId))
            #expect(decoded.nonce == transaction.nonce)
            #expect(decoded.fees == .dynamic(maxFeePerGas: transaction.maxFeePerGas, maxPriorityFeePerGas: transaction.maxPriorityFeePerGas))
            #expect(decoded.gas == transaction.gasLimit)
            #expect(decoded.to == transaction.to)
            #expect(decoded.value == transaction.value)
            #expect(Array(decoded.data) == transaction.data)
            #expect(decoded.signature == signature)
            #expect(try decoded.recoverSender() == (try v.address("sender")))
        }
    }
}
