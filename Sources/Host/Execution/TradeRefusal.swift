/// Why a trade the engine found was not sent: each limit, the kill switch, and what the desk
/// itself could not do. The raw value is the `reason` label of `mev_execution_blocked_total`.
public enum TradeRefusal: String, Error, Sendable, CaseIterable, Equatable {
    /// The kill switch is on (its file exists, or `SIGUSR1` was received).
    case killSwitch = "kill_switch"
    /// The day's realised loss passed `dailyLossLimitWei`: no trade until the next UTC day.
    case dailyLoss = "daily_loss"
    /// The cycle's base token has no `maxInput`: it is not traded.
    case tokenNotAllowed = "token_not_allowed"
    /// The input is above the base token's `maxInput`.
    case inputTooLarge = "input_too_large"
    /// The fee cap the trade needs is above `maxGasPriceWei`.
    case gasPrice = "gas_price"
    /// The net profit after the real signed transaction's costs is below `minNetProfitWei`.
    case profitTooLow = "profit_too_low"
    /// The re-quote on the newest pending state fell more than `maxSlippageBps` (or reverted).
    case slippage
    /// `maxTradesPerBlock` trades were already sent for the block.
    case tradesPerBlock = "trades_per_block"
    /// A pool of the cycle is in a trade still in flight.
    case poolBusy = "pool_busy"
    /// The nonce is being read back from the chain after a gap or a rejection.
    case nonceResync = "nonce_resync"
    /// A hop of the cycle has no executor encoding.
    case unencodable
}
