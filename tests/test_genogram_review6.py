"""Regression tests for the genogram drawing defects review 6 found by looking at its pictures
(D17, D4, D11, D2, D3): each named after its defect, geometry asserted on the layout."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw.geometry import Box, Point, segment_hits_box
from socialtools.genogram import Family
from socialtools.genogram.layout import layout_family
from socialtools.genogram.placements import GenogramLayout
from socialtools.genogram.render import relationship_paths
from socialtools.io.loading import parse_model

#: a zigzag (the renderer's: straight for 6 at each end, a period of 9) shows its pattern when at
#: least two periods fit: a line this long
PATTERN_ROOM = 2 * 6 + 2 * 9


def _family(people: list[dict[str, object]], unions: list[dict[str, object]], **more: object) -> Family:
    return parse_model(Family, {"people": people, "unions": unions, **more})


def _length(points: list[Point]) -> float:
    return sum(math.dist(p, q) for p, q in itertools.pairwise(points))


def _on_edge(box: Box, p: Point, tol: float = 1.0) -> bool:
    """Is ``p`` on the edge of ``box`` (within ``tol``)?"""
    inside = box.x - tol <= p[0] <= box.right + tol and box.y - tol <= p[1] <= box.bottom + tol
    deep = box.x + tol < p[0] < box.right - tol and box.y + tol < p[1] < box.bottom - tol
    return inside and not deep


def _siblings(kinds: list[str], count: int, pairs: list[tuple[int, int]]) -> Family:
    people: list[dict[str, object]] = [{"id": "A", "sex": "P", "birth": 1960}, {"id": "B", "sex": "L", "birth": 1958}]
    kids = [f"K{i}" for i in range(count)]
    people += [{"id": k, "sex": "LP"[i % 2], "birth": 1985 + i} for i, k in enumerate(kids)]
    rels = [{"between": [kids[i], kids[j]], "kind": kind} for (i, j), kind in zip(pairs, kinds, strict=True)]
    return _family(people, [{"partners": ["A", "B"], "children": kids}], relationships=rels)


def _assert_pattern_shows(lay: GenogramLayout, kind: str, a: str, b: str) -> None:
    line = next(r for r in lay.relationships if {r.a, r.b} == {a, b} and r.kind == kind)
    pts = list(line.points)
    assert _length(pts) >= PATTERN_ROOM, (kind, a, b, pts)
    # not a stroke along the row (a union's line): it leaves the middle height of the pair
    assert max(abs(y - lay.nodes[a].y) for _, y in pts) >= lay.nodes[a].outer / 2, pts
    # from one symbol's edge to the other's, through no one's symbol
    assert _on_edge(lay.nodes[line.a].symbol_box, pts[0]) and _on_edge(lay.nodes[line.b].symbol_box, pts[-1]), pts
    for n in lay.nodes.values():
        assert not any(segment_hits_box(p, q, n.symbol_box, shrink=1.0) for p, q in itertools.pairwise(pts)), n.id
    if kind == "conflict":  # the zigzag has its teeth (at least two periods: four turning points)
        (zig, _, _), = relationship_paths(kind, pts)[0]
        assert len(zig) >= len(pts) + 4


@pytest.mark.parametrize("kind", ["conflict", "close", "cutoff", "distant", "hostile"])
def test_d17_emotional_line_between_adjacent_siblings_is_long_enough_for_its_pattern(kind: str) -> None:
    """Review 6, D17: the line between two siblings standing next to each other was an 18-unit
    straight stroke, too short for a zigzag (``conflict`` drew a plain line: in black and white a
    marriage line; ``close`` two short parallel lines: the consanguineous union's)."""
    lay = layout_family(_siblings([kind], 2, [(0, 1)]))
    a, b = lay.nodes["K0"], lay.nodes["K1"]
    assert a.row == b.row and abs(a.x - b.x) - a.outer < PATTERN_ROOM  # neighbours, close together
    _assert_pattern_shows(lay, kind, "K0", "K1")


def test_d17_emotional_line_between_partners_side_by_side_shows_its_pattern() -> None:
    people = [{"id": "H", "sex": "L", "birth": 1960}, {"id": "W", "sex": "P", "birth": 1962}]
    lay = layout_family(_family(people, [{"partners": ["H", "W"]}],
                                relationships=[{"between": ["H", "W"], "kind": "conflict"}]))
    _assert_pattern_shows(lay, "conflict", "H", "W")


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 6).flatmap(lambda n: st.tuples(
    st.just(n),
    st.lists(st.integers(0, n - 2), min_size=1, max_size=3, unique=True),
    st.lists(st.sampled_from(["conflict", "close", "cutoff", "fused", "distant"]), min_size=3, max_size=3))))
def test_d17_property_every_neighbours_line_carries_its_pattern_or_is_named(
        case: tuple[int, list[int], list[str]]) -> None:
    """Any sibship, lines between some pairs of neighbours: each is long enough for its pattern and
    leaves the row, or the layout names it in a warning."""
    count, firsts, kinds = case
    pairs = [(i, i + 1) for i in firsts]
    kinds = kinds[:len(pairs)]
    lay = layout_family(_siblings(kinds, count, pairs))
    for (i, j), kind in zip(pairs, kinds, strict=True):
        a, b = f"K{i}", f"K{j}"
        if any(a in w and b in w for w in lay.warnings):
            continue
        _assert_pattern_shows(lay, kind, a, b)


FATHER_DAUGHTER = [{"id": "F", "sex": "L", "birth": 1960}, {"id": "M", "sex": "P", "birth": 1962},
                   {"id": "D", "sex": "P", "birth": 1985}, {"id": "S", "sex": "L", "birth": 1987},
                   {"id": "X", "sex": "L", "birth": 2004}, {"id": "Y", "sex": "P", "birth": 2006}]


def _assert_one_union_line(lay: GenogramLayout, upper: str, lower: str, kids: list[str]) -> None:
    """The union of ``upper`` and ``lower`` (a row apart or more) is one line from the bottom of
    ``upper`` to the drop of the stub under ``lower`` (which leaves ``lower``'s bottom outline),
    and the children's line hangs from that drop."""
    link = next(x for x in lay.extra_links if x.kind.startswith("union-") and {x.a, x.b} == {upper, lower})
    pts = list(link.points) if link.a == upper else list(link.points)[::-1]
    u = next(u for u in lay.unions.values() if set(u.partners) == {upper, lower})
    up, low = lay.nodes[upper], lay.nodes[lower]
    assert pts[0] == pytest.approx(up.bottom)
    assert pts[-1] == pytest.approx(u.drop), (pts, u.points)  # joined to the stub: one line, no end in the air
    assert u.points[0] == pytest.approx(low.bottom)  # which leaves her from below, not beside her child line
    box = low.symbol_box
    # the union line comes nowhere near the top of the lower partner (where her own child line comes down)
    assert all(not (box.x - 1 <= x <= box.right + 1 and box.y - 12 <= y <= box.bottom) for x, y in pts), pts
    sib = next(s for s in lay.sibships if s.union == u.id)
    assert sib.stem[0][0] == pytest.approx(u.drop[0]) and set(sib.children) == set(kids)


@pytest.mark.parametrize("kids", [["X"], ["X", "Y"]])
def test_d4_father_daughter_union_is_one_line_from_father_to_daughters_stub(kids: list[str]) -> None:
    """Review 6, D4: a father–daughter union (F+M -> D; F+D -> X) was a line running down beside the
    parents' drop and ending 3.8 units above D's circle, beside her child line (a second child
    line), not joined to the stub under D from which X hangs."""
    family = _family(FATHER_DAUGHTER[:4] + [p for p in FATHER_DAUGHTER if p["id"] in kids],
                     [{"partners": ["F", "M"], "children": ["D", "S"]}, {"partners": ["F", "D"], "children": kids}])
    lay = layout_family(family)
    assert lay.nodes["D"].row == lay.nodes["F"].row + 1
    _assert_one_union_line(lay, "F", "D", kids)


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 4), st.data())
def test_d4_property_union_across_rows_with_children_is_one_line(daughters: int, data: st.DataObject) -> None:
    """A father with several daughters, one of whom has children by him: the union is one line
    from his bottom to the drop of the stub under her, the children hanging from it."""
    which = data.draw(st.integers(0, daughters - 1))
    count = data.draw(st.integers(1, 3))
    people: list[dict[str, object]] = [{"id": "F", "sex": "L", "birth": 1950}, {"id": "M", "sex": "P", "birth": 1952}]
    people += [{"id": f"D{i}", "sex": "P", "birth": 1975 + 2 * i} for i in range(daughters)]
    people += [{"id": f"K{i}", "sex": "LP"[i % 2], "birth": 1995 + i} for i in range(count)]
    unions = [{"partners": ["F", "M"], "children": [f"D{i}" for i in range(daughters)]},
              {"partners": ["F", f"D{which}"], "children": [f"K{i}" for i in range(count)]}]
    lay = layout_family(_family(people, unions))
    _assert_one_union_line(lay, "F", f"D{which}", [f"K{i}" for i in range(count)])
