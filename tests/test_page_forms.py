"""A page's form is not its content (issue 8, branch h-pert17): trailing spaces, doubled
spaces, soft hyphens and a Markdown heading's marks read as a reader reads them. Found by
tests/test_perturbations.py; invented texts."""

from __future__ import annotations

from kg.documents import read
from tests.test_document_dates_date14 import _date

_PARAGRAPH = ("Das Land pflegt seit vielen Jahren enge Beziehungen zu seinen Partnerregionen in "
              "Europa und in der Welt, die Zusammenarbeit umfasst Wirtschaft, Kultur, "
              "Wissenschaft und den Austausch junger Menschen.")


def _read(tmp_path, text: str):
    path = tmp_path / "seite.txt"
    path.write_text(text, encoding="utf-8")
    return read(path)


def test_a_web_pages_lines_ending_in_spaces_are_no_pdf_text(tmp_path):
    """Whole paragraphs a line, each ending in a space, blank lines of a space: a converter's
    web text, not a PDF's (whose lines are wrapped to a page's width)."""
    text = "Partnerregionen \n \n" + (" \n \n".join([_PARAGRAPH] * 4)) + " \n"
    assert _read(tmp_path, text).rendering == "plain"


def test_a_web_pages_menu_lines_and_one_paragraph_ending_in_spaces_are_no_pdf_text(tmp_path):
    """Short menu lines and one line holding a whole article: still no page's width."""
    menu = " \n".join(["Startseite", "Presse", "Kontakt", "Suche", "Aktuelles"])
    text = menu + " \n \n" + " ".join([_PARAGRAPH] * 3) + " \n \nNach oben \n"
    assert _read(tmp_path, text).rendering == "plain"


def test_pdf_text_with_lines_ending_in_spaces_stays_pdf_text(tmp_path):
    wrapped = ["Das Land pflegt seit vielen Jahren enge Beziehungen zu seinen ",
               "Partnerregionen in Europa und in der Welt, die Zusammenarbeit ",
               "umfasst Wirtschaft, Kultur und Wissenschaft. "]
    text = "\n".join([*wrapped, " ", *wrapped, " ", *wrapped]) + "\n"
    assert _read(tmp_path, text).rendering == "pdf-text"


def test_doubled_spaces_make_no_line_a_whole_paragraph(tmp_path):
    """A line of fewer than 200 characters that ends a sentence goes on with the next line,
    also where a page doubles its spaces."""
    sentence = "Seit mehr als zwanzig Jahren unterhält das Land regionale Beziehungen zu den " \
        "Nachbarregionen im Osten und im Süden, zum Jubiläum des Vertrags über gute " \
        "Nachbarschaft kommt nun eine weitere hinzu."
    assert len(sentence) < 200 < len(sentence.replace(" ", "  "))
    text = "Titel der Seite\n\n" + sentence.replace(" ", "  ") + "\nVeröffentlicht am Montag\n"
    blocks = [b for b in _read(tmp_path, text).blocks if "Seit mehr" in b.text]
    assert blocks and "Veröffentlicht" in blocks[0].text


def test_a_soft_hyphen_inside_a_line_is_not_read(tmp_path):
    text = "Veröffent\u00adlicht: 24.10.2031, 19:46\n\n" + _PARAGRAPH + "\n"
    document = _read(tmp_path, text)
    assert "\u00ad" not in document.lines[0]
    assert _date(tmp_path, text) == "2031-10-24"


def test_a_soft_hyphen_ending_a_line_still_joins_the_word(tmp_path):
    text = "Die Partner\u00ad\nschaft besteht seit 1995 und umfasst viele Bereiche.\n"
    assert "Partnerschaft besteht" in _read(tmp_path, text).blocks[0].text


def test_a_markdown_headings_marks_before_a_date_line_do_not_hide_it(tmp_path):
    assert _date(tmp_path, "## Stand: 05/2031\n\n" + _PARAGRAPH + "\n") == "2031-05"
    assert _date(tmp_path, "Stand: 05/2031\n\n" + _PARAGRAPH + "\n") == "2031-05"


def test_a_hard_wrapped_paragraphs_short_last_line_ends_it(tmp_path):
    """Lines wrapped at 70 columns, no blank line between paragraphs: a sentence's end well
    short of the wrap width ends the paragraph; the next one is a block of its own."""
    import textwrap

    first = textwrap.fill(_PARAGRAPH + " Der Austausch soll weiter wachsen.", 70)
    second = textwrap.fill("Über dieses Thema hat auch der Rundfunk am 07.11.2031 in seinen "
                           "Nachrichten ausführlich berichtet.", 70)
    assert len(first.split("\n")[-1]) < 0.8 * 70
    blocks = _read(tmp_path, "Titel der Seite\n\n" + first + "\n" + second + "\n").blocks
    assert [b.text[:10] for b in blocks] == ["Titel der ", "Das Land p", "Über diese"]


def test_a_full_line_of_wrapped_text_does_not_end_its_paragraph(tmp_path):
    import textwrap

    lines = textwrap.fill(_PARAGRAPH + " " + _PARAGRAPH, 70)
    blocks = _read(tmp_path, "Titel der Seite\n\n" + lines + "\n").blocks
    assert len(blocks) == 2


def test_a_header_and_a_short_line_under_it_are_no_wrapped_run(tmp_path):
    """Two lines are no evidence of wrapping: a question's header and "Textauszug:" stay with
    the asker's text under them (which the answer's rules then read as the asker's)."""
    text = ("Kleine Anfrage vom 22.11.2031 des Abgeordneten A (Fraktion B) an die Landesregierung"
            "\nTextauszug:\n" + _PARAGRAPH +
            " " + _PARAGRAPH + "\n")
    assert len(_read(tmp_path, text).blocks) == 1
