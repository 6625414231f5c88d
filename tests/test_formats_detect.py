"""Family files as they come from the field: the kind found from the content, any extension."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialtools.errors import InputError
from socialtools.examples import example_path
from socialtools.io.families import KINDS, detect_kind, read_families
from socialtools.io.gedcom import parse_gedcom
from socialtools.io.gedcom_dates import read_gedcom_date
from socialtools.io.options import KIND_NAMES

DATA = Path(__file__).parent / "data" / "pedigree"
GEDCOM = Path(__file__).parent / "data" / "gedcom"

EXPECTED = {
    "sample.ped.tab": "pedigree", "study.fam": "plink", "linkage.pre": "plink", "twins.data": "madeline",
    "cs_01.data": "pedigree", "family.canrisk1.txt": "canrisk", "family.canrisk2.txt": "canrisk",
    "boadicea-v4.txt": "canrisk", "pedigreejs.json": "pedigreejs",
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "socialtools", *args], capture_output=True, text=True, check=False)


def test_every_kind_has_an_option_name() -> None:
    assert tuple(KINDS) == KIND_NAMES


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("suffix", ["", ".txt", ".dat", ".data", ".tab", ".yaml"])
def test_kind_is_found_from_the_content_whatever_the_name(tmp_path: Path, name: str, suffix: str) -> None:
    copy = tmp_path / f"input{suffix}"
    shutil.copy(DATA / name, copy)
    found = read_families(copy)
    assert found.kind == EXPECTED[name]
    assert all(family.people for family in found.families.values())


def test_gedcom_and_case_files_without_their_extension(tmp_path: Path) -> None:
    for source, kind in ((GEDCOM / "family-utf8.ged", "gedcom"), (GEDCOM / "family-utf16.ged", "gedcom"),
                         (example_path("pk.yaml"), "case")):
        copy = tmp_path / "noext"
        shutil.copy(source, copy)
        assert read_families(copy).kind == kind


def test_kinship2_table_read_as_table_not_yaml() -> None:
    """The regression: `sample.ped.tab` was read as YAML ('expected <document start>')."""
    families = read_families(DATA / "sample.ped.tab").families
    assert sorted(families) == ["1", "2"]
    one = families["1"]
    assert one.parents_of("106") == ["105", "104"]
    assert sorted(p.id for p in one.people if p.conditions) == ["102", "103", "106"]


def test_plink_fam_phenotype_scale_and_family_choice() -> None:
    found = read_families(DATA / "study.fam", family="FAM2")
    family = found.family
    assert [p.id for p in family.people if p.conditions] == ["F2C"]  # 2 = affected, 1 = unaffected


def test_linkage_genotype_columns_are_not_people_data() -> None:
    family = read_families(DATA / "linkage.pre").family
    assert family.parents_of("3") == ["1", "2"] and family.person("4").sex == "female"


def test_madeline_flat_file_twins_affection_deceased_proband() -> None:
    family = read_families(DATA / "twins.data").family
    kids = {c.id: c for u in family.unions for c in u.children}
    assert (kids["T003"].twin, kids["T003"].identical) == ("A", True)
    assert (kids["T005"].twin, kids["T005"].identical) == ("B (DZ)", False)  # a DZ label is a group of its own
    assert family.person("T001").deceased and family.person("T003").index
    assert sorted(p.id for p in family.people if p.conditions) == ["T002", "T003"]
    assert str(family.person("T003").birth) == "1960-06-01"


def test_madeline_tab_file_with_mother_before_father() -> None:
    family = read_families(DATA / "cs_01.data").family
    assert family.parents_of("m108") == ["m104", "m103"]


@pytest.mark.parametrize("name", ["family.canrisk1.txt", "family.canrisk2.txt", "boadicea-v4.txt"])
def test_canrisk_versions(name: str) -> None:
    found = read_families(DATA / name)
    family = found.family
    child = family.person("ch1")
    assert child.index and child.birth is not None and child.birth.year == 1990
    assert [(c.name, c.age) for c in child.conditions] == [("breast cancer", 33)]
    assert [c.name for c in family.person("m1").conditions] == ["ovarian cancer"]  # AU: age unknown
    assert family.person("gf1").deceased and family.parents_of("ch1") == ["f1", "m1"]
    twins = {c.id: c for u in family.unions for c in u.children if c.twin}
    assert set(twins) == {"ch1", "ch2"} and twins["ch1"].identical
    assert any("genetic test" in w for w in found.warnings)


def test_pedigreejs_dataset() -> None:
    family = read_families(DATA / "pedigreejs.json").family
    assert family.person("pb1").index and family.person("pb1").name == "Klien"
    assert family.person("m21").deceased
    relations = {c.id: c.relation for u in family.unions for c in u.children}
    assert relations["ad1"] == "adopted"
    assert [(c.name, c.age) for c in family.person("f21").conditions] == [("breast cancer", 55)]


def test_from_overrides_detection_and_errors_say_how_the_file_was_read(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"read as a pedigree table: line 1: has 1 columns"):
        read_families(DATA / "twins.data", kind="pedigree")
    result = run("genogram", str(DATA / "twins.data"), "--from", "pedigree", "-o", str(tmp_path / "x.svg"))
    assert result.returncode == 2 and "read as a pedigree table" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "x.svg").exists()
    result = run("genogram", str(DATA / "twins.data"), "-o", str(tmp_path / "t.svg"))
    assert result.returncode == 0, result.stderr


def test_inconsistent_rows_refused_naming_the_line_or_drawn_with_lenient(tmp_path: Path) -> None:
    table = tmp_path / "bad.txt"
    table.write_text("id father mother sex birth\n1 0 0 2 1950\n2 0 0 2 1952\n3 1 2 1 1940\n")
    result = run("genogram", str(table), "-o", str(tmp_path / "b.svg"))
    assert result.returncode == 2 and "line 4" in result.stderr and "says sex female" in result.stderr
    result = run("genogram", str(table), "--lenient", "-o", str(tmp_path / "b.svg"))
    assert result.returncode == 0, result.stderr
    warnings = [ln for ln in result.stderr.splitlines() if "warning" in ln]
    assert len(warnings) == 3  # female father; born before each parent
    assert (tmp_path / "b.svg").exists()


ROYAL_STYLE = """0 HEAD
1 GEDC
2 VERS 5.5.1
1 CHAR UTF-8
0 @I1@ INDI
1 NAME Anna /Ka/
1 SEX F
1 BIRT
2 DATE MAR 1850
1 DEAT
2 DATE {death}
0 TRLR
"""


@pytest.mark.parametrize("death", ["1850", "ABT 1849", "BEF 1851", "BET 1849 AND 1851", "@#DJULIAN@ 1850"])
def test_partial_death_date_in_birth_year_does_not_crash(death: str) -> None:
    """The royals crash: `death < birth` with a year-only death and a month-precise birth."""
    family = parse_gedcom(ROYAL_STYLE.format(death=death).encode())
    assert family.people[0].deceased


def test_death_certainly_before_birth_refused_naming_the_record_or_drawn_leniently() -> None:
    data = ROYAL_STYLE.format(death="12 JAN 1849").encode()
    with pytest.raises(InputError, match=r"person @I1@ \(Anna /Ka/\), line 5.*death \(12 JAN 1849\) is before birth"):
        parse_gedcom(data)
    warnings: list[str] = []
    family = parse_gedcom(data, lenient=True, warnings=warnings)
    assert family.people[0].death is None and family.people[0].deceased and len(warnings) == 1


DATE_FORMS = st.one_of(
    st.builds("{} {}".format, st.sampled_from(["ABT", "BEF", "AFT", "EST", "CAL", "INT", "FROM", "TO", ""]),
              st.sampled_from(["1850", "MAR 1850", "12 MAR 1850", "1700/01", "44 B.C.", "@#DJULIAN@ 1 MAR 1700",
                               "@#DHEBREW@ TSH 5600", "@#DFRENCH R@ VEND 3", "31 FEB 1975", "0 JAN 1900"])),
    st.builds("BET {} AND {}".format, st.integers(1, 2100), st.integers(1, 2100)),
    st.builds("FROM {} TO {}".format, st.integers(1, 2100), st.integers(1, 2100)),
    st.text(max_size=25),
)


@given(DATE_FORMS, DATE_FORMS)
def test_every_gedcom_date_form_compares_safely(a: str, b: str) -> None:
    x, y = read_gedcom_date(a), read_gedcom_date(b)
    if x is None or y is None:
        return
    assert not (x.certainly_before(y) and y.certainly_before(x))
    if x.shown and y.shown:
        assert (x.shown < y.shown) + (y.shown < x.shown) + (x.shown == y.shown) == 1


def test_detect_kind_on_bytes() -> None:
    assert detect_kind((DATA / "pedigreejs.json").read_bytes()) == "pedigreejs"
    assert detect_kind(b'{"family": {"people": [{"id": "A"}]}}') == "case"


def test_canrisk_age_of_a_dead_person_is_age_at_death() -> None:
    # review9 B6: Dead=1, Yob=1940, Age=70 was drawn 'l. 1940' with no death year; CanRisk's Age of a dead
    # person is the age at death, so the death is about 2010
    from socialtools.io.canrisk import EXAMPLE, read_canrisk_text

    dead = read_canrisk_text(EXAMPLE)["XX"].person("f21")
    assert (dead.birth.display(), dead.death.display(), dead.deceased) == ("1940", "~2010", True)
    alive = read_canrisk_text(EXAMPLE)["XX"].person("ch1")
    assert (alive.birth.display(), alive.death, alive.age) == ("1975", None, 45)


def test_canrisk_age_of_a_dead_person_that_ends_after_this_year_is_not_an_age_at_death() -> None:
    # Dead=1, Yob=1990, Age=80 derived a death about 2070, in the future
    from socialtools.io.canrisk import EXAMPLE, read_canrisk_text

    text = EXAMPLE.replace("\t1\t70\t1940\t", "\t1\t80\t1990\t").replace("\t45\t1975\t", "\t10\t2015\t")
    warnings: list[str] = []
    dead = read_canrisk_text(text, warnings=warnings)["XX"].person("f21")
    assert (dead.birth.display(), dead.death, dead.deceased) == ("1990", None, True)
    assert ("line 4 (id 'f21'), field 'age': 80 cannot be the age at death of a person born in 1990 (that would be "
            "2070, after this year): the death year is left out") in warnings
