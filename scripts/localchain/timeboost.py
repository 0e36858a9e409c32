"""Timeboost's express lane, checked as nitro's sequencer checks it (timeboost_sendExpressLaneTransaction).

Read in OffchainLabs/nitro at 6dce8d13 (2026-04-23): timeboost/types.go (JsonExpressLaneSubmission,
ExpressLaneSubmission.ToMessageBytes and .Sender), timeboost/auctioneer.go (domainValue),
timeboost/express_lane_tracker.go (ValidateExpressLaneTx), timeboost/express_lane_service.go
(SequenceExpressLaneSubmission), timeboost/errors.go and timeboost/config.go (defaults).

The submission is one JSON object: chainId (hex big integer), round (hex u64),
auctionContractAddress, transaction (hex of the signed envelope), options (conditional options:
only null is accepted here), sequenceNumber (hex u64), signature (hex, 65 bytes). The bytes signed
(ToMessageBytes) are

    keccak256("TIMEBOOST_BID")           32 bytes
    chainId                              32 bytes, big-endian, left-padded with zeros
    auctionContractAddress               20 bytes
    round                                 8 bytes, big-endian
    sequenceNumber                        8 bytes, big-endian
    transaction                          the envelope as sent (types.Transaction.MarshalBinary)

and the signature is an EIP-191 personal-message signature of them: the signer is recovered from
keccak256("\\x19Ethereum Signed Message:\\n" ‖ decimal byte length ‖ bytes) and r ‖ s ‖ v, where v
of 27 or more has 27 taken off first (Sender).

Validation order and errors (the message, then ": " and nitro's error name, as errors.Wrapf
prints them): OVERSIZED_DATA above the sequencer's 95000 bytes; WRONG_CHAIN_ID; WRONG_AUCTION_CONTRACT; BAD_ROUND_NUMBER unless the round is the
current one (the next one is accepted within EarlySubmissionGrace, 2 s, of its start, after waiting
for it); NO_ONCHAIN_CONTROLLER when the round has no controller; MALFORMED_DATA for a signature
that is not 65 bytes or does not recover; NOT_EXPRESS_LANE_CONTROLLER when the signer is not the
round's controller. Then sequencing, per round: sequence numbers start at 0; a number below the
next expected is SEQUENCE_NUMBER_TOO_LOW (unless it is the same submission again, same signature:
accepted, nothing done); a number already buffered is SEQUENCE_NUMBER_ALREADY_SEEN (same
exception); more than MaxFutureSequenceDistance (1000) ahead is refused; a future number is
buffered, and every submission in order from the next expected one is sequenced while the round
lasts, each as eth_sendRawTransaction would be (its own refusal is this call's error; a buffered
one's is dropped, as nitro only logs it). The DontCareSequence number 2^64 - 1 skips the
ordering and is sequenced at once. The answer is null, as nitro's method returns only an error.

Not modelled: the auction itself (local_setExpressLane names the controller), the express lane's
200 ms advantage over other transactions, conditional options.
"""

import asyncio
import time

from eth_keys import keys
from eth_utils import keccak

from params import RpcError, address, data, hex_int, invalid, param
from sequencer import MAX_TX_DATA_SIZE
from transactions import decode

DOMAIN_VALUE = keccak(b"TIMEBOOST_BID")
DONT_CARE_SEQUENCE = 2**64 - 1
MAX_FUTURE_SEQUENCE_DISTANCE = 1000
EARLY_SUBMISSION_GRACE = 2.0  # seconds
DEFAULT_ROUND_SECONDS = 60  # Arbitrum One's round duration
ROUNDS_REMEMBERED = 8  # nitro's LRU of round infos


def failure(message, name=None):
    """A refusal worded as nitro's errors.Wrapf prints it."""
    return RpcError(-32000, f"{message}: {name}" if name else message)


def message_bytes(chain_id, auction_contract, round_number, sequence_number, transaction):
    """The bytes an express lane submission signs (ExpressLaneSubmission.ToMessageBytes)."""
    return (DOMAIN_VALUE + chain_id.to_bytes(32, "big") + bytes.fromhex(auction_contract[2:])
            + round_number.to_bytes(8, "big") + sequence_number.to_bytes(8, "big") + transaction)


def signer(message, signature):
    """The address (lower case) that signed `message` as an EIP-191 personal message (Sender)."""
    if len(signature) != 65:
        raise failure("signature length is not 65", "MALFORMED_DATA")
    v = signature[64] - 27 if signature[64] >= 27 else signature[64]
    digest = keccak(b"\x19Ethereum Signed Message:\n" + str(len(message)).encode() + message)
    try:
        public_key = keys.Signature(signature[:64] + bytes([v])).recover_public_key_from_msg_hash(digest)
    except Exception:  # eth-keys raises several types for values that do not recover
        raise failure("MALFORMED_DATA") from None
    return public_key.to_checksum_address().lower()


class Submission:
    """One parsed timeboost_sendExpressLaneTransaction parameter."""

    def __init__(self, spec):
        if not isinstance(spec, dict):
            raise invalid("missing required parameter")
        try:
            self.chain_id, self.round = hex_int(spec["chainId"]), hex_int(spec["round"])
            self.auction_contract = address(spec["auctionContractAddress"])
            self.transaction = data(spec["transaction"])
            self.sequence_number, self.signature = hex_int(spec["sequenceNumber"]), data(spec["signature"])
        except KeyError as missing:
            raise invalid(f"missing field {missing}") from None
        if spec.get("options") is not None:
            raise invalid("conditional options are not supported by the local chain")
        if self.round >= 2**64 or self.sequence_number >= 2**64:
            raise invalid("round and sequenceNumber are 64-bit")
        decode(self.transaction)  # an envelope that does not decode is refused before anything else

    def message(self):
        """The bytes the signature covers."""
        return message_bytes(self.chain_id, self.auction_contract, self.round, self.sequence_number,
                             self.transaction)


class ExpressLane:
    """The express lane's configuration (local_setExpressLane), round clock and per-round queues."""

    def __init__(self, chain_id, sequencer):
        self.chain_id, self.sequencer = chain_id, sequencer
        self.auction_contract, self.controllers = None, {}
        self.first_round, self.started, self.round_seconds = 0, time.monotonic(), DEFAULT_ROUND_SECONDS
        self.rounds = {}  # round -> [next sequence number, {sequence number: Submission}]
        self.lock = asyncio.Lock()

    def configure(self, spec):
        """local_setExpressLane({"controller", "round", "auctionContract", "roundDurationSeconds"?}):
        `round` becomes the current round now, `controller` its controller. Returns the setting."""
        if not isinstance(spec, dict) or not isinstance(spec.get("round"), int) or spec["round"] < 0:
            raise invalid("local_setExpressLane needs controller, round (an integer) and auctionContract")
        seconds = spec.get("roundDurationSeconds", DEFAULT_ROUND_SECONDS)
        if not isinstance(seconds, (int, float)) or seconds <= 0:
            raise invalid("roundDurationSeconds must be positive")
        self.auction_contract = address(spec.get("auctionContract"))
        self.controllers = {spec["round"]: address(spec.get("controller"))}
        self.first_round, self.started, self.round_seconds = spec["round"], time.monotonic(), seconds
        self.rounds = {}
        return {"round": self.first_round, "controller": self.controllers[self.first_round],
                "auctionContract": self.auction_contract, "roundDurationSeconds": seconds}

    def current_round(self):
        """The round now (RoundTimingInfo.RoundNumber)."""
        return self.first_round + int((time.monotonic() - self.started) // self.round_seconds)

    def _time_to_next_round(self):
        return self.round_seconds - (time.monotonic() - self.started) % self.round_seconds

    async def submit(self, params):
        """timeboost_sendExpressLaneTransaction: None once sequenced or buffered; raises RpcError."""
        submission = Submission(param(params, 0))
        await self._validate(submission)
        if submission.sequence_number == DONT_CARE_SEQUENCE:
            if submission.round != self.current_round():
                raise failure(f"express lane tx round {submission.round} does not match current round "
                              f"{self.current_round()}", "BAD_ROUND_NUMBER")
            await self.sequencer.submit(submission.transaction)
            return None
        async with self.lock:
            return await self._sequence(submission)

    async def _validate(self, submission):
        """ValidateExpressLaneTx."""
        if self.auction_contract is None:
            raise failure("express lane service not enabled")
        if len(submission.transaction) > MAX_TX_DATA_SIZE:
            raise failure(f"express lane tx size {len(submission.transaction)} exceeds maximum allowed size "
                          f"{MAX_TX_DATA_SIZE}", "OVERSIZED_DATA")
        if submission.chain_id != self.chain_id:
            raise failure(f"express lane tx chain ID {submission.chain_id} does not match current chain ID "
                          f"{self.chain_id}", "WRONG_CHAIN_ID")
        if submission.auction_contract != self.auction_contract:
            raise failure(f"msg auction contract address {submission.auction_contract} does not match sequencer "
                          f"auction contract address {self.auction_contract}", "WRONG_AUCTION_CONTRACT")
        current = self.current_round()
        if submission.round != current:
            wait = self._time_to_next_round()
            if submission.round == current + 1 and wait <= EARLY_SUBMISSION_GRACE:
                await asyncio.sleep(wait)
            else:
                raise failure(f"express lane tx round {submission.round} does not match current round {current}",
                              "BAD_ROUND_NUMBER")
        controller = self.controllers.get(submission.round)
        if controller is None:
            raise failure(f"no on-chain controller for round {submission.round} (current round "
                          f"{self.current_round()}, ValidateExpressLaneTx)", "NO_ONCHAIN_CONTROLLER")
        if signer(submission.message(), submission.signature) != controller:
            raise failure("NOT_EXPRESS_LANE_CONTROLLER")

    async def _sequence(self, submission):
        """SequenceExpressLaneSubmission, with the lock held."""
        if submission.round not in self.rounds:
            self.rounds[submission.round] = [0, {}]
            while len(self.rounds) > ROUNDS_REMEMBERED:
                del self.rounds[min(self.rounds)]
        info = self.rounds[submission.round]
        queued = info[1].get(submission.sequence_number)
        same = queued is not None and queued.signature == submission.signature
        if submission.sequence_number < info[0]:
            if same:
                return None
            raise failure("SEQUENCE_NUMBER_TOO_LOW")
        if queued is not None:
            if same:
                return None
            raise failure("SEQUENCE_NUMBER_ALREADY_SEEN")
        if submission.sequence_number > info[0] + MAX_FUTURE_SEQUENCE_DISTANCE:
            raise failure(f"message sequence number has reached max allowed limit. SequenceNumber: "
                          f"{submission.sequence_number}, ExpectedSequenceNumber: {info[0]}, Limit: "
                          f"{info[0] + MAX_FUTURE_SEQUENCE_DISTANCE}")
        info[1][submission.sequence_number] = submission
        error = None
        while self.current_round() == submission.round and info[0] in info[1]:
            following = info[1][info[0]]
            try:
                await self.sequencer.submit(following.transaction)
            except RpcError as refusal:
                if following is submission:
                    error = refusal
            info[0] += 1
        if error is not None:
            raise error
        return None
