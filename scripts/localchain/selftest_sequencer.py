"""Selftest of the sequencer side of the local chain (selftest.py runs it): transactions signed by
eth-account (a token transfer, a Uniswap V2 swap through the genuine pair, a Uniswap V3 swap
through the genuine SwapRouter, a revert, legacy and EIP-1559 envelopes), receipts, nonces, fee and chain-id refusals, a nonce gap held then refused,
a gap filled while held, injected refusals, local_fund and local_deploy, the feed (every frame
decoded back, with scripts/feedframes.py's parser, to the very envelopes sent, in order), and the
express lane (submissions signed here over the bytes nitro's ToMessageBytes lays out).

The server runs with --nonce-wait-ms HOLD_MS, long enough for the gap-filling check's second
request to arrive while the first is held.
"""

import asyncio
import json
import sys
from pathlib import Path

import rlp
from eth_abi import decode, encode
from eth_account import Account
from eth_account.messages import encode_defunct
from eth_utils import keccak, to_checksum_address

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from feedframes import frame_envelopes  # noqa: E402
from router import exact_input_single  # noqa: E402
from selfcheck import check  # noqa: E402

HOLD_MS = 3000
# Hardhat's (and Anvil's) published default accounts #0 and #2 (mnemonic "test test ... junk").
KEYS = ("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a")
BOB = "0x000000000000000000000000000000000000b0b0"
TRANSFER = "0x" + keccak(text="Transfer(address,address,uint256)").hex()
V2_SWAP = "0x" + keccak(text="Swap(address,uint256,uint256,uint256,uint256,address)").hex()
V3_SWAP = "0x" + keccak(text="Swap(address,address,int256,int256,uint160,uint128,int24)").hex()
AUCTION = "0x5fcb496a31b7ae91e7c9078ec662bd7a55cd3079"  # the auction contract the lane is set to (any address)
TIMEBOOST_DOMAIN = keccak(b"TIMEBOOST_BID")


def call_data(signature, types, values):
    """ABI calldata."""
    return keccak(text=signature)[:4] + encode(types, values)


class Wallet:
    """A key and the nonce it signs with next."""

    def __init__(self, key, chain_id):
        self.account, self.chain_id, self.nonce = Account.from_key(key), chain_id, 0

    @property
    def address(self):
        """Lower-case address."""
        return self.account.address.lower()

    def sign(self, to, data=b"", value=0, gas=200_000, fee_cap=20_000_000, legacy=False, nonce=None, chain_id=None):
        """A signed envelope (type 2, or legacy EIP-155); takes the next nonce unless one is given."""
        if nonce is None:
            nonce, self.nonce = self.nonce, self.nonce + 1
        fields = {"chainId": chain_id or self.chain_id, "nonce": nonce, "gas": gas, "value": value, "data": data,
                  "to": to_checksum_address(to) if to else None}
        if legacy:
            fields["gasPrice"] = fee_cap
        else:
            fields.update(type=2, maxFeePerGas=fee_cap, maxPriorityFeePerGas=1_000, accessList=[])
        if to is None:
            del fields["to"]
        return bytes(self.account.sign_transaction(fields).raw_transaction)


async def refusal(client, method, *params):
    """The error message of a call expected to fail."""
    client.next_id += 1
    _, text = await client.raw({"jsonrpc": "2.0", "id": client.next_id, "method": method, "params": list(params)})
    answer = json.loads(text)
    check("error" in answer, f"{method} was not refused: {text[:300]}")
    return answer["error"]["message"]


async def send(client, raw):
    """eth_sendRawTransaction, checked to answer keccak(raw); the receipt."""
    answer = await client.call("eth_sendRawTransaction", "0x" + raw.hex())
    check(answer == "0x" + keccak(raw).hex(), "eth_sendRawTransaction did not answer the transaction's hash")
    return await client.call("eth_getTransactionReceipt", answer)


async def token_balance(client, token, owner):
    """balanceOf(owner) at the head."""
    answer = await client.call("eth_call", {"to": token, "data": "0x" + call_data(
        "balanceOf(address)", ["address"], [owner]).hex()}, "latest")
    return decode(["uint256"], bytes.fromhex(answer[2:]))[0]


async def check_transfer_and_swap(client, line, alice, base_fee, sent):
    """A token transfer and a real V2 swap: receipts, balances, fees, nonces, estimateGas."""
    tokens = {token["symbol"]: token["address"].lower() for token in line["tokens"]}
    weth, usdc = tokens["WETH"], tokens["USDC"]
    funded = await client.call("local_fund", {"address": alice.address, "wei": str(10**18),
                                              "tokens": {"WETH": 10**20, "USDC": 10**12}})
    check(int(funded["balance"], 16) >= 10**18 and await token_balance(client, weth, alice.address) >= 10**20,
          "local_fund did not fund")
    check(await client.call("eth_getTransactionCount", alice.address, "pending") == "0x0", "a fresh nonce is not 0")
    check(await client.call("eth_gasPrice") == hex(base_fee), "eth_gasPrice is not the base fee")
    check(await client.call("eth_maxPriorityFeePerGas") == "0x0", "eth_maxPriorityFeePerGas is not 0")
    transfer = call_data("transfer(address,uint256)", ["address", "uint256"], [BOB, 5 * 10**18])
    check("less than block base fee" in await refusal(client, "eth_sendRawTransaction", "0x" + alice.sign(
        weth, transfer, fee_cap=base_fee - 1, nonce=0).hex()), "a fee cap under the base fee was not refused")
    check("invalid chain id" in await refusal(client, "eth_sendRawTransaction", "0x" + alice.sign(
        weth, transfer, nonce=0, chain_id=1).hex()), "a wrong chain id was not refused")
    check("intrinsic gas too low" in await refusal(client, "eth_sendRawTransaction", "0x" + alice.sign(
        weth, transfer, nonce=0, gas=21_100).hex()), "gas under the intrinsic gas was not refused")
    estimate = int(await client.call("eth_estimateGas", {"from": alice.address, "to": weth,
                                                         "data": "0x" + transfer.hex()}), 16)
    eth_before = int(await client.call("eth_getBalance", alice.address, "latest"), 16)
    raw = alice.sign(weth, transfer, gas=estimate)
    receipt = await send(client, raw)
    sent.append((raw, receipt))
    check(receipt["status"] == "0x1" and int(receipt["gasUsed"], 16) == estimate, f"transfer receipt {receipt}")
    check(receipt["effectiveGasPrice"] == hex(base_fee) and receipt["from"] == alice.address, "receipt fields")
    check([log["topics"][0] for log in receipt["logs"]] == [TRANSFER], "the transfer's receipt has no Transfer log")
    check(await token_balance(client, weth, BOB) == 5 * 10**18, "the transfer did not arrive")
    paid = eth_before - int(await client.call("eth_getBalance", alice.address, "latest"), 16)
    check(paid == estimate * base_fee, f"the fee charged ({paid}) is not gasUsed x base fee")
    check("nonce too low" in await refusal(client, "eth_sendRawTransaction", "0x" + raw.hex()),
          "a resent transaction was not refused as nonce too low")
    by_hash = await client.call("eth_getTransactionByHash", receipt["transactionHash"])
    check(by_hash["from"] == alice.address and by_hash["nonce"] == "0x0" and by_hash["input"] == "0x" + transfer.hex()
          and by_hash["blockHash"] == receipt["blockHash"], "eth_getTransactionByHash differs from what was sent")

    pair = next(p for p in line["pools"] if p["dex"] == "uniswap-v2"
                and {t.lower() for t in p["tokens"]} == {weth, usdc})["address"].lower()
    reserves = await client.call("eth_call", {"to": pair, "data": "0x0902f1ac"}, "latest")
    reserve0, reserve1, _ = decode(["uint112", "uint112", "uint32"], bytes.fromhex(reserves[2:]))
    weth_is_0 = int(weth, 16) < int(usdc, 16)
    reserve_in, reserve_out = (reserve0, reserve1) if weth_is_0 else (reserve1, reserve0)
    amount_in = 10**18
    amount_out = amount_in * 997 * reserve_out // (reserve_in * 1000 + amount_in * 997)
    usdc_before = await token_balance(client, usdc, alice.address)
    pay = alice.sign(weth, call_data("transfer(address,uint256)", ["address", "uint256"], [pair, amount_in]),
                     legacy=True)
    outs = [0, amount_out] if weth_is_0 else [amount_out, 0]
    too_much = [0, amount_out + 1] if weth_is_0 else [amount_out + 1, 0]
    swap_signature, swap_types = "swap(uint256,uint256,address,bytes)", ["uint256", "uint256", "address", "bytes"]
    greedy = alice.sign(pair, call_data(swap_signature, swap_types, [*too_much, alice.address, b""]))
    swap = alice.sign(pair, call_data(swap_signature, swap_types, [*outs, alice.address, b""]))
    for raw, status in ((pay, "0x1"), (greedy, "0x0"), (swap, "0x1")):
        receipt = await send(client, raw)
        sent.append((raw, receipt))
        check(receipt["status"] == status, f"status {receipt['status']}, expected {status}")
    check(V2_SWAP in [log["topics"][0] for log in receipt["logs"]], "the swap's receipt has no Swap log")
    check(await token_balance(client, usdc, alice.address) - usdc_before == amount_out,
          "the swap did not pay getAmountOut")
    check(await client.call("eth_getTransactionCount", alice.address, "latest") == hex(alice.nonce),
          "the nonce did not count every landed transaction (the revert included)")
    transfer_block = sent[0][1]["blockNumber"]  # an earlier state, rebuilt by replaying the signed transactions
    check(int(await client.call("eth_getBalance", alice.address, transfer_block), 16) == eth_before - paid
          and await client.call("eth_getTransactionCount", alice.address, transfer_block) == "0x1",
          "the state replayed at an earlier block differs (fee or nonce)")


async def check_router_swap(client, line, alice, sent):
    """A signed exactInputSingle through the start line's SwapRouter swaps on the V3 pool of that
    pair and fee (the router derives the address with the genuine init code hash) and pays the
    output to the recipient."""
    router = line["routers"]["uniswap-v3"]
    check(router["kind"] == "swap-router" and len(await client.call("eth_getCode", router["address"], "latest")) > 20000,
          f"no SwapRouter at {router}")
    tokens = {token["symbol"]: token["address"].lower() for token in line["tokens"]}
    weth, usdc = tokens["WETH"], tokens["USDC"]
    pool = next(p for p in line["pools"] if p["dex"] == "uniswap-v3" and {t.lower() for t in p["tokens"]} == {weth, usdc})
    amount_in = 10**17
    approve = alice.sign(weth, call_data("approve(address,uint256)", ["address", "uint256"], [router["address"], amount_in]))
    swap = alice.sign(router["address"], exact_input_single(weth, usdc, pool["fee"], alice.address, amount_in), gas=400_000)
    usdc_before = await token_balance(client, usdc, alice.address)
    for raw in (approve, swap):
        receipt = await send(client, raw)
        sent.append((raw, receipt))
        check(receipt["status"] == "0x1", f"router step reverted: {receipt}")
    swaps = [log for log in receipt["logs"] if log["topics"][0] == V3_SWAP]
    check([log["address"].lower() for log in swaps] == [pool["address"].lower()], f"the router swapped on {swaps}, not {pool}")
    amount0, amount1 = decode(["int256", "int256"], bytes.fromhex(swaps[0]["data"][2:130]))
    paid, got = (amount0, -amount1) if int(weth, 16) < int(usdc, 16) else (amount1, -amount0)
    check(paid == amount_in and got > 0 and await token_balance(client, usdc, alice.address) - usdc_before == got,
          f"the router swap paid {paid} for {got}")


async def check_nonces_and_faults(session, client, line, alice, sent):
    """A gap held then refused, a gap filled while held, injected refusals."""
    message = await refusal(client, "eth_sendRawTransaction", "0x" + alice.sign(
        alice.address, nonce=alice.nonce + 1).hex())
    check(message.startswith(f"nonce too high: address {alice.address}, tx: {alice.nonce + 1} state: {alice.nonce}"),
          f"a nonce gap was answered {message!r}")
    first, second = alice.sign(alice.address), alice.sign(alice.address)
    async with session.ws_connect(line["ws"]) as socket:  # one connection: the server reads them in order
        for ident, raw in ((1, second), (2, first)):
            await socket.send_str(json.dumps({"jsonrpc": "2.0", "id": ident, "method": "eth_sendRawTransaction",
                                              "params": ["0x" + raw.hex()]}))
        answers = [json.loads((await socket.receive(timeout=HOLD_MS / 1000 + 10)).data) for _ in range(2)]
    check([a.get("result") for a in answers] == ["0x" + keccak(second).hex(), "0x" + keccak(first).hex()],
          f"a transaction sent ahead of its predecessor was not held for it: {answers}")
    receipts = [await client.call("eth_getTransactionReceipt", "0x" + keccak(raw).hex()) for raw in (first, second)]
    check(int(receipts[1]["blockNumber"], 16) == int(receipts[0]["blockNumber"], 16) + 1,
          "the held transaction did not land right after its predecessor")
    sent.extend(zip((first, second), receipts))
    for kind, expected in (("txNonceTooLow", f"nonce too low: address {alice.address}, tx: {alice.nonce} "
                                             f"state: {alice.nonce + 1}"), ("txError", "injected fault")):
        await client.call("local_fault", {"kind": kind, "count": 1})
        raw = alice.sign(alice.address, nonce=alice.nonce)
        check(await refusal(client, "eth_sendRawTransaction", "0x" + raw.hex()) == expected, f"fault {kind}")
        check(await client.call("eth_getTransactionCount", alice.address, "latest") == hex(alice.nonce),
              f"an injected {kind} refusal sequenced the transaction")
    raw = alice.sign(alice.address)
    sent.append((raw, await send(client, raw)))


def submission(wallet, signer_key, raw, round_number, sequence, chain_id, auction=AUCTION):
    """An express lane submission signed over nitro's ToMessageBytes layout."""
    message = (TIMEBOOST_DOMAIN + chain_id.to_bytes(32, "big") + bytes.fromhex(auction[2:])
               + round_number.to_bytes(8, "big") + sequence.to_bytes(8, "big") + raw)
    signature = Account.sign_message(encode_defunct(primitive=message), signer_key).signature
    return {"chainId": hex(chain_id), "round": hex(round_number), "auctionContractAddress": auction,
            "transaction": "0x" + raw.hex(), "options": None, "sequenceNumber": hex(sequence),
            "signature": "0x" + bytes(signature).hex()}


async def check_express_lane(client, alice, controller_key, chain_id, sent):
    """Accepted from the controller in order (a future number buffered), refused otherwise."""
    method = "timeboost_sendExpressLaneTransaction"
    await client.call("local_setExpressLane", {"controller": Account.from_key(controller_key).address, "round": 7,
                                               "auctionContract": AUCTION, "roundDurationSeconds": 3600})
    first, second, third = (alice.sign(alice.address) for _ in range(3))
    check(await client.call(method, submission(alice, controller_key, first, 7, 0, chain_id)) is None,
          "the controller's sequence 0 was not accepted")
    check(await client.call(method, submission(alice, controller_key, third, 7, 2, chain_id)) is None,
          "a future sequence number was not buffered")
    third_hash = "0x" + keccak(third).hex()
    check(await client.call("eth_getTransactionReceipt", third_hash) is None, "sequence 2 landed before 1")
    check(await client.call(method, submission(alice, controller_key, second, 7, 1, chain_id)) is None,
          "sequence 1 was not accepted")
    for raw in (first, second, third):
        sent.append((raw, await client.call("eth_getTransactionReceipt", "0x" + keccak(raw).hex())))
    check([int(r["blockNumber"], 16) for _, r in sent[-3:]] == [int(sent[-3][1]["blockNumber"], 16) + i
                                                                 for i in range(3)], "express lane order")
    check(await client.call(method, submission(alice, controller_key, second, 7, 1, chain_id)) is None,
          "the same submission again was not accepted as nitro accepts it")
    spare = alice.sign(alice.address, nonce=alice.nonce)
    refusals = {
        "NOT_EXPRESS_LANE_CONTROLLER": submission(alice, KEYS[0], spare, 7, 3, chain_id),
        "BAD_ROUND_NUMBER": submission(alice, controller_key, spare, 8, 3, chain_id),
        "SEQUENCE_NUMBER_TOO_LOW": submission(alice, controller_key, spare, 7, 1, chain_id),
        "WRONG_CHAIN_ID": submission(alice, controller_key, spare, 7, 3, chain_id + 1),
        "WRONG_AUCTION_CONTRACT": submission(alice, controller_key, spare, 7, 3, chain_id, "0x" + "11" * 20),
    }
    for name, spec in refusals.items():
        message = await refusal(client, method, spec)
        check(message.endswith(name), f"{name}: answered {message!r}")
    tampered = {**submission(alice, controller_key, spare, 7, 3, chain_id), "sequenceNumber": hex(4)}
    check((await refusal(client, method, tampered)).endswith("NOT_EXPRESS_LANE_CONTROLLER"),
          "a signature over another sequence number was accepted")
    check(await client.call("eth_getTransactionCount", alice.address, "latest") == hex(alice.nonce),
          "a refused submission was sequenced")


async def check_deploy(client, alice):
    """local_deploy from an account lands at its CREATE address and counts in its nonce."""
    runtime = bytes.fromhex("600160005260206000f3")  # returns 1
    initcode = bytes.fromhex("600a600c600039600a6000f3") + runtime
    deployed = await client.call("local_deploy", {"initcode": "0x" + initcode.hex(), "from": alice.address})
    expected = to_checksum_address(keccak(rlp.encode([bytes.fromhex(alice.address[2:]), alice.nonce]))[12:])
    check(deployed["address"] == expected, f"deployed at {deployed['address']}, CREATE gives {expected}")
    code = await client.call("eth_getCode", expected, "latest")  # pyrevm pads code with 33 zero bytes
    check(code.startswith("0x" + runtime.hex()) and set(code[2 + 2 * len(runtime):]) <= {"0"}, "the code differs")
    alice.nonce += 1
    check(await client.call("eth_getTransactionCount", alice.address, "latest") == hex(alice.nonce),
          "the deployment did not count in the deployer's nonce")


async def check_feed(session, line, sent, frames):
    """Every sequenced envelope came on the feed, in order, at its block; a late connection asking
    for a sequence number gets the backlog from there."""
    envelopes = [(message["sequenceNumber"], message["blockHash"], envelope)
                 for frame in frames for message in frame["messages"]
                 for envelope in frame_envelopes({"messages": [message]})]
    check([e for _, _, e in envelopes] == [raw for raw, _ in sent], "the feed's envelopes differ from those sent")
    check([(seq, block) for seq, block, _ in envelopes] == [(int(r["blockNumber"], 16), r["blockHash"])
                                                            for _, r in sent], "feed sequence numbers / blockHash")
    start = envelopes[3][0]
    headers = {"Arbitrum-Requested-Sequence-Number": str(start)}
    async with session.ws_connect(line["feed"], headers=headers) as socket:
        backlog = json.loads((await socket.receive(timeout=10)).data)
        check([m["sequenceNumber"] for m in backlog["messages"]] == [seq for seq, _, _ in envelopes[3:]],
              "the backlog does not start at the requested sequence number")


async def read_frames(socket, frames):
    """Collects the feed's frames until cancelled."""
    async for message in socket:
        frames.append(json.loads(message.data))


async def run_sequencer_checks(session, client, line, base_fee):
    """Every check of this module against the server of `line`."""
    chain_id = line["chainId"]
    alice = Wallet(KEYS[0], chain_id)
    frames, sent = [], []
    async with session.ws_connect(line["feed"]) as feed:
        reader = asyncio.create_task(read_frames(feed, frames))
        await check_transfer_and_swap(client, line, alice, base_fee, sent)
        await check_router_swap(client, line, alice, sent)
        await check_nonces_and_faults(session, client, line, alice, sent)
        await check_express_lane(client, alice, KEYS[1], chain_id, sent)
        await check_deploy(client, alice)
        for _ in range(100):  # the frames are on their way: wait for them (up to 10 s), then compare
            if sum(len(frame["messages"]) for frame in frames) >= len(sent):
                break
            await asyncio.sleep(0.1)
        reader.cancel()
    await check_feed(session, line, sent, frames)
    return len(sent)
