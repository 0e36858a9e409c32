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

Standard library only. keccak-256 comes from pycryptodome when importable (e.g. run with
.venv/bin/python), otherwise from the small pure-Python implementation below (self-tested).

Usage: scripts/make-replay-feed.py [--fixtures DIR] [--always-batch]
  --fixtures     fixture directory (default $MEVBOT_FIXTURES or /work/shared/fixtures)
  --always-batch encode single-transaction blocks as a kind-3 batch of one segment too
                 (default: kind 4 SignedTx, as nitro's sequencer does; see FEED.md)
"""
import argparse
import base64
import json
import os
import pathlib
import sys

# --------------------------------------------------------------------------- constants
# FEED_FORMAT.md §6: L2 block = sequenceNumber + 22207817 (docs + verified tx-root vector).
GENESIS_OFFSET = 22207817
SEQUENCER_SENDER = "0xa4b000000000000000000073657175656e636572"  # ASCII "sequencer"
L1_KIND_L2_MESSAGE = 3
L2_KIND_BATCH = 3
L2_KIND_SIGNED_TX = 4
MAX_L2_MESSAGE_SIZE = 256 * 1024  # arbostypes.MaxL2MessageSize
MAX_BATCH_DEPTH = 16
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


# --------------------------------------------------------------------------- keccak-256
def _pure_keccak256(data: bytes) -> bytes:
    rc = [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ]
    rot = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61],
           [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]]  # rot[x][y]
    mask = (1 << 64) - 1

    def rol(v, n):
        return ((v << n) | (v >> (64 - n))) & mask if n else v

    def f(a):  # a[x][y]
        for r in range(24):
            c = [a[x][0] ^ a[x][1] ^ a[x][2] ^ a[x][3] ^ a[x][4] for x in range(5)]
            d = [c[(x - 1) % 5] ^ rol(c[(x + 1) % 5], 1) for x in range(5)]
            a = [[a[x][y] ^ d[x] for y in range(5)] for x in range(5)]
            b = [[0] * 5 for _ in range(5)]
            for x in range(5):
                for y in range(5):
                    b[y][(2 * x + 3 * y) % 5] = rol(a[x][y], rot[x][y])
            a = [[b[x][y] ^ ((~b[(x + 1) % 5][y]) & b[(x + 2) % 5][y]) for y in range(5)] for x in range(5)]
            a[0][0] ^= rc[r]
        return a

    rate = 136
    msg = bytearray(data) + b"\x01"
    msg += b"\x00" * (-len(msg) % rate)
    msg[-1] |= 0x80
    state = [[0] * 5 for _ in range(5)]
    for off in range(0, len(msg), rate):
        block = msg[off:off + rate]
        for i in range(rate // 8):
            state[i % 5][i // 5] ^= int.from_bytes(block[8 * i:8 * i + 8], "little")
        state = f(state)
    return b"".join(state[i % 5][i // 5].to_bytes(8, "little") for i in range(4))


try:
    from Crypto.Hash import keccak as _ck  # pycryptodome

    def keccak256(data: bytes) -> bytes:
        return _ck.new(digest_bits=256, data=data).digest()

    KECCAK_IMPL = "pycryptodome"
except ImportError:  # standard library only
    keccak256 = _pure_keccak256
    KECCAK_IMPL = "pure Python (built in)"

# Known answers: keccak256("") and keccak256("abc").
assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
assert keccak256(b"abc").hex() == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"
assert _pure_keccak256(b"a" * 300) == keccak256(b"a" * 300)


# --------------------------------------------------------------------------- helpers
def fail(msg):
    sys.exit(f"make-replay-feed: FAILED: {msg}")


def hx(s):
    return bytes.fromhex(s[2:] if s.startswith("0x") else s)


def u(s):
    return int(s, 16)


def parse_l2(data: bytes, depth=0):
    """nitro arbos/parse_l2.go, for kinds 3 and 4: returns the list of tx envelopes."""
    if not data:
        fail("empty l2 message")
    kind, rest = data[0], data[1:]
    if kind == L2_KIND_SIGNED_TX:
        if not rest or rest[0] == 0x03 or 0x64 <= rest[0] < 0xC0:
            fail(f"kind-4 segment holds a tx type nitro rejects: 0x{rest[:1].hex()}")
        return [bytes(rest)]
    if kind == L2_KIND_BATCH:
        if depth >= MAX_BATCH_DEPTH:
            fail("L2 message batches have a max depth of 16")
        out, pos = [], 0
        while pos + 8 <= len(rest):
            n = int.from_bytes(rest[pos:pos + 8], "big")
            if n > MAX_L2_MESSAGE_SIZE or pos + 8 + n > len(rest):
                break  # nitro stops silently; our own batches never get here (checked by caller)
            out += parse_l2(rest[pos + 8:pos + 8 + n], depth + 1)
            pos += 8 + n
        return out
    fail(f"unexpected L2 message kind {kind}")


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
        envs = parse_l2(base64.b64decode(m["message"]["message"]["l2Msg"], validate=True))
        hashes = ["0x" + keccak256(e).hex() for e in envs]
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

        envelopes, hashes = [], []
        for t in user:
            h = t["hash"].lower()
            rec = txs_by_hash.get(h)
            if rec is None or not rec.get("raw"):
                fail(f"block {num}: no raw bytes for tx {h}")
            if rec["block_number"] != num or rec["transaction_index"] != u(t["transactionIndex"]):
                fail(f"tx {h}: position in arbitrum_txs.json differs from the block")
            raw = hx(rec["raw"])
            if "0x" + keccak256(raw).hex() != h:
                fail(f"block {num}: keccak(raw) != hash for tx {h}")
            envelopes.append(raw)
            hashes.append(h)

        if len(envelopes) == 1 and not args.always_batch:
            l2 = bytes([L2_KIND_SIGNED_TX]) + envelopes[0]
            kind4_msgs += 1
        else:
            l2 = bytearray([L2_KIND_BATCH])
            for e in envelopes:
                seg = bytes([L2_KIND_SIGNED_TX]) + e
                if len(seg) > MAX_L2_MESSAGE_SIZE:
                    fail(f"block {num}: segment longer than MaxL2MessageSize")
                l2 += len(seg).to_bytes(8, "big") + seg
            l2 = bytes(l2)
            kind3_msgs += 1
        if len(l2) > MAX_L2_MESSAGE_SIZE:
            fail(f"block {num}: l2Msg longer than MaxL2MessageSize ({len(l2)})")
        max_l2 = max(max_l2, len(l2))

        # Round trip: parse what we wrote and check every segment's keccak against the block's hash.
        back = parse_l2(l2)
        if ["0x" + keccak256(e).hex() for e in back] != hashes:
            fail(f"block {num}: parsed l2Msg does not give the block's tx hashes")

        frame = {"version": 1, "messages": [{
            "sequenceNumber": seq,
            "message": {
                "message": {
                    "header": {"kind": L1_KIND_L2_MESSAGE, "sender": SEQUENCER_SENDER, "blockNumber": l1,
                               "timestamp": ts, "requestId": None, "baseFeeL1": None},
                    "l2Msg": base64.b64encode(l2).decode("ascii"),
                },
                "delayedMessagesRead": delayed,
            },
            "blockHash": b["hash"].lower(),
            "signatureV2": None,
        }]}
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
        "recording": "mevbot feed recording v1",
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

    lines = [json.dumps(header, separators=(",", ":"))]
    for e in ordered:
        lines.append(json.dumps({"receivedAtNanos": e["receivedAtNanos"], "frame": e["frame"]},
                                separators=(",", ":")))
    out_path.write_text("\n".join(lines) + "\n")
    size = out_path.stat().st_size

    # Re-read what was written: header first, every frame line parses, tx total matches.
    check_txs, prev = 0, -1
    with out_path.open() as fh:
        first = json.loads(fh.readline())
        assert first.get("recording") == "mevbot feed recording v1" and "frame" not in first
        for ln in fh:
            rec = json.loads(ln)
            for m in rec["frame"]["messages"]:
                assert m["sequenceNumber"] > prev
                prev = m["sequenceNumber"]
                check_txs += len(parse_l2(base64.b64decode(m["message"]["message"]["l2Msg"])))
    assert check_txs == total_txs, (check_txs, total_txs)

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
