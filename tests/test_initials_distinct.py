"""Names hidden as initials: two people who share initials (Dewi and Dimas, both 'D') are told apart
the same way everywhere — the genogram's labels and numbered notes, the comparison of two years,
the case tables and the privacy mask — by :meth:`Family.initials_of` (invented names)."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from socialtools.genogram import Family, Genogram
from socialtools.genogram.compare import GenogramComparison
from socialtools.genogram.model import Person, distinct_initials
from socialtools.privacy import NameMask, hide_identifying
from socialtools.report.case import Case
from socialtools.report.casetables import family_table
from socialtools.report.model import ReportOptions

FAMILY: dict[str, Any] = {
    "as_of": 2024,
    "people": [
        {"id": "F", "name": "Hadi Santoso", "sex": "male", "birth": 1960},
        {"id": "M", "name": "Sri Wahyuni", "sex": "female", "birth": 1963},
        {"id": "C1", "name": "Dewi", "sex": "female", "birth": 1988, "index": True},
        {"id": "C2", "name": "Dimas", "sex": "male", "birth": 1995, "notes": "kuliah di Yogya"},
    ],
    "unions": [{"partners": ["F", "M"], "start": 1986, "children": ["C1", "C2"], "notes": "menikah di Klaten"}],
    "relationships": [{"between": ["C1", "C2"], "kind": "hostile", "label": "sejak 2015"}],
}


def _texts(svg: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>.*?</text>", svg, re.S)]


def test_the_family_gives_distinct_initials_from_more_letters() -> None:
    family = Family.model_validate(FAMILY)
    assert [family.initials_of(p.id) for p in family.people] == ["HS", "SW", "De", "Di"]
    assert family.person("C1").display_initials == family.person("C2").display_initials == "D"


def test_genogram_labels_and_notes_tell_them_apart() -> None:
    genogram = Genogram(Family.model_validate(FAMILY), initials=True, lang="en")
    texts = _texts(genogram.to_svg())
    assert "De" in texts and "Di" in texts and "D" not in texts
    notes = [n.text for n in genogram.notes()]
    assert "De – Di (Hostile): sejak 2015" in notes and "Di: kuliah di Yogya" in notes


def test_an_earlier_year_and_both_panels_keep_the_initials_of_the_whole_family() -> None:
    """In 1990 Dimas was not born: Dewi alone is still 'De', as in 2024."""
    family = Family.model_validate(FAMILY)
    assert "De" in _texts(Genogram(family, initials=True, as_of=1990).to_svg())
    comparison = GenogramComparison(family, 1990, 2024, initials=True, lang="en")
    texts = _texts(comparison.to_svg())
    assert texts.count("De") == 2 and texts.count("Di") == 1 and "D" not in texts
    assert "Di" in " ".join(comparison.change_lines(400, 10).lines)


def test_case_tables_and_privacy_mask_use_the_same_initials() -> None:
    case = Case.from_document({"family": FAMILY})
    table = family_table(case, ReportOptions(initials=True))
    assert table is not None
    assert [row[1] for row in table.rows] == ["HS", "SW", "De", "Di"]
    hidden = hide_identifying(case.family)
    assert [p.initials for p in hidden.people] == ["HS", "SW", "De", "Di"]
    assert NameMask.of(case.family)("Dewi bertengkar dengan Dimas") == "De bertengkar dengan Di"


def test_initials_the_case_gives_stay_as_given() -> None:
    data = {**FAMILY, "people": [*FAMILY["people"][:2], {**FAMILY["people"][2], "initials": "D"},
                                 FAMILY["people"][3]]}
    family = Family.model_validate(data)
    assert family.initials_of("C1") == "D" and family.initials_of("C2") == "Di"


def test_the_same_first_name_is_numbered() -> None:
    family = Family.model_validate({"people": [{"id": "a", "name": "Dewi"}, {"id": "b", "name": "Dewi"},
                                               {"id": "c", "name": "Dimas"}, {"id": "d", "name": "D1"}]})
    assert [family.initials_of(p) for p in "abcd"] == ["D2", "D3", "Di", "D1"]


NAMES = st.lists(st.tuples(st.sampled_from(["Dewi", "Dimas", "Dinda", "Sri", "Siti", "", "Ani"]),
                           st.sampled_from(["", "Sari", "Santoso", "A."]),
                           st.sampled_from([None, "D", "DS", "S"])), max_size=25)


@given(NAMES)
def test_initials_are_distinct_and_given_ones_unique_stay(people: list[tuple[str, str, str | None]]) -> None:
    persons = [Person(id=f"p{i}", name=f"{a} {b}".strip() or None, initials=given_)
               for i, (a, b, given_) in enumerate(people)]
    out = distinct_initials(persons)
    assert len(set(out.values())) == len(persons)
    given_ = [p.initials for p in persons if p.initials]
    for p in persons:
        if p.initials and given_.count(p.initials) == 1:
            assert out[p.id] == p.initials
    assert distinct_initials(persons) == out
