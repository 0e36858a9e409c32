#!/usr/bin/env python3
"""Writes replay/demo-snapshot.json: the pool snapshot of the demo, made from 221 real Arbitrum One pools.

Source: replay/fixtures/arbitrum-pools-block247867692.json (provenance in replay/fixtures/SOURCES.md):
two amms-rs checkpoints of a public arbitrage bot, late August 2024.

What the snapshot holds, and how much of it is real:
  * block 247,867,692 and timestamp 1724917466, the V2 half's checkpoint: the timestamp is the
    second amms-rs wrote that checkpoint (SystemTime::now() in its construct_checkpoint, after
    syncing to the block), not the block header's, which is at or before it;
  * the 150 Uniswap V2 and SushiSwap pairs (`uniswap-v2`, `sushiswap-v2`, as in config/dex.yaml):
    real reserves at block 247,867,692, fee 3000 (0.3 %, both forks);
  * the 71 Uniswap V3 pools (`uniswap-v3`): real fee, tickSpacing, sqrtPriceX96, tick and active
    liquidity at block 247,862,867, about 4,825 blocks (20 minutes) before the V2 half, so prices
    across the halves differ partly by that gap; amms-rs saved no tick table, so each gets an
    ASSUMED one, marked in its "assumed" key: the active liquidity L over a band of at least a
    factor 1.1 in price either way (tick - 954 to tick + 954, widened outward to the tick spacing),
    written as the two ticks [lower, L] and [upper, -L], with completeTickRange [lower, upper - 1]
    so that any swap that would end outside the band is refused by the pool math, not priced;
  * no l2BaseFee or l1PricePerUnit: no real value for that block is at hand; the engine takes the
    config's defaults.

The layout is the engine's SnapshotCodec's (one pool per line, each entry's keys in the order the
plugin writes them), with an "about" key first, which the codec ignores: reading the file and
writing it back gives the same bytes without that key (HostTests checks it).

Standard library only. Usage: scripts/make-demo-snapshot.py [--source FILE] [--out FILE]
"""
import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "replay" / "fixtures" / "arbitrum-pools-block247867692.json"
OUT = ROOT / "replay" / "demo-snapshot.json"

V2_DEXES = {"uniswap-v2", "sushiswap-v2"}  # config/dex.yaml entry names, both `plugin: uniswap-v2`, fees [3000]
V2_FEE = 3000
V3_DEX = "uniswap-v3"
TICK_SPACING = {500: 10, 3000: 60, 10000: 200}  # UniswapV3Factory's enabled fee tiers
BAND_TICKS = 954  # 1.0001^954 = 1.1001: the band spans at least a factor 1.1 in price either way
MIN_TICK, MAX_TICK = -887272, 887272

ASSUMED = (
    "ticks ASSUMED, not chain data (amms-rs saved no tick table): the active liquidity of block 247862867 "
    "over a band of at least a factor 1.1 in price either way of the current tick, on the tick spacing; "
    "nothing is known outside it: a swap that would end outside completeTickRange is refused"
)

ABOUT = (
    "The demo's pool snapshot, made by scripts/make-demo-snapshot.py from "
    "replay/fixtures/arbitrum-pools-block247867692.json (see replay/fixtures/SOURCES.md): 221 real "
    "Arbitrum One pools from two amms-rs checkpoints of a public arbitrage bot (Dvisacker/artemis-uni-tri-arb "
    "@ b398e178), late August 2024. 150 Uniswap V2 and SushiSwap pairs with their real reserves at block "
    "247867692; 71 Uniswap V3 pools with their real price, tick and active liquidity at block 247862867, "
    "about 4,825 blocks (20 minutes) earlier: the two halves are not one block, so price gaps between a V2 "
    "pair and a V3 pool are partly that gap. The V3 tick tables are ASSUMED (see each pool's \"assumed\"). "
    "timestamp is the second amms-rs wrote the V2 checkpoint after syncing to the block (not the block "
    "header's, which is at or before it). No l2BaseFee or l1PricePerUnit: the config's defaults apply."
)


def fail(msg):
    sys.exit(f"make-demo-snapshot: FAILED: {msg}")


def floor_to(tick, spacing):
    return tick // spacing * spacing


def ceil_to(tick, spacing):
    return -(-tick // spacing) * spacing


def v2_entry(pool):
    if pool["dex"] not in V2_DEXES:
        fail(f"V2 pool {pool['address']}: dex {pool['dex']!r} is not one of {sorted(V2_DEXES)}")
    if pool["fee"] != V2_FEE:
        fail(f"V2 pool {pool['address']}: fee {pool['fee']}, expected {V2_FEE}")
    return {
        "dex": pool["dex"],
        "address": pool["address"],
        "token0": pool["token0"],
        "token1": pool["token1"],
        "reserve0": pool["reserve0"],
        "reserve1": pool["reserve1"],
        "fee": pool["fee"],
    }


def v3_entry(pool):
    address, tick, fee, spacing = pool["address"], pool["tick"], pool["fee"], pool["tickSpacing"]
    if pool["dex"] != V3_DEX:
        fail(f"V3 pool {address}: dex {pool['dex']!r}, expected {V3_DEX!r}")
    if TICK_SPACING.get(fee) != spacing:
        fail(f"V3 pool {address}: tickSpacing {spacing} for fee {fee}")
    liquidity = int(pool["liquidity"])
    if liquidity <= 0:
        fail(f"V3 pool {address}: no active liquidity to spread over a band")
    lower = max(floor_to(tick - BAND_TICKS, spacing), ceil_to(MIN_TICK, spacing))
    upper = min(ceil_to(tick + BAND_TICKS, spacing), floor_to(MAX_TICK, spacing))
    if not lower <= tick < upper:
        fail(f"V3 pool {address}: tick {tick} outside its band [{lower}, {upper})")
    return {
        "dex": V3_DEX,
        "address": address,
        "token0": pool["token0"],
        "token1": pool["token1"],
        "fee": fee,
        "tickSpacing": spacing,
        "sqrtPriceX96": pool["sqrtPriceX96"],
        "tick": tick,
        "liquidity": pool["liquidity"],
        "ticks": [[lower, str(liquidity)], [upper, str(-liquidity)]],
        "completeTickRange": [lower, upper - 1],
        "assumed": ASSUMED,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=pathlib.Path, default=SOURCE)
    ap.add_argument("--out", type=pathlib.Path, default=OUT)
    args = ap.parse_args()

    source = json.loads(args.source.read_text())
    v2, v3 = source["v2"], source["v3"]
    if v2["block"] != 247867692 or v3["block"] != 247862867:
        fail(f"unexpected blocks {v2['block']} / {v3['block']}: this script describes 247867692 / 247862867")
    entries = [v2_entry(p) for p in v2["pools"]] + [v3_entry(p) for p in v3["pools"]]
    addresses = [e["address"].lower() for e in entries]
    if len(set(addresses)) != len(addresses):
        fail("a pool address appears twice")
    if (len(v2["pools"]), len(v3["pools"])) != (150, 71):
        fail(f"{len(v2['pools'])} V2 and {len(v3['pools'])} V3 pools, expected 150 and 71")

    def dumps(value):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)

    head = f'{{"about":{dumps(ABOUT)},"block":{v2["block"]},"timestamp":{v2["timestamp"]},"pools":['
    text = head + "\n" + ",\n".join(dumps(e) for e in entries) + "\n]}\n"
    args.out.write_text(text)
    print(f"wrote {args.out}: {len(v2['pools'])} V2 pairs, {len(v3['pools'])} V3 pools (assumed tick bands)")


if __name__ == "__main__":
    main()
