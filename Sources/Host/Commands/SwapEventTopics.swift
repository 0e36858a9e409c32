import Kernel

/// The topic0 of every pool event that reports a swap, of the families the config can hold:
/// what `coverage` compares the recognised legs' pools against.
enum SwapEventTopics {
    /// The event signatures: Uniswap V2 and its forks (Camelot V2, SushiSwap); Uniswap V3 and
    /// Algebra (Camelot V3), which share one; PancakeSwap V3 (two protocol-fee fields more);
    /// Curve's stableswap (int128 coins), crypto (uint256 coins) and tricrypto-NG exchanges.
    static let signatures = [
        "Swap(address,uint256,uint256,uint256,uint256,address)",
        "Swap(address,address,int256,int256,uint160,uint128,int24)",
        "Swap(address,address,int256,int256,uint160,uint128,int24,uint128,uint128)",
        "TokenExchange(address,int128,uint256,int128,uint256)",
        "TokenExchange(address,uint256,uint256,uint256,uint256)",
        "TokenExchange(address,uint256,uint256,uint256,uint256,uint256,uint256)",
    ]

    /// The topics of `signatures`.
    static let all: Set<Hash32> = Set(signatures.map { Keccak256.hash(Array($0.utf8)) })
}
