"""Odos Router V2 call vectors, for aggregators.json.

Source: odos-xyz/odos-router-v2 contracts/OdosRouterV2.sol, read independently of the Swift
decoder (docs/adr/0010). Every single swap is an unknown route with its pair and amounts:
- `swap(swapTokenInfo, bytes, address, uint32)` and `swapPermit2(permit2Info, swapTokenInfo,
  bytes, address, uint32)`, encoded by eth-abi: the token info's inputToken, outputToken,
  inputAmount (zero: the sender's balance, no amount; selling ether, the value sent, which
  these calls do not send: OdosValueTests) and outputMin.
- `swapCompact()`, encoded here as the router's Yul parses it: each token a 2-byte code (0: the
  zero address; 1: the 20-byte address follows; k >= 2: `addressList[k - 2]` in storage, so no
  token), the input amount and the quoted output each a length byte and that many big-endian
  bytes (length 0 or a word shifted out: no amount; the quote 0), the 3-byte slippage
  tolerance, least output quote * (0xFFFFFF - tolerance) // 0xFFFFFF wrapping modulo 2^256,
  then the private rest. Calls cut short read zeros where the bytes are missing, as
  `calldataload` does: they parse.
- Malformed: the ABI forms' head cut short is a decoding error.
"""

from eth_abi import encode

from call_values import address, amount, selector

ODOS = "0xa669e7a0d4b3e4fa48af2de86bd4cd7126be4e13"
ENTRY = {"name": "odos", "plugin": "odos", "routers": [{"name": "v2", "address": ODOS, "kind": "router-v2"}]}
TOKEN_INFO = "(address,uint256,address,address,uint256,uint256,address)"
SCALE = 0xFFFFFF


def route(token_in, token_out, amount_in, least):
    return {"aggregator": "odos", "tokenIn": token_in, "tokenOut": token_out,
            "amountIn": None if not amount_in else str(amount_in), "amountOutMin": str(least)}


def token_info(rng):
    return [address(rng), amount(rng), address(rng), address(rng), amount(rng), amount(rng), address(rng)]


def swap(rng):
    info = token_info(rng)
    calldata = selector(f"swap({TOKEN_INFO},bytes,address,uint32)") + encode(
        [TOKEN_INFO, "bytes", "address", "uint32"], [info, rng.randbytes(rng.randrange(200)), address(rng), rng.getrandbits(32)])
    return calldata, {"function": "swap", "legs": [], "unknownRoutes": [route(info[0], info[3], info[1], info[5])]}


def swap_permit2(rng):
    info = token_info(rng)
    permit = [address(rng), amount(rng), amount(rng), rng.randbytes(65)]
    calldata = selector(f"swapPermit2((address,uint256,uint256,bytes),{TOKEN_INFO},bytes,address,uint32)") + encode(
        ["(address,uint256,uint256,bytes)", TOKEN_INFO, "bytes", "address", "uint32"],
        [permit, info, rng.randbytes(rng.randrange(200)), address(rng), rng.getrandbits(32)])
    return calldata, {"function": "swapPermit2", "legs": [], "unknownRoutes": [route(info[0], info[3], info[1], info[5])]}


def compact_token(rng):
    """A token's code and the address the router reads (None: from its storage)."""
    kind = rng.choice(["zero", "inline", "inline", "list"])
    if kind == "zero":
        return b"\x00\x00", "0x" + "00" * 20
    if kind == "inline":
        token = address(rng)
        return b"\x00\x01" + bytes.fromhex(token[2:]), token
    return rng.randrange(2, 1 << 16).to_bytes(2, "big"), None


def compact_amount(rng, value):
    """A length byte and the value's big-endian bytes (at least as many as it needs)."""
    size = max(1, (value.bit_length() + 7) // 8) if value else rng.choice([0, 1])
    size = min(32, size + rng.choice([0, 0, 1]))
    return bytes([size]) + value.to_bytes(size, "big") if size else b"\x00"


def swap_compact(rng):
    (code_in, token_in), (code_out, token_out) = compact_token(rng), compact_token(rng)
    amount_in, quote, tolerance = amount(rng), amount(rng), rng.choice([0, 1, rng.randrange(SCALE + 1), SCALE])
    private = rng.randbytes(rng.randrange(120))
    calldata = (selector("swapCompact()") + code_in + code_out + compact_amount(rng, amount_in) + compact_amount(rng, quote)
                + tolerance.to_bytes(3, "big") + private)
    least = (quote * (SCALE - tolerance)) % 2**256 // SCALE
    return calldata, {"function": "swapCompact", "legs": [], "unknownRoutes": [route(token_in, token_out, amount_in, least)]}


def swap_compact_edges(rng):
    """Calls the router parses on chain though they are short or oversized: the tokens alone (the
    rest reads as zeros), and an input length above 32 (its word shifted out: no amount)."""
    (code_in, token_in), (code_out, token_out) = compact_token(rng), compact_token(rng)
    short = selector("swapCompact()") + code_in + code_out
    yield short, {"function": "swapCompact", "legs": [], "unknownRoutes": [route(token_in, token_out, 0, 0)]}
    length = rng.randrange(33, 256)
    quote = amount(rng)
    oversized = short + bytes([length]) + rng.randbytes(length) + compact_amount(rng, quote) + b"\x00\x00\x00"
    yield oversized, {"function": "swapCompact", "legs": [], "unknownRoutes": [route(token_in, token_out, 0, quote * SCALE % 2**256 // SCALE)]}


def vector(kind, calldata, expected):
    return {"kind": kind, "dex": "odos", "to": ODOS, "data": "0x" + calldata.hex(), "value": "0", "expected": expected}


def build(rng, per_function, malformed_per_function):
    """Vectors of every decoded form and malformed ABI calls."""
    vectors, malformed = [], []
    for make in (swap, swap_permit2):
        for _ in range(per_function):
            vectors.append(vector(f"odos-{make.__name__}", *make(rng)))
        for _ in range(malformed_per_function):
            calldata, _ = make(rng)
            malformed.append({"kind": f"odos-{make.__name__}-cut", "dex": "odos", "to": ODOS,
                              "data": "0x" + calldata[:4 + rng.randrange(0, 32 * 3)].hex(), "value": "0"})
    for _ in range(2 * per_function):
        vectors.append(vector("odos-swapCompact", *swap_compact(rng)))
    for _ in range(per_function // 4):
        for calldata, expected in swap_compact_edges(rng):
            vectors.append(vector("odos-swapCompact-edge", calldata, expected))
    return vectors, malformed
