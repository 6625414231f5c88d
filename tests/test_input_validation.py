"""Bad input is refused (or warned about) with one line naming the file, the record and the field;
never accepted silently. Regression tests for the reviewer's defects 7 and 8 (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from socialtools.cli import main

FAMILY = {
    "people": [
        {"id": "AY", "sex": "male", "birth": 1950},
        {"id": "IB", "sex": "female", "birth": 1955},
        {"id": "KL", "sex": "female", "birth": 1980, "index": True},
        {"id": "SM", "sex": "male", "birth": 1978},
    ],
    "unions": [
        {"partners": ["AY", "IB"], "kind": "married", "start": 1975, "children": ["KL"]},
        {"partners": ["KL", "SM"], "events": [{"married": 2000}, {"divorced": 2010}]},
    ],
    "relationships": [
        {"between": ["KL", "IB"], "kind": "close", "start": 1990},
        {"between": ["KL", "SM"], "kind": "hostile", "start": 2008},
    ],
}
VENN = {"centre": "Keluarga KL", "institutions": [
    {"name": "Puskesmas", "kind": "pemerintah", "importance": "besar", "closeness": "dekat"},
    {"name": "Masjid", "kind": "lokal", "importance": "sedang", "closeness": "sangat dekat"}]}


def case_file(tmp_path: Path, name: str = "case.yaml", **sections: object) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump({"case": {"client": "KL"}, **sections}, sort_keys=False), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Exit status and stderr of ``socialtools ARGV``, checking that stderr has no traceback."""
    status = main(list(argv))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, err


def refused(capsys: pytest.CaptureFixture[str], out: Path, *argv: str) -> str:
    """The one error line of a refused command: exit 2, nothing written."""
    status, err = run(capsys, *argv, "-o", str(out))
    assert status == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert not out.exists()
    return err


# -- defect 8: error paths ----------------------------------------------------------------------
def test_union_kind_that_contradicts_its_events_is_named_by_its_index(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    family = {**FAMILY, "unions": [FAMILY["unions"][0], {**FAMILY["unions"][1], "kind": "married"}]}
    path = case_file(tmp_path, family=family)
    for command, out in (("genogram", "g.svg"), ("report", "r.md")):
        err = refused(capsys, tmp_path / out, command, str(path))
        assert "family.unions[1], field 'kind': kind 'married' disagrees with the last event" in err
        assert "union 'KL/SM'" not in err


def test_person_error_raised_by_the_person_keeps_its_index_path(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    people = [*FAMILY["people"][:3], {"id": "SM", "sex": "male", "birth": 1978, "death": 1970}]
    err = refused(capsys, tmp_path / "g.svg", "genogram", str(case_file(tmp_path, family={**FAMILY, "people": people})))
    assert "family.people[3] (id 'SM'), field 'death': death (1970) is before birth (1978)" in err


@pytest.mark.parametrize(("change", "expected"), [
    ({"importance": "huge!"}, "venn.institutions[0] ('Puskesmas'), field 'importance': unknown importance 'huge!'"),
    ({"cooperation": [{"between": ["Puskesmas", "Kantor Pos"], "level": 1}]},
     "venn.cooperation[0], field 'between': unknown institution 'Kantor Pos'"),
])
def test_venn_errors_in_a_case_file_carry_the_venn_prefix(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          change: dict[str, object], expected: str) -> None:
    venn = dict(VENN)
    if "importance" in change:
        venn["institutions"] = [{**VENN["institutions"][0], **change}, VENN["institutions"][1]]  # type: ignore[index]
    else:
        venn.update(change)
    err = refused(capsys, tmp_path / "v.svg", "venn", str(case_file(tmp_path, venn=venn)))
    assert expected in err
    # a file that *is* the Venn section names the record without a prefix
    alone = tmp_path / "venn.yaml"
    alone.write_text(yaml.safe_dump(venn), encoding="utf-8")
    err = refused(capsys, tmp_path / "v2.svg", "venn", str(alone))
    assert expected.removeprefix("venn.") in err and "venn.institutions" not in err


def test_report_warns_about_a_broken_venn_section_it_does_not_draw(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    venn = {**VENN, "institutions": [{**VENN["institutions"][0], "importance": "huge!"}]}
    out = tmp_path / "r.md"
    status, err = run(capsys, "report", str(case_file(tmp_path, family=FAMILY, venn=venn)), "-o", str(out))
    assert status == 0 and out.exists()
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert "venn.institutions[0] ('Puskesmas'), field 'importance'" in warnings[0]
    assert "the report has no Venn diagram" in warnings[0]
    # a sound Venn section: no warning
    status, err = run(capsys, "report", str(case_file(tmp_path, family=FAMILY, venn=VENN)), "-o", str(out))
    assert status == 0 and "warning" not in err


@pytest.mark.parametrize("name", ["empty.ged", "empty.csv", "empty.yaml", "blank.json", "bom.ged"])
@pytest.mark.parametrize(("command", "out"), [("genogram", "o.svg"), ("report", "o.md"), ("venn", "o.svg"),
                                              ("convert", "o.ged")])
def test_an_empty_file_is_named_as_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                         command: str, out: str) -> None:
    path = tmp_path / name
    path.write_bytes({"blank.json": b"  \n\n", "bom.ged": b"\xef\xbb\xbf\r\n"}.get(name, b""))
    err = refused(capsys, tmp_path / out, command, str(path))
    assert err.strip().endswith(f"{path}: the file is empty"), err


def test_a_yaml_file_of_comments_only_is_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("# family of KL: to be filled in\n", encoding="utf-8")
    err = refused(capsys, tmp_path / "o.md", "report", str(path))
    assert "notes.yaml: the file is empty (it holds only comments)" in err


# -- defect 7: bad input accepted silently ------------------------------------------------------
def test_relationship_that_ends_before_it_starts_is_refused(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    rels = [FAMILY["relationships"][0], {**FAMILY["relationships"][1], "end": 1995}]
    path = case_file(tmp_path, family={**FAMILY, "relationships": rels})
    for command, out in (("genogram", "g.svg"), ("report", "r.md")):
        err = refused(capsys, tmp_path / out, command, str(path))
        assert "family.relationships[1] (hostile), field 'end': ends (1995) before it starts (2008)" in err


def test_household_that_ends_before_it_starts_is_refused() -> None:
    from socialtools.errors import InputError
    from socialtools.genogram.model import Family

    with pytest.raises(InputError, match=r"households\[0\] \('Rumah'\), field 'end': ends \(2001\) before it starts"):
        Family.model_validate({**FAMILY, "households": [{"label": "Rumah", "members": ["KL"], "start": 2005,
                                                         "end": 2001}]})


def test_repeated_relationship_is_refused_naming_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the same pair and kind, in the other order and without a start: it holds in the same years
    rels = [*FAMILY["relationships"], {"between": ["IB", "KL"], "kind": "close"}]
    err = refused(capsys, tmp_path / "g.svg", "genogram", str(case_file(tmp_path, family={**FAMILY,
                                                                                           "relationships": rels})))
    assert "family.relationships[2] (close), field 'between': repeats relationships[0]" in err


@pytest.mark.parametrize("rels", [
    [{"between": ["KL", "IB"], "kind": "close", "end": 2000}, {"between": ["KL", "IB"], "kind": "close", "start": 2005}],
    [{"between": ["KL", "IB"], "kind": "close"}, {"between": ["KL", "IB"], "kind": "conflict"}],
    [{"between": ["KL", "IB"], "kind": "focused_on"}, {"between": ["IB", "KL"], "kind": "focused_on"}],
])
def test_same_pair_in_other_years_kinds_or_directions_is_not_a_repeat(rels: list[dict[str, object]]) -> None:
    from socialtools.genogram.model import Family

    assert len(Family.model_validate({**FAMILY, "relationships": rels}).relationships) == 2


SHORT = "famid,id,father,mother,sex\n1,1,0,0,1\n1,2,0,0,2\n1,3,1,2\n"


def test_pedigree_row_missing_a_cell_is_refused_naming_row_and_column(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "short.csv"
    path.write_text(SHORT, encoding="utf-8")
    err = refused(capsys, tmp_path / "g.svg", "genogram", str(path))
    assert "line 4 (id '3'), field 'sex': has 4 cells, the header 5 columns: the 'sex' cell is missing" in err
    out = tmp_path / "lenient.svg"
    status, err = run(capsys, "genogram", str(path), "--lenient", "-o", str(out))
    assert status == 0 and out.exists()
    assert "warning: line 4 (id '3'), field 'sex': has 4 cells" in err
    spaces = tmp_path / "short.txt"  # white-space columns too
    spaces.write_text(SHORT.replace(",", " "), encoding="utf-8")
    assert "the 'sex' cell is missing" in refused(capsys, tmp_path / "s.svg", "genogram", str(spaces))


def test_parent_without_a_row_is_added_with_a_warning_naming_the_row(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from socialtools.io.families import read_families

    path = tmp_path / "missing.csv"
    path.write_text("famid,id,father,mother,sex\n1,1,0,0,1\n1,2,0,0,2\n1,3,1,2,1\n1,4,1,99,2\n", encoding="utf-8")
    found = read_families(path)
    assert found.warnings == ["line 5 (id '4'), field 'mother': '99' has no row of its own: added as a woman "
                              "with nothing else known"]
    assert found.family.person("99").sex == "female"
    status, err = run(capsys, "genogram", str(path), "-o", str(tmp_path / "g.svg"))
    assert status == 0 and "warning: line 5 (id '4'), field 'mother': '99' has no row of its own" in err


def test_many_parents_without_rows_are_counted_after_ten_warnings(tmp_path: Path) -> None:
    from socialtools.io.families import read_families

    rows = "".join(f"1,c{i},f{i},m{i},1\n" for i in range(8))  # 16 parents without a row
    path = tmp_path / "founders.csv"
    path.write_text("famid,id,father,mother,sex\n" + rows, encoding="utf-8")
    warnings = read_families(path).warnings
    assert len(warnings) == 11 and warnings[-1] == "... and 6 more like these"
    assert len(read_families(path).family.people) == 24
