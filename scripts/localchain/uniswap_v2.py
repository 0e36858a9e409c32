"""Uniswap V2 on the local chain: the genuine factory, its pairs, and random activity on them.

Trades go straight to the pair as a router would send them: TRADER mints the input to the pair,
then calls swap with UniswapV2Library's getAmountOut (997/1000); liquidity is added by minting
both tokens to the pair and calling mint, removed by sending LP tokens to the pair and calling
burn. Every event is the pair's own (Transfer, Mint, Burn, Swap, Sync).
"""

from eth_abi import encode
from eth_utils import keccak, to_checksum_address

import genuine
from tokens import DEPLOYER, TRADER, mint

DEX = "uniswap-v2"
FEE = 3000  # millionths: the pair's 997/1000


class UniswapV2Factory:
    """The deployed UniswapV2Factory (feeToSetter DEPLOYER, no protocol fee)."""

    def __init__(self, writer):
        arguments = encode(["address"], [DEPLOYER])
        self.address = writer.deploy(DEPLOYER, genuine.uniswap_v2_factory() + arguments)

    def create_pool(self, writer, rng, token_a, token_b):
        """createPair, checked at its init-code-hash address, then first liquidity near the
        tokens' reference prices (off by up to 2 %, so pools disagree a little)."""
        outcome = writer.send(DEPLOYER, self.address, "createPair(address,address)", ["address", "address"],
                              [token_a.address, token_b.address])
        if not outcome.success:
            raise ValueError(f"createPair({token_a.symbol}, {token_b.symbol}) reverted (pair exists?)")
        token0, token1 = sorted((token_a, token_b), key=lambda token: int(token.address, 16))
        salt = keccak(bytes.fromhex(token0.address[2:]) + bytes.fromhex(token1.address[2:]))
        expected = keccak(b"\xff" + bytes.fromhex(self.address[2:]) + salt + genuine.V2_PAIR_INIT_CODE_HASH)[12:]
        address = to_checksum_address(expected)
        (created,) = writer.machine.view(self.address, "getPair(address,address)", ["address", "address"],
                                          [token0.address, token1.address], ["address"])
        if created.lower() != address.lower():
            raise genuine.NotGenuine(f"pair at {created}, not at the init-code-hash address {address}")
        pool = UniswapV2Pool(address, token0, token1, self.address, writer.number)
        dollars = 10 ** rng.uniform(5.5, 6.5)
        pool.add(writer, token0.units(dollars * rng.uniform(0.98, 1.02)), token1.units(dollars))
        return pool


class UniswapV2Pool:
    """A pair and what the chain needs to trade on it."""

    dex = DEX

    def __init__(self, address, token0, token1, factory, created):
        self.address, self.token0, self.token1, self.factory, self.created = address, token0, token1, factory, created

    def info(self):
        """The pool as the start line and local_createPool list it."""
        return {"address": self.address, "dex": DEX, "tokens": [self.token0.address, self.token1.address],
                "factory": self.factory, "fee": FEE}

    def reserves(self, machine):
        """getReserves(): (reserve0, reserve1, blockTimestampLast)."""
        return machine.view(self.address, "getReserves()", returns=["uint112", "uint112", "uint32"])

    def add(self, writer, amount0, amount1):
        """Adds liquidity for TRADER: both tokens minted to the pair, then mint(TRADER)."""
        mint(writer, self.token0, self.address, amount0)
        mint(writer, self.token1, self.address, amount1)
        writer.send(TRADER, self.address, "mint(address)", ["address"], [TRADER])

    def swap(self, writer, rng):
        """An exact-input swap of up to ~5 % of the input reserve, in a random direction."""
        reserve0, reserve1, _ = self.reserves(writer.machine)
        zero_for_one = rng.random() < 0.5
        reserve_in, reserve_out = (reserve0, reserve1) if zero_for_one else (reserve1, reserve0)
        amount_in = max(1, int(reserve_in * 10 ** rng.uniform(-5, -1.3)))
        amount_out = amount_in * 997 * reserve_out // (reserve_in * 1000 + amount_in * 997)
        if amount_out == 0:
            return
        mint(writer, self.token0 if zero_for_one else self.token1, self.address, amount_in)
        outs = (0, amount_out) if zero_for_one else (amount_out, 0)
        writer.send(TRADER, self.address, "swap(uint256,uint256,address,bytes)",
                    ["uint256", "uint256", "address", "bytes"], [*outs, TRADER, b""])

    def mint(self, writer, rng):
        """Adds 0.01 %–10 % of the reserves, in proportion."""
        reserve0, reserve1, _ = self.reserves(writer.machine)
        share = 10 ** rng.uniform(-4, -1)
        self.add(writer, max(1, int(reserve0 * share)), max(1, int(reserve1 * share)))

    def burn(self, writer, rng):
        """Removes 0.01 %–10 % of TRADER's liquidity, as much as mint adds (nothing when it holds none)."""
        (held,) = writer.machine.view(self.address, "balanceOf(address)", ["address"], [TRADER], ["uint256"])
        amount = int(held * 10 ** rng.uniform(-4, -1))
        if amount == 0:
            return
        writer.send(TRADER, self.address, "transfer(address,uint256)", ["address", "uint256"], [self.address, amount])
        writer.send(TRADER, self.address, "burn(address)", ["address"], [TRADER])

    def forget_after(self, number):
        """Nothing is kept off-chain about a pair."""

    def state(self, machine):
        """The pair's state read through its getters."""
        reserve0, reserve1, timestamp = self.reserves(machine)
        (supply,) = machine.view(self.address, "totalSupply()", returns=["uint256"])
        return {"dex": DEX, "reserve0": str(reserve0), "reserve1": str(reserve1),
                "blockTimestampLast": timestamp, "totalSupply": str(supply)}
