/// The arguments a pool function takes after `i, j, dx, min_dy`.
enum PoolCallTail {
    /// None: the output goes to `msg.sender`.
    case none
    /// `receiver`.
    case receiver
    /// `use_eth`.
    case useETH
    /// `use_eth, receiver`.
    case useETHThenReceiver
    /// `use_eth, sender, receiver, cb` (`exchange_extended`).
    case extended

    /// How many head words it adds.
    var words: Int {
        switch self {
        case .none: 0
        case .receiver, .useETH: 1
        case .useETHThenReceiver: 2
        case .extended: 4
        }
    }

    /// The head word holding the receiver, where there is one.
    var receiverWord: Int? {
        switch self {
        case .none, .useETH: nil
        case .receiver: 4
        case .useETHThenReceiver: 5
        case .extended: 6
        }
    }

    /// The name of the argument in head word `word` of the whole call.
    func field(atWord word: Int) -> StaticString {
        switch (word, self) {
        case (0, _): "i"
        case (1, _): "j"
        case (2, _): "dx"
        case (3, _): "min_dy"
        case (4, .receiver): "receiver"
        case (4, _): "use_eth"
        case (5, .extended): "sender"
        case (5, _), (6, _): "receiver"
        default: "cb"
        }
    }
}

extension CurveFunction {
    /// Whether a pool function takes StableSwap `int128` indexes (else CryptoSwap `uint256`).
    var takesSignedIndexes: Bool {
        switch self {
        case .exchange, .exchangeToReceiver, .exchangeUnderlying, .exchangeUnderlyingToReceiver,
             .exchangeReceived, .exchangeReceivedToReceiver: true
        default: false
        }
    }

    /// Whether it is an `exchange_underlying`.
    var swapsUnderlying: Bool {
        switch self {
        case .exchangeUnderlying, .exchangeUnderlyingToReceiver,
             .cryptoExchangeUnderlying, .cryptoExchangeUnderlyingToReceiver: true
        default: false
        }
    }

    /// The arguments after `i, j, dx, min_dy` of a pool function.
    var poolCallTail: PoolCallTail {
        switch self {
        case .exchangeToReceiver, .exchangeUnderlyingToReceiver, .exchangeReceivedToReceiver,
             .cryptoExchangeToReceiver, .cryptoExchangeUnderlyingToReceiver, .cryptoExchangeReceivedToReceiver: .receiver
        case .cryptoExchangeUsingETH: .useETH
        case .cryptoExchangeUsingETHToReceiver: .useETHThenReceiver
        case .cryptoExchangeExtended: .extended
        default: .none
        }
    }
}
