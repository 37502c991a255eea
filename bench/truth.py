#!/usr/bin/env python3
"""How right the product is on real documents: builds tests/real/ (real public documents of
the Länder with facts written from reading them) and prints precision, recall and F1 per fact
type for the development part and the validation part, then each miss and each false fact.
A document the build sets aside (it fails validation or a violation check) is scored as
having stated nothing: the numbers are those of the graph a user gets.

    python bench/truth.py                    # both parts; misses of the development part
    python bench/truth.py --show validation  # also list the validation part's misses
    python bench/truth.py --cases by-antwort-regionalpartnerschaften

The validation part is scored, never tuned on: look at its misses only to report them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.build import build
from tests.real_check import FACT_TYPES, Outcome, cases, fact_text, run, scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", choices=["dev", "validation", "none"], action="append",
                        help="list misses and false facts of this part (default: dev)")
    parser.add_argument("--cases", nargs="*", help="only these cases")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    show = set(args.show or ["dev"])
    selected = [c for c in cases() if not args.cases or c.name in args.cases]
    started = time.perf_counter()
    outcomes = run(selected, jobs=args.jobs)
    _as_published(selected, outcomes, args.jobs)
    seconds = time.perf_counter() - started
    _summary(selected, outcomes, seconds)
    for split in ("dev", "validation"):
        part = [o for o in outcomes if o.case.split == split]
        if part:
            _table(split, part)
    for outcome in outcomes:
        if outcome.case.split in show:
            _details(outcome)
    return 0


def _as_published(selected, outcomes: list[Outcome], jobs: int | None) -> None:
    """Build the documents as `kg build` does; those it sets aside give no facts."""
    with tempfile.TemporaryDirectory() as store:
        result = build([c.document for c in selected], Path(store), jobs=jobs)
    left_out = {Path(entry.file).resolve(): str(entry) for entry in result.prepared.set_aside}
    for outcome in outcomes:
        reason = left_out.get(outcome.case.document.resolve())
        if reason is not None:
            outcome.failure = f"set aside by the build: {reason}"
            outcome.found = {kind: set() for kind in FACT_TYPES}


def _summary(selected, outcomes: list[Outcome], seconds: float) -> None:
    lands = Counter(c.expected.get("land") for c in selected)
    kinds = Counter(c.source.get("kind", c.expected.get("genre")) for c in selected)
    splits = Counter(c.split for c in selected)
    failed = [o for o in outcomes if o.failure and not any(o.found.values())]
    print(f"{len(selected)} cases ({', '.join(f'{k} {v}' for k, v in sorted(splits.items()))}),"
          f" built in {seconds:.1f} s")
    print("  per Land:  " + ", ".join(f"{k} {v}" for k, v in sorted(lands.items())))
    print("  per kind:  " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"  documents without a graph in the published build: {len(failed)}"
          + "".join(f"\n    {o.case.name}: {o.failure}" for o in failed))


def _table(split: str, part: list[Outcome]) -> None:
    print(f"\n{split} ({len(part)} cases)")
    print(f"  {'fact type':<14}{'expected':>9}{'found':>7}{'right':>7}"
          f"{'precision':>11}{'recall':>8}{'F1':>7}")
    for kind, score in scores(part).items():
        print(f"  {kind:<14}{score.true + score.missed:>9}{score.true + score.false:>7}"
              f"{score.true:>7}{score.precision:>11.2f}{score.recall:>8.2f}{score.f1:>7.2f}")


def _details(outcome: Outcome) -> None:
    lines = []
    for kind in FACT_TYPES:
        lines += [f"    miss  {kind}: {fact_text(f)}" for f in sorted(outcome.misses(kind))]
        lines += [f"    false {kind}: {fact_text(f)}" for f in sorted(outcome.false(kind))]
    if outcome.failure:
        lines.insert(0, f"    failed: {outcome.failure}")
    if lines:
        print(f"\n  {outcome.case.name} ({outcome.case.split})")
        print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
