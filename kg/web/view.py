"""What templates need to show terms: the language, labels by language, local links for the
graph's own IRIs, prefixed names for the rest."""

from __future__ import annotations

import json

from starlette.requests import Request

from kg import namespaces as ns
from kg.web.sparql import Row, Term

LANGUAGES = ("de", "en")
ID_BASE = ns.BASE + "id/"


def language(request: Request) -> str:
    """`?lang=` if given, else the first of German or English the browser prefers."""
    asked = request.query_params.get("lang", "")
    if asked in LANGUAGES:
        return asked
    accept = request.headers.get("accept-language", "").lower()
    positions = {lang: accept.find(lang) for lang in LANGUAGES if lang in accept}
    return min(positions, key=lambda lang: positions[lang]) if positions else "de"


def pick(row: Row, stem: str, lang: str) -> str:
    """The label `stem`De or `stem`En for the language, the other one when it is missing."""
    other = "en" if lang == "de" else "de"
    for suffix in (lang, other):
        term = row.get(stem + suffix.capitalize() if stem else suffix)
        if term is not None:
            return term.value
    return ""


def local_path(iri: str) -> str | None:
    """The page of one of the graph's own IRIs on this server; None for other IRIs."""
    return "/id/" + iri[len(ID_BASE):] if iri.startswith(ID_BASE) else None


def link(iri: str, lang: str) -> str:
    """Where a link to an IRI goes: its page here, or the IRI itself."""
    path = local_path(iri)
    return f"{path}?lang={lang}" if path else iri


def compact(iri: str) -> str:
    """A prefixed name (pg:partner) where a known prefix fits, else the IRI."""
    best = ""
    for prefix, namespace in ns.PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(ns.PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(ns.PREFIXES[best]):]}" if best else iri


def show(term: Term | None) -> str:
    """A literal's text, an IRI's prefixed name."""
    if term is None:
        return ""
    return compact(term.value) if term.is_iri else term.value


def integer(row: Row, name: str) -> int:
    term = row.get(name)
    return int(term.value) if term is not None else 0


def script_json(value: object) -> str:
    """JSON to put inside a <script> element: `</` cannot end the element early."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
