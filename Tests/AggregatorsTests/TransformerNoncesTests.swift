import Kernel
import Testing
@testable import Aggregators

/// The FillQuoteTransformer's deployment nonces, derived at start or when met: the same answers
/// as deriving each transformer's CREATE address.
@Suite struct TransformerNoncesTests {
    @Test func noncesBelowAndPastThePrecomputedOnes() {
        let deployer = Address(precompile: 0x0DE)
        let named: [UInt64] = [0, 5, TransformerNonces.precomputed - 1, TransformerNonces.precomputed + 7]
        let transformers = RouterAddresses(named.map { TransformerNonces.createAddress(deployer, nonce: $0) })
        let nonces = TransformerNonces(deployer: deployer, transformers: transformers)
        for nonce in Array(0..<UInt64(40)) + Array((TransformerNonces.precomputed - 3)...(TransformerNonces.precomputed + 10)) {
            #expect(nonces.isFillQuote(nonce) == named.contains(nonce), "nonce \(nonce)")
        }
        #expect(!TransformerNonces(deployer: nil, transformers: transformers).isFillQuote(5))
    }

    /// keccak256(rlp([deployer, nonce])) for the first contracts of a known deployer: the
    /// CREATE addresses of 0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0 (the standard example).
    @Test func createAddressesMatchKnownOnes() throws {
        let deployer = try Address(hex: "0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0")
        #expect(TransformerNonces.createAddress(deployer, nonce: 0) == (try Address(hex: "0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d")))
        #expect(TransformerNonces.createAddress(deployer, nonce: 1) == (try Address(hex: "0x343c43a37d37dff08ae8c4a11544c718abb4fcf8")))
    }
}
