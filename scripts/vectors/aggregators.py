"""Aggregator call vectors: aggregators.json.

Peer: eth-abi encodes every call from the aggregators' public ABIs (ParaSwap
Augustus V6.2 `swapExactAmountInOnCurveV1/V2` and `swapExactAmountIn`, Augustus
V5 `multiSwap`, 1inch V5/V6 `swap`, OpenOcean `swap`, KyberSwap
MetaAggregationRouterV2 `swap`, MetaMask Swaps `swap`) from random arguments.

Expectations follow the contracts' sources, written out here independently of
the Swift decoders (docs/adr/0010):
- Augustus V6.2 Curve V1: the pool is the low 160 bits of `curveData`, the coin
  indexes the high (i) and low (j) 128 bits of `curveAssets`; Curve V2: `i`, `j`
  and the pool in `curveData`. A swap type (bits 163-164 of `curveData`) other
  than 0 (plain `exchange`) swaps underlying coins: an unknown route. The leg's
  limit is `toAmount`, its recipient `beneficiary`.
- Every executor-routed function is an unknown route with the description's
  token in, token out, amount and minimum (MetaMask names no token out or
  minimum; multiSwap's token out is the last path element's `to`).
- Wrappers: CoW `settle` hands every interaction (pre, intra, post, in order)
  and Augustus V5 `simpleSwap`/`simpleBuy` every callee with its slice
  `exchangeData[startIndexes[k]:startIndexes[k+1]]` to the host; when none is a
  swap, `settle` is one unknown route per trade (tokens by index) and
  `simpleSwap` one with its pair and amounts (`simpleBuy`: no amount in).
- Malformed: the head cut short is a decoding error, never a trap.
"""

import random

from eth_abi import encode
from eth_hash.auto import keccak

FILE = "aggregators.json"
PEERS = ("eth-abi",)
PER_FUNCTION = 40
MALFORMED_PER_FUNCTION = 10

AUGUSTUS_V6 = "0x6a000f20005980200259b80c5102003040001068"
AUGUSTUS_V5 = "0xdef171fe48cf0115b1d80b88dc8eab59176fee57"
ONEINCH_V6 = "0x111111125421ca6dc452d289314280a0f8842a65"
OPENOCEAN = "0x6352a56caadc4f1e25cd6c75970fa768a3304e64"
KYBER = "0x6131b5fae19ea4f9d964eac0408e4408b66337b5"
METAMASK = "0x9dda6ef3d919c9bc8885d5560999a3640431e8e6"
COW = "0x9008d19f58aabd9ed0d60971565aa8510560ab41"

ENTRIES = [
    {"name": "paraswap", "plugin": "paraswap", "routers": [
        {"name": "v5", "address": AUGUSTUS_V5, "kind": "augustus-v5"},
        {"name": "v6.2", "address": AUGUSTUS_V6, "kind": "augustus-v6.2"}]},
    {"name": "1inch", "plugin": "1inch", "routers": [{"name": "v6", "address": ONEINCH_V6, "kind": "aggregation-router-v6"}]},
    {"name": "openocean", "plugin": "openocean", "routers": [{"name": "exchange", "address": OPENOCEAN, "kind": "exchange"}]},
    {"name": "kyberswap", "plugin": "kyberswap", "routers": [{"name": "router", "address": KYBER, "kind": "meta-aggregation-router-v2"}]},
    {"name": "cow", "plugin": "cow", "routers": [{"name": "settlement", "address": COW, "kind": "settlement"}]},
    {"name": "metamask", "plugin": "metamask", "routers": [{"name": "router", "address": METAMASK, "kind": "swaps-router"}]},
]


def selector(signature):
    return keccak(signature.encode())[:4]


def address(rng):
    return "0x" + rng.randbytes(20).hex()


def amount(rng):
    return rng.choice([0, 1, rng.getrandbits(64), rng.getrandbits(128), rng.getrandbits(256)])


def unknown(aggregator, token_in, token_out, amount_in, min_out):
    return {"aggregator": aggregator, "tokenIn": token_in, "tokenOut": token_out,
            "amountIn": None if amount_in is None else str(amount_in),
            "amountOutMin": None if min_out is None else str(min_out)}


def curve_v1(rng):
    pool, i, j = address(rng), rng.randrange(8), rng.randrange(8)
    swap_type = rng.choice([0, 0, 0, 1])
    curve_data = int(pool, 16) | (rng.getrandbits(1) << 160) | (rng.getrandbits(2) << 161) | (swap_type << 163)
    src, dst, amt, least, beneficiary = address(rng), address(rng), amount(rng), amount(rng), address(rng)
    data = (curve_data, (i << 128) | j, src, dst, amt, least, amount(rng), rng.randbytes(32), beneficiary)
    signature = "swapExactAmountInOnCurveV1((uint256,uint256,address,address,uint256,uint256,uint256,bytes32,address),uint256,bytes)"
    calldata = selector(signature) + encode(["(uint256,uint256,address,address,uint256,uint256,uint256,bytes32,address)", "uint256", "bytes"],
                                            [data, amount(rng), rng.randbytes(rng.randrange(3) * 32)])
    return calldata, curve_expectation("swapExactAmountInOnCurveV1", swap_type, pool, i, j, src, dst, amt, least, beneficiary)


def curve_v2(rng):
    pool, i, j = address(rng), rng.randrange(8), rng.randrange(8)
    swap_type = rng.choice([0, 0, 0, 1, 2])
    curve_data = int(pool, 16) | (rng.getrandbits(1) << 160) | (swap_type << 163)
    src, dst, amt, least, beneficiary = address(rng), address(rng), amount(rng), amount(rng), address(rng)
    data = (curve_data, i, j, address(rng), src, dst, amt, least, amount(rng), rng.randbytes(32), beneficiary)
    types = "(uint256,uint256,uint256,address,address,address,uint256,uint256,uint256,bytes32,address)"
    calldata = selector(f"swapExactAmountInOnCurveV2({types},uint256,bytes)") + encode([types, "uint256", "bytes"], [data, amount(rng), b""])
    return calldata, curve_expectation("swapExactAmountInOnCurveV2", swap_type, pool, i, j, src, dst, amt, least, beneficiary)


def curve_expectation(function, swap_type, pool, i, j, src, dst, amt, least, beneficiary):
    if swap_type != 0:
        return {"function": function, "legs": [], "unknownRoutes": [unknown("paraswap", src, dst, amt, least)]}
    hop = {"tokenIn": src, "tokenOut": dst, "pool": pool, "i": i, "j": j}
    leg = {"hops": [hop], "amountIn": str(amt), "limit": str(least), "recipient": beneficiary}
    return {"function": function, "legs": [leg], "unknownRoutes": []}


def paraswap_generic(rng):
    types = "(address,address,uint256,uint256,uint256,bytes32,address)"
    src, dst, amt, least = address(rng), address(rng), amount(rng), amount(rng)
    calldata = selector(f"swapExactAmountIn(address,{types},uint256,bytes,bytes)") + encode(
        ["address", types, "uint256", "bytes", "bytes"],
        [address(rng), (src, dst, amt, least, amount(rng), rng.randbytes(32), address(rng)), amount(rng), b"", rng.randbytes(rng.randrange(200))])
    return calldata, {"function": "swapExactAmountIn", "legs": [], "unknownRoutes": [unknown("paraswap", src, dst, amt, least)]}


def paraswap_multi(rng):
    route = "(uint256,address,uint256,bytes,uint256)"
    adapter = f"(address,uint256,uint256,{route}[])"
    path = f"(address,uint256,{adapter}[])"
    sell = f"(address,uint256,uint256,uint256,address,{path}[],address,uint256,bytes,uint256,bytes16)"
    src, amt, least = address(rng), amount(rng), amount(rng)
    paths = [(address(rng), amount(rng), [(address(rng), 10000, 0, [(0, address(rng), 10000, rng.randbytes(rng.randrange(100)), 0)])])
             for _ in range(rng.randrange(1, 4))]
    data = (src, amt, least, amount(rng), address(rng), paths, address(rng), amount(rng), b"", amount(rng), rng.randbytes(16))
    calldata = selector(f"multiSwap({sell})") + encode([sell], [data])
    return calldata, {"function": "multiSwap", "legs": [], "unknownRoutes": [unknown("paraswap", src, paths[-1][0], amt, least)]}


def oneinch(rng):
    desc = "(address,address,address,address,uint256,uint256,uint256)"
    src, dst, amt, least = address(rng), address(rng), amount(rng), amount(rng)
    calldata = selector(f"swap(address,{desc},bytes)") + encode(
        ["address", desc, "bytes"], [address(rng), (src, dst, address(rng), address(rng), amt, least, amount(rng)), rng.randbytes(rng.randrange(300))])
    return calldata, {"function": "swap", "legs": [], "unknownRoutes": [unknown("1inch", src, dst, amt, least)]}


def openocean(rng):
    desc = "(address,address,address,address,uint256,uint256,uint256,uint256,address,bytes)"
    calls = "(uint256,uint256,uint256,bytes)[]"
    src, dst, amt, least = address(rng), address(rng), amount(rng), amount(rng)
    calldata = selector(f"swap(address,{desc},{calls})") + encode(
        ["address", desc, calls],
        [address(rng), (src, dst, address(rng), address(rng), amt, least, amount(rng), amount(rng), address(rng), b""),
         [(rng.getrandbits(160), 0, 0, rng.randbytes(rng.randrange(100))) for _ in range(rng.randrange(4))]])
    return calldata, {"function": "swap", "legs": [], "unknownRoutes": [unknown("openocean", src, dst, amt, least)]}


def kyber(rng):
    desc = "(address,address,address[],uint256[],address[],uint256[],address,uint256,uint256,uint256,bytes)"
    params = f"(address,address,bytes,{desc},bytes)"
    src, dst, amt, least = address(rng), address(rng), amount(rng), amount(rng)
    n = rng.randrange(3)
    data = (address(rng), address(rng), rng.randbytes(rng.randrange(300)),
            (src, dst, [address(rng) for _ in range(n)], [amount(rng) for _ in range(n)], [], [], address(rng), amt, least, amount(rng), b""),
            rng.randbytes(rng.randrange(50)))
    calldata = selector(f"swap({params})") + encode([params], [data])
    return calldata, {"function": "swap", "legs": [], "unknownRoutes": [unknown("kyberswap", src, dst, amt, least)]}


def metamask(rng):
    src, amt = address(rng), amount(rng)
    calldata = selector("swap(string,address,uint256,bytes)") + encode(
        ["string", "address", "uint256", "bytes"], [rng.choice(["oneInchV5FeeDynamic", "paraswapV5", "zeroEx"]), src, amt, rng.randbytes(rng.randrange(300))])
    return calldata, {"function": "swap", "legs": [], "unknownRoutes": [unknown("metamask", src, None, amt, None)]}


def cow_settle(rng):
    tokens = [address(rng) for _ in range(rng.randrange(2, 5))]
    trade = "(uint256,uint256,address,uint256,uint256,uint32,bytes32,uint256,uint256,uint256,bytes)"
    interaction = "(address,uint256,bytes)"
    trades, routes = [], []
    for _ in range(rng.randrange(1, 4)):
        sell, buy = rng.randrange(len(tokens)), rng.randrange(len(tokens))
        sell_amount, buy_amount = amount(rng), amount(rng)
        trades.append((sell, buy, address(rng), sell_amount, buy_amount, rng.getrandbits(32), rng.randbytes(32), amount(rng), 0, 0, rng.randbytes(65)))
        routes.append(unknown("cow", tokens[sell], tokens[buy], sell_amount, buy_amount))
    groups = [[(address(rng), amount(rng), rng.randbytes(rng.randrange(0, 120))) for _ in range(rng.randrange(3))] for _ in range(3)]
    calldata = selector(f"settle(address[],uint256[],{trade}[],{interaction}[][3])") + encode(
        ["address[]", "uint256[]", f"{trade}[]", f"{interaction}[][3]"], [tokens, [amount(rng) for _ in tokens], trades, groups])
    inner = [{"to": to, "data": "0x" + data.hex(), "value": str(value)} for group in groups for (to, value, data) in group]
    return calldata, inner, {"function": "settle", "legs": [], "unknownRoutes": routes}


def paraswap_simple(rng):
    name = rng.choice(["simpleSwap", "simpleBuy"])
    simple = "(address,address,uint256,uint256,uint256,address[],bytes,uint256[],uint256[],address,address,uint256,bytes,uint256,bytes16)"
    callees = [address(rng) for _ in range(rng.randrange(1, 4))]
    pieces = [rng.randbytes(rng.randrange(0, 100)) for _ in callees]
    starts = [0]
    for piece in pieces:
        starts.append(starts[-1] + len(piece))
    values = [amount(rng) for _ in callees]
    src, dst, amt, least = address(rng), address(rng), amount(rng), amount(rng)
    data = (src, dst, amt, least, amount(rng), callees, b"".join(pieces), starts, values, address(rng), address(rng), amount(rng), b"",
            amount(rng), rng.randbytes(16))
    calldata = selector(f"{name}({simple})") + encode([simple], [data])
    inner = [{"to": to, "data": "0x" + piece.hex(), "value": str(value)} for to, piece, value in zip(callees, pieces, values)]
    route = unknown("paraswap", src, dst, amt if name == "simpleSwap" else None, least)
    return calldata, inner, {"function": name, "legs": [], "unknownRoutes": [route]}


WRAPPERS = [("cow", COW, cow_settle), ("paraswap", AUGUSTUS_V5, paraswap_simple)]

FUNCTIONS = [
    ("paraswap", AUGUSTUS_V6, curve_v1), ("paraswap", AUGUSTUS_V6, curve_v2), ("paraswap", AUGUSTUS_V6, paraswap_generic),
    ("paraswap", AUGUSTUS_V5, paraswap_multi), ("1inch", ONEINCH_V6, oneinch), ("openocean", OPENOCEAN, openocean),
    ("kyberswap", KYBER, kyber), ("metamask", METAMASK, metamask),
]


def build(seed):
    rng = random.Random(seed ^ 0xA66)
    vectors, malformed = [], []
    for dex, to, make in FUNCTIONS:
        for _ in range(PER_FUNCTION):
            calldata, expected = make(rng)
            vectors.append({"kind": make.__name__, "dex": dex, "to": to, "data": "0x" + calldata.hex(), "value": "0", "expected": expected})
        for _ in range(MALFORMED_PER_FUNCTION):
            calldata, _ = make(rng)
            # Cut inside the head (or the first word a decoder reads): every decoder must refuse it.
            cut = 4 + rng.randrange(0, 32 * 3)
            malformed.append({"kind": make.__name__, "dex": dex, "to": to, "data": "0x" + calldata[:cut].hex(), "value": "0"})
    wrappers = []
    for dex, to, make in WRAPPERS:
        for _ in range(PER_FUNCTION):
            calldata, inner, expected = make(rng)
            wrappers.append({"kind": make.__name__, "dex": dex, "to": to, "data": "0x" + calldata.hex(), "value": "0",
                             "innerCalls": inner, "expected": expected})
    return {"entries": ENTRIES, "vectors": vectors, "malformed": malformed, "wrappers": wrappers}
