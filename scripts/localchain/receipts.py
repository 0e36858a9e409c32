"""Transactions and receipts in their JSON-RPC shapes (eth_getTransactionByHash, eth_getTransactionReceipt).

A signed transaction is served with every field of its envelope. The chain's own actors'
transactions are unsigned and paid nothing: they are served as type 0 with gas price 0 and v, r,
s zero.
Receipts follow Arbitrum's: effectiveGasPrice is the block's base fee (Arbitrum does not pay
tips) and gasUsedForL1 is 0 (the local chain charges no L1 data fee).
"""

from blocks import bloom, data_hex, quantity


def _address(value):
    return value.lower() if value else None


def transaction_json(block, index):
    """The transaction at `index` of `block` as eth_getTransactionByHash returns it."""
    tx = block.txs[index]
    common = {"blockHash": data_hex(block.hash), "blockNumber": quantity(block.number),
              "transactionIndex": quantity(index), "hash": data_hex(block.tx_hashes[index]),
              "from": _address(tx.sender), "to": _address(tx.to), "input": data_hex(tx.data),
              "value": quantity(tx.value)}
    signed = tx.signed
    if signed is None:
        return {**common, "type": "0x0", "nonce": "0x0", "gas": quantity(block.outcomes[index].gas_used),
                "gasPrice": "0x0", "v": "0x0", "r": "0x0", "s": "0x0"}
    fields = {**common, "type": quantity(signed.type), "nonce": quantity(signed.nonce), "gas": quantity(signed.gas),
              "gasPrice": quantity(tx.gas_price if signed.type == 2 else signed.fee_cap),
              "v": quantity(signed.v), "r": quantity(signed.r), "s": quantity(signed.s)}
    fields["chainId"] = quantity(signed.chain_id)
    if signed.type:
        fields["yParity"] = quantity(signed.v)
        fields["accessList"] = [{"address": entry, "storageKeys": list(keys)} for entry, keys in signed.access_list]
    if signed.type == 2:
        fields["maxFeePerGas"] = quantity(signed.fee_cap)
        fields["maxPriorityFeePerGas"] = quantity(signed.tip_cap)
    return fields


def receipt_json(block, index):
    """The receipt of the transaction at `index` of `block`."""
    tx, outcome = block.txs[index], block.outcomes[index]
    logs = [entry for entry, (tx_index, _) in zip(block.logs_json(), block.logs()) if tx_index == index]
    created = outcome.output if tx.to is None and outcome.success else None
    return {
        "transactionHash": data_hex(block.tx_hashes[index]),
        "transactionIndex": quantity(index),
        "blockHash": data_hex(block.hash),
        "blockNumber": quantity(block.number),
        "from": _address(tx.sender),
        "to": _address(tx.to),
        "contractAddress": _address(created),
        "cumulativeGasUsed": quantity(sum(o.gas_used for o in block.outcomes[:index + 1])),
        "gasUsed": quantity(outcome.gas_used),
        "gasUsedForL1": "0x0",
        "effectiveGasPrice": quantity(tx.gas_price),
        "logs": logs,
        "logsBloom": data_hex(bloom(outcome.logs)),
        "status": "0x1" if outcome.success else "0x0",
        "type": quantity(tx.signed.type if tx.signed else 0),
    }
