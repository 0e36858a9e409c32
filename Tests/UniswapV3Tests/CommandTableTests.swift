import Kernel
import Testing
import UniswapV3

/// The Universal Router command tables, per deployment version, as Commands.sol and
/// Dispatcher.sol define them at the deployment commits (see `UniversalRouterVersion`).
@Suite struct CommandTableTests {
    typealias C = UniversalRouterCommand

    /// Types 0x00–0x0f; 0x0e is BALANCE_CHECK_ERC20 from v1.2 on.
    static func uniswapBlock(_ slot0e: C) -> [C] {
        [.v3SwapExactIn, .v3SwapExactOut, .permit2TransferFrom, .permit2PermitBatch, .sweep, .transfer, .payPortion, .invalid,
         .v2SwapExactIn, .v2SwapExactOut, .permit2Permit, .wrapETH, .unwrapWETH, .permit2TransferFromBatch, slot0e, .invalid]
    }

    static let v1: [C] = uniswapBlock(.invalid) + [
        .seaport, .looksRare721, .nftx, .cryptopunks, .looksRare1155, .ownerCheck721, .ownerCheck1155, .sweepERC721,
        .x2y2_721, .sudoswap, .nft20, .x2y2_1155, .foundation, .sweepERC1155, .invalid, .invalid,
    ]

    static let v1_2: [C] = uniswapBlock(.balanceCheckERC20) + [
        .seaportV1_5, .looksRareV2, .nftx, .cryptopunks, .unassigned, .ownerCheck721, .ownerCheck1155, .sweepERC721,
        .x2y2_721, .sudoswap, .nft20, .x2y2_1155, .foundation, .sweepERC1155, .elementMarket, .invalid,
        .seaportV1_4, .executeSubPlan, .approveERC20,
    ] + [C](repeating: .invalid, count: 29)

    static let v2: [C] = uniswapBlock(.balanceCheckERC20) + [.v4Swap, .v3PositionManagerPermit, .v3PositionManagerCall, .v4InitializePool, .v4PositionManagerCall]
        + [C](repeating: .invalid, count: 12) + [.executeSubPlan] + [C](repeating: .invalid, count: 30)

    @Test func everyTypeOfEveryVersion() {
        let tables: [(UniversalRouterVersion, [C])] = [(.v1, Self.v1), (.v1_2, Self.v1_2), (.v2, Self.v2)]
        for (version, table) in tables {
            #expect(table.count == Int(version.commandMask) + 1)
            for byte in 0...UInt8.max {
                #expect(version.command(byte) == table[Int(byte & version.commandMask)], "\(version) \(byte)")
            }
        }
    }

    /// The flag and the bits the mask drops do not change the command: v1 reads 0x21 as
    /// V3_SWAP_EXACT_OUT (it has no sub-plans), v1.2 and v2 read 0x61 and 0xe1 as EXECUTE_SUB_PLAN.
    @Test func maskAndFlag() {
        #expect(UniversalRouterVersion.v1.command(0x21) == .v3SwapExactOut)
        #expect(UniversalRouterVersion.v1.command(0xe0) == .v3SwapExactIn)
        #expect(UniversalRouterVersion.v1_2.command(0x61) == .executeSubPlan)
        #expect(UniversalRouterVersion.v2.command(0xe1) == .executeSubPlan)
        #expect(UniversalRouterVersion.v2.command(0x90) == .v4Swap)
    }

    @Test func versions() {
        #expect(UniversalRouterVersion.allCases.map(\.rawValue) == ["1", "1.2", "2"])
    }

    /// A V2 swap command gives a `uniswap-v2` leg on every deployment (an exact input of 0 is
    /// ALREADY_PAID: the router-balance amount); a v1 command byte 0x21 is a V3 exact-output swap.
    @Test func v2CommandsPerDeployment() throws {
        let decoder = try uniswapDecoder()
        let path: [ABIValue] = [.address(Arbitrum.weth), .address(Arbitrum.usdc)]
        let v2Input = ABIValue.encodeTuple([.address(Arbitrum.weth), .uint(0), .uint(5), .array(path), .bool(false)])
        let data = calldata(0x2485_6bc3, [.bytes([0x08]), .array([.bytes(v2Input)])])
        let expected = SwapLeg(dex: "uniswap-v2", hops: [SwapHop(tokenIn: Arbitrum.weth, tokenOut: Arbitrum.usdc, pool: .byTokens(fee: nil))],
                               amount: .exactInRouterBalance, limit: 5, recipient: Arbitrum.weth, deadline: nil)
        for (name, router, _) in Arbitrum.universalRouters {
            let decoded = try decoder.decode(ContractCall(to: router, data: data[...], value: .zero))
            #expect(decoded == DecodedSwap(function: "execute", legs: [expected]), "\(name)")
        }
        let v3Out = ABIValue.encodeTuple([.address(Arbitrum.weth), .uint(7), .uint(9), .bytes(v3Path([Arbitrum.usdc, Arbitrum.weth], fees: [500])), .bool(true)])
        let v1 = try decoder.decode(ContractCall(to: Arbitrum.universalRouters[0].1, data: calldata(0x2485_6bc3, [.bytes([0x21]), .array([.bytes(v3Out)])])[...], value: .zero))
        #expect(v1?.legs.first?.amount == .exactOut(7))
        #expect(v1?.legs.first?.hops == [SwapHop(tokenIn: Arbitrum.weth, tokenOut: Arbitrum.usdc, pool: .byTokens(fee: 500))])
    }
}
