"""What a cold build's required steps cost on its own output, each as a multiple of
`pyoxigraph.Store.bulk_load` of that output, measured one after the other in one run (issue
9's floor: how far ≤ 3× is from what cannot be left out).

    .venv/bin/python bench/floor.py --corpus DIR [--jobs 2] [--workdir DIR]

The corpus is built cold first (`kg.build.build`, `--jobs` workers, a fresh store), timed.
Then, each alone, in this process:

- **bulk_load**: the build's output as N-Quads (written by Oxigraph from the built store),
  bulk-loaded into a fresh store with its flush: the denominator, as bench/build.py has it.
- **load in 8 MB batches**: the same N-Quads loaded as the build loads its chunks
  (`bulk_load`, lenient, a batch of about 8 MB of whole lines at a time), then flushed and
  compacted (`optimize`, as the build does before publishing).
- **read**: every document read to its clean lines (`kg.documents.read`), nothing extracted.
- **validate**: the product's gate over every document's graph: `validate_documents` (pyshacl
  with the shapes, and the comparisons kg/validate.py makes beside it) of each chunk of the
  build's size, with the part of the corpus the chunk reaches, as a validation worker runs it.
  The graphs are mapped before the clock starts. CPU seconds of one process; a build spreads
  it over its workers, so it is given divided by `--jobs` as well.

Each is given in wall and CPU seconds and as a multiple of bulk_load's (bulk_load runs
threads of its own, so its CPU may exceed its wall time; on a loaded machine the wall times
wait for cores, and the CPU multiples are the ones to compare).
Nothing here asserts anything: it prints numbers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import machine

HERE = Path(__file__).resolve().parent
BATCH_BYTES = 8 << 20


def timed(step):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - wall, time.process_time() - cpu


def _all_cpu() -> float:
    """CPU seconds of this process and of its children that ended (a build's workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def built(corpus: Path, store_root: Path, jobs: int) -> tuple[float, float, Path]:
    from kg.build import build
    from kg.store import current_build

    started, cpu = time.perf_counter(), _all_cpu()
    result = build([corpus], store_root, jobs=jobs)
    seconds, cpu = time.perf_counter() - started, _all_cpu() - cpu
    if not result.ok:
        sys.exit("the build failed: " + "; ".join(result.prepared.failures[:3]))
    found = current_build(store_root)
    assert found is not None
    return seconds, cpu, found


def bulk_load(dump: Path, scratch: Path) -> None:
    import pyoxigraph as ox

    store = ox.Store(str(scratch / "bulk"))
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store


def batched_load(dump: Path, scratch: Path) -> None:
    import pyoxigraph as ox

    store = ox.Store(str(scratch / "batched"))
    with dump.open("rb") as handle:
        while True:
            batch = handle.read(BATCH_BYTES)
            if not batch:
                break
            batch += handle.readline()  # whole lines
            store.bulk_load(batch, ox.RdfFormat.N_QUADS, lenient=True)
    store.flush()
    store.optimize()
    del store


def read_all(corpus: Path) -> None:
    from kg.documents import read
    from kg.scan import document_files

    for path in document_files([corpus]):
        read(path)


def prepared_chunks(corpus: Path, store_root: Path, jobs: int):  # type: ignore[no-untyped-def]
    """The build's chunks as its workers get them: each chunk's part and mapped graphs."""
    from kg import build as kgbuild
    from kg import reason, registers
    from kg.cache import ExtractionCache
    from kg.mapping import document_nodes, document_triples, to_rdf
    from kg.resolve import resolve
    from kg.scan import document_files, file_keys
    from kg.validate import EntityContext, seeds, shared_triples

    keys, _ = file_keys(document_files([corpus]))
    prepared = kgbuild.read_documents([corpus], jobs, remembered=ExtractionCache(store_root),
                                      keys=keys)  # what the build remembered
    mapped = to_rdf(resolve(prepared.extractions), registers.load())
    context = EntityContext(mapped, shared_triples(registers.load().vocabularies,
                                                   reason.ontology_graph()))
    documents = sorted(mapped.entries)
    size = max(1, min(kgbuild.VALIDATION_CHUNK, -(-len(documents) // (jobs * 2))))
    chunks = []
    for i in range(0, len(documents), size):
        chunk = documents[i:i + size]
        part = context.part_reaching({d: document_nodes(mapped.entries[d]) for d in chunk})
        graphs = {d: document_triples(mapped.entries[d]) for d in chunk}
        chunks.append((part, graphs, {d: seeds(t) for d, t in graphs.items()}))
    return chunks


def validate_all(chunks) -> None:  # type: ignore[no-untyped-def]
    from kg.validate import validate_documents

    for part, graphs, seeded in chunks:
        validate_documents(part, graphs, seeded)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    import pyoxigraph as ox

    from kg import reason

    scratch = Path(tempfile.mkdtemp(prefix="floor-", dir=args.workdir))
    try:
        print(f"load average at start {os.getloadavg()[0]:.2f}", flush=True)
        other = machine.OtherLoad()
        build_s, build_cpu, store = built(args.corpus, scratch / "store", args.jobs)
        build_other = other.share()
        dump = scratch / "output.nq"
        ox.serialize(ox.Store.read_only(str(store)), str(dump), ox.RdfFormat.N_QUADS)
        other = machine.OtherLoad()
        rows = [(f"cold build (kg.build.build, --jobs {args.jobs}; CPU with its workers)",
                 build_s, build_cpu)]
        bulk = timed(lambda: bulk_load(dump, scratch))
        rows.append(("bulk_load of its N-Quads (one call, flush)", *bulk))
        rows.append(("the same in 8 MB batches, lenient, flush, optimize",
                     *timed(lambda: batched_load(dump, scratch))))
        rows.append(("read every document (kg.documents.read)",
                     *timed(lambda: read_all(args.corpus))))
        chunks = prepared_chunks(args.corpus, scratch / "store", args.jobs)
        reason.instance_rules()
        wall, cpu = timed(lambda: validate_all(chunks))
        rows.append((f"validate every document's graph ({len(chunks)} chunks, one process)",
                     wall, cpu))
        rows.append((f"  the same spread over {args.jobs} workers (CPU / jobs)",
                     cpu / args.jobs, cpu / args.jobs))
        print(f"{dump.stat().st_size / 2**20:.0f} MB of N-Quads; other load during the build "
              f"{build_other:.0%}, during the steps {other.share():.0%}; load average at end "
              f"{os.getloadavg()[0]:.2f}")
        print(f"{'step':<72} {'wall s':>7} {'CPU s':>7} {'wall ×':>7} {'CPU ×':>7}")
        for name, seconds, cpu_s in rows:
            print(f"{name:<72} {seconds:7.1f} {cpu_s:7.1f} {seconds / bulk[0]:7.2f} "
                  f"{cpu_s / bulk[1]:7.2f}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
