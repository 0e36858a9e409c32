"""Transaction vectors: transactions.json.

Peers computing the expected answers:
- eth-account signs legacy (pre-EIP-155 and EIP-155), 0x01, 0x02, 0x03 and 0x04
  transactions and the EIP-7702 authorizations, and gives raw bytes, hash,
  r/s/v and (via `Account.from_key`) the sender.  0x03 is signed without blobs
  (eth-account then takes `blobVersionedHashes` as given); raw is the plain
  network-less 0x03 envelope.
- Arbitrum types are encoded with rlp (pyrlp) as `type || rlp(fields)` and
  hashed with eth-hash (pycryptodome backend); the calldata Nitro reports for a
  0x69 (`ArbitrumSubmitRetryableTx.data()`) is `0xc9f95d32 || eth-abi encode`.
- Invalid vectors are valid ones re-encoded with rlp, or built by eth-account
  (nonce / gas = 2**64); eth-account still recovers a sender for highS.

Arbitrum field lists are the struct fields, in order, of OffchainLabs/go-ethereum
`core/types/arb_types.go` at commit 49b38a638a91f91f0fdb8be5f740c69f8d6abefc
(file last changed in 0dc16266ed51575c8147b3626ee517cd0d9d7059); nil `to` /
`retryTo` (`rlp:"nil"`) encodes as 0x80.  The top-level nonce/to/value/gas/
gasPrice/data/from of an Arbitrum vector are what Nitro's accessors return
(`arb_types.go`, `arbitrum_signer.go`): e.g. a 0x69 has nonce 0, value 0, to
ArbRetryableTx 0x6e and the submitRetryable calldata; a 0x6a is from and to
ArbOS 0xa4b05.  `extra` holds every encoded field except chainId and from.
Checked against shared/fixtures/chain/arbitrum_txs.json: for its 0x64, 0x68,
0x69 and 0x6a entries keccak(raw) == hash, and decoding raw with these lists
gives the fixture's from, to, nonce and value.
"""

import random

import rlp
from eth_abi import encode as abi_encode
from eth_account import Account
from eth_hash import Keccak256
from eth_hash.backends.pycryptodome import CryptodomeBackend
from eth_keys.constants import SECPK1_N as N
from eth_utils import to_checksum_address

FILE = "transactions.json"
PEERS = ("eth-account", "eth-keys", "rlp", "eth-hash", "pycryptodome", "eth-abi")
PER_KIND = 250
INVALID_PER_KIND = 20

keccak = Keccak256(CryptodomeBackend())

CHAIN_IDS = (1, 42161, 421614, 2**32 + 7, 2**53)
SIGNED_KINDS = {"legacy": 0, "legacy155": 0, "accessList": 1, "dynamicFee": 2, "blob": 3, "setCode": 4}
# Index of `to` in the RLP list, per type (legacy = 0).
TO_INDEX = {0: 3, 1: 4, 2: 5, 3: 5, 4: 5, 0x64: 3, 0x65: 5, 0x66: 5, 0x68: 5}

ARBITRUM_FIELDS = {
    0x64: ("chainId", "requestId", "from", "to", "value"),  # ArbitrumDepositTx (L1RequestId)
    0x65: ("chainId", "from", "nonce", "gasFeeCap", "gas", "to", "value", "data"),  # ArbitrumUnsignedTx
    0x66: ("chainId", "requestId", "from", "gasFeeCap", "gas", "to", "value", "data"),  # ArbitrumContractTx
    0x68: ("chainId", "nonce", "from", "gasFeeCap", "gas", "to", "value", "data",
           "ticketId", "refundTo", "maxRefund", "submissionFeeRefund"),  # ArbitrumRetryTx
    0x69: ("chainId", "requestId", "from", "l1BaseFee", "depositValue", "gasFeeCap", "gas",
           "retryTo", "retryValue", "beneficiary", "maxSubmissionFee", "feeRefundAddr",
           "retryData"),  # ArbitrumSubmitRetryableTx
    0x6A: ("chainId", "data"),  # ArbitrumInternalTx
}
ARBOS = (0xA4B05).to_bytes(20, "big")
ARB_RETRYABLE_TX = (0x6E).to_bytes(20, "big")
SUBMIT_RETRYABLE = ("bytes32", "uint256", "uint256", "uint256", "uint256", "uint64",
                    "uint256", "address", "address", "address", "bytes")
SUBMIT_RETRYABLE_SELECTOR = keccak(f"submitRetryable({','.join(SUBMIT_RETRYABLE)})".encode())[:4]
assert SUBMIT_RETRYABLE_SELECTOR.hex() == "c9f95d32"


def hx(data):
    return "0x" + bytes(data).hex()


def dec(n):
    return None if n is None else str(n)


def json_field(value):
    """Decimal string for an integer, hex for bytes, null for a nil address."""
    if value is None or isinstance(value, int):
        return dec(value)
    return hx(value)


def uint(rng, bits):
    """0, a small value, the maximum, or a random value of random width below 2**bits."""
    pick = rng.random()
    if pick < 0.1:
        return 0
    if pick < 0.3:
        return rng.randrange(1, 1000)
    if pick < 0.45:
        return 2**bits - 1
    return rng.getrandbits(rng.randint(1, bits))


def chain_id(rng):
    return rng.choice(CHAIN_IDS) if rng.random() < 0.8 else rng.randrange(1, 2**64)


def payload(rng):
    """Calldata of 0..1000 bytes, often right around RLP's 55/56-byte short/long boundary."""
    if rng.random() < 0.3:
        return rng.randbytes(rng.choice((0, 1, 54, 55, 56, 57)))
    return rng.randbytes(rng.randint(0, 1000))


def address(rng):
    return rng.randbytes(20)


def access_list(rng):
    return [
        {"address": to_checksum_address(address(rng)),
         "storageKeys": [hx(rng.randbytes(32)) for _ in range(rng.randint(0, 3))]}
        for _ in range(rng.randint(0, 4))
    ]


def new_key(rng):
    return rng.randrange(1, N).to_bytes(32, "big")


def authorization(rng):
    auth = {"chainId": rng.choice((0, 42161, uint(rng, 256))), "address": address(rng),
            "nonce": uint(rng, 64)}
    key = new_key(rng)
    signed = Account.sign_authorization(dict(auth, address=to_checksum_address(auth["address"])), key)
    assert signed.s * 2 < N
    return signed, {"chainId": dec(auth["chainId"]), "address": hx(auth["address"]),
                    "nonce": dec(auth["nonce"]), "yParity": signed.y_parity,
                    "r": dec(signed.r), "s": dec(signed.s),
                    "authority": Account.from_key(key).address}


def signed_tx(rng, kind, **override):
    """Signs a random transaction of `kind` with eth-account; returns its vector."""
    tx_type = SIGNED_KINDS[kind]
    tx = {"nonce": uint(rng, 64), "gas": uint(rng, 64), "value": uint(rng, 256), "data": payload(rng)}
    to = address(rng) if tx_type in (3, 4) or rng.random() < 0.85 else None
    if to is not None:
        tx["to"] = to_checksum_address(to)
    if kind != "legacy":
        tx["chainId"] = chain_id(rng)
    if tx_type < 2:
        tx["gasPrice"] = uint(rng, 256)
    else:
        tx["maxFeePerGas"] = uint(rng, 256)
        tx["maxPriorityFeePerGas"] = uint(rng, 256)
    extra = {}
    if tx_type:
        tx["type"] = tx_type
        tx["accessList"] = access_list(rng)
    if tx_type == 3:
        tx["maxFeePerBlobGas"] = uint(rng, 256)
        tx["blobVersionedHashes"] = [b"\x01" + rng.randbytes(31) for _ in range(rng.randint(1, 6))]
        extra = {"maxFeePerBlobGas": dec(tx["maxFeePerBlobGas"]),
                 "blobVersionedHashes": [hx(h) for h in tx["blobVersionedHashes"]]}
    if tx_type == 4:
        auths = [authorization(rng) for _ in range(rng.randint(1, 3))]
        tx["authorizationList"] = [signed for signed, _ in auths]
        extra = {"authorizationCount": len(auths), "authorizations": [a for _, a in auths]}
    tx.update(override)
    key = new_key(rng)
    signed = Account.sign_transaction(tx, key)
    assert signed.s * 2 < N
    return {
        "raw": hx(signed.raw_transaction), "hash": hx(signed.hash), "type": tx_type,
        "chainId": dec(tx.get("chainId")), "nonce": dec(tx["nonce"]),
        "to": hx(to) if to is not None else None, "value": dec(tx["value"]), "gas": dec(tx["gas"]),
        "gasPrice": dec(tx.get("gasPrice")), "maxFeePerGas": dec(tx.get("maxFeePerGas")),
        "maxPriorityFeePerGas": dec(tx.get("maxPriorityFeePerGas")), "data": hx(tx["data"]),
        "accessListCount": len(tx["accessList"]) if tx_type else None,
        "sender": Account.from_key(key).address, "from": None,
        "r": dec(signed.r), "s": dec(signed.s),
        "yParity": signed.v if tx_type else None, "v": None if tx_type else dec(signed.v),
        "extra": extra,
    }


def arbitrum_value(rng, tx_type, name):
    if name == "chainId":
        return chain_id(rng)
    if name in ("nonce", "gas"):
        return uint(rng, 64)
    if name in ("requestId", "ticketId"):
        return rng.randbytes(32)
    if name in ("data", "retryData"):
        return payload(rng)
    if name in ("to", "retryTo"):
        return None if tx_type != 0x64 and rng.random() < 0.15 else address(rng)
    if name in ("from", "refundTo", "beneficiary", "feeRefundAddr"):
        return address(rng)
    return uint(rng, 256)


def submit_retryable_calldata(f):
    """Calldata Nitro's ArbitrumSubmitRetryableTx.data() returns (an ABI call to 0x6e)."""
    retry_to = f["retryTo"] if f["retryTo"] is not None else bytes(20)
    return SUBMIT_RETRYABLE_SELECTOR + abi_encode(SUBMIT_RETRYABLE, [
        f["requestId"], f["l1BaseFee"], f["depositValue"], f["retryValue"], f["gasFeeCap"],
        f["gas"], f["maxSubmissionFee"], f["feeRefundAddr"], f["beneficiary"], retry_to,
        f["retryData"]])


def arbitrum_tx(rng, tx_type):
    """Random Arbitrum tx encoded with pyrlp as Nitro does; hash by eth-hash."""
    names = ARBITRUM_FIELDS[tx_type]
    f = {name: arbitrum_value(rng, tx_type, name) for name in names}
    raw = bytes([tx_type]) + rlp.encode([b"" if f[name] is None else f[name] for name in names])
    to = f["to"] if "to" in f else (ARB_RETRYABLE_TX if tx_type == 0x69 else ARBOS)
    data = submit_retryable_calldata(f) if tx_type == 0x69 else f.get("data", b"")
    return {
        "raw": hx(raw), "hash": hx(keccak(raw)), "type": tx_type, "chainId": dec(f["chainId"]),
        "nonce": dec(f.get("nonce", 0)), "to": json_field(to), "value": dec(f.get("value", 0)),
        "gas": dec(f.get("gas", 0)), "gasPrice": dec(f.get("gasFeeCap", 0)),
        "maxFeePerGas": None, "maxPriorityFeePerGas": None, "data": hx(data),
        "accessListCount": None, "sender": None, "from": hx(f.get("from", ARBOS)),
        "r": None, "s": None, "yParity": None, "v": None,
        "extra": {name: json_field(f[name]) for name in names if name not in ("chainId", "from")},
    }


def split(raw):
    """(type prefix, decoded RLP field list) of a raw transaction."""
    raw = bytes.fromhex(raw[2:])
    return (b"", rlp.decode(raw)) if raw[0] >= 0xC0 else (raw[:1], rlp.decode(raw[1:]))


def join(prefix, fields):
    return hx(prefix + rlp.encode(fields))


def int_bytes(n):
    return n.to_bytes((n.bit_length() + 7) // 8, "big")


def high_s(rng, vector):
    prefix, f = split(vector["raw"])
    v = int.from_bytes(f[-3], "big")
    if prefix:
        f[-3] = int_bytes(1 - v)
    else:
        base = 27 if v in (27, 28) else 35 + 2 * int(vector["chainId"])
        f[-3] = int_bytes(base + 1 - (v - base))
    f[-1] = int_bytes(N - int(vector["s"]))
    raw = join(prefix, f)
    assert Account.recover_transaction(raw) == vector["sender"]
    return raw, "s replaced by n-s and parity flipped: eth-account recovers the same sender, go-ethereum rejects s > n/2"


def typed_v27(rng, vector):
    prefix, f = split(vector["raw"])
    f[-3] = rng.choice((27, 28))
    return join(prefix, f), f"typed tx with yParity {f[-3]}: go-ethereum accepts only 0 or 1"


def signature_value(index, value, why):
    def build(rng, vector):
        prefix, f = split(vector["raw"])
        f[index] = value
        return join(prefix, f), why
    return build


def trailing_byte(rng, vector):
    return vector["raw"] + rng.randbytes(1).hex(), "valid tx followed by one extra byte"


def truncated(rng, vector):
    return vector["raw"][:-2], "valid tx without its last byte"


def non_canonical_int(rng, vector):
    prefix, f = split(vector["raw"])
    f[0] = b"\x00" + f[0]
    field = "chainId" if prefix else "nonce"
    return join(prefix, f), f"{field} re-encoded with a leading zero byte (non-canonical integer)"


def bad_to_length(rng, vector):
    prefix, f = split(vector["raw"])
    f[TO_INDEX[vector["type"]]] = rng.randbytes(19)
    return join(prefix, f), "19-byte to address"


def unknown_type(rng, vector):
    new_type = rng.choice((0x05, 0x67, 0x7F))
    return f"0x{new_type:02x}" + vector["raw"][4:], f"unknown tx type 0x{new_type:02x}"


def by_eth_account(field):
    """A fresh random tx with `field` = 2**64, signed by eth-account (ignores `vector`)."""
    def build(rng, vector):
        kind = rng.choice(tuple(SIGNED_KINDS))
        raw = signed_tx(rng, kind, **{field: 2**64})["raw"]
        return raw, f"{field} 2**64 ({kind}), encoded by eth-account; go-ethereum's uint64 {field} rejects it"
    return build


def invalid_vectors(rng, valid):
    signed = [v for v in valid if v["sender"]]
    typed_signed = [v for v in signed if v["type"]]
    typed = [v for v in valid if v["type"]]
    with_to = [v for v in valid if v["type"] in TO_INDEX]
    makers = {
        "highS": (signed, high_s),
        "typedV27": (typed_signed, typed_v27),
        "nonce2e64": (signed, by_eth_account("nonce")),
        "gas2e64": (signed, by_eth_account("gas")),
        "rZero": (signed, signature_value(-2, 0, "r = 0")),
        "sZero": (signed, signature_value(-1, 0, "s = 0")),
        "rAtN": (signed, signature_value(-2, N, "r = secp256k1 n")),
        "trailingBytes": (valid, trailing_byte),
        "truncated": (valid, truncated),
        "nonCanonicalInt": (valid, non_canonical_int),
        "badToLength": (with_to, bad_to_length),
        "unknownType": (typed, unknown_type),
    }
    invalid = []
    for kind, (pool, make) in makers.items():
        for _ in range(INVALID_PER_KIND):
            raw, why = make(rng, rng.choice(pool))
            invalid.append({"raw": raw, "kind": kind, "why": why})
    return invalid


def build(seed):
    rng = random.Random(seed)
    valid = [signed_tx(rng, kind) for kind in SIGNED_KINDS for _ in range(PER_KIND)]
    valid += [arbitrum_tx(rng, t) for t in ARBITRUM_FIELDS for _ in range(PER_KIND)]
    return {"valid": valid, "invalid": invalid_vectors(rng, valid)}
