"""Signed transactions as eth_sendRawTransaction receives them: decoding, the sender, intrinsic gas.

Accepted envelopes: legacy transactions signed with an EIP-155 chain id (v = 35 + 2 chainId +
parity), EIP-2930 (type 1) and EIP-1559 (type 2). Unprotected legacy transactions and types 3
(blobs) and 4 (set code) are refused, as geth's RPC refuses the first and Arbitrum the others.
The hash is keccak of the raw envelope; the sender is recovered by eth-account after the
signature values pass geth's checks (0 < r, s < n, s <= n/2, parity 0 or 1).
"""

from dataclasses import dataclass

import rlp
from eth_account import Account
from eth_utils import keccak

from params import RpcError

SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
TX_GAS, TX_CREATE_GAS = 21_000, 53_000
ZERO_BYTE_GAS, NONZERO_BYTE_GAS, INITCODE_WORD_GAS = 4, 16, 2
ACCESS_LIST_ADDRESS_GAS, ACCESS_LIST_KEY_GAS = 2_400, 1_900


def refused(message):
    """The error answer a refused transaction gets (geth's code for transaction errors)."""
    return RpcError(-32000, message)


@dataclass(frozen=True)
class SignedTransaction:
    """A decoded signed transaction; `to` None creates a contract. Fees: legacy and type 1 carry
    one gas price, which is both the fee cap and the tip cap."""

    raw: bytes
    type: int
    chain_id: int
    nonce: int
    tip_cap: int
    fee_cap: int
    gas: int
    to: str | None
    value: int
    data: bytes
    access_list: tuple
    v: int
    r: int
    s: int
    sender: str

    @property
    def hash(self):
        """keccak of the raw envelope."""
        return keccak(self.raw)

    def intrinsic_gas(self):
        """Gas charged before any code runs (geth's core.IntrinsicGas, Shanghai rules)."""
        zeros = self.data.count(0)
        gas = (TX_CREATE_GAS if self.to is None else TX_GAS) + zeros * ZERO_BYTE_GAS
        gas += (len(self.data) - zeros) * NONZERO_BYTE_GAS
        if self.to is None:
            gas += (len(self.data) + 31) // 32 * INITCODE_WORD_GAS
        return gas + sum(ACCESS_LIST_ADDRESS_GAS + ACCESS_LIST_KEY_GAS * len(keys) for _, keys in self.access_list)

    def cost(self):
        """The most it can cost: gas times the fee cap, plus the value (geth's tx.Cost())."""
        return self.gas * self.fee_cap + self.value


def _int(item, name):
    if not isinstance(item, bytes) or (item[:1] == b"\0"):
        raise refused(f"transaction could not be decoded: {name} is not a canonical integer")
    return int.from_bytes(item, "big")


def _to(item):
    if not isinstance(item, bytes) or len(item) not in (0, 20):
        raise refused("transaction could not be decoded: 'to' is not an address")
    return "0x" + item.hex() if item else None


def _data(item, name="data"):
    if not isinstance(item, bytes):
        raise refused(f"transaction could not be decoded: {name} is not a byte string")
    return item


def _access_list(item):
    if not isinstance(item, list):
        raise refused("transaction could not be decoded: the access list is not a list")
    entries = []
    for entry in item:
        if (not isinstance(entry, list) or len(entry) != 2 or not isinstance(entry[0], bytes) or len(entry[0]) != 20
                or not isinstance(entry[1], list) or any(not isinstance(k, bytes) or len(k) != 32 for k in entry[1])):
            raise refused("transaction could not be decoded: a malformed access list entry")
        entries.append(("0x" + entry[0].hex(), tuple("0x" + key.hex() for key in entry[1])))
    return tuple(entries)


def _fields(raw):
    """(type, chain id, nonce, tip cap, fee cap, gas, to, value, data, access list, v, r, s, parity)."""
    if not raw:
        raise refused("transaction could not be decoded: empty input")
    kind = raw[0] if raw[0] < 0x7F else 0
    try:
        items = rlp.decode(raw[1:] if kind else raw, strict=True)
    except rlp.exceptions.DecodingError as error:
        raise refused(f"transaction could not be decoded: {error}") from None
    if kind in (3, 4) or kind > 4:
        raise refused("transaction type not supported")
    sizes = {0: 9, 1: 11, 2: 12}
    if not isinstance(items, list) or len(items) != sizes[kind]:
        raise refused(f"transaction could not be decoded: a type-{kind} transaction has {sizes[kind]} fields")
    if kind == 0:
        nonce, price, gas, to, value, data, v, r, s = items
        v = _int(v, "v")
        if v in (27, 28):
            raise refused("only replay-protected (EIP-155) transactions allowed over RPC")
        if v < 35:
            raise refused("invalid transaction v, r, s values")
        chain_id, parity = (v - 35) // 2, (v - 35) % 2
        price = _int(price, "gasPrice")
        return (0, chain_id, _int(nonce, "nonce"), price, price, _int(gas, "gas"), _to(to), _int(value, "value"),
                _data(data), (), v, _int(r, "r"), _int(s, "s"), parity)
    if kind == 1:
        chain_id, nonce, price, gas, to, value, data, access, parity, r, s = items
        price = _int(price, "gasPrice")
        tip, cap = price, price
    else:
        chain_id, nonce, tip, cap, gas, to, value, data, access, parity, r, s = items
        tip, cap = _int(tip, "maxPriorityFeePerGas"), _int(cap, "maxFeePerGas")
    parity = _int(parity, "yParity")
    return (kind, _int(chain_id, "chainId"), _int(nonce, "nonce"), tip, cap, _int(gas, "gas"), _to(to),
            _int(value, "value"), _data(data), _access_list(access), parity, _int(r, "r"), _int(s, "s"), parity)


def decode(raw):
    """The SignedTransaction of a raw envelope; raises RpcError(-32000) as geth words it."""
    kind, chain_id, nonce, tip, cap, gas, to, value, data, access, v, r, s, parity = _fields(raw)
    if parity not in (0, 1) or not 0 < r < SECP256K1_N or not 0 < s <= SECP256K1_N // 2:
        raise refused("invalid transaction v, r, s values")
    if tip > cap:
        raise refused(f"max priority fee per gas higher than max fee per gas: maxPriorityFeePerGas: {tip}, "
                      f"maxFeePerGas: {cap}")
    try:
        sender = Account.recover_transaction(raw).lower()
    except Exception as error:  # eth-account raises several types for an unrecoverable signature
        raise refused(f"invalid sender: {error}") from None
    return SignedTransaction(bytes(raw), kind, chain_id, nonce, tip, cap, gas, to, value, data, access, v, r, s, sender)
