"""The input files and their keys (kg/scan.py): a rebuild takes the key of a file whose stat
and sources.csv row are as remembered and that is clean, and reads every other file again
(issue 9: a rebuild at 10 000 documents hashed 83 MB for one changed file)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.scan as scan_module
from kg.cache import document_key
from kg.cli import main
from kg.paths import DOCUMENTS_DIR, SOURCES_FILE
from kg.scan import RACY_NS, Scan, document_files, file_keys

SOURCES_HEADER = "document,file,identifier,title,date,land,genre\n"


def stat_of(path: Path) -> tuple[int, int, int, int, int]:
    found = os.stat(path)
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)


def remembered(path: Path, key: str, since: int, row: str = "None") -> Scan:
    """A scan that remembers `key` for the file as it is now."""
    return Scan(since, {str(path): (stat_of(path), row, key)})


@pytest.fixture
def hashed(monkeypatch) -> list[str]:
    """The files whose bytes were hashed."""
    names: list[str] = []

    def counting(path: Path, data: bytes, row: str) -> str:
        names.append(path.name)
        return document_key(path, data, row)

    monkeypatch.setattr(scan_module, "document_key", counting)
    return names


def test_a_clean_file_as_remembered_is_not_read_again(tmp_path: Path, hashed: list[str]):
    path = tmp_path / "a.txt"
    path.write_text("Erster Text.", encoding="utf-8")
    changed = max(stat_of(path)[1:3])
    keys, _ = file_keys([path], remembered(path, "remembered", changed + RACY_NS + 1))
    assert keys[path] == "remembered" and hashed == []


def test_a_file_changed_as_the_scan_began_is_hashed_again(tmp_path: Path, hashed: list[str]):
    """Racy clean (as git has it): an edit within the clock tick of the remembered read
    leaves size and times as they were; a file not older than the scan is read again."""
    path = tmp_path / "a.txt"
    path.write_text("Erster Text.", encoding="utf-8")
    old_key = file_keys([path])[0][path]
    path.write_text("Zweiter Tex.", encoding="utf-8")  # the same size
    changed = max(stat_of(path)[1:3])
    for since in (changed, changed + RACY_NS):  # not older than the scan by RACY_NS
        keys, scan = file_keys([path], remembered(path, "stale", since))
        assert keys[path] not in (old_key, "stale", None)
        assert scan.files[str(path)][2] == keys[path]
    assert hashed == ["a.txt"] * 3


def test_a_file_with_the_same_size_and_mtime_but_new_bytes_is_read_again(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Erster Text.", encoding="utf-8")
    keys, scan = file_keys([path])
    before = os.stat(path)
    path.write_text("Zweiter Tex.", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the ctime moves on
    scan.since += 10 * RACY_NS  # however old the scan, the stat is not as remembered
    again, _ = file_keys([path], scan)
    assert again[path] != keys[path] and again[path] is not None


def test_a_new_sources_row_is_a_new_key_without_an_edit(tmp_path: Path, hashed: list[str]):
    path = tmp_path / "a.txt"
    path.write_text("Erster Text.", encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        SOURCES_HEADER + "a,a.txt,Drs. 1/1,Ein Titel,2024-01-02,DE-BY,answer\n",
        encoding="utf-8")
    keys, scan = file_keys([path])
    (tmp_path / "sources.csv").write_text(
        SOURCES_HEADER + "a,a.txt,Drs. 1/1,Ein anderer Titel,2024-01-02,DE-BY,answer\n",
        encoding="utf-8")
    scan.since += 10 * RACY_NS
    again, _ = file_keys([path], scan)
    assert again[path] != keys[path] and hashed == ["a.txt", "a.txt"]


def test_an_unreadable_file_has_no_key_and_is_not_remembered(tmp_path: Path):
    path = tmp_path / "a.txt"
    keys, scan = file_keys([path])
    assert keys == {path: None} and scan.files == {}


def test_the_documents_are_listed_as_before(tmp_path: Path):
    """Documents by suffix, in any case, recursively; no hidden file or folder, no README,
    no folder met through a symbolic link."""
    for name in ("a.txt", "b.MD", "c.pdf", "d.markdown", "e.csv", ".f.txt", "README.md",
                 "sub/g.txt", ".hidden/h.txt", "sub/deeper/i.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "sub", target_is_directory=True)
    found = document_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == \
        ["a.txt", "b.MD", "c.pdf", "d.markdown", "sub/deeper/i.md", "sub/g.txt"]
    assert document_files([tmp_path / "e.csv"]) == [tmp_path / "e.csv"]
    with pytest.raises(FileNotFoundError):
        document_files([tmp_path / "missing"])


def test_a_folder_given_is_read_wherever_it_lies(tmp_path: Path, monkeypatch):
    """Hidden folders are skipped inside a given folder, not above it: `kg build
    ../documents` and a folder under a hidden one (`~/.local/…`) find their documents."""
    documents = tmp_path / ".hidden" / "documents"
    documents.mkdir(parents=True)
    (documents / "a.txt").write_text("x", encoding="utf-8")
    assert document_files([documents]) == [documents / "a.txt"]
    monkeypatch.chdir(tmp_path / ".hidden" / "documents")
    assert document_files([Path("../documents")]) == [Path("../documents/a.txt")]


def test_the_documents_are_in_the_order_of_their_paths(tmp_path: Path, monkeypatch):
    """Path's order (by parts), which is not the order of the paths as text: "a/b.txt"
    comes before "a-c.txt" and "a.txt"."""
    for name in ("a/b.txt", "a-c.txt", "a.txt", "a/c/d.md", "a0.txt", "A.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path.parent)
    for root in (tmp_path, Path(tmp_path.name)):
        found = document_files([root / "a.txt", root])
        assert found == sorted({root / "a.txt", *(p for p in root.rglob("*") if p.is_file())})
        assert [p.relative_to(root).as_posix() for p in found][:3] == \
            ["A.txt", "a/b.txt", "a/c/d.md"]


def test_a_rebuild_reads_only_the_changed_file_and_equals_a_cold_build(
        tmp_path: Path, monkeypatch, hashed: list[str]):
    """End to end: with the files older than the scan (RACY_NS 0 here: they were written
    just before it), a rebuild reads only the file that was edited, though its size and
    mtime stayed; the export is the cold build's."""
    monkeypatch.setattr(scan_module, "RACY_NS", 0)
    documents = tmp_path / "documents"
    documents.mkdir()
    names = ("bw-pressemitteilung-2024-07-17.txt", "nw-kleine-anfrage-17-4514.pdf.txt")
    for name in names:
        shutil.copy(DOCUMENTS_DIR / name, documents / name)
    shutil.copy(SOURCES_FILE, documents / SOURCES_FILE.name)

    def run(*args: object):
        result = CliRunner().invoke(main, [str(a) for a in args], prog_name="kg")
        assert result.exit_code == 0, result.output
        return result

    root = tmp_path / "store"
    run("build", documents, "--store", root, "-j", 1, "-q")
    assert sorted(hashed) == sorted(names)
    hashed.clear()
    edited = documents / names[0]
    before = os.stat(edited)
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("offiziell eine", "offiziall eine"), encoding="utf-8")
    assert os.stat(edited).st_size == before.st_size
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    run("build", documents, "--store", root, "-j", 1, "-q")
    assert hashed == [names[0]]
    rebuilt = run("export", "--store", root, "--format", "nq").stdout_bytes
    cold = tmp_path / "cold"
    run("build", documents, "--store", cold, "-j", 1, "-q")
    assert rebuilt == run("export", "--store", cold, "--format", "nq").stdout_bytes
    assert b"offiziall eine" in rebuilt
