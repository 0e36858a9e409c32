"""Curve StableSwap `exchange` vectors for `CurveStableSwapPool`, in the `mevbot quote` Curve shape.

Peers nobody here wrote:
- curvesim 0.5.0 `CurvePool` (curvesim/pool/stableswap/pool.py): a whole classic `exchange`
  (payout, admin fee split, balances after). Its `A` is the unscaled A (`Ann = A * n`, no
  A_PRECISION), equal to the contracts' math when A_precise is a multiple of 100, so it is used
  with A = A_precise / 100 on those cases only (kind "curvesim").
- degenbot 0.5.0 `CurveStableswapPool._get_y` / `_get_d` (the contracts' A_PRECISION = 100 form with
  the 255-step limit), on an instance built without a node (its `_a` replaced by the precise A):
  get_y for every classic, lending and 2-coin factory plain (Vyper 0.3.1, degenbot's unrolled
  "variant beta" get_D) case, any precise A (kinds "degenbot", "degenbot-factory-plain2"; the fee
  and balance steps around it are this module's transcription).
- No peer covers StableSwap-NG (its get_D divides by each x then by N**N, and the dynamic fee
  with unsafe_ operations) or the lending template's balance update: those are transcribed here
  from curvefi/stableswap-ng contracts/main/CurveStableSwapNG.vy and curve-contract
  contracts/pool-templates/y/SwapTemplateY.vy (kinds "ng-transcribed", "lending-transcribed"),
  including the reverts of NG's upkeep_oracles (_get_p's checked arithmetic, pack_2's D < 2**128).
- "stableswap-legacy" is curve-contract's StableSwap3Pool / StableSwapHBTC (Vyper 0.2.4): A
  unscaled, and get_D / get_y leave their 255 steps with the last value instead of reverting.
  Where its steps converge, degenbot (its 3pool code path) and curvesim (A as is) check it
  (kind "legacy-curvesim"); where they run out, degenbot reverts and curvesim never stops, so
  those are transcription-only ("legacy-unconverged-transcribed"). The transcription was checked
  against the real bytecode in pyrevm: see Tests/CurveTests/Fixtures/legacy_pool_judge.py.

Every case is computed by the transcription below (Vyper checked uint256 semantics, reverting
with the messages of Sources/Protocols/Curve/Pool/CurveRevert.swift); where a peer applies, its
answer must agree or generation fails. Reverts (overflow, no convergence, bad indexes) are
transcription-only: kinds "revert" and "extreme-revert". Kinds starting "extreme-" come from the
extreme generator (balances from 1 wei to 10^40, imbalanced pools, dust, draining and full-range dx,
bad indexes, 2 to 8 coins, decimals 6/8/18, precise A from 1 to 10^8). Kinds starting "imbalance-"
are the fixed states of `imbalance_cases` (one coin at 10^-5 .. 10^-11 of the others, every
variant), where get_D's integer steps can cycle without converging.
"""

import random

from curvesim.pool.stableswap.pool import CurvePool
from degenbot.curve.curve_stableswap_liquidity_pool import CurveStableswapPool
from degenbot.exceptions.evm import EVMRevertError

FILE = "pool_curve.json"
PEERS = ["curvesim", "degenbot"]

U256 = 2**256
FEE_DEN = 10**10
PRECISION = 10**18
A_PRECISION = 100
NG_ADMIN_FEE = 5 * 10**9

SAME_COIN = "dev: same coin"
INDEX = "dev: coin index out of range"
ZERO_IN = "dev: do not exchange 0 coins"
NO_D = "dev: get_D did not converge"
NO_Y = "dev: get_y did not converge"
SAFE_MATH = "dev: safe math"
ORACLE = "dev: D above 2**128 in pack_2"


class Revert(Exception):
    """A contract revert; the message is CurveRevert's."""


def add(a, b):
    """Vyper's checked uint256 +."""
    r = a + b
    if r >= U256:
        raise Revert(SAFE_MATH)
    return r


def sub(a, b):
    """Vyper's checked uint256 -."""
    if b > a:
        raise Revert(SAFE_MATH)
    return a - b


def mul(a, b):
    """Vyper's checked uint256 *."""
    r = a * b
    if r >= U256:
        raise Revert(SAFE_MATH)
    return r


def div(a, b):
    """Vyper's uint256 /, reverting on a zero divisor."""
    if b == 0:
        raise Revert(SAFE_MATH)
    return a // b


def unsafe_div(a, b):
    """Vyper's unsafe_div: the EVM's DIV, 0 for a zero divisor."""
    return 0 if b == 0 else a // b


def get_d(xp, amp, form, legacy=False):
    """get_D; `form` is "loop" (classic, lending), "ng" or "unrolled2" (factory plain-2, 0.3.1).

    `legacy` is StableSwap3Pool's form (Vyper 0.2.4): A unscaled (A_PRECISION 1), and after 255
    steps without convergence the last D is used instead of reverting."""
    ng = form == "ng"
    a_precision = 1 if legacy else A_PRECISION
    n = len(xp)
    s = 0
    for x in xp:
        s = add(s, x)
    if s == 0:
        return 0
    d = s
    ann = mul(amp, n)
    for _ in range(255):
        dp = d
        if form == "unrolled2":
            dp = div(mul(div(mul(dp, d), xp[0]), d), xp[1]) // n**2
        else:
            for x in xp:
                dp = div(mul(dp, d), x) if ng else div(mul(dp, d), mul(x, n))
            if ng:
                dp //= n**n
        prev = d
        num = mul(add(unsafe_div(mul(ann, s), a_precision), mul(dp, n)), d)
        den = add(unsafe_div(mul(sub(ann, a_precision), d), a_precision), mul(n + 1, dp))
        d = div(num, den)
        if abs(d - prev) <= 1:
            return d
    if legacy:
        return d
    raise Revert(NO_D)


def get_y(i, j, x, xp, amp, d, legacy=False):
    """get_y: coin j's scaled balance keeping invariant d when coin i holds x (`legacy`: as get_d)."""
    n = len(xp)
    a_precision = 1 if legacy else A_PRECISION
    s = 0
    c = d
    ann = mul(amp, n)
    for k in range(n):
        if k == j:
            continue
        v = x if k == i else xp[k]
        s = add(s, v)
        c = div(mul(c, d), mul(v, n))
    c = div(mul(mul(c, d), a_precision), mul(ann, n))
    b = add(s, div(mul(d, a_precision), ann))
    y = d
    for _ in range(255):
        prev = y
        y = div(add(mul(y, y), c), sub(add(mul(2, y), b), d))
        if abs(y - prev) <= 1:
            return y
    if legacy:
        return y
    raise Revert(NO_Y)


def dynamic_fee(xpi, xpj, fee, mult):
    """NG's _dynamic_fee with its unsafe_mul / unsafe_add wrapping and unsafe_div."""
    if mult <= FEE_DEN:
        return fee
    ssum = add(xpi, xpj)
    xps2 = mul(ssum, ssum)
    scaled = mul(mul(mul(mult - FEE_DEN, 4), xpi), xpj)
    den = (div(scaled, xps2) + FEE_DEN) % U256
    return unsafe_div((mult * fee) % U256, den)


def upkeep_oracles(xp, amp, d):
    """The reverts of NG's upkeep_oracles: _get_p's checked arithmetic, pack_2(D, ...)'s bound."""
    n = len(xp)
    ann = (amp * n) % U256
    dr = d // n**n
    for x in xp:
        dr = div(mul(dr, d), x)
    xp0_a = mul(ann, xp[0]) // A_PRECISION
    for k in range(1, n):
        div(mul(10**18, add(xp0_a, unsafe_div(mul(dr, xp[0]), xp[k]))), add(xp0_a, dr))
    if d >= 2**128:
        raise Revert(ORACLE)


def exchange(pool, i, j, dx):
    """(dy, balances after) of exchange(i, j, dx), or raises Revert, in the Swift order."""
    variant = pool["variant"]
    ng = variant == "stableswap-ng"
    rates, balances = pool["rates"], pool["balances"]
    amp, fee = pool["A"], pool["fee"]
    admin_fee = NG_ADMIN_FEE if ng else pool["adminFee"]
    n = len(balances)
    if ng:
        if i == j:
            raise Revert(SAME_COIN)
        if dx == 0:
            raise Revert(ZERO_IN)
    xp = [div(mul(r, b), PRECISION) for r, b in zip(rates, balances)]
    if not 0 <= i < n:
        raise Revert(INDEX)
    scaled_in = mul(dx, rates[i])
    x = add(xp[i], unsafe_div(scaled_in, PRECISION) if ng else div(scaled_in, PRECISION))
    form = {"stableswap-ng": "ng", "stableswap-factory-plain2": "unrolled2"}.get(variant, "loop")
    legacy = variant == "stableswap-legacy"
    early_d = get_d(xp, amp, form) if ng else 0
    if i == j:
        raise Revert(SAME_COIN)
    if not 0 <= j < n:
        raise Revert(INDEX)
    d = early_d if ng else get_d(xp, amp, form, legacy)
    y = get_y(i, j, x, xp, amp, d, legacy)
    dy = sub(sub(xp[j], y), 1)
    out = list(balances)
    if variant in ("stableswap", "stableswap-factory-plain2", "stableswap-legacy"):
        dy_fee = div(mul(dy, fee), FEE_DEN)
        pay = div(mul(sub(dy, dy_fee), PRECISION), rates[j])
        admin = div(mul(dy_fee, admin_fee), FEE_DEN)
        admin = div(mul(admin, PRECISION), rates[j])
        out[i] = add(balances[i], dx)
        out[j] = sub(sub(balances[j], pay), admin)
    elif variant == "lending":
        dy_fee = div(mul(dy, fee), FEE_DEN)
        admin = div(mul(dy_fee, admin_fee), FEE_DEN)
        out[i] = div(mul(x, PRECISION), rates[i])
        out[j] = div(mul(add(y, sub(dy_fee, admin)), PRECISION), rates[j])
        pay = div(mul(sub(dy, dy_fee), PRECISION), rates[j])
    else:
        avg_i = add(xp[i], x) // 2
        avg_j = add(xp[j], y) // 2
        dyn = dynamic_fee(avg_i, avg_j, fee, pool["offpegFeeMultiplier"])
        dy_fee = mul(dy, dyn) // FEE_DEN
        pay = div(mul(sub(dy, dy_fee), PRECISION), rates[j])
        admin = unsafe_div(mul(mul(dy_fee, admin_fee) // FEE_DEN, PRECISION), rates[j])
        after = list(xp)
        after[i], after[j] = x, y
        upkeep_oracles(after, amp, d)
        out[i] = add(balances[i], dx)
        out[j] = sub(sub(balances[j], pay), admin)
    return pay, out, (xp, x, y, d)


class OfflineDegenbotPool(CurveStableswapPool):
    """degenbot's pool with the node-backed block lookup replaced by a constant."""

    update_block = 0


# Addresses that only select degenbot's code path (nothing else of those pools is used), by variant:
# a pool degenbot lists in D_VARIANT_GROUP_2 (its `D * D // xp[0] * D // xp[1] // n**2` get_D) and in
# no get_y group; the 3pool (D_VARIANT_GROUP_0 and Y_VARIANT_GROUP_1: A unscaled, no A_PRECISION);
# otherwise an address it lists nowhere (the A_PRECISION = 100 form).
DEGENBOT_PATH = {
    "stableswap-factory-plain2": "0x0AD66FeC8dB84F8A3365ADA04aB23ce607ac6E24",
    "stableswap-legacy": "0xbEbc44782C7dB0a1A60Cb6fe97d0b483032FF1C7",
}
DEGENBOT_DEFAULT_PATH = "0x0000000000000000000000000000000000000001"


def degenbot_y(variant, n, amp, i, j, x, xp):
    """degenbot's get_y (with its own get_D) for the variant's `amp`, built without a node."""
    pool = object.__new__(OfflineDegenbotPool)
    pool.address = DEGENBOT_PATH.get(variant, DEGENBOT_DEFAULT_PATH)
    pool.tokens = [None] * n
    pool._block_timestamps = {0: 0}
    pool._a = lambda timestamp=None: amp
    return pool._get_y(i, j, x, xp)


def curvesim_exchange(pool, i, j, dx):
    """curvesim's CurvePool.exchange on the pool (A unscaled: legacy, or a multiple of A_PRECISION).

    curvesim iterates until converged, without the 255-step limit: call it on converging cases only."""
    a = pool["A"] if pool["variant"] == "stableswap-legacy" else pool["A"] // A_PRECISION
    model = CurvePool(
        A=a, D=list(pool["balances"]), n=len(pool["balances"]),
        rates=list(pool["rates"]), fee=pool["fee"], admin_fee=pool["adminFee"],
    )
    dy, _ = model.exchange(i, j, dx)
    return int(dy), [int(b) for b in model.balances]


def check_peers(pool, i, j, dx, result):
    """Cross-checks a successful transcription against the peers; returns the case kind."""
    dy, balances, (xp, x, y, d) = result
    variant = pool["variant"]
    if variant == "stableswap-ng":
        return "ng-transcribed"
    legacy = variant == "stableswap-legacy"
    try:
        peer_y = degenbot_y(variant, len(xp), pool["A"], i, j, x, xp)
    except EVMRevertError:
        # degenbot reverts after 255 steps; the legacy contract goes on with the last D and y.
        if legacy:
            return "legacy-unconverged-transcribed"
        raise
    assert peer_y == y, ("degenbot get_y", pool, i, j, dx, peer_y, y)
    if variant == "lending":
        return "lending-transcribed"
    if variant == "stableswap-factory-plain2":
        return "degenbot-factory-plain2"
    if legacy or pool["A"] % A_PRECISION == 0:
        peer = curvesim_exchange(pool, i, j, dx)
        assert peer == (dy, balances), ("curvesim", pool, i, j, dx, peer, dy, balances)
        return "legacy-curvesim" if legacy else "curvesim"
    return "degenbot"


def rate_for(decimals, rng, lending):
    """The stored rate of a coin: 10^(36 - decimals), times a random exchange rate for lending."""
    base = 10 ** (36 - decimals)
    if lending:
        # a cToken-like stored rate: precision times an exchange rate around 0.02 .. 50
        return base * rng.randint(2 * 10**16, 5 * 10**19) // 10**18
    return base


def random_pool(rng, variant, n, extreme):
    """A random pool of `variant` with `n` coins; `extreme` spreads balances from 0 to 10^40."""
    decimals = [rng.choice([6, 8, 18]) for _ in range(n)]
    rates = [rate_for(dec, rng, variant == "lending") for dec in decimals]
    if variant == "stableswap-ng" and rng.random() < 0.4:
        rates = [r * rng.randint(9 * 10**17, 12 * 10**17) // 10**18 for r in rates]
    scale = rng.choice(["tiny", "small", "normal", "normal", "huge", "giant"]) if extreme else "normal"
    value = {"tiny": 10**rng.randint(0, 4), "small": 10**rng.randint(4, 12), "normal": 10**rng.randint(12, 26),
             "huge": 10**rng.randint(26, 31), "giant": 10**rng.randint(31, 40)}[scale]
    balances = []
    for r in rates:
        v = value * rng.randint(1, 10**6) // 10**6
        if extreme and rng.random() < 0.3:
            v = v * rng.randint(1, 10**4) // 10**rng.randint(0, 8)  # imbalanced
        balances.append(max(0 if extreme and rng.random() < 0.02 else 1, v * PRECISION // r))
    a_choice = rng.random()
    if a_choice < 0.45:
        amp = rng.choice([1, 2, 5, 10, 50, 100, 200, 500, 1000, 2000, 5000, 10000]) * A_PRECISION
    elif a_choice < 0.9:
        amp = rng.randint(1, 10**6)
    else:
        amp = rng.choice([1, 2, 99, 101, 10**6, 10**6 * A_PRECISION])
    if variant == "stableswap-legacy":
        amp = max(1, amp // A_PRECISION)  # A() itself, unscaled
    pool = {
        "variant": variant, "A": amp, "fee": rng.choice([0, 1, 10**6, 4 * 10**6, rng.randint(0, 5 * 10**9)]),
        "rates": rates, "balances": balances,
    }
    if variant == "stableswap-ng":
        pool["offpegFeeMultiplier"] = rng.choice([0, FEE_DEN, 2 * FEE_DEN, 5 * FEE_DEN, rng.randint(0, 10**12)])
        pool["adminFee"] = NG_ADMIN_FEE
    else:
        pool["adminFee"] = rng.choice([0, 5 * 10**9, 10**10, rng.randint(0, 10**10)])
    return pool


def random_dx(rng, pool, i, extreme):
    """A random input for coin `i`: proportionate, dust, draining or full-range."""
    n = len(pool["balances"])
    bal = pool["balances"][i if 0 <= i < n else 0]
    choice = rng.random() if extreme else rng.random() * 0.7
    if choice < 0.5:
        return rng.randint(1, max(1, bal // rng.choice([10, 100, 10**4, 10**8])))
    if choice < 0.6:
        return rng.randint(0, 10)  # dust
    if choice < 0.8:
        return bal * rng.randint(1, 1000)  # drains the other side
    if choice < 0.9:
        return rng.randint(0, 2**256 - 1)
    return rng.choice([0, 1, 2**128, 2**255])


def encode(pool, i, j, dx, outcome):
    """The `mevbot quote` request and response of one case."""
    request_pool = {
        "plugin": "curve", "variant": pool["variant"], "A": str(pool["A"]), "fee": str(pool["fee"]),
        "adminFee": str(pool["adminFee"]),
        "rates": [str(r) for r in pool["rates"]], "balances": [str(b) for b in pool["balances"]],
    }
    if pool["variant"] == "stableswap-ng":
        request_pool["offpegFeeMultiplier"] = str(pool["offpegFeeMultiplier"])
    request = {"pool": request_pool, "i": i, "j": j, "dx": str(dx)}
    if isinstance(outcome, Revert):
        response = {"error": {"kind": "revert", "message": str(outcome)}}
    else:
        response = {"dy": str(outcome[0]), "balances": [str(b) for b in outcome[1]]}
    return request, response


def case(pool, i, j, dx, prefix):
    """One fixed case: the transcription's answer (checked against the peers) or its revert."""
    try:
        result = exchange(pool, i, j, dx)
    except Revert as revert:
        request, response = encode(pool, i, j, dx, revert)
        return {"kind": prefix + "revert", "request": request, "response": response}
    kind = check_peers(pool, i, j, dx, result)
    request, response = encode(pool, i, j, dx, result)
    return {"kind": prefix + kind, "request": request, "response": response}


MAIN_VARIANTS = ["stableswap", "stableswap", "stableswap-factory-plain2", "lending", "stableswap-ng", "stableswap-ng"]


def one_case(rng, extreme, variants=MAIN_VARIANTS):
    """One random case of one of `variants`, computed by the transcription and checked against the peers."""
    variant = rng.choice(variants)
    n = rng.choice([2, 2, 3, 4]) if rng.random() < 0.9 else rng.randint(5, 8)
    if variant == "stableswap-factory-plain2":
        n = 2
    pool = random_pool(rng, variant, n, extreme)
    i, j = rng.sample(range(n), 2)
    if extreme and rng.random() < 0.05:
        i, j = rng.choice([(i, i), (-1, j), (i, n), (n + 3, j)])
    dx = random_dx(rng, pool, i, extreme)
    return case(pool, i, j, dx, "extreme-" if extreme else "")


def arbitrum_2pool_cases():
    """The 2pool's parameters (A 2000, fee 0.01 %, admin 50 %, USDC.e/USDT 6 decimals) on made-up
    balances around its real size; curvesim-checked like the random classic cases."""
    cases = []
    for balances, dx, i in [([60_000_000 * 10**6, 55_000_000 * 10**6], 1000 * 10**6, 0),
                            ([60_000_000 * 10**6, 55_000_000 * 10**6], 25_000_000 * 10**6, 1),
                            ([1_000 * 10**6, 90_000_000 * 10**6], 500 * 10**6, 1)]:
        pool = {"variant": "stableswap", "A": 2000 * A_PRECISION, "fee": 10**6, "adminFee": 5 * 10**9,
                "rates": [10**30, 10**30], "balances": balances}
        result = exchange(pool, i, 1 - i, dx)
        check_peers(pool, i, 1 - i, dx, result)
        request, response = encode(pool, i, 1 - i, dx, result)
        cases.append({"kind": "arbitrum-2pool-params", "request": request, "response": response})
    return cases


def imbalance_cases():
    """One coin at 10^-5 .. 10^-11 of the others, where get_D's integer Newton steps can cycle
    without converging: 1,000,000 of two coins and a few units of the third, in 18 decimals and in
    the 3pool's DAI/USDC/USDT decimals (6-decimal coins through their rates), at A 100 .. 4000;
    2-coin pools with the same imbalance. Each variant whose contract reverts after 255 steps
    reverts ("imbalance-revert"); the legacy form pays with the last step's D and y."""
    shapes = [
        ([10**18] * 3, [10**24, 10**24], [10**19, 10**17, 10**15, 10**13]),
        ([10**18, 10**30, 10**30], [10**24, 10**12], [10**7, 10**5, 10**3, 10]),
    ]
    cases = []
    for a in [100, 200, 1000, 2000, 4000]:
        for rates, large, smalls in shapes:
            for small in smalls:
                for variant in ["stableswap", "stableswap-legacy", "lending", "stableswap-ng", "stableswap-factory-plain2"]:
                    two = variant == "stableswap-factory-plain2"
                    pool = {"variant": variant, "A": a if variant == "stableswap-legacy" else a * A_PRECISION,
                            "fee": 4 * 10**6, "adminFee": NG_ADMIN_FEE,
                            "rates": [rates[0], rates[2]] if two else rates,
                            "balances": [large[0], small] if two else large + [small]}
                    if variant == "stableswap-ng":
                        pool["offpegFeeMultiplier"] = 2 * FEE_DEN
                    last = len(pool["balances"]) - 1
                    for i, j, dx in [(0, last, 10**18), (last, 0, small)]:
                        cases.append(case(pool, i, j, dx, "imbalance-"))
    return cases


def build(seed):
    """The vectors: the 2pool-parameter and imbalance cases, 20,000 random ones of the main
    variants, then 3,000 random legacy ones (a third of each extreme), from their own stream."""
    rng = random.Random(seed)
    cases = arbitrum_2pool_cases() + imbalance_cases()
    for index in range(20000):
        cases.append(one_case(rng, extreme=index % 3 == 0))
    legacy_rng = random.Random(f"{seed}/legacy")
    for index in range(3000):
        cases.append(one_case(legacy_rng, extreme=index % 3 == 0, variants=["stableswap-legacy"]))
    return {"cases": cases}
