"""Emotional lines never run along each other (review 4, D7), measured on the drawn patterns."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from socialtools.draw.geometry import Point, segment_circle_distance
from socialtools.genogram.diagram import Genogram
from socialtools.genogram.emotional import PATTERN_HALF_WIDTH, LineIndex

CASE = Path(__file__).parent / "data" / "review4-cousin-loop.yaml"
#: how far each pattern reaches from its middle as the renderer draws it (zigzag amplitude 4, two
#: lines 3.5 apart, plus the stroke)
HALF = {"conflict": 4.8, "hostile": 4.8, "close": 2.2, "fused": 3.9}
GAP = 6.0  # two patterns nearer than this (edge to edge) ...
ALONG = 8.0  # ... for longer than this, nearly parallel (within SHALLOW degrees), run along each other
SHALLOW = 20.0
AT_PERSON = 12.0  # lines that meet at a person are near there: that stretch is left out


def _half(kind: str) -> float:
    return HALF.get(kind.replace("_repaired", ""), 0.7)


def _angle(s: tuple[Point, Point], t: tuple[Point, Point]) -> float:
    (p, q), (a, b) = s, t
    d = abs((math.atan2(q[1] - p[1], q[0] - p[0]) - math.atan2(b[1] - a[1], b[0] - a[0])) % math.pi)
    return math.degrees(min(d, math.pi - d))


def alongside(line: list[Point], other: list[Point], gap: float, skip: tuple[float, float]) -> float:
    """Units of ``line`` (sampled every unit, ``skip`` left out at its ends) that lie within ``gap``
    of ``other`` where ``other`` runs within :data:`SHALLOW` degrees of it."""
    total = sum(math.dist(p, q) for p, q in itertools.pairwise(line))
    done, count = 0.0, 0
    for p, q in itertools.pairwise(line):
        length = math.dist(p, q)
        for k in range(max(1, int(length))):
            t = done + k
            if skip[0] <= t <= total - skip[1]:
                s = (p[0] + (q[0] - p[0]) * k / length, p[1] + (q[1] - p[1]) * k / length)
                d, seg = min((segment_circle_distance(a, b, s), (a, b)) for a, b in itertools.pairwise(other))
                count += d < gap and _angle((p, q), seg) < SHALLOW
        done += length
    return count


@pytest.mark.parametrize("duplicate", [True, False])
def test_d7_emotional_lines_never_run_along_each_other(duplicate):
    """Review 4, D7: with --duplicate-loops on a cousin marriage one emotional line ran beside another
    (crossing it at some 16 degrees, the zigzag's points within 6 units of the other) for 70-150
    units: lines nearly parallel were only compared when within 15 degrees, and from their middles."""
    lay = Genogram.from_file(CASE, duplicate_loops=duplicate).layout
    rels = lay.relationships
    assert len(rels) >= 6
    for r1, r2 in itertools.permutations(rels, 2):
        shared = {r1.a, r1.b} & {r2.a, r2.b}
        skip = (AT_PERSON if r1.a in shared else 0.0, AT_PERSON if r1.b in shared else 0.0)
        gap = GAP + _half(r1.kind) + _half(r2.kind)
        units = alongside(list(r1.points), list(r2.points), gap, skip)
        assert units <= ALONG, (r1.kind, r1.a, r1.b, r2.kind, r2.a, r2.b, units)


def test_a_shallow_crossing_of_an_emotional_line_runs_along_it():
    """Crossing a zigzag at 16 degrees keeps the two patterns within a few units for some 80 units;
    crossing it at 60 degrees is a crossing."""
    index = LineIndex()
    index.add([(0.0, 0.0), (200.0, 0.0)], PATTERN_HALF_WIDTH)
    slope = math.tan(math.radians(16))
    assert index.runs_along([(20.0, -80 * slope), (180.0, 80 * slope)])
    slope = math.tan(math.radians(60))
    assert not index.runs_along([(100 - 40 / slope, -40.0), (100 + 40 / slope, 40.0)])
    # and beside a plain line (a child line) only nearly parallel stretches count, as before
    plain = LineIndex([[(0.0, 0.0), (200.0, 0.0)]])
    assert not plain.runs_along([(20.0, -80 * math.tan(math.radians(20))), (180.0, 80 * math.tan(math.radians(20)))])
