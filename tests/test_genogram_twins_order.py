"""Review-5 R6: twins listed apart stand side by side (a hard rule), and a child list that
contradicts the birth years is drawn eldest first by the years, with a warning naming the list."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from hypothesis import given
from hypothesis import strategies as st

from socialtools.genogram import Genogram
from socialtools.genogram.model import ChildLink, Family
from socialtools.genogram.structure import birth_order
from socialtools.io.loading import load_document

TWINS = Path(__file__).parent / "data" / "hardcases" / "twins.yaml"


def _family() -> Family:
    return Family.model_validate(load_document(TWINS))


def test_twins_listed_apart_stand_together_in_birth_order(svgcheck: ModuleType) -> None:
    family = _family()
    genogram = Genogram(family)
    row = genogram.layout.rows[genogram.layout.nodes["S1"].row]
    siblings = [p for p in sorted(row, key=lambda p: genogram.layout.nodes[p].x) if p in
                {"S1", "S2", "T1", "T2", "D1", "D2"}]
    assert siblings == ["S1", "T1", "T2", "D1", "D2", "S2"]
    result = svgcheck.check(genogram.to_svg(), is_text=True)
    assert result["defects_total"] == 0 and result["counts"]["line_crossings"] == 0, result["counts"]


def test_children_listed_against_their_years_are_named_in_a_warning() -> None:
    warnings = [w for w in _family().warnings() if "birth order" in w]
    assert warnings == ["family.unions[0].children: listed out of birth order (S2 1998, T1 1990, D1 1994, "
                        "S1 1985, T2 1990, D2 1994); drawn eldest first, by the years"]
    in_order = Family.model_validate({"people": [{"id": i, "birth": 1990 + k} for k, i in enumerate("ABCD")],
                                      "unions": [{"partners": ["A", "B"], "children": ["C", "D"]}]})
    assert not [w for w in in_order.warnings() if "birth order" in w]


@given(st.lists(st.tuples(st.sampled_from([None, "a", "b", "c"]), st.integers(1980, 1990)), min_size=1,
                max_size=8),
       st.booleans())
def test_birth_order_keeps_twin_groups_together_and_years_ascending(kids: list[tuple[str | None, int]],
                                                                    dated: bool) -> None:
    children = [ChildLink(id=f"C{i}", twin=twin) for i, (twin, _) in enumerate(kids)]
    born = {f"C{i}": year for i, (_, year) in enumerate(kids)} if dated else {}
    order = birth_order(children, born)
    assert sorted(order) == sorted(c.id for c in children)
    twin = {c.id: c.twin for c in children}
    for label in {t for t in twin.values() if t}:  # each group contiguous
        at = [i for i, pid in enumerate(order) if twin[pid] == label]
        assert at == list(range(at[0], at[0] + len(at)))
    if not dated:  # as listed, but for the twins brought to the first of their group
        assert [pid for pid in order if twin[pid] is None] == [c.id for c in children if c.twin is None]
    else:  # children who are no twins stand by their years
        singles = [born[pid] for pid in order if twin[pid] is None]
        assert singles == sorted(singles)
