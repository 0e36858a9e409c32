"""A small in-memory EVM (pyrevm, i.e. revm) for vector modules that judge with real contracts.

`Chain` deploys creation code, sends state-changing calls (committed), reads views,
and turns a revert into `Reverted` carrying the reason string the contract gave
(Solidity's `Error(string)`; "" when the revert has no data). Our own helper
contracts are Vyper sources in scripts/vectors/contracts, compiled with vyper.
"""

import re
from functools import lru_cache
from pathlib import Path

import vyper
from eth_abi import decode, encode
from eth_utils import keccak
from pyrevm import EVM

CONTRACTS = Path(__file__).resolve().parent / "contracts"
DEPLOYER = "0x00000000000000000000000000000000000d3a10"
ERROR_SELECTOR = keccak(text="Error(string)")[:4]
PANIC_SELECTOR = keccak(text="Panic(uint256)")[:4]
REVERT_OUTPUT = re.compile(r"Revert \{[^}]*output: 0x([0-9a-fA-F]*)")


class Reverted(Exception):
    """A call the EVM reverted or halted; `message` is the decoded reason."""

    def __init__(self, message, detail):
        super().__init__(f"{message!r} ({detail})")
        self.message = message


@lru_cache(maxsize=None)
def compile_vyper(name):
    """Creation code of contracts/<name>.vy compiled with the installed vyper."""
    source = (CONTRACTS / f"{name}.vy").read_text()
    return bytes.fromhex(vyper.compile_code(source, output_formats=["bytecode"])["bytecode"][2:])


@lru_cache(maxsize=None)
def selector(signature):
    """The 4-byte function selector of `signature`, e.g. "slot0()"."""
    return keccak(text=signature)[:4]


def revert_message(output):
    """The reason in revert data: Error(string) text, Panic code, "" for none, else hex."""
    if not output:
        return ""
    if output[:4] == ERROR_SELECTOR:
        return decode(["string"], output[4:])[0]
    if output[:4] == PANIC_SELECTOR:
        return f"Panic({decode(['uint256'], output[4:])[0]:#x})"
    return "0x" + output.hex()


class Chain:
    """One fresh in-memory chain with a funded deployer account."""

    def __init__(self):
        self.evm = EVM()
        self.evm.set_balance(DEPLOYER, 10**30)

    def deploy(self, creation_code, arguments=b""):
        """Deploys `creation_code` (+ ABI-encoded constructor `arguments`); returns the address."""
        return self.evm.deploy(DEPLOYER, creation_code + arguments)

    def _run(self, to, data, is_static):
        try:
            return self.evm.message_call(DEPLOYER, to, data, is_static=is_static)
        except RuntimeError as error:
            text = str(error)
            match = REVERT_OUTPUT.search(text)
            if match is None:
                raise Reverted("", text) from None
            raise Reverted(revert_message(bytes.fromhex(match.group(1))), text) from None

    def send(self, to, signature, types=(), values=(), returns=()):
        """Calls `signature` on `to` and commits; returns the decoded outputs (raises Reverted)."""
        output = self._run(to, selector(signature) + encode(list(types), list(values)), False)
        return decode(list(returns), output) if returns else ()

    def view(self, to, signature, types=(), values=(), returns=()):
        """A static call of `signature` on `to`; returns the decoded outputs (raises Reverted)."""
        output = self._run(to, selector(signature) + encode(list(types), list(values)), True)
        return decode(list(returns), output)

    def logs(self):
        """The logs of the last call: (address, topics as bytes, data) tuples."""
        return [(log.address.lower(), log.data[0], log.data[1]) for log in self.evm.result.logs]
