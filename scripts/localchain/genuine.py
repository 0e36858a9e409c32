"""The genuine creation code the local chain deploys, each piece checked before use.

- Uniswap V3: UniswapV3Factory out of the web3-ethereum-defi 1.2 wheel in .venv/wheels (read
  from the zip, never installed); its embedded UniswapV3Pool code must hash to the public
  POOL_INIT_CODE_HASH. SwapRouter (v3-periphery) from the same wheel: its creation code's keccak
  is pinned, and its deployed code must be the artifact's deployedBytecode with only the
  immutables (factory, WETH9) filled in and POOL_INIT_CODE_HASH in it (its PoolAddress library
  derives pool addresses from that constant). The wheel's UniswapV2Router02 is SushiSwap's build
  (Sushi's pair init code hash), so it would not find Uniswap's pairs: not deployed.
- Uniswap V2: bytecode/UniswapV2Factory.hex, the factory's creation code from Uniswap/v2-core's
  build/UniswapV2Factory.json at commit 51cf2f11 ("update build", the v1.0.0 build); the pairs it
  creates must sit at the CREATE2 address of the public init code hash (uniswap_v2.py checks).
- Multicall3: bytecode/Multicall3-deployment-tx.hex, the pre-signed deployment transaction
  published in mds1/multicall's README; its signature must recover to the deployer whose first
  CREATE is the canonical 0xcA11bde05977b3631167028862bE2a173976CA11.
- Curve: bytecode/CurveStableSwapNG.hex, curvefi/stableswap-ng contracts/main/CurveStableSwapNG.vy
  at commit 8eaf5e2b compiled by us with vyper 0.3.10 (its pragma's version); the file's keccak is
  pinned here so a changed file is noticed.
- Our own contracts (contracts/*.vy here, PoolCallee from scripts/vectors/contracts) compile with
  the installed vyper.
"""

import json
import sys
import zipfile
from functools import lru_cache
from pathlib import Path

import rlp
import vyper
from eth_account import Account
from eth_utils import keccak, to_checksum_address

HERE = Path(__file__).resolve().parent
BYTECODE = HERE / "bytecode"
OWN_CONTRACTS = (HERE / "contracts", HERE.parent / "vectors" / "contracts")
WHEEL = Path(sys.prefix) / "wheels" / "web3_ethereum_defi-1.2-py3-none-any.whl"

V3_POOL_INIT_CODE_HASH = bytes.fromhex("e34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54")
SWAP_ROUTER_CODE_HASH = bytes.fromhex("4ab2bb678b8aa5c9267d00ec2ac6e6603909f2a6c9e8c59daaaf5f4af1ba6710")
V2_PAIR_INIT_CODE_HASH = bytes.fromhex("96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f")
V2_FACTORY_CODE_HASH = bytes.fromhex("8716c49c3c982e1d8b8beaab0a95d88cc5ec06681dded0f951fa1f3059c1e32a")
CURVE_NG_CODE_HASH = bytes.fromhex("78f53564d75310cad9155f1b22da121098c130a4c92c166339617ff3eccb0edd")
MULTICALL3 = "0xcA11bde05977b3631167028862bE2a173976CA11"
MULTICALL3_DEPLOYER = "0x05f32B3cC3888453ff71B01135B34FF8e41263F2"


class NotGenuine(Exception):
    """A bytecode file or artifact that fails its check."""


def _hex_file(name, expected_hash):
    code = bytes.fromhex((BYTECODE / name).read_text().strip())
    if keccak(code) != expected_hash:
        raise NotGenuine(f"{name}: keccak {keccak(code).hex()} is not the pinned {expected_hash.hex()}")
    return code


def _wheel_code(name):
    """(creation code, runtime code) of the wheel's eth_defi/abi/uniswap_v3/<name>.json."""
    with zipfile.ZipFile(WHEEL) as wheel:
        artifact = json.loads(wheel.read(f"eth_defi/abi/uniswap_v3/{name}.json"))
    return tuple(bytes.fromhex(artifact[key].removeprefix("0x")) for key in ("bytecode", "deployedBytecode"))


@lru_cache(maxsize=None)
def uniswap_v3_factory():
    """UniswapV3Factory creation code from the wheel, embedding the genuine pool code."""
    factory, pool = _wheel_code("UniswapV3Factory")[0], _wheel_code("UniswapV3Pool")[0]
    if keccak(pool) != V3_POOL_INIT_CODE_HASH or pool not in factory:
        raise NotGenuine("the wheel's UniswapV3Factory does not embed the genuine UniswapV3Pool")
    return factory


@lru_cache(maxsize=None)
def uniswap_v3_swap_router():
    """SwapRouter creation code from the wheel (constructor arguments: factory, WETH9)."""
    creation = _wheel_code("SwapRouter")[0]
    if keccak(creation) != SWAP_ROUTER_CODE_HASH:
        raise NotGenuine(f"SwapRouter: keccak {keccak(creation).hex()} is not the pinned {SWAP_ROUTER_CODE_HASH.hex()}")
    return creation


def check_swap_router_code(code, factory, weth9):
    """Raises NotGenuine unless deployed SwapRouter `code` is the artifact's runtime code with
    only its immutables (factory, WETH9, each a left-padded 32-byte word) filled in, and holds
    the pool init code hash its PoolAddress library derives pool addresses with. pyrevm returns
    code as revm analyses it, zero-padded at the end: the padding is allowed."""
    template = _wheel_code("SwapRouter")[1]
    filled, padding = code[:len(template)], code[len(template):]
    for address in (factory, weth9):
        filled = filled.replace(bytes(12) + bytes.fromhex(address[2:]), bytes(32))
    if filled != template or padding.strip(b"\0") or template == code[:len(template)]:
        raise NotGenuine("the deployed SwapRouter differs from the artifact beyond its immutables")
    if V3_POOL_INIT_CODE_HASH not in code:
        raise NotGenuine("the SwapRouter does not hold the genuine POOL_INIT_CODE_HASH")


@lru_cache(maxsize=None)
def uniswap_v2_factory():
    """UniswapV2Factory creation code (constructor argument: feeToSetter)."""
    return _hex_file("UniswapV2Factory.hex", V2_FACTORY_CODE_HASH)


@lru_cache(maxsize=None)
def curve_stableswap_ng():
    """CurveStableSwapNG creation code (constructor arguments: see curve.py)."""
    return _hex_file("CurveStableSwapNG.hex", CURVE_NG_CODE_HASH)


@lru_cache(maxsize=None)
def multicall3_deployment():
    """(deployer, creation code) of Multicall3's pre-signed deployment transaction, checked to
    be signed by the deployer whose nonce-0 CREATE address is the canonical one."""
    raw = bytes.fromhex((BYTECODE / "Multicall3-deployment-tx.hex").read_text().strip())
    nonce, _gas_price, _gas, to, _value, data, *_signature = rlp.decode(raw)
    sender = Account.recover_transaction(raw)
    created = to_checksum_address(keccak(rlp.encode([bytes.fromhex(sender[2:]), 0]))[12:])
    if nonce != b"" or to != b"" or sender != MULTICALL3_DEPLOYER or created != MULTICALL3:
        raise NotGenuine(f"Multicall3 deployment: signer {sender} would create {created}")
    return sender, data


def own_source(name):
    """The source of our own <name>.vy."""
    for folder in OWN_CONTRACTS:
        path = folder / f"{name}.vy"
        if path.exists():
            return path.read_text()
    raise FileNotFoundError(f"{name}.vy is in none of {OWN_CONTRACTS}")


@lru_cache(maxsize=None)
def own_contract(name):
    """Creation code of our own <name>.vy compiled with the installed vyper."""
    output = vyper.compile_code(own_source(name), output_formats=["bytecode"])
    return bytes.fromhex(output["bytecode"].removeprefix("0x"))
