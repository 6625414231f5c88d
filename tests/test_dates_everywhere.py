"""D1 (review of issue 13): every date form the case file accepts gives a year, never a traceback.

Approximate dates (``sekitar 1938``, ``~2001``, ``{married: sekitar 1961}``) crashed the genogram and
the report: the family through time read the year as ``int(str(date)[:4])`` ('~193'). Every year
is now read by :func:`socialtools.dates.year_of`.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtools.dates import PartialDate, year_of
from socialtools.genogram import Family, Genogram
from socialtools.genogram.compare import GenogramComparison
from socialtools.genogram.history import family_as_of, family_changes
from socialtools.io.loading import parse_model
from socialtools.report.case import Case
from socialtools.report.document import build_report
from socialtools.report.model import ReportOptions

APPROX = ["~", "~ ", "sekitar ", "Sekitar ", "kira-kira ", "kurang lebih ", "circa ", "ca. ", "c. ", "abt ",
          "ABT ", "about ", "approx. ", "± "]
MONTH_WORDS = ["Januari", "Maret", "Agustus", "Nopember", "Des", "March", "Oct"]


@st.composite
def date_text(draw: st.DrawFn, low: int = 1930, high: int = 1960) -> Any:
    """A date in one of the forms the case-file format accepts (docs/case-file.md)."""
    year = draw(st.integers(low, high))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    forms: list[Any] = [
        year, str(year), f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}", f"{year}/{month}",
        f"{year}.{month}.{day}", f"{day:02d}-{month:02d}-{year}", f"{day}/{month}/{year}",
        f"{day} {draw(st.sampled_from(MONTH_WORDS))} {year}", f"{draw(st.sampled_from(MONTH_WORDS))} {year}",
        f"{year}-an", f"{year}s", f"{year}?", f"{year}年{month:02d}月{day:02d}日",
        f"Selasa, {day} Maret {year}", f"tanggal {day:02d}/{month:02d}/{year}",
    ]
    text = draw(st.sampled_from(forms))
    if isinstance(text, str) and draw(st.booleans()) and text[:1].isdigit():
        text = draw(st.sampled_from(APPROX)) + text
    return text


@given(date_text(1000, 2999))
def test_year_of_reads_every_accepted_form(value: Any) -> None:
    assert year_of(value) == PartialDate.parse(value).year


@given(st.text(max_size=24))
def test_year_of_any_text_the_model_accepts_gives_its_year(text: str) -> None:
    try:
        date = PartialDate.parse(text)
    except ValueError:
        return
    assert year_of(text) == date.year
    assert year_of(str(date)) == date.year and year_of(date.display()) == date.year  # as a dump writes it


def test_year_of_the_reviewers_forms() -> None:
    assert [year_of(v) for v in ("sekitar 1938", "~2001", "kira-kira 1961", "circa 1950", "abt 1950",
                                 "1998-03", "12 Agustus 2001", 1972, None, "")] == \
        [1938, 2001, 1961, 1950, 1950, 1998, 2001, 1972, None, None]


def _family(birth: Any, death: Any, married: Any, start: Any) -> Family:
    return parse_model(Family, {
        "as_of": 2024,
        "people": [{"id": "DM", "sex": "L", "birth": birth, "death": death}, {"id": "SM", "sex": "P", "birth": 1942},
                   {"id": "RA", "sex": "P", "birth": 1967, "index": True}, {"id": "MK", "kind": "miscarriage",
                                                                            "death": married}],
        "unions": [{"partners": ["DM", "SM"], "events": [{"married": married}, {"widowed": death}],
                    "children": ["MK", "RA"]}],
        "relationships": [{"between": ["RA", "SM"], "kind": "close", "start": start}],
        "households": [{"members": ["SM", "RA"], "start": start}],
    })


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(date_text(1930, 1938), date_text(2001, 2010), date_text(1961, 1964), date_text(1980, 2000))
def test_every_date_form_draws_default_as_of_and_compare(birth: Any, death: Any, married: Any, start: Any) -> None:
    family = _family(birth, death, married, start)
    for year in (1950, 1962, 1990, 2005, 2024):
        then = family_as_of(family, year)
        assert ("DM" in {p.id for p in then.people}) == (year >= year_of(birth))  # type: ignore[operator]
    assert family_changes(family, 1950, 2024)
    assert "<svg" in Genogram(family).to_svg()
    assert "<svg" in Genogram(family_as_of(family, 1990)).to_svg()
    assert "<svg" in GenogramComparison(family, 1962, 2024).to_svg()


@pytest.mark.parametrize("field, value", [("birth", "sekitar 1938"), ("death", "~2001"),
                                          ("married", "sekitar 1961"), ("birth", "kira-kira 1938"),
                                          ("death", "circa 2001"), ("married", "abt 1961")])
def test_approximate_dates_in_the_report(field: str, value: str) -> None:
    """The reviewer's files bad/sekitar.yaml, apx-death.yaml, apx-event.yaml: the report crashed."""
    dates = {"birth": 1938, "death": 2001, "married": 1961, "start": 1990, field: value}
    family = _family(dates["birth"], dates["death"], dates["married"], dates["start"])
    case = Case.from_document({"case": {"client": "RA"}, "family": family.model_dump(exclude_none=True)})
    report = build_report(case, ReportOptions())
    assert report.blocks


@pytest.mark.parametrize("fmt", ["canrisk", "pedigreejs"])
def test_export_keeps_the_year_of_an_approximate_birth(fmt: str) -> None:
    """The CanRisk and pedigreejs exports kept the year as ``int(str(birth)[:4])``: '~193' crashed."""
    from socialtools.io.fidelity import reduced

    family = _family("sekitar 1938", 2001, 1961, 1990)
    assert reduced(family, fmt).person("DM").birth == PartialDate(1938)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(date_text(1930, 1938), date_text(2001, 2010), date_text(1961, 1964))
def test_every_date_form_goes_into_the_report(birth: Any, death: Any, married: Any) -> None:
    family = _family(birth, death, married, 1990)
    case = Case.from_document({"case": {"client": "RA"}, "family": family.model_dump(exclude_none=True)})
    assert build_report(case, ReportOptions()).blocks


@pytest.mark.parametrize("text, kind, year", [("nikah sekitar 1961", "married", 1961),
                                              ("nikah siri kira-kira 2005", "unregistered", 2005),
                                              ("cerai ~1995", "divorced", 1995), ("cerai mati 2019", "widowed", 2019)])
def test_an_event_written_as_text_takes_an_approximate_year(text: str, kind: str, year: int) -> None:
    """``"nikah sekitar 1961"`` read the kind as 'nikah sekitar' and refused it."""
    from socialtools.genogram.model import UnionEvent

    event = UnionEvent.model_validate(text)
    assert (event.kind, event.year.year) == (kind, year)
    assert event.year.approximate == ("sekitar" in text or "kira" in text or "~" in text)
