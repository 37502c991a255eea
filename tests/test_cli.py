"""The `kg` command as its help and kg/cli.py's docstring describe it: help for every command,
the version, exit codes (0 success, 1 invalid data, 2 usage or system error), progress on
standard error, and outputs that agree with the graph they come from.

Most tests run the command in-process with click's CliRunner over one small store built once
per module from two bundled documents; the few where a real process matters (the entry point,
signals, a server) run `python -m kg.cli`.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from rdflib import RDF, Dataset, Graph

from kg import __version__
from kg import namespaces as ns
from kg.cli import main
from kg.paths import DOCUMENTS_DIR, QUERIES_DIR, SOURCES_FILE
from kg.store import current_build, locked
from tests.conftest import free_port, start_server, stop_server, wait_for_endpoint

# The exit codes kg/cli.py's docstring documents.
OK, INVALID, ERROR = 0, 1, 2

# Two short bundled documents with agreements: a press release and an answer.
SMALL_DOCUMENTS = ("bw-pressemitteilung-2024-07-17.txt", "nw-kleine-anfrage-17-4514.pdf.txt")
BROKEN_NAME = "kaputt.md"
BROKEN_TEXT = ("# Antwort der Landesregierung\n\nAm 31.02.2021 traf der Ministerpräsident den "
               "Gouverneur der Präfektur Kanagawa zu einem Gespräch.\n")
BROKEN_LINE = 3

COMMANDS = sorted(main.commands)
RDFLIB_FORMATS = {"ttl": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads",
                  "jsonld": "json-ld"}
QUAD_FORMATS = {"trig", "nq"}

COUNT_AGREEMENTS = f"""PREFIX pg: <{ns.PG}>
SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a a pg:Agreement }}"""
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
COUNT_TRIPLES = ("SELECT (COUNT(*) AS ?n) WHERE "
                 "{ SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }")
COUNT_INFERRED = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ns.INFERRED_GRAPH}> {{ ?s ?p ?o }} }}"
CQ_01 = QUERIES_DIR / "cq-01-agreements.rq"


def choices(command: str, option: str) -> list[str]:
    """The values a command's choice option accepts, so a new one is tested too."""
    [param] = [p for p in main.commands[command].params if p.name == option]
    assert isinstance(param.type, click.Choice)
    return [str(c) for c in param.type.choices]


def run_kg(*args: object, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env=env, prog_name="kg")


def _explain(result: Result) -> str:
    return f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}\n" \
           f"exception: {result.exception!r}"


def _exited_cleanly(result: Result) -> bool:
    """No traceback: the command ended by returning or by sys.exit."""
    return result.exception is None or isinstance(result.exception, SystemExit)


def small_documents(folder: Path, names: tuple[str, ...] = SMALL_DOCUMENTS) -> Path:
    """A folder with some of the bundled documents and their sources.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(DOCUMENTS_DIR / name, folder / name)
    shutil.copy(SOURCES_FILE, folder / SOURCES_FILE.name)
    return folder


def bindings(result: Result) -> list[dict[str, str]]:
    assert result.exit_code == OK, _explain(result)
    rows = json.loads(result.stdout)["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in rows]


def count(root: Path, query: str) -> int:
    return int(bindings(run_kg("query", query, "--store", root, "--format", "json"))[0]["n"])


def summary_count(stdout: str, name: str) -> int:
    found = re.search(rf"^\s*(\d+) {re.escape(name)}\b", stdout, re.MULTILINE)
    assert found, f"no count of {name} in:\n{stdout}"
    return int(found.group(1))


@dataclass
class Built:
    root: Path
    documents: Path
    stdout: str
    stderr: str


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    """`kg build` of the small documents, run once for the module."""
    documents = small_documents(tmp_path_factory.mktemp("documents"))
    root = tmp_path_factory.mktemp("store")
    result = run_kg("build", documents, "--store", root, "--jobs", 1)
    assert result.exit_code == OK, _explain(result)
    return Built(root, documents, result.stdout, result.stderr)


@pytest.fixture(scope="module")
def turtle_dump(built: Built) -> Graph:
    result = run_kg("export", "--store", built.root, "--format", "ttl")
    assert result.exit_code == OK, _explain(result)
    return Graph().parse(data=result.stdout_bytes, format="turtle")


# ------------------------------------------------------------------------- help and version


def test_group_help_lists_every_command_and_the_version_option():
    result = run_kg("--help")
    assert result.exit_code == OK, _explain(result)
    assert result.stdout.startswith("Usage: kg ")
    for name in COMMANDS:
        assert re.search(rf"^\s+{re.escape(name)}\s", result.stdout, re.MULTILINE), name
    assert "--version" in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_command_has_help_naming_its_options(name: str, flag: str):
    command = main.commands[name]
    result = run_kg(name, flag)
    assert result.exit_code == OK, _explain(result)
    assert result.stdout.startswith(f"Usage: kg {name} ")
    assert command.help, f"kg {name} has no description"
    first_paragraph = command.help.split("\n\n")[0]
    assert " ".join(first_paragraph.split()) in " ".join(result.stdout.split())
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert max(param.opts, key=len) in result.stdout, (name, param.name)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_says_what_it_does(name: str):
    options = [p for p in main.commands[name].params if isinstance(p, click.Option)]
    assert [p.name for p in options if not p.hidden and not p.help] == []


def test_version_is_the_package_version():
    result = run_kg("--version")
    assert result.exit_code == OK, _explain(result)
    assert result.stdout == f"kg, version {__version__}\n"
    assert importlib.metadata.version("partnerschaftsgraph") == __version__


def test_the_installed_entry_point_and_the_module_run_the_same_command():
    entry_point = Path(sys.executable).parent / "kg"
    if not entry_point.is_file():
        pytest.skip("the `kg` entry point is not installed beside this Python")
    for command in ([str(entry_point)], [sys.executable, "-m", "kg.cli"]):
        version = subprocess.run([*command, "--version"], capture_output=True, text=True,
                                 timeout=60)
        assert version.returncode == OK, version.stderr
        assert __version__ in version.stdout
        usage = subprocess.run([*command, "no-such-command"], capture_output=True, text=True,
                               timeout=60)
        assert usage.returncode == ERROR
        assert "No such command" in usage.stderr


# ------------------------------------------------------------------------- usage errors


@pytest.mark.parametrize("name", COMMANDS)
def test_an_unknown_option_is_a_usage_error(name: str):
    result = run_kg(name, "--no-such-option")
    assert result.exit_code == ERROR, _explain(result)
    assert "No such option" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("args", [["build", "--jobs", "0"], ["validate", "--jobs", "0"],
                                  ["serve", "--port", "0"], ["export", "--format", "xml"],
                                  ["query", "ASK {}", "--format", "xml"], ["build", "/no/such"],
                                  ["query"]])
def test_an_invalid_argument_is_a_usage_error(args: list[str]):
    result = run_kg(*args)
    assert result.exit_code == ERROR, _explain(result)
    assert "Error:" in result.stderr


def _reading_commands(output: Path) -> dict[str, list[object]]:
    return {"export": ["export"], "query": ["query", "ASK {}"],
            "serve": ["serve", "--port", free_port()], "link": ["link", "--output", output],
            "wikidata-diff": ["wikidata-diff"]}


@pytest.mark.parametrize("name", sorted(_reading_commands(Path())))
@pytest.mark.parametrize("folder", ["empty", "missing"])
def test_a_store_without_a_build_is_a_clear_error(tmp_path: Path, name: str, folder: str):
    root = tmp_path / folder
    if folder == "empty":
        root.mkdir()
    output = tmp_path / "review.csv"
    result = run_kg(*_reading_commands(output)[name], "--store", root)
    assert result.exit_code == ERROR, _explain(result)
    assert _exited_cleanly(result), _explain(result)
    assert str(root) in result.stderr
    assert "run `kg build` first" in result.stderr
    assert result.stdout == ""
    assert not output.exists()
    assert root.exists() == (folder == "empty")


# ------------------------------------------------------------------------- kg build


def test_build_publishes_the_store_it_reports(built: Built):
    first_line = built.stdout.splitlines()[0]
    assert first_line == f"built {current_build(built.root)} from {len(SMALL_DOCUMENTS)} files:"
    assert (current_build(built.root) / "build.json").is_file()


def test_build_summary_counts_are_those_of_the_graph(built: Built):
    agreements = count(built.root, COUNT_AGREEMENTS)
    assert agreements > 0
    assert summary_count(built.stdout, "agreements") == agreements
    assert summary_count(built.stdout, "quads") == count(built.root, COUNT_QUADS)
    inferred = re.search(r"quads \((\d+) inferred\)", built.stdout)
    assert inferred and int(inferred.group(1)) == count(built.root, COUNT_INFERRED)


def test_build_progress_goes_to_standard_error(built: Built):
    assert f"reading and extracting {len(SMALL_DOCUMENTS)} documents" in built.stderr
    assert "publishing the new store" in built.stderr
    assert "reading and extracting" not in built.stdout
    assert "built " not in built.stderr


def test_quiet_build_prints_no_progress_but_the_summary(tmp_path: Path):
    documents = small_documents(tmp_path / "documents", SMALL_DOCUMENTS[:1])
    result = run_kg("build", documents, "--store", tmp_path / "store", "-j", 1, "--quiet")
    assert result.exit_code == OK, _explain(result)
    assert result.stderr == ""
    assert result.stdout.startswith("built ")
    assert current_build(tmp_path / "store") is not None


def test_a_broken_document_fails_a_strict_build_and_leaves_the_store(built: Built,
                                                                      tmp_path: Path):
    documents = small_documents(tmp_path / "documents", SMALL_DOCUMENTS[:1])
    (documents / BROKEN_NAME).write_text(BROKEN_TEXT, encoding="utf-8")
    before = current_build(built.root)
    builds_before = sorted((built.root / "builds").iterdir())
    result = run_kg("build", documents, "--store", built.root, "--jobs", 1, "--strict")
    assert result.exit_code == INVALID, _explain(result)
    assert re.search(rf"{re.escape(BROKEN_NAME)}:{BROKEN_LINE}: .*31\.02\.2021",
                     result.stderr), result.stderr
    assert "the store was not changed" in result.stderr
    assert result.stdout == ""
    assert current_build(built.root) == before
    assert sorted((built.root / "builds").iterdir()) == builds_before


def test_a_build_without_documents_is_refused(built: Built, tmp_path: Path):
    root = tmp_path / "store"
    shutil.copytree(built.root, root, symlinks=True)
    before = current_build(root)
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    result = run_kg("build", nothing, "--store", root, "--jobs", 1, "--quiet")
    assert result.exit_code in {INVALID, ERROR}, _explain(result)
    assert current_build(root) == before


def test_a_store_locked_by_another_build_is_a_system_error(built: Built):
    with locked(built.root):
        result = run_kg("build", built.documents, "--store", built.root, "--jobs", 1)
    assert result.exit_code == ERROR, _explain(result)
    assert "another build is writing this store" in result.stderr
    assert _exited_cleanly(result)


def test_a_store_that_cannot_be_created_is_a_system_error(built: Built, tmp_path: Path):
    a_file = tmp_path / "file"
    a_file.write_text("not a folder")
    result = run_kg("build", built.documents, "--store", a_file / "store", "--jobs", 1)
    assert result.exit_code == ERROR, _explain(result)
    assert result.stderr.startswith("error: ")
    assert _exited_cleanly(result)


# ------------------------------------------------------------------------- kg validate


def test_validate_valid_documents(built: Built):
    result = run_kg("validate", built.documents, "--jobs", 1)
    assert result.exit_code == OK, _explain(result)
    assert result.stdout.startswith(f"{len(SMALL_DOCUMENTS)} files: 0 failed to read or "
                                    "extract, 0 validation errors")
    assert "reading and extracting" in result.stderr


def test_validate_quiet_prints_only_the_summary(built: Built):
    result = run_kg("validate", built.documents, "--jobs", 1, "-q")
    assert result.exit_code == OK, _explain(result)
    assert result.stderr == ""
    assert result.stdout.count("\n") == 1


def test_validate_names_file_and_line_of_an_impossible_date(tmp_path: Path):
    (tmp_path / BROKEN_NAME).write_text(BROKEN_TEXT, encoding="utf-8")
    result = run_kg("validate", tmp_path, "--jobs", 1, "--quiet")
    assert result.exit_code == INVALID, _explain(result)
    assert re.search(rf"^\S*{re.escape(BROKEN_NAME)}:{BROKEN_LINE}: .*31\.02\.2021",
                     result.stderr, re.MULTILINE), result.stderr
    assert result.stdout.startswith("1 files: 1 failed to read or extract")


def test_validate_names_a_file_that_cannot_be_read(tmp_path: Path):
    empty = tmp_path / "leer.txt"
    empty.write_text("")
    result = run_kg("validate", empty, "--jobs", 1, "--quiet")
    assert result.exit_code == INVALID, _explain(result)
    assert result.stderr.startswith(f"{empty}: ")
    assert "empty" in result.stderr


def test_every_failure_names_the_file_by_its_path(tmp_path: Path):
    broken = tmp_path / "a" / BROKEN_NAME
    broken.parent.mkdir()
    broken.write_text(BROKEN_TEXT, encoding="utf-8")
    result = run_kg("validate", tmp_path, "--jobs", 1, "--quiet")
    assert result.exit_code == INVALID, _explain(result)
    assert result.stderr.startswith(f"{broken}:{BROKEN_LINE}: ")


def test_invalid_data_exits_with_1_in_a_real_process(tmp_path: Path):
    (tmp_path / BROKEN_NAME).write_text(BROKEN_TEXT, encoding="utf-8")
    process = subprocess.run([sys.executable, "-m", "kg.cli", "validate", str(tmp_path),
                              "--jobs", "1", "--quiet"],
                             capture_output=True, text=True, timeout=120)
    assert process.returncode == INVALID, process.stderr
    assert f"{BROKEN_NAME}:{BROKEN_LINE}:" in process.stderr


# ------------------------------------------------------------------------- kg query


def test_query_counts_what_the_dump_holds(built: Built, turtle_dump: Graph):
    in_dump = set(turtle_dump.subjects(RDF.type, ns.PG.Agreement))
    assert in_dump
    assert count(built.root, COUNT_AGREEMENTS) == len(in_dump)


def test_query_default_output_is_tsv_with_a_header(built: Built):
    result = run_kg("query", COUNT_AGREEMENTS, "--store", built.root)
    assert result.exit_code == OK, _explain(result)
    assert result.stdout.splitlines() == ["?n", str(count(built.root, COUNT_AGREEMENTS))]


def test_a_competency_question_file_runs_by_relative_path(built: Built, turtle_dump: Graph,
                                                          monkeypatch):
    monkeypatch.chdir(QUERIES_DIR.parent)
    relative = CQ_01.relative_to(QUERIES_DIR.parent)
    rows = bindings(run_kg("query", relative, "--store", built.root, "--format", "json"))
    assert rows
    answered = {(row["agreement"], row["partner"]) for row in rows}
    expected = {(str(r.agreement), str(r.partner))
                for r in turtle_dump.query(CQ_01.read_text(encoding="utf-8"))}
    assert answered == expected


@pytest.mark.parametrize("fmt", choices("query", "fmt"))
def test_every_result_format_has_the_same_rows(built: Built, fmt: str):
    expected = len(bindings(run_kg("query", CQ_01, "--store", built.root, "--format", "json")))
    result = run_kg("query", CQ_01, "--store", built.root, "--format", fmt)
    assert result.exit_code == OK, _explain(result)
    if fmt == "json":
        rows = len(json.loads(result.stdout)["results"]["bindings"])
    else:
        rows = len(result.stdout.strip().splitlines()) - 1
    assert rows == expected


def test_the_store_can_come_from_the_environment(built: Built):
    result = run_kg("query", COUNT_AGREEMENTS, "--format", "json",
                    env={"KG_STORE": str(built.root)})
    assert int(bindings(result)[0]["n"]) == count(built.root, COUNT_AGREEMENTS)


def test_an_ask_query_answers(built: Built):
    result = run_kg("query", COUNT_AGREEMENTS.replace("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE",
                                                      "ASK"),
                    "--store", built.root, "--format", "json")
    assert result.exit_code == OK, _explain(result)
    assert json.loads(result.stdout)["boolean"] is True


def test_an_invalid_query_is_a_usage_error(built: Built):
    result = run_kg("query", "SELEC ?x WHERE {}", "--store", built.root)
    assert result.exit_code == ERROR, _explain(result)
    assert result.stderr.startswith("error: invalid query")
    assert result.stdout == ""


def test_a_missing_query_file_is_a_clear_error(built: Built, tmp_path: Path):
    missing = tmp_path / "missing.rq"
    result = run_kg("query", missing, "--store", built.root)
    assert result.exit_code == ERROR, _explain(result)
    assert _exited_cleanly(result), _explain(result)
    assert str(missing) in result.stderr


@pytest.mark.parametrize("query", [
    f"CONSTRUCT {{ ?a a <{ns.PG.Agreement}> }} WHERE {{ ?a a <{ns.PG.Agreement}> }}",
    f"DESCRIBE ?a WHERE {{ ?a a <{ns.PG.Agreement}> }}"])
def test_a_graph_query_prints_triples_of_the_graph(built: Built, turtle_dump: Graph,
                                                   query: str):
    result = run_kg("query", query, "--store", built.root)
    assert result.exit_code == OK, _explain(result)
    answer = Graph().parse(data=result.stdout_bytes, format="nt")
    agreements = set(turtle_dump.subjects(RDF.type, ns.PG.Agreement))
    assert set(answer.subjects(RDF.type, ns.PG.Agreement)) == agreements
    assert all(triple in turtle_dump for triple in answer)


# ------------------------------------------------------------------------- kg export


EXPORT_FORMATS = choices("export", "fmt")


def _parsed_size(data: bytes, fmt: str) -> int:
    if fmt in QUAD_FORMATS:
        return len(list(Dataset().parse(data=data, format=RDFLIB_FORMATS[fmt]).quads()))
    return len(Graph().parse(data=data, format=RDFLIB_FORMATS[fmt]))


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_to_a_file_parses_back_to_the_whole_graph(built: Built, tmp_path: Path, fmt: str):
    target = tmp_path / f"graph.{fmt}"
    result = run_kg("export", "--store", built.root, "--format", fmt, "--output", target)
    assert result.exit_code == OK, _explain(result)
    expected = count(built.root, COUNT_QUADS if fmt in QUAD_FORMATS else COUNT_TRIPLES)
    assert _parsed_size(target.read_bytes(), fmt) == expected
    assert result.stderr == f"wrote {expected} statements to {target}\n"
    assert result.stdout == ""


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_to_standard_output_is_the_same_dump(built: Built, tmp_path: Path, fmt: str):
    target = tmp_path / f"graph.{fmt}"
    assert run_kg("export", "--store", built.root, "--format", fmt, "-o", target).exit_code == OK
    result = run_kg("export", "--store", built.root, "--format", fmt)
    assert result.exit_code == OK, _explain(result)
    assert result.stdout_bytes == target.read_bytes()
    assert result.stderr == ""


def test_export_defaults_to_turtle(built: Built, turtle_dump: Graph):
    result = run_kg("export", "--store", built.root)
    assert result.exit_code == OK, _explain(result)
    assert len(Graph().parse(data=result.stdout_bytes, format="turtle")) == len(turtle_dump)


def test_export_asserted_leaves_out_exactly_the_inferred_graph(built: Built):
    result = run_kg("export", "--store", built.root, "--format", "nq", "--asserted")
    assert result.exit_code == OK, _explain(result)
    dataset = Dataset().parse(data=result.stdout_bytes, format="nquads")
    assert str(ns.INFERRED_GRAPH) not in {str(g.identifier) for g in dataset.graphs()}
    assert count(built.root, COUNT_INFERRED) > 0
    assert len(list(dataset.quads())) == count(built.root, COUNT_QUADS) - \
        count(built.root, COUNT_INFERRED)


def test_export_into_a_missing_folder_is_a_system_error(built: Built, tmp_path: Path):
    target = tmp_path / "no" / "such" / "graph.ttl"
    result = run_kg("export", "--store", built.root, "-o", target)
    assert result.exit_code == ERROR, _explain(result)
    assert result.stderr.startswith("error: ")
    assert _exited_cleanly(result)
    assert not target.exists()


def test_an_export_error_names_the_file(built: Built, tmp_path: Path):
    target = tmp_path / "no" / "such" / "graph.ttl"
    result = run_kg("export", "--store", built.root, "-o", target)
    assert str(target) in result.stderr


# ------------------------------------------------------------------------- kg serve

COUNT_URL_QUERY = urllib.parse.urlencode({"query": COUNT_AGREEMENTS})


def _served_agreements(url: str) -> int:
    with urllib.request.urlopen(f"{url}/query?{COUNT_URL_QUERY}", timeout=5) as response:
        request_json = json.loads(response.read())
    return int(request_json["results"]["bindings"][0]["n"]["value"])


@pytest.mark.server
def test_serve_answers_and_stops_cleanly_on_sigterm(built: Built):
    port = free_port()
    process = start_server(built.root, port)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_endpoint(url, process)
        assert _served_agreements(url) == count(built.root, COUNT_AGREEMENTS)
    finally:
        stop_server(process)
    assert process.returncode == OK
    assert process.stderr is not None
    said = process.stderr.read().decode("utf-8")
    assert f"http://127.0.0.1:{port}/" in said
    assert "server stopped" in said
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


@pytest.mark.server
def test_serve_picks_up_a_newly_published_build(built: Built, tmp_path: Path):
    root = tmp_path / "store"
    shutil.copytree(built.root, root, symlinks=True)
    port = free_port()
    process = start_server(root, port)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_endpoint(url, process)
        before = _served_agreements(url)
        documents = small_documents(tmp_path / "documents", SMALL_DOCUMENTS[:1])
        assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == OK
        after = count(root, COUNT_AGREEMENTS)
        assert after != before
        deadline = time.monotonic() + 60
        served = before
        while served != after and time.monotonic() < deadline:
            time.sleep(0.3)
            try:
                served = _served_agreements(url)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                continue
        assert served == after
        assert process.poll() is None
    finally:
        stop_server(process)


def _serve_on_a_busy_port(root: Path) -> subprocess.CompletedProcess:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        return subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--store", str(root),
                               "--port", str(port)], capture_output=True, text=True, timeout=60)


@pytest.mark.server
def test_serving_on_a_busy_port_is_a_system_error(built: Built):
    process = _serve_on_a_busy_port(built.root)
    assert process.returncode == ERROR, process.stderr
    assert process.stderr.startswith("error: cannot listen on 127.0.0.1:")


@pytest.mark.server
def test_serving_on_a_busy_port_says_why(built: Built):
    process = _serve_on_a_busy_port(built.root)
    assert "already in use" in process.stderr.lower()


# ------------------------------------------------------------------------- Wikidata, offline


def test_wikidata_diff_from_a_p190_file_writes_quickstatements(built: Built, tmp_path: Path):
    present = tmp_path / "p190.csv"
    present.write_text("item,twin,start\n", encoding="utf-8")
    target = tmp_path / "missing.qs"
    result = run_kg("wikidata-diff", "--store", built.root, "--p190", present, "-o", target)
    assert result.exit_code == OK, _explain(result)
    statements = [line for line in target.read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("/*")]
    assert result.stderr == f"wrote {len(statements)} statements to {target}\n"
    assert all(re.match(r"Q\d+\tP190\tQ\d+\t", line) for line in statements)
    to_stdout = run_kg("wikidata-diff", "--store", built.root, "--p190", present)
    assert to_stdout.stdout == target.read_text(encoding="utf-8")


def test_an_unreadable_p190_file_is_invalid_data(built: Built, tmp_path: Path):
    present = tmp_path / "p190.txt"
    present.write_text("Q1 Q2\n", encoding="utf-8")
    result = run_kg("wikidata-diff", "--store", built.root, "--p190", present)
    assert result.exit_code == INVALID, _explain(result)
    assert result.stdout == ""
    assert str(present) in result.stderr


@pytest.mark.parametrize("name", ["link", "wikidata-diff"])
def test_unreachable_wikidata_is_one_line_and_writes_nothing(built: Built, tmp_path: Path,
                                                              name: str):
    nowhere = f"http://127.0.0.1:{free_port()}"
    target = tmp_path / "out"
    args = ["--store", built.root, "--endpoint", f"{nowhere}/sparql", "--output", target]
    if name == "link":
        args += ["--api", f"{nowhere}/w/api.php", "--quiet"]
    result = run_kg(name, *args)
    assert result.exit_code == ERROR, _explain(result)
    assert result.stderr.startswith(f"kg {name}: Wikidata is not reachable")
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""
    assert not target.exists()


README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.mark.parametrize("name", COMMANDS)
def test_the_readme_documents_every_command(name: str):
    """A command users cannot find in the README does not exist for them (sqlite-utils' rule)."""
    assert re.search(rf"^kg {re.escape(name)}\b", README.read_text(encoding="utf-8"), re.M), \
        f"README.md has no line on `kg {name}`"


def test_the_readme_gives_the_documented_exit_codes():
    text = README.read_text(encoding="utf-8")
    for code, meaning in (("0", "success"), ("1", "invalid data"), ("2", "usage")):
        assert re.search(rf"\*\*{code}\*\* {meaning}", text), (code, meaning)
