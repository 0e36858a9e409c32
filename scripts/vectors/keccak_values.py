"""Keccak-256 vectors: keccak.json.

Peer: eth-hash with its pycryptodome backend computes every hash.
"""

import random

from eth_hash import Keccak256
from eth_hash.backends.pycryptodome import CryptodomeBackend

FILE = "keccak.json"
PEERS = ("eth-hash", "pycryptodome")
RANDOM_LENGTHS = 300

keccak = Keccak256(CryptodomeBackend())


def build(seed):
    """Every input length 0..300, then random lengths up to 2000."""
    rng = random.Random(seed)
    lengths = list(range(301)) + [rng.randint(301, 2000) for _ in range(RANDOM_LENGTHS)]
    inputs = [rng.randbytes(n) for n in lengths]
    return {"vectors": [{"input": "0x" + data.hex(), "hash": "0x" + keccak(data).hex()} for data in inputs]}
