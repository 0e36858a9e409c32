"""Camelot V3 (Algebra v1.9, branch v1-modified-direction-based-fee @ ab8ea842) swap math
transcribed from the Solidity into Python integers, for pool_camelot.py: TickMath, FullMath,
TokenDeltaMath, PriceMovementMath, TickTable.nextTickInTheSameRow, LiquidityMath and the loop
of AlgebraPool._calculateSwapAndLock (Solidity 0.7.6: raw arithmetic wraps, LowGasSafeMath and
SafeCast revert without a reason, reported here as "")."""

U256 = 2**256
MIN_TICK = -887272
MAX_TICK = 887272
MIN_SQRT_RATIO = 4295128739
MAX_SQRT_RATIO = 1461446703485210103287273052203988822378723970342
Q96 = 2**96
Q128 = 2**128
UINT160_MAX = 2**160 - 1


class Revert(Exception):
    pass


def require(condition, reason=""):
    if not condition:
        raise Revert(reason)


def wrap(x):
    return x % U256


def wrap_int(x, bits=256):
    x %= 2**bits
    return x - 2**bits if x >= 2**(bits - 1) else x


# FullMath (Algebra's): floor/ceil of a*b/d with a 512-bit product; reverts where the result
# does not fit 256 bits or d is zero.
def mul_div(a, b, d):
    require(d > 0)
    result = a * b // d
    require(result < U256)
    return result


def mul_div_rounding_up(a, b, d):
    if a == 0 or (a * b) < U256:
        require(d > 0)
        product = a * b
        return product // d + (1 if product % d > 0 else 0)
    result = mul_div(a, b, d)
    if (a * b) % d > 0:
        require(result < U256 - 1)
        result += 1
    return result


def div_rounding_up(x, y):  # assembly: division by zero gives 0
    if y == 0:
        return 0
    return x // y + (1 if x % y > 0 else 0)


def to_uint160(y):
    require(y <= UINT160_MAX)
    return y


def to_int256(y):
    require(y < 2**255)
    return y


def safe_add_int(x, y):
    z = wrap_int(x + y)
    require((z >= x) == (y >= 0))
    return z


def safe_sub_int(x, y):
    z = wrap_int(x - y)
    require((z <= x) == (y >= 0))
    return z


def safe_add(x, y):
    z = wrap(x + y)
    require(z >= x)
    return z


# TickMath
TICK_FACTORS = (
    0xfff97272373d413259a46990580e213a, 0xfff2e50f5f656932ef12357cf3c7fdcc, 0xffe5caca7e10e4e61c3624eaa0941cd0,
    0xffcb9843d60f6159c9db58835c926644, 0xff973b41fa98c081472e6896dfb254c0, 0xff2ea16466c96a3843ec78b326b52861,
    0xfe5dee046a99a2a811c461f1969c3053, 0xfcbe86c7900a88aedcffc83b479aa3a4, 0xf987a7253ac413176f2b074cf7815e54,
    0xf3392b0822b70005940c7a398e4b70f3, 0xe7159475a2c29b7443b29c7fa6e889d9, 0xd097f3bdfd2022b8845ad8f792aa5825,
    0xa9f746462d870fdf8a65dc1f90e061e5, 0x70d869a156d2a1b890bb3df62baf32f7, 0x31be135f97d08fd981231505542fcfa6,
    0x9aa508b5b7a84e1c677de54f3e99bc9, 0x5d6af8dedb81196699c329225ee604, 0x2216e584f5fa1ea926041bedfe98,
    0x48a170391f7dc42444e8fa2,
)


def get_sqrt_ratio_at_tick(tick):
    abs_tick = abs(tick)
    require(abs_tick <= MAX_TICK, "T")
    ratio = 0xfffcb933bd6fad37aa2d162d1a594001 if abs_tick & 1 else 0x100000000000000000000000000000000
    for bit, factor in enumerate(TICK_FACTORS, start=1):
        if abs_tick & (1 << bit):
            ratio = (ratio * factor) >> 128
    if tick > 0:
        ratio = (U256 - 1) // ratio
    return (ratio >> 32) + (0 if ratio % (1 << 32) == 0 else 1)


def get_tick_at_sqrt_ratio(price):
    require(MIN_SQRT_RATIO <= price < MAX_SQRT_RATIO, "R")
    ratio = price << 32
    msb = ratio.bit_length() - 1
    r = ratio >> (msb - 127) if msb >= 128 else ratio << (127 - msb)
    log_2 = (msb - 128) << 64
    for shift in range(63, 49, -1):
        r = (r * r) >> 127
        f = r >> 128
        log_2 |= f << shift
        r >>= f
    log_sqrt10001 = log_2 * 255738958999603826347141
    tick_low = wrap_int((log_sqrt10001 - 3402992956809132418596140100660247210) >> 128, 24)
    tick_hi = wrap_int((log_sqrt10001 + 291339464771989622907027621153398088495) >> 128, 24)
    if tick_low == tick_hi:
        return tick_low
    return tick_hi if get_sqrt_ratio_at_tick(tick_hi) <= price else tick_low


# TokenDeltaMath
def get_token0_delta(lower, upper, liquidity, round_up):
    price_delta = wrap(upper - lower)
    require(price_delta < upper)
    shifted = liquidity << 96
    if round_up:
        return div_rounding_up(mul_div_rounding_up(price_delta, shifted, upper), lower)
    return mul_div(price_delta, shifted, upper) // lower


def get_token1_delta(lower, upper, liquidity, round_up):
    require(upper >= lower)
    price_delta = upper - lower
    return mul_div_rounding_up(price_delta, liquidity, Q96) if round_up else mul_div(price_delta, liquidity, Q96)


# PriceMovementMath
def get_new_price(price, liquidity, amount, zero_to_one, from_input):
    require(price > 0)
    require(liquidity > 0)
    if zero_to_one == from_input:
        if amount == 0:
            return price
        shifted = liquidity << 96
        if from_input:
            product = wrap(amount * price)
            if product // amount == price:
                denominator = wrap(shifted + product)
                if denominator >= shifted:
                    return mul_div_rounding_up(shifted, price, denominator) % 2**160
            return div_rounding_up(shifted, safe_add(shifted // price, amount)) % 2**160
        product = wrap(amount * price)
        require(product // amount == price)
        require(shifted > product)
        return to_uint160(mul_div_rounding_up(shifted, price, shifted - product))
    if from_input:
        quotient = (amount << 96) // liquidity if amount <= UINT160_MAX else mul_div(amount, Q96, liquidity)
        return to_uint160(safe_add(price, quotient))
    quotient = div_rounding_up(amount << 96, liquidity) if amount <= UINT160_MAX else mul_div_rounding_up(amount, Q96, liquidity)
    require(price > quotient)
    return price - quotient


def move_price_towards_target(zero_to_one, current, target, liquidity, amount_available, fee):
    def amount_a(to, frm):
        return get_token0_delta(to, frm, liquidity, True) if zero_to_one else get_token1_delta(frm, to, liquidity, True)

    def amount_b(to, frm):
        return get_token1_delta(to, frm, liquidity, False) if zero_to_one else get_token0_delta(frm, to, liquidity, False)

    if amount_available >= 0:
        after_fee = mul_div(amount_available, 10**6 - fee, 10**6)
        inp = amount_a(target, current)
        if after_fee >= inp:
            result = target
            fee_amount = mul_div_rounding_up(inp, fee, 10**6 - fee)
        else:
            result = get_new_price(current, liquidity, after_fee, zero_to_one, True)
            if target != result:
                inp = amount_a(result, current)
                fee_amount = amount_available - inp
            else:
                fee_amount = mul_div_rounding_up(inp, fee, 10**6 - fee)
        out = amount_b(result, current)
    else:
        out = amount_b(target, current)
        available = wrap(-amount_available)  # int256 negation wraps; uint256() reinterprets
        if available >= out:
            result = target
        else:
            result = get_new_price(current, liquidity, available, zero_to_one, False)
            if target != result:
                out = amount_b(result, current)
            if out > available:
                out = available
        inp = amount_a(result, current)
        fee_amount = mul_div_rounding_up(inp, fee, 10**6 - fee)
    return result, inp, out, fee_amount


# TickTable
def msb(word):
    return word.bit_length() - 1


def next_tick_in_the_same_row(table, tick, lte):
    if lte:
        row, bit = tick >> 8, tick & 0xFF
        word = (table.get(row, 0) << (255 - bit)) % U256
        if word != 0:
            tick -= 255 - msb(word)
            return bound_tick(tick), True
        return bound_tick(tick - bit), False
    tick += 1
    row, bit = tick >> 8, tick & 0xFF
    word = table.get(row, 0) >> bit
    if word != 0:
        lowest = word & -word
        return bound_tick(tick + msb(lowest)), True
    return bound_tick(tick + 255 - bit), False


def bound_tick(tick):
    return min(max(tick, MIN_TICK), MAX_TICK)


def add_delta(x, y):
    if y < 0:
        z = (x - ((-y) % 2**128)) % 2**128
        require(z < x, "LS")
    else:
        z = (x + y) % 2**128
        require(z >= x, "LA")
    return z


def swap(price, tick, liquidity, fee, community_fee, ticks, zero_to_one, amount_required, limit):
    """_calculateSwapAndLock on (price, tick, liquidity) with `ticks` {tick: liquidityDelta};
    returns (amount0, amount1, price, tick, liquidity)."""
    require(amount_required != 0, "AS")
    initial, exact_input = amount_required, amount_required > 0
    if zero_to_one:
        require(limit < price and limit > MIN_SQRT_RATIO, "SPL")
    else:
        require(limit > price and limit < MAX_SQRT_RATIO, "SPL")
    table = {}
    for t in ticks:
        table[t >> 8] = table.get(t >> 8, 0) | (1 << (t & 0xFF))
    calculated = 0
    while True:
        step_price = price
        next_tick, initialized = next_tick_in_the_same_row(table, tick, zero_to_one)
        next_price = get_sqrt_ratio_at_tick(next_tick)
        target = limit if zero_to_one == (next_price < limit) else next_price
        price, inp, out, fee_amount = move_price_towards_target(zero_to_one, price, target, liquidity, amount_required, fee)
        if exact_input:
            amount_required = wrap_int(amount_required - to_int256(wrap(inp + fee_amount)))
            calculated = safe_sub_int(calculated, to_int256(out))
        else:
            amount_required = wrap_int(amount_required + to_int256(out))
            calculated = safe_add_int(calculated, to_int256(wrap(inp + fee_amount)))
        if community_fee > 0:
            product = fee_amount * community_fee
            require(product < U256)
            fee_amount -= product // 1000
        if liquidity > 0:
            mul_div(fee_amount, Q128, liquidity)
        if price == next_price:
            if initialized:
                delta = ticks[next_tick]
                if zero_to_one:
                    delta = wrap_int(-delta, 128)
                liquidity = add_delta(liquidity, delta)
            tick = next_tick - 1 if zero_to_one else next_tick
        elif price != step_price:
            tick = get_tick_at_sqrt_ratio(price)
            break
        if amount_required == 0 or price == limit:
            break
    used = wrap_int(initial - amount_required)
    if zero_to_one == exact_input:
        return used, calculated, price, tick, liquidity
    return calculated, used, price, tick, liquidity
