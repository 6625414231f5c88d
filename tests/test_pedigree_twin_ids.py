"""A twin named by the id of the co-twin (BGmisc's and ggpedigree's ``twinID``, with ``mz``/``dz`` in
a ``zygosity`` column) is drawn as a twin, not named in a 'column not read' warning (seen in
ggpedigree's ASOIAF and Wars of the Roses tables; people here invented)."""

from __future__ import annotations

from pathlib import Path

from socialtools.io.families import read_families

DATA = Path(__file__).parent / "data" / "pedigree" / "bgmisc-twins.csv"


def test_twin_ids_and_zygosity_make_twin_groups() -> None:
    found = read_families(DATA)
    family = found.families["1"]
    twins = {c.id: (c.twin, c.identical) for u in family.unions for c in u.children}
    assert twins["3"] == twins["4"] == ("twins 3", True)  # mz
    assert twins["5"] == twins["6"] == ("twins 5", False)  # dz
    assert twins["7"] == twins["8"] == ("twins 7", False)  # zygosity unknown: twins, not identical
    assert twins["9"] == twins["10"] == twins["11"] == ("twins 9", True)  # triplets named round a ring
    assert twins["12"] == (None, False)
    assert not any("twinID" in w or "zygosity" in w for w in found.warnings)
