"""A founder's row whose family cell is a code for a missing value (visPedigree's
``big_family_size_ped``: founders with ``FamilyID`` NA, their children in named families) is drawn in
the family of its children with its own sex and data, not left in a family 'NA' while the children's
family adds the parent 'with nothing else known' (people here invented)."""

from __future__ import annotations

from pathlib import Path

from socialtools.io.families import read_families

DATA = Path(__file__).parent / "data" / "pedigree" / "founders-family-na.csv"


def test_founders_with_family_na_join_their_childrens_family() -> None:
    found = read_families(DATA)
    assert sorted(found.families) == ["F1", "F2", "NA"]
    f1 = found.families["F1"]
    assert sorted(p.id for p in f1.people) == ["A1", "A2", "A3", "A4"]
    assert f1.person("A1").birth is not None and f1.person("A1").birth.year == 1990
    assert sorted(p.id for p in found.families["F2"].people) == ["B1", "B2", "B3"]
    assert [p.id for p in found.families["NA"].people] == ["C1"]  # asked for by no family: stays
    assert not any("has no row of its own" in w for w in found.warnings)
    said = "line 2 (id 'A1'), field 'family': 'NA' is a code for a missing family"
    assert any(w.startswith(said) for w in found.warnings)
