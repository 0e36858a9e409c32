"""1inch AggregationRouter V5 and V6 direct forms, for aggregators.json.

Peer: eth-abi encodes every call from the routers' public ABIs with random
pools, flags and amounts. The expected legs are computed here from the bit
layouts of 1inch's verified sources (AggregationRouterV5: UnoswapRouter.sol,
UnoswapV3Router.sol; AggregationRouterV6: ProtocolLib.sol, UnoswapRouter.sol),
written out independently of the Swift decoders:

- V5 `unoswap*` pool words: pair address in bits 0-159, fee numerator in
  160-191, bit 254 (`_WETH_MASK`, read on the last pair) unwraps WETH, bit 255
  (`_REVERSE_MASK`) pays token1 in. A zero `srcToken` is ETH, wrapped to WETH.
- V5 `uniswapV3Swap*` pool words: pool in bits 0-159, bit 253
  (`_WETH_UNWRAP_MASK`, last pool) unwraps WETH, bit 255 (`_ONE_FOR_ZERO_MASK`)
  pays token1 in. ETH sent is wrapped: the token in is WETH; the permit form
  writes `srcToken`.
- V6 `Address` words: `to` and `token` in their low 160 bits; a pool word has
  the protocol in bits 253-255 (0 Uniswap V2, 1 Uniswap V3, 2 Curve), bit 252
  unwraps WETH (last pool), 251 skips wrapping, 250 pays through Permit2. V2
  and V3: bit 247 is zeroForOne (V2 fee numerator in 160-191). Curve: bits
  184-191 index the router's 18 `exchange`-family selectors, whose
  `exchange_underlying` entries (1, 3, 5, 7, 10, 12, 14, 16) make the call an
  unknown route; bits 224-231 and 232-239 are the coin indexes i and j.
  `eth*` forms swap the value sent, as WETH.
- One exact-input leg: the first hop from the token in, the last to WETH when
  the last pool unwraps it, the amount, the least return as its limit, the
  recipient where the call writes one.
- Malformed: calls cut short, a pools array offset or length past the end, an
  empty pools array (the V5 routers refuse it), a V6 protocol above 2 or a
  Curve selector index above 17 (the V6 router reverts).
"""

from eth_abi import encode
from call_values import address, amount, selector

ONEINCH_V5 = "0x1111111254eeb25477b68fb85ed929f73a960582"
ONEINCH_V6 = "0x111111125421ca6dc452d289314280a0f8842a65"
WETH = "0x82af49447d8a07e3bd95bd0d56f35241523fbab1"
UNDERLYING = {1, 3, 5, 7, 10, 12, 14, 16}
LOW160 = (1 << 160) - 1


def hex_address(word):
    return "0x" + (word & LOW160).to_bytes(20, "big").hex()


def bit(word, n):
    return (word >> n) & 1 == 1


def leg_swap(function, hops, token_in, token_out, amt, least, recipient):
    hops = [dict(hop) for hop in hops]
    hops[0]["tokenIn"] = token_in
    hops[-1]["tokenOut"] = token_out
    leg = {"hops": hops, "amountIn": str(amt), "limit": str(least), "recipient": recipient}
    return {"function": function, "legs": [leg], "unknownRoutes": []}


# V5

V5_FORMS = {
    "unoswap": ("unoswap(address,uint256,uint256,uint256[])", ["address", "uint256", "uint256", "uint256[]"]),
    "unoswapTo": ("unoswapTo(address,address,uint256,uint256,uint256[])", ["address", "address", "uint256", "uint256", "uint256[]"]),
    "unoswapToWithPermit": ("unoswapToWithPermit(address,address,uint256,uint256,uint256[],bytes)",
                            ["address", "address", "uint256", "uint256", "uint256[]", "bytes"]),
    "uniswapV3Swap": ("uniswapV3Swap(uint256,uint256,uint256[])", ["uint256", "uint256", "uint256[]"]),
    "uniswapV3SwapTo": ("uniswapV3SwapTo(address,uint256,uint256,uint256[])", ["address", "uint256", "uint256", "uint256[]"]),
    "uniswapV3SwapToWithPermit": ("uniswapV3SwapToWithPermit(address,address,uint256,uint256,uint256[],bytes)",
                                  ["address", "address", "uint256", "uint256", "uint256[]", "bytes"]),
}


def v5_pools(rng, count):
    """Random pool words: an address, random flags and junk in the high 96 bits."""
    return [int(address(rng), 16) | (rng.getrandbits(96) << 160) for _ in range(count)]


def v5_call(rng, function, pools=None):
    """A V5 direct call: (calldata, value, expected)."""
    signature, types = V5_FORMS[function]
    pools = v5_pools(rng, rng.randrange(1, 5)) if pools is None else pools
    amt, least, recipient = amount(rng), amount(rng), address(rng)
    permit = rng.randbytes(32 * rng.randrange(3))
    value, token_in = 0, None
    if function.startswith("unoswap"):
        src = "0x" + "00" * 20 if rng.random() < 0.25 else address(rng)
        token_in = WETH if int(src, 16) == 0 else src
        value = amt if int(src, 16) == 0 else 0
        args = [src, amt, least, pools]
        unwrap_bit = 254
    else:
        if function == "uniswapV3SwapToWithPermit":
            src = address(rng)
            token_in = src
            args = [src, amt, least, pools]
        else:
            args = [amt, least, pools]
            if rng.random() < 0.3:
                value, token_in = amt | 1, WETH
                args = [value, least, pools]
                amt = value
        unwrap_bit = 253
    if "To" in function:
        args = [recipient] + args
    else:
        recipient = None
    if function.endswith("WithPermit"):
        args = args + [permit]
    calldata = selector(signature) + encode(types, args)
    hops = [{"tokenIn": None, "tokenOut": None, "pool": hex_address(word), "zeroForOne": not bit(word, 255)} for word in pools]
    token_out = WETH if pools and bit(pools[-1], unwrap_bit) else None
    expected = leg_swap(function, hops, token_in, token_out, amt, least, recipient) if pools else None
    return calldata, value, expected


# V6

def v6_forms():
    forms = []
    for pools in (1, 2, 3):
        for stem, pays_eth in (("unoswap", False), ("ethUnoswap", True)):
            for to in (False, True):
                name = stem + ("To" if to else "") + ("" if pools == 1 else str(pools))
                words = (1 if to else 0) + (0 if pays_eth else 2) + 1 + pools
                forms.append((name, to, pays_eth, pools, words))
    return forms


V6_FORMS = v6_forms()


def v6_dex(rng, protocol=None, curve_selector=None):
    """A random pool word and its hop (None for an underlying Curve swap)."""
    protocol = rng.choice([0, 0, 1, 1, 2]) if protocol is None else protocol
    pool = int(address(rng), 16)
    flags = rng.getrandbits(3) << 250
    if protocol in (0, 1):
        # Bits 160-246 and 248-249 (V2: the fee numerator in 160-191) do not name the hop.
        junk = (rng.getrandbits(87) << 160) | (rng.getrandbits(2) << 248)
        word = pool | junk | (rng.getrandbits(1) << 247) | flags | (protocol << 253)
        return word, {"tokenIn": None, "tokenOut": None, "pool": hex_address(word), "zeroForOne": bit(word, 247)}
    index = rng.randrange(18) if curve_selector is None else curve_selector
    i, j = rng.randrange(256) if rng.random() < 0.1 else rng.randrange(4), rng.randrange(4)
    word = (pool | (index << 184) | (rng.getrandbits(32) << 192) | (i << 224) | (j << 232) | (rng.getrandbits(10) << 240)
            | flags | (protocol << 253))
    if index in UNDERLYING:
        return word, None
    return word, {"tokenIn": None, "tokenOut": None, "pool": hex_address(word), "i": i, "j": j}


def v6_call(rng, form, dexes=None):
    """A V6 direct call: (calldata, value, expected)."""
    name, to, pays_eth, count, words = form
    drawn = [v6_dex(rng) for _ in range(count)] if dexes is None else dexes
    args, recipient, value = [], None, 0
    if to:
        word = rng.getrandbits(256)
        args.append(word)
        recipient = hex_address(word)
    if pays_eth:
        value = amount(rng)
        token_in, amt = WETH, value
    else:
        token_word, amt = rng.getrandbits(256), amount(rng)
        token_in = hex_address(token_word)
        args += [token_word, amt]
    least = amount(rng)
    args.append(least)
    args += [word for word, _ in drawn]
    calldata = selector(f"{name}({','.join(['uint256'] * words)})") + encode(["uint256"] * words, args)
    token_out = WETH if bit(drawn[-1][0], 252) else None
    if any(hop is None for _, hop in drawn):
        route = {"aggregator": "1inch", "tokenIn": token_in, "tokenOut": token_out, "amountIn": str(amt), "amountOutMin": str(least)}
        return calldata, value, {"function": name, "legs": [], "unknownRoutes": [route]}
    return calldata, value, leg_swap(name, [hop for _, hop in drawn], token_in, token_out, amt, least, recipient)


# Vectors

def vector(kind, to, calldata, value, expected=None, error=None):
    item = {"kind": kind, "dex": "1inch", "to": to, "data": "0x" + calldata.hex(), "value": str(value)}
    if expected is not None:
        item["expected"] = expected
    if error is not None:
        item["error"] = error
    return item


def cut(rng, calldata):
    """The call cut inside its arguments: every decoder reads them all, so it must refuse it."""
    return calldata[:4 + rng.randrange(len(calldata) - 4)]


def bad_offset(rng, calldata, word):
    """The call with the offset at head `word` (or the length it leads to) past the end."""
    args = bytearray(calldata[4:])
    if rng.getrandbits(1):
        args[32 * word:32 * word + 32] = rng.choice([len(args), len(args) + 32, 1 << 255, rng.getrandbits(256)]).to_bytes(32, "big")
    else:
        start = int.from_bytes(args[32 * word:32 * word + 32], "big")
        args[start:start + 32] = rng.choice([(len(args) - start) // 32, 1 << 64, rng.getrandbits(256)]).to_bytes(32, "big")
    return calldata[:4] + bytes(args)


def build(rng, per_function, malformed_per_function):
    """Vectors and malformed calls for every V5 and V6 direct form."""
    vectors, malformed = [], []
    for function in V5_FORMS:
        pools_word = {"unoswap": 3, "unoswapTo": 4, "unoswapToWithPermit": 4, "uniswapV3Swap": 2,
                      "uniswapV3SwapTo": 3, "uniswapV3SwapToWithPermit": 4}[function]
        for _ in range(per_function):
            calldata, value, expected = v5_call(rng, function)
            vectors.append(vector(f"1inch-v5-{function}", ONEINCH_V5, calldata, value, expected))
        for _ in range(malformed_per_function):
            calldata, value, _ = v5_call(rng, function)
            malformed.append(vector(f"1inch-v5-{function}-cut", ONEINCH_V5, cut(rng, calldata), value, error="truncated"))
            malformed.append(vector(f"1inch-v5-{function}-offset", ONEINCH_V5, bad_offset(rng, calldata, pools_word), value, error="truncated"))
        calldata, value, _ = v5_call(rng, function, pools=[])
        malformed.append(vector(f"1inch-v5-{function}-empty", ONEINCH_V5, calldata, value, error="invalidValue"))
    for form in V6_FORMS:
        for _ in range(per_function):
            calldata, value, expected = v6_call(rng, form)
            vectors.append(vector(f"1inch-v6-{form[0]}", ONEINCH_V6, calldata, value, expected))
        for _ in range(malformed_per_function // 2):
            calldata, value, _ = v6_call(rng, form)
            malformed.append(vector(f"1inch-v6-{form[0]}-cut", ONEINCH_V6, cut(rng, calldata), value, error="truncated"))
        dexes = [v6_dex(rng) for _ in range(form[3])]
        refused = rng.randrange(form[3])
        dexes[refused] = (v6_dex(rng, protocol=rng.randrange(3, 8))[0] if rng.getrandbits(1)
                          else v6_dex(rng, protocol=2, curve_selector=rng.randrange(18, 256))[0], None)
        calldata, value, _ = v6_call(rng, form, dexes)
        malformed.append(vector(f"1inch-v6-{form[0]}-refused-pool", ONEINCH_V6, calldata, value, error="invalidValue"))
    return vectors, malformed
