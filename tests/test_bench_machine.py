"""Benchmarks name the product's commit they measured, also when run from a `git archive`
(how side-by-side runs are made: bench/README.md), which has no .git to ask."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _git(*args: str) -> bytes:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True,
                          check=True).stdout


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                    reason="needs the project's git repository")
def test_an_archive_names_its_commit(tmp_path: Path):
    archive = _git("archive", "--format=tar", "HEAD", "bench")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tmp_path, filter="data")
    version = subprocess.run(
        [sys.executable, "-c", "from bench import machine; print(machine.product_version())"],
        cwd=tmp_path, capture_output=True, text=True, check=True).stdout.strip()
    head = _git("rev-parse", "--short", "HEAD").decode().strip()
    assert version == f"{head} (archive)"
