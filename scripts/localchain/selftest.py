"""Smoke test of the local chain server: exits 1 on the first failed check.

Starts server.py on port 0 (twice, to check that a seed gives the same chain), mines 50 blocks,
and checks, over HTTP and WebSocket: blocks and their parent links, getLogs filters against the
logs themselves, eth_call at earlier blocks against the Sync and Swap events, local_state, a reorg
of depth 5 (new hashes, continuity, newHeads and removed logs on the WebSocket), local_createPool,
each fault kind, and the sequencer, feed and express lane (selftest_sequencer.py). Prints how long
mining 100 blocks takes.

    .venv/bin/python scripts/localchain/selftest.py
"""

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
from eth_abi import decode
from eth_utils import keccak

from selfcheck import Failed, check
from selftest_sequencer import HOLD_MS, run_sequencer_checks

SERVER = Path(__file__).resolve().parent / "server.py"
SEED = 5
BASE_FEE = 10_000_000  # the server's default
V2_SYNC = "0x" + keccak(text="Sync(uint112,uint112)").hex()
V2_SWAP = "0x" + keccak(text="Swap(address,uint256,uint256,uint256,uint256,address)").hex()
V3_SWAP = "0x" + keccak(text="Swap(address,address,int256,int256,uint160,uint128,int24)").hex()
V3_MINT = "0x" + keccak(text="Mint(address,address,int24,int24,uint128,uint256,uint256)").hex()
V3_BURN = "0x" + keccak(text="Burn(address,int24,int24,uint128,uint256,uint256)").hex()
V3_POOL_CREATED = "0x" + keccak(text="PoolCreated(address,address,uint24,int24,address)").hex()
CURVE_EXCHANGE = "0x" + keccak(text="TokenExchange(address,int128,uint256,int128,uint256)").hex()
CURVE_ADD = "0x" + keccak(text="AddLiquidity(address,uint256[],uint256[],uint256,uint256)").hex()
GET_RESERVES = "0x0902f1ac"
SLOT0 = "0x3850c7bd"


def start_server():
    """Starts server.py; returns (process, start line)."""
    process = subprocess.Popen([sys.executable, str(SERVER), "--port", "0", "--seed", str(SEED),
                                "--nonce-wait-ms", str(HOLD_MS)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    check(line, "the server printed no start line")
    return process, json.loads(line)


class Client:
    """JSON-RPC over HTTP."""

    def __init__(self, session, url):
        self.session, self.url, self.next_id = session, url, 0

    async def raw(self, body, timeout=30):
        """(status, text) of POSTing `body`."""
        async with self.session.post(self.url, json=body, timeout=aiohttp.ClientTimeout(total=timeout)) as answer:
            return answer.status, await answer.text()

    async def call(self, method, *params):
        """The result, raising Failed on an error answer."""
        self.next_id += 1
        status, text = await self.raw({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": list(params)})
        answer = json.loads(text)
        check(status == 200 and "result" in answer, f"{method}{params}: {text[:300]}")
        return answer["result"]

    async def batch(self, calls):
        """Results of a batch of (method, params), in order."""
        body = [{"jsonrpc": "2.0", "id": i, "method": m, "params": p} for i, (m, p) in enumerate(calls)]
        status, text = await self.raw(body)
        answers = sorted(json.loads(text), key=lambda a: a["id"])
        check(status == 200 and all("result" in a for a in answers), f"batch failed: {text[:300]}")
        return [a["result"] for a in answers]


def word_ints(hex_data, types):
    """ABI-decodes hex data."""
    return decode(types, bytes.fromhex(hex_data[2:]))


async def check_chain_shape(client, head):
    """Blocks 0..head: parent links, increasing timestamps, hash lookups; returns them."""
    blocks = await client.batch([("eth_getBlockByNumber", [hex(n), False]) for n in range(head + 1)])
    for parent, block in zip(blocks, blocks[1:]):
        check(block["parentHash"] == parent["hash"], f"block {block['number']} does not link to its parent")
        check(int(block["timestamp"], 16) > int(parent["timestamp"], 16), "timestamps do not increase")
    check(len({b["hash"] for b in blocks}) == len(blocks), "block hashes repeat")
    by_hash = await client.call("eth_getBlockByHash", blocks[head // 2]["hash"], False)
    check(by_hash == blocks[head // 2], "eth_getBlockByHash differs from eth_getBlockByNumber")
    check(await client.call("eth_getBlockByNumber", hex(head + 1), False) is None, "a block past the head")
    return blocks


async def check_logs(client, line, blocks):
    """getLogs: fields, every DEX's events, filters equal to filtering the full list."""
    head = len(blocks) - 1
    logs = await client.call("eth_getLogs", {"fromBlock": "0x2", "toBlock": "latest"})
    for log in logs:
        block = blocks[int(log["blockNumber"], 16)]
        check(log["blockHash"] == block["hash"] and log["removed"] is False, f"bad log {log}")
        check(log["transactionHash"] in block["transactions"], "a log's transaction is not in its block")
    for number in range(2, head + 1):
        indexes = [int(log["logIndex"], 16) for log in logs if int(log["blockNumber"], 16) == number]
        check(indexes == list(range(len(indexes))), f"logIndex of block {number} does not count from 0")
    seen = {log["topics"][0] for log in logs if log["topics"]}
    for topic, name in ((V2_SWAP, "V2 Swap"), (V2_SYNC, "Sync"), (V3_SWAP, "V3 Swap"), (V3_MINT, "V3 Mint"),
                        (CURVE_EXCHANGE, "TokenExchange"), (CURVE_ADD, "AddLiquidity")):
        check(topic in seen, f"no {name} event in 50 blocks")
    pools = [pool["address"] for pool in line["pools"]]
    wanted = {"fromBlock": "0x5", "toBlock": hex(head - 3), "address": pools[:2], "topics": [[V2_SYNC, V2_SWAP]]}
    expected = [log for log in logs if 5 <= int(log["blockNumber"], 16) <= head - 3
                and log["address"] in {p.lower() for p in pools[:2]} and log["topics"][0] in (V2_SYNC, V2_SWAP)]
    check(await client.call("eth_getLogs", wanted) == expected and expected, "address/topic OR filter is wrong")
    second = {"fromBlock": "0x2", "toBlock": "latest", "topics": [None, "0x" + "00" * 32]}
    expected = [log for log in logs if len(log["topics"]) >= 2 and log["topics"][1] == "0x" + "00" * 32]
    check(await client.call("eth_getLogs", second) == expected and expected, "a null topic position is wrong")
    middle = blocks[head // 2]["hash"]
    expected = [log for log in logs if log["blockHash"] == middle]
    check(await client.call("eth_getLogs", {"blockHash": middle}) == expected, "the blockHash filter is wrong")
    return logs


async def check_history(client, line, logs, head):
    """eth_call at earlier blocks equals the last Sync / V3 Swap event at or before them."""
    v2 = next(p for p in line["pools"] if p["dex"] == "uniswap-v2")["address"].lower()
    v3 = next(p for p in line["pools"] if p["dex"] == "uniswap-v3")["address"].lower()
    for number in (10, 25, 40, head):
        syncs = [log for log in logs if log["address"] == v2 and log["topics"][0] == V2_SYNC
                 and int(log["blockNumber"], 16) <= number]
        if syncs:
            reserves = await client.call("eth_call", {"to": v2, "data": GET_RESERVES}, hex(number))
            check(word_ints(reserves, ["uint112", "uint112", "uint32"])[:2] == word_ints(syncs[-1]["data"],
                  ["uint112", "uint112"]), f"getReserves at block {number} is not the last Sync")
            state = await client.call("local_state", v2, hex(number))
            check([int(state["reserve0"]), int(state["reserve1"])] == list(word_ints(syncs[-1]["data"],
                  ["uint112", "uint112"])), f"local_state at {number} is not the last Sync")
        swaps = [log for log in logs if log["address"] == v3 and log["topics"][0] == V3_SWAP
                 and int(log["blockNumber"], 16) <= number]
        if swaps:
            slot0 = await client.call("eth_call", {"to": v3, "data": SLOT0}, {"blockNumber": hex(number)})
            swap = word_ints(swaps[-1]["data"], ["int256", "int256", "uint160", "uint128", "int24"])
            check(word_ints(slot0, ["uint160", "int24"] + ["uint256"] * 5)[:2] == (swap[2], swap[4]),
                  f"slot0 at block {number} is not the last Swap's price")


def tick_crossings(logs):
    """V3 swaps whose liquidity differs from the previous swap's on the pool with no Mint or Burn
    of that pool in between: the price crossed an initialized tick."""
    last, crossings = {}, 0
    for log in logs:
        if log["topics"][0] in (V3_MINT, V3_BURN):
            last.pop(log["address"], None)
        elif log["topics"][0] == V3_SWAP:
            liquidity = word_ints(log["data"], ["int256", "int256", "uint160", "uint128", "int24"])[3]
            crossings += log["address"] in last and last[log["address"]] != liquidity
            last[log["address"]] = liquidity
    return crossings


async def next_message(socket, timeout=10):
    """The next WebSocket text message, parsed."""
    message = await socket.receive(timeout=timeout)
    check(message.type == aiohttp.WSMsgType.TEXT, f"WebSocket gave {message.type}")
    return json.loads(message.data)


async def ws_call(socket, ident, method, *params, aside=None):
    """Sends a request over the WebSocket and returns its answer; notifications that arrive
    first go to the list `aside` (dropped when it is None)."""
    await socket.send_str(json.dumps({"jsonrpc": "2.0", "id": ident, "method": method, "params": list(params)}))
    while True:
        message = await next_message(socket)
        if message.get("id") == ident:
            return message
        if aside is not None:
            aside.append(message)


async def check_reorg(client, socket, subscriptions, logs_before, blocks_before):
    """A depth-5 reorg sent over the WebSocket: new hashes, links, notifications."""
    head = len(blocks_before) - 1
    notifications = []
    answer = await ws_call(socket, 900, "local_reorg", 5, 7, aside=notifications)
    check("result" in answer and len(answer["result"]["removed"]) == 5, f"local_reorg: {answer}")
    blocks = await check_chain_shape(client, head + 2)
    check(blocks[head - 5]["hash"] == blocks_before[head - 5]["hash"], "the fork block changed")
    check(all(blocks[n]["hash"] != blocks_before[n]["hash"] for n in range(head - 4, head + 1)),
          "a reorged block kept its hash")
    old = blocks_before[head]["hash"]
    _, text = await client.raw({"jsonrpc": "2.0", "id": 1, "method": "eth_getLogs", "params": [{"blockHash": old}]})
    check("error" in json.loads(text), "getLogs of a reorged-out block hash answered logs")
    gone = [{**log, "removed": True} for log in logs_before if int(log["blockNumber"], 16) > head - 5
            and log["address"] == subscriptions["pool"] and log["topics"][0] == V2_SYNC]
    heads, removed = [], []
    while len(heads) < 7 or len(removed) < len(gone):
        message = notifications.pop(0) if notifications else await next_message(socket)
        result = message["params"]["result"]
        if message["params"]["subscription"] == subscriptions["newHeads"]:
            heads.append(result)
        elif result["removed"]:
            removed.append(result)
    check([h["hash"] for h in heads] == [b["hash"] for b in blocks[head - 4:]], "newHeads after the reorg are wrong")
    newest_first = sorted(gone, key=lambda log: (-int(log["blockNumber"], 16), int(log["logIndex"], 16)))
    check(removed == newest_first, "the removed logs are not the reorged-out Sync logs, newest block first")


async def check_faults_http(client):
    """Each fault kind on the next HTTP answer, then a normal answer."""
    body = {"jsonrpc": "2.0", "id": 7, "method": "eth_blockNumber", "params": []}
    expectations = {
        "status429": lambda status, text: status == 429,
        "status500": lambda status, text: status == 500,
        "error": lambda status, text: "error" in json.loads(text),
        "malformed": lambda status, text: not is_json(text),
    }
    for kind, holds in expectations.items():
        await client.call("local_fault", {"kind": kind, "count": 1})
        check(holds(*await client.raw(body)), f"fault {kind} not applied")
        check("result" in json.loads((await client.raw(body))[1]), f"fault {kind} lasted past its count")
    await client.call("local_fault", {"kind": "chainId", "count": 1})
    check(await client.call("eth_blockNumber") and await client.call("eth_chainId") != "0xa4b1", "chainId fault")
    check(await client.call("eth_chainId") == "0xa4b1", "chainId fault lasted past its count")
    await client.call("local_fault", {"kind": "slow", "count": 1, "delayMs": 400})
    started = time.monotonic()
    await client.call("eth_blockNumber")
    check(time.monotonic() - started >= 0.4, "slow fault answered early")
    for kind in ("down", "drop"):
        await client.call("local_fault", {"kind": kind, "count": 1})
        try:
            await client.raw(body, timeout=1.5)
            raise Failed(f"fault {kind} answered")
        except (aiohttp.ClientError, asyncio.TimeoutError):
            pass
    check(await client.call("eth_chainId") == "0xa4b1", "the server did not recover from faults")


async def check_faults_ws(client, url):
    """error, chainId, drop and down faults on a WebSocket."""
    async with client.session.ws_connect(url) as socket:
        await client.call("local_fault", {"kind": "error", "count": 1})
        check("error" in await ws_call(socket, 1, "eth_blockNumber"), "WebSocket error fault")
        await client.call("local_fault", {"kind": "chainId", "count": 1})
        check((await ws_call(socket, 2, "eth_chainId"))["result"] != "0xa4b1", "WebSocket chainId fault")
        await client.call("local_fault", {"kind": "drop", "count": 1})
        await socket.send_str(json.dumps({"jsonrpc": "2.0", "id": 3, "method": "eth_blockNumber", "params": []}))
        check((await ws_call(socket, 4, "eth_blockNumber"))["id"] == 4, "WebSocket drop fault")
        await client.call("local_fault", {"kind": "down", "count": 1})
        await socket.send_str(json.dumps({"jsonrpc": "2.0", "id": 5, "method": "eth_blockNumber", "params": []}))
        message = await socket.receive(timeout=5)
        check(message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED), "WebSocket down fault")


def is_json(text):
    """Whether `text` parses as JSON."""
    try:
        json.loads(text)
        return True
    except ValueError:
        return False


async def run(line, twin_line):
    """Every check against the started servers."""
    async with aiohttp.ClientSession() as session:
        client, twin = Client(session, line["http"]), Client(session, twin_line["http"])
        check(await client.call("eth_chainId") == "0xa4b1", "eth_chainId")
        check(line["multicall"] == "0xcA11bde05977b3631167028862bE2a173976CA11", "Multicall3 address")
        check(len(await client.call("eth_getCode", line["multicall"], "latest")) > 1000, "no Multicall3 code")
        check({p["dex"] for p in line["pools"]} == {"uniswap-v2", "uniswap-v3", "curve"}, "a DEX is missing")
        v2 = next(p for p in line["pools"] if p["dex"] == "uniswap-v2")["address"].lower()
        async with session.ws_connect(line["ws"]) as socket:
            subscriptions = {"pool": v2,
                             "newHeads": (await ws_call(socket, 1, "eth_subscribe", "newHeads"))["result"],
                             "logs": (await ws_call(socket, 2, "eth_subscribe", "logs",
                                                    {"address": v2, "topics": [V2_SYNC]}))["result"]}
            await client.call("local_mine", 50)
            await twin.call("local_mine", 50)
            blocks = await check_chain_shape(client, 51)
            check(await twin.call("eth_getBlockByNumber", "0x33", False) == blocks[51], "same seed, other chain")
            heads, synced = [], []
            while len(heads) < 50:
                message = await next_message(socket)
                kind = "newHeads" if message["params"]["subscription"] == subscriptions["newHeads"] else "logs"
                (heads if kind == "newHeads" else synced).append(message["params"]["result"])
            check([h["hash"] for h in heads] == [b["hash"] for b in blocks[2:]], "newHeads differ from the blocks")
            logs = await check_logs(client, line, blocks)
            pool_syncs = [log for log in logs if log["address"] == v2 and log["topics"][0] == V2_SYNC]
            while len(synced) < len(pool_syncs):
                synced.append((await next_message(socket))["params"]["result"])
            check(synced == pool_syncs, "the logs subscription differs from getLogs")
            await check_history(client, line, logs, 51)
            check(tick_crossings(logs) > 0, "no V3 swap crossed an initialized tick")
            await check_reorg(client, socket, subscriptions, logs, blocks)
        created = await client.call("local_createPool", {"dex": "uniswap-v3", "tokens": ["DAI", "WETH"], "fee": 3000})
        events = await client.call("eth_getLogs", {"fromBlock": hex(created["block"]), "topics": [V3_POOL_CREATED]})
        check(len(events) == 1 and events[0]["data"].endswith(created["address"][2:].lower()), "no PoolCreated")
        check(len(await client.call("eth_getCode", created["address"], "latest")) > 1000, "the new pool has no code")
        await check_faults_http(client)
        await check_faults_ws(client, line["ws"])
        landed = await run_sequencer_checks(session, client, line, BASE_FEE)
        print(f"{landed} signed transactions sequenced, fed and checked")
        started = time.monotonic()
        await client.call("local_mine", 100)
        print(f"mining 100 blocks took {time.monotonic() - started:.2f} s; "
              f"{tick_crossings(logs)} tick crossings in the first 50 blocks")


def main():
    """Starts two servers with the same seed, runs the checks, stops the servers."""
    servers = [start_server(), start_server()]
    try:
        asyncio.run(run(servers[0][1], servers[1][1]))
    except Failed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        for process, _ in servers:
            process.stdin.close()
            process.wait(timeout=10)
    print("local chain selftest: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
