"""Camelot pool vectors: pool_camelot.json.

No PyPI package models Camelot's pairs, so this module is a TRANSCRIPTION, not an independent
peer: CamelotLabs/core `contracts/CamelotPair.sol` (Solidity =0.5.16, the code the Arbitrum
factory 0x6EcCab422D763aC031210895C81787E87B43A652 deploys) rewritten line by line as plain
Python integers from the Solidity source. Solidity 0.5 semantics are kept: SafeMath's
add/sub/mul revert with "ds-math-*-overflow/underflow", raw + - * wrap modulo 2^256, a raw /
by zero reverts (reported here as "division by zero"), the right operand of `>=` is evaluated
first (legacy code generator).

Second opinion where a peer exists: degenbot 0.5.0 (PyPI) models Camelot V2 pairs. Every V2
case the transcription completes is recomputed by degenbot's own code, offline: its
`CamelotLiquidityPool._calculate_tokens_out_from_tokens_in_stable_swap` (on a stand-in object
carrying the state) for stable pairs, `constant_product_calc_exact_in` for volatile ones; any
difference in amountOut stops the generation. degenbot does not model the pair's refusals, and
its unbounded integers do not wrap where Solidity 0.5's raw arithmetic does (the stable curve far
off peg), so reverting cases and cases where a raw operation wrapped stay transcription only.

A case is one router-style exact-input swap: amountOut = pair.getAmountOut(amountIn, tokenIn),
then pair.swap(...) on balances = reserves + amountIn (no referrer; for stable pairs no feeTo,
so no protocol fee leaves the pair: the `mevbot quote` shape has no field for it). Kinds are
"transcribed-volatile-*" and "transcribed-stable-*".

Camelot V3 cases ("transcribed-algebra-*") run pool_camelot_algebra.py, the same kind of
transcription of Algebra v1.9's swap as Camelot deployed it (cryptoalgebra/Algebra branch
v1-modified-direction-based-fee @ ab8ea842: its own PriceMovementMath, TokenDeltaMath, TickTable
walk and swap loop), on random pools and on the real 145-tick WETH/USDC.e table of
Tests/CamelotTests/Fixtures; `fee` is the direction's fee from globalState.
"""

import json
import random
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace

from degenbot.camelot.pools import CamelotLiquidityPool
from degenbot.uniswap.v2_functions import constant_product_calc_exact_in

import pool_camelot_algebra as algebra

FILE = "pool_camelot.json"
PEERS = ("degenbot",)

U256 = 2**256
U112_MAX = 2**112 - 1
FEE_DENOMINATOR = 100000
E18 = 10**18


class Revert(Exception):
    pass


def add(x, y):  # SafeMath.add
    z = (x + y) % U256
    if z < x:
        raise Revert("ds-math-add-overflow")
    return z


def sub(x, y):  # SafeMath.sub
    z = (x - y) % U256
    if z > x:
        raise Revert("ds-math-sub-underflow")
    return z


def mul(x, y):  # SafeMath.mul
    z = (x * y) % U256
    if y != 0 and z // y != x:
        raise Revert("ds-math-mul-overflow")
    return z


def div(x, y):  # raw / (INVALID on zero in 0.5.x)
    if y == 0:
        raise Revert("division by zero")
    return x // y


def w(x):  # raw + - * result, counting the wraps (degenbot's unbounded integers do not wrap)
    if x < 0 or x >= U256:
        RAW_WRAPS[0] += 1
    return x % U256


RAW_WRAPS = [0]


class Pair:
    def __init__(self, reserve0, reserve1, fee0, fee1, stable, decimals0, decimals1):
        self.reserve0 = reserve0
        self.reserve1 = reserve1
        self.token0FeePercent = fee0
        self.token1FeePercent = fee1
        self.stableSwap = stable
        self.precisionMultiplier0 = w(10**decimals0)
        self.precisionMultiplier1 = w(10**decimals1)

    def _k(self, balance0, balance1):
        if self.stableSwap:
            _x = div(mul(balance0, E18), self.precisionMultiplier0)
            _y = div(mul(balance1, E18), self.precisionMultiplier1)
            _a = div(mul(_x, _y), E18)
            _b = add(div(mul(_x, _x), E18), div(mul(_y, _y), E18))
            return div(mul(_a, _b), E18)
        return mul(balance0, balance1)

    @staticmethod
    def _f(x0, y):
        left = div(w(x0 * div(w(div(w(y * y), E18) * y), E18)), E18)
        right = div(w(div(w(div(w(x0 * x0), E18) * x0), E18) * y), E18)
        return w(left + right)

    @staticmethod
    def _d(x0, y):
        left = div(w(w(3 * x0) * div(w(y * y), E18)), E18)
        right = div(w(div(w(x0 * x0), E18) * x0), E18)
        return w(left + right)

    def _get_y(self, x0, xy, y):
        for _ in range(255):
            y_prev = y
            k = self._f(x0, y)
            if k < xy:
                dy = div(w(w(xy - k) * E18), self._d(x0, y))
                y = w(y + dy)
            else:
                dy = div(w(w(k - xy) * E18), self._d(x0, y))
                y = w(y - dy)
            if y > y_prev:
                if w(y - y_prev) <= 1:
                    return y
            else:
                if w(y_prev - y) <= 1:
                    return y
        return y

    def getAmountOut(self, amountIn, token0In):
        feePercent = self.token0FeePercent if token0In else self.token1FeePercent
        _reserve0, _reserve1 = self.reserve0, self.reserve1
        if self.stableSwap:
            amountIn = sub(amountIn, div(mul(amountIn, feePercent), FEE_DENOMINATOR))
            xy = self._k(_reserve0, _reserve1)
            _reserve0 = div(w(_reserve0 * E18), self.precisionMultiplier0)
            _reserve1 = div(w(_reserve1 * E18), self.precisionMultiplier1)
            reserveA, reserveB = (_reserve0, _reserve1) if token0In else (_reserve1, _reserve0)
            amountIn = (div(w(amountIn * E18), self.precisionMultiplier0) if token0In
                        else div(w(amountIn * E18), self.precisionMultiplier1))
            y = w(reserveB - self._get_y(w(amountIn + reserveA), xy, reserveB))
            return div(w(y * (self.precisionMultiplier1 if token0In else self.precisionMultiplier0)), E18)
        reserveA, reserveB = (_reserve0, _reserve1) if token0In else (_reserve1, _reserve0)
        amountIn = mul(amountIn, sub(FEE_DENOMINATOR, feePercent))
        return div(mul(amountIn, reserveB), add(mul(reserveA, FEE_DENOMINATOR), amountIn))

    def swap(self, amount0Out, amount1Out, balance0, balance1):
        """_swap with no referrer and feeTo unset; balances are what the pair holds after the
        input transfer (reserves + amountIn). Returns the new reserves."""
        if not (amount0Out > 0 or amount1Out > 0):
            raise Revert("CamelotPair: INSUFFICIENT_OUTPUT_AMOUNT")
        _reserve0, _reserve1 = self.reserve0, self.reserve1
        if not (amount0Out < _reserve0 and amount1Out < _reserve1):
            raise Revert("CamelotPair: INSUFFICIENT_LIQUIDITY")
        balance0 -= amount0Out
        balance1 -= amount1Out
        amount0In = balance0 - (_reserve0 - amount0Out) if balance0 > _reserve0 - amount0Out else 0
        amount1In = balance1 - (_reserve1 - amount1Out) if balance1 > _reserve1 - amount1Out else 0
        if not (amount0In > 0 or amount1In > 0):
            raise Revert("CamelotPair: INSUFFICIENT_INPUT_AMOUNT")
        remainingFee0 = div(mul(amount0In, self.token0FeePercent), FEE_DENOMINATOR)
        remainingFee1 = div(mul(amount1In, self.token1FeePercent), FEE_DENOMINATOR)
        balance0Adjusted = sub(balance0, remainingFee0)
        balance1Adjusted = sub(balance1, remainingFee1)
        right = self._k(_reserve0, _reserve1)
        left = self._k(balance0Adjusted, balance1Adjusted)
        if not left >= right:
            raise Revert("CamelotPair: K")
        if not (balance0 <= U112_MAX and balance1 <= U112_MAX):
            raise Revert("CamelotPair: OVERFLOW")
        return balance0, balance1


def router_swap(pool, zero_for_one, amount_in):
    pair = Pair(int(pool["reserve0"]), int(pool["reserve1"]), pool["token0Fee"], pool["token1Fee"],
                pool["stable"], pool["decimals0"], pool["decimals1"])
    try:
        out = pair.getAmountOut(amount_in, zero_for_one)
        if zero_for_one:
            if pair.reserve0 + amount_in >= U256:
                return {"error": {"kind": "invalidState"}}
            r0, r1 = pair.swap(0, out, pair.reserve0 + amount_in, pair.reserve1)
        else:
            if pair.reserve1 + amount_in >= U256:
                return {"error": {"kind": "invalidState"}}
            r0, r1 = pair.swap(out, 0, pair.reserve0, pair.reserve1 + amount_in)
    except Revert as reason:
        return {"error": {"kind": "revert", "message": str(reason)}}
    return {"amountIn": str(amount_in), "amountOut": str(out), "reserve0": str(r0), "reserve1": str(r1)}


def degenbot_amount_out(reserve0, reserve1, fee0, fee1, stable, decimals0, decimals1, zero_for_one, amount_in):
    """degenbot's Camelot V2 output for the swap; None where degenbot raises."""
    reserve_in, reserve_out = (reserve0, reserve1) if zero_for_one else (reserve1, reserve0)
    if not stable:
        return constant_product_calc_exact_in(amount_in, reserve_in, reserve_out,
                                              Fraction(fee0 if zero_for_one else fee1, FEE_DENOMINATOR))
    token0, token1 = SimpleNamespace(name="token0", decimals=decimals0), SimpleNamespace(name="token1", decimals=decimals1)
    state = SimpleNamespace(token0=token0, token1=token1, reserves_token0=reserve0, reserves_token1=reserve1,
                            fee_denominator=FEE_DENOMINATOR, fee_token0=Fraction(fee0, FEE_DENOMINATOR),
                            fee_token1=Fraction(fee1, FEE_DENOMINATOR))
    try:
        return CamelotLiquidityPool._calculate_tokens_out_from_tokens_in_stable_swap(
            state, token0 if zero_for_one else token1, amount_in)
    except Exception:
        return None


DEGENBOT_CHECKED = {"volatile": 0, "stable": 0, "wrapped, chain semantics only": 0}


def case(kind, rng, reserve0, reserve1, fee0, fee1, stable, decimals0, decimals1, zero_for_one, amount_in):
    pool = {"plugin": "camelot-v2", "reserve0": str(reserve0), "reserve1": str(reserve1), "token0Fee": fee0,
            "token1Fee": fee1, "stable": stable, "decimals0": decimals0, "decimals1": decimals1}
    request = {"pool": pool, "zeroForOne": zero_for_one, "amountIn": str(amount_in)}
    RAW_WRAPS[0] = 0
    response = router_swap(pool, zero_for_one, amount_in)
    if RAW_WRAPS[0]:
        DEGENBOT_CHECKED["wrapped, chain semantics only"] += 1
    elif "amountOut" in response:
        peer = degenbot_amount_out(reserve0, reserve1, fee0, fee1, stable, decimals0, decimals1, zero_for_one, amount_in)
        if peer != int(response["amountOut"]):
            raise AssertionError(f"degenbot pays {peer}, the transcription {response['amountOut']}: {request}")
        DEGENBOT_CHECKED["stable" if stable else "volatile"] += 1
    return {"kind": kind, "request": request, "response": response}


DECIMALS = (6, 8, 18)


def log_uniform(rng, low, high):
    bits = rng.randint(low.bit_length(), high.bit_length())
    return max(low, min(high, rng.getrandbits(bits)))


def random_fee(rng):
    return rng.choice((0, 1, 4, 100, 150, 300, 500, 1000, 2000, rng.randint(0, 2000)))


def amount_for(rng, reserve_in):
    choice = rng.random()
    if choice < 0.1:
        return rng.randint(0, 1000)
    if choice < 0.2:
        return reserve_in * rng.randint(1, 1000) + rng.randint(0, 10**6)
    if choice < 0.25:
        return rng.getrandbits(rng.randint(113, 256))
    return log_uniform(rng, 1, max(2, reserve_in * 2))


def volatile_cases(rng, count):
    cases = []
    for n in range(count):
        if n % 5 == 0:
            r0 = U112_MAX - rng.randint(0, 2**rng.randint(0, 111))
            r1 = log_uniform(rng, 1, U112_MAX)
            kind = "transcribed-volatile-extreme-reserves"
        elif n % 7 == 0:
            r0, r1 = rng.randint(0, 5000), rng.randint(0, 5000)
            kind = "transcribed-volatile-dust"
        else:
            r0, r1 = log_uniform(rng, 1, U112_MAX), log_uniform(rng, 1, U112_MAX)
            kind = "transcribed-volatile-random"
        zero_for_one = rng.random() < 0.5
        amount = amount_for(rng, r0 if zero_for_one else r1)
        cases.append(case(kind, rng, r0, r1, random_fee(rng), random_fee(rng), False,
                          rng.choice(DECIMALS), rng.choice(DECIMALS), zero_for_one, amount))
    return cases


def stable_cases(rng, count):
    cases = []
    for n in range(count):
        d0, d1 = rng.choice(DECIMALS), rng.choice(DECIMALS)
        zero_for_one = rng.random() < 0.5
        shape = n % 4
        if shape == 0:  # near peg, realistic sizes
            units = log_uniform(rng, 1, 10**9)
            r0 = units * 10**d0 + rng.randint(0, 10**d0)
            r1 = (units * (1000 + rng.randint(-30, 30)) // 1000) * 10**d1 + rng.randint(0, 10**d1)
            kind = "transcribed-stable-peg"
        elif shape == 1:  # far off peg
            r0 = log_uniform(rng, 1, 10**(d0 + 12))
            r1 = log_uniform(rng, 1, 10**(d1 + 12))
            kind = "transcribed-stable-off-peg"
        elif shape == 2:  # extremes: dust or near 2^112
            if rng.random() < 0.5:
                r0, r1 = rng.randint(0, 10**6), rng.randint(0, 10**6)
                kind = "transcribed-stable-dust"
            else:
                r0 = U112_MAX - rng.randint(0, 2**rng.randint(0, 100))
                r1 = log_uniform(rng, 1, U112_MAX)
                kind = "transcribed-stable-extreme-reserves"
        else:
            r0, r1 = log_uniform(rng, 1, U112_MAX), log_uniform(rng, 1, U112_MAX)
            kind = "transcribed-stable-random"
        amount = amount_for(rng, r0 if zero_for_one else r1)
        cases.append(case(kind, rng, r0, r1, random_fee(rng), random_fee(rng), True, d0, d1, zero_for_one, amount))
    return cases


def build(seed):
    rng = random.Random(seed)
    return {"cases": volatile_cases(rng, 10000) + stable_cases(rng, 6500) + algebra_cases(rng, 10000) + snapshot_cases(rng, 1000)}


# Camelot V3 (Algebra): pool_camelot_algebra.py transcribes the pool's swap.

def algebra_response(pool, zero_for_one, amount, limit):
    ticks = {tick: int(net) for tick, net in pool["ticks"]}
    try:
        amount0, amount1, price, tick, liquidity = algebra.swap(
            int(pool["sqrtPriceX96"]), pool["tick"], int(pool["liquidity"]), pool["fee"], 0, ticks,
            zero_for_one, amount, limit)
    except algebra.Revert as reason:
        return {"error": {"kind": "revert", "message": str(reason)}}
    return {"amount0": str(amount0), "amount1": str(amount1), "sqrtPriceX96": str(price), "tick": tick,
            "liquidity": str(liquidity)}


def random_positions(rng, spacing, center, count, max_liquidity):
    """Nets of `count` random positions around `center` (some at the tick range's ends)."""
    nets = {}
    low_end = -(algebra.MAX_TICK // spacing) * spacing
    for _ in range(count):
        if rng.random() < 0.15:
            lower, upper = low_end, -low_end
        else:
            width = spacing * rng.choice((1, 2, 5, 20, 100, 1000, 5000))
            lower = (center // spacing + rng.randint(-3000, 3000) // max(1, spacing // 10)) * spacing
            lower = max(low_end, min(lower, -low_end - spacing))
            upper = min(-low_end, lower + width)
        liquidity = log_uniform(rng, 1, max_liquidity)
        nets[lower] = nets.get(lower, 0) + liquidity
        nets[upper] = nets.get(upper, 0) - liquidity
    return {tick: net for tick, net in nets.items() if net != 0}


def algebra_case(rng, kind):
    spacing = rng.choice((1, 10, 60, 200, 500))
    fee = rng.choice((0, 1, 100, 150, 500, 2500, 10000, 65535, rng.randint(0, 20000)))
    if kind == "transcribed-algebra-extreme-price":
        price = rng.choice((algebra.MIN_SQRT_RATIO + rng.randint(0, 10**6), algebra.MAX_SQRT_RATIO - 1 - rng.randint(0, 10**30)))
    else:
        price = log_uniform(rng, algebra.MIN_SQRT_RATIO, algebra.MAX_SQRT_RATIO - 1)
    tick = algebra.get_tick_at_sqrt_ratio(price)
    max_liquidity = rng.choice((10**6, 10**18, 10**24, 2**100, 2**120))
    nets = random_positions(rng, spacing, tick, rng.randint(0, 12), max_liquidity)
    liquidity = sum(net for t, net in nets.items() if t <= tick)
    if liquidity < 0 or liquidity >= 2**128:
        nets, liquidity = {}, 0
    zero_for_one = rng.random() < 0.5
    choice = rng.random()
    if choice < 0.1:
        magnitude = rng.randint(1, 1000)
    elif choice < 0.2:
        magnitude = rng.getrandbits(rng.randint(128, 254))
    else:
        magnitude = log_uniform(rng, 1, max(2, liquidity) * rng.choice((1, 10, 1000)))
    amount = magnitude if rng.random() < 0.6 else -magnitude
    if rng.random() < 0.02:
        amount = 0
    if rng.random() < 0.03:
        limit = rng.choice((price, algebra.MIN_SQRT_RATIO, algebra.MAX_SQRT_RATIO, 0))
    elif rng.random() < 0.5:
        limit = algebra.MIN_SQRT_RATIO + 1 if zero_for_one else algebra.MAX_SQRT_RATIO - 1
    else:
        limit = (rng.randint(algebra.MIN_SQRT_RATIO, price) if zero_for_one
                 else rng.randint(price, algebra.MAX_SQRT_RATIO))
    pool = {"plugin": "camelot-v3", "sqrtPriceX96": str(price), "tick": tick, "liquidity": str(liquidity), "fee": fee,
            "tickSpacing": spacing, "ticks": [[t, str(net)] for t, net in sorted(nets.items())]}
    request = {"pool": pool, "zeroForOne": zero_for_one, "amountSpecified": str(amount), "sqrtPriceLimitX96": str(limit)}
    return {"kind": kind, "request": request, "response": algebra_response(pool, zero_for_one, amount, limit)}


def algebra_cases(rng, count):
    kinds = ("transcribed-algebra-random", "transcribed-algebra-random", "transcribed-algebra-extreme-price")
    return [algebra_case(rng, kinds[n % len(kinds)]) for n in range(count)]


SNAPSHOT = Path(__file__).resolve().parents[2] / "Tests/CamelotTests/Fixtures/camelot_v3_weth_usdce_0x521aa84a.json"


def snapshot_cases(rng, count):
    """Swaps on the real WETH/USDC.e pool's 145 ticks (fee 150 both ways), from its state and
    from random prices across the table, exact in and out, up to draining every tick."""
    snapshot = json.loads(SNAPSHOT.read_text())
    nets = {entry["tick"]: int(entry["liquidityNet"]) for entry in snapshot["ticks"]}
    state = snapshot["state"]
    cases = []
    for n in range(count):
        if n % 2 == 0:
            price, tick, liquidity = int(state["sqrtPriceX96"]), state["tick"], int(state["liquidity"])
        else:
            tick = rng.randint(-300000, 300000)
            price = algebra.get_sqrt_ratio_at_tick(tick) + rng.randint(0, 10**6)
            tick = algebra.get_tick_at_sqrt_ratio(price)
            liquidity = sum(net for t, net in nets.items() if t <= tick)
        zero_for_one = rng.random() < 0.5
        magnitude = log_uniform(rng, 1, 10**rng.choice((6, 12, 18, 24, 30)))
        amount = magnitude if rng.random() < 0.6 else -magnitude
        limit = algebra.MIN_SQRT_RATIO + 1 if zero_for_one else algebra.MAX_SQRT_RATIO - 1
        fee = state["fee_zero_to_one"] if zero_for_one else state["fee_one_to_zero"]
        pool = {"plugin": "camelot-v3", "sqrtPriceX96": str(price), "tick": tick, "liquidity": str(liquidity), "fee": fee,
                "tickSpacing": snapshot["tickSpacing"], "ticks": [[t, str(net)] for t, net in sorted(nets.items())]}
        request = {"pool": pool, "zeroForOne": zero_for_one, "amountSpecified": str(amount), "sqrtPriceLimitX96": str(limit)}
        cases.append({"kind": "transcribed-algebra-real-ticks", "request": request,
                      "response": algebra_response(pool, zero_for_one, amount, limit)})
    return cases
