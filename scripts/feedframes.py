"""Arbitrum sequencer-feed framing shared by the scripts that write feed recordings
(make-replay-feed.py, make-demo-feed.py): nitro's constants, keccak-256, L2 message encoding and
parsing (nitro arbos/parse_l2.go), the BroadcastMessage frame of one sequencer message, and the
recording file (docs/feed-recording.md) written and read back.

Standard library only. keccak-256 comes from pycryptodome when importable (e.g. run with
.venv/bin/python), otherwise from the small pure-Python implementation below (self-tested).
"""
import base64
import json

# FEED_FORMAT.md §6: L2 block = sequenceNumber + 22207817 (docs + verified tx-root vector).
GENESIS_OFFSET = 22207817
SEQUENCER_SENDER = "0xa4b000000000000000000073657175656e636572"  # ASCII "sequencer"
L1_KIND_L2_MESSAGE = 3
L2_KIND_BATCH = 3
L2_KIND_SIGNED_TX = 4
MAX_L2_MESSAGE_SIZE = 256 * 1024  # arbostypes.MaxL2MessageSize
MAX_BATCH_DEPTH = 16
RECORDING_TAG = "mevbot feed recording v1"


class FramingError(Exception):
    """A message or recording that nitro would refuse, or that does not read back as written."""


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


def tx_hash(envelope: bytes) -> str:
    """The hash of a signed transaction envelope, 0x-prefixed lower-case hex."""
    return "0x" + keccak256(envelope).hex()


# --------------------------------------------------------------------------- L2 messages
def parse_l2(data: bytes, depth=0):
    """nitro arbos/parse_l2.go, for kinds 3 and 4: returns the list of tx envelopes."""
    if not data:
        raise FramingError("empty l2 message")
    kind, rest = data[0], data[1:]
    if kind == L2_KIND_SIGNED_TX:
        if not rest or rest[0] == 0x03 or 0x64 <= rest[0] < 0xC0:
            raise FramingError(f"kind-4 segment holds a tx type nitro rejects: 0x{rest[:1].hex()}")
        return [bytes(rest)]
    if kind == L2_KIND_BATCH:
        if depth >= MAX_BATCH_DEPTH:
            raise FramingError("L2 message batches have a max depth of 16")
        out, pos = [], 0
        while pos + 8 <= len(rest):
            n = int.from_bytes(rest[pos:pos + 8], "big")
            if n > MAX_L2_MESSAGE_SIZE or pos + 8 + n > len(rest):
                break  # nitro stops silently; l2_message's own batches never get here (checked there)
            out += parse_l2(rest[pos + 8:pos + 8 + n], depth + 1)
            pos += 8 + n
        return out
    raise FramingError(f"unexpected L2 message kind {kind}")


def l2_message(envelopes, always_batch=False) -> bytes:
    """The l2Msg of a sequencer message holding `envelopes` in order: one as kind 4 SignedTx,
    several (or any number with `always_batch`) as a kind-3 batch of kind-4 segments, as nitro's
    sequencer does (execution/gethexec/sequencer.go MessageFromTxes). Checked to be within
    MaxL2MessageSize and to parse back to exactly `envelopes`."""
    if len(envelopes) == 1 and not always_batch:
        l2 = bytes([L2_KIND_SIGNED_TX]) + envelopes[0]
    else:
        batch = bytearray([L2_KIND_BATCH])
        for e in envelopes:
            seg = bytes([L2_KIND_SIGNED_TX]) + e
            if len(seg) > MAX_L2_MESSAGE_SIZE:
                raise FramingError("segment longer than MaxL2MessageSize")
            batch += len(seg).to_bytes(8, "big") + seg
        l2 = bytes(batch)
    if len(l2) > MAX_L2_MESSAGE_SIZE:
        raise FramingError(f"l2Msg longer than MaxL2MessageSize ({len(l2)})")
    if parse_l2(l2) != list(envelopes):
        raise FramingError("the l2Msg does not parse back to its transactions")
    return l2


# --------------------------------------------------------------------------- frames and recordings
def sequencer_frame(seq, l1_block, timestamp, l2_msg, delayed_messages_read, block_hash=None):
    """A BroadcastMessage holding one sequencer message (FEED_FORMAT.md §2): header kind 3, sender
    0xa4b0…sequencer, requestId and baseFeeL1 null, signatureV2 null, no blockMetadata; blockHash
    only when given."""
    message = {
        "sequenceNumber": seq,
        "message": {
            "message": {
                "header": {"kind": L1_KIND_L2_MESSAGE, "sender": SEQUENCER_SENDER, "blockNumber": l1_block,
                           "timestamp": timestamp, "requestId": None, "baseFeeL1": None},
                "l2Msg": base64.b64encode(l2_msg).decode("ascii"),
            },
            "delayedMessagesRead": delayed_messages_read,
        },
    }
    if block_hash is not None:
        message["blockHash"] = block_hash
    message["signatureV2"] = None
    return {"version": 1, "messages": [message]}


def frame_envelopes(frame):
    """The tx envelopes of every message of a frame, in order."""
    return [e for m in frame.get("messages", [])
            for e in parse_l2(base64.b64decode(m["message"]["message"]["l2Msg"], validate=True))]


def write_recording(path, header, records, extra_lines=()):
    """Writes a recording: `header` (its "recording" key set to RECORDING_TAG) as line 1, then the
    `extra_lines` objects (non-frame lines readers skip), then one
    {"receivedAtNanos","frame"} line per (receivedAtNanos, frame) of `records`. Reads the file
    back and checks the header, strictly increasing sequence numbers and the transaction count;
    returns that count."""
    for obj in (header, *extra_lines):
        if any(k in obj for k in ("frame", "version", "messages", "confirmedSequenceNumberMessage")):
            raise FramingError("a non-frame line uses a key readers take for a frame")
    if header.get("recording") != RECORDING_TAG:
        raise FramingError("the header does not name the recording format")
    lines = [json.dumps(obj, separators=(",", ":")) for obj in (header, *extra_lines)]
    expected = 0
    for received, frame in records:
        lines.append(json.dumps({"receivedAtNanos": received, "frame": frame}, separators=(",", ":")))
        expected += len(frame_envelopes(frame))
    path.write_text("\n".join(lines) + "\n")

    count, prev = 0, -1
    with path.open() as fh:
        first = json.loads(fh.readline())
        if first.get("recording") != RECORDING_TAG or "frame" in first:
            raise FramingError("the header did not read back")
        for ln in fh:
            rec = json.loads(ln)
            if "frame" not in rec:
                continue
            for m in rec["frame"]["messages"]:
                if m["sequenceNumber"] <= prev:
                    raise FramingError("sequence numbers must be strictly increasing")
                prev = m["sequenceNumber"]
            count += len(frame_envelopes(rec["frame"]))
    if count != expected:
        raise FramingError(f"read back {count} transactions, wrote {expected}")
    return count
