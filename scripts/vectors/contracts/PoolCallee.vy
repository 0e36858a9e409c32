# pragma version 0.4.3
"""
@title Uniswap V3 pool callee
@notice Mints and burns liquidity in, and swaps against, a Uniswap V3 pool, paying what
        the pool asks for in its callbacks by minting the owed tokens straight
        to the pool. Reverts of the pool bubble up unchanged.
"""

interface Pool:
    def token0() -> address: view
    def token1() -> address: view
    def mint(recipient: address, tickLower: int24, tickUpper: int24, amount: uint128, data: Bytes[32]) -> (uint256, uint256): nonpayable
    def burn(tickLower: int24, tickUpper: int24, amount: uint128) -> (uint256, uint256): nonpayable
    def swap(recipient: address, zeroForOne: bool, amountSpecified: int256, sqrtPriceLimitX96: uint160, data: Bytes[32]) -> (int256, int256): nonpayable

interface Token:
    def mint(receiver: address, amount: uint256): nonpayable


@external
def mint(pool: address, tickLower: int24, tickUpper: int24, amount: uint128) -> (uint256, uint256):
    """Adds `amount` liquidity on [tickLower, tickUpper) owned by this contract."""
    return extcall Pool(pool).mint(self, tickLower, tickUpper, amount, b"")


@external
def burn(pool: address, tickLower: int24, tickUpper: int24, amount: uint128) -> (uint256, uint256):
    """Removes `amount` liquidity from this contract's position (the tokens stay owed in the pool)."""
    return extcall Pool(pool).burn(tickLower, tickUpper, amount)


@external
def swap(pool: address, zeroForOne: bool, amountSpecified: int256, sqrtPriceLimitX96: uint160) -> (int256, int256):
    """Swaps on `pool` exactly as its `swap` is called; returns the pool's (amount0, amount1)."""
    return extcall Pool(pool).swap(self, zeroForOne, amountSpecified, sqrtPriceLimitX96, b"")


@internal
def _pay(token0Owed: uint256, token1Owed: uint256):
    if token0Owed > 0:
        extcall Token(staticcall Pool(msg.sender).token0()).mint(msg.sender, token0Owed)
    if token1Owed > 0:
        extcall Token(staticcall Pool(msg.sender).token1()).mint(msg.sender, token1Owed)


@external
def uniswapV3MintCallback(amount0Owed: uint256, amount1Owed: uint256, data: Bytes[32]):
    """Pays the pool the tokens a mint owes."""
    self._pay(amount0Owed, amount1Owed)


@external
def uniswapV3SwapCallback(amount0Delta: int256, amount1Delta: int256, data: Bytes[32]):
    """Pays the pool the positive side of a swap."""
    self._pay(convert(max(amount0Delta, 0), uint256), convert(max(amount1Delta, 0), uint256))
