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
