"""Reading JSON-RPC parameters: quantities, data, addresses, block references, log filters."""

import re

ADDRESS = re.compile(r"^0x[0-9a-fA-F]{40}$")
HASH = re.compile(r"^0x[0-9a-fA-F]{64}$")
LATEST_TAGS = ("latest", "pending", "safe", "finalized")


class RpcError(Exception):
    """A JSON-RPC error answer: code, message and optional data."""

    def __init__(self, code, message, data=None):
        super().__init__(message)
        self.code, self.message, self.data = code, message, data

    def json(self):
        """The error member of the answer."""
        error = {"code": self.code, "message": self.message}
        if self.data is not None:
            error["data"] = self.data
        return error


def invalid(message):
    """An invalid-params error (-32602)."""
    return RpcError(-32602, message)


def param(params, index, default=None):
    """The `index`th positional parameter, or `default` when absent or null."""
    if not isinstance(params, list):
        raise invalid("params must be an array")
    return params[index] if index < len(params) and params[index] is not None else default


def hex_int(value):
    """A hex quantity ("0x1a") as an int."""
    if isinstance(value, str) and re.fullmatch(r"0x[0-9a-fA-F]+", value):
        return int(value, 16)
    raise invalid(f"expected a hex quantity, got {value!r}")


def data(value):
    """Hex data ("0x…", even length) as bytes."""
    if isinstance(value, str) and re.fullmatch(r"0x([0-9a-fA-F]{2})*", value):
        return bytes.fromhex(value[2:])
    raise invalid(f"expected hex data, got {value!r}")


def address(value):
    """A 20-byte hex address, lower case."""
    if isinstance(value, str) and ADDRESS.match(value):
        return value.lower()
    raise invalid(f"expected an address, got {value!r}")


def block_hash(value):
    """A 32-byte hex hash as bytes."""
    if isinstance(value, str) and HASH.match(value):
        return bytes.fromhex(value[2:])
    raise invalid(f"expected a 32-byte hash, got {value!r}")


def block_number(chain, value):
    """A block tag or hex number as a number (may lie past the head)."""
    if value in LATEST_TAGS:
        return chain.head.number
    if value == "earliest":
        return 0
    return hex_int(value)


def block_reference(chain, value):
    """The canonical block a state-reading method names: a tag, a hex number, or an EIP-1898
    object {"blockNumber"} / {"blockHash"}; raises -32000 for an unknown block."""
    if isinstance(value, dict):
        if "blockHash" in value:
            block = chain.block_by_hash(block_hash(value["blockHash"]))
            if block is None:
                raise RpcError(-32000, f"block {value['blockHash']} not found")
            return block
        value = value.get("blockNumber", "latest")
    block = chain.block(block_number(chain, value))
    if block is None:
        raise RpcError(-32000, "header not found")
    return block


def log_filter(chain, spec):
    """(blocks, addresses or None, topics) of an eth_getLogs / logs-subscription filter."""
    if not isinstance(spec, dict):
        raise invalid("the filter must be an object")
    if "blockHash" in spec:
        if "fromBlock" in spec or "toBlock" in spec:
            raise invalid("blockHash excludes fromBlock and toBlock")
        block = chain.block_by_hash(block_hash(spec["blockHash"]))
        if block is None:
            raise RpcError(-32000, f"block {spec['blockHash']} not found")
        blocks = [block]
    else:
        first = block_number(chain, spec.get("fromBlock") or "latest")
        last = min(block_number(chain, spec.get("toBlock") or "latest"), chain.head.number)
        if first > last and first <= chain.head.number:
            raise invalid(f"invalid block range: fromBlock {first} > toBlock {last}")
        blocks = chain.blocks[first:last + 1]
    return blocks, addresses(spec.get("address")), topics(spec.get("topics"))


def addresses(value):
    """None (any address) or the set of filter addresses; an empty list is any address, as geth reads it."""
    if value is None or value == []:
        return None
    return {address(item) for item in (value if isinstance(value, list) else [value])}


def topics(value):
    """Per position: None (any topic) or the set of topics allowed there."""
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > 4:
        raise invalid("topics must be an array of at most 4 entries")
    allowed = []
    for entry in value:
        if entry is None or (isinstance(entry, list) and None in entry) or entry == []:
            allowed.append(None)
        else:
            allowed.append({block_hash(item) for item in (entry if isinstance(entry, list) else [entry])})
    return allowed


def matches(log, wanted_addresses, wanted_topics):
    """Whether a log passes a filter's addresses and topics (as geth: a log with fewer topics than
    the filter has positions never passes, even where those positions are null)."""
    if wanted_addresses is not None and log.address not in wanted_addresses:
        return False
    if len(wanted_topics) > len(log.topics):
        return False
    return all(allowed is None or topic in allowed for allowed, topic in zip(wanted_topics, log.topics))
