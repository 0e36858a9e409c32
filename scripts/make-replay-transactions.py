#!/usr/bin/env python3
"""Writes replay/arbitrum-one-transactions.hex: the raw bytes of every rebuildable real Arbitrum
One transaction in Tests/KernelTests/Fixtures/chain/arbitrum_txs.json, one hex line each, in
block order. Standard library only."""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
source = root / "Tests/KernelTests/Fixtures/chain/arbitrum_txs.json"
txs = [t for t in json.loads(source.read_text())["transactions"] if t.get("raw")]
txs.sort(key=lambda t: (t["block_number"], t["transaction_index"]))
out = root / "replay/arbitrum-one-transactions.hex"
out.write_text("".join(t["raw"] + "\n" for t in txs))
print(f"{out.relative_to(root)}: {len(txs)} transactions")
