"""Real-world variants of pedigree tables and GEDCOM exports that once did not load, loaded wrongly
or gave a false warning; each fixture is small and invented, in the shape the program writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialtools.cli import main
from socialtools.errors import InputError
from socialtools.io.families import detect_kind, read_families
from socialtools.io.gedcom import parse_gedcom
from socialtools.io.loading import decode_text

DATA = Path(__file__).parent / "data"
PEDIGREE = DATA / "pedigree"
GEDCOM = DATA / "gedcom"


def sexes(path: Path, **options) -> dict[str, str]:
    return {p.id: p.sex for p in read_families(path, **options).family.people}


def parents(path: Path) -> dict[str, list[str]]:
    family = read_families(path).family
    return {c.id: sorted(u.partners) for u in family.unions for c in u.children}


# -- pedigree tables ---------------------------------------------------------------------------
def test_excel_unicode_text_utf16_table_is_read_as_a_table_not_gedcom():
    """Excel's "Unicode text" is UTF-16 with a byte-order mark, tab-separated, CRLF: it was taken
    for a GEDCOM file ("not a GEDCOM file: empty GEDCOM file")."""
    assert detect_kind((PEDIGREE / "excel-unicode.txt").read_bytes()) == "pedigree"
    assert sexes(PEDIGREE / "excel-unicode.txt") == {"A": "male", "B": "female", "C": "female", "D": "male"}
    assert parents(PEDIGREE / "excel-unicode.txt") == {"C": ["A", "B"], "D": ["A", "B"]}
    assert read_families(PEDIGREE / "excel-unicode.txt").family.people[0].name == "Adi Wirawan"


def test_excel_empty_separator_rows_below_the_table_are_no_people():
    """Excel leaves rows of separators only (';;;;;') below a table saved as CSV: they were
    refused as 'the id is empty'."""
    found = read_families(PEDIGREE / "excel-semicolon.csv")
    assert [p.id for p in found.family.people] == ["A", "B", "C"]
    assert sexes(PEDIGREE / "excel-semicolon.csv") == {"A": "male", "B": "female", "C": "female"}
    assert found.family.people[2].birth.year == 1990


def test_a_row_of_empty_cells_between_people_is_skipped_but_an_empty_id_is_still_refused(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,father,mother,sex\na,,,m\n,,,\nb,a,,f\n")
    assert [p.id for p in read_families(path).family.people] == ["a", "b"]
    path.write_text("id,father,mother,sex\na,,,m\n,a,,f\n")
    with pytest.raises(InputError, match=r"line 3, field 'id': the id is empty"):
        read_families(path)


def test_kinship2_sex_coded_zero_one_is_read_as_male_female():
    """kinship2 reads sex 0/1 as male/female (R's EgPeds-style data frames): a mother coded 1
    was refused as 'their row says sex male'."""
    found = read_families(PEDIGREE / "kinship2-sex01.csv")
    assert {p.id: p.sex for p in found.family.people} == {"1": "male", "2": "female", "3": "female",
                                                          "4": "male"}
    assert any("coded 0/1" in w and "line 3" in w for w in found.warnings)


def test_plink_sex_zero_stays_unknown_when_no_mother_says_one(tmp_path):
    path = tmp_path / "t.fam"
    path.write_text("F a 0 0 1 1\nF b 0 0 0 1\nF c a b 0 1\n")  # PLINK: 0 unknown; b is a mother by role
    assert sexes(path) == {"a": "male", "b": "female", "c": "unknown"}


def test_kinship2_sex_3_unknown_and_4_terminated_pregnancy():
    family = read_families(PEDIGREE / "kinship2-terminated.csv").family
    people = {p.id: p for p in family.people}
    assert people["3"].sex == "unknown" and people["3"].kind == "person"
    assert people["4"].sex == "unknown" and people["4"].kind == "abortion"
    assert people["1"].conditions and not people["2"].conditions


@pytest.mark.parametrize("name", ["peddy.ped", "plink2.psam"])
def test_header_row_written_as_a_comment_with_underscored_names(name):
    """peddy/GATK write '#family_id individual_id paternal_id ...', PLINK 2 '#FID IID PAT MAT SEX
    PHENO1': the '#' header was passed over and the file read as headerless LINKAGE, so the
    header became a person ("'sex' is not a sex")."""
    found = read_families(PEDIGREE / name)
    assert found.kind == "pedigree"
    family = found.family
    child = next(p for p in family.people if p.id in ("A3", "i3"))
    assert [c.name for c in child.conditions]  # affected (phenotype 2 on the PLINK scale)
    assert parents(PEDIGREE / name)[child.id] == sorted(["A1", "A2"] if name == "peddy.ped" else ["i1", "i2"])


def test_pedtools_fid_mid_are_father_and_mother_not_the_family():
    """pedtools/QuickPed write 'id fid mid sex aff': 'fid' was taken for PLINK's family id, so the
    table had no father column and was refused."""
    found = read_families(PEDIGREE / "pedtools.ped")
    assert list(found.families) == ["1"]
    assert parents(PEDIGREE / "pedtools.ped") == {"3": ["1", "2"], "4": ["1", "2"]}
    people = {p.id: p for p in found.family.people}
    assert people["3"].conditions and not people["4"].conditions  # aff 2 affected, 1 not (PLINK scale)


def test_plink_fid_stays_the_family_beside_pat_and_mat(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("FID IID PAT MAT SEX\nF7 a 0 0 1\nF7 b 0 0 2\nF7 c a b 1\n")
    assert list(read_families(path).families) == ["F7"]


def test_somalier_sample_column_is_the_id(tmp_path):
    path = tmp_path / "s.ped"
    path.write_text("FID\tSample\tPat\tMat\tSex\tPheno\nf1\ts1\t0\t0\t1\t-9\nf1\ts2\t0\t0\t2\t-9\n"
                    "f1\ts3\ts1\ts2\t0\t-9\n")
    assert parents(path) == {"s3": ["s1", "s2"]}


def test_underscored_and_dotted_column_names_are_the_same_column(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Family.ID,Individual_ID,Paternal_ID,Maternal.ID,Gender\nB1,x,0,0,1\nB1,y,0,0,2\nB1,z,x,y,2\n")
    assert parents(path) == {"z": ["x", "y"]}


def test_decode_text_windows_1252_and_utf16_without_mark():
    assert decode_text("Ma’ruf;Andi".encode("cp1252")) == "Ma’ruf;Andi"
    assert decode_text("id\tayah\tibu\tjk\n".encode("utf-16-le")) == "id\tayah\tibu\tjk\n"
    assert decode_text(b"caf\xe9 \x81") == "café \x81"  # a byte cp1252 leaves undefined: as Latin-1


# -- GEDCOM ------------------------------------------------------------------------------------
def test_gedcom_with_cr_line_ends_reads_its_char_line_and_an_ansel_accent_split_before_conc():
    """A file with CR alone at line ends (old Macintosh programs) was refused: its 'CHAR ANSEL'
    line was not found, so the ANSEL bytes were judged as UTF-8. Heredis splits a text for CONC
    between an ANSEL accent and its letter; the accent then started a line ("line does not start
    with a level")."""
    family = parse_gedcom((GEDCOM / "mac-cr-ansel.ged").read_bytes(), "mac-cr-ansel.ged")
    assert [p.name for p in family.people] == ["André Sutanto", "Renée Halim", "Joêl Sutanto"]
    assert str(family.people[2].birth) == "1990-03-12"


def test_gedcom_without_head_with_text_lines_without_level_and_ftm_mac_famc(capsys, tmp_path):
    """No '0 HEAD' (refused: 'missing HEAD record'); a note broken over lines without CONT
    (refused: 'line does not start with a level'); Family Tree Maker for Mac's FAMC link to the
    person's own family (refused: 'is a partner and a child of the same union'). Each is now read
    with one warning naming the line; a period's end day gives no false 'no day' warning."""
    out = tmp_path / "g.svg"
    assert main(["genogram", str(GEDCOM / "no-head-ftm-mac.ged"), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "HEAD: the file has no '0 HEAD' record" in err
    assert "line 8: 'dan baris keduanya tidak diberi CONT.' has no level" in err
    assert "person @I1@ (Bambang /Wijaya/), line 1, field 'FAMC' (line 5): names @F1@" in err
    assert err.count("field 'FAMC'") == 1  # one warning for the two FAMC lines to one family
    assert "no day" not in err and "Traceback" not in err
    family = read_families(GEDCOM / "no-head-ftm-mac.ged").family
    assert [(c.id, u.partners) for u in family.unions for c in u.children] == [("I3", ["I1", "I2"])]


def test_a_family_that_lists_its_partner_as_a_child_is_still_refused():
    text = (b"0 HEAD\n0 @I1@ INDI\n1 FAMS @F1@\n1 FAMC @F1@\n0 @I2@ INDI\n1 FAMS @F1@\n"
            b"0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 CHIL @I1@\n0 TRLR\n")
    with pytest.raises(InputError, match="partner and a child"):
        parse_gedcom(text, "x.ged")


@pytest.mark.parametrize("name", ["truncated.ged", "dangling.ged"])
def test_lenient_draws_a_truncated_file_or_a_dangling_pointer_with_one_warning(name, tmp_path, capsys):
    out = tmp_path / "g.svg"
    assert main(["genogram", str(GEDCOM / name), "-o", str(out)]) == 2
    assert "run again with --lenient" in capsys.readouterr().err and not out.exists()
    assert main(["genogram", str(GEDCOM / name), "--lenient", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert out.exists() and "Traceback" not in err
    assert ("TRLR: the file is truncated" in err) if name == "truncated.ged" else ("drawn without that link" in err)


def test_utf16_gedcom_with_cr_line_ends(tmp_path):
    text = (GEDCOM / "family-utf8.ged").read_text(encoding="utf-8").replace("\n", "\r")
    reference = parse_gedcom((GEDCOM / "family-utf8.ged").read_bytes())
    family = parse_gedcom(text.replace("CHAR UTF-8", "CHAR UNICODE").encode("utf-16"), "x.ged")
    assert [(p.id, p.name) for p in family.people] == [(p.id, p.name) for p in reference.people]


REMARRIED = b"""0 HEAD
1 GEDC
2 VERS 7.0
0 @I1@ INDI
1 NAME Hadi /Pratama/
1 SEX M
1 FAMS @F1@
1 FAMS @F2@
0 @I2@ INDI
1 NAME Indah /Sari/
1 SEX F
1 FAMS @F1@
1 FAMS @F2@
0 @I3@ INDI
1 NAME Joko /Pratama/
1 FAMC @F1@
0 @I4@ INDI
1 NAME Kartika /Pratama/
1 FAMC @F2@
0 @F1@ FAM
1 HUSB @I1@
1 WIFE @I2@
1 CHIL @I3@
1 MARR
2 DATE 1 APR 1991
1 DIV
2 DATE 2 MAY 1995
0 @F2@ FAM
1 HUSB @I1@
1 WIFE @I2@
1 CHIL @I4@
1 MARR
2 DATE 4 JUL 1999
0 TRLR
"""


def test_a_couple_married_twice_is_one_union_with_its_history_not_two_drawn_on_each_other(tmp_path):
    """GEDCOM writes a remarriage of the same couple as two FAM records (the GEDCOM 7 example
    'remarriage2'): they were two unions of the same two people, drawn on top of each other
    (their year labels overlapping: an svgcheck defect)."""
    warnings: list[str] = []
    family = parse_gedcom(REMARRIED, "x.ged", warnings=warnings)
    (union,) = family.unions
    assert [(e.kind, e.year.year) for e in union.events] == [("married", 1991), ("divorced", 1995),
                                                            ("married", 1999)]
    assert union.kind == "married" and [c.id for c in union.children] == ["I3", "I4"]
    assert warnings == ["family @F2@: the same couple as family @F1@: drawn as one union with both histories"]


def test_a_couple_twice_without_dates_keeps_the_later_kind():
    text = REMARRIED.replace(b"1 MARR\n2 DATE 4 JUL 1999\n", b"1 MARR\n")
    (union,) = parse_gedcom(text, "x.ged").unions
    assert union.kind == "married" and not union.events and [c.id for c in union.children] == ["I3", "I4"]


def test_a_union_note_that_points_to_a_shared_note_record_is_its_text():
    """Gramps writes every note as a record of its own ('1 NOTE @N0003@', GEDCOM 7 '1 SNOTE'):
    the genogram listed the pointer '@N0003@' as the union's note."""
    text = REMARRIED.replace(b"1 DIV\n", b"1 NOTE @N1@\n1 SNOTE @N2@\n1 NOTE @N9@\n1 DIV\n").replace(
        b"0 TRLR", b"0 @N1@ NOTE Bertemu di pengajian\n1 CONT tahun 1990.\n0 @N2@ SNOTE Rujuk 1999\n0 TRLR")
    warnings: list[str] = []
    (union,) = parse_gedcom(text, "x.ged", warnings=warnings).unions
    assert union.notes == "Bertemu di pengajian tahun 1990.; Rujuk 1999"
    assert any("points to @N9@" in w and "'NOTE'" in w for w in warnings)


# -- case files as students write them ---------------------------------------------------------
@pytest.mark.parametrize(("word", "dead"), [("sudah meninggal", True), ("Meninggal dunia", True), ("wafat", True),
                                            ("belum meninggal", False), ("masih hidup", False)])
def test_deceased_written_as_an_indonesian_phrase(word, dead, tmp_path):
    """'deceased: sudah meninggal' was refused ('Input should be a valid boolean')."""
    path = tmp_path / "kasus.yaml"
    path.write_text(f"family:\n  people:\n    - {{id: A, name: Kakek, sex: L, deceased: {word}}}\n")
    assert read_families(path).family.people[0].deceased is dead


def test_case_file_saved_by_notepad_as_ansi_or_unicode(tmp_path):
    """Notepad's 'ANSI' (Windows-1252 curly quotes) was 'invalid YAML: cannot be read'; its
    'Unicode' (UTF-16) was taken for a GEDCOM file."""
    text = "family:\r\n  people:\r\n    - {id: A, name: “Pak Ma’ruf”, sex: L}\r\n"
    for codec in ("cp1252", "utf-16"):
        path = tmp_path / f"kasus-{codec}.yaml"
        path.write_bytes(text.encode(codec))
        found = read_families(path)
        assert found.kind == "case" and found.family.people[0].name == "“Pak Ma’ruf”"


@pytest.mark.parametrize(("written", "year", "approximate"), [
    ("Deceased", None, False), ("DEAD", None, False), ("BET. 1924 - 1926", 1925, True), ("1908 ?", 1908, True),
    ("~1950", 1950, True), ("c1950", 1950, True), ("1950s", 1950, True), ("01.01.1970", 1970, False)])
def test_death_dates_as_genealogy_programs_write_them(written, year, approximate):
    """Ancestry/FTM write 'DEAT / 2 DATE Deceased': each was a warning 'cannot be read as a date'
    (the person is deceased, there is no date to tell); 'BET. 1924 - 1926', '1908 ?', '~1950',
    'c1950' and '1950s' (typed by hand) could not be read."""
    text = REMARRIED.replace(b"1 NAME Joko /Pratama/\n", b"1 NAME Joko /Pratama/\n1 DEAT\n2 DATE " +
                             written.encode() + b"\n")
    warnings: list[str] = []
    joko = parse_gedcom(text, "x.ged", warnings=warnings).people[2]
    assert joko.deceased and not [w for w in warnings if "DEAT" in w]
    assert (joko.death.year if joko.death else None) == year
    assert (joko.death.approximate if joko.death else False) == approximate


def test_student_spreadsheet_headers_in_indonesian(tmp_path):
    path = tmp_path / "keluarga.csv"
    path.write_text("ID;Nama Lengkap;Jenis Kelamin;ID Ayah;ID Ibu;Tahun Lahir\nA;Adi;Laki-laki;;;1960\n"
                    "B;Bunga;Perempuan;;;1962\nC;Citra;Perempuan;A;B;1990\n", encoding="utf-8")
    family = read_families(path).family
    assert [(p.name, p.sex, p.birth.year) for p in family.people][2] == ("Citra", "female", 1990)
    assert parents(path) == {"C": ["A", "B"]}


def test_the_same_person_as_husb_and_wife_is_named_with_its_line_and_drawn_once_leniently():
    text = REMARRIED.replace(b"1 WIFE @I2@\n1 CHIL @I4@", b"1 WIFE @I1@\n1 CHIL @I4@")
    with pytest.raises(InputError, match=r"family @F2@ \(Hadi /Pratama/\), line \d+, field 'HUSB/WIFE': names @I1@ "
                                         r"twice"):
        parse_gedcom(text, "x.ged")
    warnings: list[str] = []
    family = parse_gedcom(text, "x.ged", lenient=True, warnings=warnings)
    # the wife the typo replaced still names the family in her FAMS: she is its partner again (round 5)
    assert ("I4", ["I1", "I2"]) in [(c.id, u.partners) for u in family.unions for c in u.children]
    assert any("drawn once" in w for w in warnings) and any("names it in FAMS" in w for w in warnings)


@pytest.mark.parametrize(("content", "words"), [
    (b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "Excel or LibreOffice workbook"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old Excel or Word file"),
    (b"%PDF-1.4\n1 0 obj<<>>endobj\n", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "an image"),
    (b"\x1f\x8b\x08\x00" + bytes(100), "Gramps .gramps"),
    (b'<?xml version="1.0"?><database xmlns="http://gramps-project.org/xml/1.7.1/"><people/></database>\n',
     "XML or HTML file"),
    (bytes(range(1, 32)) * 20, "not a text file"),
])
def test_a_workbook_pdf_image_or_xml_is_named_for_what_it_is(content, words, tmp_path, capsys):
    """An .xlsx, a PDF or an image was 'read as a pedigree table: no 'father' column'; a Gramps
    XML file was even drawn, as three people named by its words."""
    path = tmp_path / "keluarga.xlsx"
    path.write_bytes(content)
    out = tmp_path / "g.svg"
    assert main(["genogram", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err and "keluarga.xlsx" in err and not out.exists()


def test_student_table_with_a_title_row_row_numbers_and_parents_by_name():
    """A table as a student types it in Excel: a title row and an empty row above the header,
    a 'No' column instead of ids, parents named by their names, ages as '78 tahun'. It was
    refused ('no id column'; with the title: the header read as a person)."""
    found = read_families(PEDIGREE / "tabel-mahasiswa.csv")
    people = {p.id: p for p in found.family.people}
    assert sorted(people) == ["Harjo", "Joko", "Rina", "Sumi", "Wati"]
    assert (people["Harjo"].age, people["Rina"].age, people["Wati"].sex) == (78, 25, "female")
    assert parents(PEDIGREE / "tabel-mahasiswa.csv") == {"Wati": ["Harjo", "Sumi"], "Rina": ["Joko", "Wati"]}


def test_row_numbers_are_the_ids_when_the_parents_are_given_by_number(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("No,Nama,Ayah,Ibu\n1,Budi,,\n2,Sari,,\n3,Citra,1,2\n")
    family = read_families(path).family
    assert [(p.id, p.name) for p in family.people] == [("1", "Budi"), ("2", "Sari"), ("3", "Citra")]
    assert parents(path) == {"3": ["1", "2"]}


def test_excel_sep_line_names_the_separator(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"\xef\xbb\xbfsep=;\r\nid;ayah;ibu;jk\r\nA;;;L\r\nB;;;P\r\nC;A;B;P\r\n")
    assert parents(path) == {"C": ["A", "B"]}


def test_an_age_that_is_not_a_number_is_named(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,father,mother,umur\na,,,lima puluh\n")
    with pytest.raises(InputError, match=r"line 2 \(id 'a'\), field 'umur': 'lima puluh' is not an age"):
        read_families(path)


@pytest.mark.parametrize(("sex", "kind", "expected"), [
    ("laki - laki", "sudah menikah", ("male", "married")), ("L.", "nikah resmi", ("male", "married")),
    ("Perempuan.", "pisah rumah", ("female", "separated")), ("P.", "hidup bersama", ("female", "cohabiting")),
    ("lk", "ditinggal mati", ("male", "widowed"))])
def test_indonesian_values_as_students_write_them(sex, kind, expected, tmp_path):
    path = tmp_path / "kasus.yaml"
    path.write_text(f"family:\n  people:\n    - {{id: A, sex: '{sex}'}}\n    - {{id: B}}\n"
                    f"  unions:\n    - {{partners: [A, B], kind: {kind}}}\n")
    family = read_families(path).family
    assert (family.people[0].sex, family.unions[0].kind) == expected


@pytest.mark.parametrize(("char", "codec"), [("MACINTOSH", "mac_roman"), ("IBM WINDOWS", "cp1252"),
                                             ("WINDOWS-1250", "cp1250")])
def test_gedcom_code_pages_of_old_programs(char, codec):
    """Reunion (Macintosh) writes 'CHAR MACINTOSH' with CR line ends, EasyTree 'CHAR IBM WINDOWS'
    (only its first word was read: 'IBM', the DOS code page); Polish and Czech programs
    Windows-1250. 'MACINTOSH' was refused as an unknown character set."""
    text = f"0 HEAD\r1 CHAR {char}\r0 @I1@ INDI\r1 NAME Zoë /Müller/\r1 SEX F\r0 TRLR\r"
    assert [p.name for p in parse_gedcom(text.encode(codec), "x.ged").people] == ["Zoë Müller"]
