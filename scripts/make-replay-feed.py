#!/usr/bin/env python3
"""Writes replay/arbitrum-one-feed.jsonl (a recorded Arbitrum One sequencer feed) and replay/FEED.md.

Line 1 is a header saying what is real and what is constructed; every other line is
    {"receivedAtNanos": <unix ns>, "frame": <BroadcastMessage JSON>}
in strictly increasing sequence-number order. A reader skips lines without "frame".

Contents:
  * the real Arbitrum One feed frames captured in <fixtures>/feed/ (as they are; the bare
    BroadcastFeedMessage of seq 241801449 is wrapped in {"version":1,"messages":[...]});
  * one constructed BroadcastFeedMessage per real Nitro block of <fixtures>/chain/arbitrum_blocks.jsonl
    that has full transaction objects and at least one user transaction, holding that block's real
    user-transaction bytes.

Standard library only; the framing (nitro's constants, keccak-256, L2 message encoding, the recording
file) is scripts/feedframes.py, shared with make-demo-feed.py.

Usage: scripts/make-replay-feed.py [--fixtures DIR] [--always-batch]
  --fixtures     fixture directory (default $MEVBOT_FIXTURES or /work/shared/fixtures)
  --always-batch encode single-transaction blocks as a kind-3 batch of one segment too
                 (default: kind 4 SignedTx, as nitro's sequencer does; see FEED.md)
"""
import argparse
import json
import os
import pathlib
import sys

from feedframes import (GENESIS_OFFSET, KECCAK_IMPL, L1_KIND_L2_MESSAGE, L2_KIND_SIGNED_TX, MAX_L2_MESSAGE_SIZE,
                        RECORDING_TAG, SEQUENCER_SENDER, FramingError, frame_envelopes, l2_message,
                        sequencer_frame, tx_hash, write_recording)

ARBITRUM_INTERNAL_TYPES = range(0x64, 0x6B)  # 0x64..0x6A never appear in a sequencer message
START_BLOCK_SELECTOR = bytes.fromhex("6bf6a42d")  # startBlock(uint256,uint64,uint64,uint64)

REAL_FRAME_FILES = [
    # (file, is a bare BroadcastFeedMessage that needs the {"version":1,"messages":[...]} wrapper)
    ("arb1_frame_seq25757171_docs.json", False),
    ("arb1_feedmsg_seq241801449.json", True),
    ("arb1_frame_seq243170738.json", False),
]
# Left out on purpose: orbit4663_frame_seq20842309_signed.json (another chain),
# CONSTRUCTED_nested_batch.json (not real), arb1_msgwithmeta_l1block20964528.json (no sequence number),
# nitro_example_frames.jsonl (synthetic serializer outputs).


# --------------------------------------------------------------------------- helpers
def fail(msg):
    sys.exit(f"make-replay-feed: FAILED: {msg}")


def hx(s):
    return bytes.fromhex(s[2:] if s.startswith("0x") else s)


def u(s):
    return int(s, 16)


def frame_seqs(frame):
    return [m["sequenceNumber"] for m in frame.get("messages", [])]


# --------------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fixtures", default=os.environ.get("MEVBOT_FIXTURES", "/work/shared/fixtures"))
    ap.add_argument("--always-batch", action="store_true")
    args = ap.parse_args()
    fixtures = pathlib.Path(args.fixtures)
    root = pathlib.Path(__file__).resolve().parent.parent
    out_path = root / "replay/arbitrum-one-feed.jsonl"
    doc_path = root / "replay/FEED.md"

    entries = {}  # sequenceNumber -> dict(receivedAtNanos, frame, origin, txs)
    collisions = []

    # ---- 1. real frames -------------------------------------------------------------
    expected = {}
    exp_path = fixtures / "feed/expected_decodes.json"
    if exp_path.exists():
        expected = json.loads(exp_path.read_text())
    real_txs = 0
    real_desc = []
    for name, bare in REAL_FRAME_FILES:
        obj = json.loads((fixtures / "feed" / name).read_text())
        frame = {"version": 1, "messages": [obj]} if bare else obj
        msgs = frame["messages"]
        if len(msgs) != 1:
            fail(f"{name}: expected one message per real frame")
        m = msgs[0]
        hdr = m["message"]["message"]["header"]
        if hdr["kind"] != L1_KIND_L2_MESSAGE or hdr["sender"].lower() != SEQUENCER_SENDER:
            fail(f"{name}: not a sequencer message")
        try:
            envs = frame_envelopes(frame)
        except FramingError as e:
            fail(f"{name}: {e}")
        hashes = [tx_hash(e) for e in envs]
        if name in expected:
            want = [t["hash"].lower() for t in expected[name]["transactions"]]
            if hashes != want:
                fail(f"{name}: tx hashes {hashes} != expected_decodes.json {want}")
        seq = m["sequenceNumber"]
        entries[seq] = dict(receivedAtNanos=hdr["timestamp"] * 10**9, frame=frame, origin="real",
                            txs=len(envs), name=name, wrapped=bare)
        real_txs += len(envs)
        real_desc.append((seq, name, len(envs), bare))

    # ---- 2. constructed frames from real blocks ------------------------------------
    txs_by_hash = {}
    for t in json.loads((fixtures / "chain/arbitrum_txs.json").read_text())["transactions"]:
        txs_by_hash[t["hash"].lower()] = t

    n_block_lines = n_full = 0
    skipped_classic, skipped_hash_only, skipped_internal_only = [], [], []
    l1_sources = {"l1BlockNumber": 0, "mixHash": 0, "both agree": 0}
    built_txs = kind4_msgs = kind3_msgs = 0
    max_l2 = 0
    for line in (fixtures / "chain/arbitrum_blocks.jsonl").read_text().splitlines():
        if not line.strip():
            continue
        n_block_lines += 1
        b = json.loads(line)["result"]
        num = u(b["number"])
        txs = b["transactions"]
        if not txs or not isinstance(txs[0], dict):
            skipped_hash_only.append(num)
            continue
        n_full += 1
        if num < GENESIS_OFFSET:
            skipped_classic.append(num)
            continue
        seq = num - GENESIS_OFFSET

        # L1 block number: RPC field, else mixHash bytes 8..16 (Nitro). Cross-check when both exist.
        mix_l1 = int.from_bytes(hx(b["mixHash"])[8:16], "big")
        if "l1BlockNumber" in b:
            l1 = u(b["l1BlockNumber"])
            l1_sources["l1BlockNumber"] += 1
            if l1 != mix_l1:
                fail(f"block {num}: l1BlockNumber {l1} != mixHash[8:16] {mix_l1}")
            l1_sources["both agree"] += 1
        else:
            l1 = mix_l1
            l1_sources["mixHash"] += 1
        delayed = int.from_bytes(hx(b["nonce"]), "big")  # header nonce = delayed messages read
        ts = u(b["timestamp"])

        if [u(t["transactionIndex"]) for t in txs] != list(range(len(txs))):
            fail(f"block {num}: transactions not in index order")
        # The ArbOS start-block tx carries the message header's L1 block number and the L2 block number.
        t0 = txs[0]
        if u(t0["type"]) != 0x6A:
            fail(f"block {num}: first tx is not the 0x6A start-block tx")
        data = hx(t0["input"])
        if data[:4] != START_BLOCK_SELECTOR:
            fail(f"block {num}: first internal tx is not startBlock")
        words = [int.from_bytes(data[4 + 32 * i:36 + 32 * i], "big") for i in range(4)]
        if words[2] != num:
            fail(f"block {num}: startBlock l2BlockNumber {words[2]}")

        user = [t for t in txs if u(t["type"]) not in ARBITRUM_INTERNAL_TYPES]
        if not user:
            skipped_internal_only.append((num, [t["type"] for t in txs]))
            continue
        if words[1] != l1:
            fail(f"block {num}: startBlock l1BlockNumber {words[1]} != block l1BlockNumber {l1}")

        envelopes = []
        for t in user:
            h = t["hash"].lower()
            rec = txs_by_hash.get(h)
            if rec is None or not rec.get("raw"):
                fail(f"block {num}: no raw bytes for tx {h}")
            if rec["block_number"] != num or rec["transaction_index"] != u(t["transactionIndex"]):
                fail(f"tx {h}: position in arbitrum_txs.json differs from the block")
            raw = hx(rec["raw"])
            if tx_hash(raw) != h:
                fail(f"block {num}: keccak(raw) != hash for tx {h}")
            envelopes.append(raw)

        try:
            l2 = l2_message(envelopes, args.always_batch)  # checked to parse back to these envelopes
        except FramingError as e:
            fail(f"block {num}: {e}")
        if l2[0] == L2_KIND_SIGNED_TX:
            kind4_msgs += 1
        else:
            kind3_msgs += 1
        max_l2 = max(max_l2, len(l2))

        frame = sequencer_frame(seq, l1, ts, l2, delayed, b["hash"].lower())
        if seq in entries:
            collisions.append((seq, entries[seq]["name"], num))  # keep the real frame
            continue
        entries[seq] = dict(receivedAtNanos=ts * 10**9, frame=frame, origin="constructed",
                            txs=len(envelopes), name=f"block {num}", block=num)
        built_txs += len(envelopes)

    # ---- 3. order, checks, write ------------------------------------------------------
    seqs = sorted(entries)
    ordered = [entries[s] for s in seqs]
    for a, b_ in zip(seqs, seqs[1:]):
        assert a < b_, "sequence numbers must be strictly increasing"
    for e, s in zip(ordered, seqs):
        assert frame_seqs(e["frame"]) == [s]
    times = [e["receivedAtNanos"] for e in ordered]
    assert all(x <= y for x, y in zip(times, times[1:])), "receive times go backwards in sequence order"

    total_txs = sum(e["txs"] for e in ordered)
    assert total_txs == real_txs + built_txs
    n_real = sum(e["origin"] == "real" for e in ordered)
    n_built = len(ordered) - n_real
    blocks = [e["block"] for e in ordered if e["origin"] == "constructed"]
    mode = ("every block as a kind-3 batch (--always-batch)" if args.always_batch else
            "a block with one user tx as kind 4 SignedTx, several as a kind-3 batch, as nitro's sequencer "
            "does (execution/gethexec/sequencer.go MessageFromTxes)")
    n_l1 = l1_sources["l1BlockNumber"] + l1_sources["mixHash"]
    l1_note = (f"RPC field l1BlockNumber, present in {l1_sources['l1BlockNumber']}/{n_l1} Nitro blocks with "
               f"full txs and equal to mixHash bytes 8..16 in all {l1_sources['both agree']}")
    if l1_sources["mixHash"]:
        l1_note += f"; mixHash bytes 8..16 used for the {l1_sources['mixHash']} without it"

    header = {
        "recording": RECORDING_TAG,
        "about": (
            f"Arbitrum One sequencer feed replay: {len(ordered)} frames (one BroadcastFeedMessage each), "
            f"{total_txs} transactions, sequence numbers {seqs[0]}..{seqs[-1]}, sorted by sequence number. "
            "Each other line is {\"receivedAtNanos\":<unix ns>,\"frame\":<BroadcastMessage>}; skip lines "
            "without \"frame\". L2 block = sequenceNumber + 22207817. Not a contiguous stream: large gaps. "
            "Made by scripts/make-replay-feed.py; see replay/FEED.md."),
        "real": (
            f"Every transaction byte (each verified: keccak256(envelope) = the chain's tx hash). "
            f"{n_real} frames are real captured Arbitrum One feed messages kept as they are "
            f"(sequence numbers {', '.join(str(s) for s, *_ in real_desc)}); seq 241801449 was captured "
            "as a bare BroadcastFeedMessage and is wrapped here in {\"version\":1,\"messages\":[...]}; "
            "their receivedAtNanos = header timestamp. For the other frames the block hash, L1 block "
            f"number ({l1_note}), timestamp, delayed-messages count (block header nonce) and the tx "
            "order are the real block's."),
        "constructed": (
            f"The framing of {n_built} frames built from real Nitro blocks (rotki/test-caching RPC answers): "
            "one message per block holding its user txs (Arbitrum-internal types 0x64-0x6A left out, as in "
            f"nitro); l2Msg encoding chosen as {mode}; sequenceNumber = block - 22207817; header kind 3, "
            "sender 0xa4b0...sequencer, requestId null, baseFeeL1 null, signatureV2 null, no blockMetadata; "
            "receivedAtNanos = block timestamp * 1e9 (not a real receive time). Blocks whose txs are all "
            "internal (delayed-inbox deposits/retryables) are skipped, not sent as empty messages."),
    }

    try:
        check_txs = write_recording(out_path, header, [(e["receivedAtNanos"], e["frame"]) for e in ordered])
    except FramingError as e:
        fail(f"{out_path}: {e}")
    assert check_txs == total_txs, (check_txs, total_txs)
    size = out_path.stat().st_size

    # ---- 4. FEED.md ---------------------------------------------------------------------
    wrapped_note = ' wrapped in `{"version":1,"messages":[…]}` (captured bare)'
    real_rows = "\n".join(
        f"| {s} | {s + GENESIS_OFFSET} | `{n}` | {k} |{wrapped_note if w else ' as captured'} |"
        for s, n, k, w in real_desc)
    doc = f"""# Recorded feed replay: `arbitrum-one-feed.jsonl`

Made by `scripts/make-replay-feed.py` (standard library; keccak from pycryptodome if importable) from the
shared fixtures (`feed/`, `chain/arbitrum_blocks.jsonl`, `chain/arbitrum_txs.json`; provenance in the
fixtures' `SOURCES.md`). Rerun it to rebuild; it fails loudly if any check below does not hold.

## Format

Line 1: `{{"recording":"mevbot feed recording v1","about":…,"real":…,"constructed":…}}`.
Then one line per frame, sorted by sequence number (strictly increasing):
`{{"receivedAtNanos":<unix ns>,"frame":<BroadcastMessage, exactly as on the wire>}}`. Readers skip lines
without `"frame"`. Each frame holds one `BroadcastFeedMessage`.

## Counts

- {len(ordered)} frames / messages: {n_real} real, {n_built} constructed ({kind4_msgs} with a kind-4 single tx, {kind3_msgs} with a kind-3 batch)
- {total_txs} transactions: {real_txs} in the real frames, {built_txs} from {n_built} blocks
- sequence numbers {seqs[0]} … {seqs[-1]} (L2 blocks {seqs[0] + GENESIS_OFFSET} … {seqs[-1] + GENESIS_OFFSET}); far from contiguous
- largest l2Msg {max_l2} bytes (limit {MAX_L2_MESSAGE_SIZE}); file size {size} bytes

Real frames (kept as captured, receive time = header timestamp):

| seq | L2 block | file | txs | |
|---|---|---|---|---|
{real_rows}

Left out: `orbit4663_frame_seq20842309_signed.json` (Robinhood chain, not Arbitrum One),
`CONSTRUCTED_nested_batch.json` (made by us), `arb1_msgwithmeta_l1block20964528.json` (a
`MessageWithMetadata` without sequence number; its block cannot be placed exactly), `nitro_example_frames.jsonl`
(synthetic).

## Constructed frames (real bytes, our framing)

For each of the {n_full} blocks with full transaction objects (the {len(skipped_hash_only)} others list hashes only), Nitro blocks only:

- `sequenceNumber = block − 22207817`. FEED_FORMAT.md §6: the Arbitrum docs give genesis 22207817, nitro's
  chain info says 22207818 ("first nitro block"); the verified transactions-root vector of block 264009266
  (start tx `l2BlockNumber` = seq + 22207817) supports +22207817. Not yet checked against a live feed.
- header `{{"kind":3,"sender":"{SEQUENCER_SENDER}","blockNumber":<L1 block>,"timestamp":<block time>,"requestId":null,"baseFeeL1":null}}`.
  L1 block: {l1_note}; it also equals the L1 block number in the block's own ArbOS `startBlock` tx (checked).
- `delayedMessagesRead` = block header `nonce` (big-endian). Nitro's sequencer puts the parent's nonce there;
  a sequencer block reads no delayed message, so the two are equal.
- `l2Msg`: the block's user txs in block order, each as `0x04 ‖ envelope`. Encoding: {mode}. (A one-tx block
  can also reach the wire as a batch of one when the sequencer dropped a failing tx in the same round; that is
  not knowable from the block.) Arbitrum-internal txs (0x64–0x6A) are left out: ArbOS makes the 0x6A start tx,
  deposits/retryables come from the delayed inbox.
- `blockHash` = the real block hash, `signatureV2: null`, no `blockMetadata` (Timeboost flags unknown).
- `receivedAtNanos` = block timestamp × 10⁹ (several blocks can share a second).

Skipped: Classic blocks {skipped_classic} (pre-Nitro, cannot be in a Nitro feed);
internal-only blocks {[n for n, _ in skipped_internal_only]} (a deposit; a submit-retryable + its auto-redeem —
delayed-inbox messages, no sequencer message; skipped rather than sent empty);
hash-only blocks {skipped_hash_only} (no tx bodies). Sequence collisions between real frames and blocks: {len(collisions) or 'none'}{(' ' + str(collisions)) if collisions else ''} (the real frame is kept).

## Checks done by the script

keccak256(raw) = the block's tx hash for every user tx (and the tx's block/index match); the written
l2Msg parses back (nitro rules) to exactly those hashes; real frames' tx hashes = `expected_decodes.json`;
L1 block number from `l1BlockNumber` = `mixHash[8:16]` = startBlock argument; l2Msg ≤ 256 KiB; sequence numbers
strictly increasing; receive times non-decreasing; the re-read file's tx total = {total_txs}.
"""
    doc_path.write_text(doc)

    # ---- 5. summary ---------------------------------------------------------------------
    print(f"{out_path.relative_to(root)}: {len(ordered)} frames ({n_real} real, {n_built} from blocks; "
          f"{kind4_msgs} kind-4, {kind3_msgs} kind-3), {total_txs} txs ({real_txs} real-frame + {built_txs} block), "
          f"seq {seqs[0]}..{seqs[-1]}, {size} bytes")
    print(f"  block lines {n_block_lines}: {n_full} with full txs, hash-only skipped {skipped_hash_only}")
    print(f"  classic skipped {skipped_classic}")
    print(f"  internal-only skipped {skipped_internal_only}")
    print(f"  L1 block number: {l1_note}")
    print(f"  collisions (real frame kept): {collisions or 'none'}; keccak: {KECCAK_IMPL}")
    print(f"{doc_path.relative_to(root)}: written")


if __name__ == "__main__":
    main()
