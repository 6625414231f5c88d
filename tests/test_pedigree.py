"""Pedigree tables in the shapes genetics tools write them."""

from __future__ import annotations

import pytest

from socialtools.errors import InputError
from socialtools.genogram import Genogram
from socialtools.io.pedigree import read_pedigree_text


def test_kinship2_columns_and_unknown_parents() -> None:
    text = "ped,id,dadid,momid,sex,affected\n1,1,NA,NA,1,0\n1,2,0,.,2,1\n1,3,1,2,2,1\n1,4,1,2,1,0\n"
    fam = read_pedigree_text(text)["1"]
    assert [p.sex for p in fam.people] == ["male", "female", "female", "male"]
    assert fam.parents_of("3") == ["1", "2"]
    assert [c.name for c in fam.person("2").conditions] == ["affected"]


def test_plink_without_header_and_affection_scale() -> None:
    fams = read_pedigree_text("F1 A 0 0 1 1\nF1 B 0 0 2 2\nF1 C A B 2 -9\n")
    people = {p.id: p for p in fams["F1"].people}
    assert people["B"].conditions and not people["A"].conditions  # PLINK: 2 = affected


def test_tab_separated_with_other_spellings_and_missing_parent_rows() -> None:
    text = "FamilyID\tIndividualID\tFatherID\tMotherID\tGender\tName\tBirth\nX\tk\tdad\tmum\tM\tKid\t1990\n"
    fam = read_pedigree_text(text)["X"]
    assert {p.id for p in fam.people} == {"k", "dad", "mum"}
    assert fam.person("dad").sex == "male" and fam.person("k").name == "Kid"
    assert Genogram(fam).quality().ok


def test_errors_name_the_line_and_the_problem() -> None:
    with pytest.raises(InputError, match="no 'father' column"):
        read_pedigree_text("id,mother\n1,0\n")
    with pytest.raises(InputError, match="duplicate id"):
        read_pedigree_text("id,father,mother\n1,0,0\n1,0,0\n")
    with pytest.raises(InputError, match="own ancestor"):
        read_pedigree_text("id,father,mother,sex\n1,2,0,1\n2,1,0,1\n")


def test_r8_hash_comment_and_plink2_hash_header_in_whitespace_tables() -> None:
    """Review 5 R8: a '#' comment or PLINK 2's '#FID IID PAT MAT SEX' header was read as a data row."""
    from socialtools.io.families import detect_kind

    rows = "K1 1 0 0 1 1\nK1 2 0 0 2 1\nK1 3 1 2 2 2\n"
    for head in ("# famid id father mother sex affected\n", "#FID IID PAT MAT SEX PHENO1\n",
                 "# exported from study X\n#FID IID PAT MAT SEX PHENO1\n"):
        assert detect_kind((head + rows).encode()) == "pedigree"
        fam = read_pedigree_text(head + rows)["K1"]
        assert [p.id for p in fam.people] == ["1", "2", "3"] and fam.parents_of("3") == ["1", "2"]
    # a comment that is not a header is skipped; the rows keep their own line numbers
    fam = read_pedigree_text("# exported from study X\n" + rows)["K1"]
    assert [p.id for p in fam.people] == ["1", "2", "3"]
    with pytest.raises(InputError, match=r"line 3, field 'id': duplicate id '1' \(also on line 2\)"):
        read_pedigree_text("# exported from study X\nK1 1 0 0 1 1\nK1 1 0 0 2 1\n")
    # read as LINKAGE/PLINK columns on request: a '#' line is a comment, never a row
    assert len(read_pedigree_text("#FID IID PAT MAT SEX PHENO1\n" + rows, header=False)["K1"].people) == 3


def test_r8_four_columns_without_header_are_kinship2_id_father_mother_sex() -> None:
    fam = read_pedigree_text("# exported from study X\n1 0 0 1\n2 0 0 2\n3 1 2 1\n")["1"]
    assert fam.parents_of("3") == ["1", "2"] and fam.person("2").sex == "female"


@pytest.mark.parametrize("code", ["P", "p", "proband", "Y", "yes", "1", "TRUE", "T", "x", "✓"])
def test_a_proband_column_reads_the_common_codes(code):
    # review9 B2: Madeline's Proband 'P' was read as no: the index person was lost without a word
    text = ("FamilyId\tIndividualId\tGender\tFather\tMother\tProband\n"
            f"F1\t1\tM\t.\t.\t.\nF1\t2\tF\t.\t.\tN\nF1\t3\tM\t1\t2\t{code}\n")
    warnings: list[str] = []
    family = read_pedigree_text(text, warnings=warnings)["F1"]
    assert [p.id for p in family.people if p.index] == ["3"] and warnings == []


def test_a_yes_no_value_that_is_neither_is_named_and_an_unknown_affection_status_too():
    # review9 B2, B3: an unclear yes/no value and kinship2's affected = NA were read as 'no' without a word
    text = ("FamilyId\tIndividualId\tGender\tFather\tMother\tProband\tDeceased\n"
            "F1\t1\tM\t.\t.\t.\tQ\nF1\t2\tF\t.\t.\tZ\t.\nF1\t3\tM\t1\t2\tZ\tY\nF1\t4\tM\t1\t2\tW\tN\n")
    warnings: list[str] = []
    family = read_pedigree_text(text, warnings=warnings)["F1"]
    assert not [p for p in family.people if p.index] and [p.id for p in family.people if p.deceased] == ["3"]
    assert warnings == ["line 2 (id '1'), field 'deceased': 'Q' is neither yes nor no: read as no",
                        "line 3 (id '2'), field 'proband': 'Z' is neither yes nor no: read as no "
                        "(also 2 more rows: 'W', 'Z')"]
    kinship2 = 'ped,id,father,mother,sex,affected\n1,1,0,0,1,0\n1,2,0,0,2,1\n1,3,1,2,2,NA\n'
    warnings.clear()
    family = read_pedigree_text(kinship2, warnings=warnings)["1"]
    assert [p.id for p in family.people if p.conditions] == ["2"]
    assert warnings == ["line 4 (id '3'), field 'affected': 'NA' (status not known) is drawn as not affected: "
                        "a genogram has no mark for an unknown status"]


def test_alive_column_d_died_and_zero_say_deceased_and_an_unclear_value_reads_as_alive():
    """An Alive column's D, Died, almarhum and 0 were drawn alive (they came from the yes answers of
    a deceased column, and 0 was read as unknown before the column's meaning); an unclear value is
    drawn alive and the warning says so."""
    text = ("id\tfather\tmother\tsex\talive\nA\t0\t0\t1\tD\nB\t0\t0\t2\tDied\nC\tA\tB\t1\t0\n"
            "E\tA\tB\t2\talmarhum\nG\tA\tB\t1\tyes\nH\tA\tB\t2\tQ\n")
    warnings: list[str] = []
    family = read_pedigree_text(text, warnings=warnings)["1"]
    assert {p.id: p.deceased for p in family.people} == {"A": True, "B": True, "C": True, "E": True,
                                                         "G": False, "H": False}
    assert warnings == ["line 7 (id 'H'), field 'alive': 'Q' is neither yes nor no: read as alive"]


def test_a_table_family_of_clean_texts_is_validated_without_a_second_cleaning(monkeypatch) -> None:
    """The reader's family of printable texts goes to validation as it is (issue 10's race: the
    copy through clean_data was a twelfth of validating it); a family with a text to clean, or a
    number beyond the limit, still takes clean_data's way: the same text, the same error."""
    import socialtools.io.loading as loading
    from socialtools.io.sanitize import clean_data

    calls: list[object] = []

    def counted(data: object, source: str | None = None) -> object:
        calls.append(data)
        return clean_data(data, source)

    monkeypatch.setattr(loading, "clean_data", counted)
    clean = read_pedigree_text("famid,id,father,mother,sex,name\nF,1,0,0,1,Budi\nF,2,0,0,2,Sri\nF,3,1,2,2,Dewi\n")
    assert [p.name for p in clean["F"].people] == ["Budi", "Sri", "Dewi"]
    assert calls == []
    dirty = read_pedigree_text("famid,id,father,mother,sex,name\nF,1,0,0,1,Bu\x1bdi\nF,2,0,0,2,Sri\n")
    assert [p.name for p in dirty["F"].people] == ["Budi", "Sri"]
    assert len(calls) == 1
    monkeypatch.setenv("SOCIALTOOLS_MAX_FIELD_CHARS", "3")
    with pytest.raises(InputError, match="too long"):
        read_pedigree_text("famid,id,father,mother,sex,name\nF,1,0,0,1,Budi\n")["F"]
