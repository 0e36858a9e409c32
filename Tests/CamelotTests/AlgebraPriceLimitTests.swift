import Kernel
import Testing
import Camelot

/// The price limits of Algebra's single-hop router functions and of the pool's swap functions,
/// on calldata built here (the real Camelot calls in the fixtures all pass 0; the generated
/// vectors cover both at random).
@Suite struct AlgebraPriceLimitTests {
    let decoder: any SwapDecoder
    let pool = ArbitrumEntries.address("0xB1026b8e7276e7AC75410F1fcbbe21796e8f7526")

    init() throws {
        decoder = try CamelotV3Plugin(entry: DEXEntry(
            name: "camelot-v3", plugin: "camelot-v3", enabled: true, routers: ArbitrumEntries.camelotV3.routers,
            factories: ArbitrumEntries.camelotV3.factories, fees: [], pools: [.init(name: "WETH/USDC", address: pool, coins: [], kind: nil)])).decoder
    }

    /// Words of the calldata after a selector.
    func call(_ selector: String, _ words: [UInt256], tail: [UInt8] = []) -> [UInt8] {
        ((try? Hex.decode(selector)) ?? []) + words.flatMap(\.bigEndianBytes) + tail
    }

    func address(_ value: Address) -> UInt256 { UInt256(bigEndian: [UInt8](repeating: 0, count: 12) + value.bytes) ?? .zero }

    @Test func singleHopRouterCallsCarryANonZeroLimit() throws {
        let limit = UInt256(decimal: "79228162514264337593543950336") ?? .zero
        let (weth, usdc, recipient) = (address(ArbitrumEntries.weth), address(ArbitrumEntries.usdc), address(Address(precompile: 1)))
        for (priceLimit, expected) in [(limit, Optional(limit)), (UInt256.zero, nil)] {
            let calls = [
                // exactInputSingle((tokenIn, tokenOut, recipient, deadline, amountIn, amountOutMinimum, limitSqrtPrice))
                call("bc651188", [weth, usdc, recipient, UInt256(1_700_000_000), UInt256(1_000), .one, priceLimit]),
                // exactInputSingleSupportingFeeOnTransferTokens(the same tuple)
                call("b87d2524", [weth, usdc, recipient, UInt256(1_700_000_000), UInt256(1_000), .one, priceLimit]),
                // exactOutputSingle((tokenIn, tokenOut, fee, recipient, deadline, amountOut, amountInMaximum, limitSqrtPrice))
                call("db3e2198", [weth, usdc, .zero, recipient, UInt256(1_700_000_000), UInt256(1_000), UInt256(9_000), priceLimit]),
            ]
            for data in calls {
                let leg = try #require(try decoder.decode(ContractCall(to: ArbitrumEntries.algebraRouter, data: data[...], value: .zero))?.legs.first)
                #expect(leg.hops == [SwapHop(tokenIn: ArbitrumEntries.weth, tokenOut: ArbitrumEntries.usdc, pool: .byTokens(fee: nil), sqrtPriceLimitX96: expected)])
            }
        }
    }

    @Test func poolSwapsCarryANonZeroLimit() throws {
        let limit = UInt256(4_295_128_740)
        let recipient = address(Address(precompile: 2))
        let emptyBytes = [UInt256(0x20 * 5), .zero]
        // swap(recipient, zeroToOne, amountRequired, limitSqrtPrice, data): exact output of 500.
        let swap = call("128acb08", [recipient, .one, UInt256.zero &- UInt256(500), limit] + emptyBytes)
        // swapSupportingFeeOnInputTokens(sender, recipient, zeroToOne, amountRequired, limitSqrtPrice, data).
        let feeOnInput = call("71334694", [recipient, recipient, .zero, UInt256(800), limit, UInt256(0x20 * 6), .zero])
        for (data, zeroForOne, amount) in [(swap, true, SwapAmount.exactOut(UInt256(500))), (feeOnInput, false, .exactIn(UInt256(800)))] {
            let leg = try #require(try decoder.decode(ContractCall(to: pool, data: data[...], value: .zero))?.legs.first)
            #expect(leg.hops == [SwapHop(tokenIn: nil, tokenOut: nil, pool: .pool(pool, zeroForOne: zeroForOne), sqrtPriceLimitX96: limit)])
            #expect(leg.amount == amount)
        }
    }
}
