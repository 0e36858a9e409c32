"""The genuine creation code the local chain deploys, each piece checked before use.

- Uniswap V3: UniswapV3Factory out of the web3-ethereum-defi 1.2 wheel in .venv/wheels (read
  from the zip, never installed); its embedded UniswapV3Pool code must hash to the public
  POOL_INIT_CODE_HASH.
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


@lru_cache(maxsize=None)
def uniswap_v3_factory():
    """UniswapV3Factory creation code from the wheel, embedding the genuine pool code."""
    with zipfile.ZipFile(WHEEL) as wheel:
        def creation_code(name):
            artifact = json.loads(wheel.read(f"eth_defi/abi/uniswap_v3/{name}.json"))
            return bytes.fromhex(artifact["bytecode"].removeprefix("0x"))
        factory, pool = creation_code("UniswapV3Factory"), creation_code("UniswapV3Pool")
    if keccak(pool) != V3_POOL_INIT_CODE_HASH or pool not in factory:
        raise NotGenuine("the wheel's UniswapV3Factory does not embed the genuine UniswapV3Pool")
    return factory


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


@lru_cache(maxsize=None)
def own_contract(name):
    """Creation code of our own <name>.vy compiled with the installed vyper."""
    for folder in OWN_CONTRACTS:
        path = folder / f"{name}.vy"
        if path.exists():
            output = vyper.compile_code(path.read_text(), output_formats=["bytecode"])
            return bytes.fromhex(output["bytecode"].removeprefix("0x"))
    raise FileNotFoundError(f"{name}.vy is in none of {OWN_CONTRACTS}")
