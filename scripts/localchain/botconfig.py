"""The dex.yaml of a running local chain, for `mevbot run` (and `--execute`) against it.

    python botconfig.py --start-line LINE.json --out FILE [--executor ADDR] [--state-dir DIR]
                        [--max-input-weth WEI] [--min-net-profit-wei WEI]

LINE.json is the server's start line (server.py prints it). The file follows config/dex.yaml's
format: chainId; the chain's tokens, WETH first (the engine's base); a uniswap-v2 entry with the
chain's factory and the genuine pair init code hash; a uniswap-v3 entry with its factory, the
genuine pool init code hash and the chain's SwapRouter (kind swap-router: the router whose swaps
the bot recognises); a curve entry listing the chain's Stableswap-NG pools; `engine` (WETH the
base; no L1 price: the local chain charges no L1 fee); `sync` (the canonical Multicall3, which
the chain deploys); `service` (the chain's feed); and `execution`: the executor, the chain as
the sequencer, the nonce and kill-switch files under `state-dir`, the limits, and the pool table
when the executor's owner registered pools (the calldata then names them by index).
"""

import argparse
import json
from pathlib import Path

import genuine

GAS_PRICE_CAP = 100_000_000  # 0.1 gwei: ten times the chain's default base fee, as config/dex.yaml
DEFAULT_LIMITS = {"maxInputWETH": 100 * 10**18, "minNetProfitWei": 1, "maxGasPriceWei": GAS_PRICE_CAP,
                  "maxSlippageBps": 10, "maxTradesPerBlock": 1, "dailyLossLimitWei": 10**16}


def q(value):
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(str(value))


def factory_of(line, dex):
    """The factory the start line's `dex` pools came from (None when it has none)."""
    return next((pool["factory"] for pool in line["pools"] if pool["dex"] == dex), None)


def bot_config(line, executor=None, state_dir=".", limits=None, base_fee=None, pool_table=()):
    """The dex.yaml text for the chain of start `line`; `limits` override DEFAULT_LIMITS;
    `pool_table`: the pools the executor's owner registered with setPool, in index order."""
    limits = {**DEFAULT_LIMITS, **(limits or {})}
    state = Path(state_dir).resolve()
    tokens = sorted(line["tokens"], key=lambda token: token["symbol"] != "WETH")
    router = line["routers"]["uniswap-v3"]
    text = [f"# Written by scripts/localchain/botconfig.py for the local chain at {line['http']}.",
            f"chainId: {line['chainId']}", "tokens:"]
    text += [f"  - {{symbol: {token['symbol']}, address: {q(token['address'])}, decimals: {token['decimals']}}}"
             for token in tokens]
    text.append("dexes:")
    v2_factory = factory_of(line, "uniswap-v2")
    if v2_factory:
        text += ["  - name: uniswap-v2", "    plugin: uniswap-v2", "    enabled: true",
                 f"    factories: [{{address: {q(v2_factory)}, initCodeHash: {q('0x' + genuine.V2_PAIR_INIT_CODE_HASH.hex())}}}]",
                 "    fees: [3000]", "    routers: []"]
    text += ["  - name: uniswap-v3", "    plugin: uniswap-v3", "    enabled: true",
             f"    factories: [{{address: {q(router['factory'])}, initCodeHash: {q('0x' + genuine.V3_POOL_INIT_CODE_HASH.hex())}}}]",
             "    fees: [100, 500, 3000, 10000]",
             f"    routers: [{{name: SwapRouter, address: {q(router['address'])}, kind: {router['kind']}}}]"]
    curve = [pool for pool in line["pools"] if pool["dex"] == "curve"]
    if curve:
        text += ["  - name: curve", "    plugin: curve", "    enabled: true", "    routers: []", "    pools:"]
        text += [f"      - {{name: ng{index}, address: {q(pool['address'])}, coins: [{', '.join(q(t) for t in pool['tokens'])}], "
                 "kind: stableswap-ng}" for index, pool in enumerate(curve)]
    text += ["engine:", "  bases: [WETH]", '  minNetProfit: "0"',
             f"  l2BaseFee: {q(base_fee or 10_000_000)}", '  l1PricePerUnit: "0"', '  blockNumberOffset: 0',
             "sync:", f"  multicall: {q(line['multicall'])}", "  pollMilliseconds: 100",
             "service:", f"  feeds: [{q(line['feed'])}]", "  metricsHost: 127.0.0.1", "  logLevel: info",
             "execution:"]
    if executor:
        text.append(f"  executor: {q(executor)}")
    if pool_table:
        text.append(f"  poolTable: [{', '.join(q(pool) for pool in pool_table)}]")
    text += [f"  sequencer: [{q(line['http'])}]",
             f"  nonceFile: {q(state / 'nonce.json')}",
             f"  killSwitchFile: {q(state / 'kill-switch')}",
             "  limits:",
             f"    maxInput: {{WETH: {q(limits['maxInputWETH'])}}}",
             f"    maxGasPriceWei: {q(limits['maxGasPriceWei'])}",
             f"    minNetProfitWei: {q(limits['minNetProfitWei'])}",
             f"    maxSlippageBps: {limits['maxSlippageBps']}",
             f"    maxTradesPerBlock: {limits['maxTradesPerBlock']}",
             f"    dailyLossLimitWei: {q(limits['dailyLossLimitWei'])}",
             "  gasLimitMarginPercent: 100",
             "  receiptTimeoutBlocks: 40"]
    return "\n".join(text) + "\n"


def main():
    """The command line: writes the config file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start-line", required=True, help="the server's start line (a JSON file)")
    parser.add_argument("--out", required=True, help="the dex.yaml to write")
    parser.add_argument("--executor", help="the deployed contracts/Executor.vy")
    parser.add_argument("--state-dir", default=".", help="where the nonce and kill-switch files go")
    parser.add_argument("--max-input-weth", type=int, default=DEFAULT_LIMITS["maxInputWETH"])
    parser.add_argument("--min-net-profit-wei", type=int, default=DEFAULT_LIMITS["minNetProfitWei"])
    options = parser.parse_args()
    line = json.loads(Path(options.start_line).read_text())
    limits = {"maxInputWETH": options.max_input_weth, "minNetProfitWei": options.min_net_profit_wei}
    Path(options.out).write_text(bot_config(line, options.executor, options.state_dir, limits))


if __name__ == "__main__":
    main()
