import Kernel
import Testing
@testable import Engine

/// The executor calldata model, the transaction envelope and the cost that combines them.
@Suite struct CycleCostTests {
    static let pairAddress = Address(lowBytesOf: Keccak256.hash(Array("pair".utf8)))
    static let poolAddress = Address(lowBytesOf: Keccak256.hash(Array("pool".utf8)))
    static let executor = Address(lowBytesOf: Keccak256.hash(Array("executor".utf8)))

    static let twoHops = [
        ExecutorHop(kind: .uniswapV2, pool: pairAddress, tokenIn: 0, tokenOut: 1),
        ExecutorHop(kind: .uniswapV3, pool: poolAddress, tokenIn: 1, tokenOut: 0),
    ]

    @Test func calldataLayout() {
        let amount = UInt256(1_500_000_000_000_000_000)
        let bytes = ExecutorCalldata.encode(hops: Self.twoHops, amountIn: amount)
        #expect(bytes.count == 51)
        #expect(bytes[0] == 8)
        #expect(Array(bytes[1...8]) == amount.minimalBigEndianBytes)
        #expect(bytes[9] == 0b0000_0001)  // uniswapV2 << 1, token 0 to token 1
        #expect(Array(bytes[10..<30]) == Self.pairAddress.withUnsafeBytes { Array($0) })
        #expect(bytes[30] == 0b0000_0100)  // uniswapV3 << 1, token 1 to token 0
        #expect(Array(bytes[31..<51]) == Self.poolAddress.withUnsafeBytes { Array($0) })
        // A Curve hop carries its coin indexes; three hops of a 6-byte amount.
        let curve = ExecutorHop(kind: .curve, pool: Self.poolAddress, tokenIn: 2, tokenOut: 0)
        let three = ExecutorCalldata.encode(hops: Self.twoHops + [curve], amountIn: UInt256(250_000_000_000))
        #expect(three.count == 1 + 5 + 3 * 21 + 1)
        #expect(three.last == 0x20)
        #expect(ExecutorCalldata.encode(hops: [], amountIn: .zero) == [0])
    }

    @Test func theEnvelopeDecodesAsTheTransactionItDescribes() throws {
        let template = TransactionTemplate(nonce: 4123, maxFeePerGas: UInt256(20_000_000), gasLimit: 600_000, to: Self.executor)
        let data = ExecutorCalldata.encode(hops: Self.twoHops, amountIn: UInt256(10).power(18))
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
        #expect(bytes.count == 1 + 2 + 3 + 3 + 1 + 4 + 4 + 21 + 1 + 2 + 51 + 1 + 1 + 33 + 33)
    }

    @Test func theEstimateAddsTheParts() throws {
        let template = TransactionTemplate(nonce: 4123, maxFeePerGas: UInt256(20_000_000), gasLimit: 600_000, to: Self.executor)
        let model = CycleCostModel(template: template)
        let amount = UInt256(10).power(18)
        let baseFee = UInt256(10_000_000), price = UInt256(40_000_000)
        let estimate = try #require(model.estimate(hops: Self.twoHops, amountIn: amount, baseFee: baseFee, l1PricePerUnit: price))
        let calldata = ExecutorCalldata.encode(hops: Self.twoHops, amountIn: amount)
        let transaction = template.signedBytes(data: calldata)
        #expect(estimate.calldataBytes == 51)
        #expect(estimate.transactionBytes == transaction.count)
        #expect(estimate.l1Units == L1PosterFee.units(signedTransaction: transaction))
        // Signatures, addresses and the amount barely compress.
        #expect(estimate.l1Units >= UInt64(transaction.count - 20) * 16)
        #expect(estimate.l1Gas == price * UInt256(estimate.l1Units) / baseFee)
        let intrinsic = calldata.reduce(UInt64(21_000)) { $0 + ($1 == 0 ? 4 : 16) }
        #expect(estimate.l2Gas == intrinsic + 180_590 + 118_520)
        #expect(estimate.totalWei == (estimate.l1Gas + UInt256(estimate.l2Gas)) * baseFee)
        #expect(model.estimate(hops: Self.twoHops, amountIn: amount, baseFee: .zero, l1PricePerUnit: price) == nil)
        print("cost of a 2-hop cycle: \(estimate)")
    }

    @Test func theGasTableIsConfigurable() {
        var table = HopGasTable.receiptMedians
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
