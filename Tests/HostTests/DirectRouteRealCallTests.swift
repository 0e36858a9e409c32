import Foundation
@testable import Host
import Kernel
import Testing
import TestSupport

/// Real direct-route calls through the real config: an Augustus V5 `directUniV3Swap`
/// (Fixtures/paraswap_v5_direct_univ3.json), whose SwapRouter call is Uniswap V3's leg with the
/// user's minimum, and an Augustus V6.2 `swapExactAmountInOnUniswapV3` naming its real pool.
@Suite struct DirectRouteRealCallTests {
    typealias S = ConfigTestSupport

    @Test func realDirectUniV3SwapIsTheSwapRoutersLeg() throws {
        let row = try #require(try Fixture.json("paraswap_v5_direct_univ3.json").objects("transactions").first)
        let tx = try TransactionDecoder.decode(try Hex.decode(try #require(row["raw"] as? String)))
        #expect(tx.hash.description == row["hash"] as? String)
        var classifier = SwapClassifier(try ConfigLoader().load(path: S.realConfigPath))
        guard case .swap(let dex, let swap) = classifier.classify(ContractCall(to: try #require(tx.to), data: tx.data, value: tx.value)) else {
            Issue.record("not recognised")
            return
        }
        let weth = try Address(hex: "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1")
        let usdc = try Address(hex: "0xaf88d065e77c8cC2239327C5EDb3A432268e5831")
        let augustus = try Address(hex: "0xDEF171Fe48CF0115B1d80b88dc8eAB59176FEe57")
        #expect(dex == "paraswap")
        #expect(swap.function == "directUniV3Swap")
        #expect(swap.unknownRoutes.isEmpty)
        // fromToken ETH, fromAmount 3 ETH, no fee (no partner), toAmount 9,962.607035 USDC.
        let leg = SwapLeg(dex: "uniswap-v3", hops: [SwapHop(tokenIn: weth, tokenOut: usdc, pool: .byTokens(fee: 500))],
                          amount: .exactIn(UInt256(3_000_000_000_000_000_000)), limit: UInt256(9_962_607_035), recipient: augustus,
                          deadline: UInt256(1_712_350_292))
        #expect(swap.legs == [leg])
    }

    /// A real Augustus V6.2 `swapExactAmountInOnUniswapV3` (150 USDC to WETH), the calldata a
    /// contract forwarded to the router inside the fixture's transaction 0x6588…50f8 (shared
    /// fixtures/chain/arbitrum_txs.json, block 277,143,762): its pool is the real WETH/USDC
    /// 0.01% pool, derived by CREATE2 from the configured Uniswap V3 factory.
    @Test func realNestedV62UniswapV3CallNamesItsPool() throws {
        let data = try Hex.decode(
            "0x876a02f60000000000000000000000000000000000000000000000000000000000000060053d55f9b5af8694c503eb288a1b7e552f5907109800000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000000001e0000000000000000000000000af88d065e77c8cc2239327c5edb3a432"
            + "268e583100000000000000000000000082af49447d8a07e3bd95bd0d56f35241523fbab100000000000000000000000000000000000000000000000000000000"
            + "08f0d18000000000000000000000000000000000000000000000000000a1bfc868f1378e00000000000000000000000000000000000000000000000000a1e93b"
            + "69d0e9f65427ee93a190448bb38a4f33e4237cb60000000000000000000000001084e07d00000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000"
            + "0000006000000000000000000000000082af49447d8a07e3bd95bd0d56f35241523fbab1000000000000000000000000af88d065e77c8cc2239327c5edb3a432"
            + "268e5831000000000000000000000000000000000000000000000000000000000000006400000000000000000000000000000000000000000000000000000000"
            + "00000000")
        let augustus = try Address(hex: "0x6A000F20005980200259B80c5102003040001068")
        var classifier = SwapClassifier(try ConfigLoader().load(path: S.realConfigPath))
        guard case .swap(let dex, let swap) = classifier.classify(ContractCall(to: augustus, data: data[...], value: .zero)) else {
            Issue.record("not recognised")
            return
        }
        let weth = try Address(hex: "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1")
        let usdc = try Address(hex: "0xaf88d065e77c8cC2239327C5EDb3A432268e5831")
        let pool = try Address(hex: "0x6f38e884725a116C9C7fBF208e79FE8828a2595F")
        #expect(dex == "paraswap")
        #expect(swap.legs == [SwapLeg(dex: "paraswap", hops: [SwapHop(tokenIn: usdc, tokenOut: weth, pool: .pool(pool, zeroForOne: false))],
                                      amount: .exactIn(UInt256(150_000_000)), limit: UInt256(45_528_338_725_418_894), recipient: .zero, deadline: nil)])
    }
}
