import Kernel
import TestSupport
import Testing
@testable import Engine

/// The executor calldata, the transaction envelope and the cost that combines them.
@Suite struct CycleCostTests {
    static let pairAddress = Address(lowBytesOf: Keccak256.hash(Array("pair".utf8)))
    static let poolAddress = Address(lowBytesOf: Keccak256.hash(Array("pool".utf8)))
    static let executor = Address(lowBytesOf: Keccak256.hash(Array("executor".utf8)))

    static let twoHops = [
        ExecutorHop(kind: .uniswapV2, pool: pairAddress, tokenIn: 0, tokenOut: 1),
        ExecutorHop(kind: .uniswapV3, pool: poolAddress, tokenIn: 1, tokenOut: 0),
    ]

    @Test func calldataLayout() throws {
        let amount = UInt256(1_500_000_000_000_000_000)
        let bytes = try ExecutorCalldata.encode(hops: Self.twoHops, amountIn: amount, minimumProfit: UInt256(1000))
        #expect(bytes.count == 21 + 21 + 8 + 2 + 1)
        #expect(bytes[0] == 0b1100_0001)  // uniswapV2, by address, token 0 to token 1
        #expect(Array(bytes[1..<21]) == Self.pairAddress.withUnsafeBytes { Array($0) })
        #expect(bytes[21] == 0b1101_0000)  // uniswapV3, by address, token 1 to token 0
        #expect(Array(bytes[22..<42]) == Self.poolAddress.withUnsafeBytes { Array($0) })
        #expect(Array(bytes[42..<50]) == amount.minimalBigEndianBytes)
        #expect(Array(bytes[50..<52]) == [0x03, 0xe8])
        #expect(bytes[52] == 8 << 4 | 2)
        // By table index (1 and 2 bytes), a Curve hop's coins, no minimum.
        let curve = ExecutorHop(kind: .curve, pool: Self.poolAddress, tokenIn: 2, tokenOut: 0)
        let indexed = try ExecutorCalldata.encode(
            hops: [Self.twoHops[0], curve], amountIn: UInt256(250), minimumProfit: .zero,
            poolIndexes: [Self.pairAddress: 7, Self.poolAddress: 300])
        #expect(indexed == [0b1100_0011, 7, 0b1110_0100, 0x01, 0x2c, 0x20, 250, 1 << 4])
    }

    @Test func calldataRefusesWhatTheLayoutCannotCarry() {
        let hop = Self.twoHops[0]
        #expect(throws: ExecutorCalldataError.zeroAmountIn) { try ExecutorCalldata.encode(hops: [hop], amountIn: .zero, minimumProfit: .zero) }
        #expect(throws: ExecutorCalldataError.hopCount(9)) {
            try ExecutorCalldata.encode(hops: Array(repeating: hop, count: 9), amountIn: UInt256(1), minimumProfit: .zero)
        }
        let tooLarge = UInt256(1) << 120
        #expect(throws: ExecutorCalldataError.amountInTooLarge(tooLarge)) { try ExecutorCalldata.encode(hops: [hop], amountIn: tooLarge, minimumProfit: .zero) }
        let sameCoin = ExecutorHop(kind: .curve, pool: .zero, tokenIn: 1, tokenOut: 1)
        #expect(throws: ExecutorCalldataError.tokens(hop: 1)) { try ExecutorCalldata.encode(hops: [hop, sameCoin], amountIn: UInt256(1), minimumProfit: .zero) }
    }

    /// Every case of `Tests/Generated/executor_calldata.json`: the encoder the contract tests
    /// drive `contracts/Executor.vy` with, byte for byte, and its refusals.
    @Test func calldataMatchesTheContractTestsEncoder() throws {
        let cases = try Fixture.generated("executor_calldata.json").objects("cases")
        #expect(cases.count > 400)
        var mismatches: [String] = []
        for (index, vector) in cases.enumerated() {
            let hops = try vector.objects("hops").map { hop in
                guard let kindNumber = hop["kind"] as? Int, let kind = HopKind(rawValue: UInt8(kindNumber)),
                      let tokenIn = hop["tokenIn"] as? Int, let tokenOut = hop["tokenOut"] as? Int
                else { throw FixtureError("case \(index): a hop") }
                return ExecutorHop(kind: kind, pool: try hop.address("pool"), tokenIn: UInt8(tokenIn), tokenOut: UInt8(tokenOut))
            }
            guard let table = vector["poolIndexes"] as? [String: Int] else { throw FixtureError("case \(index): poolIndexes") }
            var poolIndexes: [Address: UInt16] = [:]
            for (address, poolIndex) in table { poolIndexes[try Address(hex: address)] = UInt16(poolIndex) }
            let amountIn = try vector.decimal("amountIn"), minimumProfit = try vector.decimal("minimumProfit")
            let got = try? ExecutorCalldata.encode(hops: hops, amountIn: amountIn, minimumProfit: minimumProfit, poolIndexes: poolIndexes)
            let want = vector["calldata"] == nil ? nil : try vector.bytes("calldata")
            if got != want { mismatches.append("case \(index) (\(try vector.string("kind"))): got \(got.map { Hex.encode($0) } ?? "an error"), want \(want.map { Hex.encode($0) } ?? "an error")") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    @Test func theEnvelopeDecodesAsTheTransactionItDescribes() throws {
        let template = TransactionTemplate(nonce: 4123, maxFeePerGas: UInt256(20_000_000), gasLimit: 600_000, to: Self.executor)
        let data = try ExecutorCalldata.encode(hops: Self.twoHops, amountIn: UInt256(10).power(18), minimumProfit: .zero)
        let bytes = template.signedBytes(data: data)
        let decoded = try TransactionDecoder.decode(bytes)
        #expect(decoded.type == .dynamicFee)
        #expect(decoded.chainId == UInt256(42161))
        #expect(decoded.nonce == 4123)
        #expect(decoded.gas == 600_000)
        #expect(decoded.to == Self.executor)
        #expect(decoded.value == .zero)
        #expect(Array(decoded.data) == data)
        #expect(decoded.fees == .dynamic(maxFeePerGas: UInt256(20_000_000), maxPriorityFeePerGas: .zero))
        #expect(decoded.signature?.yParity == 1)
        #expect(decoded.signature?.r == Keccak256.hash(Array("R".utf8)).withUnsafeBytes { UInt256(word32: $0) })
        // type, list header (2), chain id (3), nonce (3), tip (1), fee cap (4), gas (4), to (21),
        // value (1), data (2 + 51), access list (1), parity (1), r and s (33 each).
        #expect(data.count == 51)
        #expect(bytes.count == 1 + 2 + 3 + 3 + 1 + 4 + 4 + 21 + 1 + 2 + 51 + 1 + 1 + 33 + 33)
    }

    @Test func theEstimateAddsTheParts() throws {
        let template = TransactionTemplate(nonce: 4123, maxFeePerGas: UInt256(20_000_000), gasLimit: 600_000, to: Self.executor)
        let model = CycleCostModel(template: template)
        let amount = UInt256(10).power(18)
        let baseFee = UInt256(10_000_000), price = UInt256(40_000_000)
        let estimate = try #require(model.estimate(hops: Self.twoHops, amountIn: amount, baseFee: baseFee, l1PricePerUnit: price))
        let calldata = try ExecutorCalldata.encode(hops: Self.twoHops, amountIn: amount, minimumProfit: .zero)
        let transaction = template.signedBytes(data: calldata)
        #expect(estimate.calldataBytes == 21 + 21 + 8 + 1)
        #expect(estimate.transactionBytes == transaction.count)
        #expect(estimate.l1Units == L1PosterFee.units(signedTransaction: transaction))
        // Signatures, addresses and the amount barely compress.
        #expect(estimate.l1Units >= UInt64(transaction.count - 20) * 16)
        #expect(estimate.l1Gas == price * UInt256(estimate.l1Units) / baseFee)
        let intrinsic = calldata.reduce(UInt64(21_000)) { $0 + ($1 == 0 ? 4 : 16) }
        #expect(estimate.l2Gas == intrinsic + HopGasTable.executorMeasurements.uniswapV2 + HopGasTable.executorMeasurements.uniswapV3)
        // Named by table index the calldata, and so the L1 fee, shrinks.
        let indexed = CycleCostModel(template: template, poolIndexes: [Self.pairAddress: 1, Self.poolAddress: 2])
        let small = try #require(indexed.estimate(hops: Self.twoHops, amountIn: amount, baseFee: baseFee, l1PricePerUnit: price))
        #expect(small.calldataBytes == 2 + 2 + 8 + 1)
        #expect(small.l1Units < estimate.l1Units)
        #expect(estimate.totalWei == (estimate.l1Gas + UInt256(estimate.l2Gas)) * baseFee)
        #expect(model.estimate(hops: Self.twoHops, amountIn: amount, baseFee: .zero, l1PricePerUnit: price) == nil)
        print("cost of a 2-hop cycle: \(estimate)")
    }

    @Test func theGasTableIsConfigurable() {
        var table = HopGasTable.executorMeasurements
        #expect(table.gas(for: .algebra) == table.gas(for: .uniswapV3))
        table.curve = 90_000
        #expect(table.gas(for: .curve) == 90_000)
        #expect(HopGasTable.intrinsicGas(calldata: [0, 1, 0, 2]) == 21_000 + 4 + 16 + 4 + 16)
        let hops = [ExecutorHop(kind: .curve, pool: .zero, tokenIn: 0, tokenOut: 1)]
        #expect(table.gas(hops: hops, calldata: []) == 21_000 + 90_000)
        table.curve = .max
        #expect(table.gas(hops: hops, calldata: []) == .max)
    }
}
