"""Executor.vy on pyrevm against the genuine pool bytecode of scripts/localchain: exits 1 on the
first failed check.

Each profitable cycle is quoted independently, by the pools themselves (Uniswap V3 pools through
PoolCallee, Curve NG pools through the trader's own exchange, V2 pairs by UniswapV2Library's
formula, each swap really applied and its output read back, on a snapshot that is then
dropped), and the executor must pay its owner exactly that profit. Then every refusal: an
unprofitable cycle, a profit under the minimum, a stranger, forged and re-entrant callbacks
(contracts/test/*.vy), pause, withdrawals, the pool table, malformed calldata. Prints the
calldata sizes and the gas each hop kind takes.

    .venv/bin/python contracts/test_executor.py
"""

import random
import sys
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "scripts" / "localchain"), str(HERE)]

import vyper  # noqa: E402
from eth_abi import decode, encode  # noqa: E402
from eth_utils import keccak, to_checksum_address  # noqa: E402

import executor_calldata as packed  # noqa: E402
from curve import deploy_pool  # noqa: E402
from machine import CallFailed, Machine, Tx, calldata  # noqa: E402
from tokens import DEPLOYER, TRADER, Token, deploy_tokens, mint  # noqa: E402
from uniswap_v2 import UniswapV2Factory, UniswapV2Pool  # noqa: E402
from uniswap_v3 import MAX_SQRT_RATIO, MIN_SQRT_RATIO, UniswapV3Factory, UniswapV3Pool  # noqa: E402

OWNER = "0x00000000000000000000000000000000000e7e00"
STRANGER = "0x000000000000000000000000000000000000bad0"
GENESIS_TIMESTAMP = 1_700_000_000
REAL_MEDIANS = {2: 43, 3: 160}  # calldata bytes of real Arbitrum arbitrages (shared fixtures' SOURCES.md)


class Failed(Exception):
    """A check that did not hold."""


def check(condition, message):
    """Raises Failed(message) unless `condition`."""
    if not condition:
        raise Failed(message)


def compile_contract(path, *arguments):
    """Creation code of a Vyper file here, with ABI-encoded constructor `arguments` (types, values)."""
    output = vyper.compile_code(path.read_text(), output_formats=["bytecode"])
    code = bytes.fromhex(output["bytecode"].removeprefix("0x"))
    return code + (encode(*arguments) if arguments else b"")


class Writer:
    """Applies transactions straight to the machine: chain.py's Writer without blocks."""

    number = 1

    def __init__(self, machine):
        self.machine = machine

    def send(self, sender, to, signature, types=(), values=()):
        """A call of `signature` on `to`; returns its Outcome."""
        return self.machine.apply(Tx(sender, to, calldata(signature, types, values)))

    def deploy(self, sender, code):
        """Deploys creation `code`; returns the new address."""
        outcome = self.machine.apply(Tx(sender, None, code))
        check(outcome.success, f"deployment by {sender} failed")
        return to_checksum_address(outcome.output)


def balance(machine, token, holder):
    """`token`'s balanceOf(holder)."""
    return machine.view(token.address, "balanceOf(address)", ["address"], [holder], ["uint256"])[0]


def revert_reason(machine, sender, to, data):
    """The Error(string) reason of a call that must revert ("" for none)."""
    try:
        machine.call(sender, to, data)
    except CallFailed as failure:
        if failure.data[:4] == keccak(text="Error(string)")[:4]:
            return decode(["string"], failure.data[4:])[0]
        return ""
    raise Failed(f"a call to {to} that had to revert succeeded")


def expect_refusal(machine, sender, to, data, reason, what):
    """Checks that the call reverts with `reason`."""
    got = revert_reason(machine, sender, to, data)
    check(got == reason, f"{what}: reverted with {got!r}, not {reason!r}")


def reverts(machine, to, data):
    """Whether the owner's call of `data` on `to` reverts (nothing is kept either way)."""
    try:
        machine.call(OWNER, to, data)
    except CallFailed:
        return True
    return False


@contextmanager
def isolated(machine):
    """Drops every change made inside the block."""
    checkpoint = machine.evm.snapshot()
    try:
        yield
    finally:
        machine.evm.revert(checkpoint)


# --- the pools' own quoting ------------------------------------------------------------------

def kind_of(pool):
    """The executor's hop kind of a localchain pool object."""
    if isinstance(pool, UniswapV2Pool):
        return packed.UNISWAP_V2
    if isinstance(pool, UniswapV3Pool):
        return packed.UNISWAP_V3
    return packed.CURVE


def indexes(pool, token_in, token_out):
    """(index of token_in, index of token_out) in the pool."""
    tokens = pool.coins if kind_of(pool) == packed.CURVE else [pool.token0, pool.token1]
    return tokens.index(token_in), tokens.index(token_out)


def reference_swap(writer, pool, token_in, token_out, amount):
    """Swaps `amount` on `pool` as an ordinary trader would, applied; returns the output."""
    machine = writer.machine
    i, j = indexes(pool, token_in, token_out)
    kind = kind_of(pool)
    if kind == packed.UNISWAP_V2:
        reserves = pool.reserves(machine)[:2]
        out = amount * 997 * reserves[j] // (reserves[i] * 1000 + amount * 997)
        mint(writer, token_in, pool.address, amount)
        outs = [0, 0]
        outs[j] = out
        outcome = writer.send(TRADER, pool.address, "swap(uint256,uint256,address,bytes)",
                              ["uint256", "uint256", "address", "bytes"], [*outs, TRADER, b""])
        check(outcome.success, "the reference V2 swap reverted")
        return out
    if kind == packed.UNISWAP_V3:
        limit = MIN_SQRT_RATIO + 1 if i == 0 else MAX_SQRT_RATIO - 1
        outcome = writer.send(DEPLOYER, pool.callee, "swap(address,bool,int256,uint160)",
                              ["address", "bool", "int256", "uint160"], [pool.address, i == 0, amount, limit])
        check(outcome.success, "the reference V3 swap reverted")
        return -min(decode(["int256", "int256"], outcome.output))
    mint(writer, token_in, TRADER, amount)
    outcome = writer.send(TRADER, pool.address, "exchange(int128,int128,uint256,uint256)",
                          ["int128", "int128", "uint256", "uint256"], [i, j, amount, 0])
    check(outcome.success, "the reference Curve exchange reverted")
    return decode(["uint256"], outcome.output)[0]


def quote(writer, cycle, amount):
    """What `cycle` returns for `amount`, swap after swap by the pools, on a dropped snapshot."""
    with isolated(writer.machine):
        for pool, token_in, token_out in cycle:
            amount = reference_swap(writer, pool, token_in, token_out, amount)
    return amount


def best_amount(writer, cycle):
    """The most profitable of a few inputs (fractions of the first pool's input reserve) and its profit."""
    held = balance(writer.machine, cycle[0][1], cycle[0][0].address)
    candidates = [held * parts // 100_000 for parts in (1, 3, 10, 30, 100, 300, 1000)]
    return max(((amount, quote(writer, cycle, amount) - amount) for amount in candidates), key=lambda pair: pair[1])


def unbalance(writer, cycle):
    """Sells 5 % of the output token's holdings into the cycle's first non-Curve pool (Curve's
    flat curve barely moves), so that hop gives more and the cycle pays."""
    pool, token_in, token_out = next(hop for hop in cycle if kind_of(hop[0]) != packed.CURVE)
    amount = balance(writer.machine, token_out, pool.address) // 20
    reference_swap(writer, pool, token_out, token_in, amount)


def hops_of(cycle):
    """The encoder's hops of a cycle of (pool, token in, token out)."""
    return [(kind_of(pool), pool.address, *indexes(pool, token_in, token_out)) for pool, token_in, token_out in cycle]


# --- the world ---------------------------------------------------------------------------------

class World:
    """Tokens, two V2 factories (Uniswap and a fork), a V3 factory, their pools, a Curve pool,
    and the executor owned by OWNER."""

    def __init__(self):
        self.machine = Machine(42161)
        self.machine.enter_block(1, GENESIS_TIMESTAMP, 0)
        self.writer = writer = Writer(self.machine)
        rng = random.Random(14)
        tokens = deploy_tokens(writer)
        self.weth, self.usdc, self.usdt = tokens["WETH"], tokens["USDC"], tokens["USDT"]
        uniswap, fork = UniswapV2Factory(writer), UniswapV2Factory(writer)
        self.v3 = UniswapV3Factory(writer)
        weth, usdc, usdt = self.weth, self.usdc, self.usdt
        self.v2_weth_usdc = uniswap.create_pool(writer, rng, weth, usdc)
        self.fork_weth_usdc = fork.create_pool(writer, rng, weth, usdc)
        self.v2_usdc_usdt = uniswap.create_pool(writer, rng, usdc, usdt)
        self.v2_weth_usdt = uniswap.create_pool(writer, rng, weth, usdt)
        self.v3_weth_usdc = self.v3.create_pool(writer, rng, weth, usdc, 500)
        self.v3_weth_usdc_3000 = self.v3.create_pool(writer, rng, weth, usdc, 3000)
        self.v3_usdc_usdt = self.v3.create_pool(writer, rng, usdc, usdt, 100)
        self.v3_weth_usdt = self.v3.create_pool(writer, rng, weth, usdt, 3000)
        self.curve = deploy_pool(writer, rng, [usdc, usdt], 1)
        self.executor = writer.deploy(OWNER, compile_contract(HERE / "Executor.vy"))

    def send(self, sender, signature, types=(), values=()):
        """Calls the executor's ABI function `signature`; checks that it succeeded."""
        outcome = self.writer.send(sender, self.executor, signature, types, values)
        check(outcome.success, f"{signature} by {sender} reverted")
        return outcome

    def run(self, data, sender=OWNER):
        """Sends packed calldata to the executor; returns the Outcome."""
        return self.machine.apply(Tx(sender, self.executor, data))


def intrinsic_gas(data):
    """21,000 plus 16 per non-zero and 4 per zero calldata byte."""
    return 21_000 + sum(16 if byte else 4 for byte in data)


def profitable_cycle(world, name, cycle, gas, pool_indexes=None):
    """Unbalances the cycle, quotes it, runs it, and checks that the owner got exactly the
    quoted profit and the executor kept nothing; records the cycle's gas net of intrinsic gas."""
    writer, machine = world.writer, world.machine
    with isolated(machine):
        unbalance(writer, cycle)
        amount, profit = best_amount(writer, cycle)
        check(profit > 0, f"{name}: no profitable input after unbalancing")
        start = cycle[0][1]
        tokens = {token.address: token for _, token_in, token_out in cycle for token in (token_in, token_out)}
        held = {address: balance(machine, token, world.executor) for address, token in tokens.items()}
        owner_before = balance(machine, start, OWNER)
        data = packed.encode(hops_of(cycle), amount, 0, pool_indexes)
        outcome = world.run(data)
        if not outcome.success:
            raise Failed(f"{name}: the executor reverted ({revert_reason(machine, OWNER, world.executor, data)!r})")
        check(balance(machine, start, OWNER) - owner_before == profit,
              f"{name}: owner got {balance(machine, start, OWNER) - owner_before}, the pools quote {profit}")
        for address, token in tokens.items():
            check(balance(machine, token, world.executor) == held[address], f"{name}: the executor's {token.symbol} changed")
        gas[name] = outcome.gas_used - intrinsic_gas(data)
        print(f"  {name}: {len(data)} bytes, profit {profit} {start.symbol} units on {amount}, "
              f"{gas[name]} gas beyond intrinsic")


def test_profitable_cycles(world, gas):
    """Every pool-type pair available offline, a 3-hop cycle, and the V2 and V3 triangles."""
    w = world
    weth, usdc, usdt = w.weth, w.usdc, w.usdt
    cycles = {
        "V2-V2": [(w.v2_weth_usdc, weth, usdc), (w.fork_weth_usdc, usdc, weth)],
        "V2-V3": [(w.v2_weth_usdc, weth, usdc), (w.v3_weth_usdc, usdc, weth)],
        "V3-V2": [(w.v3_weth_usdc, usdc, weth), (w.v2_weth_usdc, weth, usdc)],
        "V3-V3": [(w.v3_weth_usdc, weth, usdc), (w.v3_weth_usdc_3000, usdc, weth)],
        "V2-Curve": [(w.v2_usdc_usdt, usdc, usdt), (w.curve, usdt, usdc)],
        "V3-Curve": [(w.v3_usdc_usdt, usdt, usdc), (w.curve, usdc, usdt)],
        "V2-Curve-V3": [(w.v2_weth_usdc, weth, usdc), (w.curve, usdc, usdt), (w.v3_weth_usdt, usdt, weth)],
        "V2-V2-V2": [(w.v2_weth_usdc, weth, usdc), (w.v2_usdc_usdt, usdc, usdt), (w.v2_weth_usdt, usdt, weth)],
        "V3-V3-V3": [(w.v3_weth_usdc, weth, usdc), (w.v3_usdc_usdt, usdc, usdt), (w.v3_weth_usdt, usdt, weth)],
    }
    for name, cycle in cycles.items():
        profitable_cycle(world, name, cycle, gas)
    # The same cycle with its pools named by 1- and 2-byte table indexes pays the same.
    with isolated(world.machine):
        world.send(OWNER, "setPool(uint256,address)", ["uint256", "address"], [7, w.v2_weth_usdc.address])
        world.send(OWNER, "setPool(uint256,address)", ["uint256", "address"], [300, w.v3_weth_usdc.address])
        table = {w.v2_weth_usdc.address.lower(): 7, w.v3_weth_usdc.address.lower(): 300}
        profitable_cycle(world, "V2-V3 by index", cycles["V2-V3"], gas, table)
    return cycles


def test_curve_first(world):
    """A cycle starting at Curve (nothing lends) spends the executor's own start tokens: without
    them it reverts; with them the owner gets the quoted profit and the stock stays."""
    w, machine = world, world.machine
    cycle = [(w.curve, w.usdc, w.usdt), (w.v2_usdc_usdt, w.usdt, w.usdc)]
    with isolated(machine):
        unbalance(w.writer, cycle)
        amount, profit = best_amount(w.writer, cycle)
        check(profit > 0, "Curve first: no profitable input")
        data = packed.encode(hops_of(cycle), amount)
        check(not w.run(data).success, "Curve first without stock: did not revert")
        mint(w.writer, w.usdc, w.executor, amount)
        before = balance(machine, w.usdc, OWNER)
        check(w.run(data).success, "Curve first with stock: reverted")
        check(balance(machine, w.usdc, OWNER) - before == profit, "Curve first: wrong profit")
        check(balance(machine, w.usdc, w.executor) == amount, "Curve first: the stock changed")
    print("  Curve first: reverts without stock, pays the quoted profit with it")


def test_refusals(world, cycles):
    """Unprofitable, under the minimum, stranger, paused."""
    w, machine = world, world.machine
    cycle = cycles["V2-V2"]
    with isolated(machine):
        unbalance(w.writer, cycle)
        amount, profit = best_amount(w.writer, cycle)
        data = packed.encode(hops_of(cycle), amount)
        backwards = [(pool, token_out, token_in) for pool, token_in, token_out in reversed(cycle)]
        losing = packed.encode(hops_of(backwards), amount)
        # Without stock the repayment of the flash swap already fails (the token's own revert);
        # with stock to repay from, the final balance check refuses.
        check(reverts(machine, w.executor, losing), "the cycle run backwards did not revert")
        with isolated(machine):
            mint(w.writer, w.weth, w.executor, amount)
            expect_refusal(machine, OWNER, w.executor, losing, "unprofitable", "the cycle run backwards with stock")
        expect_refusal(machine, OWNER, w.executor, packed.encode(hops_of(cycle), amount, profit + 1),
                       "below minimum profit", "a minimum one above the profit")
        expect_refusal(machine, STRANGER, w.executor, data, "not owner", "a stranger's cycle")
        expect_refusal(machine, STRANGER, w.executor, calldata("setPaused(bool)", ["bool"], [True]), "not owner",
                       "a stranger pausing")
        w.send(OWNER, "setPaused(bool)", ["bool"], [True])
        expect_refusal(machine, OWNER, w.executor, data, "paused", "a cycle while paused")
        w.send(OWNER, "setPaused(bool)", ["bool"], [False])
        check(w.run(packed.encode(hops_of(cycle), amount, profit)).success, "a minimum equal to the profit reverted")
    print("  refused: backwards cycle, minimum above profit, stranger, paused; resumed")


def test_callbacks(world):
    """Callbacks from strangers, and from genuine pools the executor is not waiting for."""
    w, machine = world, world.machine
    forged = [
        calldata("uniswapV3SwapCallback(int256,int256,bytes)", ["int256", "int256", "bytes"], [1, -1, b""]),
        calldata("algebraSwapCallback(int256,int256,bytes)", ["int256", "int256", "bytes"], [1, -1, b""]),
        calldata("uniswapV2Call(address,uint256,uint256,bytes)", ["address", "uint256", "uint256", "bytes"],
                 [w.executor, 1, 0, b"\0"]),
    ]
    for data in forged:
        expect_refusal(machine, STRANGER, w.executor, data, "unexpected callback", "a forged callback")
    # A genuine V2 pair flash-swapping for someone else to the executor (V3 and Algebra pools
    # call back their caller, never the recipient).
    v2_swap = calldata("swap(uint256,uint256,address,bytes)", ["uint256", "uint256", "address", "bytes"],
                       [0, 10**6, w.executor, b"\1"])
    expect_refusal(machine, TRADER, w.v2_weth_usdc.address, v2_swap, "unexpected callback", "an unsolicited V2 callback")
    print("  refused: forged V2/V3/Algebra callbacks, an unsolicited flash swap from a genuine pair")


def test_reentrant_pool(world):
    """A pool calling back twice: the second callback is refused (once, the cycle pays). A first
    pool handing back another route than it was given: refused."""
    w, machine = world, world.machine
    first = (w.v2_weth_usdc, w.weth, w.usdc)
    with isolated(machine):
        amount = balance(machine, w.weth, first[0].address) // 1000
        usdc_out = quote(w.writer, [first], amount)

        def hostile_pool(callbacks, tampered):
            code = compile_contract(HERE / "test" / "ReentrantPool.vy", ["address", "address", "uint256", "uint256", "bool"],
                                    [w.usdc.address, w.weth.address, amount * 2, callbacks, tampered])
            pool = w.writer.deploy(DEPLOYER, code)
            mint(w.writer, w.weth, pool, amount * 2)
            mint(w.writer, w.usdc, pool, usdc_out)
            return pool

        once, twice = hostile_pool(1, False), hostile_pool(2, False)
        second = [(packed.UNISWAP_V2, first[0].address, *indexes(*first))]
        check(w.run(packed.encode(second + [(packed.UNISWAP_V3, once, 0, 1)], amount)).success,
              "a pool calling back once was refused")
        check(balance(machine, w.usdc, once) == 2 * usdc_out, "the pool calling back once was not paid")
        expect_refusal(machine, OWNER, w.executor, packed.encode(second + [(packed.UNISWAP_V3, twice, 0, 1)], amount),
                       "unexpected callback", "a pool calling back twice")
        # First in the cycle, the pool lends and hands the route back in its callback.
        honest, tampering = hostile_pool(1, False), hostile_pool(1, True)
        back = [(packed.UNISWAP_V2, first[0].address, *indexes(*first))]
        check(w.run(packed.encode([(packed.UNISWAP_V3, honest, 0, 1)] + back, usdc_out)).success,
              "a first pool handing the route back was refused")
        expect_refusal(machine, OWNER, w.executor, packed.encode([(packed.UNISWAP_V3, tampering, 0, 1)] + back, usdc_out),
                       "foreign route", "a first pool handing back another route")
    print("  a pool calling back once is paid, twice refused; a first pool changing the route is refused")


def test_reentrant_token(world):
    """A token whose transfers (one of them mid-swap, while the executor waits for the pair's
    flash callback) call the executor's callback or entry: every attempt is refused, and the
    cycle itself still pays."""
    w, machine, writer = world, world.machine, world.writer
    rng = random.Random(41)
    with isolated(machine):
        evil = Token(writer.deploy(DEPLOYER, compile_contract(HERE / "test" / "ReentrantToken.vy")), "EVIL", 18, 3000.0)
        pair = UniswapV2Factory(writer).create_pool(writer, rng, w.weth, evil)
        pool = w.v3.create_pool(writer, rng, w.weth, evil, 3000)
        cycle = [(pair, w.weth, evil), (pool, evil, w.weth)]
        unbalance(writer, cycle)
        amount, profit = best_amount(writer, cycle)
        data = packed.encode(hops_of(cycle), amount)
        forged = calldata("uniswapV2Call(address,uint256,uint256,bytes)", ["address", "uint256", "uint256", "bytes"],
                          [w.executor, 1, 0, b"\0"])
        for payload, reason in ((forged, "unexpected callback"), (data, "not owner")):
            with isolated(machine):
                writer.send(DEPLOYER, evil.address, "arm(address,bytes)", ["address", "bytes"], [w.executor, payload])
                before = balance(machine, w.weth, OWNER)
                check(w.run(data).success, "the cycle through the re-entering token reverted")
                check(balance(machine, w.weth, OWNER) - before == profit, "the cycle through the re-entering token: wrong profit")
                (attempts,), (refusals,), (reply,) = (
                    machine.view(evil.address, getter, returns=[kind])
                    for getter, kind in (("attempts()", "uint256"), ("refusals()", "uint256"), ("last_refusal()", "bytes")))
                check(attempts >= 2 and refusals == attempts, f"{attempts} re-entries, {refusals} refused")
                check(decode(["string"], reply[4:])[0] == reason, f"a re-entry was refused with {reply!r}, not {reason!r}")
    print("  a token re-entering mid-swap (forged callback, or the entry) is refused every time")


def test_owner_functions(world):
    """Withdrawals of tokens and ether, the pool table, malformed calldata."""
    w, machine = world, world.machine
    with isolated(machine):
        mint(w.writer, w.usdc, w.executor, 5_000)
        withdraw = calldata("withdraw(address,uint256)", ["address", "uint256"], [w.usdc.address, 3_000])
        expect_refusal(machine, STRANGER, w.executor, withdraw, "not owner", "a stranger's withdrawal")
        check(w.run(withdraw).success and balance(machine, w.usdc, OWNER) == 3_000, "the owner's withdrawal")
        machine.evm.set_balance(w.executor, 10**18)
        ether = calldata("withdrawEther(uint256)", ["uint256"], [10**18])
        expect_refusal(machine, STRANGER, w.executor, ether, "not owner", "a stranger's ether withdrawal")
        check(w.run(ether).success and machine.balance(OWNER) == 10**18, "the owner's ether withdrawal")
        set_pool = "setPool(uint256,address)"
        expect_refusal(machine, STRANGER, w.executor, calldata(set_pool, ["uint256", "address"], [1, w.curve.address]),
                       "not owner", "a stranger's pool")
        expect_refusal(machine, OWNER, w.executor, calldata(set_pool, ["uint256", "address"], [65536, w.curve.address]),
                       "index too large", "a pool past the table")
    unknown = packed.encode([(packed.UNISWAP_V2, "0x" + "00" * 20, 0, 1)], 1, 0, {"0x" + "00" * 20: 9})
    expect_refusal(machine, OWNER, w.executor, unknown, "unknown pool index", "an empty table entry")
    malformed = {b"": "bad calldata", b"\x10": "bad calldata", bytes([0x80]) + b"\0" * 20 + b"\x01\x10": "bad opcode",
                 bytes([0xC0 | 7 << 1]) + b"\x01\x10": "bad opcode", bytes([0xC0]) + b"\0" * 19 + b"\x01\x10": "bad calldata"}
    for data, reason in malformed.items():
        expect_refusal(machine, OWNER, w.executor, data, reason, f"calldata {data.hex()}")
    print("  withdrawals and the pool table are the owner's; malformed calldata is refused")


def test_no_selector_starts_like_an_opcode():
    """Packed calldata starts with an opcode 0xC0..0xE7; no ABI function may start the same."""
    identifiers = vyper.compile_code((HERE / "Executor.vy").read_text(), output_formats=["method_identifiers"])
    for signature, selector in identifiers["method_identifiers"].items():
        check(not 0xC0 <= int(selector[2:4], 16) < 0xE8, f"{signature} {selector} starts like an opcode")


def report_sizes():
    """Calldata bytes of 2- and 3-hop cycles: 1 WETH in (8 bytes), 10^14 wei minimum (6 bytes)."""
    pool = "0x" + "ab" * 20
    for hops in (2, 3):
        route = [(packed.UNISWAP_V3, pool, 0, 1)] * hops
        sizes = [len(packed.encode(route, 10**18, 10**14, table)) for table in (None, {pool: 1}, {pool: 300})]
        print(f"  {hops} hops: {sizes[0]} bytes by address, {sizes[1]} by 1-byte index, {sizes[2]} by 2-byte index "
              f"(real {hops}-hop median: {REAL_MEDIANS[hops]})")


def report_gas(gas):
    """Per-hop gas from the cycles: V2 and V3 from their 2- and 3-hop cycles, Curve from V2-Curve;
    the fixed part (entry, balance checks, profit transfer) split over two hops."""
    v2 = gas["V2-V2-V2"] - gas["V2-V2"]
    fixed = gas["V2-V2"] - 2 * v2
    v3 = (gas["V3-V3"] - fixed) // 2
    curve = gas["V2-Curve"] - fixed - v2
    print(f"  fixed {fixed}; per hop: V2 {v2}, V3 {v3} (3rd V3 hop: {gas['V3-V3-V3'] - gas['V3-V3']}), Curve {curve}")
    print(f"  as HopGasTable (fixed split over 2 hops): V2 {v2 + fixed // 2}, V3 {v3 + fixed // 2}, "
          f"Curve {curve + fixed // 2}")


def main():
    world = World()
    gas = {}
    print("profitable cycles (owner paid exactly the pools' quote):")
    cycles = test_profitable_cycles(world, gas)
    test_curve_first(world)
    print("refusals:")
    test_refusals(world, cycles)
    test_callbacks(world)
    test_reentrant_pool(world)
    test_reentrant_token(world)
    test_owner_functions(world)
    test_no_selector_starts_like_an_opcode()
    print("calldata:")
    report_sizes()
    print("gas:")
    report_gas(gas)
    print("executor: all checks passed")


if __name__ == "__main__":
    try:
        main()
    except Failed as failure:
        print(f"FAILED: {failure}")
        sys.exit(1)
