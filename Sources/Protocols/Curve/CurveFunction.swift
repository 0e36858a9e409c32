/// The Curve functions recognised as swaps, each named by its 4-byte selector.
///
/// Vyper gives a function with default arguments one selector per arity, so `exchange(i, j, dx,
/// min_dy, _receiver=msg.sender)` is two cases here. Pool functions take StableSwap `int128` or
/// CryptoSwap `uint256` coin indexes; the router cases are the Curve Router NG's `exchange`.
public enum CurveFunction: UInt32, CaseIterable, Sendable {
    /// `exchange(int128,int128,uint256,uint256)`: every StableSwap pool.
    case exchange = 0x3df0_2124
    /// `exchange(int128,int128,uint256,uint256,address)`: factory and NG StableSwap pools.
    case exchangeToReceiver = 0xddc1_f59d
    /// `exchange_underlying(int128,int128,uint256,uint256)`: metapools and lending pools.
    case exchangeUnderlying = 0xa641_7ed6
    /// `exchange_underlying(int128,int128,uint256,uint256,address)`: factory and NG metapools.
    case exchangeUnderlyingToReceiver = 0x44ee_1986
    /// `exchange_received(int128,int128,uint256,uint256)`: NG pools, input sent beforehand.
    case exchangeReceived = 0x7e3d_b030
    /// `exchange_received(int128,int128,uint256,uint256,address)`.
    case exchangeReceivedToReceiver = 0xafb4_3012
    /// `exchange(uint256,uint256,uint256,uint256)`: every CryptoSwap pool.
    case cryptoExchange = 0x5b41_b908
    /// `exchange(uint256,uint256,uint256,uint256,address)`: Twocrypto-NG, Tricrypto-NG without WETH.
    case cryptoExchangeToReceiver = 0xa648_33a0
    /// `exchange(uint256,uint256,uint256,uint256,bool)`: CryptoSwap v2 and Tricrypto-NG with `use_eth`.
    case cryptoExchangeUsingETH = 0x3947_47c5
    /// `exchange(uint256,uint256,uint256,uint256,bool,address)`.
    case cryptoExchangeUsingETHToReceiver = 0xce7d_6503
    /// `exchange_underlying(uint256,uint256,uint256,uint256)`: the swap in native ETH.
    case cryptoExchangeUnderlying = 0x65b2_489b
    /// `exchange_underlying(uint256,uint256,uint256,uint256,address)`.
    case cryptoExchangeUnderlyingToReceiver = 0xe2ad_025a
    /// `exchange_received(uint256,uint256,uint256,uint256)`: NG crypto pools.
    case cryptoExchangeReceived = 0x29b2_44bb
    /// `exchange_received(uint256,uint256,uint256,uint256,address)`.
    case cryptoExchangeReceivedToReceiver = 0x7676_91e7
    /// `exchange_extended(uint256,uint256,uint256,uint256,bool,address,address,bytes32)`:
    /// Tricrypto-NG, input pulled from `sender` through a callback.
    case cryptoExchangeExtended = 0xdd96_994f
    /// `exchange(address[11],uint256[5][5],uint256,uint256)`: Curve Router NG.
    case routerExchange = 0x371d_c447
    /// `exchange(address[11],uint256[5][5],uint256,uint256,address[5])`: with zap pools.
    case routerExchangeWithPools = 0x5c9c_18e2
    /// `exchange(address[11],uint256[5][5],uint256,uint256,address[5],address)`: and a receiver.
    case routerExchangeToReceiver = 0xc872_a3c5

    /// The canonical signature whose Keccak-256 starts with the selector.
    public var signature: String {
        switch self {
        case .exchange: "exchange(int128,int128,uint256,uint256)"
        case .exchangeToReceiver: "exchange(int128,int128,uint256,uint256,address)"
        case .exchangeUnderlying: "exchange_underlying(int128,int128,uint256,uint256)"
        case .exchangeUnderlyingToReceiver: "exchange_underlying(int128,int128,uint256,uint256,address)"
        case .exchangeReceived: "exchange_received(int128,int128,uint256,uint256)"
        case .exchangeReceivedToReceiver: "exchange_received(int128,int128,uint256,uint256,address)"
        case .cryptoExchange: "exchange(uint256,uint256,uint256,uint256)"
        case .cryptoExchangeToReceiver: "exchange(uint256,uint256,uint256,uint256,address)"
        case .cryptoExchangeUsingETH: "exchange(uint256,uint256,uint256,uint256,bool)"
        case .cryptoExchangeUsingETHToReceiver: "exchange(uint256,uint256,uint256,uint256,bool,address)"
        case .cryptoExchangeUnderlying: "exchange_underlying(uint256,uint256,uint256,uint256)"
        case .cryptoExchangeUnderlyingToReceiver: "exchange_underlying(uint256,uint256,uint256,uint256,address)"
        case .cryptoExchangeReceived: "exchange_received(uint256,uint256,uint256,uint256)"
        case .cryptoExchangeReceivedToReceiver: "exchange_received(uint256,uint256,uint256,uint256,address)"
        case .cryptoExchangeExtended: "exchange_extended(uint256,uint256,uint256,uint256,bool,address,address,bytes32)"
        case .routerExchange: "exchange(address[11],uint256[5][5],uint256,uint256)"
        case .routerExchangeWithPools: "exchange(address[11],uint256[5][5],uint256,uint256,address[5])"
        case .routerExchangeToReceiver: "exchange(address[11],uint256[5][5],uint256,uint256,address[5],address)"
        }
    }

    /// The function's name, as `DecodedSwap.function` reports it.
    public var name: String {
        switch self {
        case .exchangeUnderlying, .exchangeUnderlyingToReceiver,
             .cryptoExchangeUnderlying, .cryptoExchangeUnderlyingToReceiver: "exchange_underlying"
        case .exchangeReceived, .exchangeReceivedToReceiver,
             .cryptoExchangeReceived, .cryptoExchangeReceivedToReceiver: "exchange_received"
        case .cryptoExchangeExtended: "exchange_extended"
        default: "exchange"
        }
    }

    /// Whether this is the Curve Router NG's `exchange` rather than a pool function.
    public var isRouterFunction: Bool {
        self == .routerExchange || self == .routerExchangeWithPools || self == .routerExchangeToReceiver
    }
}
