import Benchmark
import Engine
import Kernel

/// What reporting an opportunity costs once the engine has found it: its JSON object (EIP-55
/// addresses, decimal amounts) rendered as the line `run` and `replay` print.
func reportBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 100,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )
    // WETH → USDC → WETH through two real Arbitrum pools, amounts of a realistic size.
    func address(_ hex: String) -> Address {
        guard let address = try? Address(hex: hex) else { fatalError("bad benchmark address \(hex)") }
        return address
    }
    let weth = address("0x82af49447d8a07e3bd95bd0d56f35241523fbab1")
    let usdc = address("0xaf88d065e77c8cc2239327c5edb3a432268e5831")
    guard let trigger = try? Hash32(hex: "0x" + String(repeating: "ab", count: 32)) else { fatalError("bad benchmark hash") }
    let amountIn = UInt256(1_234_567_890_123_456_789)
    let opportunity = Opportunity(
        sequenceNumber: 123_456_789, trigger: trigger, block: 280_000_000, token: weth,
        cycle: [
            Opportunity.Hop(pool: address("0xc6962004f452be9203591991d15f6b388e09e8d0"), dex: "uniswap-v3", tokenIn: weth, tokenOut: usdc,
                            amountIn: amountIn, amountOut: UInt256(4_321_987_654)),
            Opportunity.Hop(pool: address("0x905dfcd5649217c42684f23958568e533c711aa3"), dex: "sushiswap-v2", tokenIn: usdc, tokenOut: weth,
                            amountIn: UInt256(4_321_987_654), amountOut: UInt256(1_240_000_000_000_000_000)),
        ],
        amountIn: amountIn, amountOut: UInt256(1_240_000_000_000_000_000), grossProfit: UInt256(5_432_109_876_543_211),
        gasUnits: 310_000, l2Cost: UInt256(3_100_000_000_000), l1Cost: UInt256(1_900_000_000_000),
        netProfit: UInt256(5_427_109_876_543_211), netProfitEth: UInt256(5_427_109_876_543_211), stateVersion: 42, executorHops: [])
    Benchmark("Opportunity report line, 2 hops: JSON object and its text (per op)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(JSONValue.object(opportunity.json).rendered)
        }
    }
}
