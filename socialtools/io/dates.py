"""Dates as case files write them: a weekday or ``tanggal`` before a (partial) date.

Students copy the dates of their process notes as they wrote them, with the day of the
week: ``Selasa, 10 September 2024``. The weekday says nothing the date does not, so it is
dropped before the date is read (by :class:`socialtools.genogram.dates.PartialDate`).

>>> parse_case_date("Selasa, 10 September 2024"), parse_case_date("Kamis, 12 Sept 2024")
(PartialDate(year=2024, month=9, day=10), PartialDate(year=2024, month=9, day=12))
>>> str(parse_case_date("hari Jum'at tanggal 13/09/2024"))
'2024-09-13'
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator

from socialtools.genogram.dates import Date, PartialDate

_WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum’at", "sabtu", "minggu", "ahad",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
_LEAD = re.compile(r"^\s*(?:hari\s+)?(?:(?:" + "|".join(re.escape(w) for w in _WEEKDAYS) + r")\b\.?\s*,?\s*)?"
                   r"(?:tanggal|tgl\.?)?\s*", re.I)


def strip_weekday(value: Any) -> Any:
    """``value`` without a leading weekday or ``tanggal`` (other values as they are)."""
    if isinstance(value, str):
        stripped = _LEAD.sub("", value, count=1).strip()
        return stripped or value
    return value


def parse_case_date(value: Any) -> PartialDate:
    """A partial date, also when a weekday or ``tanggal`` comes first."""
    return PartialDate.parse(strip_weekday(value))


#: :data:`socialtools.genogram.dates.Date` that also takes ``Selasa, 10 September 2024``.
CaseDate = Annotated[Date, BeforeValidator(strip_weekday)]
