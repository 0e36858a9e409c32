"""Executor calldata vectors: executor_calldata.json.

Not a third-party peer: the cases are encoded by contracts/executor_calldata.py, the encoder
contracts/test_executor.py drives the executor contract (Executor.vy, on pyrevm, against the
genuine pools) with, so the Swift encoder matching them matches what the contract decodes.
Cases: random cycles of 1 to 8 hops of every kind and direction, pools named by address or by
1- or 2-byte table index, inputs and minimum profits of every byte length the layout allows
("valid-*"); and what the layout cannot carry ("error-*": a zero or too large input or minimum,
no or too many hops, tokens a hop kind cannot have, equal Curve coins).
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "contracts"))

import executor_calldata as packed  # noqa: E402

FILE = "executor_calldata.json"
PEERS = ()


def random_hop(rng, pool):
    kind = rng.randrange(5)
    if kind == packed.CURVE:
        token_in, token_out = rng.sample(range(16), 2)
    else:
        token_in = rng.randrange(2)
        token_out = 1 - token_in
    return (kind, pool, token_in, token_out)


def random_number(rng, smallest):
    size = rng.randrange(smallest, packed.MAX_NUMBER_BYTES + 1)
    return 0 if size == 0 else rng.randrange(1 << (8 * size - 8), 1 << (8 * size))


def vector(kind, hops, amount_in, minimum_profit, pool_indexes):
    case = {"kind": kind,
            "hops": [{"kind": k, "pool": pool, "tokenIn": token_in, "tokenOut": token_out}
                     for k, pool, token_in, token_out in hops],
            "amountIn": str(amount_in), "minimumProfit": str(minimum_profit), "poolIndexes": pool_indexes}
    try:
        case["calldata"] = "0x" + packed.encode(hops, amount_in, minimum_profit, pool_indexes).hex()
    except packed.Unencodable as error:
        case["error"] = str(error)
    return case


def build(seed):
    rng = random.Random(f"{seed}/executor_calldata")
    cases = []
    for index in range(400):
        pools = ["0x" + rng.randbytes(20).hex() for _ in range(rng.randrange(1, packed.MAX_HOPS + 1))]
        hops = [random_hop(rng, pool) for pool in pools]
        table = {}
        for pool in pools:
            form = rng.randrange(3)
            if form:
                table[pool] = rng.randrange(256) if form == 1 else rng.randrange(256, packed.POOL_TABLE_SIZE)
        cases.append(vector(f"valid-{len(hops)}-hops", hops, random_number(rng, 1), random_number(rng, 0), table))
    pool = "0x" + "11" * 20
    hop = (packed.UNISWAP_V3, pool, 1, 0)
    errors = [
        ("error-zero-input", [hop], 0, 0),
        ("error-input-too-large", [hop], 1 << 120, 0),
        ("error-minimum-too-large", [hop], 1, 1 << 120),
        ("error-no-hops", [], 1, 0),
        ("error-too-many-hops", [hop] * (packed.MAX_HOPS + 1), 1, 0),
        ("error-pair-tokens", [(packed.UNISWAP_V2, pool, 0, 2)], 1, 0),
        ("error-pair-same-token", [(packed.ALGEBRA, pool, 1, 1)], 1, 0),
        ("error-curve-same-coin", [(packed.CURVE, pool, 3, 3)], 1, 0),
        ("error-curve-coin-too-large", [(packed.CURVE, pool, 16, 0)], 1, 0),
    ]
    cases += [vector(kind, hops, amount, minimum, {}) for kind, hops, amount, minimum in errors]
    return {"cases": cases}
