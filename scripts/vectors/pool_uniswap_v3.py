"""Uniswap V3 pool-math vectors judged by the real contracts: pool_uniswap_v3.json.

Peers computing the expected answers:
- The genuine UniswapV3Factory and UniswapV3Pool creation code shipped in the
  web3-ethereum-defi 1.2 wheel (.venv/wheels; read out of the zip, never
  installed), run in pyrevm (revm). The pool code's keccak must be the public
  POOL_INIT_CODE_HASH, the factory's code must embed it, and every pool the
  factory creates must sit at the CREATE2 address that hash gives.
- vyper compiles our own helpers (scripts/vectors/contracts): a mintable ERC20
  and a callee that mints and swaps through the pool's callbacks.
- degenbot's Python port of UniswapV3Pool.swap re-computes a sample of the
  swaps offline (its swap loop on our recorded state); any difference from the
  EVM stops the generation.

Each episode creates a pool (fees 100/500/3000/10000 in turn; 100 enabled by
the factory owner as on mainnet; some with a protocol fee switched on), mints
positions by profile (random, many-ticks, extreme-tick, max-liquidity,
no-liquidity, shared-ticks) and swaps on it, with the odd mint or burn between
swaps. Each case is one `swap` on the pool as the previous case left it. The
request is the `mevbot quote` V3 shape built from what the pool reports before
the swap: slot0, liquidity, fee, tickSpacing and every initialized tick with
its liquidityNet (read with ticks(t), checked against tickBitmap, and at the
end of the episode every bitmap word is checked to hold only those ticks). The
response is the swap's return values (equal to its Swap event) with slot0 and
liquidity read after it, or {"error":{"kind":"revert","message":<reason>}}.
A case's kind is "<profile>/<scenario>" ("<scenario>" for the random profile),
or "revert-<reason>" when the pool reverted.
"""

import json
import math
import random
import sys
import zipfile
from functools import lru_cache
from pathlib import Path

from eth_abi import decode, encode
from eth_utils import keccak, to_checksum_address

import evm_harness
import degenbot_check

FILE = "pool_uniswap_v3.json"
PEERS = ("pyrevm", "vyper", "degenbot", "eth-abi")  # plus the web3-ethereum-defi 1.2 wheel (not installed)

WHEEL = Path(sys.prefix) / "wheels" / "web3_ethereum_defi-1.2-py3-none-any.whl"
POOL_INIT_CODE_HASH = bytes.fromhex("e34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54")

MIN_TICK, MAX_TICK = -887272, 887272
MIN_SQRT_RATIO = 4295128739
MAX_SQRT_RATIO = 1461446703485210103287273052203988822378723970342
INT256_MAX = (1 << 255) - 1
INT256_MIN = -(1 << 255)
Q96 = 1 << 96
TICK_SPACINGS = {100: 1, 500: 10, 3000: 60, 10000: 200}  # 100 is enabled by the owner, as on mainnet
SWAP_EVENT = keccak(text="Swap(address,address,int256,int256,uint160,uint128,int24)")

TOTAL_CASES = 22_000
DEGENBOT_SAMPLE = 3  # one swap in DEGENBOT_SAMPLE is re-computed by degenbot

# Episode profiles: (name, weight, positions (min, max), swaps (min, max)).
PROFILES = (
    ("random", 50, (1, 12), (20, 50)),
    ("many-ticks", 10, (30, 70), (10, 25)),
    ("extreme-tick", 12, (1, 6), (15, 40)),
    ("max-liquidity", 10, (1, 5), (15, 40)),
    ("no-liquidity", 8, (0, 3), (10, 25)),
    ("shared-ticks", 10, (4, 12), (20, 40)),
)
# Swap scenarios and their weights.
SCENARIOS = (
    ("random", 30), ("exact-out", 20), ("limit", 10), ("limit-at-tick", 6), ("exhaust", 6),
    ("exhaust-exact-out", 4), ("dust", 6), ("dust-exact-out", 4), ("extreme-amount", 3),
    ("revert-SPL", 4), ("revert-AS", 2),
)


def genuine_factory_code():
    """UniswapV3Factory creation code out of the wheel, with the pool creation code it embeds
    checked against the public init code hash."""
    with zipfile.ZipFile(WHEEL) as wheel:
        def creation_code(name):
            artifact = json.loads(wheel.read(f"eth_defi/abi/uniswap_v3/{name}.json"))
            return bytes.fromhex(artifact["bytecode"].removeprefix("0x"))
        factory, pool = creation_code("UniswapV3Factory"), creation_code("UniswapV3Pool")
    assert keccak(pool) == POOL_INIT_CODE_HASH, "UniswapV3Pool creation code is not the genuine one"
    assert pool in factory, "the factory does not embed the genuine pool creation code"
    return factory


@lru_cache(maxsize=None)
def bitmap_slot(word):
    """The storage slot of tickBitmap[word] (tickBitmap is the pool's slot 6; read_ticks checks it
    against the tickBitmap view)."""
    return int.from_bytes(keccak(word.to_bytes(32, "big", signed=True) + (6).to_bytes(32, "big")), "big")


def usable_tick_range(spacing):
    """The lowest and highest ticks a position may use (the contract rounds toward zero)."""
    return -(MAX_TICK // spacing) * spacing, (MAX_TICK // spacing) * spacing


def sqrt_price_near_tick(rng, tick):
    """Some sqrtPriceX96 within the tick's neighbourhood, inside [MIN, MAX)."""
    price = int(Q96 * 1.0001 ** ((tick + rng.random()) / 2))
    return min(max(price, MIN_SQRT_RATIO), MAX_SQRT_RATIO - 1)


class Pool:
    """A pool under test: its address, immutables, and the initialized ticks we minted."""

    def __init__(self, chain, callee, address):
        self.chain, self.callee, self.address = chain, callee, address
        self.fee = chain.view(address, "fee()", returns=["uint24"])[0]
        self.spacing = chain.view(address, "tickSpacing()", returns=["int24"])[0]
        self.max_liquidity_per_tick = chain.view(address, "maxLiquidityPerTick()", returns=["uint128"])[0]
        self.ticks = {}  # tick -> [liquidityGross, liquidityNet], as our mints and burns make them
        self.cleared = set()  # ticks our burns emptied since the last read_ticks
        self.positions = []  # [tickLower, tickUpper, liquidity] the callee holds
        self.words = {}  # tickBitmap word -> bits, as read_ticks last checked them
        self.tick_list = []  # [[tick, "liquidityNet"], ...] ascending, as the pool reports them

    def slot0(self):
        """(sqrtPriceX96, tick) from slot0()."""
        return self.chain.view(self.address, "slot0()",
                               returns=["uint160", "int24", "uint16", "uint16", "uint16", "uint8", "bool"])[:2]

    def liquidity(self):
        """liquidity(): the in-range liquidity."""
        return self.chain.view(self.address, "liquidity()", returns=["uint128"])[0]

    def mint(self, lower, upper, amount):
        """Adds a position through the callee; False (state unchanged) when the pool reverts."""
        try:
            self.chain.send(self.callee, "mint(address,int24,int24,uint128)",
                            ["address", "int24", "int24", "uint128"], [self.address, lower, upper, amount])
        except evm_harness.Reverted:
            return False
        self.positions.append([lower, upper, amount])
        self._book(lower, upper, amount)
        return True

    def burn(self, index, amount):
        """Removes `amount` of position `index` through the callee (the pool clears emptied ticks)."""
        lower, upper, held = self.positions[index]
        self.chain.send(self.callee, "burn(address,int24,int24,uint128)",
                        ["address", "int24", "int24", "uint128"], [self.address, lower, upper, amount])
        self.positions[index][2] = held - amount
        if held == amount:
            del self.positions[index]
        self._book(lower, upper, -amount)

    def _book(self, lower, upper, delta):
        """Our bookkeeping of ticks for a liquidity change of `delta` on [lower, upper)."""
        for tick, net in ((lower, delta), (upper, -delta)):
            gross_net = self.ticks.setdefault(tick, [0, 0])
            gross_net[0] += delta
            gross_net[1] += net
            if gross_net[0] == 0:
                del self.ticks[tick]
                self.cleared.add(tick)

    def read_ticks(self):
        """Reads every initialized tick back with ticks(t), checks it and the bitmap words that
        hold ticks, checks that burnt-out ticks are cleared, and caches the request's tick list."""
        words = {}
        listed = []
        for tick in sorted(self.ticks):
            gross, net = self.ticks[tick]
            info = self.tick_info(tick)
            assert (info[0], info[1], info[7]) == (gross, net, True), (tick, info, gross, net)
            compressed = tick // self.spacing
            words[compressed >> 8] = words.get(compressed >> 8, 0) | (1 << (compressed & 255))
            listed.append([tick, str(info[1])])
        for tick in self.cleared - set(self.ticks):
            info = self.tick_info(tick)
            assert info[0] == 0 and not info[7], (tick, info)
        self.cleared.clear()
        for word, bits in words.items():
            on_chain = self.chain.view(self.address, "tickBitmap(int16)", ["int16"], [word], ["uint256"])[0]
            assert on_chain == bits, (word, hex(on_chain), hex(bits))
            assert self.chain.evm.storage(self.address, bitmap_slot(word)) == on_chain, "tickBitmap is not slot 6"
        self.tick_list = listed
        self.words = words

    def tick_info(self, tick):
        """ticks(t): (liquidityGross, liquidityNet, ..., initialized)."""
        return self.chain.view(self.address, "ticks(int24)", ["int24"], [tick],
                               ["uint128", "int128", "uint256", "uint256", "int56", "uint160", "uint32", "bool"])

    def check_whole_bitmap(self):
        """Every tickBitmap word the pool can use (read from storage) holds exactly our ticks' bits,
        so the request's tick list is every initialized tick there is."""
        low, high = usable_tick_range(self.spacing)
        for word in range((low // self.spacing) >> 8, ((high // self.spacing) >> 8) + 1):
            bits = self.chain.evm.storage(self.address, bitmap_slot(word))
            assert bits == self.words.get(word, 0), (word, hex(bits))

    def request(self, zero_for_one, amount_specified, limit):
        """The `mevbot quote` request for a swap on the pool as it is now."""
        sqrt_price, tick = self.slot0()
        return {
            "pool": {"plugin": "uniswap-v3", "sqrtPriceX96": str(sqrt_price), "tick": tick,
                     "liquidity": str(self.liquidity()), "fee": self.fee, "tickSpacing": self.spacing,
                     "ticks": self.tick_list},
            "zeroForOne": zero_for_one, "amountSpecified": str(amount_specified),
            "sqrtPriceLimitX96": str(limit),
        }

    def swap(self, zero_for_one, amount_specified, limit):
        """Swaps in the EVM; the `mevbot quote` response (state read back after the swap)."""
        try:
            amount0, amount1 = self.chain.send(
                self.callee, "swap(address,bool,int256,uint160)", ["address", "bool", "int256", "uint160"],
                [self.address, zero_for_one, amount_specified, limit], ["int256", "int256"])
        except evm_harness.Reverted as revert:
            return {"error": {"kind": "revert", "message": revert.message}}
        events = [decode(["int256", "int256", "uint160", "uint128", "int24"], data)
                  for address, topics, data in self.chain.logs()
                  if address == self.address.lower() and topics[0] == SWAP_EVENT]
        sqrt_price, tick = self.slot0()
        liquidity = self.liquidity()
        assert events == [(amount0, amount1, sqrt_price, liquidity, tick)], (events, amount0, amount1)
        return {"amount0": str(amount0), "amount1": str(amount1), "sqrtPriceX96": str(sqrt_price),
                "tick": tick, "liquidity": str(liquidity)}


class Judge:
    """The chain with the genuine factory, our callee, and fresh token pairs for new pools."""

    def __init__(self):
        self.chain = evm_harness.Chain()
        self.factory = self.chain.deploy(genuine_factory_code())
        self.chain.send(self.factory, "enableFeeAmount(uint24,int24)", ["uint24", "int24"], [100, 1])
        self.callee = self.chain.deploy(evm_harness.compile_vyper("PoolCallee"))
        self.token_code = evm_harness.compile_vyper("MintableToken")

    def new_pool(self, fee, sqrt_price):
        """Creates and initializes a pool of `fee` on two new tokens, checking its CREATE2 address."""
        token0, token1 = sorted((self.chain.deploy(self.token_code) for _ in range(2)), key=lambda a: int(a, 16))
        (address,) = self.chain.send(self.factory, "createPool(address,address,uint24)",
                                     ["address", "address", "uint24"], [token0, token1, fee], ["address"])
        salt = keccak(encode(["address", "address", "uint24"], [token0, token1, fee]))
        expected = keccak(b"\xff" + bytes.fromhex(self.factory[2:]) + salt + POOL_INIT_CODE_HASH)[12:]
        assert address.lower() == "0x" + expected.hex(), "pool is not at the init-code-hash address"
        self.chain.send(address, "initialize(uint160)", ["uint160"], [sqrt_price])
        return Pool(self.chain, self.callee, to_checksum_address(address))


def random_liquidity(rng, pool, profile):
    """Position liquidity: log-uniform, or within a hair of maxLiquidityPerTick."""
    if profile == "max-liquidity" and rng.random() < 0.7:
        return pool.max_liquidity_per_tick - rng.randrange(0, 1 << rng.randrange(1, 64))
    return max(1, int(10 ** rng.uniform(0, 26)))


def random_position(rng, pool, profile, current_tick):
    """A (lower, upper) range: narrow around the price, wide, full range, or away from the price."""
    spacing = pool.spacing
    low, high = usable_tick_range(spacing)
    here = max(low, min(high, current_tick // spacing * spacing))
    shape = rng.choices(("narrow", "wide", "full", "away", "edge"),
                        (6, 3, 2, 2, 1) if profile != "many-ticks" else (12, 2, 1, 2, 0))[0]
    if profile == "no-liquidity" or shape == "away":
        width = rng.randrange(1, 200) * spacing
        gap = rng.randrange(1, 300) * spacing
        lower, upper = (here + gap, here + gap + width) if rng.random() < 0.5 else (here - gap - width, here - gap)
    elif shape == "narrow":
        lower = here - rng.randrange(0, 6) * spacing
        upper = here + rng.randrange(1, 7) * spacing
    elif shape == "wide":
        lower = here - rng.randrange(1, 60000 // spacing + 2) * spacing
        upper = here + rng.randrange(1, 60000 // spacing + 2) * spacing
    elif shape == "full":
        lower, upper = low, high
    else:
        lower, upper = (low, low + rng.randrange(1, 50) * spacing) if rng.random() < 0.5 \
            else (high - rng.randrange(1, 50) * spacing, high)
    lower, upper = max(low, lower), min(high, upper)
    if lower >= upper:
        lower, upper = low, high
    return lower, upper


def initial_tick(rng, profile):
    """Where a new pool starts: within 3000 ticks of MIN/MAX for extreme-tick, else mostly near 0."""
    if profile == "extreme-tick":
        offset = rng.choice((rng.randrange(0, 30), rng.randrange(0, 3000)))
        return MIN_TICK + offset if rng.random() < 0.5 else MAX_TICK - 1 - offset
    return int(rng.triangular(-300000, 300000, 0))


def populate(rng, pool, profile, count):
    """Mints `count` positions (plus, for shared-ticks, ranges that meet or cancel at one tick)."""
    _, tick = pool.slot0()
    for _ in range(count):
        lower, upper = random_position(rng, pool, profile, tick)
        amount = random_liquidity(rng, pool, profile)
        pool.mint(lower, upper, amount)
        if profile == "shared-ticks" and rng.random() < 0.6:
            # a second range starting where this one ends: with the same liquidity the shared tick
            # is initialized with liquidityNet 0
            width = rng.randrange(1, 20) * pool.spacing
            top = min(usable_tick_range(pool.spacing)[1], upper + width)
            if top > upper:
                pool.mint(upper, top, amount if rng.random() < 0.7 else random_liquidity(rng, pool, profile))
    pool.read_ticks()


def amount_scale(zero_for_one, sqrt_price, liquidity):
    """About the input token amount that moves the price by a factor of e (1 if no liquidity)."""
    if liquidity == 0:
        return 1
    return max(1, liquidity * Q96 // sqrt_price if zero_for_one else liquidity * sqrt_price // Q96)


def no_limit(zero_for_one):
    """The loosest limit the pool accepts: MIN_SQRT_RATIO + 1 or MAX_SQRT_RATIO - 1."""
    return MIN_SQRT_RATIO + 1 if zero_for_one else MAX_SQRT_RATIO - 1


def random_limit(rng, zero_for_one, sqrt_price):
    """A limit between the price and the bound on the swap's side, log-uniformly spread in the
    price's log distance to that bound; the bound itself when there is no room."""
    bound = MIN_SQRT_RATIO + 1 if zero_for_one else MAX_SQRT_RATIO - 1
    if (sqrt_price <= bound) if zero_for_one else (sqrt_price >= bound):
        return bound
    share = 10 ** rng.uniform(-6, 0)
    limit = int(math.exp(math.log(sqrt_price) + share * (math.log(bound) - math.log(sqrt_price))))
    if zero_for_one:
        return min(max(limit, bound), sqrt_price - 1)
    return max(min(limit, bound), sqrt_price + 1)


def wrong_limit(rng, zero_for_one, sqrt_price):
    """A limit the pool rejects with "SPL"."""
    if zero_for_one:
        return rng.choice((sqrt_price, sqrt_price + rng.randrange(1, 1 << 64), MIN_SQRT_RATIO,
                           rng.randrange(0, MIN_SQRT_RATIO), MAX_SQRT_RATIO))
    return rng.choice((sqrt_price, max(0, sqrt_price - rng.randrange(1, 1 << 64)), MAX_SQRT_RATIO,
                       rng.randrange(MAX_SQRT_RATIO, 1 << 160), MIN_SQRT_RATIO))


def plan_swap(rng, pool, scenario):
    """(zeroForOne, amountSpecified, sqrtPriceLimitX96) for a scenario on the pool as it is now."""
    sqrt_price, tick = pool.slot0()
    liquidity = pool.liquidity()
    zero_for_one = rng.random() < 0.5
    if sqrt_price in (MIN_SQRT_RATIO, MIN_SQRT_RATIO + 1, MAX_SQRT_RATIO - 1) and rng.random() < 0.9:
        zero_for_one = sqrt_price > MIN_SQRT_RATIO + 1  # mostly away from a bound the pool sits on
    scale = amount_scale(zero_for_one, sqrt_price, liquidity)
    amount = max(1, int(scale * 10 ** rng.uniform(-7, 1)))
    limit = no_limit(zero_for_one) if rng.random() < 0.45 else random_limit(rng, zero_for_one, sqrt_price)
    if scenario == "exact-out":
        out_scale = amount_scale(not zero_for_one, sqrt_price, liquidity)
        amount = -max(1, int(out_scale * 10 ** rng.uniform(-7, 0.5)))
    elif scenario == "limit":
        limit = random_limit(rng, zero_for_one, sqrt_price)
        amount = rng.choice((amount, INT256_MAX, -max(1, amount)))
    elif scenario == "limit-at-tick":
        ahead = [t for t, _ in pool.tick_list if (t <= tick if zero_for_one else t > tick)]
        target = (max(ahead) if zero_for_one else min(ahead)) if ahead and rng.random() < 0.7 \
            else tick + rng.randrange(-3, 4) * pool.spacing
        target = max(MIN_TICK, min(MAX_TICK, target))
        limit = degenbot_check.sqrt_ratio_at_tick(target)
        amount = rng.choice((INT256_MAX, amount * 100, -(amount * 100)))
    elif scenario == "exhaust":
        amount = rng.choice((INT256_MAX, scale << rng.randrange(10, 80), (1 << rng.randrange(128, 250))))
    elif scenario == "exhaust-exact-out":
        amount = -rng.choice((INT256_MAX, -INT256_MIN, scale << rng.randrange(10, 80), 1 << rng.randrange(128, 250)))
    elif scenario == "dust":
        amount = rng.randrange(1, 1000)
    elif scenario == "dust-exact-out":
        amount = -rng.randrange(1, 1000)
    elif scenario == "extreme-amount":
        amount = rng.choice((INT256_MAX, INT256_MIN, INT256_MIN + 1, 1 << 254, -(1 << 254)))
    elif scenario == "return-to-liquidity":
        target = rng.choice(pool.tick_list)[0] + rng.randrange(-3, 4) * pool.spacing
        limit = degenbot_check.sqrt_ratio_at_tick(max(MIN_TICK, min(MAX_TICK, target)))
        zero_for_one = limit < sqrt_price
        if limit == sqrt_price or limit in (MIN_SQRT_RATIO, MAX_SQRT_RATIO):
            limit = no_limit(zero_for_one)
        amount = rng.choice((INT256_MAX, 1 << rng.randrange(100, 250), -(1 << rng.randrange(100, 250))))
    elif scenario == "revert-SPL":
        limit = wrong_limit(rng, zero_for_one, sqrt_price)
    elif scenario == "revert-AS":
        amount = 0
        limit = rng.choice((limit, wrong_limit(rng, zero_for_one, sqrt_price)))
    return zero_for_one, amount, limit


def run_episode(rng, judge, fee, cases, budget, checker):
    """A new pool of `fee` with a random profile, then up to `budget` swaps (and the odd mint or
    burn between them) on its evolving state, appended to `cases`."""
    profile, _, positions, swaps = rng.choices(PROFILES, [p[1] for p in PROFILES])[0]
    tick = initial_tick(rng, profile)
    pool = judge.new_pool(fee, sqrt_price_near_tick(rng, tick))
    if rng.random() < 0.3:  # the protocol's cut of the fee must not change what a swap pays
        judge.chain.send(pool.address, "setFeeProtocol(uint8,uint8)", ["uint8", "uint8"],
                         [rng.choice((0, 4, 7, 10)), rng.choice((0, 4, 5, 10))])
    populate(rng, pool, profile, rng.randint(*positions))
    names, weights = zip(*SCENARIOS)
    for _ in range(min(budget, rng.randint(*swaps))):
        change = rng.random()  # liquidity changes between swaps too
        if change < 0.04:
            populate(rng, pool, profile, 1)
        elif change < 0.07 and pool.positions:
            index = rng.randrange(len(pool.positions))
            held = pool.positions[index][2]
            pool.burn(index, held if rng.random() < 0.5 else rng.randint(1, held))
            pool.read_ticks()
        scenario = rng.choices(names, weights)[0]
        if pool.tick_list and pool.liquidity() == 0 and rng.random() < 0.5:
            scenario = "return-to-liquidity"  # back from an empty stretch (often a bound) to positions
        zero_for_one, amount, limit = plan_swap(rng, pool, scenario)
        request = pool.request(zero_for_one, amount, limit)
        response = pool.swap(zero_for_one, amount, limit)
        if "error" in response:
            kind = "revert-" + (response["error"]["message"] or "empty")
        else:
            kind = scenario if profile == "random" else f"{profile}/{scenario}"
        checker.check(request, response)
        cases.append({"kind": kind, "request": request, "response": response})
    pool.read_ticks()  # swaps must have left every tick's liquidityNet and bitmap bit as minted
    pool.check_whole_bitmap()


def build(seed):
    """About TOTAL_CASES swap cases over pools of every fee tier in turn."""
    rng = random.Random(seed)
    judge = Judge()
    checker = degenbot_check.Checker(DEGENBOT_SAMPLE)
    cases = []
    fees = tuple(TICK_SPACINGS)
    episode = 0
    while len(cases) < TOTAL_CASES:
        run_episode(rng, judge, fees[episode % len(fees)], cases, TOTAL_CASES - len(cases), checker)
        episode += 1
    assert checker.checked > 0
    return {"cases": cases}
