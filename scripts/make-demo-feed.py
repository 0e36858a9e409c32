#!/usr/bin/env python3
"""Writes replay/demo-feed.jsonl (a CONSTRUCTED Arbitrum One sequencer feed of swaps on real pools) and
replay/DEMO-FEED.md.

Not a recording: every transaction is made and signed here. The pools are the real 221 of
replay/fixtures/arbitrum-pools-block247867692.json (150 V2 pairs, 71 Uniswap V3 pools); the feed
continues from that state's block, for `mevbot replay replay/demo-feed.jsonl --state
replay/demo-snapshot.json`:

  * messages framed as nitro's sequencer frames them (scripts/feedframes.py): kind-3 L2 message,
    kind 4 SignedTx for one tx, a kind-3 batch for several; sequence numbers contiguous from the
    state's block + 1 (block = seq + 22207817); one message per 250 ms, header timestamps in seconds;
  * EIP-1559 transactions (chain 42161) signed with eth-account by the published Hardhat/Anvil
    default account #0, nonces from 0, calling the routers of config/dex.yaml that the decoders
    recognise (Uniswap V2 and SushiSwap Router02, Uniswap SwapRouter02, one Universal Router
    `execute`);
  * every amount quoted on the pending state (the real state plus every earlier swap of the feed,
    in feed order) with the pools' exact integer math: V2 by UniswapV2Library's getAmountOut /
    getAmountIn, V3 by degenbot's port of UniswapV3Pool.swap (scripts/vectors/degenbot_check.py, the
    project's offline V3 peer) with no initialized tick in reach; every V3 pool stays within
    +-V3_BAND_TICKS of its real tick, inside the demo snapshot's assumed +-10 % band;
  * amountOutMin = the exact quote less 0.5 % (amountInMax = the exact input plus 0.5 %), deadlines
    20-30 min after the message; a few swaps revert on purpose, each labelled in the manifest.

Line 1 is the header, line 2 the manifest ({"CONSTRUCTED":"manifest",...}: every swap, what it should
do, and the counts a decoder must find); then one {"receivedAtNanos","frame"} line per message.
Deterministic: the same bytes on every run (RFC 6979 signatures, no clock, no network).

Needs the project venv (scripts/setup makes it): .venv/bin/python scripts/make-demo-feed.py
"""
import json
import math
import os
import pathlib
import sys

from feedframes import (GENESIS_OFFSET, KECCAK_IMPL, L2_KIND_SIGNED_TX, RECORDING_TAG, FramingError, keccak256,
                        l2_message, sequencer_frame, write_recording)

ROOT = pathlib.Path(__file__).resolve().parent.parent
STATE_PATH = ROOT / "replay/fixtures/arbitrum-pools-block247867692.json"
OUT_PATH = ROOT / "replay/demo-feed.jsonl"
DOC_PATH = ROOT / "replay/DEMO-FEED.md"

# degenbot keeps its config and database under $HOME; scripts/setup-python prepares a home of its own
# for the Python peers in the venv (see there why), and scripts/gen-vectors runs them with it.
PEER_HOME = pathlib.Path(sys.prefix) / "home"
if not (PEER_HOME / ".config/degenbot/config.toml").is_file():
    sys.exit("make-demo-feed: run with the project venv made by scripts/setup: .venv/bin/python scripts/make-demo-feed.py")
os.environ["HOME"] = str(PEER_HOME)
sys.path.insert(0, str(ROOT / "scripts/vectors"))

from eth_abi import encode  # noqa: E402  (after the peers' home is set)
from eth_account import Account  # noqa: E402
from eth_utils import to_checksum_address  # noqa: E402

import degenbot_check  # noqa: E402
from pool_uniswap_v2 import library_in, library_out  # noqa: E402

# --------------------------------------------------------------------------- chain, key, routers
CHAIN_ID = 42161
# Hardhat's (and Anvil's) default account #0, derived from the published mnemonic
# "test test test test test test test test test test test junk"; printed by `npx hardhat node`.
TEST_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
TEST_KEY_NAME = "Hardhat/Anvil default account #0 (mnemonic \"test test ... junk\", m/44'/60'/0'/0/0)"
SENDER = Account.from_key(TEST_KEY).address
assert SENDER == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"

# Router addresses as config/dex.yaml lists them.
V2_ROUTERS = {"uniswap-v2": "0x4752ba5dbc23f44d87826276bf6fd6b1c372ad24",
              "sushiswap-v2": "0x1b02dA8Cb0d097eB8D57A175b88c7D8b47997506"}
SWAP_ROUTER_02 = "0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45"
UNIVERSAL_ROUTER = "0x5E325eDA8064b456f4781070C0738d849c824258"  # v1.2 with V2 support, live in Aug 2024
UR_WRAP_ETH, UR_V3_SWAP_EXACT_IN = 0x0B, 0x00  # Uniswap/universal-router Commands.sol (v1.2)
UR_MSG_SENDER, UR_ADDRESS_THIS = "0x" + "00" * 19 + "01", "0x" + "00" * 19 + "02"  # its Constants.sol

# Gas: what wallets sent in the real Arbitrum blocks of 2024 in the shared fixtures: no tip and a fee cap
# of 0.0135 gwei (1.35 x the 0.01 gwei floor base fee); gas limits of a wallet's estimate for each call.
MAX_FEE_PER_GAS = 13_500_000
MAX_PRIORITY_FEE_PER_GAS = 0
GAS_PER_CALL = {"v2": 150_000, "v3": 190_000, "execute": 260_000}
GAS_PER_EXTRA_HOP = 90_000
GAS_MULTICALL = 20_000

SLIPPAGE_BPS = 50  # amountOutMin = quote - 0.5 %, amountInMax = exact input + 0.5 %
DEADLINE_SECONDS = {"uniswap-v2": 1200, "sushiswap-v2": 1800, "swap-router-02": 1200, "execute": 1800}
EXPIRED_BY_SECONDS = 95  # the expired swap's deadline is this long before its message
V3_BAND_TICKS = 487  # ~5 % of price either side of the real tick; the snapshot's assumed band is ~10 %
USD_RANGE = (500, 200_000)

# --------------------------------------------------------------------------- time and L1 anchors
# Two real Arbitrum One blocks of the shared fixtures' chain/arbitrum_blocks.jsonl around the state's
# block: (block, timestamp, l1BlockNumber, nonce = delayed messages read). The state's block time, L1
# block and delayed count are interpolated linearly between them (the real block 247,867,692 is not in
# any fixture): an estimate good to minutes, stated in the header.
ANCHORS = ((244_578_443, 1_724_091_866, 20_564_439, 1_658_121), (259_257_777, 1_727_784_046, 20_870_508, 1_705_431))
STATE_BLOCK = 247_867_692
MESSAGE_INTERVAL_NS = 250_000_000
L1_BLOCK_SECONDS = 12


def interpolate(column):
    (b0, *a), (b1, *b) = ANCHORS
    return a[column] + (b[column] - a[column]) * (STATE_BLOCK - b0) // (b1 - b0)


STATE_TIME, STATE_L1_BLOCK, DELAYED_MESSAGES_READ = interpolate(0), interpolate(1), interpolate(2)

# --------------------------------------------------------------------------- tokens and pools
# Symbols of the tokens config/dex.yaml lists; other tokens are named by their address.
SYMBOLS = {
    "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1": "WETH", "0xaf88d065e77c8cC2239327C5EDb3A432268e5831": "USDC",
    "0xFF970A61A04b1cA14834A43f5dE4533eBDDB5CC8": "USDC.e", "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9": "USDT",
    "0x2f2a2543B76A4166549F7aaB2e75Bef0aefC5B0f": "WBTC", "0x912CE59144191C1204E64559FE8253a0e49E6548": "ARB",
    "0xf97f4df75117a78c1A5a0DBb814Af92458539FB4": "LINK", "0x5979D7b546E38E414F7E9822514be443A4800529": "wstETH",
}
WETH = "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1"
USD_REFERENCE = ("uniswap-v3", "WETH", "USDC.e", 500)  # the deepest WETH/USDC.e pool prices WETH in USD
MIN_SQRT_RATIO_PLUS_1 = 4295128739 + 1  # SwapRouter02's limits for sqrtPriceLimitX96 = 0
MAX_SQRT_RATIO_MINUS_1 = 1461446703485210103287273052203988822378723970342 - 1


class PlanError(Exception):
    """The plan asks for something the pools cannot do as stated (a bad name, a swap that would leave
    the V3 band, an intended revert that would not revert)."""


def symbol(token):
    return SYMBOLS.get(token, token[:6] + "…")


class Pool:
    """One real pool and its pending state."""

    def __init__(self, entry):
        self.address = to_checksum_address(entry["address"])
        self.dex = entry["dex"]
        self.tokens = (to_checksum_address(entry["token0"]), to_checksum_address(entry["token1"]))
        self.decimals = (entry["decimals0"], entry["decimals1"])
        self.fee = entry["fee"]
        if self.dex == "uniswap-v3":
            self.tick_spacing = entry["tickSpacing"]
            self.state = (int(entry["sqrtPriceX96"]), entry["tick"], int(entry["liquidity"]))
            self.real_tick = entry["tick"]
        else:
            self.state = (int(entry["reserve0"]), int(entry["reserve1"]))

    @property
    def is_v3(self):
        return self.dex == "uniswap-v3"

    def label(self):
        fee = f" {self.fee / 10_000:g}%" if self.is_v3 else ""
        return f"{self.dex} {symbol(self.tokens[0])}/{symbol(self.tokens[1])}{fee}"

    def other(self, token):
        if token not in self.tokens:
            raise PlanError(f"{self.label()} does not hold {symbol(token)}")
        return self.tokens[1] if token == self.tokens[0] else self.tokens[0]

    def price(self, state=None):
        """token1 per token0 (raw units), as a float: for sizing and reporting only."""
        state = state or self.state
        return (state[0] / 2**96) ** 2 if self.is_v3 else state[1] / state[0]

    def virtual_reserve(self, token):
        """The reserve of `token` (V3: the virtual reserve of the active liquidity), as a float."""
        if not self.is_v3:
            return float(self.state[self.tokens.index(token)])
        sqrt_price, _, liquidity = self.state
        return liquidity * 2**96 / sqrt_price if token == self.tokens[0] else liquidity * sqrt_price / 2**96

    def quote_in(self, token_in, amount_in):
        """(amount out, state after) for an exact input, with the pool's exact math."""
        zero_for_one = token_in == self.tokens[0]
        if not self.is_v3:
            r_in, r_out = self.state if zero_for_one else self.state[::-1]
            out = library_out(amount_in, r_in, r_out, self.fee)
            after = (r_in + amount_in, r_out - out)
            return out, after if zero_for_one else after[::-1]
        return self._v3(zero_for_one, amount_in)

    def quote_out(self, token_in, amount_out):
        """(amount in, state after) for an exact output (V2 only: the plan asks no V3 exact output)."""
        zero_for_one = token_in == self.tokens[0]
        r_in, r_out = self.state if zero_for_one else self.state[::-1]
        amount_in = library_in(amount_out, r_in, r_out, self.fee)
        after = (r_in + amount_in, r_out - amount_out)
        return amount_in, after if zero_for_one else after[::-1]

    def _v3(self, zero_for_one, amount_in):
        sqrt_price, tick, liquidity = self.state
        answer = degenbot_check.simulate({
            "pool": {"fee": self.fee, "tickSpacing": self.tick_spacing, "ticks": [], "sqrtPriceX96": str(sqrt_price),
                     "tick": tick, "liquidity": str(liquidity)},
            "zeroForOne": zero_for_one, "amountSpecified": str(amount_in),
            "sqrtPriceLimitX96": str(MIN_SQRT_RATIO_PLUS_1 if zero_for_one else MAX_SQRT_RATIO_MINUS_1)})
        if "error" in answer:
            raise PlanError(f"{self.label()}: the swap reverts: {answer['error']}")
        paid, out = (int(answer["amount0"]), -int(answer["amount1"])) if zero_for_one else \
            (int(answer["amount1"]), -int(answer["amount0"]))
        if paid != amount_in:
            raise PlanError(f"{self.label()}: the swap stops short of its input ({paid} of {amount_in})")
        after = (int(answer["sqrtPriceX96"]), answer["tick"], int(answer["liquidity"]))
        if abs(after[1] - self.real_tick) > V3_BAND_TICKS:
            raise PlanError(f"{self.label()}: tick {after[1]} leaves the band around the real tick {self.real_tick}")
        return out, after


class Universe:
    """The real pools, found by DEX, token pair and fee."""

    def __init__(self, document):
        self.pools = [Pool(e) for e in document["v2"]["pools"] + document["v3"]["pools"]]
        self.by_address = {p.address: p for p in self.pools}
        self.by_symbol = {s: t for t, s in SYMBOLS.items()}
        weth_usd = self.find(*USD_REFERENCE)
        usdc_per_weth = weth_usd.price() if weth_usd.tokens[0] == WETH else 1 / weth_usd.price()
        self.usd_per_weth = usdc_per_weth * 10 ** (18 - 6)
        self.weth_per_unit = {WETH: 1.0}  # WETH (raw) per raw unit, from each token's deepest WETH pool
        deepest = {}
        for p in self.pools:
            if WETH in p.tokens:
                token = p.other(WETH)
                depth = p.virtual_reserve(WETH)
                if depth > deepest.get(token, 0):
                    deepest[token] = depth
                    self.weth_per_unit[token] = 1 / p.price() if p.tokens[0] == WETH else p.price()

    def token(self, name):
        if name in self.by_symbol:
            return self.by_symbol[name]
        found = {t for p in self.pools for t in p.tokens if t.lower().startswith(name.lower())}
        if len(found) != 1:
            raise PlanError(f"token {name!r} names {len(found)} tokens")
        return found.pop()

    def find(self, dex, a, b, fee=None):
        pair = {self.token(a), self.token(b)}
        found = [p for p in self.pools if p.dex == dex and set(p.tokens) == pair and (fee is None or p.fee == fee)]
        if len(found) != 1:
            raise PlanError(f"{dex} {a}/{b} {fee}: {len(found)} pools")
        return found[0]

    def usd(self, token, amount):
        return amount * self.weth_per_unit[token] / 1e18 * self.usd_per_weth


# --------------------------------------------------------------------------- the plan
# A swap: the call, its hops ("<dex> <token>/<token>[ <fee>]", dex uni = uniswap-v2, sushi =
# sushiswap-v2, v3 = uniswap-v3 with the fee in millionths), the input token, and the price move the
# swap is sized for on its first pool (the fraction the input token's price falls there). Sizes are
# then kept within USD_RANGE and rounded to 3 significant digits, as a person would type them.
# `revert` labels a swap made to revert on purpose:
#   expired   - deadline EXPIRED_BY_SECONDS before its message (signed, then sent too late);
#   stale     - amountOutMin from a quote on the state before its message's earlier swaps, which moved
#               the same pool the same way by more than the slippage;
#   no-fee    - amountOutMin from the pool's spot price with no fee and no price impact, less 0.5 %.
# `multicall` wraps a SwapRouter02 call in multicall(deadline, [call]) as the Uniswap interface does.
def swap(call, hops, token_in, move, revert=None, multicall=False):
    return dict(call=call, hops=hops, token_in=token_in, move=move, revert=revert, multicall=multicall)


PLAN = [
    # WETH/USDC.e: SushiSwap and three V3 fee tiers
    [swap("exactInputSingle", ["v3 WETH/USDC.e 500"], "WETH", 0.004)],
    [swap("swapExactTokensForTokens", ["sushi WETH/USDC.e"], "USDC.e", 0.012)],
    [swap("exactInputSingle", ["v3 WETH/USDC.e 3000"], "USDC.e", 0.010, multicall=True)],
    # WETH/USDC: Uniswap V2 and SushiSwap; two swaps on one pool, the second quoted after the first
    [swap("swapExactETHForTokens", ["uni WETH/USDC"], "WETH", 0.015)],
    [swap("swapTokensForExactTokens", ["sushi WETH/USDC"], "USDC", 0.010),
     swap("swapExactTokensForTokens", ["sushi WETH/USDC"], "WETH", 0.006)],
    # WBTC/WETH: SushiSwap and V3
    [swap("exactInputSingle", ["v3 WBTC/WETH 3000"], "WBTC", 0.008)],
    [swap("swapExactTokensForTokens", ["sushi WBTC/WETH"], "WETH", 0.015)],
    # WETH/USDT
    [swap("exactInputSingle", ["v3 WETH/USDT 3000"], "USDT", 0.010, multicall=True)],
    [swap("swapExactTokensForTokens", ["sushi WETH/USDT"], "WETH", 0.020)],
    [swap("exactInput", ["v3 WBTC/WETH 500", "v3 WETH/USDT 500"], "WBTC", 0.0015)],
    # 0x539b…/WETH on SushiSwap and V3 in one message, and a pair with a single pool
    [swap("swapExactTokensForTokens", ["sushi 0x539b/WETH"], "0x539b", 0.015),
     swap("exactInputSingle", ["v3 0x539b/WETH 3000"], "WETH", 0.010),
     swap("swapExactETHForTokens", ["sushi WETH/0x2e80"], "WETH", 0.008)],
    [swap("swapExactTokensForTokens", ["sushi WETH/USDC.e"], "WETH", 0.008, revert="expired")],
    [swap("execute", ["v3 WETH/USDC.e 3000"], "WETH", 0.012)],
    # pairs with a single pool: they open no cycle
    [swap("exactInputSingle", ["v3 0x6694/WETH 3000"], "0x6694", 0.010)],
    [swap("swapExactETHForTokens", ["uni WETH/0x83d6"], "WETH", 0.010)],
    # wstETH/WETH: two V3 tiers
    [swap("exactInputSingle", ["v3 wstETH/WETH 500"], "WETH", 0.002)],
    [swap("exactInputSingle", ["v3 wstETH/WETH 3000"], "wstETH", 0.010)],
    # one pool twice the same way in one message: the second's bound was quoted before the first
    [swap("swapExactTokensForTokens", ["uni WETH/USDC"], "WETH", 0.020),
     swap("swapExactTokensForTokens", ["uni WETH/USDC"], "WETH", 0.010, revert="stale")],
    # three-hop cycles through stablecoin and WBTC pools
    [swap("exactInputSingle", ["v3 USDT/USDC.e 500"], "USDT", 0.001)],
    [swap("exactInputSingle", ["v3 WBTC/USDC.e 500"], "USDC.e", 0.003)],
    [swap("exactInputSingle", ["v3 0x5618/WETH 3000"], "WETH", 0.012)],
    [swap("swapTokensForExactTokens", ["sushi WETH/USDT"], "USDT", 0.010)],
    [swap("swapExactTokensForTokens", ["sushi WETH/USDC.e", "sushi 0x539b/WETH"], "USDC.e", 0.010)],
    [swap("exactInputSingle", ["v3 WETH/USDC.e 3000"], "WETH", 0.010, revert="no-fee")],
    [swap("exactInput", ["v3 WETH/USDC.e 500", "v3 WBTC/USDC.e 500"], "WETH", 0.001, multicall=True)],
    [swap("exactInputSingle", ["v3 WBTC/USDT 500"], "WBTC", 0.002),
     swap("exactInputSingle", ["v3 WBTC/WETH 500"], "WETH", 0.001)],
    [swap("swapExactTokensForTokens", ["uni 0x763a/USDC"], "USDC", 0.015)],
    [swap("swapExactTokensForTokens", ["sushi 0x98c4/USDT"], "0x98c4", 0.015)],
    [swap("swapExactETHForTokens", ["sushi WETH/ARB"], "WETH", 0.010)],
    [swap("swapExactTokensForTokens", ["sushi WETH/LINK"], "LINK", 0.010)],
    [swap("exactInputSingle", ["v3 WBTC/USDT 3000"], "USDT", 0.010)],
    [swap("exactInputSingle", ["v3 0x354A/WETH 3000"], "0x354A", 0.012)],
    [swap("exactInputSingle", ["v3 wstETH/USDC.e 500"], "USDC.e", 0.005)],
    # back the other way on pools moved earlier, and a busy message of four
    [swap("exactInputSingle", ["v3 WETH/USDC.e 500"], "USDC.e", 0.002),
     swap("swapExactTokensForTokens", ["sushi WETH/USDC.e"], "USDC.e", 0.006),
     swap("swapExactETHForTokens", ["uni WETH/USDC"], "WETH", 0.004),
     swap("exactInputSingle", ["v3 WETH/USDT 500"], "WETH", 0.002)],
    [swap("swapExactTokensForTokens", ["sushi WBTC/WETH"], "WBTC", 0.010)],
    [swap("exactInputSingle", ["v3 WBTC/WETH 10000"], "WETH", 0.015)],
    [swap("exactInput", ["v3 0x11cd/WETH 3000", "v3 WETH/USDC.e 500"], "0x11cd", 0.010)],
    [swap("swapExactTokensForTokens", ["sushi WETH/USDT"], "USDT", 0.008),
     swap("exactInputSingle", ["v3 WETH/USDT 3000"], "WETH", 0.006)],
    [swap("swapExactETHForTokens", ["sushi WETH/0xee98"], "WETH", 0.010)],
    [swap("swapExactTokensForTokens", ["sushi 0x6c2c/WETH"], "0x6c2c", 0.012)],
    [swap("exactInputSingle", ["v3 USDT/USDC.e 500"], "USDC.e", 0.001)],
    [swap("exactInputSingle", ["v3 WETH/USDT 500"], "USDT", 0.002)],
    [swap("swapTokensForExactTokens", ["uni WETH/USDC"], "USDC", 0.008)],
    [swap("exactInputSingle", ["v3 WETH/0xEC70 3000"], "WETH", 0.010, multicall=True)],
    [swap("swapExactTokensForTokens", ["sushi 0x539b/WETH"], "WETH", 0.012),
     swap("exactInputSingle", ["v3 0x539b/WETH 3000"], "0x539b", 0.008)],
]

DEX_OF_PREFIX = {"uni": "uniswap-v2", "sushi": "sushiswap-v2", "v3": "uniswap-v3"}
V2_FUNCTIONS = {
    "swapExactTokensForTokens": "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)",
    "swapExactETHForTokens": "swapExactETHForTokens(uint256,address[],address,uint256)",
    "swapTokensForExactTokens": "swapTokensForExactTokens(uint256,uint256,address[],address,uint256)",
}


def selector(signature):
    return keccak256(signature.encode())[:4]


def resolve(universe, text):
    dex, pair, *fee = text.split(" ")
    a, b = pair.split("/")
    return universe.find(DEX_OF_PREFIX[dex], a, b, int(fee[0]) if fee else None)


def three_digits(amount):
    """`amount` rounded to 3 significant digits."""
    scale = 10 ** max(len(str(amount)) - 3, 0)
    return max(round(amount / scale), 1) * scale


def walk(pools, token_in):
    """The token path along `pools` from `token_in`."""
    path = [token_in]
    for p in pools:
        path.append(p.other(path[-1]))
    return path


def quote_path(pools, path, amount_in):
    """(amount out, each pool's state after) of an exact input along `path`."""
    amount, states = amount_in, []
    for p, t in zip(pools, path):
        amount, after = p.quote_in(t, amount)
        states.append(after)
    return amount, states


def slippage_down(amount):
    return amount * (10_000 - SLIPPAGE_BPS) // 10_000


def slippage_up(amount):
    return -(-amount * (10_000 + SLIPPAGE_BPS) // 10_000)


def v3_path_bytes(pools, path):
    out = bytes.fromhex(path[0][2:])
    for p, t in zip(pools, path[1:]):
        out += p.fee.to_bytes(3, "big") + bytes.fromhex(t[2:])
    return out


def calldata(spec, pools, path, amount, limit, deadline):
    """(to, data, value, router kind) of the call `spec` asks for."""
    call = spec["call"]
    if call in V2_FUNCTIONS:
        head = selector(V2_FUNCTIONS[call])
        if call == "swapExactETHForTokens":
            return V2_ROUTERS[pools[0].dex], head + encode(["uint256", "address[]", "address", "uint256"],
                                                           [limit, path, SENDER, deadline]), amount, pools[0].dex
        return V2_ROUTERS[pools[0].dex], head + encode(["uint256", "uint256", "address[]", "address", "uint256"],
                                                       [amount, limit, path, SENDER, deadline]), 0, pools[0].dex
    if call == "execute":
        inputs = [encode(["address", "uint256"], [UR_ADDRESS_THIS, amount]),
                  encode(["address", "uint256", "uint256", "bytes", "bool"],
                         [UR_MSG_SENDER, amount, limit, v3_path_bytes(pools, path), False])]
        data = selector("execute(bytes,bytes[],uint256)") + encode(
            ["bytes", "bytes[]", "uint256"], [bytes([UR_WRAP_ETH, UR_V3_SWAP_EXACT_IN]), inputs, deadline])
        return UNIVERSAL_ROUTER, data, amount, "execute"
    if call == "exactInputSingle":
        data = selector("exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))") + encode(
            ["(address,address,uint24,address,uint256,uint256,uint160)"],
            [(path[0], path[1], pools[0].fee, SENDER, amount, limit, 0)])
    elif call == "exactInput":
        data = selector("exactInput((bytes,address,uint256,uint256))") + encode(
            ["(bytes,address,uint256,uint256)"], [(v3_path_bytes(pools, path), SENDER, amount, limit)])
    else:
        raise PlanError(f"unknown call {call}")
    if spec["multicall"]:
        data = selector("multicall(uint256,bytes[])") + encode(["uint256", "bytes[]"], [deadline, [data]])
    return SWAP_ROUTER_02, data, 0, "swap-router-02"


# --------------------------------------------------------------------------- building
def size(universe, spec, pools, path):
    """The amount the swap names (input, or output for an exact-output call), in raw units."""
    first, move = pools[0], spec["move"]
    fee = first.fee / 1_000_000
    exact_out = spec["call"] == "swapTokensForExactTokens"
    if exact_out:
        amount = first.virtual_reserve(path[1]) * (1 - math.sqrt(1 - move))
        token = path[1]
    else:
        amount = first.virtual_reserve(path[0]) * (1 / math.sqrt(1 - move) - 1) / (1 - fee)
        token = path[0]
    usd = universe.usd(token, amount)
    low, high = USD_RANGE
    if usd < low or usd > high:
        amount *= min(max(usd, low), high) / usd
    return three_digits(int(amount))


def moves(pools, before, after):
    return [f"{abs(p.price(a) / p.price(b) - 1) * 100:.3f}%" for p, b, a in zip(pools, before, after)]


def build(universe):
    """Every message's signed envelopes, and the manifest entry of every swap."""
    messages, manifest, nonce = [], [], 0
    for k, plan in enumerate(PLAN):
        seq = STATE_BLOCK + 1 + k - GENESIS_OFFSET
        received = STATE_TIME * 10**9 + (k + 1) * MESSAGE_INTERVAL_NS
        timestamp = received // 10**9
        at_message_start = {p.address: p.state for p in universe.pools}
        envelopes = []
        for index, spec in enumerate(plan):
            pools = [resolve(universe, h) for h in spec["hops"]]
            path = walk(pools, universe.token(spec["token_in"]))
            if spec["call"] in ("swapExactETHForTokens", "execute") and path[0] != WETH:
                raise PlanError(f"{spec['call']} pays in ETH: its path starts at WETH")
            before = [p.state for p in pools]
            amount = size(universe, spec, pools, path)
            exact_out = spec["call"] == "swapTokensForExactTokens"
            if exact_out:
                if len(pools) != 1:
                    raise PlanError("the plan's exact-output swaps are single-hop")
                paid, after = pools[0].quote_out(path[0], amount)
                quote, limit, states = paid, slippage_up(paid), [after]
                usd = universe.usd(path[-1], amount)
            else:
                quote, states = quote_path(pools, path, amount)
                limit = slippage_down(quote)
                usd = universe.usd(path[0], amount)
            dex_key = "execute" if spec["call"] == "execute" else \
                pools[0].dex if spec["call"] in V2_FUNCTIONS else "swap-router-02"
            deadline = timestamp + DEADLINE_SECONDS[dex_key]
            why = None
            if spec["revert"] == "expired":
                deadline = timestamp - EXPIRED_BY_SECONDS
                why = f"deadline {deadline} is {EXPIRED_BY_SECONDS} s before the message's timestamp {timestamp}"
            elif spec["revert"] == "stale":
                saved = [p.state for p in pools]
                for p in pools:
                    p.state = at_message_start[p.address]
                stale_quote, _ = quote_path(pools, path, amount)
                for p, s in zip(pools, saved):
                    p.state = s
                limit = slippage_down(stale_quote)
                if quote >= limit:
                    raise PlanError("the stale bound would not make the swap revert")
                why = (f"amountOutMin {limit} was quoted before this message's earlier swap on the same pool; "
                       f"the pool now pays {quote}")
            elif spec["revert"] == "no-fee":
                p, t = pools[0], path[0]
                spot = p.price() if t == p.tokens[0] else 1 / p.price()
                limit = slippage_down(int(amount * spot))
                if quote >= limit or len(pools) != 1:
                    raise PlanError("the no-fee bound would not make the swap revert")
                why = f"amountOutMin {limit} is the spot price with no fee or impact less 0.5 %; the pool pays {quote}"
            elif spec["revert"] is not None:
                raise PlanError(f"unknown revert {spec['revert']}")
            if why is None:
                for p, s in zip(pools, states):
                    p.state = s
            to, data, value, router = calldata(spec, pools, path, amount, limit, deadline)
            gas = GAS_PER_CALL["v2" if router in V2_ROUTERS else "execute" if router == "execute" else "v3"] \
                + GAS_PER_EXTRA_HOP * (len(pools) - 1) + (GAS_MULTICALL if spec["multicall"] else 0)
            signed = Account.sign_transaction({
                "type": 2, "chainId": CHAIN_ID, "nonce": nonce, "maxPriorityFeePerGas": MAX_PRIORITY_FEE_PER_GAS,
                "maxFeePerGas": MAX_FEE_PER_GAS, "gas": gas, "to": to_checksum_address(to), "value": value,
                "data": data, "accessList": []}, TEST_KEY)
            envelope = bytes(signed.raw_transaction)
            function = "multicall" if spec["multicall"] else spec["call"]
            manifest.append({
                "seq": seq, "index": index, "nonce": nonce, "hash": "0x" + keccak256(envelope).hex(),
                "to": to_checksum_address(to), "function": function, "dex": pools[0].dex,
                "pools": [p.address for p in pools], "path": path,
                ("amountOut" if exact_out else "amountIn"): str(amount),
                ("amountInMax" if exact_out else "amountOutMin"): str(limit),
                ("exactAmountIn" if exact_out else "exactAmountOut"): str(quote),
                "value": str(value), "deadline": deadline, "usd": round(usd),
                "intended": "reverts" if why else "applies",
                **({"revert": spec["revert"], "why": why} if why else {"moves": moves(pools, before, states)}),
            })
            envelopes.append(envelope)
            nonce += 1
        l2 = l2_message(envelopes)
        l1_block = STATE_L1_BLOCK + (timestamp - STATE_TIME) // L1_BLOCK_SECONDS
        messages.append((received, sequencer_frame(seq, l1_block, timestamp, l2, DELAYED_MESSAGES_READ), l2[0]))
    return messages, manifest


def counts(messages, manifest):
    by = lambda key: {v: sum(1 for m in manifest if m[key] == v) for v in sorted({m[key] for m in manifest})}
    return {
        "messageCount": len(messages),
        "kind4Messages": sum(1 for *_, kind in messages if kind == L2_KIND_SIGNED_TX),
        "kind3Messages": sum(1 for *_, kind in messages if kind != L2_KIND_SIGNED_TX),
        "transactions": len(manifest), "swaps": len(manifest), "legs": len(manifest),
        "hops": sum(len(m["pools"]) for m in manifest),
        "swapsByDex": by("dex"), "swapsByFunction": by("function"), "swapsByRouter": by("to"),
        "intendedReverts": {r: sum(1 for m in manifest if m.get("revert") == r) for r in ("expired", "stale", "no-fee")},
        "poolsTouched": len({a for m in manifest for a in m["pools"]}),
    }


# --------------------------------------------------------------------------- main
def main():
    universe = Universe(json.loads(STATE_PATH.read_text()))
    try:
        messages, manifest = build(universe)
    except (PlanError, FramingError) as e:
        sys.exit(f"make-demo-feed: FAILED: {e}")
    summary = counts(messages, manifest)
    first_seq = STATE_BLOCK + 1 - GENESIS_OFFSET
    header = {
        "recording": RECORDING_TAG,
        "about": (
            f"CONSTRUCTED demo feed, not a recording: {len(messages)} sequencer messages with {len(manifest)} swap "
            f"transactions made and signed by scripts/make-demo-feed.py on the real pools of "
            f"replay/fixtures/arbitrum-pools-block247867692.json, continuing from its block {STATE_BLOCK}: sequence "
            f"numbers {first_seq}..{first_seq + len(messages) - 1} (L2 blocks {STATE_BLOCK + 1}..{STATE_BLOCK + len(messages)}, "
            "block = seq + 22207817), contiguous. Line 2 is the manifest of every swap. See replay/DEMO-FEED.md."),
        "constructed": (
            "Everything but the pools. Framing as nitro's sequencer (kind-3 L2 message; kind 4 SignedTx for one tx, "
            "kind-3 batch for several; sender 0xa4b0...sequencer; requestId, baseFeeL1, signatureV2 null; no blockHash "
            "and no blockMetadata, as the blocks were never built). One message every 250 ms; receivedAtNanos = the "
            "estimated real time of block 247867692 + 250 ms x (message number); header timestamp = that time in whole "
            "seconds. Estimated by linear interpolation between the real blocks 244578443 and 259257777 (shared "
            f"fixtures, chain/arbitrum_blocks.jsonl): time {STATE_TIME} (unix s), L1 block {STATE_L1_BLOCK} (+1 every "
            f"12 s), delayedMessagesRead {DELAYED_MESSAGES_READ}. Transactions: EIP-1559, chain 42161, nonces from 0 "
            f"(the key's real on-chain history is ignored), maxPriorityFeePerGas {MAX_PRIORITY_FEE_PER_GAS}, "
            f"maxFeePerGas {MAX_FEE_PER_GAS} wei, gas limits per call kind, signed by eth-account (RFC 6979). Amounts "
            "quoted on the pending state (real state + earlier feed swaps) with exact pool math; amountOutMin = quote "
            "- 0.5 %, amountInMax = exact input + 0.5 %; USD sizes at the WETH price of the V3 WETH/USDC.e 0.05 % pool "
            f"({universe.usd_per_weth:.2f} USD). V3 quotes assume no initialized tick within {V3_BAND_TICKS} ticks of "
            "each pool's real tick (the pools come without tick tables); every V3 swap stays inside that."),
        "signer": {"key": TEST_KEY, "name": TEST_KEY_NAME, "address": SENDER},
    }
    manifest_line = {"CONSTRUCTED": "manifest", "counts": summary, "swaps": manifest}
    try:
        written = write_recording(OUT_PATH, header, [(r, f) for r, f, _ in messages], [manifest_line])
    except FramingError as e:
        sys.exit(f"make-demo-feed: FAILED: {e}")
    assert written == len(manifest)
    DOC_PATH.write_text(document(header, summary, manifest, universe))
    print(f"{OUT_PATH.relative_to(ROOT)}: {len(messages)} messages ({summary['kind4Messages']} kind-4, "
          f"{summary['kind3Messages']} kind-3), {len(manifest)} swaps, seq {first_seq}..{first_seq + len(messages) - 1}, "
          f"{OUT_PATH.stat().st_size} bytes; keccak: {KECCAK_IMPL}")
    print(f"  by dex {summary['swapsByDex']}; by function {summary['swapsByFunction']}")
    print(f"  intended reverts {summary['intendedReverts']}; pools touched {summary['poolsTouched']}")
    print(f"{DOC_PATH.relative_to(ROOT)}: written")


def document(header, summary, manifest, universe):
    rows = []
    for n, m in enumerate(manifest, 1):
        pools = " → ".join(universe.by_address[a].label() for a in m["pools"])
        path = " → ".join(symbol(t) for t in m["path"])
        outcome = f"reverts: {m['revert']}" if m["intended"] == "reverts" else ", ".join(m["moves"])
        rows.append(f"| {n} | {m['seq']} | {m['index']} | `{m['function']}` | {pools} | {path} | {m['usd']:,} | {outcome} |")
    by_dex = ", ".join(f"{d} {c}" for d, c in summary["swapsByDex"].items())
    by_function = ", ".join(f"`{f}` {c}" for f, c in summary["swapsByFunction"].items())
    return f"""# Demo feed: `demo-feed.jsonl` (CONSTRUCTED)

Made by `scripts/make-demo-feed.py` (project venv: eth-account signs, degenbot's V3 port and the
UniswapV2Library formulas quote) from the real pools of `fixtures/arbitrum-pools-block247867692.json`.
Not a recording of the chain: every transaction is constructed, signed with a published test key. Rerun
the script to rebuild; it writes the same bytes every time and fails loudly if the plan stops holding.

## What it is

{header['about']}

{header['constructed']}

Signer: {TEST_KEY_NAME}, address `{SENDER}`, private key `{TEST_KEY}` (public: never send value to it).

## Counts

- {summary['messageCount']} messages: {summary['kind4Messages']} kind 4 (one tx), {summary['kind3Messages']} kind-3 batches
- {summary['transactions']} transactions, each one swap with one leg ({summary['hops']} hops, {summary['poolsTouched']} pools)
- by DEX: {by_dex}
- by function (as the decoders name them; `multicall` wraps one SwapRouter02 `exactInputSingle` or `exactInput`): {by_function}
- reverting on purpose: {', '.join(f'{r} {c}' for r, c in summary['intendedReverts'].items())}

## Swaps

Moves: how far each pool's price moved (from the pending state before the swap). USD: the input (the output for
`swapTokensForExactTokens`).

| # | seq | index | function | pools | path | USD | outcome |
|---|---|---|---|---|---|---|---|
""" + "\n".join(rows) + "\n"


if __name__ == "__main__":
    main()
