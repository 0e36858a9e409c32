import Kernel

/// A StableSwap pool's state, quoting and applying `exchange` exactly as its Vyper contract does.
///
/// `balances` are the pool's `balances(i)` (for NG, net of the admin's share); `rates` are the
/// stored rates with the decimals precision included (`10^(36 - decimals)` for a plain coin).
///
/// Every `exchange` on one state starts from the same scaled balances and invariant `D`
/// (`get_D`, a Newton loop as long as `get_y`'s), so the pool computes them when its state
/// changes (`invariant`) and each quote reads them: quoting, the sizer's many quotes of one
/// state above all, costs one Newton loop instead of two.
public struct CurveStableSwapPool: Sendable, Equatable {
    /// The pool contract.
    public let address: Address
    /// The coins in index order.
    public let coins: [Address]
    /// The contract the pool runs.
    public let variant: CurveStableSwapVariant
    /// `A_precise()`: A times `A_PRECISION` (100), at the block time the state is for (`legacy`:
    /// `A()`, which has no `A_PRECISION`).
    public internal(set) var amplification: UInt256 { didSet { invariant = Self.invariant(rates, balances, amplification, variant) } }
    /// The pool's A ramp, where known: `advance(toBlock:timestamp:)` moves `amplification` along it. nil:
    /// `amplification` holds until an event changes it.
    public internal(set) var ramp: AmplificationRamp?
    /// `fee()`, over 10^10.
    public internal(set) var fee: UInt256
    /// `offpeg_fee_multiplier()`, over 10^10 (NG; zero, i.e. no dynamic fee, elsewhere).
    public internal(set) var offpegFeeMultiplier: UInt256
    /// `admin_fee()`, over 10^10 (NG: the constant 5·10^9).
    public internal(set) var adminFee: UInt256
    /// The rate of each coin, over 10^18, decimals precision included.
    public internal(set) var rates: CurveCoinValues { didSet { invariant = Self.invariant(rates, balances, amplification, variant) } }
    /// `balances(i)` of each coin.
    public internal(set) var balances: CurveCoinValues { didSet { invariant = Self.invariant(rates, balances, amplification, variant) } }
    /// The scaled balances and `D` of the state above, or the error computing them reverts
    /// with; kept in step by the setters of `amplification`, `rates` and `balances`.
    private var invariant: Invariant

    /// `_xp_mem()` and `get_D(xp, amp)` of one state, each with the error it reverts with.
    struct Invariant: Sendable, Equatable {
        /// `_xp_mem()`: `rates[k] * balances[k] / PRECISION` for each coin (NG: `unsafe_div`,
        /// the same result for a non-zero divisor).
        let scaledBalances: Result<CurveCoinValues, PoolError>
        /// `get_D(xp, amp)`.
        let d: Result<UInt256, PoolError>
    }

    /// Creates a pool; throws `PoolError.invalidState` unless coins, rates and balances have the
    /// same count between 2 and `CurveLimits.maxCoins` (exactly 2 for `factoryPlain2`), and for
    /// NG unless `adminFee` is its constant `CurveStableSwapVariant.ngAdminFee`.
    public init(
        address: Address, coins: [Address], variant: CurveStableSwapVariant, amplification: UInt256,
        fee: UInt256, offpegFeeMultiplier: UInt256 = .zero, adminFee: UInt256, rates: [UInt256], balances: [UInt256],
        ramp: AmplificationRamp? = nil
    ) throws(PoolError) {
        guard (2...CurveLimits.maxCoins).contains(coins.count) else {
            throw .invalidState("a Curve pool has 2 to \(CurveLimits.maxCoins) coins, not \(coins.count)")
        }
        guard variant != .factoryPlain2 || coins.count == 2 else {
            throw .invalidState("a \(variant.rawValue) pool has 2 coins, not \(coins.count)")
        }
        guard variant != .stableswapNG || adminFee == CurveStableSwapVariant.ngAdminFee else {
            throw .invalidState("StableSwap-NG's admin fee is the constant \(CurveStableSwapVariant.ngAdminFee), not \(adminFee)")
        }
        guard rates.count == coins.count, balances.count == coins.count,
              let rateValues = CurveCoinValues(rates), let balanceValues = CurveCoinValues(balances) else {
            throw .invalidState("\(coins.count) coins but \(rates.count) rates and \(balances.count) balances")
        }
        self.address = address
        self.coins = coins
        self.variant = variant
        self.amplification = amplification
        self.ramp = ramp
        self.fee = fee
        self.offpegFeeMultiplier = offpegFeeMultiplier
        self.adminFee = adminFee
        self.rates = rateValues
        self.balances = balanceValues
        self.invariant = Self.invariant(rateValues, balanceValues, amplification, variant)
    }

    /// The scaled balances and invariant of a state.
    static func invariant(_ rates: CurveCoinValues, _ balances: CurveCoinValues, _ amplification: UInt256,
                          _ variant: CurveStableSwapVariant) -> Invariant {
        let scaled = Result { () throws(PoolError) -> CurveCoinValues in
            var xp = CurveCoinValues(zeros: balances.count)
            for index in 0..<balances.count {
                xp[index] = try CheckedMath.div(try CheckedMath.mul(rates[index], balances[index]), StableSwapMath.precision)
            }
            return xp
        }
        let d = scaled.flatMap { xp in
            Result { () throws(PoolError) -> UInt256 in try StableSwapMath.invariant(xp, amp: amplification, variant: variant) }
        }
        return Invariant(scaledBalances: scaled, d: d)
    }

    /// What `exchange(i, j, dx, 0)` pays, without changing the state.
    public func quote(_ dx: UInt256, from i: Int, to j: Int) throws(PoolError) -> UInt256 {
        try settle(dx, from: i, to: j).dy
    }

    /// Applies `exchange(i, j, dx, 0)` to the balances and returns what it pays.
    public mutating func exchange(_ dx: UInt256, from i: Int, to j: Int) throws(PoolError) -> UInt256 {
        let outcome = try settle(dx, from: i, to: j)
        var updated = balances
        updated[i] = outcome.balanceIn
        updated[j] = outcome.balanceOut
        balances = updated
        return outcome.dy
    }

    /// The result of one `exchange`: the payout and the two balances after it.
    struct Exchange {
        /// What the caller receives.
        let dy: UInt256
        /// `balances(i)` after.
        let balanceIn: UInt256
        /// `balances(j)` after.
        let balanceOut: UInt256
    }

    /// Runs `exchange` in the variant's order of checks and arithmetic: NG rejects `i == j` and
    /// `dx == 0` first and computes `D` before `get_y` checks `j`; classic pools check both indexes
    /// in `get_y`, before its `get_D`.
    func settle(_ dx: UInt256, from i: Int, to j: Int) throws(PoolError) -> Exchange {
        let count = balances.count
        let isNG = variant == .stableswapNG
        if isNG {
            if i == j { throw .revert(CurveRevert.sameCoin) }
            if dx.isZero { throw .revert(CurveRevert.zeroInput) }
        }
        let xp = try invariant.scaledBalances.get()
        guard i >= 0, i < count else { throw .revert(CurveRevert.indexOutOfRange) }
        let scaledIn = try CheckedMath.mul(dx, rates[i])
        let x = try CheckedMath.add(xp[i], isNG
            ? CheckedMath.unsafeDiv(scaledIn, StableSwapMath.precision)
            : try CheckedMath.div(scaledIn, StableSwapMath.precision))
        let ngInvariant = isNG ? try invariant.d.get() : .zero
        if i == j { throw .revert(CurveRevert.sameCoin) }
        guard j >= 0, j < count else { throw .revert(CurveRevert.indexOutOfRange) }
        let d = isNG ? ngInvariant : try invariant.d.get()
        let y = try StableSwapMath.balance(i: i, j: j, x: x, xp: xp, amp: amplification, d: d, variant: variant)
        let dy = try CheckedMath.sub(try CheckedMath.sub(xp[j], y), .one)
        switch variant {
        case .stableswap, .factoryPlain2, .legacy: return try settleClassic(dx, i: i, j: j, dy: dy)
        case .lending: return try settleLending(i: i, j: j, x: x, y: y, dy: dy)
        case .stableswapNG: return try settleNG(dx, i: i, j: j, xp: xp, x: x, y: y, d: d, dy: dy)
        }
    }

    /// SwapTemplateBase and StableSwap3Pool: `dy_fee = dy * fee / FEE_DENOMINATOR`, payout and
    /// admin fee converted to coin units separately, `balances[j] = old - dy - dy_admin_fee`.
    private func settleClassic(_ dx: UInt256, i: Int, j: Int, dy: UInt256) throws(PoolError) -> Exchange {
        let dyFee = try CheckedMath.div(try CheckedMath.mul(dy, fee), StableSwapMath.feeDenominator)
        let payout = try CheckedMath.div(
            try CheckedMath.mul(try CheckedMath.sub(dy, dyFee), StableSwapMath.precision), rates[j])
        var adminPart = try CheckedMath.div(try CheckedMath.mul(dyFee, adminFee), StableSwapMath.feeDenominator)
        adminPart = try CheckedMath.div(try CheckedMath.mul(adminPart, StableSwapMath.precision), rates[j])
        let balanceIn = try CheckedMath.add(balances[i], dx)
        let balanceOut = try CheckedMath.sub(try CheckedMath.sub(balances[j], payout), adminPart)
        return Exchange(dy: payout, balanceIn: balanceIn, balanceOut: balanceOut)
    }

    /// SwapTemplateY: `balances[i] = x * PRECISION / rate_i`,
    /// `balances[j] = (y + (dy_fee - dy_admin_fee)) * PRECISION / rate_j`, then the payout.
    private func settleLending(i: Int, j: Int, x: UInt256, y: UInt256, dy: UInt256) throws(PoolError) -> Exchange {
        let dyFee = try CheckedMath.div(try CheckedMath.mul(dy, fee), StableSwapMath.feeDenominator)
        let adminPart = try CheckedMath.div(try CheckedMath.mul(dyFee, adminFee), StableSwapMath.feeDenominator)
        let balanceIn = try CheckedMath.div(try CheckedMath.mul(x, StableSwapMath.precision), rates[i])
        let kept = try CheckedMath.add(y, try CheckedMath.sub(dyFee, adminPart))
        let balanceOut = try CheckedMath.div(try CheckedMath.mul(kept, StableSwapMath.precision), rates[j])
        let payout = try CheckedMath.div(
            try CheckedMath.mul(try CheckedMath.sub(dy, dyFee), StableSwapMath.precision), rates[j])
        return Exchange(dy: payout, balanceIn: balanceIn, balanceOut: balanceOut)
    }

    /// CurveStableSwapNG `__exchange`: the dynamic fee on the averaged `xp`, the admin share added
    /// to `admin_balances[j]`, then `upkeep_oracles`' reverts; `balances(j)` loses the payout and
    /// that share.
    private func settleNG(
        _ dx: UInt256, i: Int, j: Int, xp: CurveCoinValues, x: UInt256, y: UInt256, d: UInt256, dy: UInt256
    ) throws(PoolError) -> Exchange {
        let averageIn = CheckedMath.unsafeDiv(try CheckedMath.add(xp[i], x), UInt256(2))
        let averageOut = CheckedMath.unsafeDiv(try CheckedMath.add(xp[j], y), UInt256(2))
        let dynamicFee = try NGDynamicFee.fee(averageIn, averageOut, baseFee: fee, multiplier: offpegFeeMultiplier)
        let dyFee = CheckedMath.unsafeDiv(try CheckedMath.mul(dy, dynamicFee), StableSwapMath.feeDenominator)
        let payout = try CheckedMath.div(
            try CheckedMath.mul(try CheckedMath.sub(dy, dyFee), StableSwapMath.precision), rates[j])
        let adminFeeScaled = CheckedMath.unsafeDiv(try CheckedMath.mul(dyFee, adminFee), StableSwapMath.feeDenominator)
        let adminPart = CheckedMath.unsafeDiv(try CheckedMath.mul(adminFeeScaled, StableSwapMath.precision), rates[j])
        var xpAfter = xp
        xpAfter[i] = x
        xpAfter[j] = y
        try NGOracleUpkeep.check(xpAfter, amp: amplification, d: d)
        let balanceIn = try CheckedMath.add(balances[i], dx)
        let balanceOut = try CheckedMath.sub(try CheckedMath.sub(balances[j], payout), adminPart)
        return Exchange(dy: payout, balanceIn: balanceIn, balanceOut: balanceOut)
    }
}
