"""Genogram inputs as they arrive from the field: genetics-tool tables, genealogy exports and
case files written by students. Every file here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialtools.cli import main
from socialtools.errors import InputError
from socialtools.genogram import Genogram
from socialtools.genogram.model import Family
from socialtools.io.loading import parse_model
from socialtools.io.pedigree import read_pedigree_text

DATA = Path(__file__).parent / "data" / "realworld"


# -- pedigree tables ---------------------------------------------------------------------
def test_r_write_table_quoted_cells_and_row_names() -> None:
    text = '"ped" "id" "father" "mother" "sex" "affected"\n"1" 1 1 0 0 1 0\n"2" 1 2 0 0 2 1\n"3" 1 3 1 2 1 1\n'
    fam = read_pedigree_text(text)["1"]
    assert [(p.id, p.sex) for p in fam.people] == [("1", "male"), ("2", "female"), ("3", "male")]
    assert fam.parents_of("3") == ["1", "2"]


def test_comment_lines_trailing_tabs_and_blank_lines() -> None:
    text = ("# exported from the clinic database\n# second comment\nfamid\tid\tfather\tmother\tsex\t\n\n"
            "F1\t1\t0\t0\t1\t\n\nF1\t2\t0\t0\t2\t\t\nF1\t3\t1\t2\t2\t\n\n")
    fam = read_pedigree_text(text)["F1"]
    assert [p.id for p in fam.people] == ["1", "2", "3"] and fam.parents_of("3") == ["1", "2"]
    # a '#'-prefixed header row (PLINK 2 style) is still the header
    assert read_pedigree_text("#FID IID PAT MAT SEX\nA x 0 0 1\n")["A"].person("x").sex == "male"


def test_header_without_rows_is_an_error() -> None:
    with pytest.raises(InputError, match="header but no people"):
        read_pedigree_text("id,father,mother,sex\n")


def test_duplicate_id_names_both_lines() -> None:
    with pytest.raises(InputError, match=r"line 4, field 'id': duplicate id '1' \(also on line 2\)"):
        read_pedigree_text("id,father,mother,sex\n1,0,0,1\n2,0,0,2\n1,0,0,1\n")


def test_bad_sex_code_names_the_line() -> None:
    with pytest.raises(InputError, match=r"line 3 \(id 'b'\), field 'gender'"):
        read_pedigree_text("id,father,mother,gender\na,0,0,M\nb,0,0,7\n")


def test_father_who_is_female_or_mother_who_is_male_is_an_error() -> None:
    with pytest.raises(InputError, match=r"line 4 \(id '3'\), field 'mother': '2' is the mother.*line 3"):
        read_pedigree_text("id,father,mother,sex\n1,0,0,1\n2,0,0,1\n3,1,2,2\n")
    with pytest.raises(InputError, match="is the father here but the mother of"):
        read_pedigree_text("id,father,mother,sex\n1,0,5,1\n2,5,0,2\n")


def test_sex_codes_of_many_tools() -> None:
    codes = ["M", "F", "1", "2", "male", "Female", "L", "P", "?", "NA", "x", "laki laki", "0"]
    rows = "".join(f"p{i},0,0,{c}\n" for i, c in enumerate(codes))
    fam = read_pedigree_text("id,father,mother,sex\n" + rows)["1"]
    assert [p.sex for p in fam.people] == ["male", "female", "male", "female", "male", "female", "male", "female",
                                           "unknown", "unknown", "unknown", "male", "unknown"]


def test_madeline_proband_column_marks_the_index_person() -> None:
    text = ("FamilyID\tIndividualID\tGender\tFather\tMother\tDeceased\tProband\tDOB\tAffected\n"
            "F1\tA1\tM\t.\t.\tY\t.\t1930\tY\nF1\tA2\tF\t.\t.\tN\t.\t1932\tN\nF1\tA3\tF\tA1\tA2\t.\tY\t1960\tY\n")
    fam = read_pedigree_text(text)["F1"]
    assert [p.id for p in fam.people if p.index] == ["A3"]
    assert fam.person("A1").deceased and not fam.person("A2").deceased


def test_excel_semicolon_csv_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "keluarga.csv"
    path.write_bytes("\ufeffid;ayah;ibu;jk;nama\r\n1;;;L;Ayah\r\n2;;;P;Ibu\r\n3;1;2;P;Anak\r\n".encode())
    out = tmp_path / "g.svg"
    assert main(["genogram", str(path), "-o", str(out)]) == 0
    from socialtools.io.pedigree import read_pedigree

    fam = read_pedigree(path)["1"]
    assert fam.parents_of("3") == ["1", "2"] and fam.person("3").name == "Anak"


# -- case files --------------------------------------------------------------------------
def _family(people: list[dict[str, object]], unions: list[dict[str, object]] | None = None) -> Family:
    return parse_model(Family, {"people": people, "unions": unions or []}, "kasus.yaml")


def test_indonesian_yes_no_and_union_kinds() -> None:
    fam = _family([{"id": "A", "sex": "L", "deceased": "ya"}, {"id": "B", "sex": "P", "deceased": "tidak"},
                   {"id": "C", "sex": "P", "index": "Ya"}],
                  [{"partners": ["A", "B"], "kind": "cerai mati", "children": ["C"]},
                   {"partners": ["B"], "kind": "Menikah"}])
    assert fam.person("A").deceased and not fam.person("B").deceased and fam.person("C").index
    assert [u.kind for u in fam.unions] == ["widowed", "married"]
    with pytest.raises(InputError, match="kind"):
        _family([{"id": "A"}], [{"partners": ["A"], "kind": "janda-ish"}])


@pytest.mark.parametrize(("key", "hint"), [("jenis_kelamin", "sex"), ("umur", "age"), ("ayah", "father"),
                                           ("tanggal_lahir", "birth"), ("ocupation", "occupation")])
def test_unknown_field_suggests_the_right_one(key: str, hint: str) -> None:
    with pytest.raises(InputError, match=rf"people\[0\] \(id 'A'\), field '{key}': .*did you mean '{hint}'"):
        _family([{"id": "A", key: "x"}])


def test_unknown_field_without_a_guess() -> None:
    with pytest.raises(InputError, match="check the spelling"):
        _family([{"id": "A", "zzzzqq": 1}])


@pytest.mark.parametrize("text", ["family:\n  people: []\n",
                                  "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n0 TRLR\n"])
def test_a_file_with_nobody_is_an_error_and_writes_nothing(tmp_path: Path, text: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / ("kosong.ged" if text.startswith("0") else "kosong.yaml")
    path.write_text(text)
    out = tmp_path / "g.svg"
    assert main(["genogram", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err  # a case file: "no people to draw"; GEDCOM: "no person (INDI) record"
    assert ("no people to draw" in err or "nobody to draw" in err) and not out.exists()
    assert err.count("\n") == 1 and "Traceback" not in err


def test_student_case_file_draws_cleanly() -> None:
    g = Genogram.from_file(DATA / "kasus-mahasiswa.yaml")
    q = g.quality()
    assert q.ok, q.as_dict()
    fam = g.family
    assert fam.parents_of("AY") == ["KK", "NN"]
    assert {c.relation for u in fam.unions for c in u.children if c.id in ("AD", "ST")} == {"adopted", "step"}


# -- GEDCOM exports ----------------------------------------------------------------------
GEDCOM_EXPORT = """0 HEAD
1 SOUR SomeProgram
2 VERS 8.0
1 GEDC
2 VERS 5.5.1
2 FORM LINEAGE-LINKED
1 CHAR UTF-8
0 @P1@ INDI
1 NAME Budi /Contoh/
1 _FSFTID AAAA-111
1 BIRT
2 DATE Abt. 1950
1 FAMS @F1@
0 @P2@ INDI
1 NAME Ani /Contoh/
1 BIRT
2 DATE 1 January 1952
1 FAMS @F1@
0 @P3@ INDI
1 NAME Citra /Contoh/
1 SEX F
1 BIRT
2 DATE 31 FEB 1975
1 FAMC @F1@
0 @F1@ FAM
1 HUSB @P1@
1 WIFE @P2@
1 _KIND Partnership
1 CHIL @P3@
1 MARR
2 DATE Bet. 1970 and 1972
0 TRLR
"""


def test_gedcom_export_quirks(tmp_path: Path) -> None:
    from socialtools.io.gedcom import read_gedcom

    path = tmp_path / "ekspor.ged"
    path.write_bytes(b"\xef\xbb\xbf" + GEDCOM_EXPORT.replace("\n", "\r\n").encode())
    fam = read_gedcom(path)
    people = {p.id: p for p in fam.people}
    # no SEX line: the HUSB/WIFE role says it
    assert (people["P1"].sex, people["P2"].sex, people["P3"].sex) == ("male", "female", "female")
    # qualifiers with a dot, months in full, an impossible day keeps the month
    assert (str(people["P1"].birth), str(people["P2"].birth), str(people["P3"].birth)) == \
        ("1950", "1952-01-01", "1975-02")
    union = fam.unions[0]
    assert union.kind == "married" and str(union.start) == "1971"  # foreign _KIND ignored; Bet. 1970 and 1972: 1971
    assert Genogram(fam).quality().ok


def test_gedcom_explicit_unknown_sex_is_kept() -> None:
    from socialtools.io.gedcom import parse_gedcom

    fam = parse_gedcom(GEDCOM_EXPORT.replace("1 NAME Ani /Contoh/\n", "1 NAME Ani /Contoh/\n1 SEX U\n").encode())
    assert fam.person("P2").sex == "unknown" and fam.person("P1").sex == "male"


def test_gedcom_family_with_three_partners_is_named() -> None:
    from socialtools.io.gedcom import parse_gedcom

    text = GEDCOM_EXPORT.replace("1 WIFE @P2@\n", "1 WIFE @P2@\n1 WIFE @P3@\n")
    with pytest.raises(InputError, match=r"family @F1@ \(Budi /Contoh/ and Ani /Contoh/\), line \d+, "
                                         r"field 'HUSB/WIFE': has 3 partners") as info:
        parse_gedcom(text.encode(), "x.ged")
    assert "\n" not in str(info.value)


def test_gedcom_wrong_encoding_message_shows_the_byte() -> None:
    """Bytes that are not the declared UTF-8 are read as Windows-1252; the warning shows the byte."""
    from socialtools.io.gedcom import parse_gedcom

    warnings: list[str] = []
    family = parse_gedcom(GEDCOM_EXPORT.replace("Budi", "Andr\xe9").encode("latin-1"), "x.ged", warnings=warnings)
    assert any("byte 0xE9 on line 9 is not UTF-8: read as Windows-1252" in w for w in warnings)
    assert any((p.name or "").startswith("André") for p in family.people)


def test_spreadsheet_whole_numbers_and_parents_without_sex() -> None:
    fam = read_pedigree_text("id,father,mother,sex,birth\n1.0,0.0,0.0,1.0,1950.0\n2.0,0.0,0.0,2.0,\n"
                             "3.0,1.0,2.0,2.0,1975.0\n")["1"]
    assert [p.id for p in fam.people] == ["1", "2", "3"] and fam.parents_of("3") == ["1", "2"]
    assert str(fam.person("1").birth) == "1950"
    # no sex column: fathers are men and mothers women, the others unknown
    fam = read_pedigree_text("id\tfather\tmother\n1\t\t\n2\t\t\n3\t1\t2\n")["1"]
    assert [p.sex for p in fam.people] == ["male", "female", "unknown"]


def test_conditions_as_plain_words_and_indonesian_relationship_kinds() -> None:
    fam = _family([{"id": "A", "sex": "L", "conditions": ["diabetes", {"name": "stroke"}]},
                   {"id": "C", "sex": "P", "conditions": "depresi"}])
    assert [c.name for c in fam.person("A").conditions] == ["diabetes", "stroke"]
    assert [c.name for c in fam.person("C").conditions] == ["depresi"]
    fam = parse_model(Family, {"people": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
                               "relationships": [{"between": ["A", "B"], "kind": "konflik"},
                                                 {"between": ["B", "C"], "kind": "Dekat"},
                                                 {"between": ["A", "C"], "kind": "cut off"}]})
    assert [r.kind for r in fam.relationships] == ["conflict", "close", "cutoff"]


@pytest.mark.parametrize("year", [65, "68"])
def test_two_digit_years_are_refused_with_a_hint(year: object) -> None:
    with pytest.raises(InputError, match=r"people\[0\] \(id 'A'\), field 'birth': .*write the year in full"):
        _family([{"id": "A", "birth": year}])


def test_several_index_persons_give_a_warning() -> None:
    fam = _family([{"id": "A", "index": True}, {"id": "B", "index": "ya"}])
    assert any("index person" in w for w in fam.warnings())
    assert not _family([{"id": "A", "index": True}]).warnings()


def test_yaml_initials_no_and_on_stay_text_and_the_schema_accepts_the_words(tmp_path: Path) -> None:
    path = tmp_path / "kasus.yaml"
    path.write_text("family:\n  people:\n    - {id: NO, sex: P, deceased: ya, conditions: depresi}\n"
                    "    - {id: ON, sex: L, deceased: yes}\n"
                    "  unions:\n    - {partners: [ON, NO], kind: menikah}\n"
                    "  relationships:\n    - {between: [ON, NO], kind: konflik}\n")
    fam = Genogram.from_file(path).family
    assert [p.id for p in fam.people] == ["NO", "ON"] and all(p.deceased for p in fam.people)
    jsonschema = pytest.importorskip("jsonschema")
    from socialtools.io.loading import load_document
    from socialtools.schema import schema_for

    errors = list(jsonschema.Draft202012Validator(schema_for("genogram")).iter_errors(load_document(path)["family"]))
    assert errors == []


def test_gedcom_indented_lines_and_extra_spaces_after_the_level() -> None:
    from socialtools.io.gedcom import parse_gedcom

    lines = GEDCOM_EXPORT.splitlines()
    indented = "\n".join("  " * int(ln.split()[0]) + ln for ln in lines) + "\n"
    fam = parse_gedcom(indented.encode(), "x.ged")
    assert [p.name for p in fam.people] == ["Budi Contoh", "Ani Contoh", "Citra Contoh"]
    spaced = GEDCOM_EXPORT.replace("1 NAME Budi", "1   NAME Budi")
    assert parse_gedcom(spaced.encode(), "x.ged").person("P1").name == "Budi Contoh"


def test_place_and_date_of_birth_in_one_field() -> None:
    fam = _family([{"id": "A", "birth": "Wonosobo, 12 Agustus 1998"},
                   {"id": "B", "birth": "Kab. Temanggung, Jawa Tengah, 1975", "birthplace": "Temanggung"}])
    a, b = fam.person("A"), fam.person("B")
    assert (str(a.birth), a.birthplace) == ("1998-08-12", "Wonosobo")
    assert (str(b.birth), b.birthplace) == ("1975", "Temanggung")  # a birthplace given stays
    with pytest.raises(InputError, match=r"field 'birth'"):
        _family([{"id": "A", "birth": "Wonosobo, kemarin"}])
