"""The `kg` command: a thin layer over the pipeline's modules.

Exit codes: 0 success, 1 invalid data (a document failed to read, extract or validate, or a
check failed; the served graph is unchanged), 2 usage or system error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import __version__
from kg.paths import DEFAULT_STORE, DOCUMENTS_DIR
from kg.store import StoreError

OK, INVALID, ERROR = 0, 1, 2

store_option = click.option(
    "--store", "store_root", type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_STORE, show_default=True, envvar="KG_STORE",
    help="Folder of the on-disk store (builds, and the link to the current one).")
jobs_option = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                           help="Worker processes for per-document work [default: all cores].")
paths_argument = click.argument("paths", nargs=-1,
                                type=click.Path(exists=True, path_type=Path))


def _progress(quiet: bool):
    return (lambda _: None) if quiet else (lambda message: click.echo(message, err=True))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Partnerschaftsgraph: the international partnerships of the German Länder, built from
    their official documents and served over SPARQL.

    \b
    Typical use:
      kg build              build the graph from the bundled documents
      kg serve              serve it at http://127.0.0.1:7878/ (SPARQL at /query)
      kg export -o graph.ttl
    """


@main.command()
@paths_argument
@store_option
@jobs_option
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def build(paths: tuple[Path, ...], store_root: Path, jobs: int | None, quiet: bool) -> None:
    """Build the graph from documents and publish it in the store.

    PATHS are files or folders (searched recursively for .txt, .md and .pdf); without them the
    bundled documents are used. A `sources.csv` beside documents gives their metadata. The new
    store is written aside and replaces the served one only if every document was read,
    extracted and validated without error; otherwise the failures are listed with file and
    line, the exit code is 1, and the previous store is untouched.
    """
    from kg.build import build as run_build

    try:
        result = run_build(paths or (DOCUMENTS_DIR,), store_root, jobs, _progress(quiet))
    except (StoreError, OSError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(ERROR)
    _report_problems(result.prepared)
    for failure in result.check_failures:
        click.echo(f"check failed: {failure}", err=True)
    if not result.ok:
        click.echo("build failed: the store was not changed", err=True)
        sys.exit(INVALID)
    _summary(result)


def _report_problems(prepared) -> None:
    for failure in prepared.failures:
        click.echo(failure, err=True)
    for problem in prepared.report.problems:
        click.echo(str(problem), err=True)


def _summary(result) -> None:
    counts = result.counts
    click.echo(f"built {result.build} from {len(result.prepared.files)} files:")
    for name in ("documents", "agreements", "events", "officials", "posts", "partner regions",
                 "countries", "organisations", "ministries", "Länder", "passages"):
        click.echo(f"  {counts.get(name, 0):6d} {name}")
    click.echo(f"  {counts.get('quads', 0):6d} quads ({counts.get('inferred', 0)} inferred)")
    unlinked = result.prepared.resolution.unlinked() if result.prepared.resolution else []
    click.echo(f"  {len(unlinked):6d} entities not in any register (see build.json)")
    timings = ", ".join(f"{k} {v:.1f}s" for k, v in result.prepared.timings.items())
    click.echo(f"  time: {timings}")


@main.command()
@paths_argument
@jobs_option
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def validate(paths: tuple[Path, ...], jobs: int | None, quiet: bool) -> None:
    """Read, extract and validate documents without building a store.

    Prints every problem as FILE:LINE: severity: message (a file that cannot be read at all:
    FILE: reason). Exit code 0 when all documents are valid (warnings allowed), 1 otherwise.
    """
    from kg.build import prepare

    prepared = prepare(paths or (DOCUMENTS_DIR,), jobs, _progress(quiet))
    _report_problems(prepared)
    events = sum(len(x.events) for x in prepared.extractions)
    agreements = sum(len(x.agreements) for x in prepared.extractions)
    click.echo(f"{len(prepared.files)} files: {len(prepared.failures)} failed to read or "
               f"extract, {len(prepared.report.errors)} validation errors, "
               f"{len(prepared.report.warnings)} warnings ({agreements} agreements, "
               f"{events} events stated)")
    sys.exit(OK if prepared.ok else INVALID)


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@click.option("--timeout", "timeout_s", default=60, show_default=True,
              type=click.IntRange(min=0),
              help="Query time limit in seconds; a query that exceeds it is stopped and answered "
                   "with HTTP 504. 0: no limit.")
@click.option("--federation", "federation", multiple=True, metavar="URL",
              envvar="KG_FEDERATION",
              help="A SPARQL endpoint queries may call with SERVICE; repeatable [default: "
                   "Wikidata's query service; env: KG_FEDERATION, separated by spaces]. Any "
                   "other SERVICE is refused with HTTP 400.")
@click.option("--no-federation", is_flag=True, help="Refuse every SERVICE.")
def serve(store_root: Path, host: str, port: int, timeout_s: int, federation: tuple[str, ...],
          no_federation: bool) -> None:
    """Serve the current build read-only over SPARQL.

    The SPARQL endpoint is /query (GET or POST; the union of all graphs is the default graph,
    also at /store?default), CORS is allowed there, updates and graph store writes are refused
    (403). Queries run on an oxigraph server behind a front that checks them first. A build
    published while serving is taken over without a failed request; a failed build leaves the
    served graph as it was.
    """
    from kg.serve import DEFAULT_FEDERATION
    from kg.serve import serve as run_serve

    endpoints = () if no_federation else (federation or DEFAULT_FEDERATION)
    try:
        code = run_serve(store_root, host, port, timeout_s, endpoints,
                         say=lambda m: click.echo(m, err=True))
    except StoreError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(ERROR)
    sys.exit(code)


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["ttl", "trig", "nt", "nq"]), default="ttl",
              show_default=True, help="ttl: all graphs merged; trig: named graphs kept.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write [default: standard output].")
@click.option("--asserted", is_flag=True, help="Leave out the inferred graph.")
def export(store_root: Path, fmt: str, output: Path | None, asserted: bool) -> None:
    """Write a dump of the current build, sorted, byte-identical for identical inputs."""
    from kg.export import export as run_export
    from kg.store import open_read_only

    try:
        store = open_read_only(store_root)
        count = run_export(store, output or sys.stdout.buffer, fmt, asserted)
    except StoreError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(ERROR)
    except BrokenPipeError:  # `kg export | head`: the reader has what it wanted
        sys.stderr.close()
        sys.exit(OK)
    except OSError as error:
        target = output if output is not None else "standard output"
        click.echo(f"error: cannot write {target}: {error.strerror or error}", err=True)
        sys.exit(ERROR)
    if output is not None:
        click.echo(f"wrote {count} statements to {output}", err=True)


@main.command()
@click.argument("query")
@store_option
@click.option("--format", "fmt", type=click.Choice(["tsv", "csv", "json"]), default="tsv",
              show_default=True,
              help="Results format of SELECT and ASK; CONSTRUCT and DESCRIBE write N-Triples.")
def query(query: str, store_root: Path, fmt: str) -> None:
    """Run a SPARQL query (text, or a .rq file) over the current build, without a server.

    The default graph is the union of all graphs, as at the server's /query.
    """
    import pyoxigraph as ox

    from kg.store import open_read_only

    try:
        text = Path(query).read_text(encoding="utf-8") if query.endswith(".rq") else query
    except OSError as error:
        click.echo(f"error: cannot read the query file {query}: {error.strerror}", err=True)
        sys.exit(ERROR)
    formats = {"tsv": ox.QueryResultsFormat.TSV, "csv": ox.QueryResultsFormat.CSV,
               "json": ox.QueryResultsFormat.JSON}
    try:
        results = open_read_only(store_root).query(text, use_default_graph_as_union=True)
        if isinstance(results, ox.QueryTriples):  # CONSTRUCT, DESCRIBE: a graph, not a table
            data = results.serialize(format=ox.RdfFormat.N_TRIPLES)
        else:
            data = results.serialize(format=formats[fmt])
        assert data is not None, "serialize returns the bytes when given no output"
        sys.stdout.buffer.write(data)
    except (StoreError, OSError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(ERROR)
    except SyntaxError as error:
        click.echo(f"error: invalid query: {error}", err=True)
        sys.exit(ERROR)


# The commands that talk to Wikidata (kg/wikidata/cli.py).
from kg.wikidata.cli import link, wikidata_diff  # noqa: E402

main.add_command(link)
main.add_command(wikidata_diff)


if __name__ == "__main__":
    main()
