"""The Starlette app of the pages and what its handlers share."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import jinja2
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.store import current_build
from kg.web import i18n, view
from kg.web.dumps import Dumps
from kg.web.sparql import Sparql, SparqlError

HERE = Path(__file__).parent
T = TypeVar("T")


@dataclass
class Context:
    """What every handler needs: the endpoint client, the store, the dumps, the templates."""

    sparql: Sparql
    store: Path
    dumps: Dumps
    templates: jinja2.Environment
    memo: dict[tuple, object] = field(default_factory=dict)

    async def per_build(self, name: str, make: Callable[[], Awaitable[T]]) -> T:
        """What `make` computes from the graph, kept while the same build is served (the
        home page's counts and the dashboard take seconds on a large graph)."""
        key = (self.build_name(), self.sparql.endpoint(), name)
        if key not in self.memo:
            value = await make()
            for old in [k for k in self.memo if k[:2] != key[:2]]:
                del self.memo[old]
            self.memo[key] = value
        return self.memo[key]  # type: ignore[return-value]

    def build_name(self) -> str:
        build = current_build(self.store)
        return build.name if build is not None else ""

    def build_time(self) -> dt.datetime | None:
        """When the served build was finished: its build.json was its last file written."""
        build = current_build(self.store)
        summary = build / "build.json" if build is not None else None
        if summary is None or not summary.is_file():
            return None
        return dt.datetime.fromtimestamp(summary.stat().st_mtime, dt.UTC)

    def render(self, request: Request, template: str, status: int = 200,
               **values) -> HTMLResponse:
        lang = view.language(request)
        page = self.templates.get_template(template).render(
            lang=lang, t=i18n.words(lang), path=request.url.path, view=view, **values)
        return HTMLResponse(page, status_code=status,
                            headers={"Content-Language": lang, "Vary": "Accept, Accept-Language"})


def templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True)


def create_web_app(endpoint_url: Callable[[], str], store: Path) -> Starlette:
    """The pages over the SPARQL endpoint that `endpoint_url()` names (asked per query, so a
    new build is read at once) and the store directory (for build.json and the dumps)."""
    from kg.web import dataset_pages, entity, pages

    context = Context(Sparql(endpoint_url), Path(store), Dumps(Path(store)), templates())

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await context.sparql.close()

    async def unavailable(request: Request, exc: Exception) -> HTMLResponse:
        return context.render(request, "error.html", status=503, message=str(exc))

    routes = [
        Route("/", pages.home(context)),
        Route("/dashboard", pages.dashboard(context)),
        Route("/dumps/", pages.dumps_index(context)),
        Route("/dumps", pages.redirect("/dumps/")),
        Route("/dumps/{name}", pages.dump_file(context)),
        Route("/dataset", dataset_pages.dataset(context, html_default=True)),
        Route("/dataset.{fmt}", dataset_pages.dataset(context, html_default=False)),
        Route("/.well-known/void", dataset_pages.dataset(context, html_default=False)),
        Route("/id/{path:path}", entity.entity(context)),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    return Starlette(routes=routes, lifespan=lifespan,
                     exception_handlers={SparqlError: unavailable})
