import Foundation
@testable import Kernel
import Testing

/// Bad bytes give a typed error with the byte offset, never a trap.
@Suite struct MalformedTransactionTests {
    /// A real EIP-1559 transaction of Arbitrum One (feed frame seq 25757171, hash 0xc6815a7c7d7d07afb24a1d771e8b49a1e5b033b543cce3e6cd29519b444924c7).
    static let real1559 = "0x02f8d282a4b148849502f90084a0eebb008316faa394996d8368205d834e2c6ca83a43db1208f4624b1b80b8640861e8dd000000000000000000000000bb1108aad51d556202f7fe85e0bc3f76d61611c80000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000000ac001a02479bb849d2014beb5950464f103b5be64c367e6ec8b95b387ecdaecd1b60ebfa00ec503ea028d9407467bbea96e8239fe05497476b0dc59e8c17c388f102ea340"

    static func realTransactions() throws -> [[UInt8]] {
        try RealTransactionTests.arbitrumOne().map(\.raw)
    }

    static func expectError(_ kind: DecodingError.Kind, _ bytes: [UInt8], at offset: Int? = nil, field: String? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try TransactionDecoder.decode(bytes)
            Issue.record("decoded \(Hex.encode(bytes.prefix(40)))… but expected \(kind)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
            if let offset { #expect(error.offset == offset, "\(error)", sourceLocation: sourceLocation) }
            if let field { #expect(error.field == field, "\(error)", sourceLocation: sourceLocation) }
        }
    }

    @Test func everyTruncationOfEveryRealTransactionIsRefused() throws {
        for raw in try Self.realTransactions().prefix(300) {
            for length in 0..<raw.count {
                #expect(throws: DecodingError.self) { try TransactionDecoder.decode(raw[0..<length]) }
            }
        }
    }

    @Test func trailingBytesAreRefusedAtTheEndOfTheTransaction() throws {
        for raw in try Self.realTransactions().prefix(200) {
            Self.expectError(.trailingBytes, raw + [0x00], at: raw.count)
        }
    }

    @Test func emptyAndUnknownTypesAreRefused() {
        Self.expectError(.empty, [], at: 0)
        for type: UInt8 in [0x00, 0x05, 0x50, 0x63, 0x67, 0x6b, 0x78, 0x7f] {
            Self.expectError(.unknownType, [type, 0xc0], at: 0, field: "type")
        }
        // A legacy envelope must be a list, not a string.
        Self.expectError(.unexpectedKind, [0x83, 1, 2, 3], at: 0)
    }

    /// Rewrites the list of fields of a typed or legacy transaction and re-encodes it.
    static func rewrite(_ raw: [UInt8], _ change: (inout [RLP.Item]) -> Void) throws -> [UInt8] {
        let typed = raw[0] < 0x80
        guard case .list(var fields) = try RLP.decode(raw[(typed ? 1 : 0)...]) else { throw CancellationError() }
        change(&fields)
        return (typed ? [raw[0]] : []) + RLP.encode(.list(fields))
    }

    static func integer(_ v: UInt256) -> RLP.Item { .bytes(v.minimalBigEndianBytes[...]) }

    @Test func signatureValuesOutsideTheChainsRulesAreRefused() throws {
        let raw = try [UInt8](hexFixture: Self.real1559)
        let tx = try TransactionDecoder.decode(raw)
        let sig = try #require(tx.signature)
        let n = Signature.curveOrder
        // High s (the same signature's mirror, which eth-account would still accept).
        Self.expectError(.invalidSignature, try Self.rewrite(raw) { f in
            f[11] = Self.integer(n &- sig.s)
            f[9] = Self.integer(UInt256(UInt64(1 - sig.yParity)))
        }, field: "s")
        Self.expectError(.invalidSignature, try Self.rewrite(raw) { $0[11] = Self.integer(.zero) }, field: "s")
        Self.expectError(.invalidSignature, try Self.rewrite(raw) { $0[10] = Self.integer(.zero) }, field: "r")
        Self.expectError(.invalidSignature, try Self.rewrite(raw) { $0[10] = Self.integer(n) }, field: "r")
        Self.expectError(.invalidSignature, try Self.rewrite(raw) { $0[9] = Self.integer(UInt256(27)) }, field: "yParity")
        Self.expectError(.invalidSignature, try Self.rewrite(raw) { $0[9] = Self.integer(UInt256(2)) }, field: "yParity")
    }

    @Test func fieldsOutOfRangeOrOfTheWrongShapeAreRefused() throws {
        let raw = try [UInt8](hexFixture: Self.real1559)
        Self.expectError(.tooLarge, try Self.rewrite(raw) { $0[1] = .bytes([1, 0, 0, 0, 0, 0, 0, 0, 0]) }, field: "nonce")
        Self.expectError(.tooLarge, try Self.rewrite(raw) { $0[4] = .bytes([1, 0, 0, 0, 0, 0, 0, 0, 0]) }, field: "gas")
        Self.expectError(.tooLarge, try Self.rewrite(raw) { $0[6] = .bytes(ArraySlice(repeating: 1, count: 33)) }, field: "value")
        Self.expectError(.nonCanonical, try Self.rewrite(raw) { $0[1] = .bytes([0, 5]) }, field: "nonce")
        Self.expectError(.wrongLength, try Self.rewrite(raw) { $0[5] = .bytes(ArraySlice(repeating: 7, count: 19)) }, field: "to")
        Self.expectError(.unexpectedKind, try Self.rewrite(raw) { $0[7] = .list([]) }, field: "data")
        Self.expectError(.unexpectedKind, try Self.rewrite(raw) { $0[8] = .bytes([]) }, field: "accessList")
        Self.expectError(.truncated, try Self.rewrite(raw) { $0.removeLast() }, field: "s")
        Self.expectError(.trailingBytes, try Self.rewrite(raw) { $0.append(.bytes([])) }, field: "transaction")
        Self.expectError(.wrongLength, try Self.rewrite(raw) {
            $0[8] = .list([.list([.bytes(ArraySlice(repeating: 1, count: 20)), .list([.bytes([1, 2])])])])
        }, field: "accessList.storageKey")
    }

    @Test func nonCanonicalRLPIsRefusedWithItsOffset() throws {
        let raw = try [UInt8](hexFixture: Self.real1559)
        // The chain id 0xa4b1 written in long form: b8 02 a4 b1 where 82 a4 b1 is canonical.
        var longForm = raw
        longForm.replaceSubrange(3..<4, with: [0xb8, 0x02])
        longForm[2] += 1
        Self.expectError(.nonCanonical, longForm, at: 3, field: "chainId")
        // A single byte below 0x80 wrapped in a string header (0x81 0x05 for the nonce 5).
        var wrapped = try Self.rewrite(raw) { $0[1] = .bytes([0x05]) }
        let nonceOffset = 1 + (wrapped[1] >= 0xf8 ? 1 + Int(wrapped[1] - 0xf7) : 1) + 3
        #expect(wrapped[nonceOffset] == 0x05)
        wrapped.replaceSubrange(nonceOffset..<(nonceOffset + 1), with: [0x81, 0x05])
        wrapped[2] += 1
        Self.expectError(.nonCanonical, wrapped, at: nonceOffset, field: "nonce")
    }

    /// Random bytes and random mutations of real transactions: every outcome is a transaction or
    /// a `DecodingError` whose offset lies inside the input.
    @Test func randomAndMutatedInputNeverTraps() throws {
        var rng = SplitMix64(seed: 0x5eed)
        let reals = try Self.realTransactions()
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int.random(in: 0..<300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                if !bytes.isEmpty && round % 4 == 0 { bytes[0] = [0x01, 0x02, 0x03, 0x04, 0x64, 0x69, 0x6a, 0xf8][round / 4 % 8] }
            } else {
                bytes = reals[Int.random(in: 0..<reals.count, using: &rng)]
                for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                    let i = Int.random(in: 0..<bytes.count, using: &rng)
                    bytes[i] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
                }
            }
            do {
                let tx = try TransactionDecoder.decode(bytes)
                #expect(tx.raw.count == bytes.count)
            } catch {
                #expect(error.offset >= 0 && error.offset <= bytes.count, "\(error)")
            }
        }
    }
}
