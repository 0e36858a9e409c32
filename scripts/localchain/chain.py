"""The canonical chain: blocks mined from seeded random activity, reorgs, and listeners.

Every block's randomness comes from random.Random("<seed>/<branch>/<number>"), so a seed and the
same sequence of admin calls give the same chain, hashes included. Block 0 is an empty genesis;
block 1 deploys the world (world.py). A reorg starts branch b+1: the dropped blocks' state is
rebuilt from history, and blocks mined from then on carry the new branch number.

Besides the seeded activity, a block can hold one sequenced signed transaction (`sequence`: the
sequencer mines one block per transaction, as Arbitrum makes one block per sequencer message), a
funding (`fund`: FAUCET sends ether, TRADER mints test tokens) or a deployment (`deploy`).
"""

import random

from eth_utils import to_checksum_address

from blocks import Block
from history import History
from machine import Machine, Tx, calldata
from tokens import FAUCET, FAUCET_WEI, DEPLOYER, mint, place_weth
from world import World

GENESIS_TIMESTAMP = 1_700_000_000
BASE_FEE = 10_000_000  # 0.01 gwei, Arbitrum One's usual floor
DEFAULT_MIX = {"swaps": 4, "mints": 1, "burns": 1}


class Writer:
    """Applies transactions to the live machine and records them in the block being mined."""

    def __init__(self, chain, block):
        self.chain, self.block, self.machine, self.number = chain, block, chain.machine, block.number

    def send(self, sender, to, signature, types=(), values=()):
        """A call of `signature` on `to`; returns its Outcome (a revert is recorded, not raised)."""
        return self.apply(Tx(sender, to, calldata(signature, types, values)))

    def deploy(self, sender, code):
        """Deploys creation `code`; returns the new address (raises if the deployment fails)."""
        outcome = self.apply(Tx(sender, None, code))
        if not outcome.success:
            raise RuntimeError(f"deployment by {sender} failed")
        return to_checksum_address(outcome.output)

    def apply(self, tx):
        """Applies `tx` and records it in the block; its Outcome."""
        outcome = self.machine.apply(tx)
        self.block.add(self.chain.chain_id, tx, outcome)
        return outcome


class Chain:
    """Blocks, the live state at the head, and the world deployed on it."""

    def __init__(self, seed, chain_id, counts, base_fee=BASE_FEE, weth_at=None):
        self.seed, self.chain_id, self.branch, self.base_fee = seed, chain_id, 0, base_fee
        self.weth_at = weth_at  # where genesis places the WETH token (None: block 1 deploys it like the others)
        self.machine = self.new_machine()
        self.blocks = [Block(0, b"\0" * 32, GENESIS_TIMESTAMP, base_fee, 0).seal()]
        self.by_hash = {self.blocks[0].hash: self.blocks[0]}
        self.locations = {}  # transaction hash -> (block number, index) on the canonical chain
        self.history = History(self)
        self.world = World({"WETH": weth_at} if weth_at else None)
        self.listeners = []  # callables(removed blocks, added blocks)
        self._mine(lambda writer, rng: self.world.build(writer, random.Random(f"{seed}/world"), counts))

    def new_machine(self):
        """A fresh machine at genesis (FAUCET holds FAUCET_WEI; WETH at `weth_at` if set)."""
        machine = Machine(self.chain_id, {FAUCET: FAUCET_WEI})
        if self.weth_at:
            place_weth(machine, self.weth_at)
        return machine

    @property
    def head(self):
        """The latest canonical block."""
        return self.blocks[-1]

    def _rng(self, number):
        return random.Random(f"{self.seed}/{self.branch}/{number}")

    def _mine(self, action):
        """Mines one block whose transactions `action(writer, rng)` sends; returns the block."""
        parent = self.head
        rng = self._rng(parent.number + 1)
        block = Block(parent.number + 1, parent.hash, parent.timestamp + rng.randint(1, 3), self.base_fee,
                      self.branch)
        self.machine.enter_block(block.number, block.timestamp, block.base_fee)
        action(Writer(self, block), rng)
        self.blocks.append(block.seal())
        self.by_hash[block.hash] = block
        self.locations.update((tx_hash, (block.number, index)) for index, tx_hash in enumerate(block.tx_hashes))
        return block

    def _activity(self, mix):
        """An action sending `mix`'s swaps, mints and burns on pools chosen at random."""
        def act(writer, rng):
            kinds = [kind for kind in ("swaps", "mints", "burns") for _ in range(mix.get(kind, 0))]
            rng.shuffle(kinds)
            for kind in kinds:
                pool = rng.choice(self.world.pools)
                getattr(pool, kind[:-1])(writer, rng)
        return act

    def _notify(self, removed, added):
        for listener in list(self.listeners):
            listener(removed, added)

    def mine(self, count, mix=None):
        """Mines `count` blocks of random activity; returns them."""
        mix = {**DEFAULT_MIX, **(mix or {})}
        added = [self._mine(self._activity(mix)) for _ in range(count)]
        self._notify([], added)
        return added

    def reorg(self, depth, count, mix=None):
        """Replaces the last `depth` blocks by `count` >= depth new ones on a new branch."""
        if not 1 <= depth <= self.head.number - 1 or count < depth:
            raise ValueError(f"need 1 <= depth <= {self.head.number - 1} and newBlocks >= depth")
        fork = self.head.number - depth
        self.machine = self.history.take(fork)
        removed = self.blocks[fork + 1:]
        del self.blocks[fork + 1:]
        for block in removed:
            del self.by_hash[block.hash]
            for tx_hash in block.tx_hashes:
                self.locations.pop(tx_hash, None)
        self.history.forget_after(fork)
        self.world.forget_after(fork)
        self.branch += 1
        mix = {**DEFAULT_MIX, **(mix or {})}
        added = [self._mine(self._activity(mix)) for _ in range(count)]
        self._notify(removed, added)
        return removed, added

    def create_pool(self, dex, symbols, fee):
        """Mines a block creating a pool through its factory; returns the pool."""
        created = []
        block = self._mine(lambda writer, rng: created.append(self.world.create_pool(writer, rng, dex, symbols, fee)))
        self._notify([], [block])
        return created[0]

    def sequence(self, signed):
        """Mines a block holding the signed transaction alone (charged the base fee per gas, as
        Arbitrum charges: the tip is not paid); returns the block."""
        tx = Tx(signed.sender, signed.to, signed.data, signed.value, signed.gas, self.base_fee, signed)
        block = self._mine(lambda writer, rng: writer.apply(tx))
        self._notify([], [block])
        return block

    def fund(self, account, wei, amounts):
        """Mines a block in which FAUCET sends `wei` to `account` and TRADER mints it each
        {token: amount}; returns the block."""
        def act(writer, rng):
            if wei:
                writer.apply(Tx(FAUCET, account, b"", wei))
            for token, amount in amounts.items():
                mint(writer, token, account, amount)
        block = self._mine(act)
        self._notify([], [block])
        return block

    def deploy(self, code, sender=DEPLOYER):
        """Mines a block deploying creation `code` from `sender` (unsigned; its nonce goes up as
        a CREATE's does); returns the block (its only outcome says whether it worked)."""
        block = self._mine(lambda writer, rng: writer.apply(Tx(sender, None, code)))
        self._notify([], [block])
        return block

    def transaction(self, tx_hash):
        """(block, index) of a canonical transaction, or None."""
        number, index = self.locations.get(tx_hash, (None, None))
        return None if number is None else (self.blocks[number], index)

    def block(self, number):
        """The canonical block `number` (None past the head)."""
        return self.blocks[number] if 0 <= number < len(self.blocks) else None

    def block_by_hash(self, block_hash):
        """The canonical block with `block_hash` (None when it is not canonical)."""
        return self.by_hash.get(block_hash)

    def machine_at(self, number):
        """The state after canonical block `number`."""
        return self.history.machine_at(number)
