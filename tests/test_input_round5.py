"""Hostile and messy real-world inputs, round 5 (helper "input", session 2026-12-01 c): each
test failed on the code before its fix. The files under tests/data are written for this project
(invented people)."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialtools.cli import main
from socialtools.io.gedcom import parse_gedcom

DATA = Path(__file__).parent / "data"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().err


def test_gedcom_line_that_skips_a_level_is_warned_about_naming_record_and_line() -> None:
    """'3 DATE' under '1 SEX' and '5 DATE' under '1 BIRT' were read without a word: the first date
    was lost and the second taken as the birth, and nothing said the file breaks GEDCOM's rule."""
    warnings: list[str] = []
    family = parse_gedcom((DATA / "gedcom" / "level-jump.ged").read_bytes(), warnings=warnings)
    jumps = [w for w in warnings if "skips a level" in w]
    assert len(jumps) == 2
    assert jumps[0].startswith("person @I1@ (Ari /Wibowo/), line 5, field 'SEX.DATE' (line 8): '3 DATE 1 JAN 1950'")
    assert "read as part of line 7" in jumps[0]
    assert "person @I2@" in jumps[1] and "(line 14)" in jumps[1] and "line 13, BIRT" in jumps[1]
    assert family.person("I2").birth is not None and family.person("I2").birth.year == 1952


def test_gedcom_level_jump_warnings_are_counted_after_ten() -> None:
    lines = ["0 HEAD", "1 CHAR UTF-8"]
    for i in range(15):
        lines += [f"0 @I{i}@ INDI", "1 SEX M", "3 DATE 1950"]
    warnings: list[str] = []
    parse_gedcom(("\n".join([*lines, "0 TRLR", ""])).encode(), warnings=warnings)
    jumps = [w for w in warnings if "skip" in w]
    assert len(jumps) == 11 and jumps[-1] == "... and 5 more lines that skip a level"


def test_gedcom_level_jump_is_warned_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "g.svg"
    code, err = _run(["genogram", str(DATA / "gedcom" / "level-jump.ged"), "-o", str(out)], capsys)
    assert code == 0 and out.exists()
    assert err.count("skips a level") == 2


def test_as_of_before_every_birth_of_one_family_is_one_error_line(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The command repeated the library's "nobody born by" check itself and printed the first
    family's --as-of warnings before the second family's error; it now leaves the check to the
    library, turns its error into one naming the family and the option, and says nothing else."""
    table = tmp_path / "p.csv"
    table.write_text("ped,id,father,mother,sex,birth\nF1,A,,,male,\nF1,B,,,female,1890\n"
                     "F2,C,,,male,1950\nF2,D,,,female,1955\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    code, err = _run(["genogram", str(table), "--as-of", "1900", "-o", f"{out}/"], capsys)
    assert code == 2 and list(out.iterdir()) == []
    assert err.strip().splitlines() == [
        f"socialtools genogram: error: {table}, family 'F2', field '--as-of': "
        "nobody in the family was born by 1900; the earliest birth is 1950"]
    code, err = _run(["genogram", str(table), "--as-of", "1950", "-o", f"{out}/"], capsys)
    assert code == 0 and "(A) is drawn as if born by 1950" in err


def test_plink_sex_codes_9_and_minus_9_are_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """PLINK reads every sex code but 1 and 2 as unknown, and 9 is the missing code of many
    studies: a .fam with sex 9 was refused ("'9' is not a sex")."""
    from socialtools.io.families import read_families

    family = read_families(DATA / "pedigree" / "plink-sex-9.fam").family
    assert [(p.id, p.sex) for p in family.people] == [
        ("A", "male"), ("B", "female"), ("C", "unknown"), ("D", "unknown"), ("E", "unknown")]
    out = tmp_path / "g.svg"
    assert _run(["genogram", str(DATA / "pedigree" / "plink-sex-9.fam"), "-o", str(out)], capsys)[0] == 0


@pytest.mark.parametrize(("command", "text", "said"), [
    ("genogram", "keluarga:\n  judul: K\n  anggota:\n    - {id: A, nama: Budi}\n",
     "'keluarga' is not a section name: write 'family'"),
    ("genogram", "Family:\n  people:\n    - {id: A}\n", "'Family' is not a section name: write 'family'"),
    ("ecomap", "ekomap:\n  systems: []\n", "'ekomap' is not a section name: write 'ecomap'"),
])
def test_a_section_under_an_indonesian_or_capitalised_name_is_named_with_the_fix(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, text: str, said: str) -> None:
    """'keluarga:' at the top of a student's file said only "no 'family' section"."""
    path = tmp_path / "kasus.yaml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "g.svg"
    code, err = _run([command, str(path), "-o", str(out)], capsys)
    assert code == 2 and not out.exists() and err.count("\n") == 1 and said in err


@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_emoji_the_png_and_pdf_font_cannot_draw_are_warned_about(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                   suffix: str) -> None:
    """System names typed on a phone ('🏫 Sekolah', '🇮🇩') came out as empty boxes in the PNG
    and PDF without a word; the SVG (drawn by a browser) shows them, and still says nothing."""
    case = DATA / "realworld" / "ecomap-emoji.yaml"
    out = tmp_path / f"e{suffix}"
    code, err = _run(["ecomap", str(case), "-o", str(out)], capsys)
    assert code == 0 and out.exists()
    warning = next(line for line in err.splitlines() if "cannot draw" in line)
    assert f"the {suffix[1:].upper()} cannot draw 7 characters" in warning
    assert "🏫 in '🏫 Sekolah'" in warning and "an SVG keeps them" in warning
    code, err = _run(["ecomap", str(case), "-o", str(tmp_path / "e.svg")], capsys)
    assert code == 0 and "cannot draw" not in err
    code, err = _run(["genogram", str(DATA / "realworld" / "ecomap-emoji.yaml"), "-o", str(tmp_path / "g.png")],
                     capsys)
    assert code == 0 and "cannot draw" not in err  # the family has no emoji: Arabic and Latin are in the font


def test_a_genogram_name_with_an_emoji_is_warned_about_in_a_png(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "p.csv"
    table.write_text("id,father,mother,sex,name\nA,,,male,Budi 🌺\nB,,,female,Sari\nC,A,B,female,林美\n",
                     encoding="utf-8")
    code, err = _run(["genogram", str(table), "-o", str(tmp_path / "g.png")], capsys)
    assert code == 0 and "the PNG cannot draw 3 characters" in err and "林 in '林美'" in err


def test_gedcom_empty_sex_line_takes_the_sex_of_the_family_role() -> None:
    """'1 SEX' without a value (a program that writes the line whatever it knows) kept a WIFE
    unknown, though a person without a SEX line at all is a woman as WIFE."""
    text = ("0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Ari /W/\n1 SEX\n1 FAMS @F1@\n0 @I2@ INDI\n1 NAME Sari /L/\n"
            "1 SEX \n1 FAMS @F1@\n0 @I3@ INDI\n1 SEX U\n1 FAMS @F2@\n0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n"
            "0 @F2@ FAM\n1 WIFE @I3@\n0 TRLR\n")
    family = parse_gedcom(text.encode())
    assert [(p.id, p.sex) for p in family.people] == [("I1", "male"), ("I2", "female"), ("I3", "unknown")]


@pytest.mark.parametrize("code", ["NA", "0", "-9"])
def test_a_missing_value_code_as_an_id_is_named_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        code: str) -> None:
    """An id 'NA' (R's missing value in an id column) was refused as "the id is empty"."""
    table = tmp_path / "p.csv"
    table.write_text(f"id,father,mother,sex\n{code},,,male\nB,,,male\n", encoding="utf-8")
    code_, err = _run(["genogram", str(table), "-o", str(tmp_path / "g.svg")], capsys)
    assert code_ == 2 and f"line 2, field 'id': the id '{code}' is a code for a missing value, not an id" in err


def test_a_name_of_spaces_is_a_missing_name_drawn_as_the_id(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """name: "" was drawn as the id, name: "   " (a spreadsheet cell of spaces) as nothing at all."""
    case = tmp_path / "k.yaml"
    case.write_text('family:\n  people:\n    - {id: A, name: "", sex: L}\n    - {id: B, name: "   ", sex: P}\n'
                    '    - {id: C, name: "\\t", sex: P}\n  unions:\n    - {partners: [A, B], children: [C]}\n',
                    encoding="utf-8")
    out = tmp_path / "g.svg"
    assert _run(["genogram", str(case), "-o", str(out)], capsys)[0] == 0
    texts = out.read_text(encoding="utf-8")
    assert all(f">{pid}</text>" in texts for pid in "ABC")


@pytest.mark.parametrize(("command", "suffix"), [("report", ".docx"), ("ecomap", ".svg"), ("venn", ".svg")])
@pytest.mark.parametrize(("name", "kind"), [("gedcom/level-jump.ged", "a GEDCOM file"),
                                            ("pedigree/plink-sex-9.fam", "a table (a pedigree table?)"),
                                            ("pedigree/pedigreejs.json", "a list of records (a pedigreejs file?)")])
def test_a_family_file_given_for_a_case_file_is_named_for_what_it_is(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, suffix: str, name: str, kind: str) -> None:
    """'socialtools report pohon.ged' said "expected a mapping (key: value) at the top of the file"."""
    out = tmp_path / f"r{suffix}"
    code, err = _run([command, str(DATA / name), "-o", str(out)], capsys)
    assert code == 2 and not out.exists() and err.count("\n") == 1
    assert f"this is {kind}, not a case file" in err and "socialtools convert FILE -o case.yaml" in err


def test_a_report_with_emoji_in_a_figure_warns_that_the_picture_shows_boxes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The report's figures are PNG pictures: system names with emoji were boxes in the Word file."""
    out = tmp_path / "r.docx"
    code, err = _run(["report", str(DATA / "realworld" / "ecomap-emoji.yaml"), "-o", str(out)], capsys)
    assert code == 0 and out.exists()
    assert "warning: ecomap: the PNG cannot draw 7 characters" in err and "SVG" not in err


def test_r_write_table_with_quoted_names_with_spaces_and_row_names() -> None:
    """R's write.table(ped, "ped.txt") quotes names: "Sari Dewi" was split at its space into two
    cells, which shifted every column of the row (the row names then went unrecognised, and the
    table was refused: "is their own parent")."""
    from socialtools.io.families import read_families

    family = read_families(DATA / "pedigree" / "r-write-table.txt").family
    assert [(p.id, p.name, p.sex) for p in family.people] == [
        ("1", 'Budi "Bud" Santoso', "male"), ("2", "Sari Dewi", "female"), ("3", "Cici", "male")]
    assert family.unions[0].partners == ["1", "2"] and [c.id for c in family.unions[0].children] == ["3"]


def test_a_year_written_as_a_whole_float_in_json_is_the_year(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """pandas' to_json and spreadsheet exports write years as 1972.0: it was refused as not a date."""
    case = tmp_path / "k.json"
    case.write_text('{"family": {"people": [{"id": "A", "sex": "L", "birth": 1972.0, "death": 2020.0},'
                    ' {"id": "B", "sex": "P", "birth": 1972.5}]}}', encoding="utf-8")
    code, err = _run(["genogram", str(case), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 2 and "family.people[1] (id 'B'), field 'birth': '1972.5' is not a date" in err
    case.write_text('{"family": {"people": [{"id": "A", "sex": "L", "birth": 1972.0, "death": 2020.0}]}}',
                    encoding="utf-8")
    code, err = _run(["genogram", str(case), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 0 and "1972" in (tmp_path / "g.svg").read_text(encoding="utf-8")


def test_gedcom_relationship_status_of_legacy_and_family_tree_maker_is_the_union_kind() -> None:
    """'1 _STAT Partners' (an unmarried couple) and '1 _STAT Divorced' were passed over: the
    couples were drawn as unions of unknown kind and as married."""
    family = parse_gedcom((DATA / "gedcom" / "status-partners.ged").read_bytes())
    assert [(u.id, u.kind) for u in family.unions] == [("F1", "divorced"), ("F2", "cohabiting"), ("F3", "unknown")]


def test_an_ecomap_tie_that_names_its_system_by_name_is_pointed_to_the_id(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'system: Sekolah' (the name) for a system of id 'sek' said only "unknown system 'Sekolah'"."""
    code, err = _run(["ecomap", str(DATA / "realworld" / "ecomap-tie-by-name.yaml"), "-o", str(tmp_path / "e.svg")],
                     capsys)
    assert code == 2 and err.count("\n") == 1
    assert ("ecomap.ties[0] (Sekolah – focal), field 'system': unknown system 'Sekolah': a tie names its system "
            "by id: did you mean 'sek' (named 'Sekolah')?") in err
    case = tmp_path / "k.yaml"
    case.write_text((DATA / "realworld" / "ecomap-tie-by-name.yaml").read_text(encoding="utf-8")
                    .replace("system: Sekolah", "system: skolah"), encoding="utf-8")
    code, err = _run(["ecomap", str(case), "-o", str(tmp_path / "e.svg")], capsys)
    assert code == 2 and "unknown system 'skolah' (the systems' ids: sek)" in err


def test_gedcom_family_of_three_husbands_is_refused_or_leniently_drawn_as_its_first_couple(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A family with three HUSB (a merge gone wrong) was refused even when read leniently."""
    path = DATA / "gedcom" / "three-husb.ged"
    out = tmp_path / "g.svg"
    code, err = _run(["genogram", str(path), "-o", str(out)], capsys)
    assert code == 2 and not out.exists() and "has 4 partners (HUSB/WIFE)" in err and "--lenient" in err
    warnings: list[str] = []
    family = parse_gedcom(path.read_bytes(), lenient=True, warnings=warnings)
    assert family.unions[0].partners == ["I1", "I2"] and [c.id for c in family.unions[0].children] == ["I3"]
    assert any("drawn as the union of @I1@ and @I2@; @I4@, @I5@ left out of it" in w for w in warnings)
    code, err = _run(["genogram", str(path), "--lenient", "-o", str(out)], capsys)
    assert code == 0 and out.exists()


def test_a_duplicate_id_in_a_case_file_names_the_first_person_with_it(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A student who typed id A for two people was told only "people[2], field 'id': duplicate id 'A'"."""
    case = tmp_path / "k.yaml"
    case.write_text("family:\n  people:\n    - {id: A, name: Budi, sex: L}\n    - {id: B, name: Sari, sex: P}\n"
                    "    - {id: A, name: Andi, sex: L}\n", encoding="utf-8")
    code, err = _run(["genogram", str(case), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 2 and ("family.people[2], field 'id': duplicate id 'A': people[0] (Budi) has it too; "
                          "give each person their own id") in err


def test_gedcom_wife_named_only_by_her_own_fams_is_the_partner_with_a_warning() -> None:
    """A family listing only its HUSB, whose wife's FAMS names it, dropped her from the union in
    silence: the child had one parent."""
    warnings: list[str] = []
    family = parse_gedcom((DATA / "gedcom" / "fams-one-sided.ged").read_bytes(), warnings=warnings)
    assert family.unions[0].partners == ["I1", "I2"]
    assert warnings == ["family @F1@ (Ari /W/), line 14, field 'HUSB/WIFE': person @I2@ (Sari /L/), line 7 names it "
                        "in FAMS, but the family does not list them as HUSB or WIFE: drawn as its partner"]
