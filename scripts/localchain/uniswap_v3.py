"""Uniswap V3 on the local chain: the genuine factory, its pools, and random activity on them.

Positions, swaps and burns go through PoolCallee (scripts/vectors/contracts), which pays the
pool's callbacks by minting the owed TestTokens. Each pool starts with one full-range position;
later mints are narrow ranges around the price and swaps move the price up to 12 tick spacings
to a price limit, so swaps cross the initialized ticks of those ranges.
"""

import math

from eth_abi import encode
from eth_utils import keccak, to_checksum_address

import genuine
from tokens import DEPLOYER

DEX = "uniswap-v3"
MIN_TICK, MAX_TICK = -887272, 887272
MIN_SQRT_RATIO = 4295128739
MAX_SQRT_RATIO = 1461446703485210103287273052203988822378723970342
SPACINGS = {100: 1, 500: 10, 3000: 60, 10000: 200}
SWAP_LIMIT = (1 << 127) - 1  # exact input large enough that the price limit ends every swap
TICK_INFO = ["uint128", "int128", "uint256", "uint256", "int56", "uint160", "uint32", "bool"]


def sqrt_price_at(tick):
    """An approximation of TickMath.getSqrtRatioAtTick, inside the valid range."""
    price = int(math.sqrt(1.0001 ** tick) * (1 << 96))
    return min(max(price, MIN_SQRT_RATIO + 1), MAX_SQRT_RATIO - 1)


class UniswapV3Factory:
    """The deployed UniswapV3Factory (owner DEPLOYER, fee 100 enabled as on mainnet) and the callee."""

    def __init__(self, writer):
        self.address = writer.deploy(DEPLOYER, genuine.uniswap_v3_factory())
        writer.send(DEPLOYER, self.address, "enableFeeAmount(uint24,int24)", ["uint24", "int24"], [100, 1])
        self.callee = writer.deploy(DEPLOYER, genuine.own_contract("PoolCallee"))

    def create_pool(self, writer, rng, token_a, token_b, fee):
        """createPool, checked at its init-code-hash address, initialize near the tokens'
        reference prices (off by up to 2 %), and a full-range position."""
        if fee not in SPACINGS:
            raise ValueError(f"fee {fee} is not one of {sorted(SPACINGS)}")
        outcome = writer.send(DEPLOYER, self.address, "createPool(address,address,uint24)",
                              ["address", "address", "uint24"], [token_a.address, token_b.address, fee])
        if not outcome.success:
            raise ValueError(f"createPool({token_a.symbol}, {token_b.symbol}, {fee}) reverted (pool exists?)")
        token0, token1 = sorted((token_a, token_b), key=lambda token: int(token.address, 16))
        salt = keccak(encode(["address", "address", "uint24"], [token0.address, token1.address, fee]))
        expected = keccak(b"\xff" + bytes.fromhex(self.address[2:]) + salt + genuine.V3_POOL_INIT_CODE_HASH)[12:]
        address = to_checksum_address(expected)
        if not writer.machine.code(address):
            raise genuine.NotGenuine(f"no pool at the init-code-hash address {address}")
        pool = UniswapV3Pool(address, token0, token1, self.address, fee, self.callee, writer.number)
        dollars = 10 ** rng.uniform(5.5, 6.5)
        amount0, amount1 = token0.units(dollars * rng.uniform(0.98, 1.02)), token1.units(dollars)
        writer.send(DEPLOYER, address, "initialize(uint160)", ["uint160"],
                    [int(math.sqrt(amount1 / amount0) * (1 << 96))])
        full = (MAX_TICK // pool.spacing) * pool.spacing
        pool.add(writer, -full, full, int(math.sqrt(amount0 * amount1)))
        return pool


class UniswapV3Pool:
    """A pool, its callee, and the ranges minted on it (with the block each first appeared in)."""

    dex = DEX

    def __init__(self, address, token0, token1, factory, fee, callee, created):
        self.address, self.token0, self.token1, self.factory = address, token0, token1, factory
        self.fee, self.spacing, self.callee, self.created = fee, SPACINGS[fee], callee, created
        self.ranges = []  # [(tickLower, tickUpper, block number)]

    def info(self):
        """The pool as the start line and local_createPool list it."""
        return {"address": self.address, "dex": DEX, "tokens": [self.token0.address, self.token1.address],
                "factory": self.factory, "fee": self.fee, "tickSpacing": self.spacing}

    def slot0(self, machine):
        """(sqrtPriceX96, tick)."""
        return machine.view(self.address, "slot0()",
                            returns=["uint160", "int24", "uint16", "uint16", "uint16", "uint8", "bool"])[:2]

    def add(self, writer, lower, upper, liquidity):
        """Mints `liquidity` on [lower, upper) for the callee."""
        outcome = writer.send(DEPLOYER, self.callee, "mint(address,int24,int24,uint128)",
                              ["address", "int24", "int24", "uint128"], [self.address, lower, upper, liquidity])
        if outcome.success and all((lower, upper) != (low, up) for low, up, _ in self.ranges):
            self.ranges.append((lower, upper, writer.number))

    def position(self, machine, lower, upper):
        """The callee's liquidity on [lower, upper)."""
        key = keccak(bytes.fromhex(self.callee[2:]) + lower.to_bytes(3, "big", signed=True)
                     + upper.to_bytes(3, "big", signed=True))
        return machine.view(self.address, "positions(bytes32)", ["bytes32"], [key],
                            ["uint128", "uint256", "uint256", "uint128", "uint128"])[0]

    def swap(self, writer, rng):
        """Moves the price 1 to 12 tick spacings up or down (exact input, ended by the limit)."""
        _, tick = self.slot0(writer.machine)
        zero_for_one = rng.random() < 0.5
        move = rng.randint(1, 12 * self.spacing)
        limit = sqrt_price_at(tick - move if zero_for_one else tick + move)
        writer.send(DEPLOYER, self.callee, "swap(address,bool,int256,uint160)",
                    ["address", "bool", "int256", "uint160"], [self.address, zero_for_one, SWAP_LIMIT, limit])

    def mint(self, writer, rng):
        """A range of 1 to 10 spacings around the price, of 1 %–300 % of the in-range liquidity."""
        _, tick = self.slot0(writer.machine)
        (liquidity,) = writer.machine.view(self.address, "liquidity()", returns=["uint128"])
        base = tick // self.spacing * self.spacing
        lower = base - rng.randint(0, 5) * self.spacing
        upper = base + rng.randint(1, 5) * self.spacing
        self.add(writer, lower, upper, max(1, int(liquidity * 10 ** rng.uniform(-2, 0.5))))

    def burn(self, writer, rng):
        """Burns all or part of one of the callee's narrow ranges that still holds liquidity."""
        held = [(low, up) for low, up, _ in self.ranges[1:] if self.position(writer.machine, low, up) > 0]
        if not held:
            return
        lower, upper = rng.choice(held)
        amount = self.position(writer.machine, lower, upper)
        if rng.random() < 0.5:
            amount = max(1, amount // rng.randint(2, 4))
        writer.send(DEPLOYER, self.callee, "burn(address,int24,int24,uint128)",
                    ["address", "int24", "int24", "uint128"], [self.address, lower, upper, amount])

    def forget_after(self, number):
        """Drops the ranges first minted after block `number` (a reorg removed them)."""
        self.ranges = [entry for entry in self.ranges if entry[2] <= number]

    def state(self, machine):
        """slot0, liquidity and every initialized tick, found through tickBitmap and read with ticks(t)."""
        sqrt_price, tick = self.slot0(machine)
        (liquidity,) = machine.view(self.address, "liquidity()", returns=["uint128"])
        ticks = []
        last_word = (MAX_TICK // self.spacing) >> 8
        for word in range(-last_word - 1, last_word + 1):
            (bits,) = machine.view(self.address, "tickBitmap(int16)", ["int16"], [word], ["uint256"])
            for bit in (b for b in range(256) if bits >> b & 1):
                initialized = ((word << 8) + bit) * self.spacing
                gross, net = machine.view(self.address, "ticks(int24)", ["int24"], [initialized], TICK_INFO)[:2]
                ticks.append([initialized, str(net), str(gross)])
        return {"dex": DEX, "sqrtPriceX96": str(sqrt_price), "tick": tick, "liquidity": str(liquidity),
                "fee": self.fee, "tickSpacing": self.spacing, "ticks": ticks}
