# pragma version 0.4.3
"""
@title A hostile concentrated-liquidity pool (test only)
@notice Looks like a Uniswap V3 pool to the executor: `swap` sends `payout` of the output
        token, then calls the caller's uniswapV3SwapCallback `callbacks` times with the same
        deltas, handing back the callback data it was given, or, `tampered`, other data.
        Called back once with the data it was given it is an honest (if generous) pool;
        twice, the second callback must be refused; tampered, the route must be refused.
"""

interface ERC20:
    def transfer(receiver: address, amount: uint256) -> bool: nonpayable

interface Callee:
    def uniswapV3SwapCallback(amount0Delta: int256, amount1Delta: int256, data: Bytes[1344]): nonpayable

token0: public(address)
token1: public(address)
payout: uint256
callbacks: uint256
tampered: bool


@deploy
def __init__(token0: address, token1: address, payout: uint256, callbacks: uint256, tampered: bool):
    self.token0 = token0
    self.token1 = token1
    self.payout = payout
    self.callbacks = callbacks
    self.tampered = tampered


@external
def swap(recipient: address, zeroForOne: bool, amountSpecified: int256, sqrtPriceLimitX96: uint160, data: Bytes[1344]) -> (int256, int256):
    """Pays `payout`, asks for `amountSpecified` in `callbacks` callbacks."""
    owed: int256 = amountSpecified
    paid: int256 = -convert(self.payout, int256)
    out_token: address = self.token0
    amount0: int256 = paid
    amount1: int256 = owed
    if zeroForOne:
        out_token = self.token1
        amount0 = owed
        amount1 = paid
    extcall ERC20(out_token).transfer(recipient, self.payout)
    handed: Bytes[1344] = data
    if self.tampered:
        handed = b"\x00"
    for _: uint256 in range(self.callbacks, bound=4):
        extcall Callee(msg.sender).uniswapV3SwapCallback(amount0, amount1, handed)
    return amount0, amount1
