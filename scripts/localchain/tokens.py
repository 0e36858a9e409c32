"""The test tokens (our TestToken.vy) and the accounts that act on the local chain."""

from dataclasses import dataclass

import vyper
from eth_abi import encode
from eth_utils import to_checksum_address
from pyrevm import AccountInfo

import genuine

DEPLOYER = "0x00000000000000000000000000000000000d3a10"  # deploys and owns the factories
TRADER = "0x0000000000000000000000000000000000007ade"  # swaps, adds and removes liquidity
FAUCET = "0x0000000000000000000000000000000000fa0ce7"  # holds ether from genesis and pays local_fund
FAUCET_WEI = 10**30
GENESIS = "0x0000000000000000000000000000000000006e6e"  # deploys what --weth-at places at genesis
ARBITRUM_WETH = "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1"  # WETH on Arbitrum One (config/dex.yaml)

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


def token_arguments(symbol, decimals):
    """TestToken's constructor arguments for `symbol`."""
    return encode(["string", "string", "uint8"], [f"Local {symbol}", symbol, decimals])


def deploy_tokens(writer, placed=None):
    """Deploys one TestToken per TOKEN_SPECS entry but those already `placed` ({symbol:
    address}, see place_weth); returns them by symbol."""
    code = genuine.own_contract("TestToken")
    tokens = {}
    for symbol, decimals, price in TOKEN_SPECS:
        address = (placed or {}).get(symbol) or writer.deploy(DEPLOYER, code + token_arguments(symbol, decimals))
        tokens[symbol] = Token(to_checksum_address(address), symbol, decimals, price)
    return tokens


def place_weth(machine, address):
    """Puts the WETH TestToken at `address` in a genesis state (--weth-at: Arbitrum One's WETH
    address, which the bot's engine takes for ether): GENESIS deploys it, then its code and the
    storage its constructor wrote (name, symbol, decimals) are copied to `address`."""
    source = genuine.own_contract("TestToken")
    decimals = next(spec[1] for spec in TOKEN_SPECS if spec[0] == "WETH")
    deployed = machine.evm.deploy(GENESIS, source + token_arguments("WETH", decimals))
    machine.evm.insert_account_info(address, AccountInfo(code=machine.code(deployed)))
    layout = vyper.compile_code(genuine.own_source("TestToken"), output_formats=["layout"])["layout"]["storage_layout"]
    for entry in layout.values():
        if not entry["type"].startswith("HashMap"):
            for slot in range(entry["slot"], entry["slot"] + entry["n_slots"]):
                machine.evm.insert_account_storage(address, slot, machine.storage(deployed, slot))


def mint(writer, token, receiver, amount):
    """TRADER mints `amount` of `token` to `receiver` (anyone may mint a TestToken)."""
    return writer.send(TRADER, token.address, "mint(address,uint256)", ["address", "uint256"], [receiver, amount])
