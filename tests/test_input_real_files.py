"""Files made by other programs and people: anonymised CanRisk exports, GEDCOM files whose
declared character set is wrong, messages naming the record, rows of unconnected families."""

from __future__ import annotations

import pytest

from socialtools.errors import InputError
from socialtools.io.canrisk import EXAMPLE, read_canrisk_text
from socialtools.io.gedcom import parse_gedcom


def _anonymised(names: tuple[str, str, str]) -> str:
    lines = EXAMPLE.splitlines()
    for i, name in zip((2, 3, 4), names, strict=True):
        cells = lines[i].split("\t")
        cells[1] = name
        lines[i] = "\t".join(cells)
    return "\n".join(lines) + "\n"


def test_canrisk_numbers_in_the_name_column_are_not_names() -> None:
    """An anonymised CanRisk export writes numbers or codes as names: none is read, one warning."""
    warnings: list[str] = []
    family = read_canrisk_text(_anonymised(("1", "2", "P3")), warnings=warnings)["XX"]
    assert [p.name for p in family.people] == [None, None, None]
    said = [w for w in warnings if "Name column" in w]
    assert len(said) == 1 and "only numbers" in said[0]


def test_canrisk_initials_stay_names() -> None:
    warnings: list[str] = []
    family = read_canrisk_text(_anonymised(("AB", "2", "Siti")), warnings=warnings)["XX"]
    assert [p.name for p in family.people] == ["AB", "2", "Siti"]
    assert not [w for w in warnings if "Name column" in w]


KOWALSKI = (b"0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n0 @I23@ INDI\n1 NAME Jan /Kowalski/\n1 SEX M\n"
            b"1 BIRT\n2 DATE 31 FEBRUARI 19x8\n0 @I24@ INDI\n1 NAME Anna /Nowak/\n1 SEX F\n"
            b"0 @F1@ FAM\n1 HUSB @I23@\n1 WIFE @I24@\n1 CHIL @I99@\n0 TRLR\n")


def test_gedcom_messages_name_the_record_by_pointer_and_name() -> None:
    """Errors and warnings say ``@I23@ (Jan /Kowalski/)``, not only the pointer, and the field."""
    with pytest.raises(InputError) as err:
        parse_gedcom(KOWALSKI, "k.ged")
    assert "family @F1@ (Jan /Kowalski/ and Anna /Nowak/), line 13, field 'CHIL': points to @I99@" in str(err.value)
    warnings: list[str] = []
    parse_gedcom(KOWALSKI.replace(b"1 CHIL @I99@\n", b""), "k.ged", warnings=warnings)
    assert [w for w in warnings if "BIRT.DATE" in w] == [
        "person @I23@ (Jan /Kowalski/), line 5, field 'BIRT.DATE' (line 9): '31 FEBRUARI 19x8' cannot be read as a "
        "date; drawn without it"]


def test_gedcom_ansel_accent_at_the_end_of_the_file_is_an_input_error() -> None:
    """An ANSEL accent byte before the last line end: the library counted a line past the end and
    naming it raised IndexError (benchmarks/fuzz_formats.py, seed 11)."""
    with pytest.raises(InputError, match="malformed line 5: line does not start with a level"):
        parse_gedcom(b"0 HEAD\n1 CHAR ANSEL\n0 @I1@ INDI\n1 NAME A\n1 NOTE x\xe3\n", "x.ged")
