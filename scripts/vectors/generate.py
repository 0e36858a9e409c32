"""Writes the differential test vectors the Swift tests read.

Each domain module (see MODULES) computes its
expected answers with third-party PyPI peers (named in its docstring and in
the file's "peer" field) and is deterministic for a given --seed.

Usage: generate.py --out DIR --seed N
"""

import argparse
import json
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import abi_values
import aggregators
import aggregators_direct
import curve
import executor
import v2_camelot
import keccak_values
import pool_camelot
import pool_curve
import pool_uniswap_v2
import pool_uniswap_v3
import rlp_values
import signing
import tx
import uniswap_v3

MODULES = (tx, rlp_values, abi_values, aggregators, aggregators_direct, keccak_values, curve, v2_camelot, uniswap_v3, pool_uniswap_v2, pool_uniswap_v3, pool_curve,
           pool_camelot, executor, signing)


def summary(body):
    parts = []
    for key, items in body.items():
        kinds = Counter(item["kind"] for item in items if "kind" in item)
        parts.append(f"{key} {len(items)}" + (f" ({len(kinds)} kinds)" if kinds else ""))
    return ", ".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for module in MODULES:
        body = module.build(args.seed)
        document = {"peer": {name: version(name) for name in module.PEERS}, "seed": args.seed, **body}
        path = args.out / module.FILE
        path.write_text(json.dumps(document, separators=(",", ":")))
        print(f"{path}: {summary(body)}, {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
