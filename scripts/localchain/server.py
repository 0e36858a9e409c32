"""The local chain's JSON-RPC server: a real EVM with genuine DEX bytecode, for state-sync tests.

    python server.py --port 0 --seed 1 --chain-id 42161 [--pools uniswap-v2=3,uniswap-v3=4,curve=1]
                     [--base-fee 10000000] [--nonce-wait-ms 1000] [--weth-at [ADDRESS]]

Binds 127.0.0.1 (HTTP POST and WebSocket on the same port, the sequencer feed at /feed), prints
one JSON line to stdout ({"http", "ws", "feed", "chainId", "head", "pools", "tokens", "multicall"})
and serves until SIGTERM, SIGINT or the end of its standard input (unless --ignore-stdin).
README.md lists the methods.
"""

import argparse
import asyncio
import json
import signal
import sys
import threading

from aiohttp import web

from chain import BASE_FEE, GENESIS_TIMESTAMP, Chain
from faults import FaultPlan
from feed import PATH as FEED_PATH, Feed
from rpc import Dispatcher
from sequencer import DEFAULT_NONCE_WAIT, Sequencer
from timeboost import ExpressLane
from transport import Server
from txrpc import TransactionMethods
from tokens import ARBITRUM_WETH
from world import DEFAULT_SPEC, parse_spec


def arguments():
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--seed", type=int, default=1, help="seed of every random choice")
    parser.add_argument("--chain-id", type=int, default=42161)
    parser.add_argument("--pools", default=DEFAULT_SPEC, help=f"pools block 1 creates (default {DEFAULT_SPEC})")
    parser.add_argument("--base-fee", type=int, default=BASE_FEE, help=f"base fee in wei (default {BASE_FEE})")
    parser.add_argument("--nonce-wait-ms", type=int, default=int(DEFAULT_NONCE_WAIT * 1000),
                        help="how long a transaction with a nonce gap waits for its predecessor (nitro: 1000)")
    parser.add_argument("--weth-at", nargs="?", const=ARBITRUM_WETH, default=None,
                        help=f"place the WETH token at this address in genesis (alone: {ARBITRUM_WETH}, Arbitrum One's)")
    parser.add_argument("--ignore-stdin", action="store_true", help="do not stop at the end of standard input")
    return parser.parse_args()


def watch_stdin(loop, stop):
    """Sets `stop` when standard input ends (a daemon thread reads it)."""
    def read():
        while sys.stdin.buffer.read(4096):
            pass
        loop.call_soon_threadsafe(stop.set)
    threading.Thread(target=read, daemon=True).start()


async def serve(options):
    """Builds the chain, starts listening, prints the start line, waits for the stop signal."""
    chain = Chain(options.seed, options.chain_id, parse_spec(options.pools), options.base_fee, options.weth_at)
    faults, feed = FaultPlan(), Feed(options.chain_id, GENESIS_TIMESTAMP)
    sequencer = Sequencer(chain, feed, options.nonce_wait_ms / 1000)
    dispatcher = Dispatcher(chain, faults, TransactionMethods(chain, sequencer, ExpressLane(options.chain_id, sequencer)))
    runner = web.AppRunner(Server(chain, dispatcher, faults, feed).app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", options.port)
    await site.start()
    port = runner.addresses[0][1]
    line = {"http": f"http://127.0.0.1:{port}", "ws": f"ws://127.0.0.1:{port}",
            "feed": f"ws://127.0.0.1:{port}{FEED_PATH}", **dispatcher.info()}
    print(json.dumps(line), flush=True)
    loop, stop = asyncio.get_running_loop(), asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    if not options.ignore_stdin:
        watch_stdin(loop, stop)
    await stop.wait()
    await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(serve(arguments()))
