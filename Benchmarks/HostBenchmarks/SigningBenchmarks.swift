import Benchmark
import Engine
import Host
import Kernel

/// What signing costs on the way out: libsecp256k1 alone on a digest; one EIP-1559 transaction
/// with the executor's 2-hop calldata signed (signing hash, signature, envelope, hash); and the
/// whole step from a decided cycle (its hops and input amount) to the signed transaction on the
/// wire: executor calldata, the transaction from the engine's template, signing.
func signingBenchmarks() {
    guard let key = try? PrivateKey(hex: "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318") else {
        fatalError("the benchmark key is invalid")
    }
    let signer = TransactionSigner(key: key)
    let template = TransactionTemplate(nonce: 4123, maxFeePerGas: UInt256(20_000_000), gasLimit: 600_000, to: .zero)
    let hops = [
        ExecutorHop(kind: .uniswapV2, pool: Address(lowBytesOf: Keccak256.hash(Array("pair".utf8))), tokenIn: 0, tokenOut: 1),
        ExecutorHop(kind: .uniswapV3, pool: Address(lowBytesOf: Keccak256.hash(Array("pool".utf8))), tokenIn: 1, tokenOut: 0),
    ]
    let amount = UInt256(1_500_000_000_000_000_000)
    let minimum = UInt256(100_000_000_000_000)
    guard let calldata = try? ExecutorCalldata.encode(hops: hops, amountIn: amount, minimumProfit: minimum) else { fatalError("the benchmark's cycle does not encode") }
    let transaction = template.transaction(data: calldata)
    let digest = transaction.signingHash
    Benchmark("Signing: libsecp256k1 recoverable signature of a digest") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(signer.sign(digest: digest))
        }
    }
    Benchmark("Signing: EIP-1559 transaction, 2-hop executor calldata (hash, sign, envelope, hash)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(signer.sign(transaction))
        }
    }
    Benchmark("Signing: decided 2-hop cycle to signed transaction (calldata, template, sign)") { benchmark in
        for i in benchmark.scaledIterations {
            guard let data = try? ExecutorCalldata.encode(hops: hops, amountIn: amount + UInt256(UInt64(i)), minimumProfit: minimum) else { continue }
            blackHole(signer.sign(template.transaction(data: data)))
        }
    }
}
