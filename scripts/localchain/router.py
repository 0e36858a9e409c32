"""Uniswap V3's SwapRouter (v3-periphery, the router the bot recognises swaps through) on the
local chain.

Deployed by DEPLOYER last in block 1, so every other address stays where it was, with the local
V3 factory and the local WETH as its constructor's (factory, WETH9). The local WETH is a
TestToken, not WETH9: swaps of it as an ERC-20 work, the router's ether paths (paying with
msg.value, unwrapWETH9) do not. Checked twice: its code is the genuine artifact's with only the
immutables filled in (genuine.py), and when a V3 pool exists, an exactInputSingle through it, run
on the machine and then discarded, must make exactly that pool (at its init-code-hash address)
emit its Swap: the router's PoolAddress library derives pool addresses itself.
"""

from eth_abi import encode
from eth_utils import keccak

import genuine
from machine import Tx, calldata
from tokens import DEPLOYER, TRADER

KIND = "swap-router"
V3_SWAP = keccak(text="Swap(address,address,int256,int256,uint160,uint128,int24)")
EXACT_INPUT_SINGLE = "exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))"
MAX_UINT256 = (1 << 256) - 1


def exact_input_single(token_in, token_out, fee, recipient, amount_in, minimum_out=0, price_limit=0):
    """The calldata of SwapRouter.exactInputSingle (no deadline: the largest)."""
    return calldata(EXACT_INPUT_SINGLE, ["(address,address,uint24,address,uint256,uint256,uint256,uint160)"],
                    [(token_in, token_out, fee, recipient, MAX_UINT256, amount_in, minimum_out, price_limit)])


class SwapRouter:
    """The deployed SwapRouter."""

    def __init__(self, writer, factory, weth):
        arguments = encode(["address", "address"], [factory, weth.address])
        self.address = writer.deploy(DEPLOYER, genuine.uniswap_v3_swap_router() + arguments)
        self.factory, self.weth = factory, weth.address
        genuine.check_swap_router_code(writer.machine.code(self.address), factory, weth.address)

    def info(self):
        """The router as the start line lists it (under "routers", by dex)."""
        return {"address": self.address, "kind": KIND, "factory": self.factory, "weth9": self.weth}

    def check_finds(self, machine, pool):
        """Raises NotGenuine unless swapping $100 of `pool`'s token0 for token1 (fee tier
        `pool.fee`) through the router swaps on `pool` alone; nothing of it is kept."""
        amount = pool.token0.units(100)
        steps = (Tx(TRADER, pool.token0.address, calldata("mint(address,uint256)", ["address", "uint256"], [TRADER, amount])),
                 Tx(TRADER, pool.token0.address, calldata("approve(address,uint256)", ["address", "uint256"], [self.address, amount])),
                 Tx(TRADER, self.address, exact_input_single(pool.token0.address, pool.token1.address, pool.fee, TRADER, amount)))
        with machine.scratch():
            outcomes = [machine.apply(step) for step in steps]
        swapped = [log.address for log in outcomes[-1].logs if log.topics and log.topics[0] == V3_SWAP]
        if not all(outcome.success for outcome in outcomes) or swapped != [pool.address.lower()]:
            raise genuine.NotGenuine(f"a swap through the SwapRouter did not swap on {pool.address} (swaps on {swapped})")
