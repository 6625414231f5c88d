"""Issue 13: ties to one household member reach its symbol at distinct points (F2); a tie between two
systems takes a short route round the focal circle, not round the whole picture, when that is clean at the
ring it has (F4; no ring grows for it).

Checked independently of the routing: the ends on the outline and the stretch near it are measured on the
layout's plain coordinates, sampled every quarter unit.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw.geometry import segment_circle_distance
from socialtools.ecomap.layout import layout_ecomap
from socialtools.ecomap.model import load_ecomap
from socialtools.ecomap.placements import EcomapLayout, TieRoute
from socialtools.ecomap.routing import tie_width
from socialtools.ecomap.samples import generated_ecomap
from socialtools.io.loading import load_document

NEAR = 20.0  # the stretch within this far of the member's outline is where ties met and merged
APART = 3.0  # two ends keep at least this far apart beyond their half widths


def _points_near(t: TieRoute, centre: tuple[float, float], reach: float) -> list[tuple[float, float]]:
    out = []
    for p, q in itertools.pairwise(t.points):
        n = max(1, math.ceil(math.dist(p, q) / 0.25))
        for i in range(n + 1):
            x = (p[0] + (q[0] - p[0]) * i / n, p[1] + (q[1] - p[1]) * i / n)
            if math.dist(x, centre) <= reach:
                out.append(x)
    return out


def merged_length(a: TieRoute, b: TieRoute, centre: tuple[float, float], reach: float) -> float:
    """How long ``a`` runs, within ``reach`` of ``centre``, closer to ``b`` than their half widths."""
    w = (tie_width(a.tie) + tie_width(b.tie)) / 2
    near = _points_near(a, centre, reach)
    return 0.25 * sum(1 for x in near if min(segment_circle_distance(p, q, x)
                                             for p, q in itertools.pairwise(b.points)) < w)


def check_member_ends(lay: EcomapLayout) -> None:
    """Every tie to a member ends on its outline, at least :data:`APART` beyond both half widths from the
    other ties' ends there, and no two run together within :data:`NEAR` of the outline."""
    for m in lay.members:
        ties = [t for t in lay.ties if t.tie.target == m.id]
        for t in ties:
            assert m.on_outline(t.points[-1]), (m.id, t.tie.system)
        for a, b in itertools.combinations(ties, 2):
            gap = math.dist(a.points[-1], b.points[-1]) - (tie_width(a.tie) + tie_width(b.tie)) / 2
            assert gap >= APART, (m.id, a.tie.system, b.tie.system, round(gap, 2))
            reach = m.hull.r + NEAR
            assert merged_length(a, b, m.circle.center, reach) == 0.0, (m.id, a.tie.system, b.tie.system)
            assert merged_length(b, a, m.circle.center, reach) == 0.0, (m.id, b.tie.system, a.tie.system)


def _case_layout(name: str) -> EcomapLayout:
    eco, family = load_ecomap(load_document(Path(__file__).parent / "data" / "cases" / f"{name}.yaml"))
    return layout_ecomap(eco.bind(family), family)


@pytest.mark.parametrize("name", ["many-systems-15", "many-systems-18", "review-rt", "kasus-wijaya"])
def test_f2_ties_to_one_member_reach_it_at_distinct_points(name: str) -> None:
    """Issue 13 F2: on many-systems-15, taklim's and koperasi's ties to IS ran as one line for 12
    units into her symbol; on many-systems-18, sd's and posyandu's ends on DN were 1.8 units apart."""
    lay = _case_layout(name)
    assert lay.quality.defects == 0, lay.quality.examples
    check_member_ends(lay)


@settings(max_examples=12, deadline=None)
@given(st.integers(6, 24), st.integers(0, 10_000), st.sampled_from([0, 1, 2, 3, 4]))
def test_generated_ties_to_members_end_apart(n: int, seed: int, household: int) -> None:
    """In generated ecomaps (households of one to five members, many ties to each member), the ties to
    one member end at distinct points of its outline and never run together into it."""
    eco, family = generated_ecomap(n, seed=seed, household=household)
    lay = layout_ecomap(eco, family)
    assert lay.quality.defects == 0, lay.quality.examples
    check_member_ends(lay)


def _between_ties(lay: EcomapLayout) -> list[TieRoute]:
    systems = {s.id for s in lay.systems}
    return [t for t in lay.ties if t.tie.target in systems]


def _round_the_outside(lay: EcomapLayout, t: TieRoute) -> bool:
    """True when a tie between two systems runs further out than the nearest system centre: round the
    outside of the ring (a straight or once-bent tie between neighbours has at most three points)."""
    ring = min(math.hypot(*s.circle.center) for s in lay.systems)
    return len(t.points) > 3 and max(math.hypot(*p) for p in t.points) > ring


@pytest.mark.parametrize("narrow", [False, True])
def test_f4_tie_between_systems_on_either_side_of_the_household_goes_round_the_focal_circle(narrow: bool) -> None:
    """Issue 13 F4: in review 4's case, Universitas (kampus) and the LKSA stand left and right below
    the household; their tie went round the outside of the whole picture (1323 units). It now runs
    round the focal circle, inside the ring, and is far shorter than the way round the outside."""
    eco, family = load_ecomap(load_document(Path(__file__).parent / "data" / "cases" / "review4-case.yaml"))
    lay = layout_ecomap(eco.bind(family), family, narrow=narrow)
    assert lay.quality.defects == 0, lay.quality.examples
    (tie,) = [t for t in _between_ties(lay) if t.tie.system == "kampus"]
    assert not _round_the_outside(lay, tie)
    ring = min(math.hypot(*s.circle.center) for s in lay.systems)
    assert sum(math.dist(p, q) for p, q in itertools.pairwise(tie.points)) < math.pi * ring
    # it stays outside the focal circle (never reads as a tie to the household)
    assert all(segment_circle_distance(p, q, (0.0, 0.0)) > lay.focal.r for p, q in itertools.pairwise(tie.points))


def test_f4_generated_tie_round_the_outside_now_goes_round_the_focal_circle() -> None:
    """Generated ecomap (12 systems, seed 1, three ties between systems): s6 and s0's tie went round the
    outside of the ring; it now runs round the focal circle."""
    eco, family = generated_ecomap(12, seed=1, system_ties=3)
    lay = layout_ecomap(eco, family)
    assert lay.quality.defects == 0, lay.quality.examples
    (tie,) = [t for t in _between_ties(lay) if {t.tie.system, t.tie.target} == {"s6", "s0"}]
    assert not _round_the_outside(lay, tie)


@settings(max_examples=10, deadline=None)
@given(st.integers(8, 24), st.integers(0, 10_000))
def test_generated_ties_between_systems_never_enter_the_focal_circle(n: int, seed: int) -> None:
    """In generated ecomaps with three ties between systems, a tie between two systems (round the focal
    circle or not) never enters the focal circle: it never reads as a tie to the household."""
    eco, family = generated_ecomap(n, seed=seed, system_ties=3)
    lay = layout_ecomap(eco, family)
    assert lay.quality.defects == 0, lay.quality.examples
    for t in _between_ties(lay):
        assert all(segment_circle_distance(p, q, (0.0, 0.0)) > lay.focal.r
                   for p, q in itertools.pairwise(t.points)), t.tie.describe()


#: ring radius of generated ecomaps with ties between systems before the route round the focal circle
#: (docs/ecomap.md's benchmark table, benchmarks/ecomap.py, after the revert of f47c0fc): that route made
#: them grow (10 systems 263 -> 612)
OLD_RADIUS = {(10, 0): 263, (30, 3): 691}


@pytest.mark.parametrize(("n", "household"), sorted(OLD_RADIUS))
def test_f4_route_round_the_focal_circle_grows_no_ring(n: int, household: int) -> None:
    """The route round the focal circle is taken only where it is clean at the ring the layout has without
    it: no ring grows for it (f47c0fc, reverted, grew the 10-system ring from 263 to 612)."""
    eco, family = generated_ecomap(n, seed=1, household=household)
    lay = layout_ecomap(eco, family)
    assert lay.quality.defects == 0, lay.quality.examples
    assert lay.radius <= OLD_RADIUS[(n, household)] + 0.5
