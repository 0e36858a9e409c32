"""Blocks: their transactions and logs, chained hashes, and their JSON-RPC shapes.

A block's hash is the keccak of an RLP list of (parentHash, number, timestamp, baseFee,
extraData, transactions root, logs bloom): parentHash continuity holds by construction, and a
block mined on another branch differs at least in extraData (the branch number). A signed
transaction's hash is keccak of its raw envelope; the chain's own unsigned transactions get
keccak(RLP(chain id, block number, index, sender, to, data)).
"""

from dataclasses import dataclass, field

import rlp
from eth_utils import keccak

GAS_LIMIT = 1 << 50  # Arbitrum One's block gas limit


def quantity(value):
    """A JSON-RPC hex quantity."""
    return hex(value)


def data_hex(value):
    """A JSON-RPC hex data string."""
    return "0x" + value.hex()


def bloom(logs):
    """The 2048-bit logs bloom of the logs' addresses and topics (as in the yellow paper)."""
    bits = 0
    for log in logs:
        for item in (bytes.fromhex(log.address[2:]), *log.topics):
            digest = keccak(item)
            for pair in (0, 2, 4):
                bits |= 1 << ((int.from_bytes(digest[pair:pair + 2], "big")) & 2047)
    return bits.to_bytes(256, "big")


@dataclass
class Block:
    """One block: header fields, the transactions applied and what each gave."""

    number: int
    parent_hash: bytes
    timestamp: int
    base_fee: int
    branch: int
    txs: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)
    tx_hashes: list = field(default_factory=list)
    hash: bytes = b""

    def add(self, chain_id, tx, outcome):
        """Records a transaction applied in this block and its outcome."""
        index = len(self.txs)
        target = bytes.fromhex(tx.to[2:]) if tx.to else b""
        self.tx_hashes.append(tx.signed.hash if tx.signed else keccak(rlp.encode(
            [chain_id, self.number, index, bytes.fromhex(tx.sender[2:]), target, tx.data])))
        self.txs.append(tx)
        self.outcomes.append(outcome)

    def logs(self):
        """(transaction index, log) for every log of the block, in order."""
        return [(index, log) for index, outcome in enumerate(self.outcomes) for log in outcome.logs]

    def seal(self):
        """Computes the block hash once every transaction is in."""
        transactions_root = keccak(b"".join(self.tx_hashes))
        header = [self.parent_hash, self.number, self.timestamp, self.base_fee, self.branch,
                  transactions_root, bloom(log for _, log in self.logs())]
        self.hash = keccak(rlp.encode(header))
        return self

    def header_json(self):
        """The block as eth_getBlockByNumber(…, false) returns it (and newHeads notifies it)."""
        logs = [log for _, log in self.logs()]
        return {
            "number": quantity(self.number),
            "hash": data_hex(self.hash),
            "parentHash": data_hex(self.parent_hash),
            "timestamp": quantity(self.timestamp),
            "baseFeePerGas": quantity(self.base_fee),
            "gasLimit": quantity(GAS_LIMIT),
            "gasUsed": quantity(sum(outcome.gas_used for outcome in self.outcomes)),
            "miner": "0x" + "00" * 20,
            "extraData": data_hex(self.branch.to_bytes(8, "big")),
            "logsBloom": data_hex(bloom(logs)),
            "transactionsRoot": data_hex(keccak(b"".join(self.tx_hashes))),
            "stateRoot": "0x" + "00" * 32,
            "receiptsRoot": "0x" + "00" * 32,
            "sha3Uncles": "0x" + "00" * 32,
            "difficulty": "0x0",
            "nonce": "0x" + "00" * 8,
            "mixHash": "0x" + "00" * 32,
            "size": "0x0",
            "uncles": [],
        }

    def block_json(self):
        """The block as eth_getBlockByNumber(…, false) returns it: the header and tx hashes."""
        return {**self.header_json(), "transactions": [data_hex(h) for h in self.tx_hashes]}

    def log_json(self, tx_index, log, log_index, removed=False):
        """One log in eth_getLogs' shape."""
        return {
            "address": log.address,
            "topics": [data_hex(topic) for topic in log.topics],
            "data": data_hex(log.data),
            "blockNumber": quantity(self.number),
            "blockHash": data_hex(self.hash),
            "transactionHash": data_hex(self.tx_hashes[tx_index]),
            "transactionIndex": quantity(tx_index),
            "logIndex": quantity(log_index),
            "removed": removed,
        }

    def logs_json(self, removed=False):
        """Every log of the block in eth_getLogs' shape, logIndex counting within the block."""
        return [self.log_json(index, log, position, removed)
                for position, (index, log) in enumerate(self.logs())]
