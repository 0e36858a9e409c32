"""JSON-RPC methods over the chain: the standard eth_* reads and the local_* admin methods, plus
the transaction methods of txrpc.py.

`Dispatcher.answer` (a coroutine: sending a transaction may wait, see sequencer.py) turns one
parsed request (object or batch array) into its answer (None for a notification or a batch of
notifications). Subscriptions belong to a WebSocket connection, so eth_subscribe /
eth_unsubscribe go to the `session` the transport passes (None over HTTP). The armed `fault`
the transport took for this answer changes eth_chainId ("chainId") and refuses
eth_sendRawTransaction (the tx kinds); the transport applies the others.
"""

import inspect

from blocks import data_hex, quantity
from faults import TX_KINDS
from machine import CallFailed, ZERO_ADDRESS
from params import (RpcError, address, block_hash, block_number, block_reference, data, hex_int, invalid,
                    log_filter, matches, param)

CLIENT_VERSION = "mevbot-localchain/1.0 (pyrevm 0.3.7)"


class Dispatcher:
    """Answers requests against `chain`; `faults` is the transport's FaultPlan (local_fault),
    `transactions` the TransactionMethods."""

    def __init__(self, chain, faults, transactions):
        self.chain, self.faults, self.transactions = chain, faults, transactions
        self.methods = {
            "eth_chainId": lambda p: quantity(self.chain.chain_id),
            "net_version": lambda p: str(self.chain.chain_id),
            "web3_clientVersion": lambda p: CLIENT_VERSION,
            "eth_blockNumber": lambda p: quantity(self.chain.head.number),
            "eth_getBlockByNumber": self.get_block_by_number,
            "eth_getBlockByHash": self.get_block_by_hash,
            "eth_getLogs": self.get_logs,
            "eth_call": self.call,
            "eth_getCode": lambda p: data_hex(self._machine(p, 1).code(address(param(p, 0)))),
            "eth_getBalance": lambda p: quantity(self._machine(p, 1).balance(address(param(p, 0)))),
            "eth_getStorageAt": self.get_storage_at,
            "local_mine": self.local_mine,
            "local_reorg": self.local_reorg,
            "local_fault": lambda p: self.faults.arm(param(p, 0, {})),
            "local_createPool": self.local_create_pool,
            "local_state": self.local_state,
            "local_info": lambda p: self.info(),
            **transactions.methods(),
        }

    def info(self):
        """Chain id, head and the deployed world (the start line without the URLs)."""
        head = self.chain.head
        return {"chainId": self.chain.chain_id, "head": {"number": head.number, "hash": data_hex(head.hash)},
                **self.chain.world.info()}

    async def answer(self, request, session=None, fault=None):
        """The answer to one request object or a batch array (a batch's members in order)."""
        if isinstance(request, list):
            if not request:
                return error_answer(None, RpcError(-32600, "empty batch"))
            answers = [await self._one(item, session, fault) for item in request]
            return [a for a in answers if a is not None] or None
        return await self._one(request, session, fault)

    async def _one(self, request, session, fault):
        if not isinstance(request, dict) or not isinstance(request.get("method"), str):
            return error_answer(None, RpcError(-32600, "invalid request"))
        ident, method, params = request.get("id"), request["method"], request.get("params", [])
        try:
            if method in ("eth_subscribe", "eth_unsubscribe"):
                if session is None:
                    raise RpcError(-32601, "notifications not supported")
                result = session.subscribe(params) if method == "eth_subscribe" else session.unsubscribe(params)
            elif method == "eth_chainId" and fault and fault.kind == "chainId":
                result = quantity(self.chain.chain_id + 1)
            elif method == "eth_sendRawTransaction" and fault and fault.kind in TX_KINDS:
                raise self.transactions.refuse_injected(fault.kind, params)
            elif method in self.methods:
                result = self.methods[method](params)
                if inspect.isawaitable(result):
                    result = await result
            else:
                raise RpcError(-32601, f"the method {method} does not exist/is not available")
        except RpcError as error:
            return error_answer(ident, error) if "id" in request else None
        except CallFailed as failure:
            error = RpcError(-32000, f"a getter reverted: {failure}")
            return error_answer(ident, error) if "id" in request else None
        except (ValueError, TypeError, KeyError, IndexError) as error:
            return error_answer(ident, invalid(str(error))) if "id" in request else None
        return {"jsonrpc": "2.0", "id": ident, "result": result} if "id" in request else None

    def _machine(self, params, index):
        return self.chain.machine_at(block_reference(self.chain, param(params, index, "latest")).number)

    def get_block_by_number(self, params):
        """The block, or null past the head; full transaction objects are not served."""
        if param(params, 1, False):
            raise invalid("full transaction objects are not served: pass false")
        block = self.chain.block(block_number(self.chain, param(params, 0, "latest")))
        return block.block_json() if block else None

    def get_block_by_hash(self, params):
        """The canonical block with that hash, or null."""
        if param(params, 1, False):
            raise invalid("full transaction objects are not served: pass false")
        block = self.chain.block_by_hash(block_hash(param(params, 0)))
        return block.block_json() if block else None

    def get_logs(self, params):
        """Logs of the canonical blocks in the filter's range that pass it."""
        blocks, addresses, topics = log_filter(self.chain, param(params, 0, {}))
        return [entry for block in blocks for entry, (_, log) in zip(block.logs_json(), block.logs())
                if matches(log, addresses, topics)]

    def call(self, params):
        """eth_call at a block; a revert is error 3 with the revert data, as geth answers."""
        call = param(params, 0, {})
        if not isinstance(call, dict) or "to" not in call:
            raise invalid("eth_call needs a call object with 'to'")
        machine = self._machine(params, 1)
        payload = data(call.get("data") or call.get("input") or "0x")
        try:
            return data_hex(machine.call(address(call.get("from") or ZERO_ADDRESS), address(call["to"]), payload))
        except CallFailed as failure:
            raise RpcError(3, "execution reverted", data_hex(failure.data)) from None

    def get_storage_at(self, params):
        """One storage word as 32 bytes of hex."""
        word = self._machine(params, 2).storage(address(param(params, 0)), hex_int(param(params, 1)))
        return data_hex(word.to_bytes(32, "big"))

    def local_mine(self, params):
        """local_mine(n, {"swaps","mints","burns"} per block): the new head."""
        count = int(param(params, 0, 1))
        if not 0 < count <= 100_000:
            raise invalid("mine between 1 and 100000 blocks")
        self.chain.mine(count, mix(param(params, 1, {})))
        return self.info()["head"]

    def local_reorg(self, params):
        """local_reorg(depth, newBlocks, mix?): the removed hashes and the new blocks."""
        depth = int(param(params, 0, 1))
        removed, added = self.chain.reorg(depth, int(param(params, 1, depth)), mix(param(params, 2, {})))
        return {"removed": [data_hex(block.hash) for block in removed],
                "added": [{"number": block.number, "hash": data_hex(block.hash)} for block in added]}

    def local_create_pool(self, params):
        """local_createPool({"dex", "tokens": [symbol or address, …], "fee"}): the new pool."""
        spec = param(params, 0, {})
        pool = self.chain.create_pool(spec.get("dex", "uniswap-v3"), spec.get("tokens", []), int(spec.get("fee", 3000)))
        return {**pool.info(), "block": self.chain.head.number}

    def local_state(self, params):
        """local_state(pool address, block?): the pool's true state read through its getters."""
        pool = self.chain.world.pool(address(param(params, 0)))
        block = block_reference(self.chain, param(params, 1, "latest"))
        return {**pool.state(self.chain.machine_at(block.number)), "block": block.number}


def mix(value):
    """A validated {"swaps", "mints", "burns"} mix of non-negative counts."""
    if not isinstance(value, dict) or any(k not in ("swaps", "mints", "burns") for k in value):
        raise invalid("the mix is an object of swaps, mints, burns")
    if any(not isinstance(v, int) or not 0 <= v <= 1000 for v in value.values()):
        raise invalid("mix counts are integers in 0...1000")
    return value


def error_answer(ident, error):
    """A JSON-RPC error answer."""
    return {"jsonrpc": "2.0", "id": ident, "error": error.json()}
