"""Tests of kg.documents: files of every rendering become clean, line-addressed blocks."""

from __future__ import annotations

import difflib
import importlib.util
import pickle
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
if importlib.util.find_spec("kg") is None:  # project not installed: test the work tree
    sys.path.insert(0, str(ROOT))

from kg.documents import Block, Document, DocumentError, join_lines, read  # noqa: E402

DOCUMENTS = ROOT / "documents"
DATA = Path(__file__).resolve().parent / "data" / "documents"

VORLAGE_PDF_TEXT = "nw-vorlage-18-1828.pdf.txt"
VORLAGE_MD = "nw-vorlage-18-1828.md"
DRUCKSACHE_MD = "nw-drucksache-17-8230.md"
ANFRAGE_PDF_TEXT = "nw-kleine-anfrage-17-4514.pdf.txt"
PRESS_RELEASE = "bw-pressemitteilung-2024-07-17.txt"
REAL = [VORLAGE_PDF_TEXT, VORLAGE_MD, DRUCKSACHE_MD, ANFRAGE_PDF_TEXT, PRESS_RELEASE]


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {name: read(DOCUMENTS / name) for name in REAL}


def kinds(doc: Document) -> Counter[str]:
    return Counter(block.kind for block in doc.blocks)


def full_text(doc: Document) -> str:
    return "\n".join(block.text for block in doc.blocks)


def find(doc: Document, phrase: str) -> tuple[Block, int]:
    for block in doc.blocks:
        offset = block.text.find(phrase)
        if offset >= 0:
            return block, offset
    raise AssertionError(f"{phrase!r} not in any block of {doc.name}")


def line_number(doc: Document, fragment: str, whole: bool = False) -> int:
    """The 1-based number of the only raw line containing fragment (or equal to it)."""
    numbers = [
        n
        for n, line in enumerate(doc.lines, 1)
        if (line.strip() == fragment if whole else fragment in line)
    ]
    assert len(numbers) == 1, (fragment, numbers)
    return numbers[0]


# --------------------------------------------------------------------------------------------
# The five real documents


@pytest.mark.parametrize(
    ("name", "rendering", "media_type"),
    [
        (VORLAGE_PDF_TEXT, "pdf-text", "text/plain"),
        (VORLAGE_MD, "markdown", "text/markdown"),
        (DRUCKSACHE_MD, "markdown", "text/markdown"),
        (ANFRAGE_PDF_TEXT, "pdf-text", "text/plain"),
        (PRESS_RELEASE, "plain", "text/plain"),
    ],
)
def test_rendering_is_detected_from_content(docs, name, rendering, media_type):
    doc = docs[name]
    assert (doc.rendering, doc.media_type) == (rendering, media_type)
    raw = (DOCUMENTS / name).read_bytes()
    assert doc.line_count == len(doc.lines) == raw.decode("utf-8").count("\n") + 1
    assert doc.name == name and len(doc.sha256) == 64


def test_document_metadata_and_block_lines_are_consistent(docs):
    for doc in docs.values():
        for block in doc.blocks:
            assert block.kind in {
                "heading",
                "paragraph",
                "row",
                "signature",
                "footnote",
                "boilerplate",
            }
            assert 1 <= block.start_line <= block.end_line <= doc.line_count
            assert doc.lines[block.start_line - 1].strip(), block
            assert block.text == block.text.strip() and "  " not in block.text
            assert block.page is None
        starts = [block.start_line for block in doc.blocks]
        assert starts == sorted(starts)


def test_report_as_pdf_text_has_agreement_headings_and_one_signature(docs):
    doc = docs[VORLAGE_PDF_TEXT]
    counts = kinds(doc)
    dated = [b for b in doc.blocks if b.kind == "heading" and b.text.endswith(")")]
    assert len(dated) == 14  # one heading per agreement of the report, split off its body
    assert all(re.search(r"\((\d+\. )?\w+ \d{4}\)$", h.text) for h in dated)
    assert counts["signature"] == 1 and counts["row"] == 0 and counts["footnote"] == 0
    assert 25 <= counts["paragraph"] <= 35
    signature = next(b for b in doc.blocks if b.kind == "signature")
    assert signature.text == "Nathanael Liminski"
    assert signature.start_line == line_number(doc, "Nathanael Liminski", whole=True)


def test_report_as_markdown_drops_artefacts_and_keeps_signature(docs):
    doc = docs[VORLAGE_MD]
    counts = kinds(doc)
    dated = [b for b in doc.blocks if b.kind == "heading" and b.text.endswith(")")]
    assert len(dated) == 14 and counts["signature"] == 1
    assert {"Frage", "Antwort"} <= {b.text for b in doc.blocks if b.kind == "heading"}
    assert "handwritten signature" not in full_text(doc)
    assert "**" not in full_text(doc)
    signature = next(b for b in doc.blocks if b.kind == "signature")
    assert signature.text == "Nathanael Liminski"
    assert doc.lines[signature.start_line - 1] == "Nathanael Liminski"
    previous = doc.blocks[doc.blocks.index(signature) - 1]
    assert previous.text == "Mit freundlichen Grüßen"


def test_answer_markdown_headings_markup_and_print_footer(docs):
    doc = docs[DRUCKSACHE_MD]
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "Antwort" in headings and "Vorbemerkung der Kleinen Anfrage" in headings
    assert any(h.startswith("1. Welche Maßnahmen") for h in headings)  # entirely bold
    text = full_text(doc)
    assert "Partner*Innen" in text and "Frage 2_Austausch" in text  # escapes resolved
    assert "[www.landtag.nrw.de]" not in text and "<b>" not in text and "\\" not in text
    boilerplate = [b for b in doc.blocks if b.kind == "boilerplate"]
    assert len(boilerplate) == 1 and "Schutzgebühr" in boilerplate[0].text
    assert "www.landtag.nrw.de" in boilerplate[0].text


def test_answer_pdf_text_footnotes_questions_and_markers(docs):
    doc = docs[ANFRAGE_PDF_TEXT]
    notes = [b for b in doc.blocks if b.kind == "footnote"]
    assert [n.text.split()[0] for n in notes] == ["1", "2"]
    assert notes[0].text == (
        "1 https://www.land.nrw/de/pressemitteilung/"
        "ministerpraesident-armin-laschet-empfaengt-den-botschafter-der-republik-korea-0"
    )
    assert notes[0].line_span(0, len(notes[0].text)) == (
        notes[0].start_line,
        notes[0].start_line + 1,
    )
    questions = [b for b in doc.blocks if re.match(r"\d\. ", b.text)]
    assert [q.text[0] for q in questions] == ["1", "2", "3", "4", "5"]
    assert questions[1].text.startswith(
        "2. Wie haben sich diese Projekte bzw. Partnerschaften "
        "im Verlaufe der letzten drei Jahre entwickelt?"
    )
    text = full_text(doc)
    assert "in Ostasien." in text and "Ostasien.1" not in text
    assert "Teilung“." in text and "Teilung“.2" not in text
    assert 15 <= kinds(doc)["paragraph"] <= 25 and kinds(doc)["signature"] == 0


def test_press_release_signatories(docs):
    doc = docs[PRESS_RELEASE]
    signatures = [b for b in doc.blocks if b.kind == "signature"]
    assert [s.text for s in signatures] == [
        "Winfried Kretschmann, Ministerpräsident des Landes Baden-Württemberg",
        "KUROIWA Yūji, Gouverneur der Präfektur Kanagawa",
    ]
    assert signatures[0].start_line == line_number(doc, "Winfried Kretschmann", whole=True)
    assert signatures[0].end_line == signatures[0].start_line + 1
    assert "MEBYO-Industrie" in full_text(doc)  # hyphen kept across a blank line (page break)
    assert "[Landesportal" not in full_text(doc) and "Landesportal" in full_text(doc)
    assert kinds(doc)["paragraph"] >= 15


@pytest.mark.parametrize(
    ("word", "names"),
    [
        ("Zusammenarbeit", [VORLAGE_PDF_TEXT, VORLAGE_MD, ANFRAGE_PDF_TEXT, PRESS_RELEASE]),
        ("Nordrhein-Westfalen", [VORLAGE_PDF_TEXT, VORLAGE_MD, ANFRAGE_PDF_TEXT]),
        ("Ostbelgiens", [VORLAGE_PDF_TEXT, VORLAGE_MD]),
        ("Bundes- und Europaangelegenheiten", [VORLAGE_PDF_TEXT, VORLAGE_MD, DRUCKSACHE_MD]),
        ("Hauts-de-France", [VORLAGE_PDF_TEXT, VORLAGE_MD]),
        ("Landesjugendorchester", [VORLAGE_PDF_TEXT, VORLAGE_MD]),
        ("Benelux/Nordrhein-Westfalen", [VORLAGE_PDF_TEXT, VORLAGE_MD]),
        ("Ministeriums für Wirtschaft", [VORLAGE_PDF_TEXT, VORLAGE_MD]),
        ("nordrhein-westfälischen", [VORLAGE_PDF_TEXT, VORLAGE_MD]),
        ("KI.NRW und Piemonte Innova", [VORLAGE_PDF_TEXT, VORLAGE_MD]),
    ],
)
def test_repaired_words_appear(docs, word, names):
    for name in names:
        assert word in full_text(docs[name]), (word, name)


ARTEFACTS = re.compile(
    r"Zusam- ?menarbeit|Ost- ?belgiens|Nord- ?rhein|Be- ?nelux|Bun- ?des|Mi- ?nisteriums"
    r"|Landesju- ?gend|Hauts-de- France|Nordrhein- Westfalen|\w- (?!und |oder |sowie |bzw\.)"
    r"[a-zäöüß]"
)


@pytest.mark.parametrize("name", REAL)
def test_no_line_end_hyphen_artefacts(docs, name):
    for block in docs[name].blocks:
        assert not ARTEFACTS.search(block.text), (block.start_line, block.text)


def test_line_span_points_to_source_lines_pdf_text(docs):
    doc = docs[VORLAGE_PDF_TEXT]
    block, offset = find(doc, "Ostbelgiens war ein Gespräch")
    span = block.line_span(offset, offset + len("Ostbelgiens war ein Gespräch"))
    assert span == (
        line_number(doc, "Ministerpräsidenten Ost-"),
        line_number(doc, "belgiens war ein Gespräch"),
    )
    block, offset = find(doc, "Landesjugendorchester NRW im Rahmen")
    start, end = block.line_span(offset, offset + len("Landesjugendorchester NRW im Rahmen"))
    assert doc.lines[start - 1].rstrip().endswith("Landesju-")
    assert doc.lines[end - 1].startswith("gendorchester NRW im Rahmen")
    # across a page-break run: "(u.a." ... empty lines ... "KI.NRW"
    block, offset = find(doc, "(u.a. KI.NRW")
    start, end = block.line_span(offset, offset + len("(u.a. KI.NRW"))
    assert "(u.a." in doc.lines[start - 1] and doc.lines[end - 1].startswith("KI.NRW")
    assert end - start > 2
    assert block.line_span(0, 1)[0] == block.start_line
    assert block.line_span(len(block.text) - 1, len(block.text))[1] == block.end_line


def test_line_span_points_to_source_lines_markdown(docs):
    doc = docs[VORLAGE_MD]
    block, offset = find(doc, "Landesjugendorchester NRW im Rahmen")
    expected = line_number(doc, "Landesjugendorchester NRW im Rahmen")
    assert block.line_span(offset, offset + 10) == (expected, expected)
    # a paragraph cut at a page break in the Markdown ("Mi-" / blank line / "nisteriums")
    block, offset = find(doc, "Ministeriums für Wirtschaft")
    assert block.line_span(offset, offset + 12) == (
        line_number(doc, "weiter auszubauen. Seitens"),
        line_number(doc, "nisteriums für Wirtschaft"),
    )
    # bold markup removed without shifting the span
    block, offset = find(doc, "Republik Ungarn (21. April 2008)")
    line = line_number(doc, "**Republik Ungarn** (21. April 2008)")
    assert block.kind == "heading" and block.line_span(offset, offset + 15) == (line, line)


def test_annex_table_rows(docs):
    doc = docs[DRUCKSACHE_MD]
    rows = [b for b in doc.blocks if b.kind == "row"]
    tab_lines = [n for n, line in enumerate(doc.lines, 1) if "\t" in line]
    assert [r.start_line for r in rows] == tab_lines
    headers = [r for r in rows if r.header]
    assert headers == [rows[0]]
    assert rows[0].cells == ("Ressort", "Maßnahme (Titel und ggf. Kurzbeschreibung)")
    data = rows[1:]
    assert all(len(r.cells) == 2 for r in data)
    assert all(re.fullmatch(r"[A-Z]{2,6}|", r.cells[0]) for r in data)
    empty = [r for r in data if r.cells[0] == ""]
    assert len(empty) == 1 and empty[0].cells[1].startswith("26.09.2019: MP-Gespräch")
    assert Counter(r.cells[0] for r in data)["MBEI"] == 17
    assert rows[1].text == "STK | " + rows[1].cells[1]
    line = doc.lines[rows[5].start_line - 1]
    assert rows[5].line_span(0, 3) == (rows[5].start_line,) * 2 and line.startswith("\t")
    assert "Richter*innen" in " ".join(r.text for r in rows)


def normalised(text: str) -> str:
    text = text.replace("\u201c", '"').replace("\u201e", '"').replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def report_body(doc: Document) -> list[str]:
    texts = [b for b in doc.blocks if b.kind in ("heading", "paragraph")]
    first = next(
        i
        for i, b in enumerate(texts)
        if b.kind == "heading" and b.text.startswith("Gemeinsame Erklärung")
    )
    return [normalised(b.text) for b in texts[first:]]


def test_two_renderings_of_the_report_give_the_same_paragraphs(docs):
    """The PDF text and the Markdown of Vorlage 18/1828 give the same body paragraphs.

    Paragraphs are compared by similarity, not equality, because the two renderings differ in
    a few real characters ("Expertenaustauch" vs "Expertenaustausch", "Staatsekretär",
    straight vs typographic quotes, "25.- 27." vs "25. - 27."): a ratio of 0.97 allows a few
    such typos in a paragraph but not a missing or extra line. One exception is allowed: where
    the PDF text layer lost a paragraph break (the Jiangsu and Shanxi paragraphs are separated
    only by an ordinary line break, after a full-width line), the PDF-text paragraph equals two
    Markdown paragraphs joined; this may happen at most once.
    """
    pdf_text = report_body(docs[VORLAGE_PDF_TEXT])
    markdown = report_body(docs[VORLAGE_MD])
    assert len(markdown) >= 30

    def similar(a: str, b: str) -> bool:
        return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.97

    i = j = joined = 0
    while i < len(pdf_text) and j < len(markdown):
        if similar(pdf_text[i], markdown[j]):
            i, j = i + 1, j + 1
        elif j + 1 < len(markdown) and similar(pdf_text[i], f"{markdown[j]} {markdown[j + 1]}"):
            i, j, joined = i + 1, j + 2, joined + 1
        else:
            raise AssertionError(f"paragraph {i} differs:\n{pdf_text[i]}\n---\n{markdown[j]}")
    assert (i, j) == (len(pdf_text), len(markdown))
    assert joined <= 1


def test_page_split_paragraphs_in_markdown_are_joined(docs):
    doc = docs[VORLAGE_MD]
    block, _ = find(doc, "Kreislaufwirtschaft“ ausgerichtet. Eine Fachdelegation")
    assert block.start_line < block.end_line
    find(doc, "weiterzuführen (u.a. KI.NRW und Piemonte Innova")
    find(doc, "Auch in Bezug auf die Unterstützung der Ukraine")


# --------------------------------------------------------------------------------------------
# Hyphenation


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("der Zusam-", "menarbeit", "der Zusammenarbeit"),
        ("Ost-", "belgiens", "Ostbelgiens"),
        ("Nord-", "rhein-Westfalen", "Nordrhein-Westfalen"),
        ("Be-", "nelux/Nordrhein-Westfalen", "Benelux/Nordrhein-Westfalen"),
        ("Bun-", "des- und Europaangelegenheiten", "Bundes- und Europaangelegenheiten"),
        ("US-Bundes-", "staat Pennsylvania", "US-Bundesstaat Pennsylvania"),
        ("Internationales so-", "wie Medien", "Internationales sowie Medien"),
        # keep the hyphen: next part upper-case
        ("Nordrhein-", "Westfalen", "Nordrhein-Westfalen"),
        ("Region Hauts-de-", "France", "Region Hauts-de-France"),
        ("Know-how-", "Austausch", "Know-how-Austausch"),
        ("COVID-", "19", "COVID-19"),
        # keep the hyphen and the space: a suspended compound
        ("Bundes-", "und Europaangelegenheiten", "Bundes- und Europaangelegenheiten"),
        ("Forschungs-", "oder Entwicklungsprojekte", "Forschungs- oder Entwicklungsprojekte"),
        ("Kultur-", "sowie Bildungsprojekte", "Kultur- sowie Bildungsprojekte"),
        ("Landes-", "bzw. Bundesmittel", "Landes- bzw. Bundesmittel"),
        # keep the hyphen: upper-case letter or digit before it
        ("NRW-", "weit", "NRW-weit"),
        ("das 10-", "jährige Jubiläum", "das 10-jährige Jubiläum"),
        # no hyphen: plain join; a dash with a space before it stays a dash
        ("Nordrhein-Westfalen", "und Ungarn", "Nordrhein-Westfalen und Ungarn"),
        ("Westfalen -", "Ungarn", "Westfalen - Ungarn"),
        ("Wirtschaft/", "Ausbildung", "Wirtschaft/ Ausbildung"),
        # soft hyphen from a PDF, URL broken at a hyphen
        ("Zusam\u00ad", "menarbeit", "Zusammenarbeit"),
        (
            "https://www.land.nrw/de/laschet-empfaengt-den-",
            "botschafter-0",
            "https://www.land.nrw/de/laschet-empfaengt-den-botschafter-0",
        ),
    ],
)
def test_join_lines(left, right, joined):
    assert join_lines(left, right) == joined


def test_join_lines_uses_the_documents_own_spelling():
    evidence = "das land nordrhein-westfalen und seine partner"
    assert join_lines("nordrhein-", "westfälischen", evidence) == "nordrhein-westfälischen"
    assert join_lines("nordrhein-", "westfälischen") == "nordrheinwestfälischen"
    assert join_lines("Zusam-", "menarbeit", evidence) == "Zusammenarbeit"


# --------------------------------------------------------------------------------------------
# PDF files


PDF_PAGES = [
    [
        "Bericht über die Zusammenarbeit mit der Region Normandie",
        "",
        "Die Landesregierung hat die Zusam-",
        "menarbeit mit der Region Normandie im Jahr 2023 weiter ausgebaut.",
        "Der Jugendaustausch wurde fortgesetzt und eine gemeinsame Koope-",
    ],
    [
        "ration im Bereich Wasserstoff wurde vereinbart. Die Fachleute beider",
        "Seiten treffen sich zweimal im Jahr.",
        "",
        "Im Jahr 2024 ist eine Konferenz in Rouen geplant.",
    ],
    [
        "Mit freundlichen Grüßen",
        "",
        "",
        "Erika Mustermann",
        "Ministerin für Europa und Internationales",
    ],
]


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Pages with a running header (page number in it), body lines, and a "- n -" footer."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=11)
    for number, body in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_y(10)
        pdf.cell(
            0,
            6,
            f"Landtag Musterland - Vorlage 18/99 - Seite {number} von {len(pages)}",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_y(30)
        for line in body:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(280)
        pdf.cell(0, 6, f"- {number} -", align="C")
    pdf.output(str(path))
    return path


def test_pdf_removes_running_lines_repairs_words_and_keeps_pages(tmp_path):
    doc = read(write_pdf(tmp_path / "vorlage.pdf", PDF_PAGES))
    assert (doc.rendering, doc.media_type) == ("pdf", "application/pdf")
    text = full_text(doc)
    assert "Landtag Musterland" not in text and "von 3" not in text
    assert not re.search(r"- \d -", text)
    assert any("Landtag Musterland" in line for line in doc.lines)  # still in the text layer
    (body,) = (b for b in doc.blocks if "Zusammenarbeit mit der Region Normandie im" in b.text)
    assert "gemeinsame Kooperation im Bereich Wasserstoff" in body.text  # across the page
    assert body.page == 1 and body.kind == "paragraph"
    offset = body.text.index("Kooperation")
    start, end = body.line_span(offset, offset + len("Kooperation"))
    assert doc.lines[start - 1].endswith("Koope-") and doc.lines[end - 1].startswith("ration")
    (planned,) = (b for b in doc.blocks if b.text.startswith("Im Jahr 2024"))
    assert planned.page == 2
    (signature,) = (b for b in doc.blocks if b.kind == "signature")
    assert signature.text == "Erika Mustermann, Ministerin für Europa und Internationales"
    assert signature.page == 3
    assert doc.lines[signature.start_line - 1].strip() == "Erika Mustermann"
    assert all(b.page in (1, 2, 3) for b in doc.blocks)


def test_pdf_without_text_layer_is_an_error(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(DocumentError) as caught:
        read(path)
    assert "no text layer" in str(caught.value)
    assert str(caught.value).startswith(f"{path}: ")
    assert caught.value.line is None


def test_encrypted_and_damaged_pdfs_are_errors(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Vertraulich")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.output(str(tmp_path / "locked.pdf"))
    with pytest.raises(DocumentError, match="encrypted"):
        read(tmp_path / "locked.pdf")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\n%%EOF\n")
    with pytest.raises(DocumentError, match="cannot be read"):
        read(tmp_path / "broken.pdf")


# --------------------------------------------------------------------------------------------
# Text files: errors, encodings


def test_empty_missing_and_blank_files_are_errors(tmp_path):
    (tmp_path / "leer.txt").write_bytes(b"")
    with pytest.raises(DocumentError, match="file is empty"):
        read(tmp_path / "leer.txt")
    (tmp_path / "blank.txt").write_text(" \n\n\t\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="no text"):
        read(tmp_path / "blank.txt")
    with pytest.raises(DocumentError, match="file not found"):
        read(tmp_path / "fehlt.txt")
    (tmp_path / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(DocumentError, match="binary"):
        read(tmp_path / "binary.txt")


def test_document_error_format_and_pickling():
    error = DocumentError("a.txt", "file is empty")
    assert str(error) == "a.txt: file is empty"
    located = DocumentError("a.txt", "bad line", line=3)
    assert str(located) == "a.txt:3: bad line"
    copy = pickle.loads(pickle.dumps(located))
    assert (copy.file, copy.reason, copy.line) == ("a.txt", "bad line", 3)


def test_cp1252_file_is_read(tmp_path):
    text = "Größere Zusammenarbeit – mit Südkorea\r\n\r\nDie Präfektur „Kanagawa“ ist Partner.\r\n"
    path = tmp_path / "alt.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = read(path)
    assert [b.text for b in doc.blocks] == [
        "Größere Zusammenarbeit – mit Südkorea",
        "Die Präfektur „Kanagawa“ ist Partner.",
    ]
    assert doc.lines[0] == "Größere Zusammenarbeit – mit Südkorea"  # CRLF gone


def test_utf8_bom_and_nfc(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Su\u0308dkorea und Baden-Wu\u0308rttemberg.".encode())
    doc = read(path)
    assert doc.blocks[0].text == "Südkorea und Baden-Württemberg."
    assert doc.lines[0].startswith("Südkorea")


# --------------------------------------------------------------------------------------------
# Small documents written for the tests


def test_web_page_noise_is_boilerplate():
    doc = read(DATA / "webseite-pressemitteilung.txt")
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs[0] == "Musterland und die Region Normandie erneuern ihre Partnerschaft"
    assert paragraphs[1].startswith("Ministerpräsidentin Anna Beispiel und der Präsident")
    assert paragraphs[2].startswith("Die Partnerschaft besteht seit 1999.")
    assert len(paragraphs) == 3
    noise = " ".join(b.text for b in doc.blocks if b.kind == "boilerplate")
    for phrase in (
        "verwendet Cookies",
        "Alle akzeptieren",
        "Startseite Landesregierung",
        "Sie sind hier",
        "Seite drucken",
        "Impressum",
        "© 2024",
    ):
        assert phrase in noise


def test_web_page_cut_off_mid_sentence(tmp_path):
    text = (DATA / "webseite-pressemitteilung.txt").read_text(encoding="utf-8")
    cut = text[: text.index("Im kommenden Jahr ist eine") + len("Im kommenden Jahr ist eine")]
    path = tmp_path / "abgeschnitten.txt"
    path.write_text(cut, encoding="utf-8")
    doc = read(path)
    assert doc.blocks[-1].kind == "paragraph"
    assert doc.blocks[-1].text.endswith("seit 1999. Im kommenden Jahr ist eine")


def test_a_web_headline_and_date_line_do_not_run_into_the_first_sentence(tmp_path):
    path = tmp_path / "meldung.txt"
    path.write_text(
        "Jugendaustausch mit der Partnerprovinz Nordland geplant\n"
        "Meldung vom 3. Juni 2011\n"
        "Die Landesregierung soll im Herbst eine Delegation aus Nordland empfangen, die "
        "über den Schüleraustausch berät. Gespräche dazu laufen seit dem Frühjahr.\n",
        encoding="utf-8",
    )
    texts = [block.text for block in read(path).blocks]
    assert texts[0] == ("Jugendaustausch mit der Partnerprovinz Nordland geplant "
                        "Meldung vom 3. Juni 2011")
    assert texts[1].startswith("Die Landesregierung soll")


def test_a_title_ending_in_a_name_stays_with_the_text_it_introduces(tmp_path):
    path = tmp_path / "titel.txt"
    path.write_text(
        "Die Partnerschaft mit der Provinz Nordland\n"
        "Seit 1995 pflegen beide Seiten Kontakte, die 1998 vertraglich besiegelt wurden.\n",
        encoding="utf-8",
    )
    assert len(read(path).blocks) == 1


def test_wrapped_plain_text_is_not_cut_at_capitalised_line_starts(tmp_path):
    path = tmp_path / "umbrochen.txt"
    path.write_text(
        "Die Landesregierung und die Partnerprovinz Nordland haben eine engere\n"
        "Zusammenarbeit in der Berufsbildung vereinbart.\n",
        encoding="utf-8",
    )
    assert len(read(path).blocks) == 1


def test_markdown_markup_pipe_table_and_signature():
    doc = read(DATA / "bericht-mit-tabelle.md")
    assert doc.rendering == "markdown"
    by_kind: dict[str, list[Block]] = {}
    for block in doc.blocks:
        by_kind.setdefault(block.kind, []).append(block)
    assert [b.text for b in by_kind["heading"]] == [
        "Bericht der Landesregierung",
        "Zusammenarbeit mit der Region Normandie",
        "Termine im Jahr 2024",
    ]
    paragraph = by_kind["paragraph"][0].text
    assert paragraph.startswith("Die Landesregierung pflegt die Zusammenarbeit mit der Region")
    assert "(vgl. Drucksache 18/99)" in paragraph and "https://" not in paragraph
    assert "Partner*innen" in paragraph and "termine_2024.csv" in paragraph
    assert "Liste_A" in paragraph
    assert "Logo" not in full_text(doc) and "photograph" not in full_text(doc)
    rows = by_kind["row"]
    assert [r.cells for r in rows] == [
        ("Ressort", "Maßnahme"),
        ("STK", "03.05.2024: Unterzeichnung in Rouen"),
        ("", "12.06.2024: Jugendgipfel in Caen"),
        ("MW", "Wasserstoffkonferenz in Hannover"),
    ]
    assert [r.header for r in rows] == [True, False, False, False]
    assert [b.text for b in by_kind["signature"]] == [
        "Dr. Anna Beispiel, Ministerpräsidentin des Landes Musterland"
    ]


def test_plain_text_signature_after_date_line(tmp_path):
    path = tmp_path / "erklaerung.txt"
    path.write_text(
        "Beide Seiten unterzeichnen diese Erklärung in zwei Urschriften.\n\n"
        "Hannover, den 3. Mai 2024\n\n"
        "Anna Beispiel\nMinisterpräsidentin des Landes Musterland\n\n"
        "Jean Exemple\nPrésident de la Région Normandie\n\n"
        "Weitere Termine folgen.\n",
        encoding="utf-8",
    )
    doc = read(path)
    assert [b.kind for b in doc.blocks] == [
        "paragraph",
        "paragraph",
        "signature",
        "signature",
        "paragraph",
    ]
    assert doc.blocks[3].text == "Jean Exemple, Président de la Région Normandie"


def test_block_line_span_without_map_falls_back_to_block_lines():
    block = Block(kind="paragraph", text="abc", start_line=4, end_line=6)
    assert block.line_span(0, 2) == (4, 6)


# --------------------------------------------------------------------------------------------
# Any text: read() either gives consistent blocks or a DocumentError, never a traceback

LINE_PIECES = [
    "",
    " ",
    "   ",
    "Die Landesregierung hat die Zusam-",
    "menarbeit mit der Region ausgebaut. ",
    "Nordrhein-",
    "Westfalen und die Woiwodschaft Schlesien (17. Juni 2021)",
    "Bundes-",
    "und Europaangelegenheiten",
    "## Antwort",
    "**1. Welche Projekte?**",
    "STK\t21.09.2017: Gespräch",
    "\t26.09.2019: Gespräch",
    "<b>Ressort</b>\t<b>Maßnahme</b>",
    "| a | b |",
    "|---|---|",
    "1 https://www.land.nrw/de/presse-",
    "mitteilung-0",
    "                                                ",
    "Mit freundlichen Grüßen",
    "17. Juli 2024",
    "Winfried Kretschmann",
    "Ministerpräsident des Landes Baden-Württemberg",
    "Startseite",
    "Diese Website verwendet Cookies.",
    'A handwritten signature in blue ink that reads "X".',
    "- 3 -",
    "(u.a. ",
    "Partner\\*innen und [Link](http://x.de) mit *Betonung* und _so_ weiter.",
    "\u00ad",
    "ﬁnanziell",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(LINE_PIECES), min_size=1, max_size=40),
    st.sampled_from(["doc.txt", "doc.md", "doc.pdf.txt"]),
)
def test_any_text_gives_consistent_blocks_or_a_document_error(tmp_path_factory, pieces, name):
    path = tmp_path_factory.mktemp("random") / name
    path.write_text("\n".join(pieces), encoding="utf-8")
    try:
        doc = read(path)
    except DocumentError as error:
        assert error.reason and str(error).startswith(str(path))
        return
    for block in doc.blocks:
        assert 1 <= block.start_line <= block.end_line <= doc.line_count
        assert block.text == block.text.strip() and "  " not in block.text
        if block.text:
            start, end = block.line_span(0, len(block.text))
            assert block.start_line <= start <= end <= block.end_line


def test_paragraph_split_by_a_page_footer_is_joined_and_footer_kept(tmp_path):
    first = "Die Landesregierung pflegt enge Beziehungen zur Region. " * 4
    path = tmp_path / "antwort.md"
    path.write_text(
        "## Antwort\n\n"
        f"{first}Im Jahr 2023 fanden zahlreiche Begeg-\n\n"
        "Die Veröffentlichungen des Landtags Musterland sind einzeln gegen eine Schutzgebühr "
        "beim Archiv des Landtags zu beziehen.\n\n"
        "nungen statt, etwa in **Rouen**.\n\n"
        "Ein neuer Absatz.\n",
        encoding="utf-8",
    )
    doc = read(path)
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "boilerplate", "paragraph"]
    assert doc.blocks[1].text.endswith("fanden zahlreiche Begegnungen statt, etwa in Rouen.")
    assert (doc.blocks[1].start_line, doc.blocks[1].end_line) == (3, 7)
    assert doc.blocks[2].start_line == 5


# --------------------------------------------------------------------------------------------
# Layouts of other Länder's documents (synthetic, general rules)


def pdf_text(lines: list[str], spacer: str) -> str:
    """Lines as a PDF-text renderer writes them: each followed by ``spacer``; "<page>" is a
    page break (a run of empty lines)."""
    out: list[str] = []
    for line in lines:
        out.extend(["", "", "", ""] if line == "<page>" else [f"{line} ", spacer])
    return "\n".join(out)


def test_pdf_text_running_header_and_page_number_are_removed(tmp_path):
    header = "Drucksache 21/{n} Musterländischer Landtag · 21. Wahlperiode"
    lines = [
        "Die Landesregierung pflegt die Partnerschaft mit der Region Normandie seit dem",
        "Jahr 1999 und hat sie zuletzt im Jahr 2023 durch eine neue Erklärung bekräftigt.",
        " ",
        "Der Jugendaustausch wurde im vergangenen Jahr fortgesetzt, und eine Delegation der",
        "<page>",
        header.format(n=2),
        "2",
        "Region besuchte im Mai 2024 die Landeshauptstadt. Für das kommende Jahr ist eine",
        "Konferenz in Rouen geplant.",
        " ",
        "<page>",
        header.format(n=3),
        "3",
        "Die Landesregierung wird weiter berichten.",
    ]
    path = tmp_path / "antwort.pdf.txt"
    path.write_text(pdf_text(lines, ""), encoding="utf-8")
    doc = read(path)
    assert doc.rendering == "pdf-text"
    text = full_text(doc)
    assert "Wahlperiode" not in text and "\n2\n" not in f"\n{text}\n"
    block, _ = find(doc, "eine Delegation der Region besuchte im Mai 2024")
    assert block.text.endswith("Für das kommende Jahr ist eine Konferenz in Rouen geplant.")


def test_pdf_text_spaced_by_whitespace_lines_splits_titles_and_short_lines(tmp_path):
    lines = [
        "Das Land unterhält Regionalpartnerschaften mit mehreren Regionen in Europa und",
        "Asien; ihre Umsetzung wird von der Staatskanzlei koordiniert und von den Ressorts",
        "getragen, wie es der Bericht des vergangenen Jahres ausführlich dargelegt hat.",
        "Gemeinsame Erklärung über die Zusammenarbeit zwischen dem Land Musterland und",
        "der Provinz Anhui (11. Oktober 1984)",
        "Vom 23. - 27. Oktober 2023 führte das Wirtschaftsministerium eine Delegationsreise",
        "in die Provinz durch, an der achtzehn Unternehmen teilnahmen. Die Reise wurde von",
        "der Staatssekretärin geleitet.",
        "Für das Jahr 2024 ist ein Gegenbesuch geplant, an dem auch Hochschulen teilnehmen.",
    ]
    path = tmp_path / "bericht.txt"
    path.write_text(pdf_text(lines, " "), encoding="utf-8")
    doc = read(path)
    assert doc.rendering == "pdf-text"
    assert [b.kind for b in doc.blocks] == ["paragraph", "heading", "paragraph", "paragraph"]
    assert doc.blocks[1].text.endswith("der Provinz Anhui (11. Oktober 1984)")
    assert doc.blocks[2].text.endswith("Die Reise wurde von der Staatssekretärin geleitet.")


def test_pdf_text_signature_with_name_and_post_in_separate_blocks(tmp_path):
    lines = [
        "Die Landesregierung wird den Ausschuss weiter unterrichten.",
        " ",
        "Wiesbaden, 17. September 2024",
        " ",
        "Dr. Tobias Beispiel",
        " ",
        "Chef der Staatskanzlei",
        " ",
    ]
    path = tmp_path / "antwort.txt"
    path.write_text(pdf_text(lines, ""), encoding="utf-8")
    doc = read(path)
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph", "signature"]
    assert doc.blocks[2].text == "Dr. Tobias Beispiel, Chef der Staatskanzlei"
    assert doc.lines[doc.blocks[2].start_line - 1].strip() == "Dr. Tobias Beispiel"


def test_signatures_for_parties_and_at_the_end_of_an_answer(tmp_path):
    declaration = tmp_path / "erklaerung.txt"
    declaration.write_text(
        "Geschehen zu München in zwei Urschriften.\n\n"
        "München, den 7. Oktober 2024\n\n"
        "Für den Freistaat Musterland\nDr. Ludwig Beispiel\nStaatsminister\n\n"
        "Für die Provinz Westkap\nJohan Exempel\nPremierminister der Provinz Westkap\n",
        encoding="utf-8",
    )
    doc = read(declaration)
    assert [(b.kind, b.text) for b in doc.blocks[2:]] == [
        ("paragraph", "Für den Freistaat Musterland"),
        ("signature", "Dr. Ludwig Beispiel, Staatsminister"),
        ("paragraph", "Für die Provinz Westkap"),
        ("signature", "Johan Exempel, Premierminister der Provinz Westkap"),
    ]
    answer = tmp_path / "antwort.md"
    answer.write_text(
        "## Antwort\n\n"
        + "Die Landesregierung pflegt die Partnerschaft.\n\n" * 4
        + "Karsten Beispiel\nStaatsminister\n",
        encoding="utf-8",
    )
    assert read(answer).blocks[-1].kind == "signature"


def test_a_title_after_the_closing_formula_is_not_a_signatory(tmp_path):
    path = tmp_path / "bericht.txt"
    path.write_text(
        "Mit freundlichen Grüßen\n\nDr. Henrik Beispiel\n\n\n"
        "Bericht der Landesregierung\nzum Stand der Zusammenarbeit mit den Partnerregionen\n\n"
        "Sächsische Staatskanzlei\nDer Staatsminister\n",
        encoding="utf-8",
    )
    doc = read(path)
    assert [b.kind for b in doc.blocks] == ["paragraph", "signature", "paragraph", "paragraph"]


def test_markdown_link_menus_are_boilerplate(tmp_path):
    path = tmp_path / "seite.md"
    path.write_text(
        "[Direkt zum Inhalt](#main) [Direkt zur Navigation](#nav)\n\n"
        "* [Startseite](https://example.org/)\n* [Staatskanzlei](https://example.org/stk)\n\n"
        "# Musterland und Normandie erneuern Partnerschaft\n\n"
        "Am 3. Mai 2024 unterzeichneten beide Regionen in Rouen eine Erklärung "
        "([Wortlaut](https://example.org/erklaerung.pdf)).\n\n"
        "Teilen: [Facebook](#) [E-Mail](#)\n",
        encoding="utf-8",
    )
    doc = read(path)
    assert [b.kind for b in doc.blocks] == [
        "boilerplate",
        "boilerplate",
        "boilerplate",
        "heading",
        "paragraph",
        "boilerplate",
    ]
    assert doc.blocks[4].text.endswith("in Rouen eine Erklärung (Wortlaut).")



def _pdf_text(pages: list[list[list[str]]], header: str) -> str:
    """Invented PDF text laid out as a text export: every line ends in a space and is followed
    by an empty line, paragraphs are parted by a whitespace-only line, pages by a run of empty
    lines around the running header and the page number."""
    out: list[str] = []
    for number, paragraphs in enumerate(pages, 1):
        if number > 1:
            out += ["", "", "", f"{header} ", "", f"{number} ", "", "", ""]
        for index, paragraph in enumerate(paragraphs):
            out += [" ", ""] if index else []
            for line in paragraph:
                out += [f"{line} ", ""]
    return "\n".join(out)


def test_pdf_text_drops_a_running_header_that_the_letterhead_also_holds(tmp_path):
    """The header of every later page is also in the first page's letterhead; where a page
    breaks inside a sentence it must not become part of the sentence."""
    pages = [
        [["Landtag Musterland"], ["Vorlage 12/3456"], ["1. März 2023"],
         ["Sehr geehrte Frau Präsidentin,", "anbei der Bericht über die Partnerschaften."],
         ["Am 6. Juni 2023 hat die Ministerin den Gouverneur", "des Bundesstaates"]],
        [["Nordland zu einem Gespräch in der Landeshauptstadt empfangen. Themen waren",
          "Wasserstoff und Kultur."],
         ["Die Arbeitsgruppe tagte im Mai 2023 in der Hauptstadt des", "Bundesstaates"]],
        [["Südland. Die nächste Sitzung ist für den Herbst 2024 geplant."]],
    ]
    path = tmp_path / "mu-vorlage-12-3456.pdf.txt"
    path.write_text(_pdf_text(pages, "Vorlage 12/3456"), encoding="utf-8")
    doc = read(path)
    assert doc.rendering == "pdf-text"
    texts = [b.text for b in doc.blocks]
    assert "Vorlage 12/3456" in texts  # the letterhead keeps it
    assert any("des Bundesstaates Nordland zu einem Gespräch" in t for t in texts)
    assert any("des Bundesstaates Südland." in t for t in texts)
    assert sum(t.count("12/3456") for t in texts) == 1


def test_a_pdf_copys_hyphens_inside_a_line_are_joined_after_short_syllables(tmp_path):
    path = tmp_path / "antwort.txt"
    path.write_text("Im Ap- ril reisten beide Sei- ten nach Kasan, zur Bundes- und "
                    "Europaministerkonferenz.\n", encoding="utf-8")
    text = " ".join(block.text for block in read(path).blocks)
    assert "Im April reisten beide Seiten nach Kasan" in text
    assert "Bundes- und Europaministerkonferenz" in text
