import Kernel

/// The topic0 of each StableSwap event that changes the state `CurveStableSwapPool` holds.
///
/// Classic pools log fixed `uint256[N_COINS]` arrays, so their liquidity events have one
/// signature per coin count (2 to 4 coins in curve-contract); NG pools log dynamic arrays.
enum CurveStableSwapEvents {
    /// `TokenExchange(address,int128,uint256,int128,uint256)`, every variant.
    static let tokenExchange = topic("TokenExchange(address,int128,uint256,int128,uint256)")
    /// `TokenExchangeUnderlying(address,int128,uint256,int128,uint256)`.
    static let tokenExchangeUnderlying = topic("TokenExchangeUnderlying(address,int128,uint256,int128,uint256)")
    /// `RampA(uint256,uint256,uint256,uint256)`: the precise A at the start and the end, and the
    /// two times.
    static let rampA = topic("RampA(uint256,uint256,uint256,uint256)")
    /// `StopRampA(uint256,uint256)`: the precise A the ramp stopped at, and the time.
    static let stopRampA = topic("StopRampA(uint256,uint256)")
    /// Classic `NewFee(uint256,uint256)`: fee and admin fee.
    static let newFee = topic("NewFee(uint256,uint256)")
    /// NG `ApplyNewFee(uint256,uint256)`: fee and offpeg fee multiplier.
    static let applyNewFee = topic("ApplyNewFee(uint256,uint256)")
    /// NG `RemoveLiquidityOne(address,int128,uint256,uint256,uint256)`.
    static let removeLiquidityOneNG = topic("RemoveLiquidityOne(address,int128,uint256,uint256,uint256)")
    /// Classic `RemoveLiquidityOne(address,uint256,uint256,uint256)` (no coin index in the log).
    static let removeLiquidityOne = topic("RemoveLiquidityOne(address,uint256,uint256,uint256)")
    /// Classic `RemoveLiquidityOne(address,uint256,uint256)` of the oldest pools.
    static let removeLiquidityOneOld = topic("RemoveLiquidityOne(address,uint256,uint256)")

    /// The liquidity events of one array shape: add, remove, remove imbalanced.
    struct LiquidityTopics {
        /// `AddLiquidity(address,A,A,uint256,uint256)`.
        let add: Hash32
        /// `RemoveLiquidity(address,A,A,uint256)`.
        let remove: Hash32
        /// `RemoveLiquidityImbalance(address,A,A,uint256,uint256)`.
        let removeImbalance: Hash32

        /// The topics for array type `array` (`uint256[3]`, `uint256[]`).
        init(array: String) {
            add = topic("AddLiquidity(address,\(array),\(array),uint256,uint256)")
            remove = topic("RemoveLiquidity(address,\(array),\(array),uint256)")
            removeImbalance = topic("RemoveLiquidityImbalance(address,\(array),\(array),uint256,uint256)")
        }
    }

    /// Classic liquidity topics for `coins` coins; nil beyond the 4 coins classic pools have.
    static func classicLiquidity(coins: Int) -> LiquidityTopics? {
        switch coins {
        case 2: classic2
        case 3: classic3
        case 4: classic4
        default: nil
        }
    }

    /// `uint256[2]` liquidity events.
    static let classic2 = LiquidityTopics(array: "uint256[2]")
    /// `uint256[3]` liquidity events.
    static let classic3 = LiquidityTopics(array: "uint256[3]")
    /// `uint256[4]` liquidity events.
    static let classic4 = LiquidityTopics(array: "uint256[4]")
    /// NG `uint256[]` liquidity events.
    static let ngLiquidity = LiquidityTopics(array: "uint256[]")

    /// Every topic above.
    static let all: [Hash32] = [
        tokenExchange, tokenExchangeUnderlying, rampA, stopRampA, newFee, applyNewFee,
        removeLiquidityOneNG, removeLiquidityOne, removeLiquidityOneOld,
    ] + [classic2, classic3, classic4, ngLiquidity].flatMap { [$0.add, $0.remove, $0.removeImbalance] }

    /// The Keccak-256 of an event signature.
    static func topic(_ signature: String) -> Hash32 {
        Keccak256.hash(Array(signature.utf8))
    }
}
