"""Student case files, loose dates, tables and genetics files (session 7, robust): each test
failed on the code before its fix."""

from __future__ import annotations

import json

import pytest
import yaml

from socialtools.cli import main
from socialtools.dates import PartialDate
from socialtools.errors import InputError
from socialtools.genogram.model import Family, Person
from socialtools.io.families import read_families
from socialtools.io.pedigree import read_pedigree_text


def _case(tmp_path, person=None, union=None, relationship=None, household=None):
    family = {"people": [{"id": "A", "sex": "L", **(person or {})}, {"id": "B", "sex": "P"}, {"id": "C", "sex": "L"}],
              "unions": [{"partners": ["A", "B"], "children": ["C"], **(union or {})}],
              "relationships": [{"between": ["A", "B"], "kind": "dekat", **(relationship or {})}],
              "households": [{"members": ["A", "B", "C"], **(household or {})}]}
    path = tmp_path / "kasus.yaml"
    path.write_text(yaml.safe_dump({"family": family}, allow_unicode=True), encoding="utf-8")
    return path


def _run(args, capsys):
    code = main(args)
    return code, capsys.readouterr().err


# -- 1. Indonesian keys: refused with the field of *that* record, or where the key belongs ------------
@pytest.mark.parametrize(("where", "key", "value", "hint"), [
    ("person", "meninggal", 2010, "did you mean 'death'?"),
    ("person", "meninggal", "ya", "did you mean 'deceased'?"),
    ("person", "pasangan", "B", "a couple is written as a union: unions: [{partners: [A, B]}]"),
    ("person", "anak", ["C"], "children are listed in their parents' union"),
    ("union", "status", "cerai", "did you mean 'kind'?"),
    ("union", "hubungan", "menikah", "did you mean 'kind'?"),
    ("union", "tahun", 1990, "did you mean 'start'?"),
    ("relationship", "hubungan", "dekat", "did you mean 'kind'?"),
    ("relationship", "keterangan", "sejak 2015", "did you mean 'label'?"),
    ("household", "nama", "Rumah Budi", "did you mean 'label'?"),
])
def test_indonesian_key_hint_names_the_field_of_its_own_record(tmp_path, capsys, where, key, value, hint):
    """The hint was taken from every field of the whole family: 'hubungan' of a relationship and
    'status' of a union said 'role' (a person's field), 'keterangan' of a relationship 'notes'
    (it has none), 'meninggal: 2010' 'deceased', 'pasangan'/'anak' on a person named fields a
    person does not have."""
    path = _case(tmp_path, **{where: {key: value}})
    out = tmp_path / "g.svg"
    code, err = _run(["genogram", str(path), "-o", str(out)], capsys)
    assert code == 2 and err.count("\n") == 1 and not out.exists()
    assert f"field '{key}'" in err and hint in err
    assert "family." in err  # names the record


def test_gender_written_with_a_sex_says_to_write_sex(tmp_path, capsys):
    """'gender: L' (the form's 'jenis kelamin') gave pydantic's "Input should be 'non_binary', ..."."""
    path = _case(tmp_path, person={"gender": "L"})
    code, err = _run(["genogram", str(path), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 2 and "field 'gender'" in err and "write sex: L" in err


# -- 2. loose dates ----------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "shown"), [
    ("tahun 1975", "1975"), ("thn. 1975", "1975"), ("+/- 1970", "~1970"), ("± 1970", "~1970"),
    ("sekitar tahun 1970", "~1970"), ("kl. 1970", "~1970"), ("kira2 1970", "~1970"), ("1950-1955", "~1952"),
    ("antara 1950 dan 1955", "~1952"), ("1950 s/d 1955", "~1952"),
])
def test_loose_dates_with_a_clear_meaning_are_read(text, shown):
    """'tahun 1975', '+/- 1970', '1950-1955', ... were refused as 'not a date'; a short range is
    about its middle year, as GEDCOM's BET ... AND ... is read."""
    assert PartialDate.parse(text).display() == shown


@pytest.mark.parametrize(("text", "said"), [
    ("6 bulan", "is an age, not a date"), ("umur 50 tahun", "is an age, not a date"),
    ("'75", "write the year in full (1975 or 2075)"), ("tahun 75", "write the year in full"),
    ("1950-1990", "is two years, not one date"), ("awal 1980", "~1998 when it is approximate"),
])
def test_loose_dates_without_one_meaning_are_refused_with_an_accepted_form(tmp_path, capsys, text, said):
    path = _case(tmp_path, person={"birth": text})
    out = tmp_path / "g.svg"
    code, err = _run(["genogram", str(path), "-o", str(out)], capsys)
    assert code == 2 and err.count("\n") == 1 and not out.exists()
    assert "family.people[0] (id 'A'), field 'birth'" in err and said in err


def test_age_in_months_is_whole_years_and_event_text_takes_the_word_tahun():
    """'age: 6 bulan' was 'not an age'; 'nikah tahun 1990' was not a union event."""
    assert Person(id="A", age="6 bulan").age == 0
    assert Person(id="A", age="1 tahun 6 bulan").age == 1
    family = Family.model_validate({"people": [{"id": "A"}, {"id": "B"}],
                                    "unions": [{"partners": ["A", "B"], "events": ["nikah tahun 1990",
                                                                                   "cerai +/- 2001"]}]})
    assert [(e.kind, e.year.display()) for e in family.unions[0].history] == [("married", "1990"),
                                                                              ("divorced", "~2001")]


# -- 3. convert of a case with no people --------------------------------------------------------
@pytest.mark.parametrize("suffix", [".ged", ".ped", ".json", ".yaml", ".canrisk.txt", ".dot"])
def test_convert_of_a_family_without_people_is_refused_and_writes_nothing(tmp_path, capsys, suffix):
    """It wrote a file of 0 people (an empty GEDCOM, a header-only table) and exit 0."""
    path = tmp_path / "kosong.yaml"
    path.write_text("family:\n  people: []\n", encoding="utf-8")
    out = tmp_path / f"o{suffix}"
    code, err = _run(["convert", str(path), "-o", str(out)], capsys)
    assert code == 2 and err.count("\n") == 1 and not out.exists()
    assert "family, field 'people': there are no people to convert" in err


# -- 4. a table whose id is copied from its name column ------------------------------------------
def test_short_row_of_a_table_without_id_column_counts_the_users_columns():
    """'line 5: has 6 columns, expected 7' counted the id column the reader adds (copied from the
    name column) for a table of 6 columns whose row has 5 cells."""
    text = "No,Nama,Jenis Kelamin,Ayah,Ibu,Lahir\n1,Budi,L,,,1950\n2,Sari,P,,,1955\n3,Andi,L,Budi,Sari,1980\n" \
           "4,Tono,L,Budi,Sari\n"
    with pytest.raises(InputError) as err:
        read_pedigree_text(text, "t.csv")
    assert "line 5 (id 'Tono'), field 'lahir': has 5 cells, the header 6 columns: the 'lahir' cell is missing" \
        in str(err.value)
    warnings: list[str] = []
    family = read_pedigree_text(text, "t.csv", lenient=True, warnings=warnings)["1"]
    assert family.parents_of("Tono") == ["Budi", "Sari"] and family.person("Tono").birth is None
    with pytest.raises(InputError, match=r"line 4: has 3 columns, expected 5 \(missing: 'ibu', 'lahir'\)"):
        read_pedigree_text("Nama,Jenis Kelamin,Ayah,Ibu,Lahir\nBudi,L,,,1950\nSari,P,,,1955\nTono,L,Budi\n", "t.csv")


# -- 5. table warnings name the row (review 6 D14) ------------------------------------------------
def test_table_warnings_name_the_line_of_the_record(tmp_path, capsys):
    """They named the model's paths: 'family.people[5] (id '6')', 'family.unions[0].children',
    "person '3' would be 5 at ...", which a table's user cannot find."""
    path = tmp_path / "t.csv"
    path.write_text("id,father,mother,sex,birth\n1,0,0,1,1950\n2,0,0,2,1952\n3,1,2,1,1985\n4,1,2,2,1980\n"
                    "5,3,0,1,1990\n6,0,0,2,2990\n", encoding="utf-8")
    code, err = _run(["genogram", str(path), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 0
    assert "line 7 (id '6'), field 'birth': 2990 is after" in err
    assert "lines 4, 5 (the children of '1' and '2'): listed out of birth order" in err
    assert "line 4 (id '3'), field 'birth': would be 5 at the birth of '5' (line 6)" in err
    assert "family." not in err and "person '" not in err


# -- 6. nothing of a genetics file dropped silently -----------------------------------------------
def test_pedigreejs_gene_tests_pathology_and_hidden_parents_are_named_as_left_out(tmp_path):
    """Gene tests ({'type': 'T', 'result': 'P'}), pathology, 'ashkenazi' and a parent link to a
    hidden placeholder entry were dropped without a word."""
    people = [{"famid": "F", "name": "ph", "sex": "M", "hidden": True, "top_level": True},
              {"famid": "F", "name": "m", "sex": "F", "top_level": True, "ashkenazi": 1},
              {"famid": "F", "name": "c", "sex": "F", "father": "ph", "mother": "m", "proband": True,
               "brca1_gene_test": {"type": "T", "result": "P"}, "brca2_gene_test": {"type": "-", "result": "-"},
               "er_bc_pathology": "P"}]
    path = tmp_path / "p.json"
    path.write_text(json.dumps(people), encoding="utf-8")
    found = read_families(path)
    assert found.family.parents_of("c") == ["m"]
    assert found.warnings == ["left out: 'ashkenazi' of 1 person, genetic test results of 1 person, pathology "
                              "results of 1 person, 1 parent link to hidden placeholder entries (drawn with the "
                              "other parent only) (not part of a genogram)"]


def test_canrisk_pathology_ashkenazi_and_risk_factors_are_named_as_left_out(tmp_path):
    """Only gene tests were named; pathology (ER:PR:HER2:CK14:CK56), Ashkenazi origin and the
    ##menarche=13 risk-factor lines were dropped without a word."""
    from socialtools.io.canrisk import EXAMPLE

    text = EXAMPLE.replace("##CanRisk 2.0\n", "##CanRisk 2.0\n##menarche=13\n##parity=2\n")
    text = text.replace("\t0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0:0:0:0\n",
                        "\t1\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\t0:0\tP:N:0:0:0\n", 1)
    path = tmp_path / "f.canrisk.txt"
    path.write_text(text, encoding="utf-8")
    warnings = read_families(path).warnings
    assert warnings == ["left out: genetic test results of 1 person, pathology results of 1 person, Ashkenazi "
                        "origin of 1 person, 2 risk factors (menarche, parity) (not part of a genogram)"]


def test_gedcom_union_warnings_name_the_family_records_and_lines(tmp_path, capsys):
    """A GEDCOM file's warning named 'family.unions[1] (id 'F2') ... the marriage unions[0] (id 'F1')';
    it names the records as the file does, '@F2@ (line 13)'."""
    text = ("0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Budi /S/\n1 SEX M\n"
            "0 @I2@ INDI\n1 NAME Sari /W/\n1 SEX F\n0 @I3@ INDI\n1 NAME Rina /T/\n1 SEX F\n"
            "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 MARR\n2 DATE 1980\n1 DIV\n2 DATE 2000\n"
            "0 @F2@ FAM\n1 HUSB @I1@\n1 WIFE @I3@\n1 MARR\n2 DATE 1990\n0 TRLR\n")
    path = tmp_path / "k.ged"
    path.write_text(text, encoding="utf-8")
    code, err = _run(["genogram", str(path), "-o", str(tmp_path / "g.svg")], capsys)
    assert code == 0
    assert ("family @F2@ (Budi /S/ and Rina /T/), line 21, field 'start': 1990 is within the marriage family @F1@ "
            "(Budi /S/ and Sari /W/), line 14") in err
    assert "unions[" not in err


# -- real files, round 4 ------------------------------------------------------------------------
def test_alive_column_is_read_as_vital_status_the_other_way_round():
    """ped_parser's Madeline-style example table has 'Alive' (Yes/No): it was only named as a
    column not read, so a dead father was drawn alive."""
    text = ("#FamilyID\tSampleID\tFather\tMother\tSex\tPhenotype\tProband\tAlive\n"
            "1\tpk\tayah\tibu\t1\t2\tYes\tYes\n1\tibu\t0\t0\t2\t1\tNo\tYes\n1\tayah\t0\t0\t1\t1\tNo\tNo\n")
    warnings: list[str] = []
    family = read_pedigree_text(text, "t.txt", warnings=warnings)["1"]
    assert [p.id for p in family.people if p.deceased] == ["ayah"]
    assert not any("Alive" in w for w in warnings)


def test_tab_table_with_spaces_between_some_cells_is_read_by_white_space():
    """ped_parser's my_family.ped separates some cells by tabs and others by runs of spaces:
    it was refused as 'line 3 (id 'mother  0') ... has 5 cells'."""
    text = ("#FamilyID\tSampleID\tFather\tMother\tSex\tPhenotype\n1\tanak ayah  ibu  1\t2\n1\tibu  0\t0\t2\t1\n"
            "1\tayah  0\t0\t1\t1\n")
    family = read_pedigree_text(text, "t.ped")["1"]
    assert family.parents_of("anak") == ["ayah", "ibu"] and family.person("ibu").sex == "female"


def test_studbook_columns_indiv_sire_dam_born_are_read():
    """optiSel's pedigrees (ExamplePed, PedigWithErrors: 'Indiv', 'Sire', 'Dam', 'Sex', 'Breed',
    'Born', exported with R's write.csv) were refused: "no 'id' column"."""
    text = ('"Indiv","Sire","Dam","Sex","Breed","Born","BV"\n"a1",NA,NA,"male","X",1990,NA\n'
            '"a2",NA,NA,"female","X",1991,NA\n"a3","a1","a2","female","X",2000,0.3\n')
    warnings: list[str] = []
    family = read_pedigree_text(text, "ped.csv", warnings=warnings)["1"]
    assert family.parents_of("a3") == ["a1", "a2"] and family.person("a3").birth == PartialDate(2000)
    assert warnings == ["columns not read (not a column socialtools knows): 'Breed', 'BV'"]


def test_gedcom_family_without_husb_wife_takes_its_partners_from_fams(tmp_path):
    """GeneGenie's Ansi.ged: the FAM record lists 123 CHIL but no HUSB/WIFE, the parents name it
    in FAMS: every child lost its parents without a word. Children of a family with no parent
    at all are now named in a warning (pres2020.ged's @F416@, GreekGods.ged)."""
    text = ("0 HEAD\n1 GEDC\n2 VERS 5.5\n1 CHAR UTF-8\n0 @A@ INDI\n1 NAME Ayah /X/\n1 SEX M\n1 FAMS @F@\n"
            "0 @B@ INDI\n1 NAME Ibu /Y/\n1 SEX F\n1 FAMS @F@\n0 @C@ INDI\n1 NAME Anak /X/\n1 FAMC @F@\n"
            "0 @D@ INDI\n1 NAME Lain /Z/\n1 FAMC @G@\n0 @E@ INDI\n1 NAME Lain /W/\n1 FAMC @G@\n"
            "0 @F@ FAM\n1 CHIL @C@\n0 @G@ FAM\n1 CHIL @D@\n1 CHIL @E@\n0 TRLR\n")
    path = tmp_path / "a.ged"
    path.write_text(text, encoding="utf-8")
    found = read_families(path)
    assert found.family.parents_of("C") == ["A", "B"]
    assert any(w.startswith("family @G@ (line 24), field 'CHIL': 2 children (@D@, @E@) with no parent in the "
                            "family") and "that they are siblings is left out" in w for w in found.warnings)


def test_gedcom_burial_before_birth_is_left_out_with_a_warning_naming_the_record(tmp_path, capsys):
    """gedcom4j's Issue87.ged: a BURI year (standing in for the death) before the BIRT date was
    refused with the model's path, 'people[0] (id 'I643'), field 'death'', and no way round it."""
    text = ("0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n0 @I643@ INDI\n1 NAME Budi /S/\n1 SEX M\n1 BIRT\n"
            "2 DATE 3 JUL 1945\n1 BURI\n2 DATE 10 JUN 1803\n0 TRLR\n")
    path = tmp_path / "b.ged"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "g.svg"
    code, err = _run(["genogram", str(path), "-o", str(out)], capsys)
    assert code == 0 and out.exists()
    assert ("person @I643@ (Budi /S/), line 5: death (~1803, the year of its BURI) is before birth (1945-07-03): drawn "
            "without the death date") in err
    person = read_families(path).family.person("I643")
    assert person.death is None and person.deceased
