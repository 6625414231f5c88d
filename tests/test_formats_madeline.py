"""Madeline 2.0 flat files in the shapes Madeline itself reads (regressions of issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialtools.errors import InputError
from socialtools.genogram import Genogram
from socialtools.io.families import detect_kind, read_families
from socialtools.io.madeline import read_madeline_text

DATA = Path(__file__).parent / "data" / "pedigree"


def test_leading_blank_lines_before_the_column_names_are_skipped() -> None:
    path = DATA / "leading_blank.data"
    assert detect_kind(path.read_bytes()) == "madeline"
    family = read_families(path).family
    assert family.parents_of("B3") == ["B1", "B2"] and family.person("B2").sex == "female"


def test_leading_blank_lines_keep_the_file_line_numbers_in_errors() -> None:
    text = "\n\nFamilyId\nIndividualId\nGender\nFather\nMother\n\nf A M . .\nf B M . . extra\n"
    with pytest.raises(InputError, match="line 10"):
        read_madeline_text(text)


def test_short_rows_leave_the_missing_last_cells_unknown() -> None:
    family = read_families(DATA / "short_rows.data").family
    assert family.parents_of("S4") == ["S1", "S2"]
    assert family.person("S4").sex == "female" and not family.person("S4").deceased
    assert not family.person("S4").conditions and family.person("S1").deceased


def test_row_without_its_parents_is_refused_naming_the_line() -> None:
    text = "FamilyId\nIndividualId\nGender\nFather\nMother\n\nf A M . .\nf B\n"
    with pytest.raises(InputError, match=r"line 8: has 2 columns, expected 5"):
        read_madeline_text(text)


def test_chinese_and_symbol_sex_values_as_madeline_accepts_them() -> None:
    family = read_families(DATA / "chinese_sex.data").family
    sexes = {p.id: p.sex for p in family.people}
    assert sexes == {"C1": "male", "C2": "female", "C3": "male", "C4": "female", "C5": "male", "C6": "female"}
    assert str(family.person("C3").birth) == "1980-05-02" and str(family.person("C4").birth) == "1982"


def test_the_same_letter_in_mztwin_and_dztwin_is_two_twin_groups() -> None:
    """Regression from the corpus file madeline/tw_002: identical triplets marked 'A' in MZTwin and
    fraternal quadruplets marked 'A' in DZTwin were read as one group of seven, drawn from one point
    with the identical-twin bar across all of them (5 crossings)."""
    text = "FamilyId\nIndividualId\nGender\nFather\nMother\nMZTwin\nDZTwin\n\n"
    text += "f p M . . . .\nf m F . . . .\n"
    text += "".join(f"f {c} F p m {mz} {dz}\n" for c, mz, dz in
                    (("a", ".", "A"), ("b", ".", "A"), ("c", "A", "."), ("d", "A", "."), ("e", ".", "A")))
    children = read_madeline_text(text)["f"].unions[0].children
    groups = {c.id: (c.twin, c.identical) for c in children}
    assert groups["c"] == groups["d"] and groups["c"][1] is True
    assert groups["a"] == groups["b"] == groups["e"] and groups["a"][1] is False
    assert groups["a"][0] != groups["c"][0]
    assert Genogram(read_madeline_text(text)["f"]).quality().crossings == 0  # two groups, each from its point
