"""Files made by other programs and people: anonymised CanRisk exports, GEDCOM files whose
declared character set is wrong, messages naming the record, rows of unconnected families."""

from __future__ import annotations

from socialtools.io.canrisk import EXAMPLE, read_canrisk_text


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
