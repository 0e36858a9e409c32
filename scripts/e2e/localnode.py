"""The local chain (scripts/localchain/server.py) as the end-to-end driver uses it: started as a
child process with WETH at Arbitrum One's address (--weth-at: the engine prices costs in that
token), read over JSON-RPC, and acted on by keyed accounts.

Keys are Hardhat's and Anvil's published default accounts (mnemonic "test test test test test
test test test test test test junk"): #0 is the bot (the executor's owner), #1 the victim.
"""

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

from eth_abi import decode, encode
from eth_account import Account
from eth_account.messages import encode_defunct
from eth_utils import keccak, to_checksum_address

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "scripts" / "localchain" / "server.py"
BOT_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"  # Hardhat/Anvil account #0
VICTIM_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"  # Hardhat/Anvil account #1
TRANSFER = keccak(text="Transfer(address,address,uint256)")


def call_data(signature, types=(), values=()):
    """ABI calldata."""
    return keccak(text=signature)[:4] + encode(list(types), list(values))


class RpcFailure(Exception):
    """A JSON-RPC error answer: `code`, `message`."""

    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code, self.message = code, message


class LocalNode:
    """A running local chain: its start line and its JSON-RPC endpoint."""

    def __init__(self, pools, seed, log_path):
        self.log = open(log_path, "w")
        self.process = subprocess.Popen([sys.executable, str(SERVER), "--port", "0", "--seed", str(seed), "--pools", pools, "--weth-at"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True)
        text = self.process.stdout.readline()
        if not text:
            raise RuntimeError(f"the local chain did not start (see {log_path})")
        self.line = json.loads(text)
        self.url, self.next_id = self.line["http"], 0
        self.tokens = {token["symbol"]: to_checksum_address(token["address"]) for token in self.line["tokens"]}
        self.router = self.line["routers"]["uniswap-v3"]["address"]

    def stop(self):
        """Ends the server (its standard input closes) and waits for it."""
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=20)
        self.log.close()

    def rpc(self, method, *params):
        """The result of one call; raises RpcFailure on an error answer."""
        self.next_id += 1
        body = json.dumps({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": list(params)}).encode()
        request = urllib.request.Request(self.url, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            reply = json.loads(answer.read())
        if "error" in reply:
            raise RpcFailure(reply["error"].get("code"), reply["error"].get("message"))
        return reply["result"]

    def head(self):
        """The head block's number."""
        return int(self.rpc("eth_blockNumber"), 16)

    def call(self, to, data, block="latest"):
        """eth_call's return data."""
        return bytes.fromhex(self.rpc("eth_call", {"to": to, "data": "0x" + data.hex()}, block)[2:])

    def balance_of(self, token, owner, block="latest"):
        """An ERC-20 balance."""
        return decode(["uint256"], self.call(token, call_data("balanceOf(address)", ["address"], [owner]), block))[0]

    def nonce(self, address, block="latest"):
        """The account's nonce."""
        return int(self.rpc("eth_getTransactionCount", address, block), 16)

    def fund(self, address, wei, tokens=None):
        """local_fund: ether and minted tokens (by symbol), in a block not on the feed."""
        return self.rpc("local_fund", {"address": address, "wei": str(wei),
                                       "tokens": {symbol: str(amount) for symbol, amount in (tokens or {}).items()}})

    def deploy(self, initcode, sender):
        """local_deploy from `sender` (not on the feed; the sender's nonce goes up); the address."""
        return to_checksum_address(self.rpc("local_deploy", {"initcode": "0x" + initcode.hex(), "from": sender})["address"])

    def receipt(self, tx_hash):
        """The receipt, or None."""
        return self.rpc("eth_getTransactionReceipt", tx_hash)

    def transactions(self, first_block=0):
        """Every transaction in blocks first_block..head, as eth_getTransactionByHash gives them."""
        found = []
        for number in range(first_block, self.head() + 1):
            block = self.rpc("eth_getBlockByNumber", hex(number), False)
            found += [self.rpc("eth_getTransactionByHash", tx_hash) for tx_hash in block.get("transactions", [])]
        return found

    def token_transfers(self, receipt, token):
        """(from, to, amount) of each Transfer log of `token` in `receipt`."""
        return [(to_checksum_address("0x" + log["topics"][1][-40:]), to_checksum_address("0x" + log["topics"][2][-40:]),
                 int(log["data"], 16))
                for log in receipt["logs"]
                if log["address"].lower() == token.lower() and bytes.fromhex(log["topics"][0][2:]) == TRANSFER]


class Signer:
    """A keyed account that signs and sends EIP-1559 transactions, counting its nonce from the chain."""

    def __init__(self, node, key):
        self.node, self.account = node, Account.from_key(key)
        self.address = self.account.address

    def sign(self, to, data, gas=500_000, fee_cap=100_000_000):
        """The signed envelope, with the chain's nonce."""
        fields = {"type": 2, "chainId": self.node.line["chainId"], "nonce": self.node.nonce(self.address), "gas": gas,
                  "maxFeePerGas": fee_cap, "maxPriorityFeePerGas": 0, "to": to, "value": 0, "data": data}
        return bytes(self.account.sign_transaction(fields).raw_transaction)

    def send(self, to, data, gas=500_000):
        """Signs and sends; the transaction hash (raises RpcFailure if refused)."""
        return self.node.rpc("eth_sendRawTransaction", "0x" + self.sign(to, data, gas).hex())

    def send_express(self, to, data, round_number, sequence, auction):
        """Signs and sends through the express lane (this account controls the round: see
        local_setExpressLane), the submission signed over nitro's ToMessageBytes layout; the
        transaction hash. local_fault's tx kinds spoil only eth_sendRawTransaction answers, so
        this path passes an armed fault on to the next eth_sendRawTransaction."""
        raw, chain_id = self.sign(to, data), self.node.line["chainId"]
        message = (keccak(b"TIMEBOOST_BID") + chain_id.to_bytes(32, "big") + bytes.fromhex(auction[2:])
                   + round_number.to_bytes(8, "big") + sequence.to_bytes(8, "big") + raw)
        signature = Account.sign_message(encode_defunct(primitive=message), self.account.key).signature
        self.node.rpc("timeboost_sendExpressLaneTransaction", {
            "chainId": hex(chain_id), "round": hex(round_number), "auctionContractAddress": auction,
            "transaction": "0x" + raw.hex(), "options": None, "sequenceNumber": hex(sequence),
            "signature": "0x" + bytes(signature).hex()})
        return "0x" + keccak(raw).hex()
