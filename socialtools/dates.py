"""Partial dates: a year alone, a year and month, or a full date — as case files write them.

>>> PartialDate.parse("1998-03")
PartialDate(year=1998, month=3, day=None)
>>> str(PartialDate.parse(1972))
'1972'
>>> PartialDate.parse("12 Agustus 2001"), PartialDate.parse("sekitar 1970")
(PartialDate(year=2001, month=8, day=12), PartialDate(year=1970, month=None, day=None, approximate=True))
>>> PartialDate.parse("sekitar 1970").display(), PartialDate.parse("~1970") == PartialDate(1970, approximate=True)
('~1970', True)
>>> str(PartialDate.parse("Selasa, 10 September 2024")), str(PartialDate.parse("hari Jum'at tanggal 13/09/2024"))
('2024-09-10', '2024-09-13')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

MONTHS = {
    name: i + 1
    for i, names in enumerate([
        ("januari", "january", "jan"), ("februari", "pebruari", "february", "feb", "peb"), ("maret", "march", "mar"),
        ("april", "apr"), ("mei", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
        ("agustus", "august", "agu", "agt", "aug"), ("september", "sept", "sep"),
        ("oktober", "october", "okt", "oct"), ("november", "nopember", "nov", "nop"),
        ("desember", "december", "des", "dec"),
    ])
    for name in names
}
_APPROX = re.compile(r"^\s*(?:~|±|\+\s*/?\s*-|sekitar|kira-kira|kira2|kurang lebih|kurleb|kl\.|kl\b|perkiraan|"
                     r"diperkirakan|ca\.?|c\.|circa|abt\.?|about|approx\.?)\s*", re.I)
# the word "year" before a year: "tahun 1975", "thn. 1975", "th 1975"
_YEAR_WORD = re.compile(r"^\s*(?:tahun|thn\.?|th\.?|year)\s*(?=['’‘]?\d)", re.I)
# a year written with an apostrophe for its century: '75
_SHORT_YEAR = re.compile(r"^\s*['’‘`](\d{2})\s*$")
# two years: "1950-1955", "1950 s/d 1955", "antara 1950 dan 1955"
_RANGE = re.compile(r"^\s*(?:antara\s+|between\s+|bet\.?\s+)?(\d{4})\s*(?:-|–|—|s/d|s\.d\.|sampai|hingga|dan|and|"
                    r"atau|or|to)\s*(\d{4})\s*$", re.I)
#: the widest range of years read as one (approximate) date: "1950-1955" is about 1950, as GEDCOM's
#: BET 1950 AND 1955 is; "1950-1990" is two dates (a life, a marriage) written in one field
WIDEST_RANGE = 10
# an age, not a date: "6 bulan", "2 tahun", "usia 50", "umur 50 tahun", "3 minggu"
_AGE_TEXT = re.compile(r"^\s*(?:(?:usia|umur|age(?:d)?)\s*)?\d{1,3}\s*(?:tahun|thn|th|bulan|bln|minggu|mgg|hari|"
                       r"years?|yrs?|months?|mos?|weeks?|days?)\b.*$|^\s*(?:usia|umur|aged?)\s*\d{1,3}\s*$", re.I)
_WORDS = re.compile(r"^\s*(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s+(\d{4})\s*$")
_YEAR_SUFFIX = re.compile(r"^\s*(\d{4})\s*-?\s*(?:an|s|'s|\?)\s*$", re.I)
_WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum’at", "sabtu", "minggu", "ahad",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
# a weekday or "tanggal" before the date, as process notes write it: "Selasa, 10 September 2024"
_LEAD = re.compile(r"^\s*(?:hari\s+)?(?:(?:" + "|".join(re.escape(w) for w in _WEEKDAYS) + r")\b\.?\s*,?\s*)?"
                   r"(?:tanggal|tgl\.?)?\s*", re.I)
_NOT_KNOWN = re.compile(r"^\s*(?:\?+|-+|tidak tahu|tidak diketahui|tdk tahu|unknown|n/?a|belum tahu)\s*$", re.I)
#: a word saying someone died, written where the year of death belongs ('death: meninggal')
_DIED = re.compile(r"^\s*(?:meninggal(?: dunia)?|wafat|almarhum(?:ah)?|alm\.?|almh\.?|sudah meninggal|dead|died|"
                   r"deceased)\s*$", re.I)
_PATTERN = re.compile(r"^\s*(\d{3,4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$")
_CJK = re.compile(r"^\s*(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?\s*$")  # 1954年07月19日
_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day.

    Dates of different precision sort safely (a missing month or day counts as 0, so ``1900``
    sorts before ``1900-03``); :meth:`certainly_before` says whether one date is before another
    on what both of them say. ``approximate``: the date is about right (``sekitar 1970``,
    ``~1970``, GEDCOM ``ABT 1970``); it is shown ``~1970`` (:meth:`display`) and compared as
    the date it names.

    >>> sorted([PartialDate(1900, 3), PartialDate(1900), PartialDate(1899, 12, 31)])
    [PartialDate(year=1899, month=12, day=31), PartialDate(year=1900, month=None, day=None), \
PartialDate(year=1900, month=3, day=None)]
    >>> PartialDate(1900).certainly_before(PartialDate(1900, 3)), PartialDate(1899).certainly_before(PartialDate(1900))
    (False, True)
    """

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Read ``1998``, ``"1998-03"``, ``"1998-03-04"``, ``"04-03-1998"``, ``"4 Maret 1998"``,
        ``"March 1998"``, ``"1998年03月04日"``, ``"sekitar 1970"``/``"abt 1970"``/``"1970-an"`` (the year),
        or a date."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool):
            raise ValueError("expected a year or a date")
        if isinstance(value, int):
            return cls._checked(value, None, None)
        if isinstance(value, float) and value.is_integer():  # 1972.0: a spreadsheet's or pandas' JSON
            return cls._checked(int(value), None, None)
        if isinstance(value, str):
            written = value
            value = _LEAD.sub("", value, count=1).strip() or value
            value, about = _APPROX.subn("", value)
            approx = bool(about)
            value = _YEAR_WORD.sub("", value, count=1)  # "tahun 1975", "sekitar tahun 1970"
            m = _SHORT_YEAR.match(value)
            if m:  # '75: refused with the hint to write it in full
                return cls._checked(int(m.group(1)), None, None)
            m = _RANGE.match(value)
            if m:
                return cls._range(int(m.group(1)), int(m.group(2)), written)
            if _AGE_TEXT.match(value) or _AGE_TEXT.match(written):
                raise ValueError(f"'{written}' is an age, not a date: write it under age: in whole years "
                                 "(0 for a baby), or write the year (1998) here")
            m = _YEAR_SUFFIX.match(value)
            if m:  # 1970-an, 1970s, 1970?
                return cls._checked(int(m.group(1)), None, None, True)
            m = _WORDS.match(value)
            if m and m.group(2).lower() in MONTHS:
                day = int(m.group(1)) if m.group(1) else None
                return cls._checked(int(m.group(3)), MONTHS[m.group(2).lower()], day, approx)
            if value.strip().isdigit() and len(value.strip()) <= 2:
                return cls._checked(int(value), None, None)  # refused with a hint to write it in full
            m = _PATTERN.match(value) or _CJK.match(value)
            if m:
                y, mo, d = (int(g) if g else None for g in m.groups())
                return cls._checked(y, mo, d, approx)  # type: ignore[arg-type]
            m = _DMY.match(value)
            if m:
                d, mo, y = (int(g) for g in m.groups())
                return cls._checked(y, mo, d, approx)
        raise ValueError(f"'{value}' is not a date: write a year (1998), ~1998 when it is approximate, or YYYY-MM-DD"
                         + (", or leave the field out when it is not known" if _NOT_KNOWN.match(str(value)) else ""))

    @classmethod
    def _range(cls, first: int, last: int, written: str) -> PartialDate:
        """Two years in one field: a short range (at most :data:`WIDEST_RANGE` years) is an
        approximate date at its middle year (``1950-1956`` is ``~1953``), as GEDCOM's
        ``BET 1950 AND 1956`` is read; a longer one, or one written backwards, is refused."""
        if first <= last <= first + WIDEST_RANGE:
            return middle_of(cls._checked(first, None, None, first != last), last)
        raise ValueError(f"'{written}' is two years, not one date: write one year, ~{first} when it is "
                         "approximate, and a second date in its own field (death:, end:)")

    @classmethod
    def _checked(cls, year: int, month: int | None, day: int | None, approximate: bool = False) -> PartialDate:
        if 0 <= year < 100:
            raise ValueError(f"year {year}: write the year in full (19{year:02d} or 20{year:02d})")
        if not 1 <= year <= 2999:
            raise ValueError(f"year {year} is out of range")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} is out of range")
        if day is not None:
            try:
                dt.date(year, month or 1, day)
            except ValueError:
                raise ValueError(f"{year}-{month or 1:02d}-{day:02d} is not a calendar date") from None
        return cls(year, month, day, approximate)

    def _key(self) -> tuple[int, int, int, bool]:
        return self.year, self.month or 0, self.day or 0, self.approximate

    def __repr__(self) -> str:
        about = ", approximate=True" if self.approximate else ""
        return f"PartialDate(year={self.year}, month={self.month}, day={self.day}{about})"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def certainly_before(self, other: PartialDate) -> bool:
        """True when this date is before ``other`` whatever the unknown month or day is."""
        if self.year != other.year:
            return self.year < other.year
        if self.month is None or other.month is None or self.month != other.month:
            return self.month is not None and other.month is not None and self.month < other.month
        return self.day is not None and other.day is not None and self.day < other.day

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year}"
        if self.day is None:
            return f"{self.year}-{self.month:02d}"
        return f"{self.year}-{self.month:02d}-{self.day:02d}"

    def display(self, full: bool = True) -> str:
        """The date as a label shows it: ``~`` in front of an approximate one (``~1950``, in every
        language); ``full=False``: the year alone.

        >>> PartialDate(1950, 3, approximate=True).display(), PartialDate(1950, 3, 4).display(full=False)
        ('~1950-03', '1950')
        """
        return ("~" if self.approximate else "") + (str(self) if full else str(self.year))

    def years_until(self, later: PartialDate) -> int:
        """Whole years from this date to ``later`` (by year alone when a month is missing)."""
        years = later.year - self.year
        if self.month and later.month and (later.month, later.day or 31) < (self.month, self.day or 1):
            years -= 1
        return years


def middle_of(first: PartialDate, last_year: int) -> PartialDate:
    """A range of years as one date: its middle year, approximate (``1900`` to ``1910`` is ``~1905``;
    the half year rounds down; written backwards, the same), so that a label's ``~1905–1980`` (born,
    died) keeps one dash and an age is counted from the likeliest year. A range within one year keeps
    the first date.

    >>> middle_of(PartialDate(1900), 1910).display(), middle_of(PartialDate(1948, 3), 1949).display()
    ('~1905', '~1948')
    """
    if last_year == first.year:
        return PartialDate(first.year, first.month, first.day, True)
    return PartialDate((first.year + last_year) // 2, approximate=True)


def year_of(value: Any) -> int | None:
    """The year of a date in any form a case file accepts, or ``None`` for no date.

    Every date-like value (a year, ``"1998-03"``, ``"4 Maret 1998"``, ``"~1950"``, ``"sekitar 1950"``,
    ``"kira-kira 1950"``, ``"circa 1950"``, ``"abt 1950"``, ``"1970-an"``, a :class:`PartialDate`, a
    ``datetime.date``) goes through :meth:`PartialDate.parse`, never through ``str(value)[:4]``.

    >>> year_of("sekitar 1938"), year_of("~2001"), year_of("1998-03"), year_of(1972), year_of(None)
    (1938, 2001, 1998, 1972, None)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return PartialDate.parse(value).year


DAY_NAMES = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTH_NAMES = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}


def long_date(date: PartialDate, lang: str = "id", *, weekday: bool = True) -> str:
    """``Selasa, 10 September 2024``; a year or month alone stays as precise as it is; an
    approximate date is ``~1950``.

    >>> long_date(PartialDate(2025, 3, 1), "id", weekday=False), long_date(PartialDate(2025, 3), "en")
    ('1 Maret 2025', 'March 2025')
    """
    lang = "id" if lang == "id" else "en"
    about = "~" if date.approximate else ""
    if date.month is None:
        return f"{about}{date.year}"
    month = MONTH_NAMES[lang][date.month - 1]
    if date.day is None:
        return f"{about}{month} {date.year}"
    text = f"{about}{date.day} {month} {date.year}"
    if weekday and not about:
        day = DAY_NAMES[lang][dt.date(date.year, date.month, date.day).weekday()]
        text = f"{day}, {text}"
    return text


def written_date(value: Any, lang: str = "id") -> str:
    """A date as a figure's header or a report's caption writes it (``1 Maret 2025``, ``1 March 2025``,
    no weekday); a text that is no date, as written.

    >>> written_date("2025-03-01"), written_date("2025-03-01", "en"), written_date("awal 2025")
    ('1 Maret 2025', '1 March 2025', 'awal 2025')
    """
    try:
        return long_date(PartialDate.parse(value), lang, weekday=False)
    except (ValueError, TypeError):
        return str(value).strip()


def _serialised(date: PartialDate) -> int | str:
    """A date as a case file writes it: ``1998``, ``"1998-03-04"``, ``"~1950"`` (approximate)."""
    if date.approximate:
        return date.display()
    return date.year if date.month is None else str(date)


def _any_case(words: Any) -> str:
    """A regular-expression alternation of ``words`` in any letter case, without flags (JSON Schema
    patterns have none): ``Mei`` → ``[mM][eE][iI]``."""
    def one(word: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() and c.isascii() else re.escape(c).replace(
            "\\ ", " ") for c in word)
    return "(?:" + "|".join(one(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


#: The dates :meth:`PartialDate.parse` reads, as a JSON Schema pattern without anchors: a weekday or
#: ``tanggal`` before it, ``sekitar``/``~``/``abt``... and then a year, a date in numbers (either
#: order), a day and month name, a decade (``1970-an``) or a CJK date. The schema and the loader agree.
DATE_PATTERN = (
    r"\s*(?:" + _any_case(["hari"]) + r"\s+)?(?:" + _any_case(_WEEKDAYS) + r"\b\.?\s*,?\s*)?"
    r"(?:" + _any_case(["tanggal", "tgl"]) + r"\.?)?\s*"
    r"(?:(?:~|±|\+-|" + _any_case(["sekitar", "kira-kira", "kurang lebih", "circa", "about"]) + r"|"
    + _any_case(["ca", "abt", "approx"]) + r"\.?|" + _any_case(["c"]) + r"\.)\s*)?"
    r"(?:\d{3,4}(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?"  # 1998, 1998-03, 1998-03-04
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}"  # 04-03-1998
    r"|(?:\d{1,2}\s+)?" + _any_case(MONTHS) + r"\.?\s+\d{4}"  # 4 Maret 1998, March 1998
    r"|\d{4}\s*-?\s*(?:" + _any_case(["an", "s", "'s"]) + r"|\?)"  # 1970-an, 1970s
    r"|\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?)\s*"
)
DATE_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "integer"}, {"type": "string", "pattern": f"^{DATE_PATTERN}$"}],
    "description": "a year (1998), a date (1998-03-04, 04-03-1998, 4 Maret 1998), or an approximate "
                   "one (~1950, sekitar 1950, 1950-an)"}

Date = Annotated[
    PartialDate,
    BeforeValidator(PartialDate.parse),
    PlainSerializer(_serialised, return_type=Any),
    WithJsonSchema(DATE_SCHEMA),
]


def _death(value: Any) -> PartialDate:
    """A date of death; a word saying someone died (``death: meninggal``) points to ``deceased``.

    >>> _death("wafat")
    Traceback (most recent call last):
    ...
    ValueError: 'wafat' is not a date: write the year of death (...), or 'deceased: true' when the year is not known
    """
    if isinstance(value, str) and _DIED.match(value):
        raise ValueError(f"'{value}' is not a date: write the year of death (1998, ~1998 when it is approximate), "
                         "or 'deceased: true' when the year is not known")
    return PartialDate.parse(value)


#: a :data:`Date` that is a death: a word for 'died' written in it gets a hint to ``deceased``
DeathDate = Annotated[
    PartialDate,
    BeforeValidator(_death),
    PlainSerializer(_serialised, return_type=Any),
    WithJsonSchema(DATE_SCHEMA),
]
