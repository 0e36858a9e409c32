"""Writes legacy_pool_exchanges.json: Curve StableSwap pools with one coin at 10^-5 and less of
the others, run on the real contracts' bytecode in pyrevm.

- curve-contract `contracts/pools/3pool/StableSwap3Pool.vy` and `contracts/pools/hbtc/StableSwapHBTC.vy`
  (Vyper 0.2.4: A unscaled, `get_D`/`get_y` stop after 255 steps with a `break`): `exchange(i, j,
  dx, 0)`; the payout is what the caller's token balance received, the balances are `balances(k)`.
- curve-factory `contracts/implementations/plain-3/Plain3Basic.vy` (Vyper 0.3.1: A_PRECISION 100,
  `raise` after 255 steps) on the same 3-coin states: `get_dy(i, j, dx)`, which pays what its
  `exchange` pays, or its revert.

Their Vyper versions do not run under this project's Python; compile them with those versions
(e.g. `pip install vyper==0.2.4` and `vyper==0.3.1` in Python 3.8 virtualenvs) and pass the creation
bytecode files: `python legacy_pool_judge.py 3POOL.hex HBTC.hex PLAIN3.hex > legacy_pool_exchanges.json`,
run with the project's .venv (pyrevm, eth-abi, vyper 0.4.3 for the test token) and
scripts/vectors on PYTHONPATH (its evm_harness and pool_curve).

State is written to storage (Vyper 0.2.4 keeps `balances` at keccak(slot 1) + k; Plain3Basic's
layout is its compiler's `-f layout`: coins 2..4, balances 5..7, fee 8, A 9/10, rates 13..15). Each
case also says whether get_D's 255 steps ran out, by scripts/vectors/pool_curve.py's transcription.
"""

import json
import sys
from pathlib import Path

import vyper
from eth_abi import encode
from eth_utils import keccak

from evm_harness import DEPLOYER, Chain, Reverted
import pool_curve

# A token that moves balances without allowances: the pools call transferFrom and transfer.
TOKEN_SOURCE = """
# pragma version 0.4.3
balanceOf: public(HashMap[address, uint256])

@external
def mint(receiver: address, amount: uint256):
    self.balanceOf[receiver] += amount

@external
def transfer(receiver: address, amount: uint256) -> bool:
    self.balanceOf[msg.sender] -= amount
    self.balanceOf[receiver] += amount
    return True

@external
def transferFrom(sender: address, receiver: address, amount: uint256) -> bool:
    self.balanceOf[sender] -= amount
    self.balanceOf[receiver] += amount
    return True
"""
TOKEN = bytes.fromhex(vyper.compile_code(TOKEN_SOURCE, output_formats=["bytecode"])["bytecode"][2:])

# The pools' constant RATES: DAI, USDC, USDT (18, 6, 6 decimals); hBTC, WBTC (18, 8).
THREE_POOL_RATES = [10**18, 10**30, 10**30]
HBTC_RATES = [10**18, 10**28]
FEE = 4 * 10**6
ADMIN_FEE = 5 * 10**9

# (contract, A, balances, swaps): 1,000,000 DAI and USDC against 10 .. 0.001 USDT; 1,000 hBTC
# against 1,000 satoshi of WBTC. A converging state (A 2000, 10 USDT) is the control.
CASES = [
    ("StableSwap3Pool", 100, [10**24, 10**12, 10**7], [(0, 2, 10**18), (2, 0, 10**6), (1, 2, 10**6), (0, 1, 10**18)]),
    ("StableSwap3Pool", 2000, [10**24, 10**12, 10**5], [(0, 2, 10**18), (2, 0, 10**4)]),
    ("StableSwap3Pool", 4000, [10**24, 10**12, 10**3], [(0, 2, 10**18), (2, 1, 10**2)]),
    ("StableSwap3Pool", 2000, [10**24, 10**12, 10**7], [(0, 2, 10**18)]),
    ("StableSwapHBTC", 100, [10**21, 10**3], [(0, 1, 10**18), (1, 0, 10**2)]),
]


def legacy_exchange(code, a, balances, i, j, dx):
    """exchange(i, j, dx, 0) on a Vyper 0.2.4 pool: {"dy", "balances"} or {"revert": data}."""
    n = len(balances)
    chain = Chain()
    tokens = [chain.deploy(TOKEN) for _ in range(n)]
    arguments = encode(["address", f"address[{n}]", "address", "uint256", "uint256", "uint256"],
                       [DEPLOYER, tokens, tokens[0], a, FEE, ADMIN_FEE])
    pool = chain.deploy(code, arguments)
    base = int.from_bytes(keccak((1).to_bytes(32, "big")), "big")
    for k, balance in enumerate(balances):
        chain.evm.insert_account_storage(pool, base + k, balance)
        chain.send(tokens[k], "mint(address,uint256)", ["address", "uint256"], [pool, balance])
    stored = [chain.view(pool, "balances(uint256)", ["uint256"], [k], ["uint256"])[0] for k in range(n)]
    assert stored == balances and chain.view(pool, "A()", returns=["uint256"])[0] == a
    chain.send(tokens[i], "mint(address,uint256)", ["address", "uint256"], [DEPLOYER, dx])
    try:
        chain.send(pool, "exchange(int128,int128,uint256,uint256)", ["int128", "int128", "uint256", "uint256"],
                   [i, j, dx, 0])
    except Reverted as revert:
        return {"revert": revert.message}
    dy = chain.view(tokens[j], "balanceOf(address)", ["address"], [DEPLOYER], ["uint256"])[0]
    after = [chain.view(pool, "balances(uint256)", ["uint256"], [k], ["uint256"])[0] for k in range(n)]
    return {"dy": str(dy), "balances": [str(b) for b in after]}


def plain3_get_dy(code, rates, a_precise, balances, i, j, dx):
    """get_dy(i, j, dx) on Plain3Basic holding the same state: {"dy"} or {"revert": data}."""
    chain = Chain()
    pool = chain.deploy(code)
    for k in range(3):
        chain.evm.insert_account_storage(pool, 2 + k, k + 1)
        chain.evm.insert_account_storage(pool, 5 + k, balances[k])
        chain.evm.insert_account_storage(pool, 13 + k, rates[k])
    chain.evm.insert_account_storage(pool, 8, FEE)
    chain.evm.insert_account_storage(pool, 9, a_precise)
    chain.evm.insert_account_storage(pool, 10, a_precise)
    assert chain.view(pool, "A_precise()", returns=["uint256"])[0] == a_precise
    try:
        dy = chain.view(pool, "get_dy(int128,int128,uint256)", ["int128", "int128", "uint256"], [i, j, dx], ["uint256"])[0]
    except Reverted as revert:
        return {"revert": revert.message}
    return {"dy": str(dy)}


def get_d_runs_out(rates, a, balances):
    """Whether get_D's 255 steps end without converging: the transcription's raising form with
    A x A_PRECISION takes the same steps as the legacy form with A."""
    xp = [rate * balance // pool_curve.PRECISION for rate, balance in zip(rates, balances)]
    try:
        pool_curve.get_d(xp, a * pool_curve.A_PRECISION, "loop")
    except pool_curve.Revert as revert:
        return str(revert) == pool_curve.NO_D
    return False


def main():
    codes = {name: bytes.fromhex(Path(path).read_text().strip().removeprefix("0x"))
             for name, path in zip(["StableSwap3Pool", "StableSwapHBTC", "Plain3Basic"], sys.argv[1:4])}
    cases = []
    for contract, a, balances, swaps in CASES:
        rates = THREE_POOL_RATES if contract == "StableSwap3Pool" else HBTC_RATES
        for i, j, dx in swaps:
            entry = {
                "contract": contract, "A": str(a), "fee": str(FEE), "adminFee": str(ADMIN_FEE),
                "rates": [str(r) for r in rates], "balances": [str(b) for b in balances],
                "i": i, "j": j, "dx": str(dx), "getDRunsOutOfSteps": get_d_runs_out(rates, a, balances),
                "exchange": legacy_exchange(codes[contract], a, balances, i, j, dx),
            }
            if contract == "StableSwap3Pool":
                entry["plain3BasicGetDy"] = plain3_get_dy(codes["Plain3Basic"], rates, a * pool_curve.A_PRECISION,
                                                          balances, i, j, dx)
            cases.append(entry)
    about = ("Real StableSwap3Pool / StableSwapHBTC exchange and Plain3Basic get_dy on imbalanced states, "
             "run in pyrevm by legacy_pool_judge.py (see PROVENANCE.md)")
    print(json.dumps({"about": about, "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
