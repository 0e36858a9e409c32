"""One EVM state (pyrevm 0.3.7, i.e. revm) that transactions are applied to in block order.

pyrevm keeps every change in its journal: a message call that succeeds is kept, one that
reverts leaves nothing (and, like a deployment, no nonce or fee is charged for it: calls run
with gas price 0). `Machine.apply` runs one recorded `Tx` and returns its `Outcome`; the same
transactions applied in the same order to a fresh `Machine` give the same state, which is how
history.py rebuilds the state at an earlier block.
"""

import re
from dataclasses import dataclass

from eth_abi import decode, encode
from eth_utils import keccak
from pyrevm import EVM, BlockEnv, CfgEnv, Env

REVERT_OUTPUT = re.compile(r"Revert \{[^}]*output: 0x([0-9a-fA-F]*)")


@dataclass(frozen=True)
class Tx:
    """A transaction as the chain records it: `to` None deploys `data` as creation code."""

    sender: str
    to: str | None
    data: bytes


@dataclass(frozen=True)
class Log:
    """A log a contract emitted: address (lower case), topics, data."""

    address: str
    topics: tuple[bytes, ...]
    data: bytes


@dataclass(frozen=True)
class Outcome:
    """What applying a `Tx` gave: success, return data (the new address for a deployment), logs."""

    success: bool
    output: bytes | str
    logs: tuple[Log, ...]
    gas_used: int


class CallFailed(Exception):
    """A reverted or halted call; `data` is the revert data (empty when there is none)."""

    def __init__(self, detail, data=b""):
        super().__init__(detail)
        self.data = data


def selector(signature):
    """The 4-byte selector of a function signature such as "slot0()"."""
    return keccak(text=signature)[:4]


def calldata(signature, types=(), values=()):
    """ABI calldata of `signature` with `values` of `types`."""
    return selector(signature) + encode(list(types), list(values))


class Machine:
    """An EVM with the chain id set; the block environment changes per block."""

    def __init__(self, chain_id):
        self.evm = EVM(env=Env(cfg=CfgEnv(chain_id=chain_id)))

    def enter_block(self, number, timestamp, base_fee):
        """Sets the block environment the next transactions see."""
        self.evm.set_block_env(BlockEnv(number=number, timestamp=timestamp, basefee=base_fee))

    def apply(self, tx):
        """Runs `tx` and keeps its changes if it succeeds; never raises for a revert."""
        try:
            if tx.to is None:
                output = self.evm.deploy(tx.sender, tx.data)
            else:
                output = self.evm.message_call(tx.sender, tx.to, tx.data)
        except RuntimeError:
            return Outcome(False, b"", (), self.evm.result.gas_used)
        result = self.evm.result
        logs = tuple(Log(log.address.lower(), tuple(log.data[0]), log.data[1]) for log in result.logs)
        return Outcome(True, output, logs, result.gas_used)

    def call(self, sender, to, data):
        """eth_call: runs `data` on `to` and discards every change; raises CallFailed on revert."""
        checkpoint = self.evm.snapshot()
        try:
            return self.evm.message_call(sender, to, data)
        except RuntimeError as error:
            match = REVERT_OUTPUT.search(str(error))
            raise CallFailed(str(error), bytes.fromhex(match.group(1)) if match else b"") from None
        finally:
            self.evm.revert(checkpoint)

    def view(self, to, signature, types=(), values=(), returns=()):
        """A read of a view function, decoded (raises CallFailed)."""
        output = self.call(ZERO_ADDRESS, to, calldata(signature, types, values))
        return decode(list(returns), output)

    def code(self, address):
        """The runtime code at `address` (b"" for none)."""
        return self.evm.get_code(address) or b""

    def balance(self, address):
        """The ether balance of `address`."""
        return self.evm.get_balance(address)

    def storage(self, address, slot):
        """The storage word at `slot` of `address`."""
        return self.evm.storage(address, slot)


ZERO_ADDRESS = "0x" + "00" * 20
