"""The state at an earlier block, rebuilt by replaying the canonical blocks' transactions.

pyrevm cannot copy a state, and keeping a journal checkpoint per block would exhaust revm's call
depth (checkpoints count as call frames), so an earlier state is rebuilt: a fresh `Machine`
replays blocks 1..n, or a cached machine at an earlier block replays the blocks in between.
A few machines stay cached (keyed by number and hash, so a reorg never serves a stale branch).
"""

CACHED = 6


class History:
    """Machines at earlier blocks of `chain`, rebuilt on demand."""

    def __init__(self, chain):
        self.chain = chain
        self.cache = {}  # number -> (hash, Machine), most recently used last

    def _replay(self, machine, first, last):
        for block in self.chain.blocks[first:last + 1]:
            machine.enter_block(block.number, block.timestamp, block.base_fee)
            for tx in block.txs:
                machine.apply(tx)
        return machine

    def _take(self, number):
        """A machine at block `number` that the caller now owns (removed from the cache)."""
        blocks = self.chain.blocks
        usable = [n for n, (block_hash, _) in self.cache.items() if n <= number and blocks[n].hash == block_hash]
        if usable:
            start = max(usable)
            machine = self.cache.pop(start)[1]
            return self._replay(machine, start + 1, number)
        return self._replay(self.chain.new_machine(), 1, number)

    def machine_at(self, number):
        """The state after block `number` of the canonical chain; do not change it."""
        if number == self.chain.head.number:
            return self.chain.machine
        machine = self._take(number)
        self.cache[number] = (self.chain.blocks[number].hash, machine)
        while len(self.cache) > CACHED:
            del self.cache[next(iter(self.cache))]
        return machine

    def take(self, number):
        """A machine at block `number` to mine on (reorgs); the cache no longer holds it."""
        return self._take(number)

    def forget_after(self, number):
        """Drops cached machines above block `number` (their branch is gone)."""
        self.cache = {n: entry for n, entry in self.cache.items() if n <= number}
