"""Uniswap V3 router vectors: uniswap_v3.json (module UniswapV3).

Peers computing the expected answers:
- eth-abi encodes every SwapRouter / SwapRouter02 function (structs with and
  without deadline, the V2 functions, the three multicalls, nested) with random
  arguments over the full range of each type, and the expected legs are built
  from `eth_abi.decode` of those bytes, not from the arguments that made them.
- uniswap-universal-router-decoder (2.1.0: the last line before the UR v2.1.1
  ABI with `minHopPriceX36`; its V2/V3 swap inputs are those of the deployed
  v1.2 and v2 routers) encodes the Universal Router swap, wrap, unwrap, sweep,
  transfer and pay-portion inputs, and its decoder (`decode.function_input`,
  `decode.v3_path`) gives back the commands and arguments the expected legs are
  built from. Sub-plans (which it does not know) are decoded with eth-abi and
  their inner plan handed to its decoder again. For v1 streams the peer (mask
  0x3f) is given the commands masked to v1's 5 bits; the Swift decoder gets the
  raw bytes, high bits and all.
- Real calldata: the router transactions in
  Tests/UniswapV3Tests/Fixtures/arbitrum_router_txs.json, unwrapped with rlp and
  decoded by the same peers.

What the legs mean (the rules this module and the Swift decoder share) is
documented in Sources/Protocols/UniswapV3: SwapRouter02's exact input of 0 and
the Universal Router's CONTRACT_BALANCE (and V2 ALREADY_PAID, 0) are the
router's balance; exact-output paths come out in swap order; V2 commands give
`uniswap-v2` legs; unassigned command types are errors. A leg has
`"allowRevert": true` only for a swap command whose own byte has the 0x80 flag
(an EXECUTE_SUB_PLAN's flag is not copied onto its legs); a hop has
`"sqrtPriceLimitX96"` only for a non-zero limit of a single-hop function or a
direct pool call.
"""

import json
import random
from pathlib import Path

import rlp
from eth_abi import decode, encode
from eth_utils import keccak, to_checksum_address
from uniswap_universal_router_decoder import FunctionRecipient, RouterCodec

FILE = "uniswap_v3.json"
PEERS = ("eth-abi", "uniswap-universal-router-decoder")
FIXTURE = Path(__file__).resolve().parents[2] / "Tests/UniswapV3Tests/Fixtures/arbitrum_router_txs.json"

DEX = "uniswap-v3"
V2_DEX = "uniswap-v2"
MAX_DEPTH = 3  # levels of multicalls or plans, the outermost included (Kernel's MulticallUnroller)
MAX_CALLS = 64  # multicall elements and plan commands in all levels of one call together
CONTRACT_BALANCE = 1 << 255
SWAP_ROUTER = "0xe592427a0aece92de3edee1f18e0157c05861564"
SWAP_ROUTER_02 = "0x68b3465833fb72a70ecdf485e0e4c7bd8665fc45"
UNIVERSAL_ROUTERS = {  # one deployment per command set; the other two 1.2 deployments below
    "1": "0x4c60051384bd2d3c01bfc845cf5f4b44bcbe9de5",
    "1.2": "0x5e325eda8064b456f4781070c0738d849c824258",
    "2": "0xa51afafe0263b40edaef0df8781ea9aa03e381a3",
}
OTHER_V1_2 = ("0x3fc91a3afd70395cd496c647d5a6cc9d4b2b7fad", "0xec8b0f7ffe3ae75d7ffab09429e3675bb63503e4")
# WETH/USDC 0.05% (token0 WETH, token1 USDC), listed in `pools:` with its coins.
POOL = "0xc6962004f452be9203591991d15f6b388e09e8d0"
POOL_TOKENS = ("0x82af49447d8a07e3bd95bd0d56f35241523fbab1", "0xaf88d065e77c8cc2239327c5edb3a432268e5831")

SINGLE = "(address,address,uint24,address,uint256,uint256,uint256,uint160)"
SINGLE_02 = "(address,address,uint24,address,uint256,uint256,uint160)"
FUNCTIONS = {  # name: (signature, argument types)
    "exactInputSingle": ("exactInputSingle(" + SINGLE + ")", [SINGLE]),
    "exactOutputSingle": ("exactOutputSingle(" + SINGLE + ")", [SINGLE]),
    "exactInput": ("exactInput((bytes,address,uint256,uint256,uint256))", ["(bytes,address,uint256,uint256,uint256)"]),
    "exactOutput": ("exactOutput((bytes,address,uint256,uint256,uint256))", ["(bytes,address,uint256,uint256,uint256)"]),
    "exactInputSingle02": ("exactInputSingle(" + SINGLE_02 + ")", [SINGLE_02]),
    "exactOutputSingle02": ("exactOutputSingle(" + SINGLE_02 + ")", [SINGLE_02]),
    "exactInput02": ("exactInput((bytes,address,uint256,uint256))", ["(bytes,address,uint256,uint256)"]),
    "exactOutput02": ("exactOutput((bytes,address,uint256,uint256))", ["(bytes,address,uint256,uint256)"]),
    "swapExactTokensForTokens": ("swapExactTokensForTokens(uint256,uint256,address[],address)",
                                 ["uint256", "uint256", "address[]", "address"]),
    "swapTokensForExactTokens": ("swapTokensForExactTokens(uint256,uint256,address[],address)",
                                 ["uint256", "uint256", "address[]", "address"]),
    "multicall": ("multicall(bytes[])", ["bytes[]"]),
    "multicallDeadline": ("multicall(uint256,bytes[])", ["uint256", "bytes[]"]),
    "multicallBlockhash": ("multicall(bytes32,bytes[])", ["bytes32", "bytes[]"]),
    # Non-swaps a multicall mixes in.
    "unwrapWETH9": ("unwrapWETH9(uint256,address)", ["uint256", "address"]),
    "refundETH": ("refundETH()", []),
    "sweepToken": ("sweepToken(address,uint256,address)", ["address", "uint256", "address"]),
    "selfPermit": ("selfPermit(address,uint256,uint256,uint8,bytes32,bytes32)",
                   ["address", "uint256", "uint256", "uint8", "bytes32", "bytes32"]),
    "execute": ("execute(bytes,bytes[])", ["bytes", "bytes[]"]),
    "executeDeadline": ("execute(bytes,bytes[],uint256)", ["bytes", "bytes[]", "uint256"]),
    "poolSwap": ("swap(address,bool,int256,uint160,bytes)", ["address", "bool", "int256", "uint160", "bytes"]),
}
SELECTOR = {name: keccak(text=sig)[:4] for name, (sig, _) in FUNCTIONS.items()}
# Cross-checked against shared/fixtures/calldata/selectors.json and the real calldata.
assert SELECTOR["exactInputSingle"].hex() == "414bf389" and SELECTOR["exactInputSingle02"].hex() == "04e45aaf"
assert SELECTOR["executeDeadline"].hex() == "3593564c" and SELECTOR["multicallDeadline"].hex() == "5ae401dc"
BY_SELECTOR = {}
for _name, _sel in SELECTOR.items():
    BY_SELECTOR.setdefault(_sel, []).append(_name)
SWAP_ROUTER_FUNCTIONS = ("exactInputSingle", "exactOutputSingle", "exactInput", "exactOutput", "multicall")
SWAP_ROUTER_02_FUNCTIONS = ("exactInputSingle02", "exactOutputSingle02", "exactInput02", "exactOutput02",
                            "swapExactTokensForTokens", "swapTokensForExactTokens", "multicall",
                            "multicallDeadline", "multicallBlockhash")
NON_SWAPS = ("unwrapWETH9", "refundETH", "sweepToken", "selfPermit")

# Universal Router command tables (Uniswap/universal-router Commands.sol at each deployment):
# what this module's rules do with each masked type.
SWAPS = {0x00: "v3in", 0x01: "v3out", 0x08: "v2in", 0x09: "v2out"}
INVALID = {
    "1": {0x07, 0x0e, 0x0f, 0x1e, 0x1f},
    "1.2": {0x07, 0x0f, 0x1f} | set(range(0x23, 0x40)),
    "2": {0x07, 0x0f} | set(range(0x15, 0x21)) | set(range(0x22, 0x40)),
}
MASK = {"1": 0x1F, "1.2": 0x3F, "2": 0x3F}
SUB_PLAN = {"1": None, "1.2": 0x21, "2": 0x21}


def hx(data):
    return "0x" + bytes(data).hex()


def addr(value):
    return value.lower()


def call(name, args):
    return SELECTOR[name] + encode(FUNCTIONS[name][1], args)


def random_int(rng, bits):
    """Full-range uint of `bits` bits, often an extreme."""
    high = 2**bits - 1
    pick = rng.random()
    if pick < 0.25:
        return rng.choice((0, 1, high - 1, high, 2 ** (bits - 1), CONTRACT_BALANCE % 2**bits))
    if pick < 0.45:
        return rng.randint(0, min(high, 10**6))
    return rng.randint(0, high)


def random_address(rng):
    pick = rng.random()
    if pick < 0.1:
        return "0x" + rng.choice((0, 1, 2)).to_bytes(20, "big").hex()
    if pick < 0.15:
        return "0x" + "ff" * 20
    return hx(rng.randbytes(20))


def random_fee(rng):
    return rng.choice((100, 500, 3000, 10000, 0, 2**24 - 1, rng.randint(0, 2**24 - 1)))


def random_v3_path(rng, junk=False):
    """Tokens and fees, as [token, fee, token, ...], 1 to 4 pools."""
    pools = rng.randint(1, 4)
    seq = [random_address(rng)]
    for _ in range(pools):
        seq += [random_fee(rng), random_address(rng)]
    encoded = b"".join(bytes.fromhex(x[2:]) if isinstance(x, str) else x.to_bytes(3, "big") for x in seq)
    if junk:
        encoded += rng.randbytes(rng.randint(1, 22))
    return encoded


def v3_hops(path, reversed_):
    """Hops in swap order from an encoded path, reading whole pools as the routers do."""
    pools = (len(path) - 20) // 23
    hops = []
    for n in range(pools):
        first = hx(path[n * 23:n * 23 + 20])
        fee = int.from_bytes(path[n * 23 + 20:n * 23 + 23], "big")
        second = hx(path[n * 23 + 23:n * 23 + 43])
        hops.append({"tokenIn": second, "tokenOut": first, "fee": fee} if reversed_ else
                    {"tokenIn": first, "tokenOut": second, "fee": fee})
    return hops[::-1] if reversed_ else hops


def v2_hops(path):
    return [{"tokenIn": addr(a), "tokenOut": addr(b), "fee": None} for a, b in zip(path, path[1:])]


def amount(kind, value):
    return "routerBalance" if kind == "routerBalance" else {kind: str(value)}


def leg(dex, hops, fixed, limit, recipient, deadline, allow_revert=False):
    out = {"dex": dex, "hops": hops, "amount": fixed, "limit": None if limit is None else str(limit),
           "recipient": addr(recipient), "deadline": None if deadline is None else str(deadline)}
    if allow_revert:
        out["allowRevert"] = True
    return out


def with_price_limit(hop, limit):
    """The hop with its sqrtPriceLimitX96 when the call passes one (0 is "none")."""
    return {**hop, "sqrtPriceLimitX96": str(limit)} if limit else hop


class Malformed(Exception):
    """The bytes are not a valid call: the Swift decoder must throw."""


class TooManyCalls(Malformed):
    """More than MAX_CALLS multicall elements and plan commands in one call."""


class CallBudget:
    """The inner calls one call may still hold; each element or command spends one."""

    def __init__(self):
        self.left = MAX_CALLS

    def spend(self):
        if self.left == 0:
            raise TooManyCalls(f"more than {MAX_CALLS} inner calls")
        self.left -= 1


# ---- SwapRouter / SwapRouter02: random calls and a reference decoder over eth-abi ----

def random_router_call(rng, router, depth=0):
    """Random calldata for `router` ("swap-router" or "swap-router-02"), multicalls nesting to `depth`."""
    names = SWAP_ROUTER_FUNCTIONS if router == "swap-router" else SWAP_ROUTER_02_FUNCTIONS
    name = rng.choice(names)
    if name.startswith("multicall") and depth >= MAX_DEPTH - 1:
        name = names[0]
    if name.startswith("multicall"):
        elements = []
        for _ in range(rng.randint(0, 4)):
            pick = rng.random()
            if pick < 0.25:
                non_swap = rng.choice(NON_SWAPS)
                elements.append(call(non_swap, [random_value(rng, t) for t in FUNCTIONS[non_swap][1]]))
            elif pick < 0.35:
                elements.append(rng.randbytes(rng.randint(0, 40)))
            else:
                elements.append(random_router_call(rng, router, depth + 1))
        if name == "multicall":
            return call(name, [elements])
        first = random_int(rng, 256) if name == "multicallDeadline" else rng.randbytes(32)
        return call(name, [first, elements])
    if name in ("swapExactTokensForTokens", "swapTokensForExactTokens"):
        path = [random_address(rng) for _ in range(rng.randint(2, 4))]
        return call(name, [random_int(rng, 256), random_int(rng, 256), path, random_address(rng)])
    struct = FUNCTIONS[name][1][0]
    fields = struct[1:-1].split(",")
    values = []
    for field in fields:
        if field == "bytes":
            values.append(random_v3_path(rng, junk=rng.random() < 0.1))
        else:
            values.append(random_value(rng, field))
    return call(name, [tuple(values)])


def random_value(rng, abi_type):
    if abi_type == "address":
        return random_address(rng)
    if abi_type.startswith("uint"):
        return random_int(rng, int(abi_type[4:]))
    if abi_type == "bytes32":
        return rng.randbytes(32)
    if abi_type == "bytes":
        return rng.randbytes(rng.randint(0, 80))
    raise ValueError(abi_type)


def known(name, router):
    if router == "swap-router":
        return name in SWAP_ROUTER_FUNCTIONS
    return name in SWAP_ROUTER_02_FUNCTIONS


def reference_router(data, router, depth, deadline, legs, budget):
    """Appends the legs of `data` as `router` decodes it; returns the function name or None."""
    if len(data) < 4:
        return None
    names = [n for n in BY_SELECTOR.get(data[:4], []) if known(n, router)]
    if not names:
        return None
    name = names[0]
    try:
        args = decode(FUNCTIONS[name][1], data[4:])
    except Exception as error:
        raise Malformed(f"{name}: {error}") from error
    if name.startswith("multicall"):
        if depth + 1 > MAX_DEPTH:
            raise Malformed("multicall nested too deep")
        inner_deadline = deadline
        if name == "multicallDeadline":
            inner_deadline = args[0] if deadline is None else min(deadline, args[0])
        for element in args[-1]:
            budget.spend()
            reference_router(element, router, depth + 1, inner_deadline, legs, budget)
        return "multicall"
    if name in ("swapExactTokensForTokens", "swapTokensForExactTokens"):
        value, limit, path, to = args
        if len(path) < 2:
            raise Malformed("V2 path shorter than 2")
        exact_in = name == "swapExactTokensForTokens"
        fixed = amount("routerBalance", 0) if exact_in and value == 0 else amount("exactIn" if exact_in else "exactOut", value)
        legs.append(leg(V2_DEX, v2_hops(path), fixed, limit, to, deadline))
        return name
    params = args[0]
    exact_in = name.startswith("exactInput")
    with_deadline = router == "swap-router"
    shift = 1 if with_deadline else 0
    if "Single" in name:
        token_in, token_out, fee, recipient = params[:4]
        hops = [with_price_limit({"tokenIn": addr(token_in), "tokenOut": addr(token_out), "fee": fee}, params[6 + shift])]
        value, limit = params[4 + shift], params[5 + shift]
        own_deadline = params[4] if with_deadline else deadline
    else:
        path, recipient = params[0], params[1]
        if len(path) < 43:
            raise Malformed("V3 path shorter than one pool")
        hops = v3_hops(path, not exact_in)
        value, limit = params[2 + shift], params[3 + shift]
        own_deadline = params[2] if with_deadline else deadline
    if exact_in and value == 0 and router == "swap-router-02":
        fixed = amount("routerBalance", 0)
    else:
        fixed = amount("exactIn" if exact_in else "exactOut", value)
    legs.append(leg(DEX, hops, fixed, limit, recipient, own_deadline))
    return name.removesuffix("02")


def expectation(function, legs):
    return {"function": function, "legs": legs} if function and legs else None


def router_case(rng, router):
    data = random_router_call(rng, router)
    legs = []
    try:
        function = reference_router(data, router, 0, None, legs, CallBudget())
    except Malformed as why:
        return {"kind": router, "name": f"{router} random (malformed: {why})", "to": SWAP_ROUTER if router == "swap-router" else SWAP_ROUTER_02,
                "data": hx(data), "value": "0", "error": "any"}
    return {"kind": router, "name": f"{router} random {function}", "to": SWAP_ROUTER if router == "swap-router" else SWAP_ROUTER_02,
            "data": hx(data), "value": "0", "expect": expectation(function, legs)}


# ---- Universal Router: random plans through the peer ----

CODEC = RouterCodec()


def peer_recipient(rng):
    pick = rng.random()
    if pick < 0.3:
        return (FunctionRecipient.SENDER,), "0x0000000000000000000000000000000000000001"
    if pick < 0.5:
        return (FunctionRecipient.ROUTER,), "0x0000000000000000000000000000000000000002"
    custom = to_checksum_address(random_address(rng))
    return (FunctionRecipient.CUSTOM, custom), custom


def random_swap_input(rng, kind):
    """One swap command's input, encoded by the peer."""
    chain = CODEC.encode.chain()
    (recipient, *custom), _ = peer_recipient(rng)
    custom = custom[0] if custom else None
    value, limit, payer = random_int(rng, 256), random_int(rng, 256), rng.random() < 0.5
    if kind in ("v3in", "v3out"):
        path = random_v3_path(rng)
        seq = [to_checksum_address(hx(path[0:20]))]
        for n in range((len(path) - 20) // 23):
            seq += [int.from_bytes(path[n * 23 + 20:n * 23 + 23], "big"), to_checksum_address(hx(path[n * 23 + 23:n * 23 + 43]))]
        if kind == "v3in":
            chain.v3_swap_exact_in(recipient, value, limit, seq, custom, payer)
        else:
            chain.v3_swap_exact_out(recipient, value, limit, seq, custom, payer)
    else:
        path = [to_checksum_address(random_address(rng)) for _ in range(rng.randint(2, 4))]
        if kind == "v2in":
            chain.v2_swap_exact_in(recipient, value, limit, path, custom, payer)
        else:
            chain.v2_swap_exact_out(recipient, value, limit, path, custom, payer)
    return chain.commands[0], chain.arguments[0]


def random_other_input(rng):
    """A non-swap command every version shares, encoded by the peer or eth-abi."""
    chain = CODEC.encode.chain()
    (recipient, *custom), _ = peer_recipient(rng)
    custom = custom[0] if custom else None
    token = to_checksum_address(random_address(rng))
    pick = rng.randrange(6)
    if pick == 0:
        chain.wrap_eth(recipient, random_int(rng, 256), custom)
    elif pick == 1:
        chain.unwrap_weth(recipient, random_int(rng, 256), custom)
    elif pick == 2:
        chain.sweep(recipient, token, random_int(rng, 256), custom)
    elif pick == 3:
        chain.transfer(recipient, token, random_int(rng, 256), custom)
    elif pick == 4:
        chain.pay_portion(recipient, token, rng.randint(0, 10000), custom)
    else:
        details = (token, random_int(rng, 160), random_int(rng, 48), random_int(rng, 48))
        permit = encode(["((address,uint160,uint48,uint48),address,uint256)", "bytes"],
                        [(details, random_address(rng), random_int(rng, 256)), rng.randbytes(65)])
        return 0x0A, permit
    return chain.commands[0], chain.arguments[0]


def random_plan(rng, version, depth=1):
    """(raw commands, peer commands, inputs): the peer's commands have v1's ignored bits cleared."""
    raw, peer, inputs = bytearray(), bytearray(), []
    for _ in range(rng.randint(0, 5)):
        pick = rng.random()
        if pick < 0.5:
            command, data = random_swap_input(rng, rng.choice(list(SWAPS.values())))
        elif pick < 0.75:
            command, data = random_other_input(rng)
        elif pick < 0.85 and SUB_PLAN[version] and depth < MAX_DEPTH:
            sub_raw, _, sub_inputs = random_plan(rng, version, depth + 1)
            command, data = SUB_PLAN[version], encode(["bytes", "bytes[]"], [bytes(sub_raw), sub_inputs])
        else:
            # A command that is skipped without reading its input: V4/NFT/position manager.
            skipped = {"1": 0x12, "1.2": 0x10, "2": 0x10}[version]
            command, data = skipped, rng.randbytes(rng.randint(0, 100))
        flag = 0x80 if rng.random() < 0.2 else 0
        junk = rng.choice((0, 0, 0x40)) | (0x20 if version == "1" and rng.random() < 0.3 else 0)
        raw.append(command | flag | junk)
        peer.append(command | flag)
        inputs.append(data)
    return raw, peer, inputs


def execute_call(commands, inputs, deadline):
    if deadline is None:
        return call("execute", [bytes(commands), inputs])
    return call("executeDeadline", [bytes(commands), inputs, deadline])


def reference_plan(data, version, deadline, depth, legs, budget):
    """Appends the legs of the `execute` calldata `data` using the peer's decoder."""
    if depth > MAX_DEPTH:
        raise Malformed("sub-plan nested too deep")
    _, decoded = CODEC.decode.function_input(data)
    commands, raw_inputs = decoded["commands"], decode(["bytes", "bytes[]"], data[4:])[1]
    if len(commands) != len(raw_inputs):
        raise Malformed("commands and inputs differ in length")
    for byte, peer_input, raw_input in zip(commands, decoded["inputs"], raw_inputs):
        budget.spend()
        command = byte & MASK[version]
        if command in INVALID[version]:
            raise Malformed(f"command {command:#x} is invalid in {version}")
        if command == SUB_PLAN[version]:
            sub_commands, sub_inputs = decode(["bytes", "bytes[]"], raw_input)
            reference_plan(call("execute", [sub_commands, sub_inputs]), version, deadline, depth + 1, legs, budget)
            continue
        kind = SWAPS.get(command)
        if kind is None:
            continue
        function, params = peer_input[0], peer_input[1]
        exact_in = kind.endswith("in")
        names = ("amountIn", "amountOutMin") if exact_in else ("amountOut", "amountInMax")
        value, limit = params[names[0]], params[names[1]]
        if kind.startswith("v3"):
            seq = CODEC.decode.v3_path(function.fn_name, params["path"])
            hops = [{"tokenIn": addr(seq[i]), "tokenOut": addr(seq[i + 2]), "fee": seq[i + 1]} for i in range(0, len(seq) - 2, 2)]
            balance = exact_in and value == CONTRACT_BALANCE
            dex = DEX
        else:
            hops = v2_hops(params["path"])
            balance = exact_in and value in (0, CONTRACT_BALANCE)
            dex = V2_DEX
        fixed = amount("routerBalance", 0) if balance else amount("exactIn" if exact_in else "exactOut", value)
        legs.append(leg(dex, hops, fixed, limit, params["recipient"], deadline, allow_revert=bool(byte & 0x80)))


def universal_case(rng, version):
    raw, peer, inputs = random_plan(rng, version)
    deadline = random_int(rng, 256) if rng.random() < 0.7 else None
    if rng.random() < 0.08:
        raw.append(rng.choice(sorted(INVALID[version])))
        peer.append(raw[-1] & MASK[version])
        inputs.append(b"")
    data, peer_data = execute_call(raw, inputs, deadline), execute_call(peer, inputs, deadline)
    legs = []
    case = {"kind": f"universal-router {version}", "to": UNIVERSAL_ROUTERS[version], "data": hx(data), "value": "0"}
    try:
        reference_plan(peer_data, version, deadline, 1, legs, CallBudget())
    except Malformed as why:
        kind = "tooLarge" if isinstance(why, TooManyCalls) else "invalidValue"
        return {"name": f"universal-router {version}: {why}", **case, "error": kind}
    return {"name": f"universal-router {version} random plan {peer.hex()}", **case, "expect": expectation("execute", legs)}


# ---- Direct pool calls ----

def pool_case(rng):
    amount_specified = rng.choice((0, 1, -1, 2**255 - 1, -(2**255), rng.randint(-(2**255), 2**255 - 1)))
    zero_for_one = rng.random() < 0.5
    recipient = random_address(rng)
    data = call("poolSwap", [recipient, zero_for_one, amount_specified, random_int(rng, 160), rng.randbytes(rng.randint(0, 70))])
    recipient, zero_for_one, amount_specified, price_limit, _ = decode(FUNCTIONS["poolSwap"][1], data[4:])
    token_in, token_out = POOL_TOKENS if zero_for_one else POOL_TOKENS[::-1]
    hop = with_price_limit({"pool": POOL, "zeroForOne": zero_for_one, "tokenIn": token_in, "tokenOut": token_out}, price_limit)
    fixed = amount("exactOut", -amount_specified) if amount_specified < 0 else amount("exactIn", amount_specified)
    return {"kind": "pool", "name": "pool swap", "to": POOL, "data": hx(data), "value": "0",
            "expect": expectation("swap", [{"dex": DEX, "hops": [hop], "amount": fixed, "limit": None,
                                            "recipient": addr(recipient), "deadline": None}])}


# ---- Malformed encodings of valid calls ----

def word_at(data, offset):
    return int.from_bytes(data[offset:offset + 32], "big")


def with_word(data, offset, value):
    return data[:offset] + value.to_bytes(32, "big") + data[offset + 32:]


def malformed_case(rng):
    """A valid call with one offset, length or the tail broken; eth-abi must refuse it too."""
    router = rng.choice(("swap-router", "swap-router-02", "universal-router"))
    if router == "universal-router":
        version = rng.choice(list(UNIVERSAL_ROUTERS))
        raw, _, inputs = random_plan(rng, version)
        data, to, types = execute_call(raw, inputs, 1), UNIVERSAL_ROUTERS[version], FUNCTIONS["executeDeadline"][1]
    else:
        name = "exactInput" if router == "swap-router" else "exactInput02"
        data = call(name, [tuple(random_value(rng, t) if t != "bytes" else random_v3_path(rng)
                                 for t in FUNCTIONS[name][1][0][1:-1].split(","))])
        if rng.random() < 0.5:
            data = call("multicall", [[data, data]])
        to, types = (SWAP_ROUTER if router == "swap-router" else SWAP_ROUTER_02), FUNCTIONS["multicall" if data[:4] == SELECTOR["multicall"] else name][1]
    pick = rng.randrange(3)
    if pick == 0:
        cut = rng.randint(32, max(32, min(len(data) - 4, 200)))
        bad, why = data[:-cut], f"last {cut} bytes cut off"
    elif pick == 1:
        value = rng.choice((len(data), len(data) + 32, 2**64, 2**256 - 1))
        bad, why = with_word(data, 4, value), f"first offset set to {value:#x}"
    else:
        offset = 4 + word_at(data, 4)
        value = rng.choice((len(data), 2**64, 2**256 - 1))
        bad, why = with_word(data, offset, value), f"first length set to {value:#x}"
    try:
        decode(types, bad[4:])
    except Exception:
        return {"kind": "malformed", "name": f"{router} malformed: {why}", "to": to, "data": hx(bad), "value": "0", "error": "any"}
    return None


# ---- Real calldata ----

def unwrap(raw):
    """(to, value, data) of a raw transaction (legacy or typed 0x01/0x02)."""
    blob = bytes.fromhex(raw[2:])
    if blob[0] >= 0xC0:
        fields = rlp.decode(blob)
        return fields[3], fields[4], fields[5]
    fields = rlp.decode(blob[1:])
    return {1: (fields[4], fields[5], fields[6]), 2: (fields[5], fields[6], fields[7])}[blob[0]]


def real_cases():
    cases = []
    versions = {address: version for version, address in UNIVERSAL_ROUTERS.items()}
    versions.update((address, "1.2") for address in OTHER_V1_2)
    for tx in json.loads(FIXTURE.read_text())["transactions"]:
        to, value, data = unwrap(tx["raw"])
        to = hx(to)
        legs = []
        if to in versions:
            deadline = decode(FUNCTIONS["executeDeadline"][1], data[4:])[2] if data[:4] == SELECTOR["executeDeadline"] else None
            reference_plan(data, versions[to], deadline, 1, legs, CallBudget())
            function = "execute"
        else:
            function = reference_router(data, "swap-router" if to == SWAP_ROUTER else "swap-router-02", 0, None, legs, CallBudget())
        cases.append({"kind": "real", "name": f"real {tx['to_label']} {tx['hash']}", "hash": tx["hash"], "to": to,
                      "data": hx(data), "value": str(int.from_bytes(value, "big")), "expect": expectation(function, legs)})
    return cases


def build(seed):
    """The vectors for `seed`: the generator's config, random cases and the real calls."""
    rng = random.Random(seed)
    cases = [router_case(rng, "swap-router") for _ in range(300)]
    cases += [router_case(rng, "swap-router-02") for _ in range(400)]
    for ur_version in UNIVERSAL_ROUTERS:
        cases += [universal_case(rng, ur_version) for _ in range(200)]
    cases += [pool_case(rng) for _ in range(60)]
    cases += [c for c in (malformed_case(rng) for _ in range(200)) if c]
    return {
        "config": [{"dex": DEX, "v2Dex": V2_DEX, "swapRouter": SWAP_ROUTER, "swapRouter02": SWAP_ROUTER_02,
                    "universalRouters": UNIVERSAL_ROUTERS, "otherV1_2": list(OTHER_V1_2),
                    "pool": {"address": POOL, "coins": list(POOL_TOKENS)}}],
        "cases": cases,
        "real": real_cases(),
    }
