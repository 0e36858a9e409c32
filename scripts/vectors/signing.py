"""Signing vectors: signing.json.

Peers computing the expected answers:
- eth-account signs EIP-1559 transactions (empty access list) with random keys and
  payloads, edge cases included (key 1 and n-1, nonce 0, zero value, empty data, fee
  caps up to 2**256-1, gas up to 2**64-1), giving the raw bytes, hash, r/s/v and the
  sender; the signing hash is eth-account's `TypedTransaction.hash()`. Signatures are
  RFC 6979 deterministic, so the Swift signer must give the same bytes.
- eth-account (eth-keyfile) writes Web3 Secret Storage v3 keystores with scrypt and
  pbkdf2 (cheap parameters, plus one of each with eth-account's defaults), passwords
  including the empty one and non-ASCII ones.
- eth-account signs Timeboost express-lane messages as EIP-191 personal messages
  (`sign_message(encode_defunct(primitive=...))`, v = 27/28). The message layout is
  nitro's `ExpressLaneSubmission.ToMessageBytes` (timeboost/types.go at commit
  6dce8d13902649a1acdfd3f2504129f1f5612358): keccak256("TIMEBOOST_BID") ||
  chainId (32 bytes) || auction contract (20) || round (8) || sequence number (8) ||
  the signed transaction.
"""

import random

from eth_account import Account
from eth_account.typed_transactions import TypedTransaction
from eth_account.messages import encode_defunct
from eth_hash import Keccak256
from eth_hash.backends.pycryptodome import CryptodomeBackend
from eth_keys.constants import SECPK1_N as N
from eth_utils import to_checksum_address

FILE = "signing.json"
PEERS = ("eth-account", "eth-keyfile", "eth-keys", "eth-hash", "pycryptodome")
RANDOM_TRANSACTIONS = 300
EXPRESS_LANE = 40

keccak = Keccak256(CryptodomeBackend())
DOMAIN = keccak(b"TIMEBOOST_BID")
CHAIN_IDS = (42161, 1, 421614, 2**32 + 7)


def hx(data):
    return "0x" + bytes(data).hex()


def random_key(rng):
    return rng.randrange(1, N).to_bytes(32, "big")


def amount(rng):
    """An integer of a random byte length, sometimes a boundary."""
    return rng.choice((0, 1, 2**256 - 1, rng.randrange(2 ** (8 * rng.randrange(1, 33)))))


def transaction(rng, key, **overrides):
    fields = {
        "type": 2,
        "chainId": rng.choice(CHAIN_IDS),
        "nonce": rng.choice((0, 1, rng.randrange(2**16), 2**64 - 2)),
        "maxPriorityFeePerGas": amount(rng),
        "maxFeePerGas": amount(rng),
        "gas": rng.choice((21000, 600000, 2**64 - 1, rng.randrange(2**32))),
        "to": to_checksum_address(rng.randbytes(20)),
        "value": amount(rng),
        "data": hx(rng.randbytes(rng.choice((0, 1, 43, 55, 56, rng.randrange(600))))),
        "accessList": [],
    }
    fields.update(overrides)
    signed = Account.sign_transaction(fields, key)
    return {
        "key": hx(key),
        "sender": Account.from_key(key).address,
        "chainId": str(fields["chainId"]),
        "nonce": str(fields["nonce"]),
        "maxPriorityFeePerGas": str(fields["maxPriorityFeePerGas"]),
        "maxFeePerGas": str(fields["maxFeePerGas"]),
        "gas": str(fields["gas"]),
        "to": fields["to"],
        "value": str(fields["value"]),
        "data": fields["data"],
        "signingHash": hx(TypedTransaction.from_dict(fields).hash()),
        "raw": hx(signed.raw_transaction),
        "hash": hx(signed.hash),
        "r": str(signed.r),
        "s": str(signed.s),
        "yParity": str(signed.v),
    }


def transactions(rng):
    edge_keys = (1, 2, N - 1, N // 2)
    out = [transaction(rng, k.to_bytes(32, "big")) for k in edge_keys]
    key = random_key(rng)
    out.append(transaction(rng, key, nonce=0, value=0, data="0x", maxPriorityFeePerGas=0, maxFeePerGas=0))
    out.append(transaction(rng, key, maxPriorityFeePerGas=2**256 - 1, maxFeePerGas=2**256 - 1, value=2**256 - 1))
    out += [transaction(rng, random_key(rng)) for _ in range(RANDOM_TRANSACTIONS)]
    return out


def keystores(rng):
    passwords = ("", "correct horse battery staple", "pässwörd ✓ 密码", "x" * 200)
    specs = [("scrypt", 2 ** rng.randrange(1, 11)) for _ in range(6)]
    specs += [("pbkdf2", rng.randrange(1, 5000)) for _ in range(6)]
    specs += [("scrypt", None), ("pbkdf2", None)]  # eth-account's defaults
    out = []
    for index, (kdf, iterations) in enumerate(specs):
        key = random_key(rng)
        password = passwords[index % len(passwords)]
        keystore = Account.encrypt(key, password, kdf=kdf, iterations=iterations)
        assert Account.decrypt(keystore, password) == key
        out.append({"kdf": kdf, "key": hx(key), "address": Account.from_key(key).address,
                    "password": password, "keystore": keystore})
    return out


def express_lane(rng):
    out = []
    for _ in range(EXPRESS_LANE):
        key = random_key(rng)
        tx = transaction(rng, key, chainId=42161)
        chain_id, auction = 42161, rng.randbytes(20)
        round_number = rng.choice((0, rng.randrange(2**32), 2**64 - 1))
        sequence = rng.choice((0, 1, rng.randrange(2**16), 2**64 - 1))
        raw = bytes.fromhex(tx["raw"][2:])
        message = (DOMAIN + chain_id.to_bytes(32, "big") + auction + round_number.to_bytes(8, "big")
                   + sequence.to_bytes(8, "big") + raw)
        signed = Account.sign_message(encode_defunct(primitive=message), key)
        assert signed.signature[64] in (27, 28)
        out.append({"key": hx(key), "controller": tx["sender"], "chainId": str(chain_id), "round": str(round_number),
                    "auctionContract": hx(auction), "sequenceNumber": str(sequence), "transaction": tx["raw"],
                    "message": hx(message), "signature": hx(signed.signature)})
    return out


def build(seed):
    rng = random.Random(seed)
    return {"transactions": transactions(rng), "keystores": keystores(rng), "expressLane": express_lane(rng)}
