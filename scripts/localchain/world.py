"""What is deployed on the local chain: tokens, Multicall3, factories and pools.

Block 1 deploys everything (`World.build`); `World.create_pool` adds a pool through its factory
later. Pools know the block that created them, so a reorg below that block forgets them.

A pool spec such as "uniswap-v2=3,uniswap-v3=4,curve=1" says how many pools of each kind block 1
creates: Uniswap pools take the token pairs of PAIRS in turn (V3 pools also the fee tiers, so
that no pair and fee repeat), Curve pools the coin sets of CURVE_COINS.
"""

import genuine
from curve import deploy_pool
from router import SwapRouter
from tokens import deploy_tokens
from uniswap_v2 import UniswapV2Factory
from uniswap_v3 import UniswapV3Factory

DEFAULT_SPEC = "uniswap-v2=3,uniswap-v3=4,curve=1"
PAIRS = (("WETH", "USDC"), ("WETH", "ARB"), ("ARB", "USDC"), ("WETH", "USDT"), ("USDC", "USDT"), ("DAI", "USDC"))
V3_FEES = (500, 3000, 10000, 100)
CURVE_COINS = (("USDC", "USDT"), ("USDC", "USDT", "DAI"), ("DAI", "USDC"))
LIMITS = {"uniswap-v2": len(PAIRS), "uniswap-v3": len(PAIRS) * len(V3_FEES), "curve": len(CURVE_COINS)}


def parse_spec(text):
    """{"uniswap-v2": n, "uniswap-v3": n, "curve": n} from a pool spec (missing kinds: 0)."""
    counts = dict.fromkeys(LIMITS, 0)
    for part in filter(None, (p.strip() for p in text.split(","))):
        kind, _, count = part.partition("=")
        if kind not in LIMITS or not count.isdigit() or int(count) > LIMITS[kind]:
            raise ValueError(f"bad pool spec {part!r}: kinds {sorted(LIMITS)}, at most {LIMITS}")
        counts[kind] = int(count)
    return counts


class World:
    """The deployed contracts the chain trades on."""

    def __init__(self, placed_tokens=None):
        self.placed_tokens = placed_tokens  # {symbol: address} of tokens genesis holds already
        self.tokens, self.pools = {}, []
        self.multicall = self.uniswap_v2 = self.uniswap_v3 = self.swap_router = None

    def build(self, writer, rng, counts):
        """Deploys Multicall3, the tokens, both Uniswap factories, the pools of `counts`, then
        Uniswap V3's SwapRouter (last, so the other addresses do not depend on it)."""
        deployer, code = genuine.multicall3_deployment()
        self.multicall = writer.deploy(deployer, code)
        if self.multicall.lower() != genuine.MULTICALL3.lower():
            raise genuine.NotGenuine(f"Multicall3 deployed at {self.multicall}")
        self.tokens = deploy_tokens(writer, self.placed_tokens)
        self.uniswap_v2 = UniswapV2Factory(writer)
        self.uniswap_v3 = UniswapV3Factory(writer)
        for index in range(counts["uniswap-v2"]):
            self.create_pool(writer, rng, "uniswap-v2", PAIRS[index])
        for index in range(counts["uniswap-v3"]):
            # pool 6q + r: pair r, fee (3q + r) mod 4; distinct for all 24 indexes
            fee = V3_FEES[(index + index // len(PAIRS)) % len(V3_FEES)]
            self.create_pool(writer, rng, "uniswap-v3", PAIRS[index % len(PAIRS)], fee)
        for index in range(counts["curve"]):
            coins = [self.tokens[symbol] for symbol in CURVE_COINS[index]]
            self.pools.append(deploy_pool(writer, rng, coins, writer.number))
        self.swap_router = SwapRouter(writer, self.uniswap_v3.address, self.tokens["WETH"])
        for pool in self.pools:
            if pool.dex == "uniswap-v3":
                self.swap_router.check_finds(writer.machine, pool)

    def token(self, key):
        """A token by symbol or address."""
        for token in self.tokens.values():
            if key in (token.symbol, token.address) or key.lower() == token.address.lower():
                return token
        raise ValueError(f"unknown token {key!r}")

    def create_pool(self, writer, rng, dex, symbols, fee=3000):
        """Creates a pool of two tokens through the factory of `dex`; returns it."""
        if len(symbols) != 2:
            raise ValueError("a Uniswap pool has two tokens")
        token_a, token_b = (self.token(key) for key in symbols)
        if dex == "uniswap-v2":
            pool = self.uniswap_v2.create_pool(writer, rng, token_a, token_b)
        elif dex == "uniswap-v3":
            pool = self.uniswap_v3.create_pool(writer, rng, token_a, token_b, fee)
        else:
            raise ValueError(f"pools of {dex!r} are not created through a factory here")
        self.pools.append(pool)
        return pool

    def pool(self, address):
        """The pool at `address`."""
        for pool in self.pools:
            if pool.address.lower() == address.lower():
                return pool
        raise ValueError(f"no pool at {address}")

    def forget_after(self, number):
        """Forgets pools created, and positions first minted, after block `number`."""
        self.pools = [pool for pool in self.pools if pool.created <= number]
        for pool in self.pools:
            pool.forget_after(number)

    def info(self):
        """The start line's "pools", "tokens", "multicall" and "routers" (by dex)."""
        return {"pools": [pool.info() for pool in self.pools],
                "tokens": [token.info() for token in self.tokens.values()],
                "multicall": self.multicall, "routers": {"uniswap-v3": self.swap_router.info()}}
