"""Brute-force line-crossing counts, the reference the faster counts are checked against.

Every pair of segments of two different lines is tested, without grids, buckets or pruning:
quadratic, so only for a few drawings. A crossing is a proper X: the segments meet at one point
that lies farther than ``tol`` from all four of their end points (a T-junction or two lines
meeting end to end is no crossing). A sibship bar crossed by three vertical lines is three
crossings.

>>> bar = [(0.0, 10.0), (100.0, 10.0)]
>>> verticals = [[(x, 0.0), (x, 20.0)] for x in (20.0, 50.0, 80.0)]
>>> brute_force_crossings([bar, *verticals])
3
>>> brute_force_crossings([bar, [(50.0, 10.0), (50.0, 30.0)]])  # a T-junction
0
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

Point = tuple[float, float]


def segment_intersection(p1: Point, p2: Point, p3: Point, p4: Point) -> Point | None:
    """The point where segments p1p2 and p3p4 meet, or None (parallel or apart)."""
    d1x, d1y = p2[0] - p1[0], p2[1] - p1[1]
    d2x, d2y = p4[0] - p3[0], p4[1] - p3[1]
    den = d1x * d2y - d1y * d2x
    if abs(den) < 1e-12:
        return None
    t = ((p3[0] - p1[0]) * d2y - (p3[1] - p1[1]) * d2x) / den
    u = ((p3[0] - p1[0]) * d1y - (p3[1] - p1[1]) * d1x) / den
    if 0.0 <= t <= 1.0 and 0.0 <= u <= 1.0:
        return (p1[0] + t * d1x, p1[1] + t * d1y)
    return None


def brute_force_crossings(lines: Sequence[Sequence[Point]], tol: float = 1.0,
                          skip: Callable[[int, int], bool] | None = None) -> int:
    """Proper crossings between segments of different polylines in ``lines``.

    ``skip(i, j)`` may exclude pairs of lines that belong together (svgcheck's "associated").
    """
    count = 0
    for i, j in itertools.combinations(range(len(lines)), 2):
        if skip is not None and skip(i, j):
            continue
        for s1, s2 in itertools.pairwise(lines[i]):
            for s3, s4 in itertools.pairwise(lines[j]):
                x = segment_intersection(s1, s2, s3, s4)
                if x is not None and min(math.dist(x, q) for q in (s1, s2, s3, s4)) > tol:
                    count += 1
    return count


def svg_brute_force(svgcheck: object, svg_text: str) -> int:
    """Brute-force count over the polylines svgcheck itself extracts from ``svg_text``, with
    its own tolerance and its own rule for lines that belong together."""
    root = svgcheck.load_svg(svg_text, True)  # type: ignore[attr-defined]
    ck = svgcheck.Checker(None)  # type: ignore[attr-defined]
    ck.run(root)
    ck.finalize_background()
    lines = ck.lines
    tol = ck.p["cross_tol"]
    return brute_force_crossings([ln["points"] for ln in lines], tol=tol,
                                 skip=lambda i, j: bool(ck.associated(lines[i], lines[j])))
