"""A stand-in for the front server in the page tests: /query forwarded to a bare oxigraph
server, every other path to the pages (kg.web), as `kg serve` mounts them."""

from __future__ import annotations

from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from kg.web import create_web_app


def front_app(oxigraph_url: str, store: Path) -> Starlette:
    endpoint = f"{oxigraph_url}/query"

    async def query(request: Request) -> Response:
        async with httpx.AsyncClient(timeout=60, trust_env=False) as client:
            answer = await client.request(
                request.method, endpoint, params=request.query_params,
                content=await request.body(),
                headers={k: v for k, v in request.headers.items()
                         if k.lower() in {"accept", "content-type"}})
        return Response(answer.content, status_code=answer.status_code,
                        media_type=answer.headers.get("content-type"))

    pages = create_web_app(lambda: endpoint, store)
    return Starlette(routes=[Route("/query", query, methods=["GET", "POST"]),
                             Mount("/", pages)], lifespan=pages.router.lifespan_context)
