"""How long `kg publish` takes to a real Virtuoso: the whole build (cold), then after one
document changed and the store was rebuilt (only that document's graph goes out).

    .venv/bin/python bench/publish.py                        # the bundled documents
    .venv/bin/python bench/publish.py --documents 1000       # plus a synthetic corpus
    .venv/bin/python bench/publish.py --corpus /tmp/corpus-1000 --json publish.json

A throwaway Virtuoso (Debian's virtuoso-opensource) is started on 127.0.0.1 as the tests start
it (tests/stores.py) and stopped at the end. The change is the one a curator makes most: a
document's title (its sources.csv row when it has one, else its first line). Build times are
printed for orientation; the numbers measured are the publishes (kg.publish.publish, in this
process, with the progress lines counted). Nothing here asserts anything: it prints numbers.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import machine

sys.path.insert(0, str(machine.REPOSITORY))

from kg.build import build, document_files
from kg.paths import DOCUMENTS_DIR
from kg.publish import Client, Retry, Target, publish
from tests import stores

HERE = Path(__file__).resolve().parent


def change_one_title(documents: Path) -> str:
    """Retitle the first document; returns its file name."""
    first = document_files([documents])[0]
    sources = first.parent / "sources.csv"
    if sources.is_file():
        rows = list(csv.DictReader(sources.open(encoding="utf-8", newline="")))
        for row in rows:
            if row["file"] == first.name:
                row["title"] += " (überarbeitet)"
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        sources.write_text(out.getvalue(), encoding="utf-8")
    else:
        lines = first.read_text(encoding="utf-8").splitlines(keepends=True)
        index = next(i for i, line in enumerate(lines) if line.strip())
        lines[index] = lines[index].rstrip("\n") + " (überarbeitet)\n"
        first.write_text("".join(lines), encoding="utf-8")
    return first.name


def timed_build(documents: Path, root: Path, jobs: int | None) -> float:
    started = time.perf_counter()
    result = build([documents], root, jobs)
    if not result.ok:
        raise SystemExit(f"the build of {documents} failed: "
                         f"{(result.prepared.failures + result.check_failures)[:3]}")
    return time.perf_counter() - started


def timed_publish(root: Path, virtuoso: stores.Virtuoso) -> dict:
    environ = {"KG_PUBLISH_USER": virtuoso.user, "KG_PUBLISH_PASSWORD": virtuoso.password}
    client = Client(retry=Retry(attempts=2), environ=environ)
    try:
        started = time.perf_counter()
        outcome = publish(root, Target(client, virtuoso.gsp, virtuoso.sparql, virtuoso.sparql))
        seconds = time.perf_counter() - started
    finally:
        client.close()
    if not outcome.ok:
        raise SystemExit(f"the target differs from the build: {outcome.count_problems[:3]}")
    return {"seconds": round(seconds, 2), "graphs_sent": len(outcome.sent),
            "unchanged": outcome.unchanged, "mb_sent": round(outcome.bytes_sent / 1e6, 2)}


def measure(name: str, documents: Path, work: Path, jobs: int | None) -> dict:
    """Build, publish to a fresh Virtuoso, change one title, rebuild, publish again."""
    copy = shutil.copytree(documents, work / f"{name}-documents")
    root = work / f"{name}-store"
    print(f"{name}: building …", file=sys.stderr)
    built_s = timed_build(copy, root, jobs)
    (work / f"{name}-virtuoso").mkdir()
    virtuoso = stores.start_virtuoso(work / f"{name}-virtuoso")
    try:
        cold = timed_publish(root, virtuoso)
        print(f"{name}: cold publish {cold}", file=sys.stderr)
        changed = change_one_title(copy)
        rebuilt_s = timed_build(copy, root, jobs)
        again = timed_publish(root, virtuoso)
        print(f"{name}: after retitling {changed}: {again}", file=sys.stderr)
    finally:
        stores.stop_virtuoso(virtuoso.running)
    return {"corpus": name, "documents": len(document_files([copy])),
            "build_s": round(built_s, 1), "rebuild_s": round(rebuilt_s, 1),
            "cold": cold, "after_one_change": again}


def report(results: list[dict]) -> None:
    print(f"kg publish to Virtuoso 7 (Graph Store Protocol, digest), commit "
          f"{machine.product_version()}")
    print(f"{'corpus':<14}{'docs':>6}{'graphs':>8}{'MB':>8}{'cold s':>9}"
          f"{'sent':>6}{'after change s':>16}  (build s, rebuild s)")
    for r in results:
        cold, again = r["cold"], r["after_one_change"]
        print(f"{r['corpus']:<14}{r['documents']:>6}{cold['graphs_sent']:>8}"
              f"{cold['mb_sent']:>8.1f}{cold['seconds']:>9.2f}{again['graphs_sent']:>6}"
              f"{again['seconds']:>16.2f}  ({r['build_s']}, {r['rebuild_s']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", "-n", type=int, default=0,
                        help="also measure a synthetic corpus of this many documents")
    parser.add_argument("--corpus", type=Path,
                        help="measure this corpus (e.g. one bench/corpus.py wrote) instead of "
                             "generating one; it is copied, not changed")
    parser.add_argument("--jobs", "-j", type=int, default=None, help="build worker processes")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the finally: Virtuoso stops
    if not stores.virtuoso_installed():
        print("virtuoso-t is not installed (apt-get install virtuoso-opensource)",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-publish-") as folder:
        work = Path(folder)
        results = [measure("bundled", DOCUMENTS_DIR, work, args.jobs)]
        corpus = args.corpus
        if args.documents and corpus is None:
            corpus = work / "corpus"
            subprocess.run([sys.executable, str(HERE / "corpus.py"), "--documents",
                            str(args.documents), "--output", str(corpus)], check=True)
        if corpus is not None:
            results.append(measure("synthetic", corpus, work, args.jobs))
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
