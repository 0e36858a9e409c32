/// A Universal Router command type (the command byte after the version's type mask), named as
/// in Uniswap/universal-router's `contracts/libraries/Commands.sol`.
public enum UniversalRouterCommand: String, Sendable, CaseIterable {
    /// `(address recipient, uint256 amountIn, uint256 amountOutMin, bytes path, bool payerIsUser)`.
    case v3SwapExactIn = "V3_SWAP_EXACT_IN"
    /// `(address recipient, uint256 amountOut, uint256 amountInMax, bytes path, bool payerIsUser)`.
    case v3SwapExactOut = "V3_SWAP_EXACT_OUT"
    /// `(address recipient, uint256 amountIn, uint256 amountOutMin, address[] path, bool payerIsUser)`.
    case v2SwapExactIn = "V2_SWAP_EXACT_IN"
    /// `(address recipient, uint256 amountOut, uint256 amountInMax, address[] path, bool payerIsUser)`.
    case v2SwapExactOut = "V2_SWAP_EXACT_OUT"
    /// `(bytes commands, bytes[] inputs)`: a nested plan run by a call to the router itself.
    case executeSubPlan = "EXECUTE_SUB_PLAN"

    /// Permit2 transfer to a recipient.
    case permit2TransferFrom = "PERMIT2_TRANSFER_FROM"
    /// Permit2 batch permit signature.
    case permit2PermitBatch = "PERMIT2_PERMIT_BATCH"
    /// Permit2 single permit signature.
    case permit2Permit = "PERMIT2_PERMIT"
    /// Permit2 batch transfer.
    case permit2TransferFromBatch = "PERMIT2_TRANSFER_FROM_BATCH"
    /// Sends the router's whole balance of a token to a recipient, with a minimum.
    case sweep = "SWEEP"
    /// Sends an amount of the router's token to a recipient.
    case transfer = "TRANSFER"
    /// Sends a share (in basis points) of the router's token to a recipient.
    case payPortion = "PAY_PORTION"
    /// Wraps the router's ETH into WETH.
    case wrapETH = "WRAP_ETH"
    /// Unwraps the router's WETH into ETH for a recipient.
    case unwrapWETH = "UNWRAP_WETH"
    /// Fails the command unless an owner holds a minimum balance of a token.
    case balanceCheckERC20 = "BALANCE_CHECK_ERC20"
    /// Approves a protocol to spend the router's token (v1.2).
    case approveERC20 = "APPROVE_ERC20"

    /// A Uniswap V4 swap through the PoolManager (v2): another DEX family, not decoded here.
    case v4Swap = "V4_SWAP"
    /// A permit call on the V3 position manager (v2).
    case v3PositionManagerPermit = "V3_POSITION_MANAGER_PERMIT"
    /// A liquidity call on the V3 position manager (v2).
    case v3PositionManagerCall = "V3_POSITION_MANAGER_CALL"
    /// Initialises a V4 pool (v2).
    case v4InitializePool = "V4_INITIALIZE_POOL"
    /// A call on the V4 position manager (v2).
    case v4PositionManagerCall = "V4_POSITION_MANAGER_CALL"

    /// Seaport (v1).
    case seaport = "SEAPORT"
    /// Seaport 1.5 (v1.2).
    case seaportV1_5 = "SEAPORT_V1_5"
    /// Seaport 1.4 (v1.2).
    case seaportV1_4 = "SEAPORT_V1_4"
    /// LooksRare ERC-721 (v1).
    case looksRare721 = "LOOKS_RARE_721"
    /// LooksRare ERC-1155 (v1).
    case looksRare1155 = "LOOKS_RARE_1155"
    /// LooksRare V2 (v1.2).
    case looksRareV2 = "LOOKS_RARE_V2"
    /// NFTX zap.
    case nftx = "NFTX"
    /// CryptoPunks purchase.
    case cryptopunks = "CRYPTOPUNKS"
    /// ERC-721 ownership check.
    case ownerCheck721 = "OWNER_CHECK_721"
    /// ERC-1155 balance check.
    case ownerCheck1155 = "OWNER_CHECK_1155"
    /// Sweeps an ERC-721.
    case sweepERC721 = "SWEEP_ERC721"
    /// X2Y2 ERC-721.
    case x2y2_721 = "X2Y2_721"
    /// Sudoswap.
    case sudoswap = "SUDOSWAP"
    /// NFT20 zap.
    case nft20 = "NFT20"
    /// X2Y2 ERC-1155.
    case x2y2_1155 = "X2Y2_1155"
    /// Foundation.
    case foundation = "FOUNDATION"
    /// Sweeps an ERC-1155.
    case sweepERC1155 = "SWEEP_ERC1155"
    /// Element market (v1.2).
    case elementMarket = "ELEMENT_MARKET"

    /// v1.2's 0x14 (LooksRare 1155 until v1): no branch matches it, so it does nothing and succeeds.
    case unassigned = "UNASSIGNED"
    /// A placeholder: the router reverts with `InvalidCommandType`.
    case invalid = "INVALID"
}
