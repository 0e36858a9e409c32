"""Swap-decoding vectors for the UniswapV2 and Camelot plugins: v2_camelot.json.

Peers: eth-abi encodes every call (Uniswap V2 Router02 and pair, CamelotRouter and pair,
Camelot's Algebra v1 SwapRouter, multicall and pool) from random arguments over their full
ranges; eth-hash computes the CREATE2 pool addresses. The expected legs are written here from
the arguments themselves (never by decoding), following the contracts' semantics:

- V2 / Camelot routers: one leg, hops along `address[] path`, `msg.value` as the input of the
  exact-ETH functions and as the most input of swapETHForExactTokens; the ETH end of an ETH
  function's path must be WETH, a path needs two tokens (else the router reverts: an error here).
- Pair `swap(amount0Out, amount1Out, to, data[, referrer])`: one exact-output leg per non-zero
  amount out (token0 out: zeroForOne false), none when both are zero (not a swap).
- Algebra router: exactInputSingle / exactOutputSingle (with its unused uint24 fee) /
  exactInput / exactOutput (path reversed, hops in flow order) / the fee-on-transfer single;
  multicall(bytes[]) unrolled in order, non-swap calls skipped, nested up to 3 levels in all.
- Algebra pool `swap`: amountRequired > 0 exact in, < 0 exact out, 0 not a swap;
  `swapSupportingFeeOnInputTokens`: > 0 exact in, otherwise not a swap.
- The Algebra router's single-hop functions and the pool's swap functions: a non-zero
  `limitSqrtPrice` is the hop's `sqrtPriceLimitX96` (0 means no limit and is not written).

Malformed calls (truncated, offsets or lengths past the end, dirty address words, bools and
uint160/uint24 out of range) are checked to make eth-abi raise; the decoders must throw too.
Multicall nesting past the limit and multicalls with too many inner calls (including offsets
that point many elements at the same bytes) must throw `tooDeep` / `tooLarge`.
"""

import random

from eth_abi import decode, encode
from eth_abi.exceptions import DecodingError
from eth_hash.auto import keccak
from eth_utils import function_signature_to_4byte_selector, to_checksum_address

FILE = "v2_camelot.json"
PEERS = ("eth-abi", "eth-hash")
PER_FUNCTION = 40
INVALID_PER_KIND = 25
WORD = 32
UINT256_MAX = 2**256 - 1
WETH = "0x82af49447d8a07e3bd95bd0d56f35241523fbab1"
MAX_MULTICALL_DEPTH = 3
MAX_MULTICALL_CALLS = 64

ENTRIES = {
    "uniswap-v2": {
        "plugin": "uniswap-v2", "routerKind": "v2-router", "poolKind": "pair",
        "router": "0x4752ba5dbc23f44d87826276bf6fd6b1c372ad24",
        "factories": [{"address": "0xf1d7cc64fb4452f05c498126312ebe29f30fbcf9",
                       "initCodeHash": "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f"}],
    },
    "sushiswap-v2": {
        "plugin": "uniswap-v2", "routerKind": "v2-router", "poolKind": "pair",
        "router": "0x1b02da8cb0d097eb8d57a175b88c7d8b47997506",
        "factories": [{"address": "0xc35dadb65012ec5796536bd9864ed8773abc74c4",
                       "initCodeHash": "0xe18a34eb0e04b04f7a0ac29a6e80748dca96319b42c54d679cb821dca90c6303"}],
    },
    "camelot-v2": {
        "plugin": "camelot-v2", "routerKind": "camelot-v2-router", "poolKind": "pair",
        "router": "0xc873fecbd354f5a56e00e710b90ef4201db2448d",
        "factories": [{"address": "0x6eccab422d763ac031210895c81787e87b43a652",
                       "initCodeHash": "0xa856464ae65f7619087bc369daaf7e387dae1e5af69cfa7935850ebf754b04c1"}],
    },
    "camelot-v3": {
        "plugin": "camelot-v3", "routerKind": "algebra-router", "poolKind": "pool",
        "router": "0x1f721e2e82f6676fce4ea07a5958cf098d339e18",
        "factories": [{"address": "0x1a3c9b1d2f0529d97f2afc5136cc23e58f1fd35b", "initCodeHash": None},
                      {"address": "0x6dd3fb9653b10e806650f107c3b5a0a6ff974f65",
                       "initCodeHash": "0x6c1bebd370ba84753516bc1393c0d0a6c645856da55f5393ac8ab3d6dbc861d3"}],
    },
}

# Router02 (Uniswap V2, SushiSwap): name -> (argument types, layout, ETH end, payable).
V2_ROUTER = {
    "swapExactTokensForTokens": ("uint256,uint256,address[],address,uint256", "tokensIn", None),
    "swapTokensForExactTokens": ("uint256,uint256,address[],address,uint256", "tokensOut", None),
    "swapExactETHForTokens": ("uint256,address[],address,uint256", "valueIn", "input"),
    "swapTokensForExactETH": ("uint256,uint256,address[],address,uint256", "tokensOut", "output"),
    "swapExactTokensForETH": ("uint256,uint256,address[],address,uint256", "tokensIn", "output"),
    "swapETHForExactTokens": ("uint256,address[],address,uint256", "outForValue", "input"),
    "swapExactTokensForTokensSupportingFeeOnTransferTokens": ("uint256,uint256,address[],address,uint256", "tokensIn", None),
    "swapExactETHForTokensSupportingFeeOnTransferTokens": ("uint256,address[],address,uint256", "valueIn", "input"),
    "swapExactTokensForETHSupportingFeeOnTransferTokens": ("uint256,uint256,address[],address,uint256", "tokensIn", "output"),
}
# CamelotRouter: every swap is exact input and names a referrer.
CAMELOT_ROUTER = {
    "swapExactTokensForTokensSupportingFeeOnTransferTokens": ("uint256,uint256,address[],address,address,uint256", "tokensIn", None),
    "swapExactETHForTokensSupportingFeeOnTransferTokens": ("uint256,address[],address,address,uint256", "valueIn", "input"),
    "swapExactTokensForETHSupportingFeeOnTransferTokens": ("uint256,uint256,address[],address,address,uint256", "tokensIn", "output"),
}
SINGLE_IN = "(address,address,address,uint256,uint256,uint256,uint160)"
SINGLE_OUT = "(address,address,uint24,address,uint256,uint256,uint256,uint160)"
MULTI = "(bytes,address,uint256,uint256,uint256)"
ALGEBRA_ROUTER = {
    "exactInputSingle": SINGLE_IN,
    "exactInput": MULTI,
    "exactOutputSingle": SINGLE_OUT,
    "exactOutput": MULTI,
    "exactInputSingleSupportingFeeOnTransferTokens": SINGLE_IN,
}
# Router calls that are not swaps (skipped inside multicall, not a swap on their own).
ALGEBRA_OTHER = {
    "unwrapWNativeToken": "uint256,address",
    "refundNativeToken": "",
    "sweepToken": "address,uint256,address",
    "selfPermit": "address,uint256,uint256,uint8,bytes32,bytes32",
}
V2_OTHER = {
    "addLiquidity": "address,address,uint256,uint256,uint256,uint256,address,uint256",
    "removeLiquidity": "address,address,uint256,uint256,uint256,address,uint256",
    "getAmountsOut": "uint256,address[]",
}


def hx(data):
    return "0x" + data.hex()


def call(name, types, args):
    """Calldata: selector of name(types) and the eth-abi encoding of args."""
    selector = function_signature_to_4byte_selector(f"{name}({types})")
    return selector + encode(split_types(types), args)


def split_types(types):
    """Top-level argument types of a comma list (tuples kept whole)."""
    out, depth, current = [], 0, ""
    for ch in types:
        if ch == "," and depth == 0:
            out.append(current)
            current = ""
            continue
        depth += (ch == "(") - (ch == ")")
        current += ch
    return out + ([current] if current else [])


def random_int(rng, low, high):
    pick = rng.random()
    if pick < 0.25:
        return rng.choice((low, low + 1, high - 1, high, 0 if low <= 0 <= high else low))
    if pick < 0.4:
        return rng.randint(max(low, -1000), min(high, 1000))
    return rng.randint(low, high)


def amount(rng):
    return random_int(rng, 0, UINT256_MAX)


def positive(rng):
    return random_int(rng, 1, UINT256_MAX)


def address(rng):
    pick = rng.random()
    if pick < 0.05:
        return "0x" + "00" * 20
    if pick < 0.1:
        return "0x" + "ff" * 20
    return "0x" + rng.randbytes(20).hex()


def checksum(a):
    return to_checksum_address(a)


def token_path(rng, native, length=None):
    length = length or rng.choice((2, 2, 2, 3, 3, 4, 5, rng.randint(2, 9)))
    path = [address(rng) for _ in range(length)]
    if native == "input":
        path[0] = WETH
    elif native == "output":
        path[-1] = WETH
    return path


def hops(path):
    return [{"tokenIn": a, "tokenOut": b, "pool": None} for a, b in zip(path, path[1:])]


def with_price_limit(hop, limit):
    """The hop with its sqrtPriceLimitX96 when the call passes one (0 is "none")."""
    return {**hop, "sqrtPriceLimitX96": str(limit)} if limit else hop


def leg(path, kind, value, limit, recipient, deadline):
    return {"hops": hops(path), "amount": {kind: str(value)},
            "limit": None if limit is None else str(limit),
            "recipient": recipient, "deadline": None if deadline is None else str(deadline)}


def pool_leg(pool, zero_for_one, kind, value, recipient, price_limit=0):
    hop = {"tokenIn": None, "tokenOut": None, "pool": {"address": pool, "zeroForOne": zero_for_one}}
    return {"hops": [with_price_limit(hop, price_limit)],
            "amount": {kind: str(value)}, "limit": None, "recipient": recipient, "deadline": None}


def swap(function, legs):
    return {"function": function, "legs": legs} if legs else None


def vector(entry, to, data, value, expected=None, error=None, note=None):
    out = {"entry": entry, "to": to, "data": hx(data), "value": str(value)}
    if error is not None:
        out["error"] = error
    else:
        out["expected"] = expected
    if note:
        out["note"] = note
    return out


# ---- Router02 and CamelotRouter -------------------------------------------------------------

def v2_style_router_call(rng, name, spec, camelot, path=None):
    """(calldata, value, expected leg or error) for one random call."""
    types, layout, native = spec
    path = path if path is not None else token_path(rng, native)
    fixed, limit, to, deadline, referrer = amount(rng), amount(rng), address(rng), amount(rng), address(rng)
    payable = layout in ("valueIn", "outForValue")
    value = amount(rng) if payable or rng.random() < 0.2 else 0
    cs = [checksum(a) for a in path]
    if layout in ("tokensIn", "tokensOut"):
        args = [fixed, limit, cs, checksum(to)]
    else:
        args = [limit if layout == "valueIn" else fixed, cs, checksum(to)]
    if camelot:
        args.append(checksum(referrer))
    args.append(deadline)
    data = call(name, types, args)
    if len(path) < 2 or (native == "input" and path[0] != WETH) or (native == "output" and path[-1] != WETH):
        return data, value, None, "invalidValue"
    if layout == "tokensIn":
        expected = leg(path, "exactIn", fixed, limit, to, deadline)
    elif layout == "tokensOut":
        expected = leg(path, "exactOut", fixed, limit, to, deadline)
    elif layout == "valueIn":
        expected = leg(path, "exactIn", value, limit, to, deadline)
    else:
        expected = leg(path, "exactOut", fixed, value, to, deadline)
    return data, value, expected, None


def router_vectors(rng, entry, functions, camelot):
    router = ENTRIES[entry]["router"]
    out = []
    for name, spec in functions.items():
        for _ in range(PER_FUNCTION):
            data, value, expected, error = v2_style_router_call(rng, name, spec, camelot)
            out.append(vector(entry, router, data, value, swap(name, [expected]) if expected else None, error))
        # The router refuses these paths: fewer than two tokens, or an ETH end that is not WETH.
        short = v2_style_router_call(rng, name, spec, camelot, path=rng.choice(([], [address(rng)])))
        out.append(vector(entry, router, short[0], short[1], error="invalidValue", note="path of fewer than two tokens"))
        if spec[2]:
            path = token_path(rng, None)
            while WETH in (path[0], path[-1]):
                path = token_path(rng, None)
            wrong = v2_style_router_call(rng, name, spec, camelot, path=path)
            out.append(vector(entry, router, wrong[0], wrong[1], error="invalidValue", note=f"{spec[2]} end of an ETH path is not WETH"))
    return out


def pair_vectors(rng, entry, pools, camelot):
    out = []
    variants = [("uint256,uint256,address,bytes", False)] + ([("uint256,uint256,address,bytes,address", True)] if camelot else [])
    for types, referrer in variants:
        for i in range(PER_FUNCTION):
            pair = rng.choice(pools)
            out0, out1 = amount(rng), amount(rng)
            if i % 8 == 0:
                out0 = 0
            elif i % 8 == 1:
                out1 = 0
            elif i % 8 == 2:
                out0 = out1 = 0
            to, payload = address(rng), rng.randbytes(rng.choice((0, 0, 1, 32, 33, rng.randint(0, 100))))
            args = [out0, out1, checksum(to), payload] + ([checksum(address(rng))] if referrer else [])
            legs = []
            if out0:
                legs.append(pool_leg(pair, False, "exactOut", out0, to))
            if out1:
                legs.append(pool_leg(pair, True, "exactOut", out1, to))
            out.append(vector(entry, pair, call("swap", types, args), 0, swap("swap", legs)))
    return out


# ---- Algebra SwapRouter, multicall, pool ----------------------------------------------------

def algebra_path_bytes(path):
    return b"".join(bytes.fromhex(a[2:]) for a in path)


def algebra_router_call(rng, name):
    """(calldata, expected leg) of one random Algebra router swap call."""
    recipient, deadline, fixed, limit = address(rng), amount(rng), amount(rng), amount(rng)
    if name in ("exactInputSingle", "exactInputSingleSupportingFeeOnTransferTokens", "exactOutputSingle"):
        token_in, token_out = address(rng), address(rng)
        limit_price = random_int(rng, 0, 2**160 - 1)
        if name == "exactOutputSingle":
            params = (checksum(token_in), checksum(token_out), random_int(rng, 0, 2**24 - 1), checksum(recipient),
                      deadline, fixed, limit, limit_price)
            expected = leg([token_in, token_out], "exactOut", fixed, limit, recipient, deadline)
        else:
            params = (checksum(token_in), checksum(token_out), checksum(recipient), deadline, fixed, limit, limit_price)
            expected = leg([token_in, token_out], "exactIn", fixed, limit, recipient, deadline)
        expected["hops"] = [with_price_limit(expected["hops"][0], limit_price)]
        return call(name, ALGEBRA_ROUTER[name], [params]), expected
    path = token_path(rng, None)
    params = (algebra_path_bytes(path), checksum(recipient), deadline, fixed, limit)
    if name == "exactInput":
        expected = leg(path, "exactIn", fixed, limit, recipient, deadline)
    else:
        expected = leg(list(reversed(path)), "exactOut", fixed, limit, recipient, deadline)
    return call(name, MULTI, [params]), expected


def algebra_other_call(rng):
    name = rng.choice(sorted(ALGEBRA_OTHER))
    types = ALGEBRA_OTHER[name]
    values = {"uint256": lambda: amount(rng), "address": lambda: checksum(address(rng)),
              "uint8": lambda: rng.randrange(256), "bytes32": lambda: rng.randbytes(32)}
    return call(name, types, [values[t]() for t in split_types(types)])


def multicall(rng, depth):
    """(calldata, expected legs) of a random multicall nested at most `depth` levels."""
    items, legs = [], []
    for _ in range(rng.randint(0, 4)):
        pick = rng.random()
        if pick < 0.55:
            data, expected = algebra_router_call(rng, rng.choice(sorted(ALGEBRA_ROUTER)))
            items.append(data)
            legs.append(expected)
        elif pick < 0.7 and depth > 1:
            data, inner = multicall(rng, depth - 1)
            items.append(data)
            legs.extend(inner)
        elif pick < 0.85:
            items.append(algebra_other_call(rng))
        else:
            items.append(rng.randbytes(rng.choice((0, 3, 4, 36))))  # unknown or too short: skipped
    return call("multicall", "bytes[]", [items]), legs


def algebra_router_vectors(rng):
    router = ENTRIES["camelot-v3"]["router"]
    out = []
    for name in ALGEBRA_ROUTER:
        for _ in range(PER_FUNCTION):
            data, expected = algebra_router_call(rng, name)
            out.append(vector("camelot-v3", router, data, amount(rng) if rng.random() < 0.3 else 0, swap(name, [expected])))
    for _ in range(PER_FUNCTION * 2):
        data, legs = multicall(rng, MAX_MULTICALL_DEPTH)
        out.append(vector("camelot-v3", router, data, 0, swap("multicall", legs)))
    for name in ("exactInput", "exactOutput"):
        for length in (0, 20, 39, 41, 45, 59, 61):
            params = (rng.randbytes(length), checksum(address(rng)), amount(rng), amount(rng), amount(rng))
            out.append(vector("camelot-v3", router, call(name, MULTI, [params]), 0, error="wrongLength",
                              note=f"path of {length} bytes"))
    return out


def algebra_pool_vectors(rng, pools):
    out = []
    for name, types in (("swap", "address,bool,int256,uint160,bytes"),
                        ("swapSupportingFeeOnInputTokens", "address,address,bool,int256,uint160,bytes")):
        for i in range(PER_FUNCTION):
            pool = rng.choice(pools)
            recipient, zero_for_one = address(rng), rng.random() < 0.5
            required = 0 if i % 10 == 0 else random_int(rng, -(2**255), 2**255 - 1)
            price_limit = random_int(rng, 0, 2**160 - 1)
            args = [checksum(recipient), zero_for_one, required, price_limit, rng.randbytes(rng.randint(0, 70))]
            if name != "swap":
                args.insert(0, checksum(address(rng)))
            if required > 0:
                legs = [pool_leg(pool, zero_for_one, "exactIn", required, recipient, price_limit)]
            elif required < 0 and name == "swap":
                legs = [pool_leg(pool, zero_for_one, "exactOut", -required, recipient, price_limit)]
            else:
                legs = []
            out.append(vector("camelot-v3", pool, call(name, types, args), 0, swap(name, legs)))
    return out


# ---- Calls that are not swaps ---------------------------------------------------------------

def not_swaps(rng, entry, pools, swap_call):
    """Unknown selectors, too-short calldata, router calls sent to a pool and the reverse."""
    router = ENTRIES[entry]["router"]
    others = V2_OTHER if ENTRIES[entry]["poolKind"] == "pair" else ALGEBRA_OTHER
    out = []
    for name, types in others.items():
        values = {"uint256": lambda: amount(rng), "address": lambda: checksum(address(rng)), "address[]": lambda: [checksum(address(rng))],
                  "uint8": lambda: rng.randrange(256), "bytes32": lambda: rng.randbytes(32)}
        out.append(vector(entry, router, call(name, types, [values[t]() for t in split_types(types)]), 0, None))
    for length in (0, 1, 3):
        out.append(vector(entry, router, rng.randbytes(length), 0, None))
    out.append(vector(entry, router, bytes.fromhex("deadbeef") + rng.randbytes(64), 0, None))
    router_swap, pool_swap = swap_call(rng)
    out.append(vector(entry, rng.choice(pools), router_swap, 0, None, note="router function sent to a pool"))
    out.append(vector(entry, router, pool_swap, 0, None, note="pool function sent to the router"))
    out.append(vector(entry, "0x" + rng.randbytes(20).hex(), router_swap, 0, None, note="address not in the entry"))
    return out


# ---- Malformed calls ------------------------------------------------------------------------

def rejected(types, encoded):
    try:
        decode(split_types(types), encoded)
    except (DecodingError, ValueError, OverflowError):
        return True
    return False


def word_at(data, offset):
    return int.from_bytes(data[offset:offset + WORD], "big")


def with_word(data, offset, value):
    return data[:offset] + value.to_bytes(WORD, "big") + data[offset + WORD:]


def dynamic_offsets(data, types):
    """Absolute positions of the offset words of the top-level dynamic arguments."""
    return [4 + i * WORD for i, t in enumerate(split_types(types)) if t.endswith("[]") or t == "bytes" or t == MULTI]


def malformed_samples(rng):
    """(entry, to, types, calldata, field positions) of valid calls to corrupt."""
    samples = []
    for entry, functions, camelot in (("uniswap-v2", V2_ROUTER, False), ("sushiswap-v2", V2_ROUTER, False),
                                      ("camelot-v2", CAMELOT_ROUTER, True)):
        name = rng.choice(sorted(functions))
        data, value, expected, _ = v2_style_router_call(rng, name, functions[name], camelot, path=token_path(rng, functions[name][2]))
        samples.append((entry, ENTRIES[entry]["router"], functions[name][0], data, value, expected))
    name = rng.choice(sorted(ALGEBRA_ROUTER))
    data, expected = algebra_router_call(rng, name)
    samples.append(("camelot-v3", ENTRIES["camelot-v3"]["router"], ALGEBRA_ROUTER[name], data, 0, expected))
    return samples


def address_words(data, expected):
    """Positions of words that hold exactly one address named in the expected leg."""
    names = {expected["recipient"]} | {h["tokenIn"] for h in expected["hops"]} | {h["tokenOut"] for h in expected["hops"]}
    positions = []
    for a in sorted(names - {"0x" + "00" * 20}):  # sorted: a set's order changes with PYTHONHASHSEED
        word = bytes(12) + bytes.fromhex(a[2:])
        found = [i for i in range(4, len(data) - WORD + 1, WORD) if data[i:i + WORD] == word]
        positions += found
    return positions


def malformed(rng, pools_by_entry):
    out = []
    for kind in ("truncated", "offsetPastEnd", "lengthPastEnd", "dirtyAddress"):
        made = 0
        while made < INVALID_PER_KIND:
            entry, to, types, data, value, expected = rng.choice(malformed_samples(rng))
            args = data[4:]
            offset = None
            if kind == "truncated":
                cut = rng.randint(WORD, len(args))
                bad = data[:len(data) - cut]
            elif kind == "offsetPastEnd":
                heads = dynamic_offsets(data, types) or [4]
                if types in (SINGLE_IN, SINGLE_OUT):
                    continue
                at = rng.choice(heads)
                bad = with_word(data, at, len(args) + WORD * rng.randint(0, 4) + rng.choice((0, 1, 31)))
            elif kind == "lengthPastEnd":
                heads = dynamic_offsets(data, types)
                if not heads:
                    continue
                at = rng.choice(heads)
                start = 4 + word_at(data, at)
                if types == MULTI:  # the path's length word, inside the params tuple
                    start = start + word_at(data, start)
                room = len(data) - start - WORD
                bad = with_word(data, start, room + rng.randint(1, 64) if "[]" not in types else room // WORD + rng.randint(1, 4))
            else:
                positions = address_words(data, expected)
                if not positions:
                    continue
                offset = rng.choice(positions)
                bad = with_word(data, offset, rng.randrange(1, 2**96) << 160 | word_at(data, offset))
            if not rejected(types, bad[4:]):
                continue
            item = vector(entry, to, bad, value, error="invalidValue" if kind == "dirtyAddress" else "truncated", note=kind)
            if offset is not None:
                item["offset"] = offset
            out.append(item)
            made += 1
    out += out_of_range_values(rng, pools_by_entry)
    out += nested_malformed(rng)
    return out


def out_of_range_values(rng, pools_by_entry):
    """bool of 2+, uint160 limitSqrtPrice and uint24 fee too wide: eth-abi and the decoders refuse them."""
    out = []
    for _ in range(INVALID_PER_KIND):
        pool = rng.choice(pools_by_entry["camelot-v3"])
        name, types, bool_at, limit_at = rng.choice((("swap", "address,bool,int256,uint160,bytes", 1, 3),
                                                     ("swapSupportingFeeOnInputTokens", "address,address,bool,int256,uint160,bytes", 2, 4)))
        args = [checksum(address(rng)) for _ in range(bool_at)] + [True, random_int(rng, 1, 2**255 - 1), 0, b""]
        data = call(name, types, args)
        at, value = rng.choice(((4 + bool_at * WORD, rng.choice((2, 256, UINT256_MAX))),
                                (4 + limit_at * WORD, rng.randrange(2**160, 2**256))))
        bad = with_word(data, at, value)
        assert rejected(types, bad[4:])
        out.append(vector("camelot-v3", pool, bad, 0, error="invalidValue", note="bool or uint160 out of range") | {"offset": at})
    for _ in range(INVALID_PER_KIND):
        name = rng.choice(("exactOutputSingle", "exactInputSingle"))
        data, _ = algebra_router_call(rng, name)
        at, value = ((4 + 2 * WORD, rng.randrange(2**24, 2**256)) if name == "exactOutputSingle" and rng.random() < 0.5
                     else (4 + (7 if name == "exactOutputSingle" else 6) * WORD, rng.randrange(2**160, 2**256)))
        bad = with_word(data, at, value)
        assert rejected(ALGEBRA_ROUTER[name], bad[4:])
        out.append(vector("camelot-v3", ENTRIES["camelot-v3"]["router"], bad, 0, error="invalidValue",
                          note="uint24 fee or uint160 limit out of range") | {"offset": at})
    return out


def nested_malformed(rng):
    """A swap inside a multicall with a dirty address: the error offset is in the outer calldata."""
    out = []
    router = ENTRIES["camelot-v3"]["router"]
    made = 0
    while made < INVALID_PER_KIND:
        inner, expected = algebra_router_call(rng, rng.choice(sorted(ALGEBRA_ROUTER)))
        positions = address_words(inner, expected)
        if not positions:
            continue
        at = rng.choice(positions)
        bad_inner = with_word(inner, at, rng.randrange(1, 2**96) << 160 | word_at(inner, at))
        before = [algebra_other_call(rng) for _ in range(rng.randint(0, 2))]
        outer = call("multicall", "bytes[]", [before + [bad_inner]])
        start = outer.find(bad_inner)
        assert start > 0 and outer.find(bad_inner, start + 1) < 0
        out.append(vector("camelot-v3", router, outer, 0, error="invalidValue", note="dirty address in a multicall item")
                   | {"offset": start + at})
        made += 1
    return out


def multicall_limits(rng):
    """Nesting past the depth limit, too many inner calls, and offsets aliasing one element."""
    router = ENTRIES["camelot-v3"]["router"]
    out = []
    for extra in range(1, 4):
        data, _ = algebra_router_call(rng, "exactInputSingle")
        for _ in range(MAX_MULTICALL_DEPTH + extra):
            data = call("multicall", "bytes[]", [[data]])
        out.append(vector("camelot-v3", router, data, 0, error="tooDeep", note=f"{MAX_MULTICALL_DEPTH + extra} nested multicalls"))
    data, expected = algebra_router_call(rng, "exactInputSingle")
    for _ in range(MAX_MULTICALL_DEPTH):
        data = call("multicall", "bytes[]", [[data]])
    out.append(vector("camelot-v3", router, data, 0, swap("multicall", [expected]),
                      note=f"{MAX_MULTICALL_DEPTH} nested multicalls: at the limit"))
    inner, expected = algebra_router_call(rng, "exactInputSingle")
    wide = call("multicall", "bytes[]", [[inner] * MAX_MULTICALL_CALLS])
    out.append(vector("camelot-v3", router, wide, 0, swap("multicall", [expected] * MAX_MULTICALL_CALLS),
                      note=f"{MAX_MULTICALL_CALLS} inner calls: at the limit"))
    out.append(vector("camelot-v3", router, call("multicall", "bytes[]", [[inner] * (MAX_MULTICALL_CALLS + 1)]), 0,
                      error="tooLarge", note=f"{MAX_MULTICALL_CALLS + 1} inner calls"))
    out.append(vector("camelot-v3", router, aliased_bomb(inner, fan_out=1000, depth=MAX_MULTICALL_DEPTH), 0, error="tooLarge",
                      note="1000 offsets per level all pointing at one element, 3 levels: 10^9 calls if unrolled naively"))
    return out


def aliased_bomb(leaf, fan_out, depth):
    """multicall(bytes[]) whose `fan_out` offsets all point at the same element, nested `depth` times."""
    body = leaf
    for _ in range(depth):
        selector = function_signature_to_4byte_selector("multicall(bytes[])")
        head = WORD.to_bytes(WORD, "big")
        element_offset = fan_out * WORD
        offsets = b"".join(element_offset.to_bytes(WORD, "big") for _ in range(fan_out))
        padded = body + bytes(-len(body) % WORD)
        element = len(body).to_bytes(WORD, "big") + padded
        body = selector + head + fan_out.to_bytes(WORD, "big") + offsets + element
    return body


# ---- CREATE2 pool addresses -----------------------------------------------------------------

def create2(deployer, salt, init_code_hash):
    return "0x" + keccak(b"\xff" + bytes.fromhex(deployer[2:]) + salt + bytes.fromhex(init_code_hash[2:]))[12:].hex()


def pool_address(entry, a, b):
    if a == b or "0x" + "00" * 20 in (a, b):
        return None
    t0, t1 = sorted((a, b))
    factory = next(f for f in ENTRIES[entry]["factories"] if f["initCodeHash"])
    raw0, raw1 = bytes.fromhex(t0[2:]), bytes.fromhex(t1[2:])
    salt = keccak(bytes(12) + raw0 + bytes(12) + raw1) if ENTRIES[entry]["plugin"] == "camelot-v3" else keccak(raw0 + raw1)
    return create2(factory["address"], salt, factory["initCodeHash"])


def pool_address_vectors(rng):
    out = []
    for entry in ENTRIES:
        for i in range(PER_FUNCTION):
            a, b = address(rng), address(rng)
            if i == 0:
                b = a
            out.append({"entry": entry, "tokenA": a, "tokenB": b, "expected": pool_address(entry, a, b)})
    return out


# ---- Assembly -------------------------------------------------------------------------------

def v2_swap_pair(rng):
    name = rng.choice(sorted(V2_ROUTER))
    return (v2_style_router_call(rng, name, V2_ROUTER[name], False, path=token_path(rng, V2_ROUTER[name][2]))[0],
            call("swap", "uint256,uint256,address,bytes", [1, 0, checksum(address(rng)), b""]))


def camelot_swap_pair(rng):
    name = rng.choice(sorted(CAMELOT_ROUTER))
    return (v2_style_router_call(rng, name, CAMELOT_ROUTER[name], True, path=token_path(rng, CAMELOT_ROUTER[name][2]))[0],
            call("swap", "uint256,uint256,address,bytes,address", [1, 0, checksum(address(rng)), b"", checksum(address(rng))]))


def algebra_swap_pair(rng):
    return (algebra_router_call(rng, "exactInput")[0],
            call("swap", "address,bool,int256,uint160,bytes", [checksum(address(rng)), True, 5, 0, b""]))


def entries(pools_by_entry):
    return [{"name": name, "plugin": e["plugin"],
             "routers": [{"name": "router", "address": e["router"], "kind": e["routerKind"]}],
             "factories": e["factories"], "pools": pools_by_entry[name], "poolKind": e["poolKind"]}
            for name, e in ENTRIES.items()]


def vectors(rng):
    """The document's body for the random generator `rng`."""
    pools_by_entry = {name: ["0x" + rng.randbytes(20).hex() for _ in range(3)] for name in ENTRIES}
    calls = []
    calls += router_vectors(rng, "uniswap-v2", V2_ROUTER, camelot=False)
    calls += router_vectors(rng, "sushiswap-v2", V2_ROUTER, camelot=False)
    calls += router_vectors(rng, "camelot-v2", CAMELOT_ROUTER, camelot=True)
    calls += pair_vectors(rng, "uniswap-v2", pools_by_entry["uniswap-v2"], camelot=False)
    calls += pair_vectors(rng, "camelot-v2", pools_by_entry["camelot-v2"], camelot=True)
    calls += algebra_router_vectors(rng)
    calls += algebra_pool_vectors(rng, pools_by_entry["camelot-v3"])
    calls += not_swaps(rng, "uniswap-v2", pools_by_entry["uniswap-v2"], v2_swap_pair)
    calls += not_swaps(rng, "camelot-v2", pools_by_entry["camelot-v2"], camelot_swap_pair)
    calls += not_swaps(rng, "camelot-v3", pools_by_entry["camelot-v3"], algebra_swap_pair)
    limits = multicall_limits(rng)
    calls += [v for v in limits if "error" not in v]
    return {
        "about": __doc__.strip().splitlines()[0],
        "weth": WETH,
        "limits": {"maxMulticallDepth": MAX_MULTICALL_DEPTH, "maxMulticallCalls": MAX_MULTICALL_CALLS},
        "entries": entries(pools_by_entry),
        "vectors": calls,
        "malformed": malformed(rng, pools_by_entry) + [v for v in limits if "error" in v],
        "poolAddresses": pool_address_vectors(rng),
    }


def build(seed):
    """The body for a seed, as generate.py's MODULES loop takes it (it adds peer and seed)."""
    return vectors(random.Random(seed))


