"""MagpieRouterV3 call vectors, for aggregators.json.

Source: the verified MagpieRouterV3 (LibRouter.getData, getInput, executeCommand*), read
independently of the Swift decoder (docs/adr/0010). `swapWithMagpieSignature(bytes)` and
`swapWithUserSignature(bytes)` carry one program, assembled here as the router reads it, every
position absolute from the selector:
- header at 68: the data region's length D, the outputs' size, recipient, asset in, asset out
  (zero: ether), then deadline, least output, swap fee and amount in as 3-byte references
  (shift byte, 2-byte position: the value is the word there shifted right), signature, permit
  flag 0, affiliate flag (with its address and fee reference when set);
- the data region holds every literal: an amount is a shift byte followed by its bytes (an
  Amount sequence points at the shift byte), addresses, selectors, raw ABI tails, and the
  sequences; the 9-byte commands follow it, to the end of the bytes argument.

Programs are written the way Magpie's real ones are (the fixture's call, and the public samples
docs/adr/0010 names): the input pulled with TransferFrom to the first V2 pair or
to the router for a first V3 pool; a V2 hop reads its reserves and balance, subtracts, and
calls the pair's `swap` with the paid side's amount out a written zero, sending to the next
pair or the router; a V3 hop calls the pool's `swap(router, zeroForOne, amount, limit, data)`
with the token paid in leading `data`, the first with the written amount in, later ones an
earlier output; the standard tail pays the surplus over the quote to Magpie and the rest to
the recipient. Expected: one leg, the header's amount in, least output, recipient and deadline;
each hop's pool and direction, its token in where written (the first hop's the asset in, a V3
hop's its callback token) and its token out the next hop's token in (the asset out for the
last); ether as WETH; a V3 price limit other than the open ones kept. A program that also calls
another DEX kind (Curve's `exchange`) or splits its input over two transfers is an unknown
route with the header's pair (ether as the zero address) and amounts.
Malformed: the calldata cut inside the bytes argument, or an action the router reverts on.
"""

from call_values import address, selector

MAGPIE = "0x34cdce58cbdc6c54f2ac808a24561d0ab18ca8be"
WETH = "0x82af49447d8a07e3bd95bd0d56f35241523fbab1"
ZERO = "0x" + "00" * 20
ENTRY = {"name": "magpie", "plugin": "magpie", "wrappedNative": WETH, "routers": [{"name": "v3", "address": MAGPIE, "kind": "router-v3"}]}
MIN_SQRT = 4295128739
MAX_SQRT = 1461446703485210103287273052203988822378723970342
COLLECTOR = "0xeda49bce2f38d284f839be1f4f2e23e6c7cc7dbd"
CALL, APPROVAL, TRANSFER_FROM, TRANSFER, WRAP, UNWRAP, BALANCE, MATH, COMPARISON = range(9)


class Program:
    """A program being assembled: the data region (from absolute position 70) and commands."""

    def __init__(self):
        self.data = bytearray()
        self.commands = bytearray()
        self.outputs = 0

    def at(self):
        return 70 + len(self.data)

    def put(self, raw):
        position = self.at()
        self.data += raw
        return position

    def amount(self, rng, value):
        """A shifted literal; its shift byte's position."""
        width = max(1, (value.bit_length() + 7) // 8) + rng.randrange(3)
        width = min(width, 32)
        return self.put(bytes([256 - 8 * width if width < 32 else 0]) + value.to_bytes(width, "big"))

    def header_ref(self, rng, value):
        position = self.amount(rng, value)
        return bytes([self.data[position - 70]]) + (position + 1).to_bytes(2, "big")

    def command(self, action, sequences, target=None, output=0):
        start = self.put(bytes(sequences))
        target_position = self.put(bytes.fromhex(target[2:])) if target else 0
        self.commands += bytes([action]) + output.to_bytes(2, "big") + start.to_bytes(2, "big") + (start + len(sequences)).to_bytes(2, "big") + target_position.to_bytes(2, "big")
        if action == CALL:
            position, self.outputs = self.outputs, self.outputs + output
        elif action in (BALANCE, MATH, COMPARISON):
            position, self.outputs = self.outputs, self.outputs + 32
        else:
            position = None
        return position

    # Sequences.
    def s_selector(self, signature):
        return [1] + list(self.put(selector(signature)).to_bytes(2, "big"))

    def s_address(self, value):
        return [2] + list(self.put(bytes.fromhex(value[2:])).to_bytes(2, "big"))

    def s_amount(self, rng, value):
        return [3] + list(self.amount(rng, value).to_bytes(2, "big"))

    def s_data(self, raw):
        return [4] + list(self.put(raw).to_bytes(2, "big")) + list(len(raw).to_bytes(2, "big"))

    @staticmethod
    def s_output(offset):
        return [5] + list(offset.to_bytes(2, "big"))

    ROUTER = [6]


def word(value):
    return value.to_bytes(32, "big")


def build_call(rng, function, recipient, asset_in, asset_out, deadline, least, fee, amount_in, affiliate, body):
    """Assembles the whole call; `body(program)` writes the commands."""
    fixed = 2 + 20 * 3 + 12 + 65 + 2 + (23 if affiliate else 0)
    program = Program()
    program.data += bytes(fixed)
    refs = [program.header_ref(rng, value) for value in (deadline, least, fee, amount_in)]
    affiliate_ref = program.header_ref(rng, rng.getrandbits(60)) if affiliate else b""
    body(program)
    header = program.outputs.to_bytes(2, "big") + b"".join(bytes.fromhex(a[2:]) for a in (recipient, asset_in, asset_out))
    header += b"".join(refs) + rng.randbytes(64) + bytes([27 + rng.randrange(2), 0, 1 if affiliate else 0])
    if affiliate:
        header += bytes.fromhex(address(rng)[2:]) + affiliate_ref
    assert len(header) == fixed
    program.data[:fixed] = header
    payload = len(program.data).to_bytes(2, "big") + bytes(program.data) + bytes(program.commands)
    padding = bytes((32 - len(payload) % 32) % 32)
    return selector(f"{function}(bytes)") + word(0x20) + word(len(payload)) + payload + padding


def v2_hop(program, rng, pool, token_in, zero_for_one, to):
    """A V2 pair hop as Magpie writes it: reserves, balance, their difference, a quote, `swap`."""
    reserves = program.command(CALL, program.s_selector("getReserves()"), pool, 64)
    balance = program.command(CALL, program.s_selector("balanceOf(address)") + program.s_address(pool), token_in, 32)
    reserve_in = reserves if zero_for_one else reserves + 32
    paid = program.command(MATH, program.s_amount(rng, 0x020A0B << 232) + program.s_output(balance) + program.s_output(reserve_in))
    quote = program.command(CALL, program.s_selector("getAmountOut(uint256,address)") + program.s_output(paid) + program.s_address(token_in), pool, 32)
    outs = program.s_amount(rng, 0) + program.s_output(quote) if zero_for_one else program.s_output(quote) + program.s_amount(rng, 0)
    to_sequence = Program.ROUTER if to is None else program.s_address(to)
    program.command(CALL, program.s_selector("swap(uint256,uint256,address,bytes)") + outs + to_sequence + program.s_data(word(0x80) + word(0)), pool, 0)
    return quote


def v3_hop(program, rng, pool, token_in, zero_for_one, amount_sequence, limit):
    """A V3 pool hop: `swap(router, zeroForOne, amount, limit, data)`, then |its output|."""
    blob = word(limit) + word(0xA0) + word(0x14) + bytes.fromhex(token_in[2:]) + bytes(12)
    deltas = program.command(CALL, program.s_selector("swap(address,bool,int256,uint160,bytes)") + Program.ROUTER
                             + program.s_amount(rng, int(zero_for_one)) + amount_sequence + program.s_data(blob), pool, 64)
    out = deltas + 32 if zero_for_one else deltas
    return program.command(MATH, program.s_amount(rng, 0x070A00 << 232) + program.s_output(out))


def tail(program, rng, asset_out, recipient, quote):
    """The standard tail: the surplus over the quote to Magpie, the rest to the recipient."""
    token = asset_out
    balance = program.command(BALANCE, program.s_address(token))
    capped = program.command(COMPARISON, program.s_amount(rng, 0x0206070706 << 216) + program.s_output(balance) + program.s_amount(rng, quote))
    surplus = program.command(MATH, program.s_amount(rng, 0x020A0B << 232) + program.s_output(capped) + program.s_amount(rng, quote))
    program.command(TRANSFER, program.s_address(token) + program.s_address(COLLECTOR) + program.s_output(surplus))
    paid = program.command(COMPARISON, program.s_amount(rng, 0x0506070807 << 216) + program.s_output(capped) + program.s_amount(rng, quote) + program.s_output(balance))
    program.command(TRANSFER, program.s_address(token) + program.s_address(recipient) + program.s_output(paid))


def swap(rng):
    """A random program and the swap it makes."""
    kind = rng.choice(["chain", "chain", "chain", "other-dex", "split"])
    function = rng.choice(["swapWithMagpieSignature", "swapWithUserSignature"])
    count = rng.randrange(1, 4)
    ether_in, ether_out = rng.random() < 0.2, rng.random() < 0.2
    tokens = [WETH if ether_in else address(rng)] + [address(rng) for _ in range(count - 1)] + [WETH if ether_out else address(rng)]
    asset_in, asset_out = ZERO if ether_in else tokens[0], ZERO if ether_out else tokens[-1]
    hops = [(rng.choice(["v2", "v3"]), address(rng), bool(rng.getrandbits(1))) for _ in range(count)]
    recipient, deadline = address(rng), rng.getrandbits(32)
    least, fee, amount_in = rng.getrandbits(rng.choice([8, 64, 128])), rng.choice([0, rng.getrandbits(60)]), rng.getrandbits(rng.choice([8, 64, 128, 200])) | 2
    limits = []

    def body(program):
        first_kind, first_pool, _ = hops[0]
        if kind == "split":
            half = amount_in // 2
            program.command(TRANSFER_FROM, program.s_address(first_pool) + program.s_amount(rng, half))
            program.command(TRANSFER_FROM, program.s_address(address(rng)) + program.s_amount(rng, amount_in - half))
        elif ether_in:
            program.command(WRAP, program.s_address(WETH) + program.s_amount(rng, amount_in))
            if first_kind == "v2":
                program.command(TRANSFER, program.s_address(WETH) + program.s_address(first_pool) + program.s_amount(rng, amount_in))
        else:
            to = first_pool if first_kind == "v2" else None
            program.command(TRANSFER_FROM, (program.s_address(to) if to else Program.ROUTER) + program.s_amount(rng, amount_in))
        previous = None
        for index, (hop_kind, pool, zero_for_one) in enumerate(hops):
            next_hop = hops[index + 1] if index + 1 < count else None
            if hop_kind == "v2":
                to = next_hop[1] if next_hop and next_hop[0] == "v2" else None
                previous = v2_hop(program, rng, pool, tokens[index], zero_for_one, to)
            else:
                limit = rng.choice([MIN_SQRT + 1 if zero_for_one else MAX_SQRT - 1, rng.getrandbits(160) | 1])
                limits.append((index, limit))
                amount_sequence = program.s_amount(rng, amount_in) if index == 0 else program.s_output(previous)
                previous = v3_hop(program, rng, pool, tokens[index], zero_for_one, amount_sequence, limit)
                if next_hop and next_hop[0] == "v2":
                    program.command(TRANSFER, program.s_address(tokens[index + 1]) + program.s_address(next_hop[1]) + program.s_output(previous))
            if kind == "other-dex" and index == count - 1:
                program.command(APPROVAL, program.s_address(tokens[-1]) + program.s_address(pool) + program.s_output(previous))
                program.command(CALL, program.s_selector("exchange(int128,int128,uint256,uint256)") + program.s_amount(rng, 0)
                                + program.s_amount(rng, 1) + program.s_output(previous) + program.s_amount(rng, 0), address(rng), 32)
        if ether_out:
            program.command(UNWRAP, program.s_address(WETH) + program.s_output(previous))
        tail(program, rng, asset_out, recipient, least + rng.getrandbits(20))

    data = build_call(rng, function, recipient, asset_in, asset_out, deadline, least, fee, amount_in, rng.random() < 0.5, body)
    if kind != "chain":
        route = {"aggregator": "magpie", "tokenIn": asset_in, "tokenOut": asset_out, "amountIn": str(amount_in), "amountOutMin": str(least)}
        return data, {"function": function, "legs": [], "unknownRoutes": [route]}
    written = dict(limits)
    token_in = [tokens[0]] + [tokens[k] if hops[k][0] == "v3" else None for k in range(1, count)]
    legs_hops = []
    for index, (_, pool, zero_for_one) in enumerate(hops):
        hop = {"tokenIn": token_in[index], "tokenOut": token_in[index + 1] if index + 1 < count else tokens[-1],
               "pool": pool, "zeroForOne": zero_for_one}
        limit = written.get(index)
        if limit is not None and limit not in (MIN_SQRT + 1, MAX_SQRT - 1):
            hop["sqrtPriceLimitX96"] = str(limit)
        legs_hops.append(hop)
    leg = {"hops": legs_hops, "amountIn": str(amount_in), "limit": str(least), "recipient": recipient, "deadline": str(deadline)}
    return data, {"function": function, "legs": [leg], "unknownRoutes": []}


def build(rng, per_function, malformed_per_function):
    vectors, malformed = [], []
    for _ in range(3 * per_function):
        data, expected = swap(rng)
        vectors.append({"kind": "magpie", "dex": "magpie", "to": MAGPIE, "data": "0x" + data.hex(), "value": "0", "expected": expected})
    for index in range(malformed_per_function):
        data, _ = swap(rng)
        length = int.from_bytes(data[36:68], "big")
        if index % 2 == 0:
            # Cut inside the bytes argument.
            data, error = data[:rng.randrange(68, 68 + length)], "truncated"
        else:
            # An action past EstimateGasEnd on the first command.
            start = 70 + int.from_bytes(data[68:70], "big")
            data, error = data[:start] + bytes([rng.randrange(11, 256)]) + data[start + 1:], "invalidValue"
        malformed.append({"kind": "magpie", "dex": "magpie", "to": MAGPIE, "data": "0x" + data.hex(), "value": "0", "error": error})
    return vectors, malformed
