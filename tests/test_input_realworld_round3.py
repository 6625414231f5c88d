"""Real-world shapes found in a third round of public GEDCOM exports, genetics-tool pedigree
tables and student case files (sources in tests/data/*/README.md); each fixture is small and
invented, in the shape the program writes, and each test failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialtools.cli import main
from socialtools.errors import InputError
from socialtools.io.families import detect_kind, read_families
from socialtools.io.gedcom import parse_gedcom

DATA = Path(__file__).parent / "data"
GEDCOM = DATA / "gedcom"
PEDIGREE = DATA / "pedigree"


# -- GEDCOM ------------------------------------------------------------------------------------
def test_gedcom_without_head_starting_with_a_source_record_is_read_as_gedcom(tmp_path, capsys):
    """A file cut out of an export (php-gedcom's issue files) starts with ``0 @S1@ SOUR``: it was
    taken for a pedigree table ('line 1: has 1 columns, expected 7')."""
    data = (GEDCOM / "no-head-source-first.ged").read_bytes()
    assert detect_kind(data) == "gedcom"
    warnings: list[str] = []
    family = parse_gedcom(data, "x.ged", warnings=warnings)
    assert [p.name for p in family.people] == ["Hadi Susanto", "Ratna Dewi", "Tono Susanto"]
    assert any("no '0 HEAD' record" in w for w in warnings)
    out = tmp_path / "g.svg"
    assert main(["genogram", str(GEDCOM / "no-head-source-first.ged"), "-o", str(out)]) == 0
    assert out.exists()


def test_gedcom_record_fragment_without_trailer_is_one_clear_error(tmp_path, capsys):
    """A lone record (no HEAD, no TRLR) is refused as a truncated GEDCOM file naming the record,
    not read as a table."""
    path = tmp_path / "fragment.ged"
    path.write_text("0 @S9@ SOUR\n1 TITL Sensus 1930\n1 AUTH Kantor arsip\n")
    out = tmp_path / "g.svg"
    assert main(["genogram", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "GEDCOM" in err and "SOUR @S9@ (line 1)" in err
    assert not out.exists()


def test_gedcom_line_numbers_count_blank_lines_between_records():
    """Blank lines between records (FamilySearch's conversion test files, hand edits) were not
    counted: messages named line 16 for the family on line 16 of a file ... only without them."""
    data = (GEDCOM / "blank-lines-events-out-of-order.ged").read_bytes()
    with pytest.raises(InputError) as err:
        parse_gedcom(data, "x.ged")
    assert ("family @F1@ (Hadi /Susanto/ and Ratna /Dewi/), line 16, field 'CHIL': points to @I9@ (line 25)"
            in str(err.value))


def test_gedcom_separation_before_the_marriage_is_refused_by_record_or_left_out_leniently():
    """A ``_SEPR`` dated before the marriage: refused with the model's path ('unions[0]
    .events[2]'), and ``--lenient`` did not help. Now the GEDCOM record and tag are named, and
    with ``lenient`` the union is drawn without that event (engaged, then married)."""
    data = (GEDCOM / "blank-lines-events-out-of-order.ged").read_bytes().replace(b"  1 CHIL @I9@\n", b"")
    with pytest.raises(InputError) as err:
        parse_gedcom(data, "x.ged")
    assert ("family @F1@ (Hadi /Susanto/ and Ratna /Dewi/), line 16, field '_SEPR.DATE': separated (DEC 1958) "
            "is before engaged") in str(err.value)
    warnings: list[str] = []
    union = parse_gedcom(data, "x.ged", lenient=True, warnings=warnings).unions[0]
    assert [(e.kind, e.year.year) for e in union.history] == [("engaged", 1962), ("married", 1962)]
    assert any("'_SEPR.DATE' (line 24)" in w and "drawn without that event" in w for w in warnings)


def test_gedcom_divorce_before_the_marriage_is_not_dropped_silently(tmp_path, capsys):
    """``DIV`` dated before ``MARR`` was dropped without a word (the union drawn as divorced,
    no end year). Now refused naming the record and field; ``--lenient`` draws it with a warning."""
    path = GEDCOM / "divorce-before-marriage.ged"
    out = tmp_path / "g.svg"
    assert main(["genogram", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert ("family @F1@ (Hadi /Susanto/ and Ratna /Dewi/), line 13, field 'DIV.DATE': divorced (3 FEB 1971) is "
            "before married (12 JUN 1975)") in err
    assert not out.exists()
    warnings: list[str] = []
    union = parse_gedcom(path.read_bytes(), str(path), lenient=True, warnings=warnings).unions[0]
    assert union.kind == "divorced" and union.end is None and union.start.year == 1975
    assert any("DIV.DATE" in w for w in warnings)


def test_gedcom_christening_and_burial_stand_in_for_missing_birth_and_death():
    """Parish-register genealogies give a christening (CHR, BAPM) and a burial (BURI, CREM) but
    no birth or death date: the person was drawn without years. Now about the christening's and
    the burial's year; a written birth or death date still wins."""
    family = parse_gedcom((GEDCOM / "christening-burial-only.ged").read_bytes())
    shown = {p.id: (p.birth.display() if p.birth else None, p.death.display() if p.death else None, p.deceased)
             for p in family.people}
    assert shown == {"I1": ("~1751", "~1810", True), "I2": ("1755", "~1799", True), "I3": ("~1780", None, False)}


def test_gedcom_with_a_note_before_the_header_is_read_as_gedcom(tmp_path):
    """Course files put ``0 NOTE author ...`` above ``0 HEAD``: they were taken for pedigree
    tables ('no 'father' column (found: 0, note, insert, ...)')."""
    path = GEDCOM / "note-before-head.ged"
    assert detect_kind(path.read_bytes()) == "gedcom"
    out = tmp_path / "g.svg"
    assert main(["genogram", str(path), "-o", str(out)]) == 0
    assert out.read_text().count("Susanto") >= 2


def test_gedcom_xref_without_at_signs_is_named_with_the_fix(tmp_path, capsys):
    """Hand-written course files write ``0 US01_I01 INDI``: refused as 'missing HEAD record'.
    Now the line and the right spelling are named."""
    path = tmp_path / "us01.ged"
    path.write_text("0 NOTE @author: A. B.\n0 NOTE one person born in the future\n0 US01_I01 INDI\n"
                    "1 NAME Budi /Santoso/\n1 BIRT\n2 DATE 1 JAN 3000\n")
    out = tmp_path / "g.svg"
    assert main(["genogram", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "line 3: '0 US01_I01 INDI': an xref is written between @ signs, '0 @US01_I01@ INDI'" in err
    assert not out.exists()


def test_gedcom_duplicate_xref_error_names_both_lines():
    """'@F14@ is used by two records' named no line; a student's file of 500 lines had to be searched."""
    text = (b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME A /B/\n1 FAMS @F1@\n0 @F1@ FAM\n1 HUSB @I1@\n"
            b"0 @F1@ FAM\n1 WIFE @I1@\n0 TRLR\n")
    with pytest.raises(InputError, match=r"@F1@ is used by two records \(lines 6 and 8\)"):
        parse_gedcom(text, "x.ged")


# -- pedigree tables ---------------------------------------------------------------------------
def people_of(path: Path, **options) -> dict[str, tuple]:
    found = read_families(path, **options)
    return {(name, p.id): (p.sex, p.index, bool(p.conditions), p.deceased)
            for name, family in found.families.items() for p in family.people}


def test_linkage_after_makeped_reads_sex_proband_and_affection_from_their_columns():
    """LINKAGE after makeped (and Superlink) has three pointer columns before sex: they were read
    as sex and affection (both children 'unknown', nobody affected), and makeped's
    'Ped: 101  Per: 1' note made the file a YAML case file ('mapping values are not allowed')."""
    path = PEDIGREE / "linkage-post.ped"
    assert detect_kind(path.read_bytes()) == "plink"
    assert people_of(path) == {("1", "1"): ("male", True, False, False), ("1", "2"): ("female", False, True, False),
                               ("1", "3"): ("male", False, True, False), ("1", "4"): ("female", False, False, False)}


def test_plink_ped_with_many_columns_is_not_taken_for_post_makeped(tmp_path):
    """The post-makeped test must not catch a pre-makeped file with genotype columns whose
    alleles happen to be ids of the family."""
    path = tmp_path / "pre.ped"
    path.write_text("1 1 0 0 1 1 1 2 1 2\n1 2 0 0 2 2 1 1 2 2\n1 3 1 2 1 2 1 2 1 1\n")
    assert people_of(path)[("1", "3")] == ("male", False, True, False)


def test_pedigree_program_export_family_name_and_yes_no_columns():
    """'Pedigree Name' was not a family column: two families drawn as one, named '1'."""
    found = read_families(PEDIGREE / "progeny-export.csv")
    assert list(found.families) == ["FAM-A", "FAM-B"]
    people = people_of(PEDIGREE / "progeny-export.csv")
    assert people[("FAM-A", "1")] == ("male", False, False, True)
    assert people[("FAM-B", "12")] == ("female", False, True, False)


@pytest.mark.parametrize("missing", ["*", "#N/A", "NULL", "n/a"])
def test_missing_parent_codes_of_other_tools(tmp_path, missing):
    """pedtools prints a missing parent as '*', Excel's lookups give '#N/A', database exports NULL:
    each was read as a parent's id ('* is the mother here but the father of ...')."""
    path = tmp_path / "t.csv"
    path.write_text(f"id,fid,mid,sex\n1,{missing},{missing},1\n2,{missing},{missing},2\n3,1,2,1\n")
    family = read_families(path).family
    assert sorted(p.id for p in family.people) == ["1", "2", "3"]


def test_indonesian_vital_status_words_in_a_table(tmp_path):
    """A student's table says 'almarhum', 'wafat', 'meninggal' or 'hidup' in its status column:
    only 'dead'/'deceased'/1 were read as deceased, the rest passed over silently."""
    path = tmp_path / "keluarga.csv"
    path.write_text("No;Nama;JK;Ayah;Ibu;Status;Tahun lahir\n1;Budi;L;;;almarhum;±1940\n2;Sri;P;;;Hidup;1945\n"
                    "3;Tono;L;Budi;Sri;wafat;1970-an\n4;Rina;P;Budi;Sri;Meninggal dunia;1972\n")
    people = {p.id: (p.deceased, p.birth.display()) for p in read_families(path).family.people}
    assert people == {"Budi": (True, "~1940"), "Sri": (False, "1945"), "Tono": (True, "~1970"),
                      "Rina": (True, "1972")}


def test_gedcom_duplicate_xref_of_a_mother_and_her_daughter_are_split_by_role():
    """A student's file has a mother and her daughter both as ``@I16@``; the family names
    ``WIFE @I16@`` and ``CHIL @I16@``. With ``lenient`` the daughter got a new xref but the family
    kept both pointers on the mother ('I16' is a partner and a child of the same union)."""
    text = (b"0 HEAD\n1 CHAR UTF-8\n0 @I5@ INDI\n1 NAME Adi /B/\n1 SEX M\n1 FAMS @F7@\n"
            b"0 @I16@ INDI\n1 NAME Lina /C/\n1 SEX F\n1 FAMS @F7@\n"
            b"0 @I16@ INDI\n1 NAME Nia /B/\n1 SEX F\n1 FAMC @F7@\n"
            b"0 @F7@ FAM\n1 HUSB @I5@\n1 WIFE @I16@\n1 CHIL @I16@\n0 TRLR\n")
    family = parse_gedcom(text, "x.ged", lenient=True)
    union = family.unions[0]
    names = {p.id: p.name for p in family.people}
    assert [names[p] for p in union.partners] == ["Adi B", "Lina C"]
    assert [names[c.id] for c in union.children] == ["Nia B"]


# -- student case files ------------------------------------------------------------------------
def genogram_error(tmp_path: Path, capsys, text: str) -> str:
    """The one stderr line of drawing ``text`` as a case file (it must fail, and write nothing)."""
    path = tmp_path / "kasus.yaml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "g.svg"
    assert main(["genogram", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and not out.exists()
    return err


def test_case_file_empty_sections_are_no_sections(tmp_path, capsys):
    """'unions:' (or 'children:') with nothing after it was refused as 'Input should be a valid list'."""
    path = tmp_path / "kasus.yaml"
    path.write_text("family:\n  people:\n    - {id: A, sex: L}\n    - {id: B, sex: P}\n  unions:\n"
                    "    - partners: [A, B]\n      children:\n  households:\n")
    assert main(["genogram", str(path), "-o", str(tmp_path / "ok.svg")]) == 0
    capsys.readouterr()
    assert "family, field 'people': there are no people to draw" in genogram_error(
        tmp_path, capsys, "family:\n  people:\n  unions:\n")


def test_case_file_person_written_as_a_name_names_the_item(tmp_path, capsys):
    """'- Budi' under people gave pydantic's words on a field 'people[0]'."""
    err = genogram_error(tmp_path, capsys, "family:\n  people:\n    - Budi\n    - Sri\n")
    assert "family.people[0]: expected a mapping (key: value), not the text 'Budi'" in err
    err = genogram_error(tmp_path, capsys, "family:\n  people:\n    - {id: A}\n  unions:\n    -\n    - partners: [A]\n")
    assert "family.unions[0]: expected a mapping (key: value), not an empty item" in err


def test_case_file_yaml_errors_say_how_to_quote(tmp_path, capsys):
    """A value with ': ' in it, or one that starts with '@', is a YAML error whose own words
    ('mapping values are not allowed in this context') do not say what to do."""
    err = genogram_error(tmp_path, capsys, "family:\n  people:\n    - id: A\n      notes: Catatan: ayah merantau\n")
    assert "line 4" in err and "goes in quotes" in err
    err = genogram_error(tmp_path, capsys, "family:\n  people:\n    - {id: A, notes: @ayah}\n")
    assert "line 3" in err and "starts with @ goes in quotes" in err


def test_case_file_wrong_values_in_plain_words(tmp_path, capsys):
    """'deceased: wafat 2010' gave 'Input should be a valid boolean, unable to interpret input';
    'birth: ?' gave no hint that an unknown date is left out."""
    err = genogram_error(tmp_path, capsys, "family:\n  people:\n    - {id: A, deceased: wafat 2010}\n")
    assert "family.people[0] (id 'A'), field 'deceased': the text 'wafat 2010' is not yes or no" in err
    err = genogram_error(tmp_path, capsys, "family:\n  people:\n    - {id: A, birth: '?'}\n")
    assert "field 'birth': '?' is not a date" in err and "leave the field out when it is not known" in err


def test_ecomap_number_out_of_range_in_plain_words(tmp_path, capsys):
    """'Input should be less than or equal to 3' (pydantic's words) became the file's own value and the bound."""
    path = tmp_path / "kasus.yaml"
    path.write_text("family:\n  people:\n    - {id: A, sex: L, index: true}\necomap:\n  systems:\n"
                    "    - {id: S, name: Sekolah}\n  ties:\n    - {system: S, quality: strong, level: 5}\n")
    assert main(["ecomap", str(path), "-o", str(tmp_path / "e.svg")]) == 2
    assert "ecomap.ties[0], field 'level': the number 5 is over the highest allowed, 3" in capsys.readouterr().err


def test_gedcom_without_people_names_what_it_lacks(tmp_path, capsys):
    """A header with sources only, or family records without people (test files of GEDCOM
    libraries): 'family, field 'people': there are no people to draw', and 'convert' wrote an
    empty file."""
    path = tmp_path / "kosong.ged"
    path.write_text("0 HEAD\n1 CHAR UTF-8\n0 @F1@ FAM\n1 MARR\n0 TRLR\n")
    out = tmp_path / "k.yaml"
    assert main(["convert", str(path), "-o", str(out)]) == 2
    assert "INDI: the file has 1 family record but no person (INDI) record" in capsys.readouterr().err
    assert not out.exists()


def test_table_cut_short_after_the_header_is_an_error_not_a_crash(tmp_path, capsys):
    """Found by the fuzz pass (benchmarks/fuzz_formats.py): a student's table cut in its first row
    ('1;H', no id column) crashed with an IndexError while guessing kinship2's 0/1 sex coding."""
    path = tmp_path / "tabel.csv"
    path.write_bytes(b"Data Keluarga Klien (Bu W);;;;;\r\n;;;;;\r\nNo;Nama;Jenis Kelamin;Umur;Ayah;Ibu\r\n1;H")
    assert main(["genogram", str(path), "-o", str(tmp_path / "g.svg")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "line 4" in err and not (tmp_path / "g.svg").exists()


def test_gedcom_model_errors_name_the_gedcom_record_and_line():
    """A cycle or a partner who is also a child of the same family was named by the model's place
    ('person 'I4'', 'unions[0] (id 'F1')'), without the line to open in an editor."""
    text = (b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME A /B/\n1 SEX M\n1 FAMS @F1@\n1 FAMC @F1@\n"
            b"0 @I2@ INDI\n1 NAME C /D/\n1 SEX F\n1 FAMS @F1@\n"
            b"0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 CHIL @I1@\n0 TRLR\n")
    with pytest.raises(InputError) as err:
        parse_gedcom(text, "x.ged")
    assert str(err.value).startswith("x.ged, family @F1@ (A /B/ and C /D/), line 12, field 'children':")
    cycle = (b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 SEX M\n1 FAMS @F1@\n1 FAMC @F2@\n0 @I2@ INDI\n1 SEX M\n"
             b"1 FAMS @F2@\n1 FAMC @F1@\n0 @F1@ FAM\n1 HUSB @I1@\n1 CHIL @I2@\n0 @F2@ FAM\n1 HUSB @I2@\n"
             b"1 CHIL @I1@\n0 TRLR\n")
    with pytest.raises(InputError, match=r"person @I[12]@ \(line [37]\), field 'children': is their own ancestor"):
        parse_gedcom(cycle, "x.ged")


def test_ecomap_section_field_error_names_the_section_once(tmp_path, capsys):
    """'systems: {name: Sekolah}' (a mapping where a list belongs) was named 'ecomap.ecomap'."""
    path = tmp_path / "kasus.yaml"
    path.write_text("family:\n  people:\n    - {id: A, sex: L, index: true}\necomap:\n  systems: {name: Sekolah}\n")
    assert main(["ecomap", str(path), "-o", str(tmp_path / "e.svg")]) == 2
    err = capsys.readouterr().err
    assert ", ecomap, field 'systems': expected a list ('- ...' lines), not a mapping" in err
