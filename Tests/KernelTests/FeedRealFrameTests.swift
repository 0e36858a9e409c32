import Foundation
@testable import Kernel
import Testing

/// Real sequencer feed frames (Fixtures/feed, see PROVENANCE.md) decode to the transactions,
/// hashes and senders that `expected_decodes.json` lists.
@Suite struct FeedRealFrameTests {
    static let realFiles = [
        "arb1_frame_seq25757171_docs.json",
        "arb1_feedmsg_seq241801449.json",
        "arb1_frame_seq243170738.json",
        "arb1_msgwithmeta_l1block20964528.json",
        "orbit4663_frame_seq20842309_signed.json",
    ]

    @Test(arguments: realFiles)
    func realFrameDecodesToExpectedTransactions(file: String) throws {
        let expected = try #require(try FeedFixture.expected()[file])
        let chainId = try #require((expected["expectedChainId"] as? NSNumber)?.uint64Value)
        let frame = try FeedDecoder(chainId: chainId).decode(try FeedFixture.frame(file))
        #expect(frame.version == 1)
        #expect(frame.errors.isEmpty)
        #expect(frame.entries.count == 1)
        let entry = try #require(frame.entries.first)
        #expect(entry.error == nil)
        if let seq = expected["sequenceNumber"] as? NSNumber { #expect(entry.sequenceNumber == seq.uint64Value) }
        #expect(entry.header.l1Kind == .l2Message)
        #expect(entry.header.sender.description == FeedFixture.sequencer)
        #expect(entry.message.l2Msg.count == (expected["l2MsgBytes"] as? NSNumber)?.intValue)
        #expect(entry.message.l2Msg.first.map(Int.init) == (expected["l2MsgFirstByte"] as? NSNumber)?.intValue)

        let txs = try #require(expected["transactions"] as? [[String: Any]])
        #expect(entry.transactions.count == txs.count)
        #expect(entry.transactions.count == (expected["txCount"] as? NSNumber)?.intValue)
        for (tx, want) in zip(entry.transactions, txs) {
            let hash = try #require(want["hash"] as? String)
            #expect(tx.hash.description == hash)
            #expect(Hex.encode(tx.raw) == want["raw"] as? String, "raw of \(hash)")
            #expect(Int(tx.type.rawValue) == (want["type"] as? NSNumber)?.intValue)
            #expect(tx.chainId == UInt256(chainId))
            #expect(tx.nonce == (want["nonce"] as? NSNumber)?.uint64Value)
            #expect(tx.gas == (want["gas"] as? NSNumber)?.uint64Value)
            #expect(tx.to?.description == want["to"] as? String)
            #expect(tx.value.description == (want["value"] as? NSNumber)?.stringValue)
            #expect(Hex.encode(tx.data) == want["input"] as? String)
            #expect(try tx.recoverSender().checksummed == want["sender"] as? String, "sender of \(hash)")
        }
    }

    @Test func constructedNestedBatchYieldsTheRealTransactionsInOrder() throws {
        let expected = try Fixture.json("feed/CONSTRUCTED_nested_batch.expected.json")
        let hashes = try #require(expected["expectedTxHashesInOrder"] as? [String])
        let entry = try #require(try FeedFixture.entry(try FeedFixture.frame("CONSTRUCTED_nested_batch.json")))
        #expect(entry.error == nil)
        #expect(entry.sequenceNumber == 1_000_000)
        #expect(entry.transactions.map(\.hash.description) == hashes)
        // The inner batch is the second segment: l2Msg[0] = 3, and the second segment starts with 3 too.
        let l2 = Array(entry.message.l2Msg)
        #expect(l2[0] == 3)
        let firstLength = Int(l2[1..<9].reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        #expect(l2[9 + firstLength + 8] == 3)
    }

    @Test func nitroExampleFrames() throws {
        let lines = String(decoding: try FeedFixture.bytes("nitro_example_frames.jsonl"), as: UTF8.self)
            .split(separator: "\n").map { Array($0.utf8) }
        #expect(lines.count == 4)
        let decoder = FeedDecoder()

        let withMeta = try decoder.decode(lines[0])
        #expect(withMeta.version == 1)
        let m = try #require(withMeta.entries.first?.message)
        #expect(m.sequenceNumber == 12345)
        #expect(m.delayedMessagesRead == 3333)
        #expect(Array(m.l2Msg) == [0xde, 0xad, 0xbe, 0xef])
        #expect(m.header.kind == 0)
        #expect(m.header.sender == .zero)
        #expect(m.header.requestId == .zero)
        #expect(m.header.baseFeeL1 == .zero)
        #expect(m.blockHash?.description == "0xff" + String(repeating: "0", count: 62))
        #expect(m.signature == nil)
        #expect(m.blockMetadata.map(Array.init) == [0x00, 0x02])
        #expect(m.isTimeboosted(blockTransactionIndex: 0) == false)
        #expect(m.isTimeboosted(blockTransactionIndex: 1) == true)
        #expect(m.isTimeboosted(blockTransactionIndex: 8) == false)
        // Kind 0 is no L1 message kind Nitro defines: the message is read, its payload refused.
        #expect(withMeta.entries.first?.error?.kind == .unknownL1Kind)
        #expect(withMeta.entries.first?.error?.sequenceNumber == 12345)

        let plain = try decoder.decode(lines[1])
        #expect(plain.entries.first?.message.blockHash == nil)
        #expect(plain.entries.first?.message.blockMetadata == nil)
        #expect(plain.entries.first?.message.isTimeboosted(blockTransactionIndex: 1) == nil)
        #expect(plain.entries.first.map { Array($0.message.l2Msg) } == [0xde, 0xad, 0xbe, 0xef])

        let empty = try decoder.decode(lines[2])
        #expect(empty.version == 1 && empty.entries.isEmpty && empty.errors.isEmpty && empty.confirmedSequenceNumber == nil)

        let confirmed = try decoder.decode(lines[3])
        #expect(confirmed.entries.isEmpty && confirmed.errors.isEmpty)
        #expect(confirmed.confirmedSequenceNumber == 1234)
    }

    /// The start-of-block internal transaction of L2 block 264009266 and the block's
    /// transaction list (whose trie root the source verified) follow from the feed message.
    @Test func startBlockTransactionOfBlock264009266() throws {
        let known = try Fixture.json("feed/block264009266_txroot.json")
        let start = try #require(known["startBlockInternalTx"] as? [String: Any])
        let entry = try #require(try FeedFixture.entry(try FeedFixture.frame("arb1_feedmsg_seq241801449.json")))
        let offset = try #require((known["arbitrumOneGenesisBlockOffset"] as? NSNumber)?.uint64Value)
        let l2Block = entry.sequenceNumber + offset
        #expect(l2Block == (known["l2BlockNumber"] as? NSNumber)?.uint64Value)
        let tx = try entry.message.startBlockTransaction(
            chainId: 42161, l2BlockNumber: l2Block, parentTimestamp: entry.header.timestamp)
        #expect(Hex.encode(tx.raw) == start["encoded"] as? String)
        #expect(tx.hash.description == start["hash"] as? String)
        #expect(FunctionSelector.leading(tx.data) == 0x6bf6_a42d)
        let order = try #require(known["transactionsInOrder"] as? [String])
        #expect(([tx] + entry.transactions).map(\.hash.description) == order)
        // A parent 5 s older makes timePassed 5; a parent in the future makes it 0.
        let later = try entry.message.startBlockTransaction(
            chainId: 42161, l2BlockNumber: l2Block, parentTimestamp: entry.header.timestamp - 5)
        #expect(later.data.suffix(32).last == 5)
        let clamped = try entry.message.startBlockTransaction(
            chainId: 42161, l2BlockNumber: l2Block, parentTimestamp: entry.header.timestamp + 9)
        #expect(clamped.data.suffix(32).allSatisfy { $0 == 0 })
    }

    static let orbitSigner = "0xDaa526086787d9DEbE1D7F3FFdb1fE50cf8687F4"

    @Test func signedOrbitFrameVerifies() throws {
        let expected = try #require(try FeedFixture.expected()["orbit4663_frame_seq20842309_signed.json"])
        let sig = try #require(expected["feedSignature"] as? [String: Any])
        let signer = try Address(hex: Self.orbitSigner)
        let entry = try #require(try FeedFixture.entry(try FeedFixture.frame("orbit4663_frame_seq20842309_signed.json"), decoder: FeedDecoder(chainId: 4663)))
        let m = entry.message
        #expect(m.signature?.count == 65)
        #expect(m.blockMetadata == nil)
        #expect(m.header.baseFeeL1 == .zero)
        #expect(m.signatureHash(chainId: 4663).description == sig["signatureHash"] as? String)
        #expect(m.recoverSigner(chainId: 4663) == signer)
        #expect(m.verify(signer: signer, chainId: 4663))
        #expect(!m.verify(signer: signer, chainId: 42161))
        #expect(!m.verify(signer: .zero, chainId: 4663))
        var unsigned = m
        unsigned.signature = nil
        #expect(!unsigned.verify(signer: signer, chainId: 4663))
        unsigned.signature = m.signature?.dropLast()
        #expect(unsigned.recoverSigner(chainId: 4663) == nil)
    }

    /// Changing one character anywhere that is signed (or in the signature) makes verification fail.
    @Test(arguments: [
        ("\"sequenceNumber\":2084230", "8"),
        ("\"delayedMessagesRead\":6851", "8"),
        ("\"timestamp\":178516635", "2"),
        ("\"blockNumber\":2562506", "2"),
        ("\"blockHash\":\"0x665fa5e651d0c66da7978cf5a07b751c71589472fa7b13508a36f9edf9ef391", "0"),
        ("\"l2Msg\":\"AwAAAAAAAABwBPhtggqNhApLnsCC", "Y"),
        ("\"signatureV2\":\"/ZnWFeNtaNHG8KCm2ucy2Ray", "X"),
        ("\"baseFeeL1\":", "1"),
        ("\"kind\":", "9"),
    ])
    func oneChangedByteFailsVerification(anchor: String, replacement: String) throws {
        let text = String(decoding: try FeedFixture.bytes("orbit4663_frame_seq20842309_signed.json"), as: UTF8.self)
        let at = try #require(text.byteOffset(of: anchor)) + anchor.utf8.count
        var bytes = Array(text.utf8)
        #expect(bytes[at] != replacement.utf8.first)
        bytes[at] = try #require(replacement.utf8.first)
        let frame = try FeedDecoder(chainId: 4663).decode(bytes)
        let message = try #require(frame.entries.first?.message)
        #expect(!message.verify(signer: try Address(hex: Self.orbitSigner), chainId: 4663))
    }
}
