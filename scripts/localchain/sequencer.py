"""The sequencer: checks signed transactions as nitro's does and sequences them first come, first served.

Checks, in nitro's order (execution/gethexec/tx_pre_checker.go PreCheckTx, then the sequencer's
nonce check), each refusal worded as geth / nitro word it: the envelope and its signature
(transactions.py), its size (at most MaxTxDataSize, 95000 bytes: "oversized data"), chain id, gas at least 21000 and at most the block gas limit, fee cap at least
the base fee, a sender without code (EIP-3607), nonce not below the account's ("nonce too low:
address A, tx: N state: S"), gas at least the intrinsic gas, balance at least gas x fee cap +
value.

An accepted transaction is mined at once in a block of its own (Arbitrum makes one block per
sequencer message), so every transaction lands in arrival order, executing or reverting (a revert
still pays for its gas), and is broadcast on the feed; the answer is its hash. There is no
pending pool: "pending" state is the head.

A nonce above the account's is not queued the way a geth txpool queues it: nitro keeps such a
transaction in its nonce-failure cache for NonceFailureCacheExpiry (1 s by default,
execution/gethexec/sequencer.go) in case its predecessor arrives, then answers "nonce too high:
address A, tx: N state: S". Here too: the request waits up to `nonce_wait` seconds; when the
predecessor is sequenced meanwhile, the held transaction is checked again and sequenced right
after it. A second transaction with the same sender and nonce while one is held is refused at once.
"""

import asyncio

from blocks import GAS_LIMIT, data_hex
from transactions import TX_GAS, decode, refused

DEFAULT_NONCE_WAIT = 1.0  # seconds: nitro's NonceFailureCacheExpiry default
MAX_TX_DATA_SIZE = 95_000  # bytes of envelope: nitro's sequencer MaxTxDataSize default


def nonce_error(sender, tx_nonce, state_nonce):
    """nitro's NonceError: "nonce too low" or "nonce too high" with the sender and both nonces."""
    which = "low" if tx_nonce < state_nonce else "high"
    return refused(f"nonce too {which}: address {sender}, tx: {tx_nonce} state: {state_nonce}")


class Sequencer:
    """Checks, orders and mines signed transactions on `chain`, broadcasting each on `feed`."""

    def __init__(self, chain, feed, nonce_wait=DEFAULT_NONCE_WAIT):
        self.chain, self.feed, self.nonce_wait = chain, feed, nonce_wait
        self.held = {}  # (sender, nonce) -> (SignedTransaction, Future of its answer)

    def state_nonce(self, sender):
        """The sender's nonce at the head."""
        return self.chain.machine.nonce(sender)

    async def submit(self, raw):
        """eth_sendRawTransaction: the transaction's hash once it is sequenced; raises RpcError."""
        signed = decode(raw)
        self.precheck(signed)
        state = self.state_nonce(signed.sender)
        if signed.nonce > state:
            return await self._hold(signed, state)
        return self._sequence(signed)

    def precheck(self, signed):
        """Raises the RpcError nitro answers for a transaction it would not sequence now (a nonce
        above the account's passes: the caller decides about it)."""
        machine, base_fee = self.chain.machine, self.chain.base_fee
        if len(signed.raw) > MAX_TX_DATA_SIZE:
            raise refused("oversized data")
        if signed.chain_id != self.chain.chain_id:
            raise refused(f"invalid chain id for signer: have {signed.chain_id} want {self.chain.chain_id}")
        if signed.gas < TX_GAS:
            raise refused(f"intrinsic gas too low: have {signed.gas}, want {TX_GAS}")
        if signed.gas > GAS_LIMIT:
            raise refused("exceeds block gas limit")
        if signed.fee_cap < base_fee:
            raise refused(f"max fee per gas less than block base fee: address {signed.sender}, "
                          f"maxFeePerGas: {signed.fee_cap}, baseFee: {base_fee}")
        if machine.code(signed.sender):
            raise refused(f"sender not an eoa: address {signed.sender}")
        state = self.state_nonce(signed.sender)
        if signed.nonce < state:
            raise nonce_error(signed.sender, signed.nonce, state)
        if signed.gas < signed.intrinsic_gas():
            raise refused(f"intrinsic gas too low: have {signed.gas}, want {signed.intrinsic_gas()}")
        balance = machine.balance(signed.sender)
        if balance < signed.cost():
            raise refused(f"insufficient funds for gas * price + value: address {signed.sender} "
                          f"have {balance} want {signed.cost()}")

    def _sequence(self, signed):
        """Mines the checked transaction, broadcasts it, then sequences a held successor."""
        block = self.chain.sequence(signed)
        self.feed.broadcast(block, signed)
        self._revive(signed.sender, signed.nonce + 1)
        return data_hex(signed.hash)

    def _revive(self, sender, nonce):
        """Sequences the transaction held for (sender, nonce), if any, answering its request."""
        entry = self.held.pop((sender, nonce), None)
        if entry is None or entry[1].done():
            return
        signed, answer = entry
        try:
            self.precheck(signed)
            answer.set_result(self._sequence(signed))
        except Exception as error:  # its request gets whatever refused it
            answer.set_exception(error)

    async def _hold(self, signed, state):
        """Waits up to nonce_wait for the predecessor; the answer, or "nonce too high"."""
        key = (signed.sender, signed.nonce)
        if key in self.held:
            raise nonce_error(signed.sender, signed.nonce, state)
        answer = asyncio.get_running_loop().create_future()
        self.held[key] = (signed, answer)
        await asyncio.wait({answer}, timeout=self.nonce_wait)
        if not answer.done():
            answer.cancel()
            if self.held.get(key, (None, None))[1] is answer:
                del self.held[key]
            raise nonce_error(signed.sender, signed.nonce, self.state_nonce(signed.sender))
        return answer.result()
