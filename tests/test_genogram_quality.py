"""The layout's own measures against brute force: crossings, line length, extent."""

from __future__ import annotations

import itertools
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtools.draw.geometry import Point, segments_cross
from socialtools.genogram import Family, Genogram
from socialtools.genogram.layout import layout_family
from socialtools.genogram.quality import count_crossings, layout_quality, line_length
from socialtools.genogram.synthetic import synthetic_family
from tests.strategies import families

Line = tuple[str, list[Point], frozenset[str]]


def brute_force_crossings(lines: list[Line]) -> int:
    """Every pair of segments of two different lines, tested one by one."""
    segments = [(i, p, q) for i, (_, pts, _) in enumerate(lines) for p, q in itertools.pairwise(pts)]
    return sum(1 for (i, p, q), (j, a, b) in itertools.combinations(segments, 2)
               if i != j and segments_cross(p, q, a, b))


def test_a_bar_crossed_by_three_lines_counts_three() -> None:
    bar: Line = ("bar", [(0.0, 50.0), (400.0, 50.0)], frozenset())
    drops: list[Line] = [(f"d{x}", [(x, 0.0), (x, 100.0)], frozenset()) for x in (100.0, 200.0, 300.0)]
    assert count_crossings([bar, *drops]) == 3
    assert count_crossings([*drops, bar]) == 3


def test_lines_meeting_at_an_end_do_not_cross() -> None:
    bar: Line = ("bar", [(0.0, 50.0), (400.0, 50.0)], frozenset())
    child: Line = ("child", [(100.0, 50.0), (100.0, 100.0)], frozenset())
    assert count_crossings([bar, child]) == 0


orthogonal = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.booleans()),
    min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.lists(orthogonal, min_size=2, max_size=25), st.sampled_from([1.0, 37.0, 150.0]))
def test_crossings_equal_the_brute_force_count_on_random_lines(raw: list[list[tuple]], scale: float) -> None:
    lines: list[Line] = []
    for k, parts in enumerate(raw):
        pts: list[Point] = []
        for x, y, length, vertical in parts:
            start = pts[-1] if pts else (x * scale, y * scale)
            end = (start[0], start[1] + length * scale) if vertical else (start[0] + length * scale, start[1])
            if not pts:
                pts.append(start)
            pts.append(end)
        lines.append((f"l{k}", pts, frozenset()))
    assert count_crossings(lines) == brute_force_crossings(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(families(max_people=60))
def test_crossings_equal_the_brute_force_count_on_generated_families(family: Family) -> None:
    lay = layout_family(family)
    lines = lay.lines()
    q = layout_quality(lay, family)
    assert q.crossings == brute_force_crossings(lay.drawn_lines())  # a double line as its two lines
    assert q.line_length == round(sum(math.dist(p, r) for _, pts, _ in lines for p, r in itertools.pairwise(pts)), 1)


def test_crossings_equal_the_brute_force_count_on_a_large_family() -> None:
    family = synthetic_family(400, seed=7, relationships=6)
    lines = layout_family(family).lines()
    assert count_crossings(lines) == brute_force_crossings(lines)
    assert line_length(lines) > 0


def test_extent_measures_cover_every_symbol() -> None:
    family = synthetic_family(80, seed=2)
    lay = layout_family(family)
    q = layout_quality(lay, family)
    xs = [n.symbol_box.x for n in lay.nodes.values()] + [n.symbol_box.right for n in lay.nodes.values()]
    ys = [n.symbol_box.y for n in lay.nodes.values()] + [n.symbol_box.bottom for n in lay.nodes.values()]
    assert q.width >= max(xs) - min(xs) - 0.1
    assert q.height >= max(ys) - min(ys) - 0.1
    assert q.aspect == round(q.width / q.height, 3) or abs(q.aspect - q.width / q.height) < 1e-2


def test_household_outlines_are_not_lines_of_the_count_but_svgcheck_counts_them(svgcheck) -> None:
    """docs/genogram.md: the count is of the family's lines; a household's outline crossing a
    union line (her husband, deceased, is outside the outline round her) is left out of it, and
    the independent checker, judging the SVG, counts it."""
    family = Family.model_validate({
        "people": [{"id": "H", "sex": "male", "deceased": True}, {"id": "W", "sex": "female"}],
        "unions": [{"partners": ["H", "W"], "kind": "married"}],
        "households": [{"id": "h1", "members": ["W", "H"]}]})
    genogram = Genogram(family)
    result = svgcheck.check(genogram.to_svg(), is_text=True, max_examples=3)
    assert genogram.quality().crossings == 0
    assert result["counts"]["line_crossings"] == 1
