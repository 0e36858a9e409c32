"""The test tokens (our TestToken.vy) and the accounts that act on the local chain."""

from dataclasses import dataclass

from eth_abi import encode

import genuine

DEPLOYER = "0x00000000000000000000000000000000000d3a10"  # deploys and owns the factories
TRADER = "0x0000000000000000000000000000000000007ade"  # swaps, adds and removes liquidity
FAUCET = "0x0000000000000000000000000000000000fa0ce7"  # holds ether from genesis and pays local_fund
FAUCET_WEI = 10**30

# (symbol, decimals, a reference price in dollars that sets the pools' initial prices)
TOKEN_SPECS = (("WETH", 18, 3000.0), ("USDC", 6, 1.0), ("ARB", 18, 0.8), ("USDT", 6, 1.0), ("DAI", 18, 1.0))


@dataclass(frozen=True)
class Token:
    """A deployed test token."""

    address: str
    symbol: str
    decimals: int
    price: float

    def units(self, dollars):
        """How many base units of the token `dollars` buys at its reference price."""
        return int(dollars / self.price * 10**self.decimals)

    def info(self):
        """The token as the server's start line lists it."""
        return {"address": self.address, "symbol": self.symbol, "decimals": self.decimals}


def deploy_tokens(writer):
    """Deploys one TestToken per TOKEN_SPECS entry; returns them by symbol."""
    code = genuine.own_contract("TestToken")
    tokens = {}
    for symbol, decimals, price in TOKEN_SPECS:
        arguments = encode(["string", "string", "uint8"], [f"Local {symbol}", symbol, decimals])
        tokens[symbol] = Token(writer.deploy(DEPLOYER, code + arguments), symbol, decimals, price)
    return tokens


def mint(writer, token, receiver, amount):
    """TRADER mints `amount` of `token` to `receiver` (anyone may mint a TestToken)."""
    return writer.send(TRADER, token.address, "mint(address,uint256)", ["address", "uint256"], [receiver, amount])
