"""The competency questions as the home page offers them: file, titles, query text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.paths import QUERIES_DIR

_TITLE = re.compile(r"^#\s*title@(de|en):\s*(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Question:
    name: str
    title_de: str
    title_en: str
    query: str

    def title(self, lang: str) -> str:
        return self.title_de if lang == "de" else self.title_en


def read_question(path: Path) -> Question:
    """A question from its .rq file; the `# title@de:` and `# title@en:` comments name it,
    the first comment line serves when they are missing."""
    text = path.read_text(encoding="utf-8")
    titles = dict(_TITLE.findall(text))
    first = next((ln.lstrip("# ").strip() for ln in text.splitlines() if ln.startswith("#")),
                 path.stem)
    return Question(path.stem, titles.get("de", first), titles.get("en", first), text)


def questions(folder: Path = QUERIES_DIR) -> list[Question]:
    return [read_question(path) for path in sorted(folder.glob("cq-*.rq"))]
