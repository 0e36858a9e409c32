"""Injected faults: local_fault makes the next answers of the server faulty in one way.

Kinds: "down" (the connection is closed without an answer), "slow" (answered after delayMs),
"drop" (never answered), "malformed" (the JSON text cut in half), "error" (a JSON-RPC error object
instead of each result), "chainId" (eth_chainId answers a wrong id), "status429" / "status500"
(HTTP status with a plain-text body), "txError" and "txNonceTooLow" (eth_sendRawTransaction is
refused without being sequenced: error -32000 "injected fault", or nitro's "nonce too low:
address A, tx: N state: N+1" for the transaction's own sender and nonce). Each faulty answer uses
up one of `count`; "chainId" counts only answers that include eth_chainId, the tx kinds only
answers that include eth_sendRawTransaction, the status kinds only HTTP answers. Answers made
only of local_* methods are never faulty, so a test can always steer the server.

Of the other kinds, "error", "malformed" and "slow" spoil an answer after the request was
served, so a spoiled eth_sendRawTransaction was sequenced all the same (its answer is lost);
"down" and "drop" (and the status kinds) never serve it.
"""

from dataclasses import dataclass

from params import invalid

KINDS = ("down", "slow", "drop", "malformed", "error", "chainId", "status429", "status500", "txError",
         "txNonceTooLow")
TX_KINDS = ("txError", "txNonceTooLow")


@dataclass(frozen=True)
class Fault:
    """One fault to apply to one answer."""

    kind: str
    delay_ms: int


class FaultPlan:
    """The armed fault and how many answers it still spoils."""

    def __init__(self):
        self.kind, self.remaining, self.delay_ms = None, 0, 0

    def arm(self, spec):
        """local_fault({"kind", "count", "delayMs"}); count 0 disarms. Returns true."""
        if not isinstance(spec, dict) or spec.get("kind") not in KINDS:
            raise invalid(f"fault kind must be one of {KINDS}")
        count, delay = spec.get("count", 1), spec.get("delayMs", 1000)
        if not isinstance(count, int) or count < 0 or not isinstance(delay, int) or delay < 0:
            raise invalid("count and delayMs are non-negative integers")
        self.kind, self.remaining, self.delay_ms = spec["kind"], count, delay
        return True

    def take(self, methods, over_http):
        """The fault for an answer to `methods` (None when it is answered normally)."""
        if self.remaining == 0 or all(method.startswith("local_") for method in methods):
            return None
        if self.kind == "chainId" and "eth_chainId" not in methods:
            return None
        if self.kind in TX_KINDS and "eth_sendRawTransaction" not in methods:
            return None
        if self.kind.startswith("status") and not over_http:
            return None
        self.remaining -= 1
        return Fault(self.kind, self.delay_ms)
