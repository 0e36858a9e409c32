"""JSON-RPC methods for transactions: sending (plain and express lane), reading them back, fees,
and the admin methods that fund accounts, deploy contracts and set the express lane.

"pending" reads the head everywhere: every accepted transaction is mined at once (sequencer.py).
eth_gasPrice is the base fee and eth_maxPriorityFeePerGas 0, as Arbitrum answers (it pays no tips).
eth_estimateGas finds, as geth does, the least gas limit with which the call succeeds, searching
up to the call's gas or ESTIMATE_CAP.
"""

from eth_utils import to_checksum_address

from blocks import data_hex, quantity
from machine import Tx, ZERO_ADDRESS
from params import RpcError, address, block_hash, block_reference, data, hex_int, invalid, param
from receipts import receipt_json, transaction_json
from sequencer import nonce_error
from transactions import decode, refused

ESTIMATE_CAP = 32_000_000  # Arbitrum's per-transaction gas limit


def amount(value, name):
    """A non-negative integer given as a JSON integer, a decimal string or a hex quantity."""
    if isinstance(value, bool):
        raise invalid(f"{name} must be an integer")
    if isinstance(value, str):
        value = hex_int(value) if value.startswith("0x") else int(value) if value.isdigit() else None
    if not isinstance(value, int) or value < 0:
        raise invalid(f"{name} must be a non-negative integer (number, decimal or hex string)")
    return value


class TransactionMethods:
    """The methods over the chain, its sequencer and its express lane."""

    def __init__(self, chain, sequencer, express_lane):
        self.chain, self.sequencer, self.express_lane = chain, sequencer, express_lane

    def methods(self):
        """Method name -> handler(params); a handler may return an awaitable."""
        return {
            "eth_sendRawTransaction": lambda p: self.sequencer.submit(data(param(p, 0))),
            "timeboost_sendExpressLaneTransaction": self.express_lane.submit,
            "eth_getTransactionCount": lambda p: quantity(self._machine(p, 1).nonce(address(param(p, 0)))),
            "eth_getTransactionByHash": lambda p: self._located(p, transaction_json),
            "eth_getTransactionReceipt": lambda p: self._located(p, receipt_json),
            "eth_gasPrice": lambda p: quantity(self.chain.base_fee),
            "eth_maxPriorityFeePerGas": lambda p: "0x0",
            "eth_estimateGas": self.estimate_gas,
            "local_fund": self.local_fund,
            "local_deploy": self.local_deploy,
            "local_setExpressLane": lambda p: self.express_lane.configure(param(p, 0)),
        }

    def refuse_injected(self, kind, params):
        """The refusal an armed txError / txNonceTooLow fault gives eth_sendRawTransaction."""
        if kind == "txError":
            return RpcError(-32000, "injected fault")
        signed = decode(data(param(params, 0)))
        return nonce_error(signed.sender, signed.nonce, signed.nonce + 1)

    def _machine(self, params, index):
        return self.chain.machine_at(block_reference(self.chain, param(params, index, "latest")).number)

    def _located(self, params, shape):
        found = self.chain.transaction(block_hash(param(params, 0)))
        return shape(*found) if found else None

    def estimate_gas(self, params):
        """The least gas limit with which the call succeeds at the block; a revert is error 3."""
        call = param(params, 0, {})
        if not isinstance(call, dict):
            raise invalid("eth_estimateGas needs a call object")
        machine = self._machine(params, 1)
        to = address(call["to"]) if call.get("to") else None
        tx = Tx(address(call.get("from") or ZERO_ADDRESS), to, data(call.get("data") or call.get("input") or "0x"),
                hex_int(call.get("value", "0x0")))
        cap = hex_int(call["gas"]) if call.get("gas") else ESTIMATE_CAP

        def outcome(gas):
            return machine.trial(Tx(tx.sender, tx.to, tx.data, tx.value, gas))
        full = outcome(cap)
        if not full.success:
            if full.output:
                raise RpcError(3, "execution reverted", data_hex(full.output))
            raise refused(f"gas required exceeds allowance ({cap})")
        low, high = full.gas_used - 1, cap
        if outcome(full.gas_used).success:
            return quantity(full.gas_used)
        while low + 1 < high:
            middle = (low + high) // 2
            low, high = (low, middle) if outcome(middle).success else (middle, high)
        return quantity(high)

    def local_fund(self, params):
        """local_fund({"address", "wei"?, "tokens"?: {symbol or address: base units}}): the block."""
        spec = param(params, 0, {})
        if not isinstance(spec, dict) or not isinstance(spec.get("tokens", {}), dict):
            raise invalid("local_fund takes {address, wei, tokens: {symbol: amount}}")
        account = address(spec.get("address"))
        amounts = {self.chain.world.token(key): amount(value, key) for key, value in spec.get("tokens", {}).items()}
        block = self.chain.fund(account, amount(spec.get("wei", 0), "wei"), amounts)
        if not all(outcome.success for outcome in block.outcomes):
            raise refused(f"funding {account} failed in block {block.number} (a contract refusing ether?)")
        return {"block": block.number, "balance": quantity(self.chain.machine.balance(account))}

    def local_deploy(self, params):
        """local_deploy({"initcode", "from"?}): {"address", "block", "transactionHash"}."""
        spec = param(params, 0, {})
        if not isinstance(spec, dict):
            raise invalid("local_deploy takes {initcode, from?}")
        code = data(spec.get("initcode"))
        sender = address(spec["from"]) if spec.get("from") else None
        block = self.chain.deploy(code, sender) if sender else self.chain.deploy(code)
        outcome, tx_hash = block.outcomes[0], data_hex(block.tx_hashes[0])
        if not outcome.success:
            raise RpcError(-32000, f"deployment reverted in block {block.number} (transaction {tx_hash})",
                           data_hex(outcome.output))
        return {"address": to_checksum_address(outcome.output), "block": block.number, "transactionHash": tx_hash}
