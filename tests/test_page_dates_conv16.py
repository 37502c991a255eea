"""A page's own date against the dates of its history (issue 8, branch h-conv16): a day after
"seit" or after an act or reform the page cites is not the page's. Invented texts."""

from __future__ import annotations

import pytest

from tests.test_document_dates_date14 import _date

_PAGE = "Partnerregionen des Landes\n\n"
_BODY = ("Das Land pflegt enge Beziehungen zu seinen Partnerregionen in Europa und in der Welt. "
         "Die Zusammenarbeit umfasst Wirtschaft, Kultur und Wissenschaft.\n\n")


@pytest.mark.parametrize("line", [
    "- Nordland (Frankreich): Partnerschaft besteht seit dem 1. November 1995",
    "Nordland: Partnerschaft seit 1. November 1995",
])
def test_a_day_after_seit_in_a_short_line_is_no_pages_date(tmp_path, line):
    assert _date(tmp_path, _PAGE + line + "\n\n" + _BODY) == ""


@pytest.mark.parametrize("sentence", [
    "Die Woiwodschaft entstand im Zuge der Territorialreform vom 1. Januar 1999 neu.",
    "Die Partnerschaft musste infolge der Verwaltungs- und Gebietsreform vom 1. Januar 1999 "
    "neu begründet werden.",
])
def test_a_reforms_day_is_no_pages_date(tmp_path, sentence):
    assert _date(tmp_path, _PAGE + sentence + "\n\n" + _BODY) == ""


def test_an_act_a_report_cites_is_no_reports_date(tmp_path):
    text = ("Bericht des Ausschusses für Europa\n\n2001: Bekanntmachung des deutsch-nordländischen "
            "Abkommens vom 21. März 2001 über die Zusammenarbeit in den Grenzgebieten\n\n" + _BODY)
    assert _date(tmp_path, text) == ""


def test_a_reports_own_protocol_date_stays(tmp_path):
    text = "Protokoll der Sitzung vom 08.03.2001\n\nBericht des Ausschusses für Europa\n\n" + _BODY
    assert _date(tmp_path, text) == "2001-03-08"

