"""RLP vectors: rlp.json.

Peer: rlp (pyrlp).  `rlp.encode` computes every valid encoding, and each must
round-trip through `rlp.decode(strict=True)`; every invalid encoding (built by
hand here) must be rejected by `rlp.decode(strict=True)`.
"""

import random

import rlp

FILE = "rlp.json"
PEERS = ("rlp",)
RANDOM_TREES = 1850
INVALID_PER_KIND = 30
SPECIAL_LENGTHS = (0, 55, 56, 57, 255, 256, 1024)
HUGE_LENGTHS = (65535, 65536, 70000)  # around the 2/3-byte length-of-length boundary


def hx(data):
    return "0x" + data.hex()


def to_json(tree):
    return hx(tree) if isinstance(tree, bytes) else [to_json(item) for item in tree]


def length_prefix(length, short_base):
    """RLP header for a payload: short_base is 0x80 for strings, 0xc0 for lists."""
    if length < 56:
        return bytes([short_base + length])
    size = (length.bit_length() + 7) // 8
    return bytes([short_base + 55 + size]) + length.to_bytes(size, "big")


def wrap_list(payload):
    return length_prefix(len(payload), 0xC0) + payload


def byte_string(rng):
    if rng.random() < 0.2:
        return bytes([rng.randrange(0x80)]) if rng.random() < 0.5 else bytes([rng.randrange(0x80, 0x100)])
    return rng.randbytes(rng.randint(0, 60) if rng.random() < 0.9 else rng.randint(0, 300))


def tree(rng, depth):
    """Random byte string or list nested at most `depth` levels."""
    if depth == 0 or rng.random() < 0.45:
        return byte_string(rng)
    return [tree(rng, depth - 1) for _ in range(rng.randint(0, 4))]


def list_with_payload(rng, size):
    """A list of single bytes < 0x80 and one string whose payload is exactly `size` bytes."""
    singles = [bytes([rng.randrange(0x80)]) for _ in range(rng.randint(0, 40))]
    rest = size - len(singles)
    return singles + [rng.randbytes(rest - 1)]


def nested(rng, depth):
    value = byte_string(rng)
    for _ in range(depth):
        value = [value]
    return value


def valid_values(rng):
    values = [rng.randbytes(n) for n in SPECIAL_LENGTHS for _ in range(10)]
    values += [bytes([rng.randrange(0x80)]) for _ in range(10)]
    values += [bytes([rng.randrange(0x80, 0x100)]) for _ in range(10)]
    values += [rng.randbytes(n) for n in HUGE_LENGTHS] + [[rng.randbytes(70000)]]
    values += [list_with_payload(rng, size) for size in (55, 56) for _ in range(20)]
    values += [nested(rng, depth) for depth in range(1, 9) for _ in range(3)]
    values += [tree(rng, rng.randint(0, 8)) for _ in range(RANDOM_TREES)]
    return values


def random_items(rng):
    return b"".join(rlp.encode(tree(rng, 2)) for _ in range(rng.randint(0, 3)))


def in_list(rng, item):
    """`item` at top level, or (half the time) inside an otherwise valid list."""
    if rng.random() < 0.5:
        return item
    return wrap_list(random_items(rng) + item + random_items(rng))


def single_byte_long(rng):
    byte = rng.randrange(0x80)
    return in_list(rng, bytes([0x81, byte])), f"single byte 0x{byte:02x} < 0x80 encoded as 0x81{byte:02x}"


def short_string_long_form(rng):
    n = rng.randrange(56)
    return in_list(rng, bytes([0xB8, n]) + rng.randbytes(n)), f"{n}-byte string with long-form header 0xb8"


def zero_padded_prefix(length, short_base):
    """Long-form header whose length field has one leading zero byte."""
    size = (length.bit_length() + 7) // 8 + 1
    return bytes([short_base + 55 + size]) + length.to_bytes(size, "big")


def leading_zero_length(rng):
    if rng.random() < 0.5:
        data = rng.randbytes(rng.randint(56, 300))
        return in_list(rng, zero_padded_prefix(len(data), 0x80) + data), f"{len(data)}-byte string whose length has a leading zero byte"
    payload = b"".join(rlp.encode(rng.randbytes(20)) for _ in range(rng.randint(3, 14)))
    return in_list(rng, zero_padded_prefix(len(payload), 0xC0) + payload), f"list of {len(payload)} payload bytes whose length has a leading zero byte"


def short_list_long_form(rng):
    payload = bytes(rng.randrange(0x80) for _ in range(rng.randrange(56)))
    return in_list(rng, bytes([0xF8, len(payload)]) + payload), f"list of {len(payload)} single-byte items with long-form header 0xf8"


def length_past_end(rng):
    missing = rng.randint(1, 10)
    if rng.random() < 0.5:
        data = rng.randbytes(rng.randint(0, 100))
        return length_prefix(len(data) + missing, 0x80) + data, f"string declares {missing} more bytes than present"
    payload = random_items(rng)
    return length_prefix(len(payload) + missing, 0xC0) + payload, f"list declares {missing} more bytes than present"


def trailing_bytes(rng):
    extra = rng.randint(1, 3)
    return rlp.encode(tree(rng, 3)) + rng.randbytes(extra), f"{extra} bytes after the top-level item"


def item_overruns_list(rng):
    inner = rng.randbytes(rng.randint(2, 40))
    payload = random_items(rng) + rlp.encode(inner)
    overrun = rng.randint(1, len(inner))
    encoded = length_prefix(len(payload) - overrun, 0xC0) + payload
    return encoded, f"last item runs {overrun} bytes past its list's declared end"


INVALID = {
    "singleByteLongForm": single_byte_long,
    "shortStringLongForm": short_string_long_form,
    "leadingZeroLength": leading_zero_length,
    "shortListLongForm": short_list_long_form,
    "lengthPastEnd": length_past_end,
    "trailingBytes": trailing_bytes,
    "itemOverrunsList": item_overruns_list,
}


def rejected(encoded):
    try:
        rlp.decode(encoded, strict=True)
    except rlp.DecodingError:
        return True
    return False


def build(seed):
    rng = random.Random(seed)
    valid = []
    for value in valid_values(rng):
        encoded = rlp.encode(value)
        assert to_json(rlp.decode(encoded, strict=True)) == to_json(value)
        valid.append({"encoded": hx(encoded), "value": to_json(value)})
    invalid = [{"encoded": "0x", "kind": "emptyInput", "why": "empty input"}]
    for kind, make in INVALID.items():
        for _ in range(INVALID_PER_KIND):
            encoded, why = make(rng)
            invalid.append({"encoded": hx(encoded), "kind": kind, "why": why})
    for vector in invalid:
        assert rejected(bytes.fromhex(vector["encoded"][2:])), vector
    return {"valid": valid, "invalid": invalid}
