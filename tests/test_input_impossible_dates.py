"""Dates that cannot all be true are never accepted silently (review findings F7/F9, issue 13
"nothing silently dropped"): a clear contradiction in a case file is refused naming the record and
field (exit 2, one line, no file), or drawn with ``--lenient`` and one warning; a doubtful but
possible fact is a warning; an imported genealogy file (GEDCOM) is never refused for them."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from socialtools.genogram.model import Family
from tests.test_input_validation import run

FAMILY: dict[str, Any] = {
    "as_of": 2024,
    "people": [
        {"id": "AY", "sex": "male", "birth": 1950, "death": 2015},
        {"id": "IB", "sex": "female", "birth": 1955},
        {"id": "KL", "sex": "female", "birth": 1980, "index": True, "conditions": [{"name": "asma", "start": 1990}]},
        {"id": "SM", "sex": "male", "birth": 1978},
        {"id": "T1", "sex": "female", "birth": 1983},
        {"id": "T2", "sex": "female", "birth": 1983},
    ],
    "unions": [
        {"partners": ["AY", "IB"], "events": [{"married": 1975}, {"widowed": 2015}],
         "children": ["KL", {"id": "T1", "twin": "a", "identical": True}, {"id": "T2", "twin": "a"}]},
        {"partners": ["KL", "SM"], "events": [{"married": 2000}, {"divorced": 2010}]},
    ],
    "relationships": [{"between": ["KL", "IB"], "kind": "close", "start": 1990},
                      {"between": ["KL", "AY"], "kind": "conflict", "start": 1995, "end": 2012}],
}


def family_with(change: Any) -> dict[str, Any]:
    family = copy.deepcopy(FAMILY)
    change(family)
    return family


def case_file(tmp_path: Path, family: dict[str, Any], **sections: object) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump({"case": {"client": "KL"}, "family": family, **sections}, sort_keys=False),
                    encoding="utf-8")
    return path


def refused(capsys: pytest.CaptureFixture[str], path: Path, out: Path, command: str = "genogram") -> str:
    """The one error line of a refused command: exit 2, nothing written."""
    status, err = run(capsys, command, str(path), "-o", str(out))
    assert status == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert not out.exists()
    return err


def warned(capsys: pytest.CaptureFixture[str], path: Path, out: Path, *options: str,
           command: str = "genogram") -> str:
    status, err = run(capsys, command, str(path), "-o", str(out), *options)
    assert status == 0, err
    assert out.exists()
    return err


def test_the_base_family_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The families below differ from this one by one fact: it draws without a warning."""
    assert Family.model_validate(FAMILY).warnings() == []
    assert "warning" not in warned(capsys, case_file(tmp_path, FAMILY), tmp_path / "g.svg")


# -- clear contradictions: refused, or drawn with --lenient and one warning -----------------------------
CONTRADICTIONS = [
    pytest.param(lambda f: f["unions"][1]["events"].__setitem__(0, {"married": 1979}),
                 "family.unions[1].events[0], field 'year': married (1979) is before the birth of 'KL' (1980)",
                 id="union-before-birth"),
    pytest.param(lambda f: f["unions"][0]["events"].insert(0, {"engaged": 1949}),
                 "family.unions[0].events[0], field 'year': engaged (1949) is before the birth of 'AY' (1950) "
                 "and 'IB' (1955)", id="union-event-before-both-births"),
    pytest.param(lambda f: f["relationships"][0].__setitem__("start", 1975),
                 "family.relationships[0] (close), field 'start': 1975 is before the birth of 'KL' (1980)",
                 id="relationship-before-birth"),
    pytest.param(lambda f: f["relationships"][1].update(start=2016, end=2018),
                 "family.relationships[1] (conflict), field 'start': 2016 is after the death of 'AY' (2015)",
                 id="relationship-after-death"),
    pytest.param(lambda f: f["people"][2]["conditions"][0].__setitem__("start", 1970),
                 "family.people[2] (id 'KL').conditions[0], field 'start': 'asma' began in 1970, before the birth "
                 "of 'KL' (1980)", id="condition-before-birth"),
    pytest.param(lambda f: f["people"][0].__setitem__("conditions", [{"name": "stroke", "onset": 2020}]),
                 "family.people[0] (id 'AY').conditions[0], field 'start': 'stroke' began in 2020, after the death "
                 "of 'AY' (2015)", id="condition-after-death"),
    pytest.param(lambda f: f["people"][5].__setitem__("birth", 1986),
                 "family.unions[0].children[2] (id 'T2'), field 'twin': twin of 'T1' (born 1983), but born in 1986",
                 id="twins-years-apart"),
]


@pytest.mark.parametrize(("change", "message"), CONTRADICTIONS)
def test_a_contradiction_in_a_case_file_is_refused_or_with_lenient_warned(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], change: Any, message: str) -> None:
    path = case_file(tmp_path, family_with(change))
    err = refused(capsys, path, tmp_path / "g.svg")
    assert f"{path}, {message} (" in err and "lenient" in err
    err = warned(capsys, path, tmp_path / "g.svg", "--lenient")
    assert f"warning: {message}\n" in err
    assert err.count(message) == 1
    # the report refuses it too, and reports it anyway with --lenient
    assert message in refused(capsys, path, tmp_path / "r.md", "report")
    assert f"warning: {message}\n" in warned(capsys, path, tmp_path / "r.md", "--lenient", command="report")


def test_approximate_dates_are_not_held_to_the_births() -> None:
    family = family_with(lambda f: f["unions"][1]["events"].__setitem__(0, {"married": "sekitar 1979"}))
    assert Family.model_validate(family).contradictions() == []


# -- doubtful but possible: warnings ---------------------------------------------------------------------
def _young_union(f: dict[str, Any]) -> None:
    f["unions"][1]["events"] = [{"married": 1992}, {"divorced": 2010}]


def _sibling_union(f: dict[str, Any]) -> None:
    f["people"].append({"id": "AN", "sex": "male", "birth": 1985})
    f["unions"][0]["children"].append("AN")
    f["unions"].append({"partners": ["AN", "T1"], "start": 2010})


def _parent_child_union(f: dict[str, Any]) -> None:
    f["unions"].append({"partners": ["AY", "T1"], "start": 2005})


WARNINGS = [
    pytest.param(_young_union, "family.unions[1].events[0], field 'year': 'KL' would be 12 at the start of the "
                 "union (1992): check the years", id="partner-under-14"),
    pytest.param(lambda f: f["people"][5].__setitem__("sex", "male"),
                 "family.unions[0].children[2] (id 'T2'), field 'twin': identical twins 'T1' (female) and 'T2' "
                 "(male) of different sex: check the sex or the identical mark", id="identical-twins-of-two-sexes"),
    pytest.param(lambda f: f["people"][5].__setitem__("birth", 1984),
                 "family.unions[0].children[2] (id 'T2'), field 'twin': twins 'T1' (1983) and 'T2' (1984) born in "
                 "different years: check the years", id="twins-in-neighbouring-years"),
    pytest.param(_sibling_union, "family.unions[2], field 'partners': sibling union of 'AN' and 'T1': check the "
                 "case file (write consanguineous: true if it is right)", id="sibling-union"),
    pytest.param(_parent_child_union, "family.unions[2], field 'partners': parent–child union of 'AY' and 'T1': "
                 "check the case file (write consanguineous: true if it is right)", id="parent-child-union"),
    pytest.param(lambda f: f["people"][3].__setitem__("death", 2030),
                 "family.people[3] (id 'SM'), field 'death': 2030 is after the family's as_of (2024): 'SM' is "
                 "drawn alive", id="death-after-as-of"),
]


@pytest.mark.parametrize(("change", "message"), WARNINGS)
def test_a_doubtful_fact_is_drawn_with_one_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   change: Any, message: str) -> None:
    err = warned(capsys, case_file(tmp_path, family_with(change)), tmp_path / "g.svg")
    assert f"warning: {message}\n" in err
    assert err.count(message) == 1


def test_a_union_marked_consanguineous_is_not_warned_about() -> None:
    family = family_with(_sibling_union)
    family["unions"][2]["consanguineous"] = True
    assert not [w for w in Family.model_validate(family).warnings() if "union of" in w]


# -- the case report: a session after the termination ------------------------------------------------------
def test_a_session_after_the_termination_is_refused_or_with_lenient_warned(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sessions = [{"date": "2024-09-10", "activity": "asesmen"}, {"date": "2024-11-05", "activity": "terminasi"}]
    path = case_file(tmp_path, FAMILY, sessions=sessions, termination={"date": "2024-10-30", "reason": "selesai"})
    message = "sessions[1], field 'date': 2024-11-05 is after the termination of the case (2024-10-30)"
    err = refused(capsys, path, tmp_path / "r.md", "report")
    assert f"{path}, {message}: correct the date (" in err and "lenient" in err
    assert f"warning: {message}: correct the date\n" in warned(capsys, path, tmp_path / "r.md", "--lenient",
                                                                command="report")
    sessions[1]["date"] = "2024-10-30"  # the last session on the day of the termination
    path = case_file(tmp_path, FAMILY, sessions=sessions, termination={"date": "2024-10-30", "reason": "selesai"})
    assert "warning" not in warned(capsys, path, tmp_path / "r.md", command="report")


# -- imported genealogy files: warnings only ----------------------------------------------------------------
GEDCOM = """0 HEAD
1 GEDC
2 VERS 5.5.1
1 CHAR UTF-8
0 @I1@ INDI
1 NAME Budi /Santoso/
1 SEX M
1 BIRT
2 DATE 1960
0 @I2@ INDI
1 NAME Sri /Wahyuni/
1 SEX F
1 BIRT
2 DATE 1962
0 @F1@ FAM
1 HUSB @I1@
1 WIFE @I2@
1 MARR
2 DATE 1955
0 TRLR
"""


def test_a_gedcom_union_before_a_birth_is_a_warning_not_an_error(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tree.ged"
    path.write_text(GEDCOM, encoding="utf-8")
    err = warned(capsys, path, tmp_path / "g.svg")
    assert "warning: family @F1@" in err
    assert "field 'start': the union's start (1955) is before the birth of 'I1' (1960) and 'I2' (1962)" in err
