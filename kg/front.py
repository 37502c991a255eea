"""The front of `kg serve`: the SPARQL protocol, guarded, in front of the oxigraph children.

An ASGI app (run by uvicorn) that answers /query, /update and /store itself and hands every
other path to the web pages (kg.web, when installed; else a minimal home page).

- /query (GET, POST form, POST application/sparql-query): the query is checked by kg/guard.py
  (SERVICE only to the federation's endpoints), then sent to the current child as it was
  checked, with the client's Accept; oxigraph negotiates the format. Status and body are
  relayed; CORS is allowed.
- /store: GET and HEAD are relayed; `?default` is the union of all graphs (oxigraph's graph
  store answers its empty default graph there even with --union-default-graph, so it is asked
  as a CONSTRUCT over the union instead); every write is refused with 403, as /update is.

Timeout and abandoned queries. Oxigraph's own --timeout-s starts a thread per query that
sleeps for the whole timeout: under 32 clients of cheap queries its threads pile up (17 000 in
3 s) until thread creation fails, requests get HTTP 500, and the server aborts (measured with
oxigraph 0.5.13, --timeout-s 5 and 30, both died within 3 s). And a query it cancels answers
HTTP 200 with the results cut off and an error message as their last line. So the children run
without it, and the front keeps the deadline: a query whose answer is not complete by then gets
504; a query whose client went away is read on for a short grace period and, if still not
done, dropped. Closing oxigraph's connection does not stop it (it notices only when it writes,
and an aggregate over a cross product writes nothing for minutes), so in both cases the child
is replaced: kg/upstream.py starts a fresh one on the same build for new requests and stops
the old one when its other requests are done, which ends the abandoned computation.

Broken answers. Oxigraph streams results and reports an error found midway (a failing
SERVICE, say) by writing the message into the body of an HTTP 200. The front holds the first
HOLD_BYTES of an answer back: an answer complete within them is checked for a proper end
(per format: `}` for JSON, the closing tag for XML, a line break for CSV, TSV and the RDF
line formats) and a broken one becomes 502 with oxigraph's message. A longer answer is
streamed; if it then breaks or runs out of time, the connection is closed without the final
chunk, which every HTTP client reports as an error - never a complete-looking 200.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from kg import guard
from kg.relay import Pool, Response, UpstreamError
from kg.upstream import Child, Upstreams

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

HOLD_BYTES = 64 * 1024  # answers up to this size are checked whole before they are sent
MAX_BODY_BYTES = 16 * 1024 * 1024  # a larger request body is refused (413)
DISCONNECT_GRACE_S = 2.0  # an abandoned query that ends within this is not a runaway
SPARQL_PATHS = frozenset({"/query", "/update", "/store"})
CORS = [(b"access-control-allow-origin", b"*")]
PREFLIGHT = [*CORS, (b"access-control-allow-methods", b"GET, POST, OPTIONS"),
             (b"access-control-allow-headers", b"Accept, Content-Type"),
             (b"access-control-max-age", b"86400")]
RELAYED = frozenset({b"content-type", b"content-disposition", b"content-length"})
FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
UNION_GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
JSON_TYPES = frozenset({"application/sparql-results+json", "application/json",
                        "application/ld+json"})
XML_ENDS = {"application/sparql-results+xml": b"</sparql>", "application/xml": b"</sparql>",
            "application/rdf+xml": b"</rdf:RDF>"}

log = logging.getLogger("kg.serve")


@dataclass(frozen=True)
class Settings:
    timeout_s: float  # 0: no limit
    federation: frozenset[str]  # the SERVICE endpoints a query may name


class BrokenAnswer(Exception):
    """An answer that broke off after its start was sent: the connection is closed unended."""


def create_app(upstreams: Upstreams, settings: Settings, web_app: ASGIApp | None = None,
               on_ready: Callable[[Child], None] | None = None) -> ASGIApp:
    """The front app; `web_app` gets every path that is not a SPARQL protocol path."""
    return Front(upstreams, settings, web_app or home_page, on_ready)


class Front:
    def __init__(self, upstreams: Upstreams, settings: Settings, web_app: ASGIApp,
                 on_ready: Callable[[Child], None] | None = None) -> None:
        self.upstreams = upstreams
        self.settings = settings
        self.web_app = web_app
        self.on_ready = on_ready
        self.pool = Pool()
        self.web_lifespan = _Lifespan(web_app)
        self._watch: asyncio.Task | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = scope["path"]
            if path == "/query":
                await self.query(scope, receive, send)
            elif path == "/store":
                await self.store(scope, receive, send)
            elif path == "/update":
                await _plain(send, 403, "This endpoint is read-only: updates are refused.")
            else:
                await self.web_app(scope, receive, send)
        elif scope["type"] == "lifespan":
            await self.lifespan(receive, send)
        else:
            await self.web_app(scope, receive, send)

    async def lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    child = await self.upstreams.start()
                except Exception as error:
                    await send({"type": "lifespan.startup.failed", "message": str(error)})
                    return
                self._watch = asyncio.get_running_loop().create_task(self.upstreams.watch())
                failed = await self.web_lifespan.start()
                if failed:
                    await send({"type": "lifespan.startup.failed", "message": failed})
                    return
                if self.on_ready is not None:
                    self.on_ready(child)
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.web_lifespan.stop()
                if self._watch is not None:
                    self._watch.cancel()
                await self.upstreams.close()
                self.pool.close()
                await send({"type": "lifespan.shutdown.complete"})
                return

    # ------------------------------------------------------------------ /query

    async def query(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope["method"]
        if method == "OPTIONS":
            await _respond(send, 204, PREFLIGHT, b"")
            return
        if method not in ("GET", "POST"):
            await _plain(send, 405, "Use GET or POST for SPARQL queries.",
                         [(b"allow", b"GET, POST, OPTIONS")])
            return
        params = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        body: bytes | None = None
        if method == "POST":
            body = await _read_body(receive)
            if body is None:
                await _plain(send, 413, f"The request is larger than {MAX_BODY_BYTES} bytes.")
                return
            media = _media_type(_header(scope, b"content-type"))
            if media == FORM:
                params += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
                body = None
            elif media != SPARQL_QUERY:
                await _plain(send, 415, f"Send the query as {FORM} or {SPARQL_QUERY}.")
                return
        queries = [value for key, value in params if key == "query"]
        rest = [(key, value) for key, value in params if key != "query"]
        if body is not None:
            try:
                queries.append(body.decode("utf-8"))
            except UnicodeDecodeError:
                await _plain(send, 400, "The query is not UTF-8.")
                return
        if not queries and method == "GET":  # the service description
            if self.web_app is not home_page:  # the pages' one names VoID and DCAT
                await self.web_app({**scope, "path": "/.well-known/void",
                                    "raw_path": b"/.well-known/void", "query_string": b""},
                                   receive, send)
                return
            await self.relay(scope, receive, send, "GET", "/query", rest, None, None, False)
            return
        if len(queries) != 1:
            await _plain(send, 400, "Give exactly one SPARQL query, as the `query` parameter "
                                    "or as the request body.")
            return
        query = queries[0]
        if guard.names_service(query):
            try:
                await asyncio.to_thread(guard.check, query, self.settings.federation)
            except guard.Refused as refused:
                await _plain(send, 400, f"Query refused: {refused}")
                return
        content = body if body is not None else query.encode("utf-8")
        deadline = (time.monotonic() + self.settings.timeout_s
                    if self.settings.timeout_s else None)
        await self.relay(scope, receive, send, "POST", "/query", rest, content, deadline, True)

    # ------------------------------------------------------------------ /store

    async def store(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope["method"]
        if method == "OPTIONS":
            await _respond(send, 204, PREFLIGHT, b"")
            return
        if method not in ("GET", "HEAD"):
            await _plain(send, 403, "This endpoint is read-only: the graph store cannot be "
                                    "written.")
            return
        params = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        if any(key == "default" for key, _ in params):
            await self.relay(scope, receive, send, "POST", "/query", [],
                             UNION_GRAPH.encode(), None, False, head=method == "HEAD")
            return
        await self.relay(scope, receive, send, method, "/store", params, None, None, False)

    # ------------------------------------------------------------------ relaying

    async def relay(self, scope: Scope, receive: Receive, send: Send, method: str, path: str,
                    params: list[tuple[str, str]], content: bytes | None,
                    deadline: float | None, is_query: bool, head: bool = False) -> None:
        """Send the request to the current child and its answer to the client (see the module
        docstring for what happens when the answer is late, broken or abandoned)."""
        # the client's Host: oxigraph makes the service description's endpoint and the base
        # IRI of queries from it, which should be the public address, not the private one
        host = _header(scope, b"host")
        headers = [(b"host", host.encode("latin-1"))] if host else []
        accept = _header(scope, b"accept")
        if accept:
            headers.append((b"accept", accept.encode("latin-1")))
        if content is not None:
            headers.append((b"content-type", SPARQL_QUERY.encode()))
        target = path + (f"?{urlencode(params)}" if params else "")
        child = self.upstreams.acquire()
        exchange = _Exchange(self, child, send, is_query)
        task = asyncio.current_task()
        assert task is not None
        watcher = asyncio.get_running_loop().create_task(exchange.watch(receive, task))
        try:
            async with asyncio.timeout_at(_loop_time(deadline)):
                await exchange.run("GET" if method == "HEAD" else method, target, headers,
                                   content, head or method == "HEAD")
        except TimeoutError:
            await exchange.fail(504, f"The query ran longer than this endpoint's limit of "
                                     f"{self.settings.timeout_s:g} s and was stopped.")
        except asyncio.CancelledError:
            if not exchange.client_gone:
                raise
            task.uncancel()
        except UpstreamError as error:
            await exchange.fail(502, f"The SPARQL server behind this endpoint failed: {error}")
        finally:
            exchange.finished = True
            watcher.cancel()
            await exchange.close()


class _Lifespan:
    """The web app's own lifespan (a Starlette app's startup and shutdown), run beside the
    front's; an app that does not speak the lifespan protocol is simply not told."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.inbox: asyncio.Queue[Message] = asyncio.Queue()
        self.outbox: asyncio.Queue[Message] = asyncio.Queue()
        self.task: asyncio.Task | None = None

    async def start(self) -> str:
        """Start the app; its failure message, or "" when it started (or has no lifespan)."""
        if self.app is home_page:
            return ""
        self.task = asyncio.get_running_loop().create_task(self._run())
        await self.inbox.put({"type": "lifespan.startup"})
        reply = await self.outbox.get()
        if reply["type"] == "lifespan.startup.failed":
            return reply.get("message", "the web pages failed to start")
        return ""

    async def stop(self) -> None:
        if self.task is None or self.task.done():
            return
        await self.inbox.put({"type": "lifespan.shutdown"})
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(10):
                await self.outbox.get()

    async def _run(self) -> None:
        with contextlib.suppress(Exception):  # no lifespan support: nothing to start or stop
            await self.app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}},
                           self.inbox.get, self.outbox.put)
        await self.outbox.put({"type": "lifespan.startup.complete"})


class _Exchange:
    """One request relayed to a child: its upstream answer, how far it got, and its end."""

    def __init__(self, front: Front, child: Child, send: Send, is_query: bool) -> None:
        self.front = front
        self.child = child
        self.send = send
        self.is_query = is_query
        self.response: Response | None = None
        self.upstream_done = False  # the child's answer was read to its end
        self.started = False  # the answer's start was sent to the client
        self.client_gone = False
        self.finished = False

    async def watch(self, receive: Receive, task: asyncio.Task) -> None:
        """When the client disconnects, give the request a grace period to end, then cancel
        it (this watcher is cancelled when the request ends)."""
        while (await receive())["type"] != "http.disconnect":
            pass
        if self.finished:
            return
        self.client_gone = True
        await asyncio.sleep(DISCONNECT_GRACE_S)
        if not self.finished:
            task.cancel()

    async def run(self, method: str, target: str, headers: list[tuple[bytes, bytes]],
                  content: bytes | None, head: bool) -> None:
        self.response = response = await self.front.pool.request(
            self.child.port, method, target, headers, content)
        relayed = [(k, v) for k, v in response.headers if k in RELAYED]
        content_type = (response.header(b"content-type") or b"").decode("latin-1")
        streamed = response.header(b"content-length") is None
        held = bytearray()
        while len(held) < HOLD_BYTES:
            data = await response.read()
            if not data:
                self.upstream_done = True
                break
            held += data
        if self.upstream_done:
            body = bytes(held)
            if response.status == 200 and streamed and not _complete(body[-512:], content_type):
                await self.fail(502, "The query failed while its results were being written: "
                                     + _message(body))
                return
            relayed = [(k, v) for k, v in relayed if k != b"content-length"]
            relayed.append((b"content-length", str(len(body)).encode()))
            self.started = True
            await _respond(self.send, response.status, [*relayed, *CORS],
                           b"" if head else body)
            return
        # a long answer: streamed from here; its end is checked when it comes
        self.started = True
        relayed = [(k, v) for k, v in relayed if k != b"content-length"]
        await self.send({"type": "http.response.start", "status": response.status,
                         "headers": [*relayed, *CORS]})
        tail = bytes(held[-512:])
        await self.send({"type": "http.response.body", "body": bytes(held), "more_body": True})
        while data := await response.read():
            tail = (tail + data)[-512:]
            await self.send({"type": "http.response.body", "body": data, "more_body": True})
        self.upstream_done = True
        if response.status == 200 and not _complete(tail, content_type):
            raise BrokenAnswer(_message(tail))
        await self.send({"type": "http.response.body", "body": b"", "more_body": False})

    async def fail(self, status: int, message: str) -> None:
        """An error status if nothing was sent yet, else a connection closed unended."""
        if self.started:
            raise BrokenAnswer(message)
        self.started = True
        await _plain(self.send, status, message)

    async def close(self) -> None:
        """Close the child's answer and give the child back; a query it may still be
        computing (late, abandoned, broken off) makes upstreams replace the child."""
        if self.response is not None:
            self.front.pool.release(self.child.port, self.response)
        if self.upstream_done or not self.is_query:
            self.front.upstreams.release(self.child)
        else:
            self.front.upstreams.abandon(self.child)


# ------------------------------------------------------------------------- helpers


def _complete(tail: bytes, content_type: str) -> bool:
    """Whether a streamed answer ends as its format ends (not with an error message)."""
    media = _media_type(content_type)
    end = tail.rstrip()
    if media in JSON_TYPES:
        return end.endswith((b"}", b"]"))
    if media in XML_ENDS:
        return end.endswith(XML_ENDS[media])
    return not tail or tail.endswith(b"\n")


def _message(body: bytes) -> str:
    """The error oxigraph wrote at the end of a broken answer (its last line, shortened)."""
    last = body.decode("utf-8", "replace").rstrip().splitlines()[-1:] or [""]
    text = last[0]
    for marker in ("[", ">", "\t", ","):  # the message follows the last complete piece
        text = text.rsplit(marker, 1)[-1] if marker in text[-300:] else text
    return text.strip()[-300:] or "(no message)"


def _loop_time(deadline: float | None) -> float | None:
    """A time.monotonic() deadline on the event loop's clock."""
    if deadline is None:
        return None
    return asyncio.get_running_loop().time() + (deadline - time.monotonic())


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return ""


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


async def _read_body(receive: Receive) -> bytes | None:
    parts, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b""
        parts.append(message.get("body", b""))
        size += len(parts[-1])
        if size > MAX_BODY_BYTES:
            return None
        if not message.get("more_body", False):
            return b"".join(parts)


async def _respond(send: Send, status: int, headers: list[tuple[bytes, bytes]],
                   body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _plain(send: Send, status: int, message: str,
                 headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = (message + "\n").encode("utf-8")
    await _respond(send, status, [(b"content-type", b"text/plain; charset=utf-8"),
                                  (b"content-length", str(len(body)).encode()),
                                  *CORS, *(headers or [])], body)


HOME = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partnerschaftsgraph</title></head>
<body><h1>Partnerschaftsgraph</h1>
<p>The international partnerships of the German Länder, from their official documents.</p>
<p>SPARQL endpoint: <a href="/query">{query}</a> (GET or POST, SPARQL 1.1 protocol;
the default graph is the union of all graphs). Graph store (read-only): <a
href="/store?default">/store</a>.</p></body></html>
"""


async def home_page(scope: Scope, receive: Receive, send: Send) -> None:
    """A minimal home page, served when the web pages (kg.web) are not installed."""
    if scope["type"] != "http":
        return
    if scope["path"] != "/":
        await _plain(send, 404, "Not found. The SPARQL endpoint is /query.")
        return
    body = HOME.format(query=html.escape("/query")).encode("utf-8")
    await _respond(send, 200, [(b"content-type", b"text/html; charset=utf-8"),
                               (b"content-length", str(len(body)).encode())], body)
