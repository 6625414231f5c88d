"""A couple held to the family only by a child they adopted stands above that child's side of the
row (review 9: a man's four wives, the third wife's son adopted by a couple drawn at the far end;
the dashed adoption line ran under the whole row and crossed three child lines)."""

from __future__ import annotations

from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.genogram import Family, Genogram
from socialtools.genogram.ordering import count_crossings, order_component
from socialtools.genogram.structure import FamilyStructure
from socialtools.io.loading import parse_model


def _four_wives(adopted_from: int) -> Family:
    people = [{"id": "H", "sex": "male", "birth": 1940}]
    unions = []
    for k in range(1, 5):
        people += [{"id": f"W{k}", "sex": "female", "birth": 1940 + k}, {"id": f"C{k}", "sex": "male",
                                                                          "birth": 1960 + 4 * k}]
        unions.append({"partners": ["H", f"W{k}"], "start": 1958 + 4 * k, "children": [f"C{k}"]})
    people += [{"id": "AF", "sex": "male", "birth": 1938}, {"id": "AM", "sex": "female", "birth": 1940}]
    unions.append({"partners": ["AF", "AM"], "children": [{"id": f"C{adopted_from}", "relation": "adopted"}]})
    return parse_model(Family, {"people": people, "unions": unions})


def test_the_adoptive_couple_stands_on_the_adopted_childs_side(svgcheck: ModuleType) -> None:
    for k in range(1, 5):
        g = Genogram(_four_wives(k))
        lay = g.layout
        child, couple = lay.nodes[f"C{k}"].x, (lay.nodes["AF"].x + lay.nodes["AM"].x) / 2
        middle = lay.nodes["H"].x  # the man, his wives to either side: the couple stands at the child's end
        assert (couple - middle) * (child - middle) > 0, k
        kids = sorted(lay.nodes[f"C{j}"].x for j in range(1, 5))
        at_end = child in (kids[0], kids[-1])  # else the dashed line passes one half-sibling's line
        assert svgcheck.check(g.to_svg(), is_text=True)["counts"]["line_crossings"] <= (0 if at_end else 1), k


@settings(max_examples=25, deadline=None)
@given(wives=st.integers(min_value=1, max_value=4), data=st.data())
def test_moving_an_adoptive_couple_never_adds_a_counted_crossing(wives: int, data: st.DataObject) -> None:
    adopted = data.draw(st.integers(min_value=1, max_value=wives))
    family = _four_wives(adopted)
    keep = {"H", "AF", "AM", *(f"W{k}" for k in range(1, wives + 1)), *(f"C{k}" for k in range(1, wives + 1))}
    family = parse_model(Family, {
        "people": [p.model_dump(exclude_none=True) for p in family.people if p.id in keep],
        "unions": [u.model_dump(exclude_none=True) for u in family.unions if set(u.partners) <= keep]})
    s = FamilyStructure(family)
    (component,) = s.components()
    rows = order_component(s, component)
    assert count_crossings(rows, s) == 0
    for blocks in rows.values():  # each sibship together
        flat = [p for b in blocks for p in b]
        for uid in s.unions:
            kids = [flat.index(c) for c in s.children(uid) if c in flat]
            assert not kids or max(kids) - min(kids) == len(kids) - 1
