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
    [{"between": ["KL", "IB"], "kind": "close", "end": 2000},
     {"between": ["KL", "IB"], "kind": "close", "start": 2005}],
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


# -- defect 7: approximate and unreadable dates -------------------------------------------------
GED = """0 HEAD
1 GEDC
2 VERS 5.5.1
1 CHAR UTF-8
0 @I1@ INDI
1 NAME Ani /Contoh/
1 SEX F
1 BIRT
2 DATE 31 FEBRUARI 19x8
1 FAMS @F1@
0 @I2@ INDI
1 NAME Budi /Contoh/
1 SEX M
1 BIRT
2 DATE {budi}
1 DEAT
2 DATE 1990
1 FAMS @F1@
0 @F1@ FAM
1 HUSB @I2@
1 WIFE @I1@
1 MARR
2 DATE BET 1970 AND 1972
0 TRLR
"""


def svg_texts(path: Path) -> list[str]:
    import re

    return re.findall(r"<text[^>]*>([^<]*)</text>", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("budi", ["ABT 1950", "EST 1950", "CAL 1950", "BEF 1950", "AFT 1950", "BET 1950 AND 1952"])
def test_gedcom_approximate_dates_are_shown_approximate(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        budi: str) -> None:
    path = tmp_path / "pohon.ged"
    path.write_text(GED.format(budi=budi), encoding="utf-8")
    born = "~1951" if budi.startswith("BET") else "~1950"  # a range: its middle year
    for lang, married in (("id", "n. ~1971"), ("en", "m. ~1971")):  # BET 1970 AND 1972
        out = tmp_path / f"g-{lang}.svg"
        status, _ = run(capsys, "genogram", str(path), "--lang", lang, "-o", str(out))
        texts = svg_texts(out)
        assert status == 0 and f"{born}–1990" in texts and married in texts, texts


def test_gedcom_date_that_cannot_be_read_is_a_warning_naming_record_line_and_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pohon.ged"
    path.write_text(GED.format(budi="ABT 1950"), encoding="utf-8")
    out = tmp_path / "g.svg"
    status, err = run(capsys, "genogram", str(path), "-o", str(out))
    assert status == 0 and out.exists()
    assert ("warning: person @I1@ (Ani /Contoh/), line 5, field 'BIRT.DATE' (line 9): '31 FEBRUARI 19x8' cannot be "
            "read as a date; drawn without it") in err
    texts = svg_texts(out)
    assert "Ani Contoh" in texts and not any(t.startswith("l. ") for t in texts)  # Ani is drawn without a year


def test_many_unreadable_gedcom_dates_are_counted_after_ten(tmp_path: Path) -> None:
    from socialtools.io.families import read_families

    people = "".join(f"0 @I{i}@ INDI\n1 BIRT\n2 DATE (waktu perang {i})\n" for i in range(14))
    path = tmp_path / "pohon.ged"
    path.write_text("0 HEAD\n1 GEDC\n2 VERS 5.5.1\n" + people + "0 TRLR\n", encoding="utf-8")
    warnings = read_families(path).warnings
    assert len(warnings) == 11 and warnings[-1] == "... and 4 more dates that cannot be read or shown"
    assert "person @I0@ (line 4), field 'BIRT.DATE' (line 6): '(waktu perang 0)' cannot be read" in warnings[0]


def test_case_file_approximate_dates_are_labelled_and_kept(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from socialtools.genogram.model import Family
    from socialtools.io.convert_family import family_text
    from socialtools.io.gedcom import family_to_gedcom, parse_gedcom

    people = [{**FAMILY["people"][0], "birth": "sekitar 1950", "death": "1990"}, *FAMILY["people"][1:]]
    unions = [{**FAMILY["unions"][0], "start": "~1975"}, FAMILY["unions"][1]]
    data = {**FAMILY, "people": people, "unions": unions}
    out = tmp_path / "g.svg"
    status, _ = run(capsys, "genogram", str(case_file(tmp_path, family=data)), "--lang", "en", "-o", str(out))
    assert status == 0 and {"~1950–1990", "m. ~1975"} <= set(svg_texts(out))
    family = Family.model_validate(data)
    # kept through a case file and through GEDCOM (ABT)
    again = yaml.safe_load(family_text(family, ".yaml"))["family"]
    assert again["people"][0]["birth"] == "~1950" and Family.model_validate(again) == family
    ged = family_to_gedcom(family)
    assert "2 DATE ABT 1950" in ged and "2 DATE ABT 1975" in ged
    assert parse_gedcom(ged.encode("utf-8")).person("AY").birth == family.person("AY").birth


def test_report_family_table_marks_an_approximate_year() -> None:
    from socialtools.dates import PartialDate
    from socialtools.report.casetables import _birth_text
    from socialtools.report.model import ReportOptions

    assert _birth_text("Wonosobo", PartialDate(1950, approximate=True), ReportOptions()) == "Wonosobo, ~1950"
    assert _birth_text(None, PartialDate(1950, 3, 4), ReportOptions()) == "1950"


def test_gedcom_day_not_in_its_month_is_a_warning(tmp_path: Path) -> None:
    from socialtools.io.families import read_families

    path = tmp_path / "pohon.ged"
    path.write_text(GED.format(budi="31 FEB 1950"), encoding="utf-8")
    found = read_families(path)
    assert found.family.person("I2").birth is not None and str(found.family.person("I2").birth) == "1950-02"
    assert ("person @I2@ (Budi /Contoh/), line 11, field 'BIRT.DATE' (line 15): '31 FEB 1950' has no day 31 in its "
            "month (drawn as 1950-02)") in found.warnings


def test_r15_a_couple_written_as_two_unions_is_warned_about_naming_the_second(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Review 5 R15: a marriage and its divorce written as two unions drew two lines on top of each
    other, silently (the label said 'married 1990' for the divorce)."""
    family = {"people": [{"id": "A", "sex": "L", "birth": 1950}, {"id": "B", "sex": "P", "birth": 1950}],
              "unions": [{"partners": ["A", "B"], "kind": "menikah"},
                         {"partners": ["B", "A"], "kind": "cerai", "start": 1990}]}
    status, err = run(capsys, "genogram", str(case_file(tmp_path, family=family)), "-o", str(tmp_path / "g.svg"))
    assert status == 0
    assert "warning: family.unions[1], field 'partners': repeats the couple B and A of unions[0]" in err
    assert "events" in err
    # the advised form draws without the warning
    family["unions"] = [{"partners": ["A", "B"], "events": ["menikah 1980", "cerai 1990"]}]
    status, err = run(capsys, "genogram", str(case_file(tmp_path, family=family)), "-o", str(tmp_path / "g.svg"))
    assert status == 0 and "repeats the couple" not in err


@pytest.mark.parametrize("command", ["genogram", "ecomap", "report", "convert"])
def test_r21_output_file_in_a_missing_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        command: str) -> None:
    """Review 5 R21: '-o /no/such/dir/g.svg' made the whole path silently."""
    from socialtools.examples import example_path

    out = tmp_path / "no" / "such" / ("g.ged" if command == "convert" else "g.svg" if command != "report" else "r.md")
    err = refused(capsys, out, command, str(example_path("pk.yaml")))
    assert f"folder '{out.parent}' does not exist" in err
    assert not (tmp_path / "no").exists()


def test_r16_two_marriages_of_one_person_at_the_same_time_are_warned_about() -> None:
    """Review 5 R16: Rina married to Agus 1986-2012 (widowed) and to Budi 1993-2016 passed silently."""
    from socialtools.genogram.model import Family

    def family(agus_end: int, budi: list[str]) -> Family:
        return Family.model_validate({
            "people": [{"id": "RA", "sex": "P"}, {"id": "AS", "sex": "L", "death": agus_end}, {"id": "BW", "sex": "L"}],
            "unions": [{"partners": ["BW", "RA"], "events": budi},
                       {"partners": ["RA", "AS"], "events": ["menikah 1986", f"cerai mati {agus_end}"]}]})

    def overlaps(f: Family) -> list[str]:
        return [w for w in f.warnings() if "is within the marriage" in w]

    assert overlaps(family(2012, ["nikah 1993", "cerai 2016"])) == [
        "family.unions[0], field 'start': 1993 is within the marriage unions[1] of 'RA' (1986–2012, with 'AS'): "
        "check the years"]
    # one after the other (widowed in 1990, married again in 1993; or the same year) is no overlap
    assert not overlaps(family(1990, ["nikah 1993", "cerai 2016"]))
    assert not overlaps(family(1993, ["nikah 1993"]))
    # a first marriage whose end is not known (an export without the divorce) is no evidence
    unknown = Family.model_validate({
        "people": [{"id": "RA", "sex": "P"}, {"id": "AS", "sex": "L"}, {"id": "BW", "sex": "L"}],
        "unions": [{"partners": ["RA", "AS"], "kind": "menikah", "start": 1986},
                   {"partners": ["BW", "RA"], "kind": "menikah", "start": 1993}]})
    assert not overlaps(unknown)


def test_r22_many_conditions_warning_names_the_record_and_field() -> None:
    """Review 5 R22: the 'N conditions' warning named "person 'A'", unlike every other message."""
    from socialtools.genogram.model import Family

    family = Family.model_validate({"people": [{"id": "B"}, {"id": "A", "conditions": list("abcdefg")}]})
    assert [w for w in family.warnings() if "conditions" in w] == [
        "family.people[1] (id 'A'), field 'conditions': 7 conditions: a symbol has four quadrants, so e, f, g are "
        "written under the person only with --labels ...,conditions"]


def test_r22_report_only_with_a_misspelt_part_gets_a_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from socialtools.examples import example_path

    err = refused(capsys, tmp_path / "r.md", "report", str(example_path("pk.yaml")), "--only", "genogrm")
    assert "no report part 'genogrm' (did you mean 'genogram'?)" in err


def test_r19_deceased_without_a_year_but_widowed_in_a_year_is_warned_about() -> None:
    """Review 5 R19: Suparno 'deceased: ya' with 'cerai mati 2020' was drawn 'l. 1980' alone."""
    from socialtools.genogram.model import Family

    family = Family.model_validate({
        "people": [{"id": "S", "sex": "L", "birth": 1980, "deceased": "ya"}, {"id": "W", "sex": "P"}],
        "unions": [{"partners": ["S", "W"], "kind": "cerai mati", "start": 2003, "end": 2020}]})
    assert [w for w in family.warnings() if "field 'death'" in w] == [
        "family.people[0] (id 'S'), field 'death': deceased without a year, but unions[0] says widowed in 2020: "
        "write death: 2020 to show it"]


def test_r22_a_report_with_nothing_to_report_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Review 5 R22: a file whose family has no people wrote a chapter that was just its heading, exit 0."""
    path = tmp_path / "kosong.yaml"
    path.write_text("family:\n  people: []\n", encoding="utf-8")
    err = refused(capsys, tmp_path / "r.md", "report", str(path))
    assert "nothing to report in it" in err
    err = refused(capsys, tmp_path / "r.md", "report", str(case_file(tmp_path)), "--only", "genogram")
    assert "nothing to report for --only genogram" in err


def test_r22_a_member_listed_as_a_system_is_reported_before_a_bad_word_in_a_tie(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # review 5 R22 (bad/b11-eco.yaml): the tie's misspelt quality was reported, hiding the person's error
    case = tmp_path / "b11.yaml"
    case.write_text(yaml.safe_dump({
        "family": {"people": [{"id": "A", "sex": "L", "birth": 1960}]},
        "ecomap": {"focal": {"members": ["A"]}, "systems": [{"id": "s", "name": "Sekolah"}, {"person": "A"}],
                   "ties": [{"system": "s", "quality": ["stres", "konflk"]}]}}), encoding="utf-8")
    err = refused(capsys, tmp_path / "e.svg", "ecomap", str(case))
    assert "ecomap.systems[1] (A), field 'person': person 'A' is already in the focal circle" in err
