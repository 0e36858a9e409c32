"""The end-to-end check of `mevbot run --execute` on the local chain (issue 14, "How it is checked").

    .venv/bin/python scripts/e2e/execute.py [--mevbot .build/debug/mevbot] [--contracts contracts]
        [--work DIR] [--seed 1] [--only e,a,b,c,d,t]

Each scenario gets a fresh local chain with one Uniswap V2 and one Uniswap V3 WETH/USDC pool (as
built, up to 2 % apart) and the genuine SwapRouter; the bot (Hardhat/Anvil account #0, see
localnode.py) funded with ether; contracts/Executor.vy compiled with the venv's vyper and deployed
from the bot (its owner); a victim (account #1) funded with WETH and USDC, its router allowances
set (with --pool-table, the owner registers both pools with setPool and the config lists them
as execution.poolTable, so the calldata names them by 1-byte index). The bot runs with a config from scripts/localchain/botconfig.py, the chain's feed and RPC,
and its key in MEVBOT_PRIVATE_KEY. Then the victim swaps through the SwapRouter, in the direction
that widens the gap between the pools, and the driver watches the bot's JSON lines, the chain and
/metrics:

- (a) the trade lands: from the bot to the executor, status 1, the bot's WETH up by exactly the
  trade's expected profit, /metrics mev_executions_succeeded_total 1;
- (b) limits low (minNetProfitWei 10^30, then maxInput 1 wei): nothing sent, a refusal line and
  mev_execution_refused_total naming the reason;
- (c) the kill switch file created while the bot runs: nothing sent, reason kill_switch;
- (d) local_fault txNonceTooLow on the bot's first send (the victim swaps through the express
  lane, which the fault does not touch): a second victim swap's trade goes out with the chain's
  nonce and lands, and no nonce or transaction is used twice;
- (e) every opportunity the bot reported, executed by the contract at the state it was computed
  on (the bot's own trade, or the driver's from the owner's key when none was sent), pays the
  reported profit to the wei; scenario e alone runs the bot dry (no --execute) through five
  victim swaps of different sizes and runs each opportunity it reports from the owner's key;
- (t) execution.poolTable checked at start (the owner registers both pools whatever the flag):
  listed in the other order, `run --execute` refuses to start (status 1, the error naming
  execution.poolTable[0] and both addresses) and sends nothing; in the owner's order it starts.

Prints PASS/FAIL per check; exits 1 when any fails. Logs and configs stay in --work.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import vyper

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "localchain"))
from botconfig import bot_config  # noqa: E402
from botprocess import BotProcess, free_port  # noqa: E402
from localnode import BOT_KEY, ROOT, VICTIM_KEY, LocalNode, RpcFailure, Signer, call_data  # noqa: E402
from router import exact_input_single  # noqa: E402

POOLS = "uniswap-v2=1,uniswap-v3=1,curve=0"
MAX_UINT256 = (1 << 256) - 1
KINDS = {"uniswap-v2": 0, "uniswap-v3": 2}  # executor hop kinds (contracts/README.md)
WAIT = 60  # seconds any one awaited event may take
AUCTION = "0x5fcb496a31b7ae91e7c9078ec662bd7a55cd3079"  # the express lane's auction contract here (any address)


class Report:
    """PASS/FAIL lines and whether all passed."""

    def __init__(self):
        self.failures = 0

    def check(self, scenario, passed, text):
        """Prints one result."""
        self.failures += not passed
        print(f"{'PASS' if passed else 'FAIL'} ({scenario}) {text}", flush=True)
        return passed


class World:
    """One scenario's chain, accounts, executor and bot."""

    def __init__(self, options, name, limits=None, pool_table=None):
        self.dir, self.contracts = Path(options.work) / name, options.contracts
        self.dir.mkdir(parents=True, exist_ok=True)
        self.node = LocalNode(POOLS, options.seed, self.dir / "chain.log")
        self.bot_key, self.victim = Signer(self.node, BOT_KEY), Signer(self.node, VICTIM_KEY)
        self.owner, self.weth, self.usdc = self.bot_key.address, self.node.tokens["WETH"], self.node.tokens["USDC"]
        self.node.fund(self.owner, 10**19)
        self.node.fund(self.victim.address, 10**19, {"WETH": 10**21, "USDC": 10**13})
        self.executor = self.node.deploy(executor_code(options.contracts), self.owner)
        owner = self.node.call(self.executor, call_data("owner()"))[12:]
        if "0x" + owner.hex() != self.owner.lower():
            raise RuntimeError(f"the executor's owner is 0x{owner.hex()}, not the bot")
        registered = options.pool_table if pool_table is None else pool_table
        self.pool_table = [pool["address"] for pool in self.node.line["pools"]] if registered else []
        for index, pool in enumerate(self.pool_table):
            self.wait_receipt(self.bot_key.send(self.executor, call_data("setPool(uint256,address)", ["uint256", "address"], [index, pool])))
        for token in (self.weth, self.usdc):
            self.wait_receipt(self.victim.send(token, call_data("approve(address,uint256)", ["address", "uint256"],
                                                                 [self.node.router, MAX_UINT256])))
        self.kill_switch = self.dir / "kill-switch"
        self.kill_switch.unlink(missing_ok=True)
        (self.dir / "nonce.json").unlink(missing_ok=True)
        self.config = self.dir / "dex.yaml"
        self.config.write_text(bot_config(self.node.line, self.executor, self.dir, limits, pool_table=self.pool_table))
        self.first_block = self.node.head() + 1
        self.bot = None

    def start_bot(self, options, execute=True):
        """Starts `mevbot run` (with --execute and the key unless `execute` is false) and waits
        until it has synced the head and holds the feed."""
        port = free_port()
        command = [options.mevbot, "run", "--config", str(self.config), "--metrics-port", str(port)] + ["--execute"] * execute
        self.bot = BotProcess(command, self.bot_environment(execute), self.dir / "bot.log", port)
        self.wait_synced()

    def bot_environment(self, execute=True):
        """The chain's RPC, heads and feed (heads over the chain's WebSocket, as a deployment with
        a node would have them), and the key when executing."""
        environment = {"RPC_URL": self.node.url, "RPC_WS_URL": self.node.line["ws"],
                       "SEQUENCER_WS_URL": self.node.line["feed"]}
        if execute:
            environment["MEVBOT_PRIVATE_KEY"] = BOT_KEY
        return environment

    def wait_synced(self):
        """Waits until the bot's sync has reached the chain's head and its feed is connected."""
        head = self.node.head()
        self.bot.wait_for(lambda: self.bot.metric("mev_sync_synced_block") >= head and self.bot.metric("mev_feed_connections") >= 1,
                          WAIT, f"sync of block {head} and a feed connection")

    def stop(self):
        """Stops the bot and the chain."""
        status = self.bot.stop() if self.bot else None
        self.node.stop()
        return status

    def wait_receipt(self, tx_hash):
        """The receipt (the chain mines each transaction at once)."""
        receipt = self.node.receipt(tx_hash)
        if receipt is None:
            raise RuntimeError(f"no receipt for {tx_hash}")
        return receipt

    def prices(self):
        """(V2, V3) price of WETH in USDC base units per wei."""
        pools = {pool["dex"]: pool for pool in self.node.line["pools"]}
        weth_first = int(self.weth, 16) < int(self.usdc, 16)
        reserves = self.node.call(pools["uniswap-v2"]["address"], call_data("getReserves()"))
        reserve0, reserve1 = int.from_bytes(reserves[:32], "big"), int.from_bytes(reserves[32:64], "big")
        sqrt_price = int.from_bytes(self.node.call(pools["uniswap-v3"]["address"], call_data("slot0()"))[:32], "big")
        v3 = (sqrt_price / 2**96) ** 2  # token1 per token0
        v2 = reserve1 / reserve0
        return (v2, v3) if weth_first else (1 / v2, 1 / v3)

    def victim_swap(self, weth_worth=10, express_sequence=None):
        """The victim's exactInputSingle on the V3 pool, pushing its price away from the V2
        pool's (through the express lane, round 0, with `express_sequence` when given);
        (hash, time.monotonic() once sent)."""
        v2, v3 = self.prices()
        fee = next(pool["fee"] for pool in self.node.line["pools"] if pool["dex"] == "uniswap-v3")
        if v3 > v2:  # WETH dearer on V3: buying it there widens the gap
            data = exact_input_single(self.usdc, self.weth, fee, self.victim.address, int(weth_worth * v3 * 10**18))
        else:
            data = exact_input_single(self.weth, self.usdc, fee, self.victim.address, weth_worth * 10**18)
        if express_sequence is None:
            tx_hash = self.victim.send(self.node.router, data)
        else:
            tx_hash = self.victim.send_express(self.node.router, data, 0, express_sequence, AUCTION)
        sent = time.monotonic()
        receipt = self.wait_receipt(tx_hash)
        if receipt["status"] != "0x1":
            raise RuntimeError(f"the victim's swap reverted: {receipt}")
        return tx_hash, sent

    def bot_transactions(self):
        """Every transaction from the bot since the scenario's setup."""
        return [tx for tx in self.node.transactions(self.first_block) if tx["from"].lower() == self.owner.lower()]

    def execute_as_owner(self, opportunity):
        """Runs a reported cycle through the executor from the owner's key at the current state
        (the one it was computed on when nothing was sent since); (status, WETH paid to the owner)."""
        sys.path.insert(0, str(Path(self.contracts)))
        from executor_calldata import encode  # noqa: E402  (contracts/, the contract tests' encoder)
        hops = []
        for hop in opportunity["cycle"]:
            pool = next(p for p in self.node.line["pools"] if p["address"].lower() == hop["pool"].lower())
            token_in = [t.lower() for t in pool["tokens"]].index(hop["tokenIn"].lower())
            hops.append((KINDS[hop["dex"]], hop["pool"], token_in, 1 - token_in))
        receipt = self.wait_receipt(self.bot_key.send(self.executor, encode(hops, int(opportunity["amountIn"])), gas=2_000_000))
        paid = sum(amount for sender, receiver, amount in self.node.token_transfers(receipt, opportunity["token"])
                   if sender == self.executor and receiver == self.owner)
        return receipt["status"], paid


def executor_code(contracts):
    """contracts/Executor.vy's creation code, compiled with the installed vyper (no constructor arguments)."""
    source = Path(contracts) / "Executor.vy"
    output = vyper.compile_code(source.read_text(), output_formats=["bytecode"])
    return bytes.fromhex(output["bytecode"].removeprefix("0x"))


def wait_lines(world, key, count=1, timeout=WAIT):
    """The first `count` lines holding `key`, waited for."""
    return world.bot.wait_for(lambda: world.bot.entries(key)[:count] if len(world.bot.entries(key)) >= count else None,
                              timeout, f"{count} {key!r} line(s)")


def settled(world, trade):
    """The settled line of `trade`, waited for."""
    def find():
        return next((line["settled"] for line in world.bot.entries("settled") if line["settled"].get("hash") == trade["hash"]), None)
    return world.bot.wait_for(find, WAIT, f"the settled line of {trade['hash']}")


def check_landed(report, scenario, world, trade, opportunity):
    """The trade's receipt and profit: from the bot to the executor, status 1, the owner's WETH up
    by exactly the expected profit (the executor keeps none). Returns the profit paid."""
    receipt = world.wait_receipt(trade["hash"])
    tx = world.node.rpc("eth_getTransactionByHash", trade["hash"])
    report.check(scenario, tx["from"].lower() == world.owner.lower() and tx["to"].lower() == world.executor.lower()
                 and int(tx["nonce"], 16) == trade["nonce"],
                 f"trade {trade['hash']} from {tx['from']} to {tx['to']}, nonce {int(tx['nonce'], 16)} (line: {trade['nonce']})")
    report.check(scenario, receipt["status"] == "0x1", f"trade status {receipt['status']}, gas used {int(receipt['gasUsed'], 16)}")
    block = int(receipt["blockNumber"], 16)
    gained = world.node.balance_of(world.weth, world.owner, hex(block)) - world.node.balance_of(world.weth, world.owner, hex(block - 1))
    kept = world.node.balance_of(world.weth, world.executor, hex(block))
    expected = int(trade["expectedProfitWei"])
    named = {name: int(opportunity[name]) for name in ("grossProfit", "netProfit") if opportunity and name in opportunity}
    report.check(scenario, gained == expected and kept == 0,
                 f"owner's WETH +{gained} wei, expectedProfitWei {expected}, executor keeps {kept}; opportunity {named}")
    return gained, receipt


def scenario_a(options, report):
    """(a) A profitable trade lands, and (e) for it."""
    world = World(options, "a-lands")
    try:
        world.start_bot(options)
        victim_hash, sent = world.victim_swap()
        (opportunity,) = wait_lines(world, "cycle")
        (trade,) = [line["trade"] for line in wait_lines(world, "trade")]
        traded_at = next(at for at, line in world.bot.timed("trade"))
        outcome = settled(world, trade)
        gained, receipt = check_landed(report, "a", world, trade, opportunity)
        report.check("a", outcome.get("outcome") == "included", f"settled line {outcome}")
        world.bot.wait_for(lambda: world.bot.metric("mev_executions_succeeded_total") >= 1, 5, "mev_executions_succeeded_total 1")
        report.check("a", world.bot.metric("mev_executions_succeeded_total") == 1,
                     f"/metrics mev_executions_succeeded_total {world.bot.metric('mev_executions_succeeded_total')}")
        report.check("e", gained == int(trade["expectedProfitWei"]),
                     f"trade of opportunity seq {opportunity['seq']}: executed {gained} = expected {trade['expectedProfitWei']}")
        print(f"     victim {victim_hash} -> trade line {1000 * (traded_at - sent):.1f} ms after the victim's send returned; "
              f"input {opportunity['amountIn']} wei WETH over {len(opportunity['cycle'])} hops, "
              f"gas {int(receipt['gasUsed'], 16)}, fee {outcome.get('feeWei')} wei", flush=True)
    finally:
        world.stop()


def refused_scenario(options, report, scenario, name, limits, reason_words, kill=False):
    """Nothing is sent; the refusal line and the refused counter name the reason; (e) on the
    reported opportunity, executed by the driver from the owner's key."""
    world = World(options, name, limits)
    try:
        world.start_bot(options)
        if kill:
            world.kill_switch.touch()
        world.victim_swap()
        (opportunity,) = wait_lines(world, "cycle")
        (refusal,) = [line["refused"] for line in wait_lines(world, "refused")]
        time.sleep(1)  # a trade sent despite the refusal would show by now
        sent = world.bot_transactions()
        report.check(scenario, not sent and not world.bot.entries("trade"),
                     f"{name}: no transaction from the bot (chain: {len(sent)}, trade lines: {len(world.bot.entries('trade'))})")
        refused = {series: value for series, value in world.bot.metrics().items() if series.startswith("mev_execution_refused_total")}
        report.check(scenario, any(word in refusal.get("reason", "") for word in reason_words)
                     and any(any(word in series for word in reason_words) and value >= 1 for series, value in refused.items()),
                     f"{name}: refused line {refusal}, counters {refused}")
        check_by_owner(report, world, opportunity)
    finally:
        world.stop()


def check_by_owner(report, world, opportunity):
    """(e) for an opportunity no trade was sent for: the driver runs its cycle from the owner's key."""
    status, paid = world.execute_as_owner(opportunity)
    report.check("e", status == "0x1" and paid == int(opportunity["grossProfit"]),
                 f"opportunity seq {opportunity['seq']} run by the owner: status {status}, paid {paid}, "
                 f"reported grossProfit {opportunity['grossProfit']}")


def scenario_t(options, report):
    """(t) A pool table listed in another order than the executor's refuses the start; the
    owner's order starts."""
    world = World(options, "t-pool-table", pool_table=True)
    try:
        swapped = list(reversed(world.pool_table))
        world.config.write_text(bot_config(world.node.line, world.executor, world.dir, None, pool_table=swapped))
        command = [options.mevbot, "run", "--config", str(world.config), "--execute"]
        refused = subprocess.run(command, env={**os.environ, **world.bot_environment()}, stdin=subprocess.DEVNULL,
                                 capture_output=True, text=True, timeout=WAIT)
        named = "execution.poolTable[0]" in refused.stderr and all(pool[2:].lower() in refused.stderr.lower() for pool in world.pool_table)
        report.check("t", refused.returncode == 1 and named and not world.bot_transactions(),
                     f"swapped table: status {refused.returncode}, stderr {refused.stderr.strip()[-400:]!r}, "
                     f"transactions from the bot {len(world.bot_transactions())}")
        world.config.write_text(bot_config(world.node.line, world.executor, world.dir, None, pool_table=world.pool_table))
        world.start_bot(options)
        report.check("t", world.bot.process.poll() is None, "the owner's order: the bot runs, synced and on the feed")
    finally:
        world.stop()


def scenario_d(options, report):
    """(d) An injected "nonce too low" on the first send: the next trade carries the chain's
    nonce and lands; no nonce or transaction twice."""
    world = World(options, "d-nonce")
    try:
        world.start_bot(options)
        nonce_before = world.node.nonce(world.owner)
        world.node.rpc("local_setExpressLane", {"controller": world.victim.address, "round": 0, "auctionContract": AUCTION,
                                                "roundDurationSeconds": 3600})
        world.node.rpc("local_fault", {"kind": "txNonceTooLow", "count": 1})
        world.victim_swap(express_sequence=0)  # the express lane: the armed fault waits for the bot's send
        wait_lines(world, "cycle")
        first_reaction = world.bot.wait_for(lambda: world.bot.entries("trade") + world.bot.entries("refused") or None, WAIT,
                                            "a trade or refused line after the injected refusal")
        time.sleep(1)
        world.victim_swap(express_sequence=1)
        wait_lines(world, "cycle", 2)
        trades = world.bot.wait_for(lambda: [line["trade"] for line in world.bot.entries("trade")
                                             if world.node.receipt(line["trade"]["hash"])] or None, WAIT, "a trade that landed")
        landed = trades[0]
        on_chain = world.bot_transactions()
        nonces = [int(tx["nonce"], 16) for tx in on_chain]
        report.check("d", landed["nonce"] == nonce_before and nonces == [nonce_before],
                     f"first reaction {first_reaction}; landed trade nonce {landed['nonce']}, chain nonce before {nonce_before}, "
                     f"bot's transactions on chain: nonces {nonces}")
        lines = [line["trade"] for line in world.bot.entries("trade")]
        hashes = [line["hash"] for line in lines]
        report.check("d", len(hashes) == len(set(hashes)),
                     f"trade lines {[(line['hash'][:10], line['nonce']) for line in lines]}: no transaction sent twice")
        check_landed(report, "d", world, landed, None)
    finally:
        world.stop()


def scenario_false_positives(options, report, swaps=(10, 3, 30, 1, 10)):
    """(e) in a dry run: after each victim swap (of so many WETH's worth), every opportunity the
    bot reports is run through the executor by the driver at the state it was computed on (the
    swap's block: nothing else is sent in between) and must pay its reported gross profit."""
    world = World(options, "e-dry")
    try:
        world.start_bot(options, execute=False)
        checked = 0
        for worth in swaps:
            world.wait_synced()
            reported = len(world.bot.entries("cycle"))
            world.victim_swap(worth)
            try:
                world.bot.wait_for(lambda: len(world.bot.entries("cycle")) > reported, 10, "an opportunity")
            except TimeoutError:
                print(f"     a victim swap of {worth} WETH's worth: no opportunity reported", flush=True)
                continue
            for opportunity in world.bot.entries("cycle")[reported:]:
                check_by_owner(report, world, opportunity)
                checked += 1
        report.check("e", checked > 0, f"{checked} reported opportunities run by the owner after {len(swaps)} victim swaps")
    finally:
        world.stop()


SCENARIOS = {
    "e": scenario_false_positives,
    "t": scenario_t,
    "a": scenario_a,
    "b": lambda options, report: (
        refused_scenario(options, report, "b", "b-min-profit", {"minNetProfitWei": 10**30}, ("profit",)),
        refused_scenario(options, report, "b", "b-max-input", {"maxInputWETH": 1}, ("input",))),
    "c": lambda options, report: refused_scenario(options, report, "c", "c-kill-switch", None, ("kill_switch",), kill=True),
    "d": scenario_d,
}


def main():
    """Runs the chosen scenarios; exit status 1 when a check failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mevbot", default=str(ROOT / ".build" / "debug" / "mevbot"))
    parser.add_argument("--contracts", default=str(ROOT / "contracts"), help="the folder of Executor.vy and executor_calldata.py")
    parser.add_argument("--work", default=tempfile.mkdtemp(prefix="mevbot-e2e-"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pool-table", action="store_true",
                        help="register the pools in the executor's table (setPool) and list them as execution.poolTable")
    parser.add_argument("--only", default="e,a,b,c,d,t", help="comma-separated scenarios (e: the dry-run false-positive check)")
    options = parser.parse_args()
    help_text = subprocess.run([options.mevbot, "run", "--help"], capture_output=True, text=True).stdout
    report = Report()
    print(f"work folder: {options.work}", flush=True)
    for name in options.only.split(","):
        if name != "e" and "--execute" not in help_text:
            report.check(name, False, f"{options.mevbot} run has no --execute")
            continue
        try:
            SCENARIOS[name](options, report)
        except Exception as error:  # a scenario that could not finish fails, and the others still run
            report.check(name, False, f"{type(error).__name__}: {error}")
    print(f"{'all checks passed' if report.failures == 0 else f'{report.failures} check(s) failed'}", flush=True)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
