/// The Universal Router deployments on Arbitrum One, by command set: the value of `version:` on
/// a `universal-router` router in dex.yaml.
///
/// Read from Uniswap/universal-router at the commits that recorded each deployment in
/// `deploy-addresses/arbitrum.json` (`contracts/libraries/Commands.sol`, `contracts/base/Dispatcher.sol`,
/// `script/deployParameters/DeployArbitrum.s.sol`):
///
/// | version | Arbitrum deployments | source commit | type mask | V2 factory in the deploy script |
/// |---|---|---|---|---|
/// | `1` | `0x4C60…9de5` (UniversalRouterV1) | d2575ff4 (v1.1.0) | 0x1f | none (zero address) |
/// | `1.2` | `0x3fC9…7FAD` (first V1_2, May 2023) | 3e16080e | 0x3f | UnsupportedProtocol |
/// | `1.2` | `0xeC8B…03e4` (V1_2_NoV2Support) | 2494e686 | 0x3f | mainnet's address, no pair code on Arbitrum |
/// | `1.2` | `0x5E32…4258` (V1_2_V2Support) | f6c51a20 | 0x3f | Uniswap V2 `0xf1D7…bcf9` |
/// | `2` | `0xa51a…81a3` (UniversalRouterV2, V4 support) | b122a8d2 | 0x3f | Uniswap V2 `0xf1D7…bcf9` |
///
/// The version is the command set only. The three deployments without V2 pairs revert on a V2
/// command; like any call that will revert, its legs are still what the call asks for.
/// Bit 0x80 of a command byte is the allow-revert flag; the bits outside the type mask (0x40,
/// and 0x20 for v1) are ignored by the router, and so here.
public enum UniversalRouterVersion: String, Sendable, CaseIterable {
    /// The first deployment (v1.1.0 code): 5-bit command types, NFT commands, no sub-plans.
    case v1 = "1"
    /// v1.2 code: 6-bit command types, sub-plans, ERC-20 balance check and approval.
    case v1_2 = "1.2"
    /// v2 code: the NFT commands gone, Uniswap V4 swaps and position-manager commands added.
    case v2 = "2"

    /// The bits of a command byte that select the command type.
    public var commandMask: UInt8 { self == .v1 ? 0x1f : 0x3f }

    /// The command a command byte selects.
    public func command(_ byte: UInt8) -> UniversalRouterCommand {
        let type = Int(byte & commandMask)
        switch self {
        case .v1: return Self.v1Table[type]
        case .v1_2: return Self.v1_2Table[type]
        case .v2: return Self.v2Table[type]
        }
    }

    /// Types 0x00–0x0f, the same in every version but for 0x0e (BALANCE_CHECK_ERC20 from v1.2 on).
    private static func uniswapBlock(balanceCheck: Bool) -> [UniversalRouterCommand] {
        [.v3SwapExactIn, .v3SwapExactOut, .permit2TransferFrom, .permit2PermitBatch, .sweep, .transfer, .payPortion, .invalid,
         .v2SwapExactIn, .v2SwapExactOut, .permit2Permit, .wrapETH, .unwrapWETH, .permit2TransferFromBatch,
         balanceCheck ? .balanceCheckERC20 : .invalid, .invalid]
    }

    /// v1: types 0x00–0x1f (mask 0x1f).
    private static let v1Table: [UniversalRouterCommand] = uniswapBlock(balanceCheck: false) + [
        .seaport, .looksRare721, .nftx, .cryptopunks, .looksRare1155, .ownerCheck721, .ownerCheck1155, .sweepERC721,
        .x2y2_721, .sudoswap, .nft20, .x2y2_1155, .foundation, .sweepERC1155, .invalid, .invalid,
    ]

    /// v1.2: types 0x00–0x3f (mask 0x3f).
    private static let v1_2Table: [UniversalRouterCommand] = uniswapBlock(balanceCheck: true) + [
        .seaportV1_5, .looksRareV2, .nftx, .cryptopunks, .unassigned, .ownerCheck721, .ownerCheck1155, .sweepERC721,
        .x2y2_721, .sudoswap, .nft20, .x2y2_1155, .foundation, .sweepERC1155, .elementMarket, .invalid,
        .seaportV1_4, .executeSubPlan, .approveERC20,
    ] + Array(repeating: .invalid, count: 0x3f - 0x22)

    /// v2: types 0x00–0x3f (mask 0x3f).
    private static let v2Table: [UniversalRouterCommand] = uniswapBlock(balanceCheck: true) + [
        .v4Swap, .v3PositionManagerPermit, .v3PositionManagerCall, .v4InitializePool, .v4PositionManagerCall,
    ] + Array(repeating: .invalid, count: 0x21 - 0x15) + [.executeSubPlan] + Array(repeating: .invalid, count: 0x3f - 0x21)
}
