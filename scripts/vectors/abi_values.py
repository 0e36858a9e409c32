"""ABI vectors: abi.json.

Peer: eth-abi.  `eth_abi.encode` computes every valid encoding and
`eth_abi.decode` must give the values back; every invalid encoding (a valid one
corrupted here) must make `eth_abi.decode` raise.

Types are trees: ("uint", N), ("int", N), ("address",), ("bool",),
("bytesN", n), ("bytes",), ("string",), ("array", T, k or None), ("tuple", [T]).
"""

import random

from eth_abi import decode, encode
from eth_abi.exceptions import DecodingError
from eth_utils import to_checksum_address

FILE = "abi.json"
PEERS = ("eth-abi",)
RANDOM_VECTORS = 1400
INVALID_PER_KIND = 30
BITS = (8, 16, 24, 32, 64, 112, 128, 160, 256)
ELEMENTARY = ("uint", "int", "address", "bool", "bytesN", "bytes", "string")
# Real call shapes: Uniswap V3 path-style `(address,uint24)[]`, Universal Router
# execute(bytes,bytes[],uint256), V2 swapExactTokensForTokens, V3 exactInputSingle.
REAL = (
    [("array", ("tuple", [("address",), ("uint", 24)]), None)],
    [("bytes",), ("array", ("bytes",), None), ("uint", 256)],
    [("uint", 256), ("uint", 256), ("array", ("address",), None), ("address",), ("uint", 256)],
    [("tuple", [("address",), ("address",), ("uint", 24), ("address",), ("uint", 256),
                ("uint", 256), ("uint", 160)])],
)
WORD = 32


def hx(data):
    return "0x" + data.hex()


def type_str(t):
    kind = t[0]
    if kind in ("uint", "int"):
        return f"{kind}{t[1]}"
    if kind == "bytesN":
        return f"bytes{t[1]}"
    if kind == "array":
        return type_str(t[1]) + ("[]" if t[2] is None else f"[{t[2]}]")
    if kind == "tuple":
        return "(" + ",".join(type_str(c) for c in t[1]) + ")"
    return kind


def elementary(rng, kind):
    if kind in ("uint", "int"):
        return (kind, rng.choice(BITS))
    if kind == "bytesN":
        return (kind, rng.choice((1, 4, 20, 32)))
    return (kind,)


def random_type(rng, depth):
    """Elementary type, or an array / tuple nested at most `depth` levels."""
    if depth == 0 or rng.random() < 0.6:
        return elementary(rng, rng.choice(ELEMENTARY))
    if rng.random() < 0.5:
        return ("array", random_type(rng, depth - 1), rng.choice((None, 1, 2, 3)))
    return ("tuple", [random_type(rng, depth - 1) for _ in range(rng.randint(1, 4))])


def random_int(rng, low, high):
    """Full-range integer in [low, high], often an extreme."""
    pick = rng.random()
    if pick < 0.3:
        return rng.choice((low, low + 1, 0, high - 1, high))
    if pick < 0.5:
        return rng.randint(max(low, -1000), min(high, 1000))
    return rng.randint(low, high)


def random_value(rng, t):
    kind = t[0]
    if kind == "uint":
        return random_int(rng, 0, 2 ** t[1] - 1)
    if kind == "int":
        return random_int(rng, -(2 ** (t[1] - 1)), 2 ** (t[1] - 1) - 1)
    if kind == "address":
        return to_checksum_address(rng.randbytes(20))
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "bytesN":
        return rng.randbytes(t[1])
    if kind == "bytes":
        return rng.randbytes(rng.choice((0, 1, 31, 32, 33, rng.randint(0, 200))))
    if kind == "string":
        return "".join(chr(rng.randrange(0x20, 0x7F)) for _ in range(rng.randint(0, 100)))
    if kind == "array":
        return [random_value(rng, t[1]) for _ in range(rng.randint(0, 3) if t[2] is None else t[2])]
    return tuple(random_value(rng, c) for c in t[1])


def to_json(t, value):
    kind = t[0]
    if kind in ("uint", "int"):
        return str(value)
    if kind == "address":
        return value.lower()
    if kind in ("bytesN", "bytes"):
        return hx(value)
    if kind == "array":
        return [to_json(t[1], v) for v in value]
    if kind == "tuple":
        return [to_json(c, v) for c, v in zip(t[1], value)]
    return value


def vector(rng, types):
    names = [type_str(t) for t in types]
    values = [random_value(rng, t) for t in types]
    encoded = encode(names, values)
    expected = [to_json(t, v) for t, v in zip(types, values)]
    assert [to_json(t, v) for t, v in zip(types, decode(names, encoded))] == expected
    return {"types": names, "encoded": hx(encoded), "values": expected}


def with_word(encoded, index, word):
    return encoded[:index * WORD] + word.to_bytes(WORD, "big") + encoded[(index + 1) * WORD:]


def word(encoded, index):
    return int.from_bytes(encoded[index * WORD:(index + 1) * WORD], "big")


def head_types(rng, target):
    """Types whose head words are one word each, with `target` at a random index."""
    heads = [elementary(rng, rng.choice(ELEMENTARY)) for _ in range(rng.randint(0, 4))]
    index = rng.randint(0, len(heads))
    return heads[:index] + [target] + heads[index:], index


def corrupt_word(target, make_word, why):
    """Invalid vector: the head word of `target` replaced by make_word(rng)."""
    def build(rng):
        types, index = head_types(rng, target)
        encoded = bytes.fromhex(vector(rng, types)["encoded"][2:])
        value = make_word(rng)
        return types, with_word(encoded, index, value), why.format(index=index, value=hex(value))
    return build


def truncated(rng):
    types = [random_type(rng, 2) for _ in range(rng.randint(1, 5))]
    encoded = bytes.fromhex(vector(rng, types)["encoded"][2:])
    cut = rng.randint(1, min(len(encoded), 64))
    return types, encoded[:-cut], f"last {cut} bytes cut off"


def dynamic_head(rng):
    """Types with a dynamic bytes/string/T[] at a random head index, and its encoding."""
    target = rng.choice((("bytes",), ("string",), ("array", elementary(rng, "uint"), None)))
    types, index = head_types(rng, target)
    return types, index, bytes.fromhex(vector(rng, types)["encoded"][2:])


def offset_past_end(rng):
    types, index, encoded = dynamic_head(rng)
    offset = len(encoded) + WORD * rng.randint(0, 4)
    return types, with_word(encoded, index, offset), f"offset of argument {index} is {offset}, past the end ({len(encoded)} bytes)"


def length_past_end(rng):
    types, index, encoded = dynamic_head(rng)
    offset = word(encoded, index)
    room = len(encoded) - offset - WORD
    length = room + rng.randint(1, 64) if types[index][0] != "array" else room // WORD + rng.randint(1, 4)
    encoded = encoded[:offset] + length.to_bytes(WORD, "big") + encoded[offset + WORD:]
    return types, encoded, f"length of argument {index} is {length}, past the end of the data"


def dirty_address(rng):
    return rng.randrange(1, 2**96) << 160 | rng.getrandbits(160)


def signed_out_of_int8(rng):
    value = rng.choice((rng.randint(128, 255), rng.randint(128, 2**255 - 1),
                        rng.randint(-(2**255), -129), rng.randint(-256, -129)))
    return value % 2**256


INVALID = {
    "truncated": truncated,
    "offsetPastEnd": offset_past_end,
    "lengthPastEnd": length_past_end,
    "dirtyAddress": corrupt_word(("address",), dirty_address,
                                 "address argument {index} with non-zero high bytes: {value}"),
    "boolNotZeroOrOne": corrupt_word(("bool",), lambda rng: rng.choice((2, 2, 2, 0x100, 2**255, 2**256 - 1)),
                                     "bool argument {index} is {value}"),
    "uint8Overflow": corrupt_word(("uint", 8), lambda rng: rng.choice((256, rng.randrange(256, 2**256))),
                                  "uint8 argument {index} is {value} >= 256"),
    "int8OutOfRange": corrupt_word(("int", 8), signed_out_of_int8,
                                   "int8 argument {index} is {value}: out of range / bad sign extension"),
}


def rejected(types, encoded):
    try:
        decode(types, encoded)
    except DecodingError:
        return True
    return False


def build(seed):
    rng = random.Random(seed)
    vectors = [vector(rng, types) for types in REAL for _ in range(25)]
    vectors += [vector(rng, [random_type(rng, 3) for _ in range(rng.randint(1, 5))])
                for _ in range(RANDOM_VECTORS)]
    invalid = []
    for kind, make in INVALID.items():
        for _ in range(INVALID_PER_KIND):
            types, encoded, why = make(rng)
            names = [type_str(t) for t in types]
            assert rejected(names, encoded), (names, why)
            invalid.append({"types": names, "encoded": hx(encoded), "kind": kind, "why": why})
    return {"vectors": vectors, "invalid": invalid}
