"""One EVM state (pyrevm 0.3.7, i.e. revm, Cancun rules) that transactions are applied to in block order.

pyrevm keeps every change in its journal: a message call that succeeds is kept, one that
reverts leaves nothing. The chain's own actors send unsigned `Tx`s with gas price 0 (no nonce
or fee is charged for a call; a deployment bumps the deployer's nonce). A `Tx` carrying a
signed transaction is charged as a chain charges it: its nonce goes up and gas used times its
gas price leaves the sender's balance whether it succeeds or reverts. `Machine.apply` runs one
recorded `Tx` and returns its `Outcome`; the same transactions applied in the same order to a
fresh `Machine` (with the same `grants`) give the same state, which is how history.py rebuilds
the state at an earlier block.
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass

from eth_abi import decode, encode
from eth_utils import keccak
from pyrevm import EVM, AccountInfo, BlockEnv, CfgEnv, Env

REVERT_OUTPUT = re.compile(r"Revert \{[^}]*output: 0x([0-9a-fA-F]*)")


@dataclass(frozen=True)
class Tx:
    """A transaction as the chain records it: `to` None deploys `data` as creation code. `signed`
    is the SignedTransaction it came from (None for the chain's own unsigned actors); `gas`
    None means unlimited."""

    sender: str
    to: str | None
    data: bytes
    value: int = 0
    gas: int | None = None
    gas_price: int = 0
    signed: object = None


@dataclass(frozen=True)
class Log:
    """A log a contract emitted: address (lower case), topics, data."""

    address: str
    topics: tuple[bytes, ...]
    data: bytes


@dataclass(frozen=True)
class Outcome:
    """What applying a `Tx` gave: success, return data (the new address for a deployment; the
    revert data for a failure), logs, gas used."""

    success: bool
    output: bytes | str
    logs: tuple[Log, ...]
    gas_used: int


class CallFailed(Exception):
    """A reverted or halted call; `data` is the revert data (empty when there is none)."""

    def __init__(self, detail, data=b""):
        super().__init__(detail)
        self.data = data


def revert_data(error):
    """The revert data pyrevm's error message carries (empty for a halt)."""
    match = REVERT_OUTPUT.search(str(error))
    return bytes.fromhex(match.group(1)) if match else b""


def selector(signature):
    """The 4-byte selector of a function signature such as "slot0()"."""
    return keccak(text=signature)[:4]


def calldata(signature, types=(), values=()):
    """ABI calldata of `signature` with `values` of `types`."""
    return selector(signature) + encode(list(types), list(values))


class Machine:
    """An EVM with the chain id set and `grants` ({address: wei}) credited at the start; the
    block environment changes per block."""

    def __init__(self, chain_id, grants=None):
        self.evm = EVM(env=Env(cfg=CfgEnv(chain_id=chain_id)), spec_id="CANCUN")
        for account, wei in (grants or {}).items():
            self.evm.set_balance(account, wei)

    def enter_block(self, number, timestamp, base_fee):
        """Sets the block environment the next transactions see."""
        self.evm.set_block_env(BlockEnv(number=number, timestamp=timestamp, basefee=base_fee))

    def apply(self, tx):
        """Runs `tx` and keeps its changes if it succeeds; never raises for a revert. A signed
        transaction's nonce and fee are charged either way."""
        nonce = self.nonce(tx.sender)
        try:
            if tx.to is None:
                output = self.evm.deploy(tx.sender, tx.data, value=tx.value or None, gas=tx.gas)
            else:
                output = self.evm.message_call(tx.sender, tx.to, tx.data, value=tx.value or None, gas=tx.gas,
                                               gas_price=tx.gas_price or None)
            result = self.evm.result
            outcome = Outcome(True, output, tuple(Log(log.address.lower(), tuple(log.data[0]), log.data[1])
                                                  for log in result.logs), result.gas_used)
        except RuntimeError as error:
            outcome = Outcome(False, revert_data(error), (), self.evm.result.gas_used)
        if tx.signed is not None:
            self._charge(tx.sender, nonce + 1, outcome.gas_used * tx.gas_price)
        return outcome

    def _charge(self, sender, nonce, fee):
        """Sets the sender's nonce (a deployment has already) and takes the fee from its balance."""
        balance = self.balance(sender)
        if self.nonce(sender) != nonce:
            self.evm.insert_account_info(sender, AccountInfo(nonce=nonce))  # an EOA: no code to keep
        self.evm.set_balance(sender, balance - fee)

    def call(self, sender, to, data):
        """eth_call: runs `data` on `to` and discards every change; raises CallFailed on revert."""
        checkpoint = self.evm.snapshot()
        try:
            return self.evm.message_call(sender, to, data)
        except RuntimeError as error:
            raise CallFailed(str(error), revert_data(error)) from None
        finally:
            self.evm.revert(checkpoint)

    @contextmanager
    def scratch(self):
        """Every change made inside the `with` block is discarded at its end."""
        checkpoint = self.evm.snapshot()
        try:
            yield self
        finally:
            self.evm.revert(checkpoint)

    def trial(self, tx):
        """The Outcome `tx` would have here, every change discarded (eth_estimateGas)."""
        with self.scratch():
            return self.apply(Tx(tx.sender, tx.to, tx.data, tx.value, tx.gas))

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

    def nonce(self, address):
        """The nonce of `address`."""
        return self.evm.basic(address).nonce

    def storage(self, address, slot):
        """The storage word at `slot` of `address`."""
        return self.evm.storage(address, slot)


ZERO_ADDRESS = "0x" + "00" * 20
