"""How the records pickle: each frozen one as its class and values, and those that many mentions
share as one object per distinct value in the process that unpickles them.

A build holds every document's extraction in one process; each comes out of a worker or the
cache as a pickle of its own, so the same Land, ministry, role or date would be a new object
in every mention of every document (at a thousand documents: 52 000 party references of 274
distinct values). A class marked `canonical` is unpickled as the process's one object of its
value instead; only frozen, hashable records whose identity nothing depends on are marked (not
the mentions: resolution tells them apart by identity). `by_value` pickles a frozen slots
dataclass as its class and field values (dataclasses' own way looks the fields up again for
every object, and a build pickles hundreds of thousands of them).

rdflib's IRIs and literals pickle as what they are, not as what makes them: rdflib's own way
makes each again through its constructor, which checks every IRI and parses every literal's
lexical form to its value once more (half of unpickling a validation worker's part of the
corpus, bench/README.md "mvl13"). A literal whose value is of a plain Python type is
unpickled with that value as it was; any other (a duration, an XML literal) as rdflib does.
"""

from __future__ import annotations

import copyreg
import datetime
import pickle
from dataclasses import fields
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from rdflib import Literal, URIRef

T = TypeVar("T")

_ONE: dict[Any, Any] = {}


def by_value(cls: type[T]) -> type[T]:
    """Class decorator (outside @dataclass(frozen=True, slots=True)): pickled as
    `cls(*values)`."""
    names = _names(cls)

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple([getattr(self, name) for name in names])

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


def canonical(cls: type[T]) -> type[T]:
    """Class decorator (outside @dataclass(frozen=True, slots=True)): unpickled as the one
    object of that value in the unpickling process."""
    names = _names(cls)

    def __reduce__(self: Any) -> tuple[Any, tuple[type, tuple[Any, ...]]]:
        return _one, (cls, tuple([getattr(self, name) for name in names]))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _one(cls: type, values: tuple[Any, ...]) -> Any:
    key = (cls, values)
    found = _ONE.get(key)
    if found is None:
        found = _ONE[key] = cls(*values)
    return found


def read_remembered(path: Path, cls: type[T]) -> T | None:
    """What an earlier build pickled at `path`, if it is a `cls`: one that is missing,
    cut short or of an older code's classes is as good as none (the build then does
    the whole work)."""
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            TypeError, ValueError):
        return None
    return found if isinstance(found, cls) else None


def _iri(value: str) -> URIRef:
    return str.__new__(URIRef, value)


def _reduce_iri(iri: URIRef) -> tuple[Any, tuple[str]]:
    return _iri, (str(iri),)


_PLAIN_VALUES = (int, float, Decimal, datetime.date, datetime.time, bytes, type(None))


def _literal(lexical: str, language: str | None, datatype: URIRef | None, value: Any,
             ill_typed: bool | None) -> Literal:
    made = str.__new__(Literal, lexical)
    made._language, made._datatype = language, datatype
    made._value, made._ill_typed = value, ill_typed
    return made


def _text(lexical: str, language: str | None, datatype: URIRef | None,
          ill_typed: bool | None) -> Literal:
    """A literal whose value is its lexical form (not pickled twice)."""
    return _literal(lexical, language, datatype, lexical, ill_typed)


def _reduce_literal(literal: Literal) -> tuple[Any, tuple[Any, ...]]:
    value = literal._value
    lexical = str(literal)
    if type(value) is str and value == lexical:
        return _text, (lexical, literal._language, literal._datatype, literal._ill_typed)
    if isinstance(value, _PLAIN_VALUES) and (
            not isinstance(value, (datetime.datetime, datetime.time)) or
            value.tzinfo is None or type(value.tzinfo) is datetime.timezone):
        return _literal, (lexical, literal._language, literal._datatype, value,
                          literal._ill_typed)
    return literal.__reduce__()


copyreg.pickle(URIRef, _reduce_iri)
copyreg.pickle(Literal, _reduce_literal)
