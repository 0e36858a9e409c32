"""Aggregator call vectors: aggregators.json.

Peer: eth-abi encodes every call from the aggregators' public ABIs (ParaSwap
Augustus V6.2 `swapExactAmountInOnCurveV1/V2` and `swapExactAmountIn`, Augustus
V5 `multiSwap`, 1inch V4/V5/V6 `swap` and V5/V6's direct forms (oneinch_direct.py),
OpenOcean `swap`, KyberSwap MetaAggregationRouterV2 `swap`, MetaMask Swaps
`swap`, Odos Router V2 `swap`/`swapPermit2` (odos.py, with its compact form)) from random
arguments; MagpieRouterV3's programs are assembled byte by byte (magpie.py).

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
- LlamaZip (0xngmi/llamazip contracts/LlamaZip.sol; calldata built as LlamaSwap's
  encoder builds it): the word's pair index picks the entry's pool list, the
  direction bit the token in; the amount is the call's value when the token in
  is WETH9 and value is sent, else the written input (significant bits times
  ten to its zeros, modulo 2^256 as Solidity 0.7.6 computes), else (no input
  bits) the sender's balance: an unknown route with the pair. The least output
  is (expected significant bits << zeros) * the slippage id's basis points /
  10000, wrapping. A pair index past the list is an unknown route.
- KyberSwap `swapSimpleMode`: an unknown route with the description's pair and amounts;
  `swapGeneric`: a wrapper, its one call (callTarget, targetData) to the host, the
  description's route when that call swaps nothing (MetaAggregationRouterV2's verified
  source: `_executeSwap` calls `callTarget` with `targetData`).
- KyberSwap `swap`: the L2 executor payload (KyberNetwork/ks-helper-sc
  ExecutorReader, DexScaler, Common) is written here from its fields; one leg per
  sequence, pools by address, the first hop from the executor's token in, the
  last to its token out, amount the first swap's, the description's minimum on
  the last leg. A sequence with another DEX kind or a pool by index, the
  simple-mode flag, or a payload whose token pair is not the description's, is
  an unknown route.
- OpenOcean `swap`: calls to the caller itself (target 0) with its
  `uniswapV3Swap` helper are hops (pool, direction, positive amount, path's
  tokens); transfers, approvals and slippage collection move nothing;
  distribution calls wrap a call whose amount the caller fills in (the hop takes
  the router's balance); its V2-like swap helper leaves the route unread (an
  unknown route). Other targets go to the host.
- Beefy zap `executeOrder` (both forms) and LI.FI (Diamond swap data, bridge
  facets' source swaps, Permit2Proxy forwarding to the Diamond) are wrappers:
  their inner calls, in order, go to the host.
- 0x Exchange Proxy `transformERC20` (0xProject/protocol TransformERC20Feature,
  FillQuoteTransformer, MixinUniswapV3): transformations whose nonce the
  deployer's CREATE maps to the FillQuoteTransformer fill their bridge orders in
  `fillSequence` order, each with what is left of the fill amount (at most its
  taker amount); a Uniswap V3 order (protocol 18) is the router's `exactInput`
  with its path, that amount, recipient and deadline 0 and a least output of 1
  (SwapRouter02's form for router version 2), encoded here by eth-abi and
  handed to the host. Meta-transactions hand their callData to the proxy.
- Rainbow's router (RainbowRouter, BaseAggregator.sol): every `fillQuote` form hands
  `swapCallData` to `target` with the ether it passes on (`fillQuoteEthToToken`: the value
  sent less `feeAmount`; the token forms: the value sent); when that call swaps nothing, an
  unknown route with the pair (ether as the zero address) and the amount sold, no minimum.
- Bombs: OpenOcean helper calls nested past 3 levels, or more than 32 inner
  calls, are `tooDeep` errors.
- Malformed: the head cut short is a decoding error, never a trap.
"""

import random

from eth_abi import encode

import magpie
import odos
import oneinch_direct
from call_values import address, amount, selector

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
LLAMAZIP = "0x973bf562407766e77f885c1cd1a8060e5303c745"
BEEFY = "0xf49f7bb6f4f50d272a0914a671895c4384696e5a"
LIFI_DIAMOND = "0x1231deb6f5749ef6ce6943a275a1d3e7486f4eae"
LIFI_PROXY = "0x89c6340b1a1f4b25d36cd8b063d49045caf3f818"
ZEROX = "0xdef1c0ded9bec7f1a1670819833240f027b25eff"
ZEROX_DEPLOYER = "0x29f80c1f685e19ae1807063eda432f431ac623d0"
ZEROX_FQT_NONCE = 21
WETH = "0x82af49447d8a07e3bd95bd0d56f35241523fbab1"
RAINBOW = "0x00000000009726632680fb29d3f7a9734e3010e2"
ONEINCH_V4 = "0x0c6134abc08a1eafc3e2dc9a5ad023bb08da86c3"  # Firebird's router, a V4 fork


def llamazip_pairs():
    """Eleven pairs of made-up pools and tokens (token0 < token1), most with WETH."""
    rng = random.Random(0x11A4A)
    pairs = []
    for k in range(11):
        a = WETH if k % 3 else "0x" + rng.randbytes(20).hex()
        b = "0x" + rng.randbytes(20).hex()
        token0, token1 = sorted([a, b], key=lambda t: int(t, 16))
        pairs.append(("0x" + rng.randbytes(20).hex(), token0, token1))
    return pairs


LLAMAZIP_PAIRS = llamazip_pairs()

ENTRIES = [
    {"name": "paraswap", "plugin": "paraswap", "routers": [
        {"name": "v5", "address": AUGUSTUS_V5, "kind": "augustus-v5"},
        {"name": "v6.2", "address": AUGUSTUS_V6, "kind": "augustus-v6.2"}]},
    {"name": "1inch", "plugin": "1inch", "routers": [
        {"name": "v4", "address": ONEINCH_V4, "kind": "aggregation-router-v4"},
        {"name": "v5", "address": oneinch_direct.ONEINCH_V5, "kind": "aggregation-router-v5"},
        {"name": "v6", "address": ONEINCH_V6, "kind": "aggregation-router-v6"}]},
    {"name": "openocean", "plugin": "openocean", "routers": [{"name": "exchange", "address": OPENOCEAN, "kind": "exchange"}]},
    {"name": "kyberswap", "plugin": "kyberswap", "routers": [{"name": "router", "address": KYBER, "kind": "meta-aggregation-router-v2"}]},
    {"name": "cow", "plugin": "cow", "routers": [{"name": "settlement", "address": COW, "kind": "settlement"}]},
    {"name": "metamask", "plugin": "metamask", "routers": [{"name": "router", "address": METAMASK, "kind": "swaps-router"}]},
    {"name": "llamazip", "plugin": "llamazip", "wrappedNative": WETH, "routers": [{"name": "zip", "address": LLAMAZIP, "kind": "zip-router"}],
     "pools": [{"name": str(k), "address": pool, "coins": [t0, t1]} for k, (pool, t0, t1) in enumerate(LLAMAZIP_PAIRS)]},
    {"name": "beefy-zap", "plugin": "beefy-zap", "routers": [{"name": "zap", "address": BEEFY, "kind": "zap-router"}]},
    {"name": "0x", "plugin": "0x", "factories": [{"address": ZEROX_DEPLOYER}], "routers": [
        {"name": "proxy", "address": ZEROX, "kind": "exchange-proxy"},
        {"name": "fqt", "address": "0x4a8815c2fc605e3b01aee52aade4d096c4e862c6", "kind": "fill-quote-transformer"}]},
    {"name": "lifi", "plugin": "lifi", "routers": [
        {"name": "diamond", "address": LIFI_DIAMOND, "kind": "diamond"}, {"name": "proxy", "address": LIFI_PROXY, "kind": "permit2-proxy"}]},
    odos.ENTRY,
    magpie.ENTRY,
    {"name": "rainbow", "plugin": "rainbow", "routers": [{"name": "router", "address": RAINBOW, "kind": "router"}]},
]


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


def oneinch_v4(rng):
    """V4's executor swap: the description is a dynamic tuple (it ends in `bytes permit`)."""
    desc = "(address,address,address,address,uint256,uint256,uint256,bytes)"
    src, dst, amt, least = address(rng), address(rng), amount(rng), amount(rng)
    calldata = selector(f"swap(address,{desc},bytes)") + encode(
        ["address", desc, "bytes"],
        [address(rng), (src, dst, address(rng), address(rng), amt, least, amount(rng), rng.randbytes(rng.randrange(100))), rng.randbytes(rng.randrange(300))])
    return calldata, {"function": "swap", "legs": [], "unknownRoutes": [unknown("1inch", src, dst, amt, least)]}


RAINBOW_PERMIT = "(uint256,uint256,uint8,bytes32,bytes32)"


def rainbow(rng):
    """One of RainbowRouter's five fillQuote forms: the inner call to `target` with the ether the
    router passes on (ETH in: the value sent less the fee), else an unknown route with the pair
    (ether as the zero address) and the amount sold."""
    zero = "0x" + "00" * 20
    target, data = address(rng), rng.randbytes(rng.randrange(4, 400))
    permit = (amount(rng), amount(rng), 27, rng.randbytes(32), rng.randbytes(32))
    form = rng.randrange(5)
    value = 0
    if form == 0:
        buy, fee = address(rng), rng.randrange(0, 10**18)
        value = fee + rng.randrange(0, 10**20)
        name, sold, bought, amt, inner_value = "fillQuoteEthToToken", zero, buy, value - fee, value - fee
        calldata = selector(f"{name}(address,address,bytes,uint256)") + encode(["address", "address", "bytes", "uint256"], [buy, target, data, fee])
    elif form in (1, 2):
        sell, amt, bps = address(rng), amount(rng), rng.randrange(0, 10_000)
        name, sold, bought, inner_value = "fillQuoteTokenToEth" + ("WithPermit" if form == 2 else ""), sell, zero, 0
        types = ["address", "address", "bytes", "uint256", "uint256"] + ([RAINBOW_PERMIT] if form == 2 else [])
        args = [sell, target, data, amt, bps] + ([permit] if form == 2 else [])
        calldata = selector(f"{name}({','.join(types)})") + encode(types, args)
    else:
        sell, buy, amt, fee = address(rng), address(rng), amount(rng), amount(rng)
        name, sold, bought, inner_value = "fillQuoteTokenToToken" + ("WithPermit" if form == 4 else ""), sell, buy, 0
        types = ["address", "address", "address", "bytes", "uint256", "uint256"] + ([RAINBOW_PERMIT] if form == 4 else [])
        args = [sell, buy, target, data, amt, fee] + ([permit] if form == 4 else [])
        calldata = selector(f"{name}({','.join(types)})") + encode(types, args)
    expected = {"function": name, "legs": [], "unknownRoutes": [unknown("rainbow", sold, bought, amt, None)]}
    inner = [{"to": target, "data": "0x" + data.hex(), "value": str(inner_value)}]
    return RAINBOW, calldata, inner, expected, [], value


OPENOCEAN_DESC = "(address,address,address,address,uint256,uint256,uint256,uint256,address,bytes)"
CALL = "(uint256,uint256,uint256,bytes)"
OPENOCEAN_SWAP = f"swap(address,{OPENOCEAN_DESC},{CALL}[])"


def openocean_v3_helper(rng, token_in, token_out):
    """A call to the caller's `uniswapV3Swap`, and its hop."""
    pool, zero_for_one, amount_in, recipient = address(rng), bool(rng.getrandbits(1)), rng.getrandbits(rng.choice([64, 128, 255])) | 1, address(rng)
    path = bytes.fromhex(token_in[2:]) + rng.randbytes(3) + bytes.fromhex(token_out[2:]) + rng.randbytes(rng.randrange(4))
    data = selector("uniswapV3Swap(address,bool,int256,address,bytes)") + encode(
        ["address", "bool", "int256", "address", "bytes"], [pool, zero_for_one, amount_in, recipient, path])
    hop = {"tokenIn": token_in, "tokenOut": token_out, "pool": pool, "zeroForOne": zero_for_one}
    return data, {"hops": [hop], "amountIn": str(amount_in), "limit": None, "recipient": recipient}


def openocean_quiet(rng):
    """A helper call that moves no pool: a transfer, an approval, or slippage collection."""
    signature = rng.choice(["safeTransfer(address,address,uint256)", "safeApprove(address,address,uint256)", None])
    head = selector(signature) if signature else bytes.fromhex("8a6a1e85")
    return head + encode(["address", "address", "uint256"], [address(rng), address(rng), amount(rng)])


def openocean(rng):
    """A call list of the caller's V3 helper, quiet helpers, a distribution call around one of
    them, external calls (which the test's host does not know), and sometimes its V2 helper."""
    src, dst, amt, least = address(rng), address(rng), amount(rng), amount(rng)
    calls, legs, unread = [], [], False
    token = src
    for _ in range(rng.randrange(1, 6)):
        shape = rng.choice(["v3", "v3", "quiet", "external", "distribution", "v2"])
        if shape == "v3":
            token_out = address(rng)
            data, leg = openocean_v3_helper(rng, token, token_out)
            token = token_out
            calls.append((0, 0, 0, data))
            legs.append(leg)
        elif shape == "quiet":
            calls.append((0, 0, 0, openocean_quiet(rng)))
        elif shape == "external":
            calls.append((rng.getrandbits(160) | 1, rng.getrandbits(32), amount(rng), rng.randbytes(rng.randrange(100))))
        elif shape == "distribution":
            token_out = address(rng)
            data, leg = openocean_v3_helper(rng, token, token_out)
            token = token_out
            leg = {**leg, "amountIn": None, "amountInRouterBalance": True}
            wrapped = selector(f"singleDistributionCall(address,uint256,{CALL},uint256)") + encode(
                ["address", "uint256", CALL, "uint256"], [address(rng), amount(rng), (0, 0, 0, data), rng.randrange(200)])
            calls.append((0, 0, 0, wrapped))
            legs.append(leg)
        else:
            unread = True
            calls.append((0, 0, 0, selector("uniswapV2Swap(uint256,address,address)") + encode(
                ["uint256", "address", "address"], [rng.getrandbits(256), address(rng), address(rng)])))
    if legs and rng.getrandbits(1):
        dst = legs[-1]["hops"][-1]["tokenOut"]
    calldata = selector(OPENOCEAN_SWAP) + encode(
        ["address", OPENOCEAN_DESC, f"{CALL}[]"],
        [address(rng), (src, dst, address(rng), address(rng), amt, least, amount(rng), amount(rng), address(rng), b""), calls])
    if unread or not legs:
        return calldata, {"function": "swap", "legs": [], "unknownRoutes": [unknown("openocean", src, dst, amt, least)]}
    if legs[-1]["hops"][-1]["tokenOut"] == dst:
        legs[-1] = {**legs[-1], "limit": str(least)}
    return calldata, {"function": "swap", "legs": legs, "unknownRoutes": []}


def openocean_bombs(rng):
    """Helper calls nested four deep through `makeCall` (three levels allowed), and 40 external calls
    (32 allowed): both `tooDeep`."""
    data = openocean_quiet(rng)
    for _ in range(4):
        data = selector(f"makeCall({CALL})") + encode([CALL], [(0, 0, 0, data)])
    deep = [(0, 0, 0, data)]
    wide = [(rng.getrandbits(160) | 1, 0, 0, b"") for _ in range(40)]
    bombs = []
    for calls in (deep, wide):
        desc = (address(rng), address(rng), address(rng), address(rng), 1, 1, 0, 0, address(rng), b"")
        calldata = selector(OPENOCEAN_SWAP) + encode(["address", OPENOCEAN_DESC, f"{CALL}[]"], [address(rng), desc, calls])
        bombs.append({"kind": "openocean", "dex": "openocean", "to": OPENOCEAN, "data": "0x" + calldata.hex(), "value": "0"})
    return bombs


KYBER_DESC = "(address,address,address[],uint256[],address[],uint256[],address,uint256,uint256,uint256,bytes)"
KYBER_SWAP = f"swap((address,address,bytes,{KYBER_DESC},bytes))"


def kyber_hop(rng, first, last, token_out):
    """One swap of the L2 executor payload: its bytes, its DEX index and the expected hop
    (None where the route is unreadable)."""
    kind = rng.choice([0, 10, 21, 0, 10, 21, 9])
    pool = rng.randbytes(20)
    flag = rng.choice([0, 1, 2])
    recipient = bytes([flag]) + (rng.randbytes(20) if flag == 0 else b"")
    amount = rng.getrandbits(128)
    amount_bytes = amount.to_bytes(16, "big") if first else bytes([1])
    by_index = rng.random() < 0.1
    pool_ref = (rng.randrange(1, 1 << 24).to_bytes(3, "big") if by_index else b"\0\0\0" + pool)
    hop_out = None
    if kind == 0:
        data = pool_ref + recipient + amount_bytes + rng.randbytes(12)
    elif kind == 10:
        data = recipient + pool_ref + amount_bytes + bytes([1]) + rng.randbytes(rng.choice([0, 20]))
    elif kind == 21:
        hop_out = "0x" + rng.randbytes(20).hex()
        data = recipient + pool_ref + bytes.fromhex(hop_out[2:]) + amount_bytes + rng.randbytes(32)
    else:
        data = rng.randbytes(rng.randrange(10, 60))
    readable = kind in (0, 10, 21) and not by_index
    hop = {"pool": "0x" + pool.hex(), "tokenOut": token_out if last else hop_out}
    return data, kind, (hop if readable else None), (amount if first else None)


def kyber(rng):
    src, dst, amt, least = address(rng), address(rng), amount(rng), amount(rng)
    # The payload's pair is the description's, but now and then another pair (refused).
    foreign = rng.random() < 0.15
    executor_in, executor_out = (address(rng), address(rng)) if foreign else (src, dst)
    simple = rng.random() < 0.1
    sequences, legs, readable = [], [], True
    payload = b""
    n_sequences = rng.randrange(1, 4)
    payload += bytes([n_sequences])
    for s in range(n_sequences):
        n_hops = rng.randrange(1, 4)
        payload += bytes([n_hops])
        hops, first_amount = [], None
        for h in range(n_hops):
            data, kind, hop, hop_amount = kyber_hop(rng, h == 0, h == n_hops - 1, executor_out)
            payload += len(data).to_bytes(4, "big") + data + bytes([kind])
            if hop is None:
                readable = False
                continue
            hops.append({"tokenIn": executor_in if h == 0 else None, "tokenOut": hop["tokenOut"], "pool": hop["pool"]})
            if h == 0:
                first_amount = hop_amount
        legs.append({"hops": hops, "amountIn": str(first_amount), "limit": str(least) if s == n_sequences - 1 else None, "recipient": None})
    payload += bytes.fromhex(executor_in[2:]) + bytes.fromhex(executor_out[2:]) + rng.randbytes(20) + rng.randbytes(16)
    slippage = rng.randbytes(rng.choice([0, 32]))
    payload += len(slippage).to_bytes(4, "big") + slippage
    flags = (0x20 if simple else 0) | (rng.getrandbits(4) << 8)
    params = (address(rng), address(rng), payload,
              (src, dst, [], [], [], [], address(rng), amt, least, flags, b""), rng.randbytes(rng.randrange(50)))
    calldata = selector(KYBER_SWAP) + encode([KYBER_SWAP[5:-1]], [params])
    if readable and not simple and not foreign:
        return calldata, {"function": "swap", "legs": legs, "unknownRoutes": []}
    return calldata, {"function": "swap", "legs": [], "unknownRoutes": [unknown("kyberswap", src, dst, amt, least)]}


KYBER_SIMPLE = f"swapSimpleMode(address,{KYBER_DESC},bytes,bytes)"
KYBER_GENERIC = "swapGeneric" + KYBER_SWAP[len("swap"):]


def kyber_description(rng):
    src, dst, amt, least = address(rng), address(rng), amount(rng), amount(rng)
    return (src, dst, [address(rng)], [amount(rng)], [], [], address(rng), amt, least, rng.getrandbits(8), b""), unknown("kyberswap", src, dst, amt, least)


def kyber_simple(rng):
    description, route = kyber_description(rng)
    calldata = selector(KYBER_SIMPLE) + encode(["address", KYBER_DESC, "bytes", "bytes"],
                                               [address(rng), description, rng.randbytes(rng.randrange(300)), rng.randbytes(rng.randrange(50))])
    return calldata, {"function": "swapSimpleMode", "legs": [], "unknownRoutes": [route]}


def kyber_generic(rng):
    """`swapGeneric`: one call of targetData to callTarget, through the host; the description's
    route when it swaps nothing the host reads."""
    description, route = kyber_description(rng)
    target, data = address(rng), selector("anything(bytes)") + rng.randbytes(rng.randrange(200))
    params = (target, address(rng), data, description, rng.randbytes(rng.randrange(50)))
    calldata = selector(KYBER_GENERIC) + encode([KYBER_GENERIC[len("swapGeneric("):-1]], [params])
    return KYBER, calldata, [{"to": target, "data": "0x" + data.hex()}], {"function": "swapGeneric", "legs": [], "unknownRoutes": [route]}


def llamazip(rng):
    """A LlamaZip word as LlamaSwap's encoder writes it, and what the contract does with it."""
    while True:
        pair = rng.randrange(16)
        token0_in = rng.getrandbits(1)
        significant, zeros, slippage = rng.getrandbits(17), rng.randrange(256), rng.randrange(4)
        head = (pair << 28) | (token0_in << 27) | (significant << 10) | (zeros << 2) | slippage
        mode = rng.choice(["value", "written", "written", "balance"])
        value = rng.getrandbits(rng.choice([1, 64, 100])) | 1 if mode == "value" else 0
        if mode == "written":
            length = rng.randrange(6, 33)
            bits = rng.randrange(1, 8 * length - 37 + 1)
            input_zeros = rng.randrange(32)
            written = rng.getrandbits(bits) | (1 << (bits - 1))
            word = (head << 224) | (input_zeros << 219) | (written << (256 - 8 * length))
            data = word.to_bytes(32, "big")[:length]
        else:
            word = head << 224
            data = word.to_bytes(32, "big")[:4]
        if data[:4] != selector("uniswapV3SwapCallback(int256,int256,bytes)"):
            break
    length = len(data)
    low = word & ((1 << 224) - 1)
    written_amount = None
    if low:
        written_amount = (((word & ((1 << 219) - 1)) >> (256 - 8 * length)) * 10 ** ((word >> 219) & 0x1F)) % 2**256
    if pair >= len(LLAMAZIP_PAIRS):
        amount_in = written_amount if value == 0 else None
        return data, value, {"function": "fallback", "legs": [], "unknownRoutes": [unknown("llamazip", None, None, amount_in, None)]}
    pool, token0, token1 = LLAMAZIP_PAIRS[pair]
    token_in, token_out = (token0, token1) if token0_in else (token1, token0)
    if token_in == WETH and value > 0:
        amount_in = value
    elif written_amount is not None:
        amount_in = written_amount
    else:
        return data, value, {"function": "fallback", "legs": [], "unknownRoutes": [unknown("llamazip", token_in, token_out, None, None)]}
    expected_out = (significant << zeros) % 2**256
    least = (expected_out * [9950, 9990, 9900, 9500][slippage]) % 2**256 // 10000
    hop = {"tokenIn": token_in, "tokenOut": token_out, "pool": pool, "zeroForOne": bool(token0_in)}
    leg = {"hops": [hop], "amountIn": str(amount_in), "limit": str(least), "recipient": None}
    return data, value, {"function": "fallback", "legs": [leg], "unknownRoutes": []}


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


BEEFY_ORDER = "((address,uint256)[],(address,uint256)[],(address,uint256,bytes),address,address)"
BEEFY_STEPS = "(address,uint256,bytes,(address,int32)[])[]"


def beefy_zap(rng):
    """`executeOrder` in either form: its steps' calls, then the relay's when it has a target."""
    steps, inner = [], []
    for _ in range(rng.randrange(1, 4)):
        target, value, data = address(rng), amount(rng), rng.randbytes(rng.randrange(0, 120))
        tokens = [(rng.choice([address(rng), "0x" + "00" * 20]), rng.choice([-1, -1, rng.randrange(0, 200)])) for _ in range(rng.randrange(3))]
        steps.append((target, value, data, tokens))
        from_balance = any(index >= 0 and token != "0x" + "00" * 20 for token, index in tokens)
        inner.append({"to": target, "data": "0x" + data.hex(), "value": str(value), "fromBalance": from_balance})
    relay_target = rng.choice(["0x" + "00" * 20, address(rng)])
    relay = (relay_target, amount(rng), rng.randbytes(rng.randrange(60)))
    if relay_target != "0x" + "00" * 20:
        inner.append({"to": relay_target, "data": "0x" + relay[2].hex(), "value": str(relay[1]), "fromBalance": False})
    order = ([(address(rng), amount(rng))], [(address(rng), amount(rng))], relay, address(rng), address(rng))
    if rng.getrandbits(1):
        calldata = selector(f"executeOrder({BEEFY_ORDER},{BEEFY_STEPS})") + encode([BEEFY_ORDER, BEEFY_STEPS], [order, steps])
    else:
        permit = "((address,uint256)[],uint256,uint256)"
        calldata = selector(f"executeOrder({permit},{BEEFY_ORDER},bytes,{BEEFY_STEPS})") + encode(
            [permit, BEEFY_ORDER, "bytes", BEEFY_STEPS], [([(address(rng), amount(rng))], amount(rng), amount(rng)), order, rng.randbytes(65), steps])
    return calldata, inner, None


SWAP_DATA = "(address,address,address,address,uint256,bytes,bool)"
BRIDGE_DATA = "(bytes32,string,string,address,address,address,uint256,uint256,bool,bool)"


def lifi_swap_data(rng, count):
    swaps = [(address(rng), address(rng), rng.choice([address(rng), "0x" + "00" * 20]), address(rng), amount(rng), rng.randbytes(rng.randrange(100)),
              bool(rng.getrandbits(1))) for _ in range(count)]
    inner = [{"to": to, "data": "0x" + data.hex(), "value": str(amt if sending == "0x" + "00" * 20 else 0), "fromBalance": False}
             for (to, _, sending, _, amt, data, _) in swaps]
    return swaps, inner


def lifi(rng):
    """The Diamond's generic and V3 swaps and a bridge facet's source swaps (their calls to the
    host; none known: an unknown route), and the Permit2Proxy's forwarding (one call to the
    Diamond)."""
    shape = rng.choice(["generic", "single", "bridge", "proxy"])
    head_types = ["bytes32", "string", "string", "address", "uint256"]
    head = [rng.randbytes(32), "lifi", "integrator", address(rng), amount(rng)]
    if shape == "generic":
        name = rng.choice(["swapTokensGeneric", "swapTokensMultipleV3ERC20ToERC20", "swapTokensMultipleV3NativeToERC20"])
        swaps, inner = lifi_swap_data(rng, rng.randrange(1, 4))
        calldata = selector(f"{name}(bytes32,string,string,address,uint256,{SWAP_DATA}[])") + encode(head_types + [f"{SWAP_DATA}[]"], head + [swaps])
        return LIFI_DIAMOND, calldata, inner, {"function": name, "legs": [], "unknownRoutes": [
            unknown("lifi", swaps[0][2], swaps[-1][3], swaps[0][4], head[4])]}
    if shape == "single":
        name = rng.choice(["swapTokensSingleV3ERC20ToERC20", "swapTokensSingleV3ERC20ToNative"])
        swaps, inner = lifi_swap_data(rng, 1)
        calldata = selector(f"{name}(bytes32,string,string,address,uint256,{SWAP_DATA})") + encode(head_types + [SWAP_DATA], head + [swaps[0]])
        return LIFI_DIAMOND, calldata, inner, {"function": name, "legs": [], "unknownRoutes": [
            unknown("lifi", swaps[0][2], swaps[0][3], swaps[0][4], head[4])]}
    if shape == "bridge":
        swaps, inner = lifi_swap_data(rng, rng.randrange(0, 3))
        bridge = (rng.randbytes(32), "relay", "integrator", address(rng), address(rng), address(rng), amount(rng), rng.randrange(1, 10**6), bool(swaps), False)
        name = "swapAndStartBridgeTokensViaRelayDepository"
        calldata = selector(f"{name}({BRIDGE_DATA},{SWAP_DATA}[],(bytes32,address))") + encode(
            [BRIDGE_DATA, f"{SWAP_DATA}[]", "(bytes32,address)"], [bridge, swaps, (rng.randbytes(32), address(rng))])
        expected = {"function": name, "legs": [], "unknownRoutes": [unknown("lifi", swaps[0][2], swaps[-1][3], swaps[0][4], None)]} if swaps else None
        return LIFI_DIAMOND, calldata, inner, expected
    diamond_call = rng.randbytes(rng.randrange(4, 200))
    if rng.getrandbits(1):
        calldata = selector("callDiamondWithEIP2612Signature(address,uint256,uint256,uint8,bytes32,bytes32,bytes)") + encode(
            ["address", "uint256", "uint256", "uint8", "bytes32", "bytes32", "bytes"],
            [address(rng), amount(rng), amount(rng), 27, rng.randbytes(32), rng.randbytes(32), diamond_call])
    else:
        permit = "((address,uint256),uint256,uint256)"
        calldata = selector(f"callDiamondWithPermit2(bytes,{permit},bytes)") + encode(
            ["bytes", permit, "bytes"], [diamond_call, ((address(rng), amount(rng)), amount(rng), amount(rng)), rng.randbytes(65)])
    return LIFI_PROXY, calldata, [{"to": LIFI_DIAMOND, "data": "0x" + diamond_call.hex(), "value": "0", "fromBalance": False}], None


BRIDGE_ORDER = "(bytes32,uint256,uint256,bytes)"
TRANSFORM_DATA = (f"(uint8,address,address,{BRIDGE_ORDER}[],(bytes,uint256)[],(bytes,uint256)[],uint256[],uint256,address,(bytes,uint256)[])")


def zerox_fill_quote(rng, inner, routes):
    """A FillQuoteTransformer's data: the router calls its Uniswap V3 orders make go to
    `inner`, the unknown routes of the others to `routes`."""
    sell, buy = address(rng), address(rng)
    side = 0 if rng.random() < 0.85 else 1
    fill = rng.getrandbits(100) | 1
    if rng.random() < 0.1:
        fill |= 1 << 255
    orders, sequence = [], []
    for _ in range(rng.randrange(1, 4)):
        taker = rng.getrandbits(rng.choice([60, 99, 101])) | 1
        if rng.random() < 0.7:
            router, path = address(rng), rng.randbytes(rng.choice([43, 66, 89]))
            version = rng.choice([None, 1, 2])
            data = encode(["address", "bytes"], [router, path]) if version is None else encode(["address", "bytes", "uint256"], [router, path, version])
            source = (18 << 128) | int.from_bytes(b"UniswapV3".ljust(16, b"\0"), "big")
            orders.append((source.to_bytes(32, "big"), taker, amount(rng), data, ("v3", router, path, version == 2)))
        else:
            source = (17 << 128) | int.from_bytes(b"BalancerV2".ljust(16, b"\0"), "big")
            orders.append((source.to_bytes(32, "big"), taker, amount(rng), rng.randbytes(64), ("other",)))
        sequence.append(0)
    native = rng.random() < 0.1
    if native:
        sequence.insert(rng.randrange(len(sequence) + 1), 1)
    if side != 0 or fill >> 255:
        routes.append(unknown("0x", sell, buy, None, None))
    else:
        sold, bridge = 0, 0
        for kind in sequence:
            if sold >= fill:
                break
            if kind != 0:
                routes.append(unknown("0x", sell, buy, None, None))
                break
            source, taker, _, _, shape = orders[bridge]
            bridge += 1
            fill_amount = min(fill - sold, taker)
            sold += fill_amount
            if shape[0] == "v3":
                _, router, path, v02 = shape
                if v02:
                    data = selector("exactInput((bytes,address,uint256,uint256))") + encode(
                        ["(bytes,address,uint256,uint256)"], [(path, "0x" + "00" * 20, fill_amount, 1)])
                else:
                    data = selector("exactInput((bytes,address,uint256,uint256,uint256))") + encode(
                        ["(bytes,address,uint256,uint256,uint256)"], [(path, "0x" + "00" * 20, 0, fill_amount, 1)])
                inner.append({"to": router, "data": "0x" + data.hex(), "value": "0"})
            else:
                routes.append(unknown("0x", sell, buy, fill_amount, None))
    payload = (side, sell, buy, [order[:4] for order in orders], [], [], sequence, fill, address(rng), [])
    return encode([TRANSFORM_DATA], [payload])


def zerox(rng):
    """`transformERC20` with FillQuoteTransformer and other transformations, or a
    meta-transaction around one (its callData to the proxy). The last element: the unknown
    routes beside the legs once the host recognises a router call."""
    inner, routes = [], []
    transformations = []
    for _ in range(rng.randrange(1, 4)):
        if rng.random() < 0.6:
            transformations.append((ZEROX_FQT_NONCE, zerox_fill_quote(rng, inner, routes)))
        else:
            transformations.append((rng.choice([4, 15, 16, 17, 22]), rng.randbytes(rng.randrange(100))))
    token_in, token_out, amt, least = address(rng), address(rng), amount(rng), amount(rng)
    calldata = selector("transformERC20(address,address,uint256,uint256,(uint32,bytes)[])") + encode(
        ["address", "address", "uint256", "uint256", "(uint32,bytes)[]"], [token_in, token_out, amt, least, transformations])
    # The test's host knows no router: no legs, so one unknown route for the whole call.
    expected = {"function": "transformERC20", "legs": [], "unknownRoutes": [unknown("0x", token_in, token_out, amt, least)]}
    if rng.random() < 0.3:
        mtx = (address(rng), address(rng), amount(rng), amount(rng), calldata, address(rng), [(address(rng), amount(rng))])
        meta = selector("executeMetaTransactionV2((address,address,uint256,uint256,bytes,address,(address,uint256)[]),(uint8,uint8,bytes32,bytes32))") + encode(
            ["(address,address,uint256,uint256,bytes,address,(address,uint256)[])", "(uint8,uint8,bytes32,bytes32)"],
            [mtx, (2, 27, rng.randbytes(32), rng.randbytes(32))])
        return ZEROX, meta, [{"to": ZEROX, "data": "0x" + calldata.hex(), "value": "0"}], None, []
    return ZEROX, calldata, inner, expected, routes


def beefy_wrapper(rng):
    calldata, inner, expected = beefy_zap(rng)
    return BEEFY, calldata, inner, expected


def wrapper_vector(dex, to, calldata, inner, expected, kind):
    return {"kind": kind, "dex": dex, "to": to, "data": "0x" + calldata.hex(), "value": "0", "innerCalls": inner, "expected": expected}


def cow_wrapper(rng):
    calldata, inner, expected = cow_settle(rng)
    return COW, calldata, inner, expected


def paraswap_wrapper(rng):
    calldata, inner, expected = paraswap_simple(rng)
    return AUGUSTUS_V5, calldata, inner, expected


WRAPPERS = [("cow", cow_wrapper), ("paraswap", paraswap_wrapper), ("beefy-zap", beefy_wrapper), ("lifi", lifi), ("0x", zerox),
            ("kyberswap", kyber_generic), ("rainbow", rainbow)]

FUNCTIONS = [
    ("paraswap", AUGUSTUS_V6, curve_v1), ("paraswap", AUGUSTUS_V6, curve_v2), ("paraswap", AUGUSTUS_V6, paraswap_generic),
    ("paraswap", AUGUSTUS_V5, paraswap_multi), ("1inch", ONEINCH_V6, oneinch), ("1inch", ONEINCH_V4, oneinch_v4), ("openocean", OPENOCEAN, openocean),
    ("kyberswap", KYBER, kyber), ("kyberswap", KYBER, kyber_simple), ("metamask", METAMASK, metamask),
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
    # LlamaZip's calls have no ABI head to cut: every word of 1 to 32 bytes is a swap.
    for _ in range(4 * PER_FUNCTION):
        data, value, expected = llamazip(rng)
        vectors.append({"kind": "llamazip", "dex": "llamazip", "to": LLAMAZIP, "data": "0x" + data.hex(), "value": str(value), "expected": expected})
    wrappers = []
    for dex, make in WRAPPERS:
        for _ in range(PER_FUNCTION):
            to, calldata, inner, expected, *rest = make(rng)
            inner = [{"fromBalance": False, **call} for call in inner]
            value = rest[1] if len(rest) > 1 else 0
            wrappers.append({"kind": make.__name__, "dex": dex, "to": to, "data": "0x" + calldata.hex(), "value": str(value),
                             "innerCalls": inner, "expected": expected, "routesBeside": rest[0] if rest else []})
            if len(malformed) < 10 * len(FUNCTIONS) + 10 * len(WRAPPERS) and rng.random() < 0.25:
                malformed.append({"kind": make.__name__, "dex": dex, "to": to, "data": "0x" + calldata[:4 + rng.randrange(0, 32 * 3)].hex(), "value": "0"})
    direct, direct_malformed = oneinch_direct.build(rng, PER_FUNCTION, MALFORMED_PER_FUNCTION)
    vectors += direct
    malformed += direct_malformed
    odos_vectors, odos_malformed = odos.build(rng, PER_FUNCTION, MALFORMED_PER_FUNCTION)
    vectors += odos_vectors
    malformed += odos_malformed
    magpie_vectors, magpie_malformed = magpie.build(rng, PER_FUNCTION, MALFORMED_PER_FUNCTION)
    vectors += magpie_vectors
    malformed += magpie_malformed
    return {"entries": ENTRIES, "vectors": vectors, "malformed": malformed, "wrappers": wrappers, "bombs": openocean_bombs(rng)}
