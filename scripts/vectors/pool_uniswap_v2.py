"""Uniswap V2 pair math vectors in the `mevbot quote` uniswap-v2 shape: pool_uniswap_v2.json.

Peer: degenbot's `constant_product_calc_exact_in` / `constant_product_calc_exact_out` (its exact
port of UniswapV2Library.getAmountOut / getAmountIn, fee as a Fraction) computes every amount.
degenbot works on unbounded Python integers, so the contract's refusals are written here from
UniswapV2Library and UniswapV2Pair (Solidity 0.5/0.6, SafeMath): in the library, a zero amount
(INSUFFICIENT_INPUT_AMOUNT / INSUFFICIENT_OUTPUT_AMOUNT), an empty reserve
(INSUFFICIENT_LIQUIDITY), SafeMath's ds-math-* on products past 2^256, an output of the whole
reserve (division by zero, no reason); in the pair, a zero output and a reserve past 2^112 - 1
(OVERFLOW). Each case's kind names its scenario.

Fees are in millionths: 3000 is Uniswap's 997/1000; the contract's constants are the smallest
power-of-ten denominator >= 1000 that holds the fee (PancakeSwap's 2500 = 9975/10000).
"""

import random
from fractions import Fraction

from degenbot.uniswap.v2_functions import constant_product_calc_exact_in, constant_product_calc_exact_out

FILE = "pool_uniswap_v2.json"
PEERS = ("degenbot",)
UINT256 = 2**256
MAX_RESERVE = 2**112 - 1
FEES = (3000, 3000, 3000, 2500, 2000, 1000, 10000, 0, 1, 999_999)
RANDOM_CASES = 20_000


def contract_fee(millionths):
    """(multiplier, denominator) as a fork's contract writes the fee."""
    denominator = 1000
    while denominator < 1_000_000 and millionths * denominator % 1_000_000:
        denominator *= 10
    return denominator - millionths * denominator // 1_000_000, denominator


class Revert(Exception):
    pass


def checked(value, reason):
    if value >= UINT256:
        raise Revert(reason)
    return value


def library_out(amount_in, reserve_in, reserve_out, fee):
    """getAmountOut's refusals (the amount itself is degenbot's)."""
    multiplier, denominator = contract_fee(fee)
    if amount_in == 0:
        raise Revert("UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT")
    if reserve_in == 0 or reserve_out == 0:
        raise Revert("UniswapV2Library: INSUFFICIENT_LIQUIDITY")
    with_fee = checked(amount_in * multiplier, "ds-math-mul-overflow")
    checked(with_fee * reserve_out, "ds-math-mul-overflow")
    checked(checked(reserve_in * denominator, "ds-math-mul-overflow") + with_fee, "ds-math-add-overflow")
    return constant_product_calc_exact_in(amount_in, reserve_in, reserve_out, Fraction(fee, 1_000_000))


def library_in(amount_out, reserve_in, reserve_out, fee):
    """getAmountIn's refusals (the amount itself is degenbot's)."""
    multiplier, denominator = contract_fee(fee)
    if amount_out == 0:
        raise Revert("UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT")
    if reserve_in == 0 or reserve_out == 0:
        raise Revert("UniswapV2Library: INSUFFICIENT_LIQUIDITY")
    numerator = checked(checked(reserve_in * amount_out, "ds-math-mul-overflow") * denominator, "ds-math-mul-overflow")
    if amount_out > reserve_out:
        raise Revert("ds-math-sub-underflow")
    divisor = checked((reserve_out - amount_out) * multiplier, "ds-math-mul-overflow")
    if divisor == 0:
        raise Revert("division by zero")
    checked(numerator // divisor + 1, "ds-math-add-overflow")
    return constant_product_calc_exact_out(amount_out, reserve_in, reserve_out, Fraction(fee, 1_000_000))


def quote(reserve0, reserve1, fee, zero_for_one, amount, exact_in):
    reserve_in, reserve_out = (reserve0, reserve1) if zero_for_one else (reserve1, reserve0)
    try:
        if exact_in:
            amount_in, amount_out = amount, library_out(amount, reserve_in, reserve_out, fee)
        else:
            amount_in, amount_out = library_in(amount, reserve_in, reserve_out, fee), amount
        if amount_out == 0:
            raise Revert("UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT")
        if reserve_in + amount_in > MAX_RESERVE:
            raise Revert("UniswapV2: OVERFLOW")
    except Revert as reason:
        return {"error": {"kind": "revert", "message": str(reason)}}
    new_in, new_out = reserve_in + amount_in, reserve_out - amount_out
    new0, new1 = (new_in, new_out) if zero_for_one else (new_out, new_in)
    return {"amountIn": str(amount_in), "amountOut": str(amount_out), "reserve0": str(new0), "reserve1": str(new1)}


def case(kind, reserve0, reserve1, fee, zero_for_one, amount, exact_in):
    request = {
        "pool": {"plugin": "uniswap-v2", "reserve0": str(reserve0), "reserve1": str(reserve1), "fee": fee},
        "zeroForOne": zero_for_one,
        ("amountIn" if exact_in else "amountOut"): str(amount),
    }
    return {"kind": kind, "request": request, "response": quote(reserve0, reserve1, fee, zero_for_one, amount, exact_in)}


def log_uniform(rng, bits):
    return rng.getrandbits(rng.randint(1, bits))


def build(seed):
    rng = random.Random(seed)
    cases = []
    for _ in range(RANDOM_CASES):
        reserve0, reserve1 = log_uniform(rng, 112), log_uniform(rng, 112)
        exact_in = rng.random() < 0.6
        zero_for_one = rng.random() < 0.5
        reserve_out = reserve1 if zero_for_one else reserve0
        amount = log_uniform(rng, 120) if exact_in else rng.randint(1, max(1, reserve_out))
        cases.append(case("random-exact-in" if exact_in else "random-exact-out",
                          reserve0, reserve1, rng.choice(FEES), zero_for_one, amount, exact_in))
    for _ in range(300):
        fee = rng.choice(FEES)
        near = MAX_RESERVE - rng.getrandbits(rng.randint(1, 60))
        cases.append(case("extreme-reserves-near-2^112", near, MAX_RESERVE - rng.getrandbits(40), fee,
                          rng.random() < 0.5, log_uniform(rng, 64), True))
        cases.append(case("extreme-input-overflows-reserve", log_uniform(rng, 112), log_uniform(rng, 112), fee,
                          rng.random() < 0.5, MAX_RESERVE + rng.getrandbits(100), True))
        cases.append(case("extreme-mul-overflow", log_uniform(rng, 112), log_uniform(rng, 112), fee,
                          rng.random() < 0.5, UINT256 - 1 - rng.getrandbits(200), True))
        cases.append(case("dust", log_uniform(rng, 112), log_uniform(rng, 112), fee,
                          rng.random() < 0.5, rng.randint(1, 1000), True))
        reserve0, reserve1 = log_uniform(rng, 112) + 1, log_uniform(rng, 112) + 1
        zero_for_one = rng.random() < 0.5
        whole = reserve1 if zero_for_one else reserve0
        cases.append(case("exact-out-whole-reserve", reserve0, reserve1, fee, zero_for_one, whole + rng.randint(0, 1), False))
        cases.append(case("exact-out-reserve-minus-one", reserve0, reserve1, fee, zero_for_one, max(1, whole - 1), False))
        cases.append(case("zero-amount", reserve0, reserve1, fee, zero_for_one, 0, rng.random() < 0.5))
        cases.append(case("empty-reserve", 0 if zero_for_one else reserve0, reserve1 if zero_for_one else 0, fee,
                          zero_for_one, log_uniform(rng, 64), rng.random() < 0.5))
    return {"cases": cases}
