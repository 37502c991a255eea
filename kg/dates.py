"""German date expressions, as written in Landtag answers, committee reports and press releases,
and the English ones of pages in English ("12 May 2015", "May 12, 2015").

One parser for all of them, so that every stage reads "26./28.05.2018", "Frühjahr 2024" or
"im Dezember letzten Jahres" the same way. A value is never more precise than its text: "Februar
2021" stays a month, "Anfang 2024" a year, and a season is a year whose bounds are narrowed.

A match covers the date words themselves. A leading preposition ("am", "seit", "vom") is grammar,
not date, and stays outside it, except in the phrases "im Jahr 2023" and "im vergangenen Jahr",
whose preposition belongs to the phrase.
"""

import bisect
import calendar
import csv
import datetime
import enum
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from kg.paths import MAPPINGS_DIR
from kg.pickling import canonical


class Precision(enum.Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


_XSD_TYPES = {Precision.DAY: "date", Precision.MONTH: "gYearMonth", Precision.YEAR: "gYear"}
_ENGLISH_MONTHS = (
    "", "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _days_in_month(year: int | None, month: int) -> int:
    """Without a year, February may still be a leap February: 2000 stands in for any leap year."""
    return calendar.monthrange(2000 if year is None else year, month)[1]


def _impossibility(year: int | None, month: int | None, day: int | None) -> str | None:
    """The reason these parts cannot be a date, in plain words; None when they can."""
    if year is not None and not 1 <= year <= 9999:
        return f"there is no year {year}"
    if month is not None and not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is None or (month is not None and 1 <= day <= _days_in_month(year, month)):
        return None
    if month is None or day < 1:
        return "a day needs a month" if month is None else f"there is no day {day}"
    if year is None:
        return f"{_ENGLISH_MONTHS[month]} has at most {_days_in_month(year, month)} days"
    return f"{_ENGLISH_MONTHS[month]} {year} has {_days_in_month(year, month)} days"


def _known(year: int | None) -> int:
    """Bounds and lexical forms need a year; a text that gives none cannot supply one."""
    if year is None:
        raise ValueError("the text gives no year, so the date has no bounds")
    return year


@canonical
@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A calendar date known only as far as the text tells it."""

    year: int | None
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        reason = _impossibility(self.year, self.month, self.day)
        if reason:
            raise ValueError(f"{(self.year, self.month, self.day)} is not a date: {reason}")

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.YEAR if self.month is None else Precision.MONTH

    def lexical(self) -> str:
        parts = [f"{_known(self.year):04d}"]
        parts += [f"{part:02d}" for part in (self.month, self.day) if part is not None]
        return "-".join(parts)

    def xsd_type(self) -> str:
        return _XSD_TYPES[self.precision]

    def earliest(self) -> datetime.date:
        return datetime.date(_known(self.year), self.month or 1, self.day or 1)

    def latest(self) -> datetime.date:
        year, month = _known(self.year), self.month or 12
        return datetime.date(year, month, self.day or _days_in_month(year, month))


_SEASON_MONTHS = {"Frühjahr": (3, 5), "Sommer": (6, 8), "Herbst": (9, 11), "Winter": (12, 2)}


def _season_bounds(season: str, year: int | None) -> tuple[datetime.date, datetime.date]:
    """A winter begins in December of its year and ends in February of the next."""
    first, last = _SEASON_MONTHS[season]
    known = _known(year)
    end = PartialDate(known + 1 if last < first else known, last)
    return PartialDate(known, first).earliest(), end.latest()


@canonical
@dataclass(frozen=True, slots=True)
class DateValue:
    """What a date expression means: one date, or a range or list of them from start to end."""

    start: PartialDate
    end: PartialDate | None = None
    season: str | None = None
    text: str = ""

    @property
    def complete(self) -> bool:
        return self.start.year is not None and (self.end is None or self.end.year is not None)

    @property
    def one_day(self) -> bool:
        """A single whole day with its year: what a weekday or "morgen" can be counted from."""
        return self.complete and self.start.day is not None and self.end is None

    @property
    def earliest(self) -> datetime.date:
        if self.season:
            return _season_bounds(self.season, self.start.year)[0]
        return self.start.earliest()

    @property
    def latest(self) -> datetime.date:
        if self.end is not None:
            return self.end.latest()
        if self.season:
            return _season_bounds(self.season, self.start.year)[1]
        return self.start.latest()


@dataclass(frozen=True)
class DateMatch:
    value: DateValue
    start: int
    end: int


NEAR_BEFORE = datetime.timedelta(days=183)  # how far back a news text reports


def in_year_near(value: DateValue, dated: datetime.date) -> DateValue | None:
    """A day and month without a year, in a text dated `dated` that reports what is near it
    (a press release): the one year that puts the date within half a year before it; None
    where no year does. A day after the text's date stays yearless: "fand … statt" may be
    last year's, "wird … stattfinden" this year's, and the tense is no safe guide."""
    start = value.start
    if start.year is not None or start.month is None or value.season:
        return None
    for year in (dated.year - 1, dated.year, dated.year + 1):
        try:
            candidate = PartialDate(year, start.month, start.day)
        except ValueError:  # 29 February in a common year
            continue
        if not dated - NEAR_BEFORE <= candidate.earliest() <= dated:
            continue
        end = value.end
        if end is not None and end.year is None:
            end_year = year + 1 if end.month is not None and end.month < start.month else year
            try:
                end = PartialDate(end_year, end.month, end.day)
            except ValueError:
                return None
        return DateValue(candidate, end, value.season, value.text)
    return None


_RELATIVE_DAY = re.compile(
    r"(?<!bis )(?<!von )(?<!noch )(?<!seit )(?<!ab )(?<!für )(?<![\w-])"
    r"(?:(?P<today>[Hh]eute|heutigen)|(?P<yesterday>[Gg]estern|gestrigen)|"
    r"(?P<tomorrow>morgen|morgigen))(?![\w-])(?!\s+noch\b)")


def relative_days(text: str, dated: datetime.date) -> list[DateMatch]:
    """"heute", "gestern", "am morgigen Dienstag" in a text dated `dated` (a press release):
    the days they name. "bis heute", "noch heute" and "heute noch" mean the present, no day."""
    found = []
    for match in _RELATIVE_DAY.finditer(text):
        shift = -1 if match["yesterday"] else 1 if match["tomorrow"] else 0
        day = dated + datetime.timedelta(days=shift)
        found.append(DateMatch(DateValue(PartialDate(day.year, day.month, day.day),
                                         text=match.group()), match.start(), match.end()))
    return found


class DateError(ValueError):
    """An expression that is a date but cannot be one (31.02.2020, 29. Februar 2023, a range
    ending before it starts). str(error) names the expression and the reason in plain words."""

    expression: str

    def __init__(self, expression: str, reason: str) -> None:
        super().__init__(f'"{expression}" is not a date: {reason}')
        self.expression = expression
        self.reason = reason


# --- The words -----------------------------------------------------------------------------------

# Month names as written (in capitals too), German and English (mappings/month-names.csv): a
# name stands alone, an abbreviation ends with a full stop. An English name also follows a day
# without a full stop ("12 May 2015") and leads a day ("May 12, 2015").


def _month_rows() -> list[dict[str, str]]:
    with (MAPPINGS_DIR / "month-names.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _alternatives(rows: list[dict[str, str]], column: str, language: str | None = None) -> str:
    """The forms of one column, longest first so that "Sept" is tried before "Sep"."""
    forms = {form for row in rows if language in (None, row["language"])
             for form in row[column].split("|") if form}
    return "|".join(sorted(forms, key=lambda form: (-len(form), form)))


_MONTH_ROWS = _month_rows()
_MONTH_NUMBERS = {form.lower(): int(row["month"]) for row in _MONTH_ROWS
                  for column in ("names", "abbreviations") for form in row[column].split("|")
                  if form}
_MONTH_NAMES = _alternatives(_MONTH_ROWS, "names")
_MONTH_ABBREVIATIONS = _alternatives(_MONTH_ROWS, "abbreviations")
_ENGLISH_MONTH_NAMES = _alternatives(_MONTH_ROWS, "names", "en")
_ENGLISH_MONTH_ABBREVIATIONS = _alternatives(_MONTH_ROWS, "abbreviations", "en")
_SEASON_NAMES = {"Frühling": "Frühjahr"}  # else as written
_YEAR_OFFSETS = {"dies": 0, "laufend": 0, "letzt": -1, "vergangen": -1, "vorig": -1}
_YEAR_OFFSETS |= {"vorjahr": -1, "kommend": 1, "nächst": 1}
WEEKDAYS = "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"


def _word_alternatives(words: str, after: str) -> list[str]:
    """Each of the words ("|"-separated) as a whole word's start, then `after`: the check that
    no letter stands before it is made after its first letter (looking one character further
    back), so that an expression beginning with these gives the engine its first letters to
    skip to; "(?<!\\w)" before them gave it none."""
    return [rf"{word[0]}(?<!\w.){word[1:]}{after}" for word in words.split("|")]


# (?<!\w)(?:names, as written or in capitals)(?!\w), or an abbreviation's with its stop: one
# flat alternation in that order (the same matches), see _word_alternatives
_MONTH = "(?:" + "|".join([
    *_word_alternatives(f"{_MONTH_NAMES}|{_MONTH_NAMES.upper()}", r"(?!\w)"),
    *_word_alternatives(f"{_MONTH_ABBREVIATIONS}|{_MONTH_ABBREVIATIONS.upper()}", r"\."),
]) + ")"
_MONTH_EN = rf"(?<!\w)(?:{_ENGLISH_MONTH_NAMES}|{_ENGLISH_MONTH_NAMES.upper()})(?!\w)"
# An agency's abbreviated month before its day ("Oct. 12, 2011", "Sept. 3, 2019")
_MONTH_EN_BEFORE_DAY = rf"(?:{_MONTH_EN}|(?<!\w)(?:{_ENGLISH_MONTH_ABBREVIATIONS})\.)"
_ORDINAL_EN = r"(?:st|nd|rd|th)?"
_WEEKDAY = rf"(?:(?<!\w)(?:{WEEKDAYS}),?\s+(?:(?:den|dem)\s+)?)?"
_QUALIFIER = r"(?:(?<!\w)(?:Anfang|Mitte|Ende)\s+(?:des\s+)?)?"
_RELATIVE = r"(?:laufend|vergangen|letzt|vorig|kommend|nächst)en"
_REL_GENITIVE = rf"(?<!\w)(?:des\s+)?(?:(?:dieses|diesen|{_RELATIVE})\s+Jahres|Vorjahres)(?!\w)"
_REL_PHRASE = rf"(?<!\w)(?:[Ii]n\s+diesem\s+Jahr|[Ii]m\s+(?:{_RELATIVE}\s+Jahr|Vorjahr))(?!\w)"
_YEAR_LEAD = rf"(?:(?<!\w)(?:[Ii][mn]\s+)?(?:(?:diesem|{_RELATIVE})\s+)?Jahr(?:e|es)?\s+)?"
_NUMBER_START = r"(?<![\w.,/])"  # a day is not the tail of "1.000", "17/8" or a word
# nor is a year the tail of "884 - 2019"; a page that lost the space after a full stop still
# starts one ("… enge Beziehungen.1994 unterzeichneten …")
_BARE_START = r"(?:(?<![\w./,])|(?<=[a-zäöüß]{2}\.))(?<!\d[-–])(?<!\d\s[-–]\s)"
_BARE_END = r"(?![\w/]|[.,]\d|[-–]\d)"  # "2018." ends a sentence; "2018.5" and "2018/19" do not
_BARE_YEAR = r"(?:19|20)\d\d"
# _BARE_START as seen from after the year's first digit: each check looks one character
# further back (a "." for the digit itself).
_BARE_STARTED = r"(?:(?<![\w./,].)|(?<=[a-zäöüß]{2}\..))(?<!\d[-–].)(?<!\d\s[-–]\s.)"


def _bare_year(name: str, rest: str = r"\d\d") -> str:
    """`_BARE_START(?P<name>(?:19|20)rest)` matching the same, written so that the engine skips
    to a "1" or a "2": the checks of what stands before the year come after its first digit.
    Begun with those checks, the pattern gave the engine no character to skip to, and the year
    form was tried at every character of nearly every text."""
    return rf"(?P<{name}>(?:1{_BARE_STARTED}9|2{_BARE_STARTED}0){rest})"
_DASH = r"\s*[-–—]\s*"
_SEPARATOR = rf"(?:{_DASH}|\s*/\s*|\s+(?:bis(?:\s+(?:zum|einschließlich))?|und)\s+)"


def _year_slot(n: int) -> str:
    """After a month: a written year, or one relative to the document ("letzten Jahres")."""
    return rf"(?:\s*(?P<y{n}>\d{{4}})(?!\d)|\s+(?P<r{n}>{_REL_GENITIVE}))"


def _day(n: int) -> str:
    return rf"(?P<d{n}>\d{{1,2}})\."


def _numeric(n: int) -> str:
    """Day, month and year in figures: 4.2.2019, 14.01.2020, 14.01. 2020."""
    return rf"{_day(n)}(?P<m{n}>\d{{1,2}})\.[ ]?(?P<y{n}>\d{{4}})(?!\d|\.\d)"


def _text(n: int, year: str) -> str:
    """Day in figures, month in words: 5. März 2007, 29. Oktober, 3. Okt. 2019."""
    return rf"{_day(n)}\s*(?P<m{n}>{_MONTH}){year}"


# --- Building values -----------------------------------------------------------------------------

Parts = tuple[int | None, int | None, int | None]


def _month_number(written: str) -> int:
    if written.isdigit():
        return int(written)
    return _MONTH_NUMBERS[written.rstrip(".").lower()]


def _year_offset(phrase: str) -> int:
    return next(offset for stem, offset in _YEAR_OFFSETS.items() if stem in phrase.lower())


def _year(digits: str | None, relative: str | None, reference: datetime.date | None) -> int | None:
    if digits:
        return int(digits)
    if relative and reference is not None:
        return reference.year + _year_offset(relative)
    return None


def _parts(match: re.Match[str], n: int, reference: datetime.date | None) -> Parts:
    groups = match.groupdict()
    year = _year(groups.get(f"y{n}"), groups.get(f"r{n}"), reference)
    month, day = groups.get(f"m{n}"), groups.get(f"d{n}")
    return year, _month_number(month) if month else None, int(day) if day else None


def _borrow(first: Parts, last: Parts) -> Parts:
    """German leaves out what the start shares with the end: "16. - 18. April 2023"."""
    year, month, day = first
    end_year, end_month, _ = last
    if month is None and day is not None:
        month = end_month
    if year is None and month is not None and end_year is not None:
        year = end_year - 1 if end_month is not None and month > end_month else end_year
    return year, month, day


def _year_of_weekday(parts: Parts, weekday: str | None,
                     reference: datetime.date | None) -> Parts:
    """A day without a year but with its weekday ("heute (Donnerstag, 27. September)") is in
    the year, next to the document's, in which that day is that weekday; else it keeps no
    year."""
    year, month, day = parts
    if year is not None or weekday is None or reference is None or month is None or day is None:
        return parts
    wanted = WEEKDAYS.replace("Sonnabend|", "").split("|").index(
        "Samstag" if weekday == "Sonnabend" else weekday)
    for candidate in (reference.year, reference.year - 1, reference.year + 1):
        try:
            if datetime.date(candidate, month, day).weekday() == wanted:
                return candidate, month, day
        except ValueError:
            continue
    return parts


def _checked(parts: Parts, text: str) -> PartialDate:
    reason = _impossibility(*parts)
    if reason:
        raise DateError(text, reason)
    return PartialDate(*parts)


def _ends_before_start(start: PartialDate, end: PartialDate) -> bool:
    """Without years a later month may be in the next year; only one month can be compared."""
    if start.year is not None and end.year is not None:
        return start.earliest() > end.earliest()
    same_month = start.year == end.year and start.month == end.month
    return same_month and (start.day or 0) > (end.day or 0)


def _build_parts(match: re.Match[str], text: str, reference: datetime.date | None) -> DateValue:
    first = _parts(match, 1, reference)
    if not any(match.groupdict().get(name) for name in ("d2", "m2", "y2", "r2")):
        return DateValue(_checked(_year_of_weekday(first, match["wd1"] if "wd1" in
                                                   match.groupdict() else None, reference),
                                  text), text=text)
    last = _parts(match, 2, reference)
    start, end = _checked(_borrow(first, last), text), _checked(last, text)
    if _ends_before_start(start, end):
        raise DateError(text, "the range ends before it starts")
    return DateValue(start, end, text=text)


def _build_short_year(match: re.Match[str], text: str, reference: datetime.date | None
                      ) -> DateValue:
    """A two-digit year is of this century unless that puts it after the text's own date (or,
    undated, after '30): "14.02.29" is 2029, "12.03.95" 1995."""
    short = int(match["sy"])
    year = 2000 + short
    if year > (reference.year if reference is not None else 2030):
        year -= 100
    return DateValue(_checked((year, int(match["m1"]), int(match["d1"])), text), text=text)


def _build_season(match: re.Match[str], text: str, reference: datetime.date | None) -> DateValue:
    season = _SEASON_NAMES.get(match["season"], match["season"])
    start = _checked((_year(match["y1"], match["r1"], reference), None, None), text)
    second = match["y2"]
    if second and (season != "Winter" or int(second) % 100 != (_known(start.year) + 1) % 100):
        raise DateError(text, "only a winter runs into a second year, and only into the next")
    return DateValue(start, season=season, text=text)


def _build_decade(match: re.Match[str], text: str, reference: datetime.date | None) -> DateValue:
    """Never called: a decade is not a date (see `_is_decade`); its form only claims the words,
    so that "Anfang der 1990er Jahre" is not read as the year 1990."""
    raise ValueError(f'"{text}" is a decade, not a date')


def _is_decade(match: re.Match[str]) -> bool:
    return bool(match.groupdict().get("decade"))


def _build_weekday(match: re.Match[str], text: str, reference: datetime.date | None) -> DateValue:
    """"am Montag" in a dated report: the last such day on or before the document's date."""
    assert reference is not None
    wanted = WEEKDAYS.replace("Sonnabend|", "").split("|").index(
        "Samstag" if match["weekday"] == "Sonnabend" else match["weekday"])
    day = reference - datetime.timedelta(days=(reference.weekday() - wanted) % 7)
    return DateValue(PartialDate(day.year, day.month, day.day), text=text)


_Builder = Callable[[re.Match[str], str, datetime.date | None], DateValue]


@dataclass(frozen=True)
class _Form:
    """One way of writing a date: its pattern, how its groups become a value, and the signs
    (see `_signs`) a text must have for the pattern to match in it: of each set, one.

    `lean` are the same pattern without the optional parts (see `_OPTIONAL`) that cannot match
    in a text that lacks their sign, by the signs lacking: there they match nothing but the
    empty string, and trying them at every character costs the scan most of its time."""

    pattern: re.Pattern[str]
    build: _Builder
    needs: tuple[frozenset[str], ...]
    lean: dict[frozenset[str], re.Pattern[str]] = field(default_factory=dict, compare=False)

    def pattern_for(self, signs: frozenset[str]) -> re.Pattern[str]:
        """The pattern to scan a text with these signs: matches the same as `pattern`."""
        lacking = frozenset(sign for sign, part, _ in _OPTIONAL
                            if sign not in signs and part in self.pattern.pattern)
        if not lacking:
            return self.pattern
        if lacking not in self.lean:
            source = self.pattern.pattern
            for sign, part, empty in _OPTIONAL:
                if sign in lacking:
                    source = source.replace(part, empty)
            self.lean[lacking] = re.compile(source)
        return self.lean[lacking]


_Candidate = tuple[_Form, re.Match[str]]


def _form(pattern: str, build: _Builder = _build_parts, needs: str = "digit") -> _Form:
    """`needs`: the signs, space-separated, each a choice of signs separated by "|"."""
    return _Form(re.compile(pattern), build,
                 tuple(frozenset(choice.split("|")) for choice in needs.split()))


# What a form's match must contain: a digit; a digit and a full stop ("dot": a day); a day and
# a month in figures ("daymonth": 3.10.); a whole date in figures ("numeric": 4.2.2019); four
# digits ("year4"); a year of the 20th or 21st century ("year"), as a decade ("decade": 1990er);
# a season's name; "ahres" of "Jahres"/"Vorjahres" (_REL_GENITIVE); "ahr" of "Jahr"/"Vorjahr"
# (_REL_PHRASE); a weekday's name; a month's (its first three letters, as written or in
# capitals). Each test is a search for a short expression that starts with a digit or a
# letter, which the regular expression engine skips to quickly.
_DIGIT = re.compile(r"\d")
# Each sign below implies the one before it in its chain: one not found spares the rest.
_DIGIT_SIGNS = (
    (("dot", re.compile(r"\d\.")), ("daymonth", re.compile(r"\d\.\d\d?\.")),
     ("numeric", re.compile(r"\d\.\d\d?\.[ ]?\d{4}"))),
    (("year4", re.compile(r"\d{4}")), ("year", re.compile(r"(?:19|20)\d\d")),
     ("decade", re.compile(r"(?:19|20)\d0er"))),
)
_SEASON = re.compile(r"Frühjahr|Frühling|Sommer|Herbst|Winter")
_WEEKDAY_NAME = re.compile(WEEKDAYS)
_MONTH_START = {w[:3] for w in f"{_MONTH_NAMES}|{_MONTH_ABBREVIATIONS}".split("|")}  # "Jan" …
_MONTH_WORD = re.compile("|".join(sorted(_MONTH_START | {w.upper() for w in _MONTH_START})))
_MONTH_AND_YEAR = "month year4|ahres"
_QUALIFIER_WORD = re.compile(r"Anfang|Mitte|Ende")
# A year range's years and what is between them ("2017-2019", "2017 bis 2020"): finer than
# "year" for the one form that needs two.
_YEAR_RANGE = re.compile(rf"{_BARE_YEAR}(?:{_DASH}|\s+(?:bis|und)\s+){_BARE_YEAR}")
# Finer signs, each looked for only where the coarser signs it implies were found: a piece
# every match of a form holds, for the forms that scan most texts and match in few. A month
# range's two months ("months": a second month's word after the first; two months' words
# never overlap, so the second is found after the first found ends) is tested above.
_FINER_SIGNS = (
    (frozenset({"year4"}), "dashes", re.compile(r"-\d\d-")),  # 2031-07-15, 03-12-2015
    (frozenset({"dot"}), "spaced", re.compile(r"(?:\.[ ]|[ ]\.)\d\d\.")),  # 12. 10. 2011
    (frozenset({"daymonth"}), "lonedaymonth", re.compile(r"\.\d\d\.(?![ ]?\d|\w)")),  # 3.10.
    (frozenset({"daymonth"}), "shortyear", re.compile(r"\.\d\d\.\d\d(?!\d)")),  # 14.02.29
    # a day or a year before a range's separator: 3.-10.11.2018, 18., 19. und 20. Oktober
    (frozenset({"dot"}), "dayrange", re.compile(r"\d\.?(?:\s*[-–—/]|\s+(?:bis|und)\s)")),
    # an English month after a day (12 May), a day before a year (May 12, 2015)
    (frozenset({"digit", "month"}), "daycapital", re.compile(r"\d(?:st|nd|rd|th)?\s+[A-Z]")),
    (frozenset({"digit", "month"}), "dayyear", re.compile(r"\d(?:st|nd|rd|th)?,?\s+\d{4}")),
)
_WEEKDAY_GROUP = rf"(?:(?<!\w)(?P<wd1>{WEEKDAYS}),?\s+(?:(?:den|dem)\s+)?)?"
_RANGE_LEAD = r"(?:(?<!\w)(?:[Ii]n\s+den\s+)?Jahren\s+)?"
# The optional parts of the forms, each with the sign without which it matches only empty
# (its words are not in the text) and what stands for it there: the same groups, never taken.
_OPTIONAL = (
    ("weekday", _WEEKDAY, ""),
    ("weekday", _WEEKDAY_GROUP, "(?P<wd1>(?!))?"),
    ("qualifier", _QUALIFIER, ""),
    ("ahr", _YEAR_LEAD, ""),
    ("ahr", _RANGE_LEAD, ""),
)


def _signs(text: str) -> frozenset[str]:
    """The signs the text has: a cheap test that spares it the forms that cannot match."""
    signs = set()
    if _DIGIT.search(text):
        signs.add("digit")
        for chain in _DIGIT_SIGNS:
            for name, sign in chain:
                if not sign.search(text):
                    break
                signs.add(name)
        if "year" in signs and _YEAR_RANGE.search(text):
            signs.add("range")
    if "ahr" in text:
        signs.add("ahr")
        if "ahres" in text:
            signs.add("ahres")
    if _WEEKDAY_NAME.search(text):
        signs.add("weekday")
    month = _MONTH_WORD.search(text)
    if month:
        signs.add("month")
        if _MONTH_WORD.search(text, month.end()):
            signs.add("months")
    signs.update(name for coarser, name, sign in _FINER_SIGNS
                 if coarser <= signs and sign.search(text))
    if _SEASON.search(text):
        signs.add("season")
    if _QUALIFIER_WORD.search(text):
        signs.add("qualifier")
    return frozenset(signs)


_MAYBE_YEAR_1 = r"(?:\s*(?P<y1>\d{4})(?!\d))?"
_START = rf"{_WEEKDAY}{_NUMBER_START}"

# Ranges and lists before single dates, as on equal spans the earlier form wins.
_FORMS = (
    # 26./28.05.2018, 3.-10.11.2018, 16.10.-18.10.2018, 14.01.2020 - 20.01.2020
    _form(
        rf"{_START}{_day(1)}(?:(?P<m1>\d{{1,2}})\.(?:[ ]?(?P<y1>\d{{4}}))?)?"
        rf"{_SEPARATOR}{_numeric(2)}",
        needs="numeric dayrange",
    ),
    # 16. - 18. April 2023, 11. bis 17. September, 18., 19. und 20. Oktober 2023
    _form(rf"{_START}{_day(1)}(?:\s*,\s*\d{{1,2}}\.)*{_SEPARATOR}{_WEEKDAY}"
          rf"{_text(2, _year_slot(2) + '?')}",
          needs="dot month dayrange"),
    # 5. Oktober 2023 bis zum 3. März 2024, 28. November bis 02. Dezember, "Dienstag,
    # 30. September bis Freitag, 3. Oktober 2014" (a weekday before either day)
    _form(rf"{_START}{_text(1, _MAYBE_YEAR_1)}{_SEPARATOR}{_WEEKDAY}"
          rf"{_text(2, _year_slot(2) + '?')}",
          needs="dot months"),
    # März-August 2020, Oktober 2023 bis März 2024
    _form(rf"(?P<m1>{_MONTH}){_MAYBE_YEAR_1}{_SEPARATOR}(?P<m2>{_MONTH}){_year_slot(2)}",
          needs="months year4|ahres"),
    # 2017-2019, 2017 - 2019, in den Jahren 2017 bis 2020
    _form(
        rf"{_RANGE_LEAD}{_bare_year('y1')}"
        rf"(?:{_DASH}|\s+(?:bis|und)\s+)(?P<y2>{_BARE_YEAR}){_BARE_END}",
        needs="range",
    ),
    # 2031-07-15
    _form(r"(?<![\w./-])(?P<y1>\d{4})-(?P<m1>\d\d)-(?P<d1>\d\d)(?![\w-]|\.\d)",
          needs="year4 dashes"),
    # 14.01.2020, 4.2.2019
    _form(rf"{_START}{_numeric(1)}", needs="numeric"),
    # 12. 10. 2011, 12 .10.2011: a whole date in figures with spaces around its stops, as a
    # Drucksache's header or a PDF's text writes it (a two-digit month and a year of the 20th
    # or 21st century only, so that "1. 2. 2011" numbering sections stays no date)
    _form(rf"{_START}(?P<d1>0?[1-9]|[12]\d|3[01])(?:\.[ ]|[ ]\.)(?P<m1>0[1-9]|1[0-2])\.[ ]?"
          r"(?P<y1>(?:19|20)\d\d)(?!\d|\.\d)", needs="dot year spaced"),
    # 03-12-2015: day, month and year with hyphens, as a web page's date line writes them (a
    # plausible day and month only; the page may run a word into it: "03-12-2015Region")
    _form(r"(?<![\w./-])(?P<d1>0[1-9]|[12]\d|3[01])-(?P<m1>0[1-9]|1[0-2])-(?P<y1>(?:19|20)\d\d)"
          r"(?![\d-]|\.\d)", needs="year dashes"),
    # 30.02., 3.10. (a plausible day and month only, as "1.2." numbers sections)
    _form(rf"{_START}(?P<d1>0?[1-9]|[12]\d|3[01])\.(?P<m1>0[1-9]|1[0-2])\.(?![ ]?\d|\w)",
          needs="daymonth lonedaymonth"),
    # 14.02.29: a day, a month and a year of two digits each, as pages write dates in short
    _form(rf"{_START}(?P<d1>0[1-9]|[12]\d|3[01])\.(?P<m1>0[1-9]|1[0-2])\.(?P<sy>\d\d)"
          r"(?!\d|[.,:]\d|/)", _build_short_year, "daymonth shortyear"),
    # 12 May 2015, 20 October, 1st June 2020: an English month after a day without a stop
    _form(rf"{_NUMBER_START}(?P<d1>\d{{1,2}}){_ORDINAL_EN}\s+(?P<m1>{_MONTH_EN})"
          rf"(?:\s+(?P<y1>\d{{4}})(?!\d))?", needs="digit month daycapital"),
    # May 12, 2015; October 20th 2015: an English month before a day, with its year
    _form(rf"(?P<m1>{_MONTH_EN_BEFORE_DAY})\s+(?P<d1>\d{{1,2}}){_ORDINAL_EN},?\s+(?P<y1>\d{{4}})(?!\d)",
          needs="digit month dayyear"),
    # Dienstag, 15. Juli 2031; 28. November; 15. März dieses Jahres; Donnerstag, 27. September
    _form(rf"{_WEEKDAY_GROUP}{_NUMBER_START}"
          rf"{_text(1, _year_slot(1) + '?')}", needs="dot month"),
    # Februar 2021, Ende Oktober 2023, Dezember letzten Jahres
    _form(rf"{_QUALIFIER}(?P<m1>{_MONTH}){_year_slot(1)}", needs=_MONTH_AND_YEAR),
    # Frühjahr 2024, Winter 2023/24, Sommer dieses Jahres
    _form(
        rf"(?<!\w)(?P<season>Frühjahr|Frühling|Sommer|Herbst|Winter)\s+(?:des\s+Jahres\s+)?"
        rf"(?:(?P<y1>\d{{4}})(?:/(?P<y2>\d{{4}}|\d\d))?(?![\d/])|(?P<r1>{_REL_GENITIVE}))",
        _build_season, "season year4|ahres",
    ),
    # 1980er Jahre, in den späten 1980er Jahren, Mitte der 1990er-Jahre: claimed, no date
    _form(
        r"(?:(?<!\w)(?:(?:Anfang|Mitte|Ende)\s+der|frühen|späten)\s+)?"
        + _bare_year("decade", r"\d0") + r"er(?:(?:-|\s+)Jahren?)?(?!\w)",
        _build_decade, "decade",
    ),
    # 2017, im Jahr 2023, Anfang 2024, im kommenden Jahr 2024
    _form(rf"{_QUALIFIER}{_YEAR_LEAD}{_bare_year('y1')}{_BARE_END}",
          needs="year"),
    # letzten Jahres, Ende dieses Jahres
    _form(rf"{_QUALIFIER}(?P<r1>{_REL_GENITIVE})", needs="ahres"),
    # im vergangenen Jahr, in diesem Jahr, im Vorjahr
    _form(rf"(?P<r1>{_REL_PHRASE})", needs="ahr"),
    # am Montag (in a dated report: the Monday before it, or its own day)
    _form(rf"(?<!\w)[Aa]m\s+(?P<weekday>{WEEKDAYS})(?![\w,])(?!\s+(?:den\s+)?\d)",
          _build_weekday, "weekday"),
)


# --- Parsing and finding -------------------------------------------------------------------------

_SURROUNDING = " \t\r\n:;,()[]\"'„“”‚‘’«»"
_PREPOSITIONS = re.compile(
    r"(?i)(?:(?:am|im|in|seit|vom|von|ab|bis|zum|zur|zwischen|den|dem|der|des|on|since|from)\s+){1,2}"
)


def _needs_reference(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    return bool(groups.get("r1") or groups.get("r2") or groups.get("weekday"))


def _variants(text: str) -> Iterator[str]:
    """The expression as given, without a sentence's final stop, and without a preposition."""
    for core in [text, text[:-1]] if text.endswith(".") else [text]:
        yield core
        preposition = _PREPOSITIONS.match(core)
        if preposition:
            yield core[preposition.end() :]


def parse_date(expression: str, reference: datetime.date | None = None) -> DateValue:
    """Read one whole date expression; `reference`, the document's date, resolves relative ones."""
    text = expression.strip(_SURROUNDING)
    for variant in _variants(text):
        for form in _FORMS:
            match = form.pattern.fullmatch(variant)
            if match is None:
                continue
            if reference is None and _needs_reference(match):
                raise ValueError(f'"{text}" is relative to the date of its document; none given')
            if _is_decade(match):
                raise ValueError(f'"{text}" is a decade, not a date')
            return form.build(match, text, reference)
    raise ValueError(f'"{expression}" is not a date expression')


def _candidates(text: str) -> Iterator[_Candidate]:
    """Every match of every form; where forms overlap, the longest is chosen afterwards."""
    for form, pattern in _scans(_signs(text)):
        yield from ((form, match) for match in pattern.finditer(text))


@lru_cache(maxsize=256)
def _scans(signs: frozenset[str]) -> tuple[tuple[_Form, re.Pattern[str]], ...]:
    """The forms a text with these signs is scanned for, each with its pattern for them
    (texts have few combinations of signs: each is worked out once)."""
    return tuple((form, form.pattern_for(signs)) for form in _FORMS
                 if all(choice & signs for choice in form.needs))


def _longest_first(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Longest first, over all forms at once: "16. - 18. April 2023" hides "18. April 2023".

    The spans taken never overlap, so a candidate need only be checked against its
    neighbours among them (kept sorted): linear-logarithmic in the number of candidates."""
    taken: list[_Candidate] = []
    spans: list[tuple[int, int]] = []
    for form, match in sorted(candidates, key=lambda c: (c[1].start() - c[1].end(), c[1].start())):
        start, end = match.span()
        index = bisect.bisect_left(spans, (start, end))
        if index > 0 and spans[index - 1][1] > start:
            continue
        if index < len(spans) and spans[index][0] < end:
            continue
        spans.insert(index, (start, end))
        taken.insert(index, (form, match))
    return taken


@lru_cache(maxsize=1024)
def _taken(text: str) -> tuple[_Candidate, ...]:
    """The matches chosen, remembered by the text alone: a text is asked with and without its
    document's date (metadata, then the facts), and what matches does not depend on that."""
    return tuple(_longest_first(_candidates(text)))


def find_dates(text: str, reference: datetime.date | None = None, *,
               day_known: bool = True) -> list[DateMatch]:
    """Every date expression in running text, in order; relative ones only given a reference,
    and a weekday ("am Dienstag") only when the reference is the text's own day
    (`day_known`): counted from a page dated "Stand: 03/2031" it would name a wrong day.

    A relative expression without a reference still claims its words, so that "15. März dieses
    Jahres" is not misread as a date without a year; so does a decade, which gives no date at
    all: "Anfang der 1990er Jahre" is neither the year 1990 nor, stated as such, all ten."""
    return list(_dates(text, reference, day_known))


@lru_cache(maxsize=1024)
def _dates(text: str, reference: datetime.date | None, day_known: bool) -> tuple[DateMatch, ...]:
    """Remembered: a block's text is asked about its dates more than once."""
    found = []
    for form, match in _taken(text):
        if _is_decade(match) or (reference is None and _needs_reference(match)) or \
                (not day_known and match.groupdict().get("weekday")):
            continue
        value = form.build(match, match.group(), reference)
        found.append(DateMatch(value, match.start(), match.end()))
    return tuple(found)
