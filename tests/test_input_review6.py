"""Review 6 (real files the project had never seen): pedigree headers of peddy and BGmisc (D16),
pedigreejs's own example (D13), CanRisk one-parent links (D5), warning caps (D14), small messages (D15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialtools.io.families import read_families
from socialtools.io.pedigree import _norm, read_pedigree_text, role_of

DATA = Path(__file__).parent / "data" / "pedigree"


def test_d16_peddy_kindred_id_and_affection_status_header() -> None:
    """peddy's '#Kindred_ID Sample_ID ... Affection_Status Project': two families, the affected
    filled, and the one column not read named in one warning."""
    found = read_families(DATA / "peddy-kindred.ped")
    assert sorted(found.families) == ["K-01", "K-02"]
    affected = {p.id for fam in found.families.values() for p in fam.people if p.conditions}
    assert affected == {"S-0102", "S-0103", "S-0203"}  # PLINK scale: 2 affected, 1 not
    assert found.warnings == ["column not read (not a column socialtools knows): 'Project'"]


def test_d16_bgmisc_birth_and_death_years_and_unread_columns_named() -> None:
    found = read_families(DATA / "bgmisc-years.csv")
    fam = found.family
    first = fam.person("1")
    assert (first.birth.year, first.death.year, first.deceased) == (1902, 1970, True)
    assert fam.person("3").birth.year == 1923 and not fam.person("3").deceased
    assert fam.person("3").index
    assert "columns not read (not a column socialtools knows): 'DA1', 'onsetYr', 'available'" in found.warnings


@pytest.mark.parametrize(("name", "role"), [
    ("#Kindred_ID", "family"), ("Family_ID", "family"), ("FAMILY", "family"), ("Individual_ID", "id"),
    ("Paternal_ID", "father"), ("maternal", "mother"), ("Sex_code", "sex"), ("Affection_Status", "affected"),
    ("affected_status", "affected"), ("phenotype_status", "affected"), ("Disease Status", "affected"),
    ("vital_status", "deceased"), ("birthYr", "birth"), ("Birth_Year", "birth"), ("birth date", "birth"),
    ("deathYr", "death"), ("Death.Year", "death"), ("dateOfBirth", "birth"),
    ("Project", None), ("onsetYr", None), ("father_status", None), ("mother_yr", None),
])
def test_d16_column_names_generally(name: str, role: str | None) -> None:
    assert role_of(_norm(name)) == role


def test_d16_every_header_column_is_read_or_named() -> None:
    warnings: list[str] = []
    read_pedigree_text("No,ID,Ayah,Ibu,Hobi\n1,a,0,0,catur\n2,b,a,0,bola\n", warnings=warnings)
    assert warnings[0] == "column not read (not a column socialtools knows): 'Hobi'"  # 'No' is a row number
    warnings.clear()
    read_pedigree_text("id,father,mother,sex\n1,0,0,1\n", warnings=warnings)
    assert warnings == []


def test_d16_first_row_of_ids_named_mom_and_dad_is_data_not_a_header() -> None:
    """peddy's test file starts 'fam kid1 mom dad 1 2': two numbers make it a row, not column names."""
    fam = read_pedigree_text("fam kid1 dad mom 1 2\nfam mom 0 0 2 1\nfam dad 0 0 1 1\n")["fam"]
    assert fam.parents_of("kid1") == ["dad", "mom"]


def test_d13_pedigreejs_losses_without_sex_read_as_loss_kinds_and_detected() -> None:
    """pedigreejs's own example: entries of pregnancy losses have no 'sex' and were refused; the
    list was not recognised as pedigreejs; once forced in, losses were drawn as born children."""
    from socialtools.io.families import detect_kind

    path = DATA / "pedigreejs-losses.json"
    assert detect_kind(path.read_bytes()) == "pedigreejs"
    fam = read_families(path).family
    kinds = {p.id: (p.kind, p.sex, p.deceased) for p in fam.people}
    assert kinds["4"] == ("stillbirth", "unknown", True)
    assert kinds["5"][0] == "miscarriage" and kinds["6"][0] == "abortion" and kinds["7"][0] == "miscarriage"
    assert kinds["3"] == ("person", "female", False) and fam.person("3").index
    assert fam.person("2").name == "CD" and fam.person("2").age == 41
    assert set(fam.parents_of("6")) == {"1", "2"}


def test_d13_pedigreejs_errors_name_the_entry() -> None:
    from socialtools.errors import InputError
    from socialtools.io.pedigreejs import read_pedigreejs_text

    with pytest.raises(InputError, match=r"entry 2 \(name '12', 'StillBirth'\), field 'sex': "):
        read_pedigreejs_text('[{"name": "1", "sex": "M"}, {"name": "12", "display_name": "StillBirth", "sex": "Q"}]')
    with pytest.raises(InputError, match=r"entry 2 \('Miscarriage'\), field 'name': is missing"):
        read_pedigreejs_text('[{"name": "1", "sex": "M"}, {"display_name": "Miscarriage", "miscarriage": true}]')
    with pytest.raises(InputError, match=r"entry 1: is str, not an object"):
        read_pedigreejs_text('["x"]')


def test_d5_canrisk_counts_one_parent_links_and_no_unwritten_union_kind() -> None:
    """CanRisk needs both parents or none: a child of one known parent loses the link, and the
    'left out' line must say so; a union whose kind nobody wrote has no kind to leave out."""
    from socialtools.genogram.model import Family
    from socialtools.io.canrisk import family_to_canrisk
    from socialtools.io.fidelity import left_out

    family = Family.model_validate({  # a mother and her daughter, the father unknown (invented)
        "people": [{"id": "IBU", "sex": "P", "birth": 1970}, {"id": "ANAK", "sex": "P", "birth": 1995},
                   {"id": "A", "sex": "L"}, {"id": "B", "sex": "P"}, {"id": "C", "sex": "L"}],
        "unions": [{"partners": ["IBU"], "children": ["ANAK"]}, {"partners": ["A", "B"], "children": ["C"]}]})
    text, missing = family_to_canrisk(family)
    assert "\tANAK\t0\t0\t" in text  # the link itself is not written ...
    assert missing == ["1 one-parent link"]  # ... and that is said; no 'union kind or date'
    assert left_out(family, "ped") == ["2 birth dates"] and left_out(family, "gedcom") == []
    married = family.model_copy(update={"unions": [family.unions[0], family.unions[1].model_copy(
        update={"kind": "married"})]})
    assert "1 union kind or date" in left_out(Family.model_validate(married.model_dump()), "canrisk")


def test_d14_warnings_of_one_kind_capped_at_ten_per_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A studbook printed thousands of 'would be 9 at the birth of' lines; ten, then one count."""
    from socialtools.cli import main

    rows = ["id,father,mother,sex,birth", "P,0,0,1,2000", "M,0,0,2,2000"]
    rows += [f"C{n},P,M,{1 + n % 2},{2005 + n % 3}" for n in range(15)]  # parents 5-7 at each birth
    table = tmp_path / "studbook.csv"
    table.write_text("\n".join(rows) + "\n")
    assert main(["genogram", str(table), "-o", str(tmp_path / "g.svg")]) == 0
    err = capsys.readouterr().err.splitlines()
    young = [line for line in err if "would be" in line and "more like" not in line]
    assert len(young) == 10
    assert [line for line in err if "... and" in line] == [
        "socialtools genogram: warning: ... and 20 more like: line 2 (id 'P'), field 'birth': would be 7 at the "
        "birth of 'C5' (line 9)"]  # (a table's warnings name its rows since review-6 D14's second half)


def test_d14_union_warnings_name_the_unions_own_id() -> None:
    """A GEDCOM family's warning named 'family.unions[1]'; the reader's own id (F12 of @F12@) is named too."""
    from socialtools.genogram.model import Family

    people = [{"id": i, "sex": s} for i, s in (("A", "L"), ("B", "P"), ("C", "P"))]
    unions = [{"id": "F12", "partners": ["A", "B"], "kind": "married", "start": 1950, "end": 1980},
              {"id": "F13", "partners": ["A", "C"], "kind": "married", "start": 1961}]
    warnings = Family.model_validate({"people": people, "unions": unions}).warnings()
    assert any(w.startswith("family.unions[1] (id 'F13'), field 'start': 1961 is within the marriage unions[0] "
                            "(id 'F12')") for w in warnings), warnings
    unions = [{k: v for k, v in u.items() if k != "id"} for u in unions]  # numbered u1, u2: not named
    warnings = Family.model_validate({"people": people, "unions": unions}).warnings()
    assert any(w.startswith("family.unions[1], field 'start'") for w in warnings), warnings


def test_d15_unk_parent_codes_are_missing_not_people() -> None:
    """purgeR's darwin pedigree writes an unknown parent as Unknown, unknown, unk, UNK or 0."""
    fam = read_pedigree_text("id,father,mother\nA,UNK,unk\nB,Unknown,0\nC,A,unknown\n")["1"]
    assert sorted(p.id for p in fam.people) == ["A", "B", "C"]
    assert fam.parents_of("A") == [] and fam.parents_of("C") == ["A"]


def test_d15_indonesian_key_in_place_of_a_required_one_is_named_with_a_hint(tmp_path: Path) -> None:
    from socialtools.errors import InputError
    from socialtools.io.families import read_families

    for section, key, wanted in (("households", "anggota", "members"), ("relationships", "antara", "between")):
        case = tmp_path / f"{key}.yaml"
        case.write_text(f"family:\n  people:\n    - {{id: A, sex: L}}\n    - {{id: B, sex: P}}\n"
                        f"  {section}:\n    - {{{key}: [A, B], kind: dekat}}\n" if section == "relationships" else
                        f"family:\n  people:\n    - {{id: A, sex: L}}\n    - {{id: B, sex: P}}\n"
                        f"  {section}:\n    - {{{key}: [A, B]}}\n")
        with pytest.raises(InputError, match=rf"{section}\[0\], field '{key}': is not a known field: "
                                             rf"did you mean '{wanted}'\?"):
            read_families(case)


def test_d15_every_indonesian_synonym_names_a_real_field() -> None:
    from socialtools.genogram.model import Family
    from socialtools.io.loading import FIELD_SYNONYMS, _field_names

    assert set(FIELD_SYNONYMS.values()) <= _field_names(Family) | {"father", "mother"}


def test_d15_yaml_flow_list_with_braces_and_colons_gets_a_quoting_hint() -> None:
    from socialtools.errors import InputError
    from socialtools.io.loading import document_from_text

    with pytest.raises(InputError, match=r"did not find expected ',' or '\]' \(inside \[ \] or \{ \}, a text with "):
        document_from_text("narrative:\n  bpss: [Berdasarkan {tabel}, masalah utama: ekonomi]\n", "k.yaml")


def test_d14_many_index_people_named_ten_then_counted() -> None:
    """A studbook's 'target' column (read as the index person) listed 251 ids on one line."""
    rows = "".join(f"{n},0,0,1,1\n" for n in range(1, 31))
    warnings = read_pedigree_text("id,father,mother,sex,proband\n" + rows)["1"].warnings()
    assert "30 people are marked as the index person (client): 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 20 more" in warnings


def test_d13_pedigreejs_writes_losses_back_as_its_flags() -> None:
    from socialtools.io.fidelity import left_out
    from socialtools.io.pedigreejs import family_to_pedigreejs, read_pedigreejs_text

    fam = read_families(DATA / "pedigreejs-losses.json").family
    text, missing = family_to_pedigreejs(fam)
    back = read_pedigreejs_text(text)["1"]
    assert {p.id: p.kind for p in back.people} == {p.id: p.kind for p in fam.people}
    assert not any("loss" in m for m in missing)
    assert "4 pregnancy losses" in left_out(fam, "ped")
