"""Review 7's input defects: dates after the family's date, union histories that end twice, names
written where ids belong, GEDCOM 7's ``SEX X``, a name suffix, and an ``Alive`` column."""
from __future__ import annotations

import pytest

from socialtools.errors import InputError
from socialtools.genogram.model import Family
from socialtools.io.gedcom import parse_gedcom
from socialtools.io.pedigree import read_pedigree_text


def _family(**extra: object) -> Family:
    return Family.model_validate({"as_of": 2025, "people": [
        {"id": "SR", "name": "Siti", "sex": "P", "birth": 2009},
        {"id": "DD", "name": "Dadang", "sex": "L", "birth": 1965},
        {"id": "IY", "name": "Iyah", "sex": "P", "birth": 1972}], **extra})


def test_a_relationship_dated_after_as_of_is_warned_not_dropped_in_silence() -> None:
    family = _family(relationships=[{"between": ["SR", "DD"], "kind": "konflik", "start": 2107}])
    said = [w for w in family.warnings() if "relationships[0]" in w]
    assert said == ["family.relationships[0] (conflict), field 'start': 2107 is after the family's as_of "
                    "(2025): the relationship is not drawn"]


@pytest.mark.parametrize(("extra", "where"), [
    ({"households": [{"label": "Rumah", "members": ["SR", "IY"], "start": 2030}]}, "households[0], field 'start'"),
    ({"unions": [{"partners": ["DD", "IY"], "start": 2099}]}, "unions[0], field 'start'"),
    ({"unions": [{"partners": ["DD", "IY"], "events": ["menikah 2017", "cerai 2071"]}]},
     "unions[0].events[1], field 'year'"),
])
def test_other_records_dated_after_as_of_are_warned(extra: dict[str, object], where: str) -> None:
    assert any(where in w and "is after the family's as_of (2025)" in w for w in _family(**extra).warnings())


def test_records_dated_by_as_of_are_not_warned() -> None:
    family = _family(relationships=[{"between": ["SR", "DD"], "kind": "konflik", "start": 2017}],
                     unions=[{"partners": ["DD", "IY"], "events": ["menikah 2017", "pisah 2025"]}])
    assert not [w for w in family.warnings() if "is after" in w]


def test_a_union_history_that_ends_twice_is_warned() -> None:
    family = _family(unions=[{"partners": ["DD", "IY"], "events": ["menikah 1990", "cerai 1998", "pisah 2000"]}])
    said = [w for w in family.warnings() if "cannot end again" in w]
    assert said == ["family.unions[0].events[2], field 'year': separated in 2000 after divorced in 1998: a union "
                    "that has ended cannot end again (drawn as separated); check the years"]
    # a separation and then a divorce, or a remarriage after a divorce, is a history, not a slip
    for events in (["menikah 1990", "pisah 1995", "cerai 1998"], ["menikah 1990", "cerai 1998", "menikah 2003"]):
        assert not [w for w in _family(unions=[{"partners": ["DD", "IY"], "events": events}]).warnings()
                    if "cannot end again" in w]


def test_a_name_written_for_an_id_is_pointed_to_the_id() -> None:
    with pytest.raises(InputError) as caught:
        _family(unions=[{"partners": ["DD", "IY"], "children": ["siti"]}])
    assert str(caught.value) == ("unions[0], field 'children': unknown person 'siti': that is the name of 'SR'; "
                                 "refer to people by their id")
    with pytest.raises(InputError, match="unknown person 'S'; did you mean 'SR'"):
        _family(relationships=[{"between": ["S", "DD"], "kind": "dekat"}])


def test_gedcom7_sex_x_is_said_not_silently_unknown() -> None:
    text = b"0 HEAD\n1 GEDC\n2 VERS 7.0\n0 @I1@ INDI\n1 NAME Sam /Smith/\n1 SEX X\n0 TRLR\n"
    warnings: list[str] = []
    family = parse_gedcom(text, source="x.ged", warnings=warnings)
    assert family.people[0].sex == "unknown"
    assert [w for w in warnings if "'SEX'" in w] == [
        "person @I1@ (Sam /Smith/), line 4, field 'SEX': 'X' (neither only male nor only female) is drawn as a "
        "diamond, like a sex not given"]


def test_a_name_suffix_after_the_surname_has_no_stray_space() -> None:
    text = b"0 HEAD\n0 @I1@ INDI\n1 NAME Gustaf /Smith/, Sr.\n1 SEX M\n0 TRLR\n"
    assert parse_gedcom(text, source="x.ged").people[0].name == "Gustaf Smith, Sr."


def test_an_alive_column_marks_the_dead() -> None:
    text = ("#FamilyID\tSampleID\tFather\tMother\tSex\tPhenotype\tProband\tAlive\n"
            "1\tproband\tfather\tmother\t1\t2\tYes\tYes\n1\tmother\t0\t0\t2\t1\tNo\tYes\n"
            "1\tfather\t0\t0\t1\t1\tNo\tNo\n")
    warnings: list[str] = []
    family = read_pedigree_text(text, warnings=warnings)["1"]
    assert {p.id: p.deceased for p in family.people} == {"proband": False, "mother": False, "father": True}
    assert not [w for w in warnings if "Alive" in w]
