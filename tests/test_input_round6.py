"""Hostile and messy real-world inputs, round 6 (helper "input", session 2026-12-01 d): each
test failed on the code before its fix. The files under tests/data are written for this project
(invented people)."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path
from typing import get_args

import pytest

from socialtools.cli import main
from socialtools.io.output import font_warnings

DATA = Path(__file__).parent / "data"
PACKAGE = Path(__file__).parent.parent / "socialtools"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().err


def _texts(svg: Path) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg.read_text(encoding="utf-8"))


# -- part 1: leftovers ------------------------------------------------------------------------
def test_gedcom_range_is_shown_by_its_middle_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'BET 1900 AND 1910' was drawn '~1900', as if it were about 1900; it is ~1905 (a case file's
    '1900-1910' likewise), and a decade '1900s' stays ~1900."""
    ged = tmp_path / "bet.ged"
    ged.write_text("0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Ani /Contoh/\n1 SEX F\n1 BIRT\n2 DATE BET 1900 AND 1910\n"
                   "1 DEAT\n2 DATE 1980\n0 @I2@ INDI\n1 NAME Budi /Contoh/\n1 SEX M\n1 BIRT\n2 DATE 1900s\n"
                   "0 TRLR\n", encoding="utf-8")
    out = tmp_path / "g.svg"
    code, _ = _run(["genogram", str(ged), "--lang", "en", "-o", str(out)], capsys)
    texts = _texts(out)
    assert code == 0 and "~1905–1980" in texts and "b. ~1900" in texts, texts
    from socialtools.dates import PartialDate
    assert PartialDate.parse("1900-1910").display() == "~1905"


def _household_case(tmp_path: Path) -> Path:
    path = tmp_path / "kasus.yaml"
    path.write_text("family:\n  people:\n    - {id: A, sex: L}\n    - {id: B, sex: P}\n"
                    "  households:\n    - label: Rumah Jakarta\n      members: [A, B, A]\n", encoding="utf-8")
    return path


def test_household_listing_a_member_twice_is_refused_naming_record_and_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Accepted silently (the member drawn once); a union's child listed twice is refused, so is this."""
    out = tmp_path / "g.svg"
    code, err = _run(["genogram", str(_household_case(tmp_path)), "-o", str(out)], capsys)
    assert code == 2 and not out.exists()
    assert "households[0] ('Rumah Jakarta'), field 'members': member 'A' is listed twice" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("written", ["~45", "± 45", "±45", "+/- 45", "sekitar 45", "kira-kira 45", "45?",
                                     "sekitar 45 tahun"])
def test_approximate_age_is_read_and_shown_approximate(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       written: str) -> None:
    """'age: ± 45' was refused ('is not an age'); an approximate date is read and shown '~1950', so an
    approximate age is read and shown '~45'."""
    path = tmp_path / "kasus.yaml"
    path.write_text(f'family:\n  people:\n    - id: A\n      sex: L\n      age: "{written}"\n', encoding="utf-8")
    out = tmp_path / "g.svg"
    code, err = _run(["genogram", str(path), "-o", str(out)], capsys)
    assert code == 0, err
    assert "~45" in _texts(out)


def test_an_exact_age_stays_exact_and_nonsense_is_still_refused(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from socialtools.genogram.model import Person
    assert Person(id="A", age="45 th").age_approximate is False
    path = tmp_path / "kasus.yaml"
    path.write_text('family:\n  people:\n    - id: A\n      age: "sekitar x"\n', encoding="utf-8")
    code, err = _run(["genogram", str(path), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 2 and "people[0] (id 'A'), field 'age': 'sekitar x' is not an age" in err


def test_font_warning_checks_each_face_as_the_output_draws_it() -> None:
    """The warning checked the regular face only: a PNG draws a bold-only character (𝗔, the 'bold text'
    of social media) from the bold face, and was warned about it; a PDF draws every face with the
    regular one, so there it is a box and is warned about."""
    svg = '<svg><text font-weight="bold">𝗔𝗱𝗶 Santoso</text><text font-style="italic">Rumah</text></svg>'
    assert font_warnings(svg, ".png") == []
    said = font_warnings(svg, ".pdf")
    assert len(said) == 1 and "cannot draw 3 characters" in said[0] and "𝗔 in '𝗔𝗱𝗶 Santoso'" in said[0]
    assert "🏫" in font_warnings('<svg><text font-style="italic">🏫 Sekolah</text></svg>', ".png")[0]


def _report_keys() -> set[str]:
    """Every key the report looks up: the literal ones (``word("table", ...)``, ``captioned("cap_x", ...)``,
    ``section("family", ...)``) and those made from a model's values."""
    from socialtools.report.case import SessionKind, SystemKind
    from socialtools.report.model import COLUMNS

    keys: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args \
                    and node.func.id in ("word", "captioned", "section", "captioned_table") \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                keys.add(node.args[0].value)
    keys |= {c for columns in COLUMNS.values() for c in columns}
    keys |= {"male", "female", *get_args(SessionKind), *(f"sys_{s}" for s in get_args(SystemKind))}
    return keys


def test_every_report_word_exists_in_indonesian_and_english() -> None:
    """word() printed the key itself ('cap_bpss') for a missing key, silently."""
    from socialtools.i18n import COMMON
    from socialtools.report.labels import REPORT

    keys = _report_keys()
    assert len(keys) > 40
    missing = sorted(k for k in keys if not (e := REPORT.get(k) or COMMON.get(k)) or not e.get("id") or not e.get("en"))
    assert missing == []


def test_a_missing_report_word_fails_loudly_under_the_tests() -> None:
    from socialtools.report.labels import STRICT_WORDS, word

    assert os.environ.get(STRICT_WORDS)  # set by tests/conftest.py
    with pytest.raises(KeyError, match="report word 'cap_no_such_table'"):
        word("cap_no_such_table", "id")


# -- part 2: real-world files -------------------------------------------------------------------
def test_gedcom_with_lower_case_tags_is_read_with_a_warning(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """'0 head' ... '1 birt' was taken for a pedigree table ("no 'father' column (found: id)")."""
    from socialtools.io.families import detect_kind
    from socialtools.io.gedcom import parse_gedcom

    data = (DATA / "gedcom" / "lowercase-tags.ged").read_bytes()
    assert detect_kind(data) == "gedcom"
    warnings: list[str] = []
    family = parse_gedcom(data, warnings=warnings)
    assert [(p.name, p.sex) for p in family.people] == [("Ani Wati", "female"), ("Joko Susilo", "male")]
    assert str(family.person("i1").birth) == "1950" and family.unions[0].partners == ["i2", "i1"]
    assert warnings == ["line 1: 16 tags written in lower case ('head') read as upper case ('HEAD'), as GEDCOM "
                        "writes them"]
    code, err = _run(["genogram", str(DATA / "gedcom" / "lowercase-tags.ged"), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 0 and "lower case" in err


@pytest.mark.parametrize(("written", "read"), [
    ("May 12, 1970", "1970-05-12"), ("12 Mei 1970", "1970-05-12"), ("Agustus 1945", "1945-08"),
    ("ABT Sept 3 1900", "1900-09-03"), ("17 Agt 1945", "1945-08-17"), ("Des 1999", "1999-12"),
])
def test_gedcom_dates_with_american_order_or_indonesian_months_are_read(written: str, read: str) -> None:
    """'May 12, 1970' (Ancestry exports of US records) and '12 Mei 1970' (typed by Indonesian users
    into a genealogy program) were 'cannot be read as a date; drawn without it', while a case file
    reads '12 Mei 1970'."""
    from socialtools.io.gedcom_dates import parse_gedcom_date

    assert str(parse_gedcom_date(written)) == read


def test_status_column_of_affection_words_is_the_affection_status(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A 'status' column of 'affected'/'unaffected' was read as kinship2's vital status: the affected
    person was drawn dead, silently, and nobody affected."""
    from socialtools.io.families import read_families

    found = read_families(DATA / "pedigree" / "status-affected.csv")
    family = next(iter(found.families.values()))
    assert [(p.id, p.deceased, [c.name for c in p.conditions]) for p in family.people] == [
        ("1", False, ["status"]), ("2", False, []), ("3", False, [])]
    code, err = _run(["genogram", str(DATA / "pedigree" / "status-affected.csv"), "-o", str(tmp_path / "g.svg")],
                     capsys)
    assert code == 0 and "field 'status': its cells say 'affected', an affection status" in err


def test_a_blank_birth_death_or_age_is_not_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'birth: ""' (a form left blank, a spreadsheet's empty cell turned into YAML) was refused as
    "'' is not a date", though leaving the key out is fine."""
    path = tmp_path / "kasus.yaml"
    path.write_text('family:\n  people:\n    - {id: A, sex: L, birth: "", death: " ", age: ""}\n', encoding="utf-8")
    code, err = _run(["genogram", str(path), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 0, err
    from socialtools.genogram.model import Person
    assert Person.model_validate({"id": "A", "birth": "", "age": " "}).birth is None


def test_an_age_that_contradicts_the_birth_is_warned_about(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """'birth: 1970' with 'age: 30' in a family of 2024: the age was passed over in silence."""
    path = tmp_path / "kasus.yaml"
    path.write_text("family:\n  as_of: 2024\n  people:\n    - {id: A, birth: 1970, age: 30}\n"
                    "    - {id: B, birth: 1970, age: 53}\n    - {id: C, birth: ~1970, age: 51}\n", encoding="utf-8")
    code, err = _run(["genogram", str(path), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 0
    said = [line for line in err.splitlines() if "does not fit" in line]
    assert len(said) == 1 and "family.people[0] (id 'A'), field 'age': 30 does not fit the birth 1970" in said[0]


def test_a_number_where_a_text_belongs_is_that_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'name: 123', 'occupation: 2020', an ecomap system named 112 (the emergency number): refused as
    "the number 123 is not a text", though ids written as numbers are read."""
    path = tmp_path / "kasus.yaml"
    path.write_text("family:\n  people:\n    - {id: R, sex: P, name: 123, occupation: 2020, index: true}\n"
                    "ecomap:\n  focal: {members: [R]}\n  systems:\n    - {id: 1, name: 112, category: health}\n"
                    "  ties:\n    - {system: 1, strength: strong}\n", encoding="utf-8")
    code, err = _run(["genogram", str(path), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 0, err
    code, err = _run(["ecomap", str(path), "-o", str(tmp_path / "e.svg")], capsys)
    assert code == 0, err
    assert "112" in _texts(tmp_path / "e.svg")
    from socialtools.genogram.model import Person
    assert Person.model_validate({"id": "A", "name": 123, "index": 1}).name == "123"


def test_indonesian_column_names_and_cells_beyond_the_header(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """'Famili', 'Individu' were not column names ("no 'id' column"); 'Fam' was not read; cells after
    the header's last column were dropped in silence."""
    from socialtools.io.families import read_families

    found = read_families(DATA / "pedigree" / "kolom-indonesia.csv")
    family, warnings = found.families["K1"], found.warnings
    assert [(p.id, p.sex) for p in family.people] == [("A", "male"), ("B", "female"), ("C", "male"), ("D", "female")]
    assert warnings == ["line 5 (id 'D'), field 'kelamin': has 7 cells, the table 5 columns: the cells after the "
                        "last column ('catatan tambahan', 'x') are not read"]
    short = tmp_path / "short.csv"
    short.write_text("Fam,Ind,Dad,Mom,Sex\nF7,1,0,0,1\nF7,2,0,0,2\nF7,3,1,2,1\n", encoding="utf-8")
    assert list(read_families(short).families) == ["F7"]


def test_a_parent_written_as_both_father_and_mother_is_named_so(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """'1 3 1 1 1' (the father's id copied into the mother's cell) said "'1' is the father, but their
    row says sex female" of a man: the 0/1 sex guess had misfired on the slip."""
    table = tmp_path / "t.ped"
    table.write_text("famid id father mother sex\n1 1 0 0 1\n1 3 1 1 1\n", encoding="utf-8")
    code, err = _run(["genogram", str(table), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 2 and "line 3 (id '3'), field 'mother': '1' is both the father and the mother" in err
    code, err = _run(["genogram", str(table), "--lenient", "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 0 and "both the father and the mother" in err


def test_gedcom_sex_outside_the_standard_is_read_and_named() -> None:
    """'SEX W' (German programs), 'SEX Laki-laki', 'SEX 2' were drawn as sex unknown without a word."""
    from socialtools.io.gedcom import parse_gedcom

    warnings: list[str] = []
    family = parse_gedcom((DATA / "gedcom" / "sex-codes.ged").read_bytes(), warnings=warnings)
    assert [p.sex for p in family.people] == ["female", "male", "unknown", "female", "female"]
    assert warnings[0] == ("person @I1@ (A /X/), line 3, field 'SEX': 'W' is not a GEDCOM sex (M, F, U or X): "
                           "read as female")
    assert "'Q' is not a GEDCOM sex (M, F, U or X): drawn as a sex not given" in warnings[2]
    assert len(warnings) == 4  # 'female' is F, as GEDCOM readers take the first letter
    many = "0 HEAD\n1 CHAR UTF-8\n" + "".join(f"0 @I{i}@ INDI\n1 SEX L\n" for i in range(15)) + "0 TRLR\n"
    said: list[str] = []
    parse_gedcom(many.encode(), warnings=said)
    assert len(said) == 11 and said[-1] == "... and 5 more SEX values that are not GEDCOM's, read likewise"


@pytest.mark.parametrize(("written", "shown"), [("Abt 1960-1970", "~1965"), ("ca. 1960 - 1970", "~1965"),
                                                ("EST 1960-1964", "~1962")])
def test_gedcom_approximate_range_is_read(written: str, shown: str) -> None:
    """'Abt 1960-1970' (a range said to be approximate, as typed into MyHeritage) could not be read."""
    from socialtools.io.gedcom_dates import parse_gedcom_date

    date = parse_gedcom_date(written)
    assert date is not None and date.display() == shown


def test_utf8_gedcom_with_one_8_bit_line_keeps_its_utf8_names() -> None:
    """One line of Windows-1252 bytes in a UTF-8 file made the whole file read as Windows-1252:
    'José' became 'JosÃ©' everywhere else."""
    from socialtools.io.gedcom import parse_gedcom

    warnings: list[str] = []
    family = parse_gedcom((DATA / "gedcom" / "mixed-utf8-cp1252.ged").read_bytes(), warnings=warnings)
    assert [p.name for p in family.people] == ["Bad ÿþ bytes X", "José Y"]
    assert warnings == ["HEAD, field 'CHAR': the file declares CHAR UTF-8, but byte 0xFF on line 4 is not UTF-8: "
                        "read as UTF-8, and the lines that are not UTF-8 as Windows-1252"]


def test_gedcom_death_written_twice_keeps_its_date() -> None:
    """'1 DEAT Y' and then '1 DEAT' with '2 DATE 1950' (a merged tree): the date was lost."""
    from socialtools.io.gedcom import parse_gedcom

    family = parse_gedcom(b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME A /X/\n1 BIRT\n1 BIRT\n2 DATE 1900\n"
                          b"1 DEAT Y\n1 DEAT\n2 DATE 1950\n0 TRLR\n")
    person = family.people[0]
    assert (str(person.birth), str(person.death), person.deceased) == ("1900", "1950", True)


def test_headerless_table_with_one_long_row_names_that_row() -> None:
    """A .fam whose third row has one cell too many: every other row was refused as missing 'col6'
    ("line 1 (id 'A'), field 'col6': has 6 cells, the header 7 columns")."""
    from socialtools.io.families import read_families

    found = read_families(DATA / "pedigree" / "fam-extra-cell.fam")
    assert [p.id for p in found.families["F1"].people] == ["A", "B", "C"]
    assert found.warnings == ["line 3 (id 'C'), field 'affected': has 7 cells, the table 6 columns: the cells after "
                              "the last column ('extra') are not read"]


def test_gedcom_text_over_the_limit_is_named_by_its_record_and_tag(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A NAME of 200,000 characters was named 'people[0].name', the model's place, not the GEDCOM record."""
    ged = tmp_path / "long.ged"
    ged.write_text("0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME " + "A" * 200_000 + " /X/\n0 TRLR\n", encoding="utf-8")
    code, err = _run(["genogram", str(ged), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 2 and not (tmp_path / "g.svg").exists()
    assert "person @I1@ (AAAA" in err and "line 3, field 'NAME': text of 200,002 characters is too long" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["genogram", "ecomap", "report"])
def test_case_file_indented_with_tabs_is_read_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             command: str) -> None:
    """A student's file indented with Notepad's Tab key was refused ('found character that cannot
    start any token (indent with spaces, not tabs)'): its meaning is clear, so it is read and said."""
    out = tmp_path / ("r.md" if command == "report" else "x.svg")
    code, err = _run([command, str(DATA / "realworld" / "kasus-tab.yaml"), "-o", str(out)], capsys)
    assert code == 0 and out.exists(), err
    assert (f"socialtools {command}: warning: line 2: indented with tabs, which YAML does not allow: each tab read "
            "as two spaces (indent with spaces)") in err


def test_father_shorthand_naming_a_woman_is_warned_about(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'father: B' with B 'sex: P' was drawn without a word; a pedigree table's father whose row
    says female is refused, so a case file's is at least named."""
    path = tmp_path / "kasus.yaml"
    path.write_text("family:\n  people:\n    - {id: A, sex: L, father: B, mother: C}\n    - {id: B, sex: P}\n"
                    "    - {id: C, sex: P}\n    - {id: D, father: E}\n    - {id: E, sex: P, gender: trans_man}\n",
                    encoding="utf-8")
    code, err = _run(["genogram", str(path), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 0
    said = [line for line in err.splitlines() if "is the father, but" in line]
    assert said == ["socialtools genogram: warning: family.people[0] (id 'A'), field 'father': 'B' is the father, "
                    "but their sex is female (a slip of father for mother? gender: says a trans parent)"]


def test_table_of_two_joined_exports_passes_over_the_repeated_header() -> None:
    """The second export's header was a row: "line 5 (id 'id'), field 'sex': 'sex' is not a sex"."""
    from socialtools.io.families import read_families

    found = read_families(DATA / "pedigree" / "joined-exports.csv")
    assert {name: [p.id for p in f.people] for name, f in found.families.items()} == {
        "1": ["A", "B", "C"], "2": ["D", "E", "F"]}
    assert found.warnings == ["line 5: repeats the header (two tables joined into one file?): passed over"]


def test_year_with_a_decimal_comma_is_read() -> None:
    """'1970,0' (a year from a spreadsheet with decimal commas) was "not a date"; '1970.0' was read."""
    from socialtools.io.families import read_families

    family = read_families(DATA / "pedigree" / "decimal-comma-years.csv").family
    assert [(p.id, p.sex, str(p.birth)) for p in family.people] == [
        ("A", "male", "1970"), ("B", "female", "1972"), ("C", "male", "1995")]


def test_table_row_refused_by_the_family_model_is_named_by_its_line(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A death before the birth in a table was named "people[0] (id 'A')", the model's place."""
    table = tmp_path / "t.csv"
    table.write_text("famid,id,father,mother,sex,birth,death\n1,A,0,0,1,1970,1960\n1,B,0,0,2,1972,\n",
                     encoding="utf-8")
    code, err = _run(["genogram", str(table), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 2 and "family '1', line 2 (id 'A'), field 'death': death (1960) is before birth (1970)" in err
