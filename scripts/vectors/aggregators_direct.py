"""Direct-route aggregator call vectors: aggregators-direct.json.

Peer: eth-abi encodes every call from the routers' public ABIs from random
arguments; eth-hash computes the pools the routers derive by CREATE2. The
expected legs follow the contracts' sources, written out here independently of
the Swift decoders (docs/adr/0010):
- ParaSwap Augustus V6.2 `swapExactAmount{In,Out}OnUniswap{V2,V3}((srcToken,
  destToken, fromAmount, toAmount, quotedAmount, metadata, beneficiary, pools),
  partnerAndFee, permit)` (augustus-v6 UniswapV2Utils, UniswapV3Utils): V3 pools
  are 96 bytes (direction flag in the top bit, token0, token1, fee words; the
  salt is keccak of the 96 bytes with the first byte cleared), V2 pools 64 bytes
  (token0 ++ token1, the direction flag the last byte's low bit; the salt is
  keccak of the 40 bytes). A set flag means token0 in. Exact output lists V3
  pools from the last hop. Exact input: amount `fromAmount`, limit `toAmount`;
  exact output: amount `toAmount`, limit `fromAmount`. Without the entry's
  factory: an unknown route.
- 0x UniswapV3Feature `sellTokenForTokenToUniswapV3`, `sellTokenForEthToUniswapV3`
  (path, sellAmount, minBuyAmount, recipient) and `sellEthForTokenToUniswapV3`
  (path, minBuyAmount, recipient; the amount is the value sent): one leg, a hop
  per path element, pools by CREATE2 from the Uniswap V3 factory (salt
  keccak(abi.encode(token0, token1, fee))), zeroForOne when token in < token out.
- ParaSwap Augustus V5 `directUniV3Swap`/`directUniV3Buy` (augustus-v5
  DirectSwap.sol): the SwapRouter call the router makes (`exactInput((path,
  router, deadline, amount, 1))`, the amount less a source-token fee, or
  `exactOutput((path, router, deadline, toAmount, 2^256-1))`) goes to the host;
  unrecognised, an unknown route; recognised, the user's bound is the leg's limit.
- Malformed: the head cut short, pools of a wrong length, a path of a wrong
  length: decoding errors.
"""

import random

from eth_abi import encode
from eth_hash.auto import keccak

from aggregators import AUGUSTUS_V5, AUGUSTUS_V6, WETH, ZEROX, ZEROX_DEPLOYER, address, amount, selector, unknown

FILE = "aggregators-direct.json"
PEERS = ("eth-abi", "eth-hash")
PER_FUNCTION = 40

V3_FACTORY = "0x1f98431c8ad98523631ae4a59f267346ea31f984"
V3_HASH = "0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54"
V2_FACTORY = "0xf1d7cc64fb4452f05c498126312ebe29f30fbcf9"
V2_HASH = "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f"
ETH = "0x" + "ee" * 20
UNI_DATA = "(address,address,uint256,uint256,uint256,bytes32,address,bytes)"
DIRECT_UNI_V3 = "(address,address,address,uint256,uint256,uint256,uint256,uint256,address,bool,address,bytes,bytes,bytes16)"

ENTRIES = [
    {"name": "paraswap", "plugin": "paraswap", "factories": [{"address": V3_FACTORY, "initCodeHash": V3_HASH},
                                                              {"address": V2_FACTORY, "initCodeHash": V2_HASH}],
     "routers": [{"name": "v5", "address": AUGUSTUS_V5, "kind": "augustus-v5"}, {"name": "v6.2", "address": AUGUSTUS_V6, "kind": "augustus-v6.2"}]},
    {"name": "paraswap-bare", "plugin": "paraswap", "factories": [],
     "routers": [{"name": "v6.2", "address": AUGUSTUS_V6, "kind": "augustus-v6.2"}]},
    {"name": "0x", "plugin": "0x", "factories": [{"address": ZEROX_DEPLOYER, "initCodeHash": None}, {"address": V3_FACTORY, "initCodeHash": V3_HASH}],
     "routers": [{"name": "proxy", "address": ZEROX, "kind": "exchange-proxy"}]},
    {"name": "0x-bare", "plugin": "0x", "factories": [], "routers": [{"name": "proxy", "address": ZEROX, "kind": "exchange-proxy"}]},
]


def create2(factory, salt, init_hash):
    return "0x" + keccak(b"\xff" + bytes.fromhex(factory[2:]) + salt + bytes.fromhex(init_hash[2:]))[12:].hex()


def v3_pool(token_a, token_b, fee):
    token0, token1 = sorted([token_a, token_b], key=lambda t: int(t, 16))
    return create2(V3_FACTORY, keccak(encode(["address", "address", "uint24"], [token0, token1, fee])), V3_HASH)


def fee_tier(rng):
    return rng.choice([100, 500, 3000, 10000, rng.getrandbits(24)])


def sorted_pair(rng):
    a, b = address(rng), address(rng)
    return tuple(sorted([a, b], key=lambda t: int(t, 16)))


def hop(token_in, token_out, pool, zero_for_one):
    return {"tokenIn": token_in, "tokenOut": token_out, "pool": {"address": pool, "zeroForOne": zero_for_one}}


def augustus_v6(rng):
    """A direct Uniswap call of either form and side, through the entry with factories or the bare one."""
    v3, exact_out = rng.getrandbits(1) == 1, rng.getrandbits(1) == 1
    records, hops = b"", []
    for _ in range(rng.randrange(1, 4)):
        token0, token1 = sorted_pair(rng)
        zero_for_one = rng.getrandbits(1) == 1
        if v3:
            fee = fee_tier(rng)
            record = bytes([0x80 if zero_for_one else 0]) + bytes(11) + bytes.fromhex(token0[2:]) + bytes(12) + bytes.fromhex(token1[2:]) + fee.to_bytes(32, "big")
            pool = create2(V3_FACTORY, keccak(bytes(1) + record[1:]), V3_HASH)
        else:
            record = bytes.fromhex(token0[2:]) + bytes.fromhex(token1[2:]) + bytes(23) + bytes([1 if zero_for_one else 0])
            pool = create2(V2_FACTORY, keccak(record[:40]), V2_HASH)
        records += record
        hops.append(hop(token0 if zero_for_one else token1, token1 if zero_for_one else token0, pool, zero_for_one))
    if v3 and exact_out:
        hops.reverse()
    src, dst, from_amount, to_amount, beneficiary = address(rng), address(rng), amount(rng), amount(rng), address(rng)
    name = f"swapExactAmount{'Out' if exact_out else 'In'}OnUniswap{'V3' if v3 else 'V2'}"
    data = (src, dst, from_amount, to_amount, amount(rng), rng.randbytes(32), beneficiary, records)
    calldata = selector(f"{name}({UNI_DATA},uint256,bytes)") + encode([UNI_DATA, "uint256", "bytes"], [data, amount(rng), rng.randbytes(rng.choice([0, 96]))])
    if rng.random() < 0.2:
        route = unknown("paraswap-bare", src, dst, None if exact_out else from_amount, to_amount)
        return "paraswap-bare", calldata, {"function": name, "legs": [], "unknownRoutes": [route]}
    leg = {"hops": hops, "amount": {"exactOut" if exact_out else "exactIn": str(to_amount if exact_out else from_amount)},
           "limit": str(from_amount if exact_out else to_amount), "recipient": beneficiary, "deadline": None}
    return "paraswap", calldata, {"function": name, "legs": [leg], "unknownRoutes": []}


def zerox_v3(rng):
    """A UniswapV3Feature sell of each kind; the value sent is the ETH sold."""
    tokens = [address(rng) for _ in range(rng.randrange(2, 5))]
    fees = [fee_tier(rng) for _ in tokens[1:]]
    path = bytes.fromhex(tokens[0][2:]) + b"".join(fee.to_bytes(3, "big") + bytes.fromhex(t[2:]) for fee, t in zip(fees, tokens[1:]))
    kind = rng.choice(["sellTokenForTokenToUniswapV3", "sellTokenForEthToUniswapV3", "sellEthForTokenToUniswapV3"])
    sold, least, recipient = rng.getrandbits(rng.choice([64, 128])) | 1, amount(rng), address(rng)
    if kind == "sellEthForTokenToUniswapV3":
        calldata, value = selector(f"{kind}(bytes,uint256,address)") + encode(["bytes", "uint256", "address"], [path, least, recipient]), sold
    else:
        calldata, value = selector(f"{kind}(bytes,uint256,uint256,address)") + encode(["bytes", "uint256", "uint256", "address"], [path, sold, least, recipient]), 0
    if rng.random() < 0.2:
        return "0x-bare", calldata, value, {"function": kind, "legs": [], "unknownRoutes": [unknown("0x-bare", tokens[0], tokens[-1], sold, least)]}
    hops = [hop(a, b, v3_pool(a, b, fee), int(a, 16) < int(b, 16)) for a, b, fee in zip(tokens, tokens[1:], fees)]
    leg = {"hops": hops, "amount": {"exactIn": str(sold)}, "limit": str(least), "recipient": recipient, "deadline": None}
    return "0x", calldata, value, {"function": kind, "legs": [leg], "unknownRoutes": []}


def sold_after_fee(from_amount, fee_percent, partner):
    """FeeModel: a source-token fee needs a partner, a version byte and bit 15; at most 500 bps."""
    if partner == "0x" + "00" * 20 or fee_percent >> 248 == 0 or not fee_percent & (1 << 15):
        return from_amount
    bps = min(fee_percent & 0x3FFF, 500)
    return from_amount - from_amount * bps // 10000


def direct_uni_v3(rng):
    """`directUniV3Swap`/`directUniV3Buy`: the SwapRouter call DirectSwap makes, and the
    limit the leg of a recognised call takes."""
    sell = rng.getrandbits(1) == 1
    tokens = [address(rng) for _ in range(rng.randrange(2, 4))]
    path = bytes.fromhex(tokens[0][2:]) + b"".join(fee_tier(rng).to_bytes(3, "big") + bytes.fromhex(t[2:]) for t in tokens[1:])
    first, last = tokens[0], tokens[-1]
    # exactInput's path runs from the token sold; exactOutput's from the token bought.
    sold_token, bought_token = (first, last) if sell else (last, first)
    from_token = rng.choice([sold_token, ETH, address(rng)])
    to_token = rng.choice([bought_token, ETH, address(rng)])
    from_amount, to_amount, exchange, deadline = rng.getrandbits(100), rng.getrandbits(100), address(rng), rng.getrandbits(40)
    partner = rng.choice(["0x" + "00" * 20, address(rng)])
    fee_percent = rng.choice([0, (1 << 248) | (1 << 15) | rng.randrange(0, 1 << 14), (1 << 248) | rng.randrange(0, 1 << 15), rng.getrandbits(256)])
    data = (from_token, to_token, exchange, from_amount, to_amount, amount(rng), fee_percent, deadline, partner, bool(rng.getrandbits(1)),
            address(rng), path, rng.randbytes(rng.choice([0, 32])), rng.randbytes(16))
    name = "directUniV3Swap" if sell else "directUniV3Buy"
    calldata = selector(f"{name}({DIRECT_UNI_V3})") + encode([DIRECT_UNI_V3], [data])
    params = "(bytes,address,uint256,uint256,uint256)"
    if sell:
        inner = selector(f"exactInput({params})") + encode([params], [(path, AUGUSTUS_V5, deadline, sold_after_fee(from_amount, fee_percent, partner), 1)])
        limit = str(to_amount) if to_token in (ETH, bought_token) else None
    else:
        inner = selector(f"exactOutput({params})") + encode([params], [(path, AUGUSTUS_V5, deadline, to_amount, 2**256 - 1)])
        limit = str(from_amount) if from_token in (ETH, sold_token) else None
    expected = {"function": name, "legs": [], "unknownRoutes": [unknown("paraswap", from_token, to_token, from_amount if sell else None, to_amount)]}
    return {"kind": name, "dex": "paraswap", "to": AUGUSTUS_V5, "data": "0x" + calldata.hex(), "value": "0",
            "innerCall": {"to": exchange, "data": "0x" + inner.hex()}, "expected": expected,
            "answer": {"tokenIn": sold_token, "tokenOut": bought_token, "limit": limit}}


def malformed(rng):
    """Calls cut inside the head, V6.2 pools of a wrong length and 0x paths of a wrong length."""
    cases = []
    for _ in range(10):
        dex, calldata, _ = augustus_v6(rng)
        cases.append({"kind": "augustus-v6 cut", "dex": "paraswap", "to": AUGUSTUS_V6, "data": "0x" + calldata[:4 + rng.randrange(0, 96)].hex(), "value": "0"})
        dex, calldata, value, _ = zerox_v3(rng)
        cases.append({"kind": "0x cut", "dex": "0x", "to": ZEROX, "data": "0x" + calldata[:4 + rng.randrange(0, 96)].hex(), "value": str(value)})
        vector = direct_uni_v3(rng)
        cut = bytes.fromhex(vector["data"][2:])[:4 + rng.randrange(0, 96)]
        cases.append({"kind": "directUniV3 cut", "dex": "paraswap", "to": AUGUSTUS_V5, "data": "0x" + cut.hex(), "value": "0"})
    for _ in range(10):
        v3 = rng.getrandbits(1) == 1
        size = 96 if v3 else 64
        records = rng.randbytes(rng.choice([0, size - 1, size + 1, 2 * size + rng.randrange(1, size)]))
        name = f"swapExactAmount{rng.choice(['In', 'Out'])}OnUniswap{'V3' if v3 else 'V2'}"
        data = (address(rng), address(rng), 1, 1, 1, bytes(32), address(rng), records)
        calldata = selector(f"{name}({UNI_DATA},uint256,bytes)") + encode([UNI_DATA, "uint256", "bytes"], [data, 0, b""])
        cases.append({"kind": "augustus-v6 pools length", "dex": "paraswap", "to": AUGUSTUS_V6, "data": "0x" + calldata.hex(), "value": "0"})
        path = rng.randbytes(rng.choice([0, 20, 42, 44, 67, 88]))
        calldata = selector("sellTokenForTokenToUniswapV3(bytes,uint256,uint256,address)") + encode(
            ["bytes", "uint256", "uint256", "address"], [path, 1, 1, address(rng)])
        cases.append({"kind": "0x path length", "dex": "0x", "to": ZEROX, "data": "0x" + calldata.hex(), "value": "0"})
    return cases


def build(seed):
    rng = random.Random(seed ^ 0xD15EC7)
    vectors = []
    for _ in range(4 * PER_FUNCTION):
        dex, calldata, expected = augustus_v6(rng)
        vectors.append({"kind": expected["function"], "dex": dex, "to": AUGUSTUS_V6, "data": "0x" + calldata.hex(), "value": "0", "expected": expected})
    for _ in range(3 * PER_FUNCTION):
        dex, calldata, value, expected = zerox_v3(rng)
        vectors.append({"kind": expected["function"], "dex": dex, "to": ZEROX, "data": "0x" + calldata.hex(), "value": str(value), "expected": expected})
    wrappers = [direct_uni_v3(rng) for _ in range(2 * PER_FUNCTION)]
    return {"entries": ENTRIES, "vectors": vectors, "wrappers": wrappers, "malformed": malformed(rng)}
