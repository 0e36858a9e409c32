import Kernel

/// Which StableSwap contract a pool runs: they share `get_y` but differ in `get_D`'s rounding,
/// the fee and how `exchange` books the admin fee. `A_PRECISION` is 100 in all but `legacy`.
public enum CurveStableSwapVariant: String, Sendable, CaseIterable {
    /// The plain pools with `A_PRECISION = 100` and constant `RATES` (curve-contract's
    /// `SwapTemplateBase`, factory plain pools, the Arbitrum 2pool): `get_D` divides by
    /// `x * N_COINS` per coin; `exchange` takes the admin fee out of `balances[j]` in coin units.
    case stableswap
    /// The 2-coin plain pools of curve-factory's Vyper 0.3.1 implementations (`Plain2Basic`,
    /// `Plain2ETH`, `Plain2Optimized`): `exchange` as `stableswap`, but `get_D` computes `D_P`
    /// unrolled as `D * D / xp[0] * D / xp[1] / 4`. Not the later implementations: the 0.3.7 EMA
    /// pools and the 0.3.9 `Plain2Balances`/`Plain2Price` (oracle rates, `ApplyNewFee(uint256)`).
    case factoryPlain2 = "stableswap-factory-plain2"
    /// Lending pools whose rates come from the coins (curve-contract's `SwapTemplateY`: cTokens,
    /// yTokens): the caller passes the stored rates; `exchange` sets `balances[i] = x / rate` and
    /// `balances[j] = (y + fee - admin fee) / rate`.
    case lending
    /// StableSwap-NG (curvefi/stableswap-ng, Vyper 0.3.10): `stored_rates()`, the dynamic fee with
    /// `offpeg_fee_multiplier`, `get_D` dividing by each `x` then by `N_COINS ** N_COINS`, and a
    /// constant admin fee of 50 %.
    case stableswapNG = "stableswap-ng"
    /// curve-contract's plain pools from before `A_PRECISION` (`StableSwap3Pool` and
    /// `StableSwapHBTC`, Vyper 0.2.4): A is `A()`, unscaled; `exchange` as `stableswap`, but
    /// `get_D` and `get_y` end their 255 Newton steps with a `break` and no `raise`, so a state whose
    /// integer steps never settle within 1 (e.g. one coin at 10^-5 of the others, where the
    /// steps can cycle) prices with the last step's value instead of reverting.
    case legacy = "stableswap-legacy"

    /// The `admin_fee` of NG pools, a constant of the contract (10^10 = 100 %).
    public static let ngAdminFee = UInt256(5_000_000_000)

    /// `A_PRECISION`, the scale of the pool's amplification: 1 for `legacy` pools, 100 elsewhere.
    var aPrecision: UInt256 { self == .legacy ? .one : UInt256(100) }

    /// Whether `get_D` and `get_y` revert after 255 Newton steps that did not converge; `legacy`
    /// pools go on with the last step's value.
    var revertsWhenUnconverged: Bool { self != .legacy }

    /// The getter of the amplification `CurveStableSwapPool.amplification` holds: `A()` for
    /// `legacy` pools, which have no `A_precise()`.
    var amplificationGetter: StaticString { self == .legacy ? "A()" : "A_precise()" }
}

