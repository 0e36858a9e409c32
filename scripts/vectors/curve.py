"""Curve swap-call vectors: curve.json.

Peer: eth-abi encodes every call (pool `exchange` / `exchange_underlying` /
`exchange_received` / `exchange_extended` in their int128 and uint256 forms,
with and without receiver / use_eth, and the Curve Router NG `exchange` in its
three arities) from random arguments over full value ranges, and `eth_abi.decode`
must accept exactly the argument bytes the expectation calls well-formed.

Expectations follow the contracts, written out here independently of the Swift
decoder:
- Vyper checks arguments on entry: an int128 must be the sign extension of a
  128-bit value, an address must have 12 zero high bytes, a bool must be 0 or 1;
  the first bad word (in argument order) is an `invalidValue` at its offset.
  Calldata shorter than the head is `truncated` at the first missing word.
  Bytes after the head are ignored, as Vyper ignores them.
- A pool function exists only on pools of its index type (int128: stableswap,
  stableswap-ng, metapool, lending; uint256: crypto, twocrypto-ng, tricrypto-ng);
  `exchange_underlying` not on stableswap, stableswap-ng, twocrypto-ng. Others:
  not a swap. `i`, `j` must index `coins`; for `exchange_underlying` of a metapool
  or lending pool they must be below 8 (MAX_COINS) and the tokens are unknown;
  for crypto pools the underlying swap is the same coins paid in native ETH.
  Native ETH (0xEeee…EEeE) is named as Arbitrum WETH.
- Router NG (curvefi/curve-router-ng RouterSidechain.vy v1.0/v1.1): step 0 always
  runs, step k+1 while `route[2k+3]` is non-zero, at most 5; step k swaps
  route[2k] for route[2k+2] in pool route[2k+1] (swap type 3: in `pools[k]`).
  Refused (the router reverts): step 0 without a pool, swap type outside 1..8,
  i or j >= 8 (not checked for type 8), a type-3 step without its pool.
  Type-8 steps (ETH <-> WETH) are no hop; a route of wraps only is not a swap.
"""

import random

from eth_abi import decode, encode
from eth_abi.exceptions import DecodingError
from eth_hash.auto import keccak

FILE = "curve.json"
PEERS = ("eth-abi",)
PER_POOL_FUNCTION = 24
MALFORMED_PER_POOL_FUNCTION = 6
ABSENT_PER_POOL_FUNCTION = 2
ROUTER_VECTORS = 600
NOT_A_SWAP_VECTORS = 120

ETH = "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"
WETH = "0x82af49447d8a07e3bd95bd0d56f35241523fbab1"
MAX_COINS = 8
UINT256_MAX = 2**256 - 1
INT128_MIN, INT128_MAX = -(2**127), 2**127 - 1

SIGNED_KINDS = ("stableswap", "stableswap-ng", "metapool", "lending")
UNSIGNED_KINDS = ("crypto", "twocrypto-ng", "tricrypto-ng")
NO_UNDERLYING = ("stableswap", "stableswap-ng", "twocrypto-ng")
DISTINCT_UNDERLYING = ("metapool", "lending")

# (name, index type, tail types, tail names)
POOL_FUNCTIONS = [
    (name, index, tail, names)
    for index in ("int128", "uint256")
    for name, tail, names in (
        ("exchange", (), ()),
        ("exchange", ("address",), ("receiver",)),
        ("exchange_underlying", (), ()),
        ("exchange_underlying", ("address",), ("receiver",)),
        ("exchange_received", (), ()),
        ("exchange_received", ("address",), ("receiver",)),
    )
] + [
    ("exchange", "uint256", ("bool",), ("use_eth",)),
    ("exchange", "uint256", ("bool", "address"), ("use_eth", "receiver")),
    ("exchange_extended", "uint256", ("bool", "address", "address", "bytes32"),
     ("use_eth", "sender", "receiver", "cb")),
]
ROUTER_TYPES = ("address[11]", "uint256[5][5]", "uint256", "uint256", "address[5]", "address")
ROUTERS = ("0x2191718cd32d02b8e60badffea33e4b5dd9a0a0d", "0xf0d4c12a5768d806021f80a262b4d39d26c58b8d")
TWO_POOL = {
    "name": "2pool", "address": "0x7f90122bf0700f9e7e1f688fe926940e8839f353", "kind": "stableswap",
    "coins": ["0xff970a61a04b1ca14834a43f5de4533ebddb5cc8", "0xfd086bc7cd5c481dcc9c85ebe478a1c0b69fcbb9"],
}


def hx(data):
    return "0x" + data.hex()


def signature(name, types):
    return f"{name}({','.join(types)})"


def selector(sig):
    return keccak(sig.encode())[:4]


def pool_types(index, tail):
    return (index, index, "uint256", "uint256") + tail


def random_uint256(rng):
    """Full-range uint256, often an extreme or small."""
    pick = rng.random()
    if pick < 0.3:
        return rng.choice((0, 1, UINT256_MAX - 1, UINT256_MAX))
    if pick < 0.5:
        return rng.randint(0, 1000)
    return rng.randint(0, UINT256_MAX)


def random_address(rng):
    pick = rng.random()
    if pick < 0.05:
        return "0x" + "00" * 20
    if pick < 0.1:
        return ETH
    return hx(rng.randbytes(20))


def wrap(token):
    return WETH if token == ETH else token


def random_index(rng, count, signed):
    pick = rng.random()
    if pick < 0.85:
        return rng.randrange(count)
    if pick < 0.9:
        return rng.randint(count, MAX_COINS + 2)
    if signed:
        return rng.choice((-1, INT128_MIN, INT128_MAX, rng.randint(INT128_MIN, -1), rng.randint(0, INT128_MAX)))
    return rng.choice((UINT256_MAX, 2**63, 2**64, rng.randint(0, UINT256_MAX)))


def word(value):
    return (value % 2**256).to_bytes(32, "big")


def words(args, count):
    return [int.from_bytes(args[32 * k:32 * k + 32], "big") for k in range(count)]


def well_formed(kind, value):
    """Vyper's entry check of one head word of this ABI type."""
    if kind == "int128":
        signed = value - 2**256 if value >= 2**255 else value
        return INT128_MIN <= signed <= INT128_MAX
    if kind == "address":
        return value < 2**160
    if kind == "bool":
        return value <= 1
    return True


def as_int128(value):
    return value - 2**256 if value >= 2**255 else value


def address_of(value):
    return "0x" + value.to_bytes(20, "big").hex()


def error(kind, offset, field):
    return {"error": {"kind": kind, "field": field, "offset": offset}}


NOT_SWAP = {"swap": False}


def abi_check(types, names, args):
    """The first truncated or ill-formed head word, as an expectation; None when all are good."""
    if len(args) < 32 * len(types):
        missing = len(args) // 32
        return error("truncated", 4 + 32 * missing, names[missing])
    for k, (kind, value) in enumerate(zip(types, words(args, len(types)))):
        if not well_formed(kind, value):
            return error("invalidValue", 4 + 32 * k, names[k])
    return None


def peer_accepts(types, args):
    try:
        decode(list(types), args)
        return True
    except DecodingError:
        return False


def function_exists(pool, function):
    name, index, _, _ = function
    kind = pool["kind"]
    return (index == "int128") == (kind in SIGNED_KINDS) and not (name == "exchange_underlying" and kind in NO_UNDERLYING)


def expect_pool(pool, function, args):
    name, index, tail, tail_names = function
    if not function_exists(pool, function):
        return NOT_SWAP
    signed = index == "int128"
    types = pool_types(index, tail)
    names = ("i", "j", "dx", "min_dy") + tail_names
    bad = abi_check(types, names, args)
    if bad:
        return bad
    values = words(args, len(types))
    i, j = (as_int128(values[0]), as_int128(values[1])) if signed else (values[0], values[1])
    distinct = name == "exchange_underlying" and pool["kind"] in DISTINCT_UNDERLYING
    count = MAX_COINS if distinct else len(pool["coins"])
    for position, value in ((0, i), (1, j)):
        if not 0 <= value < count:
            return error("invalidValue", 4 + 32 * position, names[position])
    receiver = address_of(values[names.index("receiver")]) if "receiver" in names else None
    coins = [wrap(c) for c in pool["coins"]]
    hop = {"pool": pool["address"], "i": i, "j": j,
           "tokenIn": None if distinct else coins[i], "tokenOut": None if distinct else coins[j]}
    return {"function": name, "legs": [{"hops": [hop], "amountIn": str(values[2]), "limit": str(values[3]),
                                        "recipient": receiver}]}


ROUTER_WORD_TYPES = ["address"] * 11 + ["uint256"] * 27 + ["address"] * 6
ROUTER_WORD_NAMES = ["route"] * 11 + ["swap_params"] * 25 + ["amount", "min_dy"] + ["pools"] * 5 + ["receiver"]


def router_head_words(arity):
    return (38, 43, 44)[arity - 4]


def expect_router(arity, args):
    count = router_head_words(arity)
    bad = abi_check(ROUTER_WORD_TYPES[:count], ROUTER_WORD_NAMES, args)
    if bad:
        return bad
    values = words(args, count)
    route = [address_of(v) for v in values[:11]]
    params = [values[11 + 5 * k:16 + 5 * k] for k in range(5)]
    pools = [address_of(v) for v in values[38:43]] if arity >= 5 else None
    zero = "0x" + "00" * 20
    hops = []
    for step in range(5):
        swap = route[2 * step + 1]
        if step == 0 and swap == zero:
            return error("invalidValue", 4 + 32 * 1, "route")
        base = 11 + 5 * step
        swap_type = params[step][2]
        if not 1 <= swap_type <= 8:
            return error("invalidValue", 4 + 32 * (base + 2), "swap_params")
        if swap_type != 8:
            for m in (0, 1):
                if params[step][m] >= MAX_COINS:
                    return error("invalidValue", 4 + 32 * (base + m), "swap_params")
            pool = swap
            if swap_type == 3:
                pool = pools[step] if pools else zero
                if pool == zero:
                    return error("invalidValue", 4 + 32 * (38 + step if pools else base + 2), "pools")
            hops.append({"pool": pool, "i": params[step][0], "j": params[step][1],
                         "tokenIn": wrap(route[2 * step]), "tokenOut": wrap(route[2 * step + 2])})
        if step == 4 or route[2 * step + 3] == zero:
            break
    if not hops:
        return NOT_SWAP
    receiver = address_of(values[43]) if arity == 6 else None
    return {"function": "exchange", "legs": [{"hops": hops, "amountIn": str(values[36]),
                                             "limit": str(values[37]), "recipient": receiver}]}


def random_pools(rng):
    pools = [TWO_POOL]
    for kind in SIGNED_KINDS + UNSIGNED_KINDS:
        for copy in range(2):
            coins = [random_address(rng) for _ in range(rng.randint(2, MAX_COINS))]
            pools.append({"name": f"{kind}-{copy}", "address": hx(rng.randbytes(20)), "kind": kind, "coins": coins})
    return pools


def random_tail_value(rng, kind):
    if kind == "address":
        return random_address(rng)
    if kind == "bool":
        return rng.random() < 0.5
    return rng.randbytes(32)


def pool_call(rng, pool, function):
    name, index, tail, _ = function
    signed = index == "int128"
    count = MAX_COINS if name == "exchange_underlying" and pool["kind"] in DISTINCT_UNDERLYING else len(pool["coins"])
    values = [random_index(rng, count, signed), random_index(rng, count, signed), random_uint256(rng), random_uint256(rng)]
    values += [random_tail_value(rng, kind) for kind in tail]
    return encode(list(pool_types(index, tail)), values)


def corrupt_pool_args(rng, function, args):
    """A valid encoding truncated, with a dirty word, or with bytes appended."""
    _, index, tail, _ = function
    types = pool_types(index, tail)
    dirty = [k for k, kind in enumerate(types) if kind in ("int128", "address", "bool")]
    pick = rng.random()
    if pick < 0.35 or not dirty:
        return args[:rng.randrange(len(args))]
    if pick < 0.45:
        return args + rng.randbytes(rng.randint(1, 70))
    k = rng.choice(dirty)
    kind = types[k]
    if kind == "int128":
        value = rng.choice((2**127, 2**255 - 1, 2**128 + rng.randrange(8), rng.randint(2**127, 2**256 - 2**127 - 1)))
    elif kind == "address":
        value = rng.randint(1, 2**96 - 1) << 160 | rng.randint(0, 2**160 - 1)
    else:
        value = rng.choice((2, 255, UINT256_MAX, rng.randint(2, UINT256_MAX)))
    return args[:32 * k] + word(value) + args[32 * k + 32:]


def pool_vectors(rng, pools):
    vectors = []
    for pool in pools:
        for function in POOL_FUNCTIONS:
            name, index, tail, tail_names = function
            types = pool_types(index, tail)
            names = ("i", "j", "dx", "min_dy") + tail_names
            sel = selector(signature(name, types))
            count = PER_POOL_FUNCTION + MALFORMED_PER_POOL_FUNCTION if function_exists(pool, function) else ABSENT_PER_POOL_FUNCTION
            for n in range(count):
                args = pool_call(rng, pool, function)
                if n >= PER_POOL_FUNCTION:
                    args = corrupt_pool_args(rng, function, args)
                expect = expect_pool(pool, function, args)
                assert peer_accepts(types, args) == (abi_check(types, names, args) is None), (name, expect)
                vectors.append({"kind": f"pool {pool['kind']} {signature(name, types)}", "to": pool["address"],
                                "data": hx(sel + args), "value": str(rng.choice((0, 0, 1, UINT256_MAX))),
                                "expect": expect})
    return vectors


def random_route(rng):
    steps = rng.randint(1, 5)
    route = [random_address(rng)]
    params = []
    pools = []
    for _ in range(steps):
        route += [hx(rng.randbytes(20)), random_address(rng)]
        swap_type = rng.choice((1, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8))
        i, j = rng.randrange(MAX_COINS), rng.randrange(MAX_COINS)
        pools.append(hx(rng.randbytes(20)) if swap_type == 3 or rng.random() < 0.2 else "0x" + "00" * 20)
        params.append([i, j, swap_type, rng.choice((1, 2, 3, 4, 10, 20, 30)), rng.randint(2, MAX_COINS)])
    # Unused tail: zero, or junk after the terminating zero pool.
    while len(route) < 11:
        route.append("0x" + "00" * 20 if len(route) == 2 * steps + 1 or rng.random() < 0.7 else hx(rng.randbytes(20)))
    params += [[random_uint256(rng) if rng.random() < 0.2 else 0 for _ in range(5)]
               for _ in range(5 - steps)]
    pools += ["0x" + "00" * 20] * (5 - steps)
    return route, params, pools


def spoil_route(rng, route, params, pools):
    """Make one step something the router refuses."""
    steps = next((k + 1 for k in range(5) if k == 4 or route[2 * k + 3] == "0x" + "00" * 20))
    step = rng.randrange(steps)
    pick = rng.random()
    if pick < 0.25:
        route[1] = "0x" + "00" * 20
    elif pick < 0.5:
        params[step][2] = rng.choice((0, 9, 2**64, UINT256_MAX))
    elif pick < 0.75:
        params[step][rng.randrange(2)] = rng.choice((MAX_COINS, 2**63, UINT256_MAX, rng.randint(MAX_COINS, UINT256_MAX)))
    else:
        params[step][2] = 3
        pools[step] = "0x" + "00" * 20


def router_vectors(rng):
    vectors = []
    for _ in range(ROUTER_VECTORS):
        route, params, pools = random_route(rng)
        if rng.random() < 0.2:
            spoil_route(rng, route, params, pools)
        arity = rng.choice((4, 5, 6))
        values = [route, params, random_uint256(rng), random_uint256(rng), pools, random_address(rng)][:arity]
        types = ROUTER_TYPES[:arity]
        args = encode(list(types), values)
        pick = rng.random()
        if pick < 0.06:
            args = args[:rng.randrange(len(args))]
        elif pick < 0.12:
            address_words = list(range(11)) + ([*range(38, 43)] if arity >= 5 else []) + ([43] if arity == 6 else [])
            k = rng.choice(address_words)
            args = args[:32 * k] + word(rng.randint(1, 2**96 - 1) << 160) + args[32 * k + 32:]
        elif pick < 0.15:
            args += rng.randbytes(rng.randint(1, 64))
        expect = expect_router(arity, args)
        head = router_head_words(arity)
        assert peer_accepts(types, args) == (abi_check(ROUTER_WORD_TYPES[:head], ROUTER_WORD_NAMES, args) is None), expect
        vectors.append({"kind": f"router {signature('exchange', types)}", "to": rng.choice(ROUTERS),
                        "data": hx(selector(signature("exchange", types)) + args),
                        "value": str(rng.choice((0, 1, UINT256_MAX))), "expect": expect})
    return vectors


def not_a_swap_vectors(rng, pools):
    known = {selector(signature(name, pool_types(index, tail))) for name, index, tail, _ in POOL_FUNCTIONS}
    known |= {selector(signature("exchange", ROUTER_TYPES[:arity])) for arity in (4, 5, 6)}
    vectors = []
    for n in range(NOT_A_SWAP_VECTORS):
        pool = rng.choice(pools)
        pick = n % 4
        if pick == 0:  # unknown selector
            sel = rng.randbytes(4)
            while sel in known:
                sel = rng.randbytes(4)
            data, to = sel + rng.randbytes(rng.randint(0, 200)), rng.choice((pool["address"],) + ROUTERS)
        elif pick == 1:  # no selector
            data, to = rng.randbytes(rng.randint(0, 3)), rng.choice((pool["address"],) + ROUTERS)
        elif pick == 2:  # a pool function on the router, a router function on a pool
            if rng.random() < 0.5:
                name, index, tail, _ = rng.choice(POOL_FUNCTIONS)
                data, to = selector(signature(name, pool_types(index, tail))) + rng.randbytes(256), rng.choice(ROUTERS)
            else:
                arity = rng.choice((4, 5, 6))
                data, to = selector(signature("exchange", ROUTER_TYPES[:arity])) + bytes(44 * 32), pool["address"]
        else:  # a known function on an address the entry does not name
            name, index, tail, _ = rng.choice(POOL_FUNCTIONS)
            data = selector(signature(name, pool_types(index, tail))) + bytes(8 * 32)
            to = hx(rng.randbytes(20))
        vectors.append({"kind": "not a swap", "to": to, "data": hx(data), "value": "0", "expect": NOT_SWAP})
    return vectors


def build(seed):
    """Vectors for a seed, as generate.py's modules return them."""
    return vectors(random.Random(seed))


def vectors(rng):
    pools = random_pools(rng)
    entry = {"name": "curve", "pools": pools,
             "routers": [{"name": f"router-ng-{k}", "address": a, "kind": "curve-router"} for k, a in enumerate(ROUTERS)]
             + [{"name": "2pool", "address": TWO_POOL["address"], "kind": "pool"}]}
    calls = pool_vectors(rng, pools) + router_vectors(rng) + not_a_swap_vectors(rng, pools)
    return {"entry": entry, "vectors": calls}

