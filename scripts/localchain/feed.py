"""The sequencer feed: every sequenced transaction broadcast as nitro's broadcaster frames it.

A WebSocket at path /feed of the server's port. Each sequenced transaction is one message of one
BroadcastMessage frame, built by scripts/feedframes.py exactly as the demo and replay feeds are:
{"version":1,"messages":[{"sequenceNumber", "message":{"message":{"header":{kind 3, sender
0xa4b0…sequencer, blockNumber (L1), timestamp, requestId null, baseFeeL1 null}, "l2Msg":
base64(0x04 ‖ signed envelope)}, "delayedMessagesRead"}, "blockHash", "signatureV2": null}]}.

The sequence number is the number of the block the message made (one block per message, as on
Arbitrum, and the local chain's genesis offset is 0); blocks made by the local_* admin methods
are not sequencer messages of the feed, so their numbers are gaps in it. blockHash is the hash
of that block. The header's L1 block advances one per 12 seconds of block time from
L1_BLOCK_AT_GENESIS; delayedMessagesRead stays 1 (no delayed inbox here).

A connection gets, first, one frame of every earlier message from the
Arbitrum-Requested-Sequence-Number it asks for (all of them when it asks for none, as nitro's
backlog does from its oldest message), then each new message as it is sequenced. The answer to
the upgrade carries Arbitrum-Feed-Server-Version 2 and Arbitrum-Chain-Id. local_reorg does not
touch the feed (a real sequencer's messages are never reorged).
"""

import asyncio
import json
import sys
from pathlib import Path

from aiohttp import WSMsgType, web

from blocks import data_hex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from feedframes import l2_message, sequencer_frame  # noqa: E402  (scripts/ holds the shared framing)

PATH = "/feed"
L1_BLOCK_AT_GENESIS = 18_000_000
L1_BLOCK_SECONDS = 12
DELAYED_MESSAGES_READ = 1
REQUESTED_HEADER = "Arbitrum-Requested-Sequence-Number"


class Feed:
    """The messages broadcast so far and the connections listening."""

    def __init__(self, chain_id, genesis_timestamp):
        self.chain_id, self.genesis_timestamp = chain_id, genesis_timestamp
        self.backlog = []  # message objects in sequence order
        self.listeners = set()  # one asyncio.Queue of frame texts per connection

    def broadcast(self, block, signed):
        """Sends the message of `signed`, sequenced alone in `block`, to every connection."""
        l1_block = L1_BLOCK_AT_GENESIS + (block.timestamp - self.genesis_timestamp) // L1_BLOCK_SECONDS
        frame = sequencer_frame(block.number, l1_block, block.timestamp, l2_message([signed.raw]),
                                DELAYED_MESSAGES_READ, data_hex(block.hash))
        self.backlog.append(frame["messages"][0])
        text = json.dumps(frame)
        for queue in self.listeners:
            queue.put_nowait(text)

    async def handle(self, request):
        """One feed connection: the requested backlog, then every new message until it closes."""
        requested = request.headers.get(REQUESTED_HEADER, "")
        start = int(requested) if requested.isdigit() else 0
        socket = web.WebSocketResponse()
        socket.headers["Arbitrum-Feed-Server-Version"] = "2"
        socket.headers["Arbitrum-Chain-Id"] = str(self.chain_id)
        await socket.prepare(request)
        queue = asyncio.Queue()
        earlier = [message for message in self.backlog if message["sequenceNumber"] >= start]
        if earlier:
            queue.put_nowait(json.dumps({"version": 1, "messages": earlier}))
        self.listeners.add(queue)
        reader = asyncio.create_task(self._until_closed(socket, queue))
        try:
            while (text := await queue.get()) is not None and not socket.closed:
                await socket.send_str(text)
        finally:
            self.listeners.discard(queue)
            reader.cancel()
            await socket.close()
        return socket

    @staticmethod
    async def _until_closed(socket, queue):
        """Reads (and ignores) what the client sends; ends the connection's queue when it closes."""
        async for message in socket:
            if message.type in (WSMsgType.CLOSE, WSMsgType.ERROR):
                break
        queue.put_nowait(None)
