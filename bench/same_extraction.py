"""The read+extract outcome of documents, one line per file: its path and the md5 of the
`repr` of what `kg.build._read_and_extract` gives for it (run with `PYTHONHASHSEED=0`).
Two runs of different code over the same files give the same lines when extraction's output
is the same; `--profile FILE` writes a cProfile of the run beside.

    PYTHONHASHSEED=0 .venv/bin/python bench/same_extraction.py DIR_OR_FILE… -o OUT.txt

Directories are searched for `*.txt`, `*.md` and `*.pdf` (`tests/real`'s `document.txt` and a
synthetic corpus alike). The lines show hashes only, never the outcome itself. Nothing here
asserts anything: compare two outputs with `cmp`.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

SUFFIXES = {".txt", ".md", ".pdf"}


def files_of(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.suffix in SUFFIXES
                         and p.name != "README.md")
        else:
            found.append(path)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the run here")
    arguments = parser.parse_args()
    from kg.build import _read_and_extract

    files = files_of(arguments.paths)
    lines: list[str] = []

    def run() -> None:
        for path in files:
            outcome = repr(_read_and_extract(str(path.resolve())))
            lines.append(f"{path} {hashlib.md5(outcome.encode()).hexdigest()}\n")

    wall, cpu = time.perf_counter(), time.process_time()
    if arguments.profile:
        import cProfile
        cProfile.runctx("run()", globals(), {"run": run}, str(arguments.profile))
    else:
        run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    arguments.output.write_text("".join(lines))
    print(f"{len(files)} files, wall {wall:.1f} s, CPU {cpu:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
