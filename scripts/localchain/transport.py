"""HTTP POST and WebSocket on one port (aiohttp): JSON-RPC answers, faults and subscriptions.

A GET of / with an Upgrade header becomes a WebSocket whose text messages are requests; anything
else POSTed to / is one request or a batch; /feed is the sequencer feed (feed.py). Each WebSocket
has a `Session` holding its subscriptions ("newHeads", and "logs" with an optional filter); the
chain's listener queues their notifications, and one task per connection sends queued messages
in order. Each request of a WebSocket is answered by a task of its own (a transaction with a
nonce gap may wait for its predecessor, which may come on the same connection), its answer
queued in request order. On a reorg, logs subscribers get the dropped blocks' matching logs again
with "removed": true, then the new ones.
"""

import asyncio
import json

from aiohttp import WSMsgType, web

from feed import PATH as FEED_PATH
from params import RpcError, invalid, log_filter, matches, param

DROP_LIMIT_SECONDS = 3600


def methods_of(request):
    """The method names in a parsed request or batch."""
    items = request if isinstance(request, list) else [request]
    return [item.get("method", "") for item in items if isinstance(item, dict)]


def faulted_text(answer, fault):
    """The answer's JSON text under an "error" or "malformed" fault (unchanged otherwise)."""
    if fault and fault.kind == "error":
        def spoil(one):
            return {"jsonrpc": "2.0", "id": one.get("id"), "error": {"code": -32603, "message": "injected fault"}}
        answer = [spoil(one) for one in answer] if isinstance(answer, list) else spoil(answer)
    text = json.dumps(answer)
    return text[:len(text) // 2] if fault and fault.kind == "malformed" else text


class Session:
    """One WebSocket connection: its subscriptions and its outgoing queue."""

    def __init__(self, server, socket):
        self.server, self.socket = server, socket
        self.queue = asyncio.Queue()
        self.subscriptions = {}  # id -> (kind, (addresses, topics) or None)

    def subscribe(self, params):
        """eth_subscribe("newHeads") or eth_subscribe("logs", filter?): the subscription id."""
        kind = param(params, 0)
        if kind == "newHeads":
            selection = None
        elif kind == "logs":
            spec = {key: value for key, value in param(params, 1, {}).items() if key in ("address", "topics")}
            _, addresses, topics = log_filter(self.server.chain, spec)
            selection = (addresses, topics)
        else:
            raise invalid(f"unsupported subscription {kind!r}: newHeads or logs")
        self.server.next_id += 1
        ident = hex(self.server.next_id)
        self.subscriptions[ident] = (kind, selection)
        return ident

    def unsubscribe(self, params):
        """eth_unsubscribe(id): whether it existed."""
        return self.subscriptions.pop(param(params, 0), None) is not None

    def notify(self, removed, added):
        """Queues the notifications a chain change gives this session's subscriptions."""
        for ident, (kind, selection) in self.subscriptions.items():
            if kind == "newHeads":
                results = [block.header_json() for block in added]
            else:
                results = [entry for blocks, gone in ((reversed(removed), True), (added, False)) for block in blocks
                           for entry, (_, log) in zip(block.logs_json(removed=gone), block.logs())
                           if matches(log, *selection)]
            for result in results:
                self.queue.put_nowait(json.dumps({"jsonrpc": "2.0", "method": "eth_subscription",
                                                  "params": {"subscription": ident, "result": result}}))

    async def pump(self):
        """Sends queued messages (texts, or tasks giving a text or None) in order until the
        connection closes."""
        while True:
            item = await self.queue.get()
            if item is None or self.socket.closed:
                return
            text = await item if isinstance(item, asyncio.Future) else item
            if text is not None:
                await self.socket.send_str(text)


class Server:
    """The aiohttp application around a Dispatcher."""

    def __init__(self, chain, dispatcher, faults, feed):
        self.chain, self.dispatcher, self.faults = chain, dispatcher, faults
        self.sessions = set()
        self.next_id = 0
        chain.listeners.append(self._on_chain_change)
        self.app = web.Application()
        self.app.router.add_route("*", "/", self.handle)
        self.app.router.add_route("GET", FEED_PATH, feed.handle)

    def _on_chain_change(self, removed, added):
        for session in self.sessions:
            session.notify(removed, added)

    async def handle(self, request):
        """Routes a WebSocket upgrade or an HTTP request."""
        if request.headers.get("Upgrade", "").lower() == "websocket":
            return await self.websocket(request)
        if request.method != "POST":
            return web.Response(status=405, text="POST JSON-RPC requests, or upgrade to a WebSocket")
        return await self.http(request)

    async def http(self, request):
        """One HTTP JSON-RPC exchange, with the armed fault applied."""
        try:
            parsed = json.loads(await request.text())
        except ValueError:
            return web.json_response({"jsonrpc": "2.0", "id": None,
                                      "error": RpcError(-32700, "parse error").json()})
        fault = self.faults.take(methods_of(parsed), over_http=True)
        if fault and fault.kind == "down":
            request.transport.close()
            raise asyncio.CancelledError
        if fault and fault.kind == "drop":
            for _ in range(DROP_LIMIT_SECONDS * 10):
                if request.transport is None or request.transport.is_closing():
                    break
                await asyncio.sleep(0.1)
            raise asyncio.CancelledError
        if fault and fault.kind == "slow":
            await asyncio.sleep(fault.delay_ms / 1000)
        if fault and fault.kind.startswith("status"):
            status = int(fault.kind[len("status"):])
            return web.Response(status=status, text="Too Many Requests" if status == 429 else "Internal Server Error",
                                headers={"Retry-After": "1"} if status == 429 else None)
        answer = await self.dispatcher.answer(parsed, None, fault)
        if answer is None:
            return web.Response(status=204)
        return web.Response(text=faulted_text(answer, fault), content_type="application/json")

    async def websocket(self, request):
        """A WebSocket connection: requests in, answers and notifications out."""
        socket = web.WebSocketResponse(max_msg_size=64 * 1024 * 1024)
        await socket.prepare(request)
        session = Session(self, socket)
        self.sessions.add(session)
        pump = asyncio.create_task(session.pump())
        try:
            async for message in socket:
                if message.type != WSMsgType.TEXT:
                    continue
                if not await self._websocket_message(session, message.data):
                    break
        finally:
            self.sessions.discard(session)
            session.queue.put_nowait(None)
            await pump
            await socket.close()
        return socket

    async def _websocket_message(self, session, text):
        """Answers one WebSocket message; False when a "down" fault closes the connection."""
        try:
            parsed = json.loads(text)
        except ValueError:
            session.queue.put_nowait(json.dumps({"jsonrpc": "2.0", "id": None,
                                                 "error": RpcError(-32700, "parse error").json()}))
            return True
        fault = self.faults.take(methods_of(parsed), over_http=False)
        if fault and fault.kind == "down":
            return False
        if fault and fault.kind == "drop":
            return True
        session.queue.put_nowait(asyncio.ensure_future(self._websocket_answer(session, parsed, fault)))
        return True

    async def _websocket_answer(self, session, parsed, fault):
        """The text answering one WebSocket request (None for notifications only)."""
        if fault and fault.kind == "slow":
            await asyncio.sleep(fault.delay_ms / 1000)
        answer = await self.dispatcher.answer(parsed, session, fault)
        return None if answer is None else faulted_text(answer, fault)

