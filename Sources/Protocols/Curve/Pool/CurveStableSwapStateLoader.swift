import Kernel

/// Loads a StableSwap pool in one round of calls: `A_precise()` (`A()` for legacy pools), `fee()`,
/// `admin_fee()` (classic, lending and legacy pools) or `offpeg_fee_multiplier()` and
/// `stored_rates()` (NG), `balances(i)` for each coin, and the A ramp (`initial_A()`,
/// `future_A()`, `initial_A_time()`, `future_A_time()`). Classic, lending and legacy pools take
/// their rates from the caller: the constant `RATES` (`10^(36 - decimals)`) or the lending coins'
/// stored rates.
public struct CurveStableSwapStateLoader: PoolStateLoader {
    /// The pool contract.
    public let address: Address
    /// The coins in index order.
    public let coins: [Address]
    /// The contract the pool runs.
    public let variant: CurveStableSwapVariant
    /// The rates the caller gives (classic, lending); nil for NG, whose `stored_rates()` answers.
    private let rates: [UInt256]?
    /// The absorbed state; nil until the round is absorbed.
    private var loaded: CurveStableSwapPool?

    /// A loader for `address`; `rates` is required for classic and lending pools and ignored for NG.
    public init(address: Address, coins: [Address], variant: CurveStableSwapVariant, rates: [UInt256]? = nil) {
        self.address = address
        self.coins = coins
        self.variant = variant
        self.rates = variant == .stableswapNG ? nil : rates
    }

    /// The one round of calls, or none once absorbed.
    public func pendingCalls() -> [StateCall] {
        guard loaded == nil else { return [] }
        var calls = [
            StateCall(to: address, signature: "\(variant.amplificationGetter)"),
            StateCall(to: address, signature: "fee()"),
        ]
        if variant == .stableswapNG {
            calls.append(StateCall(to: address, signature: "offpeg_fee_multiplier()"))
            calls.append(StateCall(to: address, signature: "stored_rates()"))
        } else {
            calls.append(StateCall(to: address, signature: "admin_fee()"))
        }
        for index in coins.indices {
            calls.append(StateCall(to: address, signature: "balances(uint256)", arguments: [UInt256(UInt64(index))],
                                   label: "balances(\(index))"))
        }
        calls += Self.rampSignatures.map { StateCall(to: address, signature: $0) }
        return calls
    }

    /// Decodes the answers in `pendingCalls()` order; a short or dirty answer throws
    /// `PoolError.malformed` naming the call, a wrong count of answers or rates `invalidState`.
    public mutating func absorb(_ answers: [[UInt8]]) throws(PoolError) {
        let expected = pendingCalls().count
        guard expected > 0, answers.count == expected else {
            throw .invalidState("expected \(expected) answers, got \(answers.count)")
        }
        let amplification = try Self.word(answers[0], field: variant.amplificationGetter)
        let fee = try Self.word(answers[1], field: "fee()")
        var multiplier = UInt256.zero
        var adminFee = CurveStableSwapVariant.ngAdminFee
        var rateValues: [UInt256]
        if variant == .stableswapNG {
            multiplier = try Self.word(answers[2], field: "offpeg_fee_multiplier()")
            rateValues = try PoolError.decoding { () throws(DecodingError) in
                let (count, elements) = try ABIReader(answers[3][...]).array(0, field: "stored_rates()")
                guard count == coins.count else { throw DecodingError(.wrongLength, at: 32, field: "stored_rates()") }
                return try (0..<count).map { index throws(DecodingError) in try elements.word(index, field: "stored_rates()") }
            }
        } else {
            adminFee = try Self.word(answers[2], field: "admin_fee()")
            guard let given = rates else { throw .invalidState("a \(variant.rawValue) pool needs its rates from the caller") }
            rateValues = given
        }
        let firstBalance = variant == .stableswapNG ? 4 : 3
        var balances: [UInt256] = []
        for index in coins.indices {
            balances.append(try Self.word(answers[firstBalance + index], field: "balances(i)"))
        }
        let firstRampWord = firstBalance + coins.count
        let ramp = AmplificationRamp(
            initialA: try Self.word(answers[firstRampWord], field: "initial_A()"),
            futureA: try Self.word(answers[firstRampWord + 1], field: "future_A()"),
            initialTime: try Self.word(answers[firstRampWord + 2], field: "initial_A_time()"),
            futureTime: try Self.word(answers[firstRampWord + 3], field: "future_A_time()"))
        loaded = try CurveStableSwapPool(
            address: address, coins: coins, variant: variant, amplification: amplification, fee: fee,
            offpegFeeMultiplier: multiplier, adminFee: adminFee, rates: rateValues, balances: balances, ramp: ramp)
    }

    /// The getters of the A ramp, in the order `AmplificationRamp`'s fields are read.
    static let rampSignatures = ["initial_A()", "future_A()", "initial_A_time()", "future_A_time()"]

    /// The loaded pool, or `PoolError.invalidState` before the round is absorbed.
    public func pool() throws(PoolError) -> CurveStableSwapPool {
        guard let loaded else { throw .invalidState("pool \(address.checksummed) is not loaded yet") }
        return loaded
    }

    /// A one-word `uint256` answer.
    private static func word(_ answer: [UInt8], field: StaticString) throws(PoolError) -> UInt256 {
        try PoolError.decoding { () throws(DecodingError) in try ABIReader(answer[...]).word(0, field: field) }
    }
}
