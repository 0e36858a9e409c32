# pragma version 0.4.3
# pragma evm-version cancun
"""
@title Arbitrage cycle executor
@notice Runs one cycle of swaps (Uniswap V2 pairs and forks, Camelot V2 pairs, Uniswap V3 pools,
        Algebra pools, Curve StableSwap pools) in one transaction for its owner, then pays the
        owner the profit in the start token, and reverts unless the profit reaches the minimum
        the calldata asks for. The calldata is packed (no selector): see contracts/README.md.
        A cycle whose first pool lends (V2 flash swap, V3/Algebra callback) needs nothing
        prefunded; a cycle starting at a Curve pool spends the executor's own start tokens.
        Callbacks are accepted only from the pool this contract is waiting for at that moment,
        kept in transient storage and cleared on first use.
"""

interface ERC20:
    def transfer(receiver: address, amount: uint256) -> bool: nonpayable
    def approve(spender: address, amount: uint256) -> bool: nonpayable
    def balanceOf(account: address) -> uint256: view

interface Pair:
    def token0() -> address: view
    def token1() -> address: view
    def getReserves() -> (uint112, uint112, uint32): view
    def swap(amount0Out: uint256, amount1Out: uint256, to: address, data: Bytes[ROUTE_BYTES]): nonpayable

interface CamelotPair:
    def getAmountOut(amountIn: uint256, tokenIn: address) -> uint256: view

interface ConcentratedPool:
    def swap(recipient: address, zeroForOne: bool, amountSpecified: int256, sqrtPriceLimitX96: uint160, data: Bytes[ROUTE_BYTES]) -> (int256, int256): nonpayable

interface CurvePool:
    def coins(index: uint256) -> address: view
    def exchange(i: int128, j: int128, dx: uint256, min_dy: uint256): nonpayable


# The hop kinds, as Swift's HopKind numbers them.
UNISWAP_V2: constant(uint256) = 0
CAMELOT_V2: constant(uint256) = 1
UNISWAP_V3: constant(uint256) = 2
ALGEBRA: constant(uint256) = 3
CURVE: constant(uint256) = 4

# How an opcode names its pool: by address, or by a table index of 1 or 2 (= form) bytes.
BY_ADDRESS: constant(uint256) = 0
BY_LONG_INDEX: constant(uint256) = 2

MAX_HOPS: constant(uint256) = 8
POOL_TABLE_SIZE: constant(uint256) = 65536
# abi_encode(DynArray[Hop, MAX_HOPS]): offset, length, 5 words per hop.
ROUTE_BYTES: constant(uint256) = 64 + MAX_HOPS * 160

# The price limits of an exact-input swap that no price reaches (TickMath's bounds, one inside).
MIN_SQRT_PRICE_LIMIT: constant(uint160) = 4295128740
MAX_SQRT_PRICE_LIMIT: constant(uint160) = 1461446703485210103287273052203988822378723970341


struct Hop:
    kind: uint256
    pool: address
    zero_for_one: bool
    coin_in: uint256
    coin_out: uint256


owner: public(immutable(address))
paused: public(bool)
pools: public(HashMap[uint256, address])

# The pool whose callback is accepted now, the token it is to be paid in, and the most it may
# take; the hash of the route handed to the first pool, which its callback must hand back.
expected_pool: transient(address)
debt_token: transient(address)
debt_limit: transient(uint256)
route_hash: transient(bytes32)


@deploy
def __init__():
    owner = msg.sender


@external
def __default__():
    """Runs the cycle the packed calldata describes (see contracts/README.md)."""
    assert msg.sender == owner, "not owner"
    assert not self.paused, "paused"
    route: DynArray[Hop, MAX_HOPS] = []
    amount_in: uint256 = 0
    minimum_profit: uint256 = 0
    route, amount_in, minimum_profit = self._decode()
    first: Hop = route[0]
    token: address = self._token_in(first)
    before: uint256 = staticcall ERC20(token).balanceOf(self)
    if first.kind == CURVE:
        self._run(route, 0, amount_in)
    else:
        self._flash(first, token, amount_in, route)
    after: uint256 = staticcall ERC20(token).balanceOf(self)
    assert after > before, "unprofitable"
    assert after - before >= minimum_profit, "below minimum profit"
    self._transfer(token, owner, after - before)


@external
def uniswapV2Call(sender: address, amount0: uint256, amount1: uint256, data: Bytes[ROUTE_BYTES]):
    """The flash swap of a cycle's first V2 or Camelot V2 pair: runs the other hops, then
    repays the pair the cycle's input."""
    self._accept_callback()
    token: address = self.debt_token
    owed: uint256 = self.debt_limit
    self._run(self._own_route(data), 1, amount0 + amount1)
    self._transfer(token, msg.sender, owed)


@external
def uniswapV3SwapCallback(amount0Delta: int256, amount1Delta: int256, data: Bytes[ROUTE_BYTES]):
    """A Uniswap V3 pool asking to be paid."""
    self._settle(amount0Delta, amount1Delta, data)


@external
def algebraSwapCallback(amount0Delta: int256, amount1Delta: int256, data: Bytes[ROUTE_BYTES]):
    """An Algebra pool asking to be paid."""
    self._settle(amount0Delta, amount1Delta, data)


@external
def setPool(index: uint256, pool: address):
    """Puts `pool` at `index` of the pool table (the empty address removes it)."""
    assert msg.sender == owner, "not owner"
    assert index < POOL_TABLE_SIZE, "index too large"
    self.pools[index] = pool


@external
def setPaused(paused: bool):
    """Pauses (or resumes) cycle execution."""
    assert msg.sender == owner, "not owner"
    self.paused = paused


@external
def withdraw(token: address, amount: uint256):
    """Sends `amount` of `token` held here to the owner."""
    assert msg.sender == owner, "not owner"
    self._transfer(token, owner, amount)


@external
def withdrawEther(amount: uint256):
    """Sends `amount` wei held here to the owner."""
    assert msg.sender == owner, "not owner"
    send(owner, amount)


@internal
def _accept_callback():
    assert msg.sender == self.expected_pool, "unexpected callback"
    self.expected_pool = empty(address)


@internal
def _own_route(data: Bytes[ROUTE_BYTES]) -> DynArray[Hop, MAX_HOPS]:
    """The route this contract handed the first pool, refused if the pool changed it."""
    assert keccak256(data) == self.route_hash, "foreign route"
    self.route_hash = empty(bytes32)
    return abi_decode(data, DynArray[Hop, MAX_HOPS])


@internal
def _settle(amount0_delta: int256, amount1_delta: int256, data: Bytes[ROUTE_BYTES]):
    """Pays the expected concentrated-liquidity pool what it is owed, at most the hop's input;
    the first hop of a cycle (data carries the route) runs the other hops first."""
    self._accept_callback()
    token: address = self.debt_token
    limit: uint256 = self.debt_limit
    owed: uint256 = convert(max(amount0_delta, amount1_delta), uint256)
    assert owed <= limit, "overcharged"
    if len(data) > 0:
        received: uint256 = convert(-min(amount0_delta, amount1_delta), uint256)
        self._run(self._own_route(data), 1, received)
    self._transfer(token, msg.sender, owed)


@internal
def _flash(first: Hop, token: address, amount_in: uint256, route: DynArray[Hop, MAX_HOPS]):
    """Swaps at the first pool with the input owed until its callback, which runs the rest."""
    self._expect(first.pool, token, amount_in)
    data: Bytes[ROUTE_BYTES] = abi_encode(route)
    self.route_hash = keccak256(data)
    if first.kind == UNISWAP_V2 or first.kind == CAMELOT_V2:
        out: uint256 = self._pair_out(first, token, amount_in)
        if first.zero_for_one:
            extcall Pair(first.pool).swap(0, out, self, data)
        else:
            extcall Pair(first.pool).swap(out, 0, self, data)
    else:
        self._concentrated_swap(first, amount_in, data)
    assert self.expected_pool == empty(address), "no callback"


@internal
def _run(route: DynArray[Hop, MAX_HOPS], start: uint256, amount_in: uint256) -> uint256:
    """Swaps route[start:] in order, each hop spending all of the previous one's output, from
    tokens already held here; returns the last output."""
    amount: uint256 = amount_in
    for index: uint256 in range(start, start + MAX_HOPS, bound=MAX_HOPS):
        if index >= len(route):
            break
        amount = self._swap(route[index], amount)
    return amount


@internal
def _swap(hop: Hop, amount_in: uint256) -> uint256:
    """One hop paid from tokens held here; returns what it sent here."""
    token: address = self._token_in(hop)
    if hop.kind == CURVE:
        coin_out: address = staticcall CurvePool(hop.pool).coins(hop.coin_out)
        held: uint256 = staticcall ERC20(coin_out).balanceOf(self)
        assert extcall ERC20(token).approve(hop.pool, amount_in, default_return_value=True), "approve failed"
        extcall CurvePool(hop.pool).exchange(convert(hop.coin_in, int128), convert(hop.coin_out, int128), amount_in, 0)
        return staticcall ERC20(coin_out).balanceOf(self) - held
    if hop.kind == UNISWAP_V3 or hop.kind == ALGEBRA:
        self._expect(hop.pool, token, amount_in)
        out: uint256 = self._concentrated_swap(hop, amount_in, b"")
        assert self.expected_pool == empty(address), "no callback"
        return out
    out: uint256 = self._pair_out(hop, token, amount_in)
    self._transfer(token, hop.pool, amount_in)
    if hop.zero_for_one:
        extcall Pair(hop.pool).swap(0, out, self, b"")
    else:
        extcall Pair(hop.pool).swap(out, 0, self, b"")
    return out


@internal
def _concentrated_swap(hop: Hop, amount_in: uint256, data: Bytes[ROUTE_BYTES]) -> uint256:
    """An exact-input swap with an unreachable price limit; returns the output."""
    limit: uint160 = MAX_SQRT_PRICE_LIMIT
    if hop.zero_for_one:
        limit = MIN_SQRT_PRICE_LIMIT
    amount0: int256 = 0
    amount1: int256 = 0
    amount0, amount1 = extcall ConcentratedPool(hop.pool).swap(self, hop.zero_for_one, convert(amount_in, int256), limit, data)
    return convert(-min(amount0, amount1), uint256)


@internal
def _expect(pool: address, token: address, limit: uint256):
    self.expected_pool = pool
    self.debt_token = token
    self.debt_limit = limit


@view
@internal
def _pair_out(hop: Hop, token: address, amount_in: uint256) -> uint256:
    """A V2 pair's output for `amount_in`: Uniswap V2's 997/1000 formula on the reserves, or
    the Camelot pair's own getAmountOut (its per-direction fee and stable curve)."""
    if hop.kind == CAMELOT_V2:
        return staticcall CamelotPair(hop.pool).getAmountOut(amount_in, token)
    reserve0: uint112 = 0
    reserve1: uint112 = 0
    timestamp: uint32 = 0
    reserve0, reserve1, timestamp = staticcall Pair(hop.pool).getReserves()
    reserve_in: uint256 = convert(reserve0, uint256)
    reserve_out: uint256 = convert(reserve1, uint256)
    if not hop.zero_for_one:
        reserve_in = convert(reserve1, uint256)
        reserve_out = convert(reserve0, uint256)
    with_fee: uint256 = amount_in * 997
    return with_fee * reserve_out // (reserve_in * 1000 + with_fee)


@view
@internal
def _token_in(hop: Hop) -> address:
    if hop.kind == CURVE:
        return staticcall CurvePool(hop.pool).coins(hop.coin_in)
    if hop.zero_for_one:
        return staticcall Pair(hop.pool).token0()
    return staticcall Pair(hop.pool).token1()


@internal
def _transfer(token: address, receiver: address, amount: uint256):
    assert extcall ERC20(token).transfer(receiver, amount, default_return_value=True), "transfer failed"


@view
@internal
def _decode() -> (DynArray[Hop, MAX_HOPS], uint256, uint256):
    """The route, input and minimum profit of the packed calldata."""
    size: uint256 = len(msg.data)
    assert size >= 2, "bad calldata"
    lengths: uint256 = self._read(size - 1, 1)
    amount_size: uint256 = lengths >> 4
    profit_size: uint256 = lengths & 15
    assert amount_size > 0 and size > 1 + amount_size + profit_size, "bad calldata"
    hops_end: uint256 = size - 1 - amount_size - profit_size
    amount_in: uint256 = self._read(hops_end, amount_size)
    minimum_profit: uint256 = self._read(hops_end + amount_size, profit_size)
    route: DynArray[Hop, MAX_HOPS] = []
    offset: uint256 = 0
    for _: uint256 in range(MAX_HOPS):
        if offset == hops_end:
            break
        hop: Hop = empty(Hop)
        hop, offset = self._decode_hop(offset)
        assert offset <= hops_end, "bad calldata"
        route.append(hop)
    assert offset == hops_end, "bad calldata"
    return route, amount_in, minimum_profit


@view
@internal
def _decode_hop(offset: uint256) -> (Hop, uint256):
    """The hop whose opcode is at `offset`, and the offset after it."""
    opcode: uint256 = self._read(offset, 1)
    kind: uint256 = (opcode >> 3) & 7
    form: uint256 = (opcode >> 1) & 3
    assert opcode >> 6 == 3 and kind <= CURVE and form <= BY_LONG_INDEX, "bad opcode"
    hop: Hop = Hop(kind=kind, pool=empty(address), zero_for_one=opcode & 1 == 1, coin_in=0, coin_out=0)
    at: uint256 = offset + 1
    if form == BY_ADDRESS:
        hop.pool = convert(convert(slice(msg.data, at, 20), bytes20), address)
        at += 20
    else:
        hop.pool = self.pools[self._read(at, form)]
        assert hop.pool != empty(address), "unknown pool index"
        at += form
    if kind == CURVE:
        coins: uint256 = self._read(at, 1)
        hop.coin_in = coins >> 4
        hop.coin_out = coins & 15
        assert not hop.zero_for_one and hop.coin_in != hop.coin_out, "bad opcode"
        at += 1
    return hop, at


@view
@internal
def _read(offset: uint256, size: uint256) -> uint256:
    """The `size`-byte big-endian number at `offset` of the calldata (0 for no bytes)."""
    value: uint256 = 0
    for index: uint256 in range(offset, offset + size, bound=16):
        value = value << 8 | convert(convert(slice(msg.data, index, 1), bytes1), uint256)
    return value
