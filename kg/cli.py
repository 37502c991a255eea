"""The `kg` command: a thin layer over the pipeline's modules.

Exit codes: 0 success, 1 invalid data (a document failed to read, extract or validate, or a
check failed: `kg build` then publishes the other documents, or with --strict nothing),
2 usage or system error.
"""

from __future__ import annotations

import signal
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


class _Termination:
    """TERM unwinds a build like Ctrl-C: the partial build is removed, the workers stopped,
    the lock freed. The exit raised in the handler is lost when the signal arrives while
    Python runs a finalizer (it is printed as 'Exception ignored' and the build goes on), so
    the signal is also remembered and the next progress message, or the build's end, exits."""

    def __init__(self, progress) -> None:
        self.signum: int | None = None
        self._progress = progress

    def handle(self, signum: int, frame) -> None:
        self.signum = signum
        sys.exit(128 + signum)

    def check(self) -> None:
        if self.signum is not None:
            sys.exit(128 + self.signum)

    def progress(self, message: str) -> None:
        self.check()
        self._progress(message)


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
@click.option("--strict", is_flag=True,
              help="Publish nothing unless every document passes (for curated corpora and CI).")
@click.option("--from-scratch", is_flag=True,
              help="Read and extract every document again, ignoring what earlier builds "
                   "remember (STORE/cache).")
def build(paths: tuple[Path, ...], store_root: Path, jobs: int | None, quiet: bool,
          strict: bool, from_scratch: bool) -> None:
    """Build the graph from documents and publish it in the store.

    PATHS are files or folders (searched recursively for .txt, .md and .pdf); without them the
    bundled documents are used. A `sources.csv` beside documents gives their metadata. The new
    store is written aside and replaces the served one when what it holds is valid. A document
    that cannot be read, whose facts fail validation, or that a check cites is set aside: named
    with file and line, listed in the build's build.json, its facts left out; the rest is
    published and the exit code is 1. With --strict a set-aside document fails the build: the
    exit code is 1 and the previous store is untouched. What reading and extraction made of
    each document is remembered in the store (keyed by the document's content, the code,
    the registers and the ontology) and reused for unchanged documents: the result is the
    same as a build --from-scratch. When nothing at all changed, the current build stays.
    """
    from kg.build import build as run_build

    termination = _Termination(_progress(quiet))
    previous = signal.signal(signal.SIGTERM, termination.handle)
    try:
        result = run_build(paths or (DOCUMENTS_DIR,), store_root, jobs, termination.progress,
                           strict=strict, from_scratch=from_scratch)
        termination.check()
    except (StoreError, OSError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(ERROR)
    finally:
        signal.signal(signal.SIGTERM, previous)
    _report_problems(result.prepared, every_set_aside=result.unchanged)
    for failure in result.check_failures:
        click.echo(f"check failed: {failure}", err=True)
    if not result.ok:
        click.echo("build failed: the store was not changed", err=True)
        sys.exit(INVALID)
    _summary(result)
    set_aside = sorted({entry.file for entry in result.prepared.set_aside})
    if set_aside:
        click.echo(f"{len(set_aside)} files set aside, their facts left out (listed in "
                   f"{result.build}/build.json): {', '.join(set_aside)}", err=True)
        sys.exit(INVALID)


def _report_problems(prepared, every_set_aside: bool = False, every_error: bool = False) -> None:
    """Each problem once: read failures and validation errors as found, check rows by the
    documents they set aside (all set-aside documents, for a build that had nothing to do).
    A build folds the errors that follow from a document's own into a note; `every_error`
    (kg validate, where one looks for them) tells them all."""
    for failure in prepared.failures:
        click.echo(failure, err=True)
    _report_validation(prepared.rejected, every_error)
    for entry in prepared.set_aside:
        if entry.stage == "check" or every_set_aside:
            click.echo(f"{entry}", err=True)
    _report_validation(prepared.report.problems, every_error)


def _report_validation(problems, every_error: bool) -> None:
    from kg.validate import root_causes

    told, echoes = (list(problems), []) if every_error else root_causes(problems)
    for problem in told:
        click.echo(str(problem), err=True)
    for document in sorted({p.document for p in echoes}):
        theirs = [p for p in echoes if p.document == document]
        click.echo(f"{theirs[0].file}: note: {len(theirs)} more error(s) of this document "
                   f"follow from the one above (`kg validate {theirs[0].file}` shows them)",
                   err=True)


def _summary(result) -> None:
    counts = result.counts
    if result.unchanged:
        click.echo(f"nothing changed: {result.build} (built from the same "
                   f"{len(result.prepared.built_files())} files) stays the current build:")
    else:
        click.echo(f"built {result.build} from {len(result.prepared.built_files())} files:")
    for name in ("documents", "agreements", "events", "officials", "posts", "partner regions",
                 "countries", "organisations", "ministries", "Länder", "passages"):
        click.echo(f"  {counts.get(name, 0):6d} {name}")
    click.echo(f"  {counts.get('quads', 0):6d} quads ({counts.get('inferred', 0)} inferred)")
    unlinked = result.prepared.unlinked_entities()
    if unlinked is not None:
        click.echo(f"  {len(unlinked):6d} entities not in any register (see build.json)")
    timings = ", ".join(f"{k} {v:.1f}s" for k, v in result.prepared.timings.items())
    if timings:
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
    from kg.build import prepare, whole

    prepared = prepare(paths or (DOCUMENTS_DIR,), jobs, _progress(quiet))
    _report_problems(prepared, every_error=True)
    events = sum(len(x.events) for x in whole(prepared.extractions))
    agreements = sum(len(x.agreements) for x in whole(prepared.extractions))
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
@click.option("--format", "fmt", type=click.Choice(["ttl", "trig", "nt", "nq", "jsonld"]),
              default="ttl", show_default=True,
              help="ttl, nt, jsonld: all graphs merged; trig, nq: named graphs kept.")
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


@main.command()
@click.option("--to", "target_url", required=True, metavar="URL",
              help="The store's Graph Store Protocol endpoint (with --protocol update: its "
                   "SPARQL Update endpoint), e.g. http://127.0.0.1:7878/store.")
@click.option("--query-url", metavar="URL",
              help="Its SPARQL query endpoint, for the checks [default: the one beside --to, "
                   "for Oxigraph, Fuseki, Virtuoso, GraphDB, RDF4J].")
@click.option("--update-url", metavar="URL",
              help="Its SPARQL Update endpoint, for the MOVE that puts each new graph in place "
                   "[default: the one beside --to].")
@click.option("--protocol", type=click.Choice(["gsp", "update"]), default="gsp",
              show_default=True,
              help="gsp: PUT each graph (Graph Store Protocol); update: SPARQL Update DROP + "
                   "INSERT DATA, for stores without it.")
@click.option("--all", "send_all", is_flag=True,
              help="Send every graph, not only those the target lacks or holds an older "
                   "version of.")
@click.option("--verify", is_flag=True,
              help="Also ask the target the competency questions and compare its answers "
                   "with the build's.")
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=1), default=120,
              show_default=True, help="Seconds to wait for one answer of the target.")
@click.option("--retries", type=click.IntRange(min=0), default=4, show_default=True,
              help="Retries (1, 2, 4, … s apart) after a 5xx answer, a timeout or a dropped "
                   "connection.")
@store_option
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def publish(target_url: str, query_url: str | None, update_url: str | None, protocol: str,
            send_all: bool,
            verify: bool, timeout_s: float, retries: int, store_root: Path,
            quiet: bool) -> None:
    """Publish the current build to a triple store you run (SPARQL 1.1 Graph Store Protocol).

    Each document is one named graph, beside the shared graphs (entities, registers,
    ontology, alignment, inferred); each is sent to a staging graph and then moved over the
    old one with SPARQL Update, so no graph is ever half-written. Only graphs the target does not
    already hold in this version are sent (the record is publish-state.json in the store
    folder); graphs of documents no longer in the build are deleted. Afterwards the triple
    count of every graph on the target is compared with the build's.

    Credentials are read from $KG_PUBLISH_USER and $KG_PUBLISH_PASSWORD, else from the netrc
    file ($NETRC or ~/.netrc) entry of the target's host, and sent (basic or digest) when the
    target asks for them. Exit code 1 when the target's counts or answers differ from the
    build's, 2 when it cannot be reached or refuses the credentials.
    """
    from kg.publish import Client, PublishError, Retry, StateError, Target, endpoints_beside
    from kg.publish import publish as run_publish
    from kg.publish.run import plural

    for url in (target_url, query_url, update_url):
        if url is not None:
            _check_url(url)
    beside = endpoints_beside(target_url)
    query_url = query_url or (beside[0] if beside else None)
    update_url = update_url or (target_url if protocol == "update" else
                                beside[1] if beside else None)
    if query_url is None or update_url is None:
        raise click.UsageError(f"cannot tell the SPARQL query and update endpoints of "
                               f"{target_url}; give them with --query-url and --update-url")
    client = Client(timeout_s, Retry(attempts=retries))
    target = Target(client, target_url, query_url, update_url, protocol)
    try:
        outcome = run_publish(store_root, target, send_all, verify, _progress(quiet))
    except (StoreError, StateError, PublishError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(ERROR)
    finally:
        client.close()
    for problem in outcome.count_problems + outcome.answer_problems:
        click.echo(f"check failed: {problem}", err=True)
    checked = f", {outcome.questions_checked} competency questions" if verify else ""
    verdict = "differs from the build" if not outcome.ok else "matches the build (triple " \
        f"counts{checked})"
    sent = plural(len(outcome.sent), "graph")
    click.echo(f"published {outcome.build} to {target_url}: {sent} sent, "
               f"{outcome.unchanged} unchanged, {len(outcome.deleted)} deleted; the target "
               f"{verdict}")
    sys.exit(OK if outcome.ok else INVALID)


def _check_url(url: str) -> None:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.username or parts.password:
        raise click.BadParameter("credentials do not belong in the address (they would show "
                                 "in process lists and logs): set $KG_PUBLISH_USER and "
                                 "$KG_PUBLISH_PASSWORD or use a netrc file")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise click.BadParameter(f"{url}: not an http:// or https:// address")


# The commands that talk to Wikidata (kg/wikidata/cli.py).
from kg.wikidata.cli import link, wikidata_diff  # noqa: E402

main.add_command(link)
main.add_command(wikidata_diff)


if __name__ == "__main__":
    main()
