"""Handlers of the home page, the dumps and the dashboard."""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response

from kg.web import dashboard as board
from kg.web import view
from kg.web.app import Context
from kg.web.dumps import FILE_NAMES
from kg.web.questions import questions


def home(context: Context):
    async def handler(request: Request) -> Response:
        lang = view.language(request)
        counts, laender, documents = await context.per_build("home", lambda: asyncio.gather(
            context.sparql.select("counts"), context.sparql.select("laender"),
            context.sparql.select("documents")))
        asked = questions()
        tabs = [{"name": q.name, "title": q.title(lang), "query": q.query} for q in asked]
        return context.render(
            request, "home.html", counts=counts, laender=laender, documents=documents,
            questions=asked, tabs_json=view.script_json(tabs),
            build=context.build_name(), built=context.build_time(),
            dumps=context.dumps.ready())
    return handler


def dashboard(context: Context):
    async def handler(request: Request) -> Response:
        lang = view.language(request)
        data = await context.per_build(f"dashboard-{lang}",
                                       lambda: board.gather(context.sparql, lang))
        return context.render(request, "dashboard.html", board=data,
                              map_json=view.script_json(data.map_points))
    return handler


def dumps_index(context: Context):
    async def handler(request: Request) -> Response:
        made = await context.dumps.all()
        return context.render(request, "dumps.html", dumps=made, build=context.build_name())
    return handler


def dump_file(context: Context):
    """A dump or its checksum file; made first if this build has none yet."""
    by_name = {name: fmt for fmt, name in FILE_NAMES.items()}

    async def handler(request: Request) -> Response:
        name = request.path_params["name"]
        wanted = name.removesuffix(".sha256")
        if wanted not in by_name:
            return PlainTextResponse(f"no dump named {name}; see /dumps/\n", status_code=404)
        dump = next(d for d in await context.dumps.all() if d.fmt == by_name[wanted])
        if name.endswith(".sha256"):
            return PlainTextResponse(f"{dump.sha256}  {dump.name}\n")
        return FileResponse(dump.path, media_type=dump.media_type, filename=dump.name,
                            headers={"Digest": f"sha-256={dump.sha256}"})
    return handler


def redirect(target: str):
    async def handler(request: Request) -> Response:
        return RedirectResponse(target, status_code=301)
    return handler
