import Kernel

/// Which StableSwap contract a pool runs: they share `get_y` but differ in `get_D`'s rounding,
/// the fee and how `exchange` books the admin fee. `A_PRECISION` is 100 in all of them.
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

    /// The `admin_fee` of NG pools, a constant of the contract (10^10 = 100 %).
    public static let ngAdminFee = UInt256(5_000_000_000)
}

