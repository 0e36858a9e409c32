import Kernel

/// The contents of `config/dex.yaml` after every field has been read and checked.
struct DEXConfig: Sendable, Equatable {
    /// The chain the file describes (42161 for Arbitrum One).
    var chainId: UInt64
    /// The tokens the engine trades, in file order.
    var tokens: [Token]
    /// The DEX entries, in file order, enabled or not.
    var dexes: [DEXEntry]

    /// A token: an ERC-20 the engine knows by symbol.
    struct Token: Sendable, Equatable {
        /// The symbol, unique in the file (e.g. `USDC.e`); pool `coins` may name tokens by it.
        var symbol: String
        /// The contract.
        var address: Address
        /// The token's decimals, 0 to 77 (10^77 is the largest power of ten below 2^256).
        var decimals: UInt8
    }
}
