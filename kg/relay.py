"""HTTP/1.1 from the front to the oxigraph children: keep-alive connections, parsed by httptools.

Only what the front needs towards a server on 127.0.0.1: one request at a time per
connection, idle connections kept per port for reuse, and the body handed on as it comes,
everything received so far at once. Oxigraph streams results in chunks of a few hundred bytes
to a few kB; a general client (httpx/httpcore with h11, measured) spends about 35 µs of
Python per chunk on them, some 60 ms of CPU for a 3.7 MB answer, on the cores oxigraph needs.
Here llhttp (httptools, the parser uvicorn uses) decodes them in C and the front takes the
decoded bytes in large pieces.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict

import httptools

IDLE_S = 20.0  # oxigraph closes idle connections after 60 s; reuse only younger ones
PAUSE_BYTES = 1 << 20  # stop reading from oxigraph while this much waits for the client


class UpstreamError(Exception):
    """The connection to the child failed or its answer was not valid HTTP."""


class Response(asyncio.Protocol):
    """One connection; the answer to its current request."""

    def __init__(self) -> None:
        self.parser = httptools.HttpResponseParser(self)
        self.transport: asyncio.Transport | None = None
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.body = bytearray()
        self.complete = False
        self.keep_alive = False
        self.closed = False
        self.error: Exception | None = None
        self.idle_since = 0.0
        self._headers_done = asyncio.Event()
        self._more = asyncio.Event()
        self._paused = False

    # ------------------------------------------------------------------ asyncio

    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as error:
            self._fail(UpstreamError(f"invalid HTTP from the SPARQL server: {error}"))

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if not self.complete:
            self._fail(UpstreamError("the SPARQL server closed the connection"
                                     + (f" ({exc})" if exc else "")))

    # ------------------------------------------------------------------ httptools

    def on_header(self, name: bytes, value: bytes) -> None:
        self.headers.append((name.lower(), value))

    def on_headers_complete(self) -> None:
        self.status = self.parser.get_status_code()
        self.keep_alive = self.parser.should_keep_alive()  # llhttp forgets it at the end
        self._headers_done.set()

    def on_body(self, body: bytes) -> None:
        self.body += body
        self._more.set()
        if len(self.body) > PAUSE_BYTES and self.transport is not None and not self._paused:
            self._paused = True
            self.transport.pause_reading()

    def on_message_complete(self) -> None:
        self.complete = True
        self._more.set()

    # ------------------------------------------------------------------ the front's side

    def _fail(self, error: Exception) -> None:
        if self.error is None:
            self.error = error
        self._headers_done.set()
        self._more.set()

    def header(self, name: bytes) -> bytes | None:
        return next((v for k, v in self.headers if k == name), None)

    async def start(self, request: bytes) -> None:
        """Send a request and wait for the answer's status and headers."""
        assert self.transport is not None
        self.transport.write(request)
        await self._headers_done.wait()
        if self.error is not None and not self.status:
            raise self.error

    async def read(self) -> bytes:
        """What arrived of the body since the last read; b"" once the body is complete."""
        while not self.body:
            if self.complete:
                return b""
            if self.error is not None:
                raise self.error
            self._more.clear()
            await self._more.wait()
        data = bytes(self.body)
        self.body.clear()
        if self._paused and self.transport is not None:
            self._paused = False
            self.transport.resume_reading()
        return data

    def reusable(self) -> bool:
        return self.complete and self.keep_alive and not self.closed and self.error is None

    def reset(self) -> None:
        self.status = 0
        self.headers = []
        self.body.clear()
        self.complete = False
        self.keep_alive = False
        self._headers_done.clear()
        self._more.clear()
        self.parser = httptools.HttpResponseParser(self)

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()


class Pool:
    """Idle keep-alive connections per port of 127.0.0.1."""

    def __init__(self) -> None:
        self.idle: dict[int, list[Response]] = defaultdict(list)

    async def request(self, port: int, method: str, target: str,
                      headers: list[tuple[bytes, bytes]], body: bytes | None) -> Response:
        connection = await self._connection(port)
        head = [f"{method} {target} HTTP/1.1\r\n".encode("latin-1")]
        if not any(name == b"host" for name, _ in headers):
            head.append(b"host: 127.0.0.1\r\n")
        head += [name + b": " + value + b"\r\n" for name, value in headers]
        if body is not None:
            head.append(b"content-length: %d\r\n" % len(body))
        head.append(b"\r\n")
        if body:
            head.append(body)
        try:
            await connection.start(b"".join(head))
        except BaseException:
            connection.close()
            raise
        return connection

    def release(self, port: int, connection: Response) -> None:
        """Keep a connection whose answer was read to the end; close any other."""
        if connection.reusable():
            connection.reset()
            connection.idle_since = time.monotonic()
            self.idle[port].append(connection)
        else:
            connection.close()
        if len(self.idle) > 4:  # children come and go: forget the ports of stopped ones
            for gone in [p for p, idle in self.idle.items() if all(c.closed for c in idle)]:
                del self.idle[gone]

    def close(self) -> None:
        for connections in self.idle.values():
            for connection in connections:
                connection.close()
        self.idle.clear()

    async def _connection(self, port: int) -> Response:
        idle = self.idle[port]
        now = time.monotonic()
        while idle:
            connection = idle.pop()
            if not connection.closed and now - connection.idle_since < IDLE_S:
                return connection
            connection.close()
        try:
            _, protocol = await asyncio.get_running_loop().create_connection(
                Response, "127.0.0.1", port)
        except OSError as error:
            raise UpstreamError(f"cannot connect to the SPARQL server: {error}") from error
        return protocol
