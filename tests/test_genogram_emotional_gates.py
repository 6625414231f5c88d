"""Gates for emotional lines (review-5 R2): a union's date label that walls a row, so that an
emotional line would go a long way round, is lifted between its partners' symbols; it stays
clear of everything, and lines still never run along each other (review-4 D7, measured on the
patterns' envelopes)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtools.draw.geometry import segment_hits_box
from socialtools.genogram import Genogram
from socialtools.genogram.emotional import LABEL_CLEARANCE
from socialtools.genogram.placements import GenogramLayout
from socialtools.genogram.synthetic import synthetic_family
from socialtools.privacy import hide_identifying
from socialtools.report.case import Case
from tests.test_genogram_emotional_along import ALONG, AT_PERSON, GAP, _half, alongside

CASE = Path(__file__).parent / "data" / "cases" / "kasus-wijaya.yaml"


def _lifted(lay: GenogramLayout) -> list[str]:
    """The unions whose date label stands higher than its place over the union line."""
    out = []
    for u in lay.unions.values():
        if u.label_box is not None and len(u.points) >= 3:
            union_y = u.points[1][1]
            if u.label_box.bottom < union_y - 1 - 0.5:
                out.append(u.id)
    return out


def _label_problems(lay: GenogramLayout) -> list[str]:
    """Date labels that leave their partners' gap, overlap a symbol, a name or another date label,
    or (lifted) are crossed by a drawn line."""
    problems = []
    lines = [list(u.points) for u in lay.unions.values()] + [list(r.points) for r in lay.relationships]
    lines += [list(s.bar) for s in lay.sibships] + [list(pts) for s in lay.sibships for pts in s.children.values()]
    lines += [[*poly, poly[0]] for h in lay.households for poly in h.polygons]
    lifted = set(_lifted(lay))
    for u in lay.unions.values():
        box = u.label_box
        if box is None or len(u.partners) != 2:
            continue
        left, right = sorted((lay.nodes[p] for p in u.partners), key=lambda n: n.x)
        if box.x < left.symbol_box.right - 0.5 or box.right > right.symbol_box.x + 0.5:
            problems.append(f"{u.id} not between its partners")
        for n in lay.nodes.values():
            if box.overlaps(n.symbol_box) or (n.label_box.w and box.overlaps(n.label_box)):
                problems.append(f"{u.id} overlaps {n.id}")
        for v in lay.unions.values():
            if v.id != u.id and v.label_box is not None and box.overlaps(v.label_box):
                problems.append(f"{u.id} overlaps {v.id}")
        if u.id in lifted:
            crossed = [pts for pts in lines if any(segment_hits_box(p, q, box.grown(LABEL_CLEARANCE - 0.5))
                                                   for p, q in itertools.pairwise(pts))]
            if crossed:
                problems.append(f"lifted {u.id} crossed by {crossed[0][:2]}")
    return problems


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000), st.integers(25, 60), st.integers(3, 8))
def test_a_lifted_date_label_stays_clear(seed: int, size: int, relationships: int) -> None:
    lay = Genogram(synthetic_family(size, seed=seed, relationships=relationships)).layout
    assert _label_problems(lay) == []


@pytest.mark.parametrize("initials", [False, True])
def test_kasus_wijaya_gates_are_lifted_labels_that_stay_clear(initials: bool) -> None:
    family = Case.load(CASE).family
    assert family is not None
    lay = Genogram(hide_identifying(family) if initials else family).layout
    assert _lifted(lay)  # the label of RA's first marriage, beside her over her name
    assert _label_problems(lay) == []


@pytest.mark.parametrize("initials", [False, True])
def test_d7_kasus_wijaya_emotional_lines_never_run_along_each_other(initials: bool) -> None:
    """Review-4 D7 on a crowded family with gates: measured from each pattern's envelope (a zigzag
    reaches 4.8 units from its middle), not from its points."""
    family = Case.load(CASE).family
    assert family is not None
    lay = Genogram(hide_identifying(family) if initials else family).layout
    for r1, r2 in itertools.permutations(lay.relationships, 2):
        shared = {r1.a, r1.b} & {r2.a, r2.b}
        skip = (AT_PERSON if r1.a in shared else 0.0, AT_PERSON if r1.b in shared else 0.0)
        units = alongside(list(r1.points), list(r2.points), GAP + _half(r1.kind) + _half(r2.kind), skip)
        assert units <= ALONG, (r1.kind, r1.a, r1.b, r2.kind, r2.a, r2.b, units)
