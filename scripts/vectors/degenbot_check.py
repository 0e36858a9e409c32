"""degenbot (0.5.0) as a second, offline peer for Uniswap V3 swaps.

degenbot's UniswapV3Pool wants a chain connection to be constructed, but its
swap loop (`_calculate_swap`, a port of UniswapV3Pool.swap over its TickMath,
SwapMath, SqrtPriceMath and LiquidityMath ports) runs on a state handed to it.
`Checker` builds a bare instance carrying only what that loop reads (fee,
tickSpacing, an empty swap-step cache) and gives it the request's state with a
complete tick map, so it never reaches for the chain.
"""

import threading

from degenbot.exceptions.evm import EVMRevertError
from degenbot.uniswap.v3_libraries.tick_math import get_sqrt_ratio_at_tick
from degenbot.uniswap.v3_liquidity_pool import UniswapV3Pool
from degenbot.uniswap.v3_types import UniswapV3LiquidityAtTick, UniswapV3PoolState

ZERO_ADDRESS = "0x0000000000000000000000000000000000000000"


def sqrt_ratio_at_tick(tick):
    """TickMath.getSqrtRatioAtTick as degenbot ports it."""
    return get_sqrt_ratio_at_tick(tick)


class EveryWord(dict):
    """A tick bitmap that has every word: degenbot's loop reads the ticks from tick_data and only
    asks the bitmap whether a word was fetched (a missing word would send it to the chain)."""

    def __contains__(self, word):
        return True


def simulate(request):
    """degenbot's answer to a `mevbot quote` V3 request, in the response shape."""
    pool_fields = request["pool"]
    pool = object.__new__(UniswapV3Pool)
    pool.fee = pool_fields["fee"]
    pool.tick_spacing = pool_fields["tickSpacing"]
    pool.sparse_liquidity_map = True  # its per-word search, like the contract's nextInitializedTickWithinOneWord
    pool._swap_step_cache = {}
    pool._swap_step_cache_lock = threading.Lock()
    # the swap reads only liquidityNet; gross is not in the request and not used by the loop
    ticks = {tick: UniswapV3LiquidityAtTick(liquidity_net=int(net), liquidity_gross=abs(int(net)))
             for tick, net in pool_fields["ticks"]}
    state = UniswapV3PoolState(
        address=ZERO_ADDRESS, block=None, liquidity=int(pool_fields["liquidity"]),
        sqrt_price_x96=int(pool_fields["sqrtPriceX96"]), tick=pool_fields["tick"],
        tick_bitmap=EveryWord(), tick_data=ticks)
    try:
        amount0, amount1, sqrt_price, liquidity, tick = pool._calculate_swap(
            zero_for_one=request["zeroForOne"], amount_specified=int(request["amountSpecified"]),
            sqrt_price_limit_x96=int(request["sqrtPriceLimitX96"]), override_state=state)
    except EVMRevertError as revert:
        return {"error": {"kind": "revert", "message": revert.error}}
    return {"amount0": str(amount0), "amount1": str(amount1), "sqrtPriceX96": str(sqrt_price),
            "tick": tick, "liquidity": str(liquidity)}


class Checker:
    """Re-computes one case in `every` with degenbot and stops on any difference."""

    def __init__(self, every):
        """Checks cases every, 2·every, ...; `checked` counts those that agreed."""
        self.every = every
        self.seen = 0
        self.checked = 0

    def check(self, request, response):
        """Compares degenbot's answer to the EVM's `response` if this case is in the sample."""
        self.seen += 1
        if self.seen % self.every:
            return
        expected = simulate(request)
        assert expected == response, \
            f"degenbot disagrees with the EVM:\n{request}\nEVM {response}\ndegenbot {expected}"
        self.checked += 1
