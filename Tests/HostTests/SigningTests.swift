@testable import Host
import Kernel
import Testing

/// The signer against eth-account: for the same key and payload the same signature byte for byte
/// (RFC 6979 makes both deterministic), the same envelope, hash and sender; and its output read
/// back by the Kernel's decoder and sender recovery, with low `s`, over many random keys.
@Suite struct SigningTests {
    /// n / 2 for secp256k1: the largest `s` the chain accepts (EIP-2).
    static func halfOrder() throws -> UInt256 {
        try #require(UInt256(decimal: "57896044618658097711785492504343953926418782139537452191302581570759080747168"))
    }
    /// The secp256k1 group order n.
    static let order = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"

    @Test func signaturesAreEthAccountsByteForByte() throws {
        let vectors = try Fixture.generated("signing.json").objects("transactions")
        #expect(vectors.count >= 300)
        for v in vectors {
            let label = try v.string("hash")
            let signer = TransactionSigner(key: try PrivateKey(hex: v.string("key")))
            #expect(signer.address == (try v.address("sender")), "\(label)")
            let signed = signer.sign(try EIP1559Transaction(vector: v))
            #expect(signed.raw == (try v.bytes("raw")), "\(label)")
            #expect(signed.hash.description == label)
            let decoded = try TransactionDecoder.decode(signed.raw)
            #expect(decoded.hash == signed.hash)
            #expect(try decoded.recoverSender() == signer.address, "\(label)")
        }
    }

    @Test func randomKeysAndPayloadsSignLowSAndRecoverTheirSender() throws {
        var random = SplitMix64(seed: 14)
        let halfOrder = try Self.halfOrder()
        for round in 0..<400 {
            let key = try Self.randomKey(&random)
            let signer = TransactionSigner(key: key)
            let transaction = EIP1559Transaction(
                chainId: 42161, nonce: round == 0 ? 0 : random.next(), maxPriorityFeePerGas: UInt256(random.next() >> (random.next() % 64)),
                maxFeePerGas: round == 1 ? UInt256.max : UInt256(random.next()), gasLimit: random.next() >> 20,
                to: Address(lowBytesOf: Keccak256.hash(Array(String(round).utf8))), value: round == 2 ? .zero : UInt256(random.next()),
                data: (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            )
            let signed = signer.sign(transaction)
            #expect(signer.sign(transaction) == signed, "RFC 6979: the same payload signs the same")
            let decoded = try TransactionDecoder.decode(signed.raw)
            let signature = try #require(decoded.signature)
            #expect(signature.s <= halfOrder)
            #expect(signature.v == UInt256(UInt64(signature.yParity)))
            #expect(try decoded.recoverSender() == signer.address)
            #expect(Array(decoded.data) == transaction.data)
            #expect(decoded.nonce == transaction.nonce)
        }
    }

    @Test func digestSignaturesHaveLowSAndBothParities() throws {
        let signer = TransactionSigner(key: try PrivateKey(hex: "0x" + String(repeating: "11", count: 32)))
        var parities = Set<UInt8>()
        let halfOrder = try Self.halfOrder()
        for i in 0..<200 {
            let signature = signer.sign(digest: Keccak256.hash(Array("digest \(i)".utf8)))
            #expect(signature.s <= halfOrder)
            #expect(!signature.r.isZero)
            parities.insert(signature.yParity)
        }
        #expect(parities == [0, 1])
    }

    @Test func keysAreCheckedAsLibsecp256k1Does() throws {
        #expect(throws: PrivateKey.Error.outOfRange) { try PrivateKey(hex: String(repeating: "0", count: 64)) }
        #expect(throws: PrivateKey.Error.outOfRange) { try PrivateKey(hex: Self.order) }
        #expect(throws: PrivateKey.Error.outOfRange) { try PrivateKey(hex: String(repeating: "f", count: 64)) }
        #expect(throws: PrivateKey.Error.wrongLength(31)) { try PrivateKey(hex: String(repeating: "ab", count: 31)) }
        #expect(throws: PrivateKey.Error.wrongLength(33)) { try PrivateKey(bytes: [UInt8](repeating: 1, count: 33)) }
        #expect(throws: PrivateKey.Error.wrongLength(0)) { try PrivateKey(hex: "  \n") }
        #expect(throws: PrivateKey.Error.notHex) { try PrivateKey(hex: String(repeating: "g", count: 64)) }
        #expect(throws: PrivateKey.Error.wrongLength(31)) { try PrivateKey(hex: "0x" + String(repeating: "1", count: 63)) }
        // n - 1, the largest key; with 0x, upper case and a trailing newline as a file gives it.
        let largest = try PrivateKey(hex: "0X" + Self.order.dropLast().uppercased() + "0\n")
        let same = try PrivateKey(bytes: Hex.decode(Self.order.dropLast() + "0"))
        #expect(largest.address == same.address)
        // The key 1: its account is the generator point's.
        let one = try PrivateKey(bytes: [UInt8](repeating: 0, count: 31) + [1])
        #expect(one.address.checksummed == "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")
        let generated = try PrivateKey.generate()
        #expect(generated.address != (try PrivateKey.generate()).address)
    }

    /// A valid key from `random` (64 random bits four times; out of range about never).
    static func randomKey(_ random: inout SplitMix64) throws -> PrivateKey {
        var bytes: [UInt8] = []
        for _ in 0..<4 { withUnsafeBytes(of: random.next()) { bytes += $0 } }
        return try PrivateKey(bytes: bytes)
    }
}
