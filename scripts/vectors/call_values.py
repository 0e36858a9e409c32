"""Random values for the aggregator call vectors: selectors, addresses and amounts, shared by
aggregators.py, aggregators_direct.py and oneinch_direct.py."""

from eth_hash.auto import keccak


def selector(signature):
    return keccak(signature.encode())[:4]


def address(rng):
    return "0x" + rng.randbytes(20).hex()


def amount(rng):
    return rng.choice([0, 1, rng.getrandbits(64), rng.getrandbits(128), rng.getrandbits(256)])
