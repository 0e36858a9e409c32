import Kernel
import Testing
import UniswapV3

/// The allow-revert flag of Universal Router commands and the price limits of single-hop router
/// calls and direct pool calls, on calldata built here. (No real transaction in the fixtures sets
/// the allow-revert flag or a non-zero price limit; the generated vectors cover both at random.)
@Suite struct LegFlagsAndLimitsTests {
    let decoder: any SwapDecoder

    init() throws {
        decoder = try uniswapDecoder()
    }

    /// CONSTRUCTED: `execute(commands, inputs, deadline)` on UniversalRouterV1_2_V2Support with a
    /// flagged V3 exact input (0x80), a plain V2 exact input (0x08), a flagged V3 exact output
    /// with the ignored bit 0x40 set too (0xc1), and a flagged sub-plan (0xa1) holding one plain
    /// V3 exact input: each leg carries its own command's flag, the sub-plan's is not copied.
    @Test func allowRevertFollowsEachSwapCommandsFlag() throws {
        let path = v3Path([Arbitrum.weth, Arbitrum.usdc], fees: [500])
        let recipient = Address(precompile: 1)
        func v3Input(_ amount: UInt64) -> [UInt8] {
            ABIValue.encodeTuple([.address(recipient), .uint(UInt256(amount)), .uint(.one), .bytes(path), .bool(true)])
        }
        let v2Input = ABIValue.encodeTuple([.address(recipient), .uint(UInt256(7)), .uint(.one), .array([.address(Arbitrum.usdc), .address(Arbitrum.weth)]), .bool(false)])
        let subPlan = ABIValue.encodeTuple([.bytes([0x00]), .array([.bytes(v3Input(9))])])
        let router = try #require(Arbitrum.universalRouters.first { $0.0 == "UniversalRouterV1_2_V2Support" }?.1)
        let data = calldata(0x3593_564c, [  // execute(bytes,bytes[],uint256)
            .bytes([0x80, 0x08, 0xc1, 0xa1]), .array([.bytes(v3Input(5)), .bytes(v2Input), .bytes(v3Input(6)), .bytes(subPlan)]), .uint(UInt256(1_700_000_000)),
        ])
        let decoded = try #require(try decoder.decode(ContractCall(to: router, data: data[...], value: .zero)))
        #expect(decoded.legs.map(\.allowRevert) == [true, false, true, false])
        #expect(decoded.legs.map(\.amount) == [.exactIn(UInt256(5)), .exactIn(UInt256(7)), .exactOut(UInt256(6)), .exactIn(UInt256(9))])
        #expect(decoded.legs.allSatisfy { $0.hops.allSatisfy { $0.sqrtPriceLimitX96 == nil } })
    }

    /// SwapRouter's `exactInputSingle` and SwapRouter02's `exactOutputSingle`: a non-zero
    /// `sqrtPriceLimitX96` is the hop's, zero is none.
    @Test func singleHopCallsCarryTheirPriceLimit() throws {
        let limit = UInt256(decimal: "1461446703485210103287273052203988822378723970341") ?? .zero
        for (priceLimit, expected) in [(limit, Optional(limit)), (UInt256.zero, nil)] {
            let input = calldata(0x414b_f389, [.tuple([  // exactInputSingle, SwapRouter's struct with a deadline
                .address(Arbitrum.weth), .address(Arbitrum.usdc), .uint(UInt256(500)), .address(Address(precompile: 1)),
                .uint(UInt256(1_700_000_000)), .uint(UInt256(1_000)), .uint(.one), .uint(priceLimit),
            ])])
            let output = calldata(0x5023_b4df, [.tuple([  // exactOutputSingle, SwapRouter02's struct
                .address(Arbitrum.usdc), .address(Arbitrum.weth), .uint(UInt256(3000)), .address(Address(precompile: 2)),
                .uint(UInt256(1_000)), .uint(UInt256(5_000)), .uint(priceLimit),
            ])])
            for (router, data) in [(Arbitrum.swapRouter, input), (Arbitrum.swapRouter02, output)] {
                let leg = try #require(try decoder.decode(ContractCall(to: router, data: data[...], value: .zero))?.legs.first)
                #expect(leg.hops.map(\.sqrtPriceLimitX96) == [expected])
                #expect(!leg.allowRevert)
            }
        }
    }

    /// `swap(recipient, zeroForOne, amountSpecified, sqrtPriceLimitX96, data)` on the pool.
    @Test func directPoolCallsCarryTheirPriceLimit() throws {
        let limit = UInt256(4_295_128_740)
        let data = calldata(0x128a_cb08, [
            .address(Address(precompile: 3)), .bool(true), .uint(UInt256.zero &- UInt256(1_000)), .uint(limit), .bytes([]),
        ])
        let leg = try #require(try decoder.decode(ContractCall(to: Arbitrum.wethUsdcPool, data: data[...], value: .zero))?.legs.first)
        #expect(leg.hops == [SwapHop(tokenIn: Arbitrum.weth, tokenOut: Arbitrum.usdc, pool: .pool(Arbitrum.wethUsdcPool, zeroForOne: true), sqrtPriceLimitX96: limit)])
        #expect(leg.amount == .exactOut(UInt256(1_000)))
    }
}
