import Foundation
@testable import Kernel
import Testing

/// Every L1 and L2 message kind Nitro defines yields the transactions (or the error) Nitro's
/// `ParseL2Transactions` gives; the Arbitrum transactions ArbOS makes from delayed messages are
/// checked against real ones from Arbitrum One blocks where such exist.
@Suite struct FeedMessageKindTests {
    static let poster = try! Address(hex: "0x5f8ef0fda2d203f5dfbaa34b9fb64dde51332a7f")
    static let requestId = Hash32(bytes: [UInt8](repeating: 0, count: 31) + [0x2a])!

    static func message(kind: UInt8, l2Msg: [UInt8], requestId: Hash32? = requestId, timestamp: UInt64 = 1_700_000_000,
                        baseFeeL1: UInt256? = nil, batchGasCost: UInt64? = nil, stats: BatchDataStats? = nil) -> FeedMessage {
        FeedMessage(
            sequenceNumber: 500, header: L1MessageHeader(kind: kind, sender: poster, blockNumber: 19_000_000,
                                                         timestamp: timestamp, requestId: requestId, baseFeeL1: baseFeeL1),
            l2Msg: l2Msg[...], delayedMessagesRead: 9, batchGasCost: batchGasCost, batchDataStats: stats)
    }

    static func transactions(_ m: FeedMessage, arbOSVersion: UInt64 = 50) throws(FeedError) -> [Transaction] {
        try FeedDecoder(arbOSVersion: arbOSVersion).transactions(of: m)
    }

    static func error(_ m: FeedMessage, arbOSVersion: UInt64 = 50) -> FeedError? {
        do {
            _ = try transactions(m, arbOSVersion: arbOSVersion)
            return nil
        } catch {
            return error
        }
    }

    static func realArbitrumTx(type: String) throws -> (hash: String, tx: Transaction) {
        let root = try Fixture.json("chain/arbitrum_txs.json")
        let all = try #require(root["transactions"] as? [[String: Any]])
        let found = try #require(all.first { $0["type"] as? String == type && $0["raw"] != nil })
        let raw = try [UInt8](hexFixture: try #require(found["raw"] as? String))
        return (try #require(found["hash"] as? String), try TransactionDecoder.decode(raw))
    }

    static func subRequestId(_ id: Hash32, _ index: UInt64) -> Hash32 {
        Keccak256.hash(id.bytes + UInt256(index).bigEndianBytes)
    }

    /// gasLimit ‖ maxFeePerGas ‖ [nonce] ‖ to ‖ value ‖ calldata.
    static func unsignedBody(nonce: UInt64?, to: Address?, data: [UInt8] = [0xde, 0xad]) -> [UInt8] {
        L2Payload.word(UInt64(90_000)) + L2Payload.word(UInt64(10_000_000)) + (nonce.map { L2Payload.word($0) } ?? [])
            + L2Payload.word(to ?? .zero) + L2Payload.word(UInt256(12345)) + data
    }

    // MARK: L1 kind 3: L2 messages

    @Test func unsignedUserTxBecomesArbitrumUnsignedTx() throws {
        let to = try Address(hex: "0x82af49447d8a07e3bd95bd0d56f35241523fbab1")
        let txs = try Self.transactions(Self.message(kind: 3, l2Msg: [0] + Self.unsignedBody(nonce: 7, to: to)))
        let tx = try #require(txs.first)
        #expect(txs.count == 1)
        #expect(tx.type == .arbitrumUnsigned)
        #expect(tx.chainId == UInt256(42161))
        #expect(tx.from == Self.poster)
        #expect(tx.nonce == 7)
        #expect(tx.gas == 90_000)
        #expect(tx.fees == .gasPrice(UInt256(10_000_000)))
        #expect(tx.to == to)
        #expect(tx.value == UInt256(12345))
        #expect(Array(tx.data) == [0xde, 0xad])
        #expect(tx.hash == Keccak256.hash(Array(tx.raw)))
        // The canonical field list of ArbitrumUnsignedTx.
        let fields = RLP.Item.list([
            .bytes([0xa4, 0xb1]), .bytes(Self.poster.bytes[...]), .bytes([7]), .bytes([0x98, 0x96, 0x80]),
            .bytes([0x01, 0x5f, 0x90]), .bytes(to.bytes[...]), .bytes([0x30, 0x39]), .bytes([0xde, 0xad]),
        ])
        #expect(Array(tx.raw) == [0x65] + RLP.encode(fields))
        // A zero callee is contract creation.
        let create = try Self.transactions(Self.message(kind: 3, l2Msg: [0] + Self.unsignedBody(nonce: 0, to: nil)))
        #expect(create.first?.to == nil)
        // Gas limit and nonce must fit in 64 bits.
        var big = [0] + Self.unsignedBody(nonce: 1, to: to)
        big[1] = 1
        #expect(Self.error(Self.message(kind: 3, l2Msg: big)) == FeedError(.valueOutOfRange, at: 1, in: .l2Msg, field: "gasLimit", sequenceNumber: 500))
        big = [0] + Self.unsignedBody(nonce: 1, to: to)
        big[65] = 1
        #expect(Self.error(Self.message(kind: 3, l2Msg: big))?.field == "nonce")
    }

    @Test func contractTxNeedsARequestIdAndBatchesDeriveOnePerSegment() throws {
        let to = try Address(hex: "0x82af49447d8a07e3bd95bd0d56f35241523fbab1")
        let single = try Self.transactions(Self.message(kind: 3, l2Msg: [1] + Self.unsignedBody(nonce: nil, to: to)))
        #expect(single.first?.type == .arbitrumContract)
        #expect(single.first?.details == .contract(requestId: Self.requestId))
        #expect(single.first?.from == Self.poster)
        #expect(single.first?.nonce == 0)

        let segment = [1] + Self.unsignedBody(nonce: nil, to: to)
        let batch = try Self.transactions(Self.message(kind: 3, l2Msg: L2Payload.batch([segment, L2Payload.batch([segment, segment])])))
        #expect(batch.count == 3)
        let inner = Self.subRequestId(Self.requestId, 1)
        #expect(batch.map(\.details) == [
            .contract(requestId: Self.subRequestId(Self.requestId, 0)),
            .contract(requestId: Self.subRequestId(inner, 0)),
            .contract(requestId: Self.subRequestId(inner, 1)),
        ])
        #expect(Self.error(Self.message(kind: 3, l2Msg: segment, requestId: nil))
            == FeedError(.missingRequestId, at: 0, in: .l2Msg, field: "requestId", sequenceNumber: 500))
    }

    @Test func otherL2Kinds() throws {
        #expect(Self.error(Self.message(kind: 3, l2Msg: [2, 1, 2])) == FeedError(.unsupportedL2Kind, at: 0, in: .l2Msg, field: "kind", sequenceNumber: 500))
        #expect(Self.error(Self.message(kind: 3, l2Msg: [7, 1, 2]))?.kind == .unsupportedL2Kind)
        for kind: UInt8 in [5, 8, 9, 0x64, 0xFF] {
            #expect(Self.error(Self.message(kind: 3, l2Msg: [kind, 1, 2]))?.kind == .unknownL2Kind)
        }
        // Heartbeats: nothing before 2022-08-08 16:00 UTC, an error from then on.
        #expect(try Self.transactions(Self.message(kind: 3, l2Msg: [6], timestamp: 1_659_974_399)).isEmpty)
        #expect(Self.error(Self.message(kind: 3, l2Msg: [6], timestamp: 1_659_974_400))?.kind == .heartbeatDisabled)
        #expect(Self.error(Self.message(kind: 3, l2Msg: L2Payload.batch([[6]]), timestamp: 1_659_974_400))?.offset == 9)
    }

    @Test func signedTxTypesNitroRefuses() throws {
        for type: UInt8 in [0x00, 0x03, 0x05, 0x63, 0x64, 0x65, 0x66, 0x68, 0x69, 0x6a, 0x7f] {
            #expect(Self.error(Self.message(kind: 3, l2Msg: [4, type, 0xc0]))
                == FeedError(.unsupportedTransactionType, at: 1, in: .l2Msg, field: "type", sequenceNumber: 500))
        }
        let garbage = Self.error(Self.message(kind: 3, l2Msg: [4, 0x02, 0xc1, 0x80]))
        #expect(garbage?.kind == .invalidTransaction)
        #expect(garbage?.underlying != nil)
        #expect(Self.error(Self.message(kind: 3, l2Msg: [4, 0x85]))?.kind == .invalidTransaction)
        // A real internal transaction is refused inside a signed-tx message, like any Arbitrum type.
        let real = try Self.realArbitrumTx(type: "0x6a")
        #expect(Self.error(Self.message(kind: 3, l2Msg: [4] + Array(real.tx.raw)))?.kind == .unsupportedTransactionType)
    }

    // MARK: Delayed-inbox kinds

    /// A real Arbitrum One ArbitrumDepositTx (block 116686799) rebuilt from the EthDeposit message that made it.
    @Test func ethDepositRebuildsARealDeposit() throws {
        let (hash, real) = try Self.realArbitrumTx(type: "0x64")
        guard case .deposit(let requestId) = real.details, let from = real.from, let to = real.to else {
            Issue.record("not a deposit")
            return
        }
        var m = Self.message(kind: 12, l2Msg: to.bytes + L2Payload.word(real.value) + [0x99], requestId: requestId)
        m.header.sender = from
        let txs = try Self.transactions(m)
        #expect(txs.count == 1)
        #expect(txs.first?.hash.description == hash)
        #expect(Self.error(Self.message(kind: 12, l2Msg: to.bytes + L2Payload.word(real.value), requestId: nil))?.kind == .missingRequestId)
        #expect(Self.error(Self.message(kind: 12, l2Msg: to.bytes + [1, 2]))
            == FeedError(.truncated, at: 20, in: .l2Msg, field: "value", sequenceNumber: 500))
    }

    /// A real Arbitrum One ArbitrumSubmitRetryableTx (block 118369707) rebuilt from its SubmitRetryable message.
    @Test func submitRetryableRebuildsARealTicket() throws {
        let (hash, real) = try Self.realArbitrumTx(type: "0x69")
        guard case .submitRetryable(let t) = real.details, let from = real.from else {
            Issue.record("not a submit-retryable")
            return
        }
        let head = L2Payload.word(t.retryTo ?? .zero) + L2Payload.word(t.retryValue) + L2Payload.word(t.depositValue) + L2Payload.word(t.maxSubmissionFee)
            + L2Payload.word(t.feeRefundAddress) + L2Payload.word(t.beneficiary) + L2Payload.word(real.gas) + L2Payload.word(real.maxFeePerGas)
        let body = head + L2Payload.word(UInt64(t.retryData.count)) + Array(t.retryData)
        var m = Self.message(kind: 9, l2Msg: body + [1, 2, 3], requestId: t.requestId, baseFeeL1: t.l1BaseFee)
        m.header.sender = from
        let txs = try Self.transactions(m)
        #expect(txs.count == 1)
        #expect(txs.first?.hash.description == hash)
        #expect(txs.first?.data == real.data)

        // Data shorter than its length is zero-padded (Go's bytes.Reader.Read), unless none is left.
        let short = Self.message(kind: 9, l2Msg: head + L2Payload.word(UInt64(10)) + [7, 7, 7])
        guard case .submitRetryable(let padded)? = try Self.transactions(short).first?.details else {
            Issue.record("no ticket")
            return
        }
        #expect(Array(padded.retryData) == [7, 7, 7, 0, 0, 0, 0, 0, 0, 0])
        #expect(Self.error(Self.message(kind: 9, l2Msg: head + L2Payload.word(UInt64(10))))?.kind == .truncated)
        #expect(Self.error(Self.message(kind: 9, l2Msg: head + L2Payload.word(UInt64(300_000)) + [1]))
            == FeedError(.valueOutOfRange, at: 256, in: .l2Msg, field: "dataLength", sequenceNumber: 500))
        #expect(Self.error(Self.message(kind: 9, l2Msg: head + L2Payload.word(UInt64(0)), requestId: nil))?.kind == .missingRequestId)
        #expect(try Self.transactions(Self.message(kind: 9, l2Msg: head + L2Payload.word(UInt64(0)))).first?.type == .arbitrumSubmitRetryable)
    }

    @Test func l2FundedByL1YieldsADepositAndTheCall() throws {
        let to = try Address(hex: "0x82af49447d8a07e3bd95bd0d56f35241523fbab1")
        let unsigned = try Self.transactions(Self.message(kind: 7, l2Msg: [0] + Self.unsignedBody(nonce: 3, to: to)))
        #expect(unsigned.map(\.type) == [.arbitrumDeposit, .arbitrumUnsigned])
        #expect(unsigned[0].details == .deposit(requestId: Self.subRequestId(Self.requestId, 0)))
        #expect(unsigned[0].from == .zero)
        #expect(unsigned[0].to == Self.poster)
        #expect(unsigned[0].value == UInt256(12345))
        #expect(unsigned[1].from == Self.poster && unsigned[1].nonce == 3 && unsigned[1].to == to)

        let contract = try Self.transactions(Self.message(kind: 7, l2Msg: [1] + Self.unsignedBody(nonce: nil, to: to)))
        #expect(contract.map(\.type) == [.arbitrumDeposit, .arbitrumContract])
        #expect(contract[1].details == .contract(requestId: Self.subRequestId(Self.requestId, 1)))

        #expect(Self.error(Self.message(kind: 7, l2Msg: [])) == FeedError(.emptyL2Message, at: 0, in: .l2Msg, field: "kind", sequenceNumber: 500))
        #expect(Self.error(Self.message(kind: 7, l2Msg: [0] + Self.unsignedBody(nonce: 3, to: to), requestId: nil))?.kind == .missingRequestId)
        #expect(Self.error(Self.message(kind: 7, l2Msg: [4] + Self.unsignedBody(nonce: nil, to: to)))?.kind == .invalidFundedTxKind)
        #expect(Self.error(Self.message(kind: 7, l2Msg: [0, 1]))?.kind == .truncated)
    }

    @Test func batchPostingReportBuildsTheInternalTransaction() throws {
        let batchPoster = try Address(hex: "0xc1b634853cb333d3ad8663715b08f41a3aec47cc")
        let body = L2Payload.word(UInt64(1_728_000_000)) + batchPoster.bytes + [UInt8](repeating: 0xab, count: 32)
            + L2Payload.word(UInt64(812_345)) + L2Payload.word(UInt64(9_000_000_000))
        let extra: [UInt8] = [0, 0, 0, 0, 0, 0, 0x01, 0x00]
        let stats = BatchDataStats(length: 100_000, nonZeros: 60_000)
        let legacy: UInt64 = 4 * 40_000 + 16 * 60_000 + 30 + 6 * 3125 + 40_000

        let selectorV1 = FunctionSelector.bytes(FunctionSelector.of("batchPostingReport(uint256,address,uint64,uint64,uint256)"))
        let selectorV2 = FunctionSelector.bytes(FunctionSelector.of("batchPostingReportV2(uint256,address,uint64,uint64,uint64,uint64,uint256)"))

        // Before ArbOS 50: legacy gas (from the stats) plus the extra gas.
        let v1 = try Self.transactions(Self.message(kind: 13, l2Msg: body + extra, stats: stats), arbOSVersion: 40)
        let expectedV1 = selectorV1 + L2Payload.word(UInt64(1_728_000_000)) + L2Payload.word(batchPoster) + L2Payload.word(UInt64(812_345))
            + L2Payload.word(legacy + 256) + L2Payload.word(UInt64(9_000_000_000))
        #expect(v1.count == 1)
        #expect(v1.first?.type == .arbitrumInternal)
        #expect(v1.first.map { Array($0.data) } == expectedV1)
        // The legacy batchGasCost when there are no stats; extraGas absent means zero.
        let fromCost = try Self.transactions(Self.message(kind: 13, l2Msg: body, batchGasCost: 777), arbOSVersion: 40)
        #expect(fromCost.first.map { Array(Array($0.data)[(4 + 96)..<(4 + 128)]) } == L2Payload.word(UInt64(777)))
        // Saturating addition.
        let saturated = try Self.transactions(Self.message(kind: 13, l2Msg: body + [UInt8](repeating: 0xff, count: 8), batchGasCost: 2), arbOSVersion: 40)
        #expect(saturated.first.map { Array(Array($0.data)[(4 + 96)..<(4 + 128)]) } == L2Payload.word(UInt64.max))

        // From ArbOS 50: V2 with the stats.
        let v2 = try Self.transactions(Self.message(kind: 13, l2Msg: body + extra, stats: stats))
        let expectedV2 = selectorV2 + L2Payload.word(UInt64(1_728_000_000)) + L2Payload.word(batchPoster) + L2Payload.word(UInt64(812_345))
            + L2Payload.word(UInt64(100_000)) + L2Payload.word(UInt64(60_000)) + L2Payload.word(UInt64(256)) + L2Payload.word(UInt64(9_000_000_000))
        #expect(v2.first.map { Array($0.data) } == expectedV2)
        #expect(v2.first?.from == Address(precompile: 0xa4b05))

        #expect(Self.error(Self.message(kind: 13, l2Msg: body, batchGasCost: 777))?.kind == .missingBatchGasData)
        #expect(Self.error(Self.message(kind: 13, l2Msg: body), arbOSVersion: 40)?.kind == .missingBatchGasData)
        #expect(Self.error(Self.message(kind: 13, l2Msg: body + [1, 2, 3], stats: stats))
            == FeedError(.truncated, at: 148, in: .l2Msg, field: "extraGas", sequenceNumber: 500))
        var hugeNumber = body
        hugeNumber[84] = 1
        #expect(Self.error(Self.message(kind: 13, l2Msg: hugeNumber, stats: stats))
            == FeedError(.valueOutOfRange, at: 84, in: .l2Msg, field: "batchNum", sequenceNumber: 500))
    }

    @Test func kindsWithoutTransactionsAndUndefinedKinds() throws {
        for kind: UInt8 in [6, 8, 10, 11, 0xFF] {
            #expect(try Self.transactions(Self.message(kind: kind, l2Msg: [1, 2, 3])).isEmpty)
        }
        for kind: UInt8 in [0, 1, 2, 4, 5, 14, 200] {
            #expect(Self.error(Self.message(kind: kind, l2Msg: [4]))?.kind == .unknownL1Kind)
        }
        for kind in L1MessageKind.allCases {
            #expect(L1MessageHeader(kind: kind.rawValue, sender: .zero, blockNumber: 0, timestamp: 0, requestId: nil, baseFeeL1: nil).l1Kind == kind)
        }
    }

    @Test func messagesOverTheSizeLimitYieldNothing() throws {
        let limit = L2MessageLimits.maxL2MessageSize
        #expect(try Self.transactions(Self.message(kind: 6, l2Msg: [UInt8](repeating: 0, count: limit))).isEmpty)
        #expect(Self.error(Self.message(kind: 6, l2Msg: [UInt8](repeating: 0, count: limit + 1)))
            == FeedError(.messageTooLarge, at: 0, in: .l2Msg, field: "l2Msg", sequenceNumber: 500))
        // A batch of exactly the limit's worth of empty heartbeats parses; the segment limit is the same.
        let segment = [UInt8](repeating: 6, count: 1)
        #expect(try Self.transactions(Self.message(kind: 3, l2Msg: L2Payload.batch(Array(repeating: segment, count: 1000)), timestamp: 1)).isEmpty)
    }
}
