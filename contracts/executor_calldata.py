"""The packed calldata of Executor.vy (layout in contracts/README.md), as the tests send it.

The Swift encoder (Sources/Engine/Cost/ExecutorCalldata.swift) is checked against vectors
written from this module (scripts/vectors/executor_calldata.py), and the contract tests run
every cycle with calldata from it, so the three agree.
"""

# The hop kinds, numbered as Swift's HopKind and the contract number them.
UNISWAP_V2, CAMELOT_V2, UNISWAP_V3, ALGEBRA, CURVE = range(5)
BY_ADDRESS, BY_SHORT_INDEX, BY_LONG_INDEX = range(3)
OPCODE_BASE = 0xC0  # every opcode is 0b11kkkffd, so none starts an ABI selector of the contract
MAX_HOPS = 8
MAX_NUMBER_BYTES = 15
POOL_TABLE_SIZE = 65536


class Unencodable(ValueError):
    """A cycle the layout cannot carry."""


def number_bytes(value, what):
    """`value` big-endian without leading zeros (b"" for zero), at most 15 bytes."""
    if value < 0 or value >= 1 << (8 * MAX_NUMBER_BYTES):
        raise Unencodable(f"{what} {value} does not fit {MAX_NUMBER_BYTES} bytes")
    return value.to_bytes((value.bit_length() + 7) // 8, "big")


def encode(hops, amount_in, minimum_profit=0, pool_indexes=None):
    """Calldata for `hops`, each (kind, pool address "0x…", token_in, token_out), fed with
    `amount_in`, reverting unless the profit reaches `minimum_profit`; pools found in
    `pool_indexes` (lower-case address -> table index) are named by their index."""
    pool_indexes = pool_indexes or {}
    if not 1 <= len(hops) <= MAX_HOPS:
        raise Unencodable(f"{len(hops)} hops (1 to {MAX_HOPS})")
    data = bytearray()
    for kind, pool, token_in, token_out in hops:
        index = pool_indexes.get(pool.lower())
        if index is None:
            form, reference = BY_ADDRESS, bytes.fromhex(pool[2:])
        elif 0 <= index < 256:
            form, reference = BY_SHORT_INDEX, bytes([index])
        elif index < POOL_TABLE_SIZE:
            form, reference = BY_LONG_INDEX, index.to_bytes(2, "big")
        else:
            raise Unencodable(f"pool index {index} is past the table")
        if kind == CURVE:
            if token_in == token_out or not (0 <= token_in < 16 and 0 <= token_out < 16):
                raise Unencodable(f"Curve coins {token_in} -> {token_out}")
            direction, coins = 0, bytes([token_in << 4 | token_out])
        elif kind in (UNISWAP_V2, CAMELOT_V2, UNISWAP_V3, ALGEBRA) and {token_in, token_out} == {0, 1}:
            direction, coins = int(token_in == 0), b""
        else:
            raise Unencodable(f"hop kind {kind} from token {token_in} to {token_out}")
        data += bytes([OPCODE_BASE | kind << 3 | form << 1 | direction]) + reference + coins
    amount = number_bytes(amount_in, "amount in")
    if not amount:
        raise Unencodable("a zero amount in")
    profit = number_bytes(minimum_profit, "minimum profit")
    return bytes(data + amount + profit + bytes([len(amount) << 4 | len(profit)]))
