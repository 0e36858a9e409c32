"""Curve StableSwap-NG pools on the local chain and random activity on them.

The pool is CurveStableSwapNG (genuine source, compiled with vyper 0.3.10: see genuine.py),
deployed directly by DEPLOYER: there is no NG factory here, so the pool's `factory` is DEPLOYER
and the views that ask the factory (get_dy, get_dx, calc_token_amount, and the admin fee claim of
remove_liquidity) are not available; trades, liquidity and every state getter are the pool's own.
TRADER approves the pool once, mints what it sells or deposits, and calls exchange, add_liquidity,
remove_liquidity (without claiming admin fees) or remove_liquidity_one_coin.
"""

from eth_abi import encode

import genuine
from tokens import DEPLOYER, TRADER, mint

DEX = "curve"
VARIANT = "stableswap-ng"
AMPLIFICATION = 400  # A as the constructor takes it (A_precise = 100 A)
FEE = 4_000_000  # 0.04 % at 10^10
OFFPEG_FEE_MULTIPLIER = 20_000_000_000
MA_EXP_TIME = 866  # 10 minutes / ln 2
MAX_UINT256 = 2**256 - 1


def deploy_pool(writer, rng, coins, number):
    """Deploys an NG plain pool of `coins` (asset type 0, no oracles) and seeds it with about
    the same value of each coin (within 3 %)."""
    n = len(coins)
    arguments = encode(
        ["string", "string", "uint256", "uint256", "uint256", "uint256",
         "address[]", "uint256[]", "uint8[]", "bytes4[]", "address[]"],
        ["Local " + "/".join(c.symbol for c in coins), "".join(c.symbol[0] for c in coins) + "-ng",
         AMPLIFICATION, FEE, OFFPEG_FEE_MULTIPLIER, MA_EXP_TIME, [c.address for c in coins],
         [10 ** (36 - c.decimals) for c in coins], [0] * n, [b"\0" * 4] * n, ["0x" + "00" * 20] * n])
    pool = CurvePool(writer.deploy(DEPLOYER, genuine.curve_stableswap_ng() + arguments), coins, number)
    for coin in coins:
        writer.send(TRADER, coin.address, "approve(address,uint256)", ["address", "uint256"],
                    [pool.address, MAX_UINT256])
    dollars = 10 ** rng.uniform(5.5, 6.5)
    pool.deposit(writer, [coin.units(dollars * rng.uniform(0.97, 1.03)) for coin in coins])
    return pool


class CurvePool:
    """A deployed NG pool and its coins."""

    dex = DEX

    def __init__(self, address, coins, created):
        self.address, self.coins, self.created = address, coins, created

    def info(self):
        """The pool as the start line lists it (`fee` at 10^10, as fee() returns it)."""
        return {"address": self.address, "dex": DEX, "variant": VARIANT, "tokens": [c.address for c in self.coins],
                "factory": None, "fee": FEE}

    def balances(self, machine):
        """get_balances(): the pool's coin balances less admin fees."""
        return list(machine.view(self.address, "get_balances()", returns=["uint256[]"])[0])

    def deposit(self, writer, amounts):
        """TRADER mints `amounts` and adds them as liquidity."""
        for coin, amount in zip(self.coins, amounts):
            if amount:
                mint(writer, coin, TRADER, amount)
        writer.send(TRADER, self.address, "add_liquidity(uint256[],uint256)", ["uint256[]", "uint256"], [amounts, 0])

    def swap(self, writer, rng):
        """exchange(i, j, dx) with dx 0.001 %–5 % of coin i's balance."""
        i, j = rng.sample(range(len(self.coins)), 2)
        dx = max(1, int(self.balances(writer.machine)[i] * 10 ** rng.uniform(-5, -1.3)))
        mint(writer, self.coins[i], TRADER, dx)
        writer.send(TRADER, self.address, "exchange(int128,int128,uint256,uint256)",
                    ["int128", "int128", "uint256", "uint256"], [i, j, dx, 0])

    def mint(self, writer, rng):
        """add_liquidity of 0.01 %–10 % of each balance, uneven, some coins left out."""
        balances = self.balances(writer.machine)
        amounts = [int(b * 10 ** rng.uniform(-4, -1)) if rng.random() < 0.8 else 0 for b in balances]
        if any(amounts):
            self.deposit(writer, amounts)

    def burn(self, writer, rng):
        """remove_liquidity (no admin fee claim) or remove_liquidity_one_coin of 0.01 %–10 % of
        TRADER's LP tokens (as much as mint adds)."""
        (held,) = writer.machine.view(self.address, "balanceOf(address)", ["address"], [TRADER], ["uint256"])
        amount = int(held * 10 ** rng.uniform(-4, -1))
        if amount == 0:
            return
        if rng.random() < 0.5:
            writer.send(TRADER, self.address, "remove_liquidity(uint256,uint256[],address,bool)",
                        ["uint256", "uint256[]", "address", "bool"], [amount, [0] * len(self.coins), TRADER, False])
        else:
            writer.send(TRADER, self.address, "remove_liquidity_one_coin(uint256,int128,uint256)",
                        ["uint256", "int128", "uint256"], [amount, rng.randrange(len(self.coins)), 0])

    def forget_after(self, number):
        """Nothing is kept off-chain about a Curve pool."""

    def state(self, machine):
        """Balances, amplification, fees, rates and supply read through the pool's getters."""
        def read(signature, kind):
            return machine.view(self.address, signature, returns=[kind])[0]
        return {"dex": DEX, "variant": VARIANT,
                "balances": [str(b) for b in self.balances(machine)],
                "storedRates": [str(r) for r in read("stored_rates()", "uint256[]")],
                "A": str(read("A()", "uint256")), "APrecise": str(read("A_precise()", "uint256")),
                "fee": str(read("fee()", "uint256")),
                "offpegFeeMultiplier": str(read("offpeg_fee_multiplier()", "uint256")),
                "totalSupply": str(read("totalSupply()", "uint256"))}
