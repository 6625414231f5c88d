"""GEDCOM dates as they come from the field, as a span of days that compares safely.

A GEDCOM date can be a year alone, a month, a full date, a qualified date (``ABT``, ``CAL``,
``EST``, ``BEF``, ``AFT``, ``INT``), a range (``BET … AND …``), a period (``FROM … TO …``),
a dual year (``1700/01``), a date before Christ (``44 B.C.``) or a date in the Julian,
Hebrew or French Republican calendar. :func:`read_gedcom_date` turns any of them into a
:class:`GedcomDate`: the date to show (a :class:`PartialDate`, or ``None`` when it cannot be
one) and the earliest and latest day it can mean, as Julian day numbers. Two dates are then
compared on what is known: ``BEF 1900`` is certainly before ``1901``, ``ABT 1850`` is not
certainly before or after anything.

>>> birth, death = read_gedcom_date("MAR 1850"), read_gedcom_date("1850")
>>> death.certainly_before(birth), str(death.shown)
(False, '1850')
>>> read_gedcom_date("BEF 1900").certainly_before(read_gedcom_date("1 JAN 1900"))
True
>>> values = ("ABT 1950", "BET 1900 AND 1910", "JAN 1700/01", "@#DJULIAN@ 1 MAR 1700")
>>> [read_gedcom_date(v).shown.display() for v in values]
['~1950', '~1905', '1700-01', '1700-03-01']
>>> read_gedcom_date("44 B.C.").shown is None, read_gedcom_date("44 B.C.").certainly_before(read_gedcom_date("1"))
(True, True)
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from socialtools.dates import MONTHS as MONTH_NAMES
from socialtools.dates import PartialDate, middle_of

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
#: Hebrew and French Republican month codes: the year is what we use of them
HEBREW_MONTHS = ("TSH", "CSH", "KSL", "TVT", "SHV", "ADR", "ADS", "NSN", "IYR", "SVN", "TMZ", "AAV", "ELL")
FRENCH_MONTHS = ("VEND", "BRUM", "FRIM", "NIVO", "PLUV", "VENT", "GERM", "FLOR", "PRAI", "MESS", "THER",
                 "FRUC", "COMP")
_QUALIFIERS = {"ABOUT": "ABT", "CIRCA": "ABT", "CA": "ABT", "C": "ABT", "APPROX": "ABT", "BEFORE": "BEF",
               "AFTER": "AFT", "BETWEEN": "BET", "CALCULATED": "CAL", "ESTIMATED": "EST"}
#: month names as programs and people write them, English and Indonesian (``September``, ``Sept``,
#: ``Mei``, ``Agustus``, ``Okt``, ``Des``), to GEDCOM's three letters
_FULL_MONTHS = {name.upper(): MONTHS[number - 1] for name, number in MONTH_NAMES.items()
                if name.isalpha() and name.upper() not in MONTHS}
_APPROXIMATE = ("ABT", "CAL", "EST")
_SIMPLE = re.compile(
    r"^(?:(?P<day>\d{1,2})\s+)?(?:(?P<month>[A-Z]{3,4})\s+)?(?P<year>\d{1,4})(?:/(?P<dual>\d{1,4}))?"
    r"(?P<bc>\s*(?:B\.?\s?C\.?|BCE))?$"
)
_TILDE = re.compile(r"^(?:~|C(?=\d{3,4}$))\s*")
_DECADE = re.compile(r"^(?:ABT\.?\s+)?(\d{3})0'?S$")
_CALENDAR = re.compile(r"^@#D([A-Z ]+)@\s*|^(JULIAN|GREGORIAN|HEBREW|FRENCH_R)\s+")


@dataclass(frozen=True)
class GedcomDate:
    """A GEDCOM date: what to show, and the first and last day it can mean (``None``: open)."""

    text: str
    shown: PartialDate | None
    earliest: int | None
    latest: int | None
    approximate: bool = False
    #: a period (``FROM 1948 TO 1949``): as the date of a birth or death, only roughly the one shown
    period: bool = False

    def certainly_before(self, other: GedcomDate) -> bool:
        """True when every day this date can mean is before every day ``other`` can mean.

        Approximate dates (``ABT``, ``CAL``, ``EST``) are never judged.
        """
        if self.approximate or other.approximate or self.latest is None or other.earliest is None:
            return False
        return self.latest < other.earliest


def jdn(year: int, month: int, day: int, julian: bool = False) -> int:
    """Julian day number of a date (astronomical year: 1 B.C. is year 0).

    >>> jdn(2000, 1, 1), jdn(1582, 10, 5, julian=True) == jdn(1582, 10, 15)
    (2451545, True)
    """
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    if julian:
        return day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045


def _days_in(year: int, month: int) -> int:
    if 1 <= year <= 9999:
        return calendar.monthrange(year, month)[1]
    return 31 if month in (1, 3, 5, 7, 8, 10, 12) else 30 if month != 2 else 29


@dataclass(frozen=True)
class _Simple:
    shown: PartialDate | None
    earliest: int
    latest: int


def _simple(text: str, cal: str) -> _Simple | None:
    """One calendar date (no qualifier): ``12 MAR 1998``, ``MAR 1998``, ``1998``, ``1700/01``, ``44 BC``."""
    m = _SIMPLE.match(text)
    if not m:
        return _iso(text) if cal == "GREGORIAN" else None
    year = int(m.group("year"))
    word = m.group("month")
    day = int(m.group("day")) if m.group("day") and int(m.group("day")) else None
    if cal in ("HEBREW", "FRENCH_R"):  # the year alone, roughly, in the Gregorian calendar
        if word and word not in (HEBREW_MONTHS if cal == "HEBREW" else FRENCH_MONTHS):
            return None
        first = year - 3761 if cal == "HEBREW" else year + 1791
        return _Simple(None, jdn(first, 1, 1), jdn(first + 1, 12, 31))
    month = MONTHS.index(word) + 1 if word in MONTHS else None
    if word and month is None:
        return None
    last_year = year
    if m.group("dual"):  # 1700/01: the year 1700 in the old style is 1701 in the new
        dual = m.group("dual")
        last_year = int(str(year)[: len(str(year)) - len(dual)] + dual) if len(dual) < len(str(year)) else int(dual)
        if not year <= last_year <= year + 1:
            last_year = year + 1
    bc = bool(m.group("bc"))
    julian = cal == "JULIAN"
    astro, astro_last = (1 - year, 1 - last_year) if bc else (year, last_year)
    if month and day and not 1 <= day <= _days_in(astro if astro > 0 else 4, month):
        day = None  # 31 FEB 1975 keeps FEB 1975
    if day and not month:
        return None
    earliest = jdn(astro, month or 1, day or 1, julian)
    latest = jdn(astro_last, month or 12, day or _days_in(astro_last if astro_last > 0 else 4, month or 12), julian)
    shown = None
    if not bc and 100 <= year <= 2999:
        try:
            shown = PartialDate(year, month, day if month else None)
        except ValueError:  # pragma: no cover - the parts are checked above
            shown = None
    return _Simple(shown, min(earliest, latest), max(earliest, latest))


def _iso(text: str) -> _Simple | None:
    """Dates some programs write outside the standard: ISO ``1975-03-12``, ``12.03.1975``."""
    if not re.fullmatch(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{4}[-/.]\d{1,2}", text):
        return None
    try:
        date = PartialDate.parse(text)
    except ValueError:
        return None
    month_days = _days_in(date.year, date.month or 12)
    return _Simple(date, jdn(date.year, date.month or 1, date.day or 1),
                   jdn(date.year, date.month or 12, date.day or month_days))


def _normalise(value: str) -> tuple[str, list[str], bool]:
    text = value.strip().upper()
    cal = "GREGORIAN"
    m = _CALENDAR.match(text)
    if m:
        name = (m.group(1) or m.group(2) or "").strip().replace(" ", "_")
        cal = {"FRENCH": "FRENCH_R", "FRENCH_R": "FRENCH_R"}.get(name, name)
        text = text[m.end():]
    text = re.sub(r"\(.*?\)", " ", text).strip()
    if text.endswith("?") and text[:-1].strip():  # "1908 ?": a year the writer is not sure of
        text = "ABT " + text[:-1].strip()
    text = _TILDE.sub("ABT ", text)  # "~1950", "c1950": typed by hand
    decade = _DECADE.match(text)  # "1950s", "ABT 1950S": some year of the decade, shown ~1950
    if decade:
        text = f"BET {decade.group(1)}0 AND {decade.group(1)}9"
    # "Abt 1960-1970", "ca. 1960 - 1970": a range said to be approximate is a range
    text = re.sub(r"^(?:ABT\.?|ABOUT|CIRCA|CA\.?|C\.|EST\.?|ESTIMATED|CAL\.?)\s+(?=\d{4}\s*-\s*\d{4}$)", "", text)
    if not text.startswith(("BET", "FROM")):  # ("BET. 1924 - 1926" is a range already)
        text = re.sub(r"^(\S*?\s*\d{4})\s*-\s*(\d{4})$", r"BET \1 AND \2", text)  # "1950-1955": a range
    words = [w.rstrip(".") if w.rstrip(".").isalpha() else w for w in text.replace(",", " ").split()]
    words = [_FULL_MONTHS.get(w, _QUALIFIERS.get(w, w)) for w in words]
    # "May 12, 1970", "ABT March 3 1900": the month before the day, as American programs write it
    for i in range(len(words) - 2):
        if words[i] in MONTHS and words[i + 1].isdigit() and int(words[i + 1]) <= 31 and len(words[i + 2]) >= 3 \
                and words[i + 2].isdigit() and (i == 0 or not words[i - 1].isdigit()):
            words[i], words[i + 1] = words[i + 1], words[i]
    # "44 B.C." may come as "44 B. C." or "44 BC": one word
    joined = " ".join(words)
    joined = re.sub(r"\bB\.?\s?C\.?(?=$|\s)", "BC", joined)
    return cal, joined.split(), bool(decade)


@lru_cache(maxsize=16384)
def read_gedcom_date(value: str | None) -> GedcomDate | None:
    """The date a GEDCOM ``DATE`` value means; ``None`` for an empty value or a bare phrase."""
    if not value or not value.strip():
        return None
    try:
        cal, words, decade = _normalise(value)
    except (ValueError, IndexError):  # pragma: no cover - defensive: nothing above raises
        return None
    if cal not in ("GREGORIAN", "JULIAN", "HEBREW", "FRENCH_R"):
        return None
    approximate = False
    low_open = high_open = before = after = False
    if words and words[0] in _APPROXIMATE:
        approximate, words = True, words[1:]
    elif words and words[0] == "INT":
        words = words[1:]
    elif words and words[0] == "BEF":
        low_open, before, words = True, True, words[1:]
    elif words and words[0] == "AFT":
        high_open, after, words = True, True, words[1:]
    first, second = words, list[str]()
    period = bool(words) and words[0] == "FROM"
    ranged = bool(words) and words[0] == "BET"  # somewhere between two dates (FROM ... TO: a period from a date)
    if words and words[0] in ("BET", "FROM"):
        words = words[1:]
        stop = next((i for i, w in enumerate(words) if w in ("AND", "TO", "-")), None)
        first, second = (words, []) if stop is None else (words[:stop], words[stop + 1:])
        if not first and second:  # "FROM TO 1900" / "BET AND 1900"
            first, second = second, []
            low_open = True
    elif words and words[0] == "TO":
        first, low_open = words[1:], True
    else:
        stop = next((i for i, w in enumerate(words) if w in ("AND", "TO")), None)
        if stop is not None:
            first, second = words[:stop], words[stop + 1:]
    start = _simple(" ".join(first), cal)
    if start is None:
        return None
    end = _simple(" ".join(second), cal) if second else None
    earliest, latest = start.earliest, (end.latest if end else start.latest)
    if earliest > latest:  # BET 1910 AND 1900: written the wrong way round
        earliest, latest = latest, earliest
    if before:  # BEF 1900: every day before 1900
        latest = earliest - 1
    if after:  # AFT 1900: every day after 1900
        earliest = latest + 1
    shown = start.shown
    if ranged and not decade and shown is not None and end is not None and end.shown is not None:
        shown = middle_of(shown, end.shown.year)
    if shown is not None and (approximate or before or after or ranged or low_open):
        shown = replace(shown, approximate=True)  # ABT, EST, CAL, BEF, AFT, BET ... AND, TO ...
    return GedcomDate(value, shown, None if low_open else earliest, None if high_open else latest,
                      approximate, period)


def parse_gedcom_date(value: str | None) -> PartialDate | None:
    """The first calendar date in a GEDCOM date value, to the precision it gives.

    A qualified date (ABT, BEF, EST, ...) is ``approximate``, a range its middle year (approximate:
    ``BET 1900 AND 1910`` is ``~1905``, as a case file's ``1900-1910`` is),
    dual years (1700/01) their first year; B.C. dates, phrases and Hebrew/French calendars give ``None``.

    >>> [str(parse_gedcom_date(v)) for v in ("12 MAR 1998", "ABT 1950", "BET 1900 AND 1910", "JAN 1700/01")]
    ['1998-03-12', '1950', '1905', '1700-01']
    >>> parse_gedcom_date("(kira-kira waktu perang)") is None
    True
    >>> [str(parse_gedcom_date(v)) for v in ("Abt. 1950", "1 January 1990", "31 FEB 1975", "1975-03-12")]
    ['1950', '1990-01-01', '1975-02', '1975-03-12']
    >>> [str(parse_gedcom_date(v)) for v in ("May 12, 1970", "12 Mei 1970", "Agustus 1945", "BET Jan 3 1900 AND 1900")]
    ['1970-05-12', '1970-05-12', '1945-08', '1900-01-03']
    """
    date = read_gedcom_date(value)
    return date.shown if date else None


def format_gedcom_date(date: PartialDate) -> str:
    """A partial date the GEDCOM way.

    >>> format_gedcom_date(PartialDate(2005, 3, 4)), format_gedcom_date(PartialDate(1972, approximate=True))
    ('4 MAR 2005', 'ABT 1972')
    """
    parts = ["ABT"] if date.approximate else []
    if date.day and date.month:
        parts.append(str(date.day))
    if date.month:
        parts.append(MONTHS[date.month - 1])
    parts.append(str(date.year))
    return " ".join(parts)
