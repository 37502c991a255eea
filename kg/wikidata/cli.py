"""`kg link` and `kg wikidata-diff`: the only commands that talk to Wikidata.

Both are all-or-nothing: when Wikidata cannot be reached they say so in one line on standard
error, write nothing, and exit with 2 (system error), as every `kg` command does.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from kg.alignment import ALIGNMENT_FILE, read_alignment
from kg.paths import DEFAULT_STORE
from kg.store import StoreError, open_read_only
from kg.wikidata import graph
from kg.wikidata.config import API_ENV, SPARQL_ENV, WIKIDATA_API, WIKIDATA_SPARQL

# the HTTP client and what uses it are imported by the commands that talk to Wikidata, not
# by every `kg` command (kg/cli.py registers these): requests alone is a fifth of `kg build`'s
# start

INVALID, ERROR = 1, 2
T = TypeVar("T")

store_option = click.option(
    "--store", "store_root", type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_STORE, show_default=True, envvar="KG_STORE",
    help="Folder of the on-disk store (its current build is read).")
sparql_option = click.option(
    "--endpoint", "sparql", default=WIKIDATA_SPARQL, show_default=True, envvar=SPARQL_ENV,
    help=f"Wikidata's SPARQL endpoint [env: {SPARQL_ENV}].")


def _fail(command: str, message: str, code: int = ERROR) -> NoReturn:
    click.echo(f"kg {command}: {message}", err=True)
    sys.exit(code)


def _talking_to_wikidata(command: str, unchanged: str, work: Callable[[], T]) -> T:
    """Run `work`; any failure to get an answer ends the command in one line, exit code 2."""
    from kg.wikidata import client

    try:
        return work()
    except client.WikidataUnreachable as error:
        _fail(command, f"Wikidata is not reachable ({error}); {unchanged}")
    except client.WikidataError as error:
        _fail(command, f"Wikidata gave no usable answer ({error}); {unchanged}")


@click.command()
@store_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("wikidata-review.csv"), show_default=True,
              help="The review file to write.")
@sparql_option
@click.option("--api", default=WIKIDATA_API, show_default=True, envvar=API_ENV,
              help=f"Wikidata's action API (wbsearchentities) [env: {API_ENV}].")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Look up at most N entities (in IRI order) [default: all].")
@click.option("--alignment", "alignment_file", type=click.Path(dir_okay=False, path_type=Path),
              default=ALIGNMENT_FILE, show_default=True,
              help="The curated alignment: entities listed there are not looked up.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def link(store_root: Path, output: Path, sparql: str, api: str, limit: int | None,
         alignment_file: Path, quiet: bool) -> None:
    """Propose Wikidata items for the graph's entities that have none, for review.

    Searches Wikidata (wbsearchentities, German then English) by each entity's German label,
    checks every candidate's type, country and ISO 3166-2 code over SPARQL, and writes the
    candidates with a score and the evidence to a review file. Nothing reaches the graph: copy
    the first five columns of the rows you accept into mappings/wikidata-alignment.csv and
    rebuild.
    """
    from kg.wikidata import client
    from kg.wikidata.link import candidate_rows
    from kg.wikidata.review import write_review

    try:
        entities = graph.unlinked_entities(open_read_only(store_root),
                                           read_alignment(alignment_file))[:limit]
    except StoreError as error:
        _fail("link", str(error))
    say = (lambda _: None) if quiet else (lambda m: click.echo(m, err=True))
    day = dt.date.today().isoformat()
    rows = _talking_to_wikidata("link", "nothing was changed", lambda: candidate_rows(
        entities, client.session(), api, sparql, day, say))
    write_review(output, rows)
    click.echo(f"{len(entities)} entities looked up, {len(rows)} candidates "
               f"written to {output}; copy accepted rows into {ALIGNMENT_FILE.name}")


@click.command("wikidata-diff")
@store_option
@click.option("--p190", "p190_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="P190 statements Wikidata has, from a file (.json SPARQL results or .csv "
                   "item,twin,start) instead of the SPARQL endpoint.")
@sparql_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write the QuickStatements to [default: standard output].")
def wikidata_diff(store_root: Path, p190_file: Path | None, sparql: str,
                  output: Path | None) -> None:
    """Write QuickStatements (V1) adding the partnerships Wikidata lacks as P190.

    Compares each Land's partnerships with regions (first agreement date: the earliest
    signing) with the P190 (twinned administrative body) statements of the linked items, and
    writes each missing direction with a start time (P580) and a reference: the source
    document (S854) and the build date (S813). What cannot be written is listed in comments.
    """
    from kg.wikidata import client
    from kg.wikidata.diff import diff, linked_items
    from kg.wikidata.quickstatements import batch
    from kg.wikidata.twins import TwinsFileError, fetch_twins, read_twins

    try:
        partnerships = graph.partnerships(open_read_only(store_root))
        retrieved = graph.build_date(store_root)
        present = read_twins(p190_file) if p190_file else _talking_to_wikidata(
            "wikidata-diff", "nothing was written",
            lambda: fetch_twins(client.session(), sparql, linked_items(partnerships)))
    except StoreError as error:
        _fail("wikidata-diff", str(error))
    except TwinsFileError as error:
        _fail("wikidata-diff", str(error), INVALID)
    result = diff(partnerships, present)
    text = batch(result, retrieved)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {len(result.statements)} statements to {output}", err=True)
