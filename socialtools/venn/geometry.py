"""Circle geometry of the Venn layouts: lens areas and the areas of overlapping circles.

>>> round(lens_area(1, 1, 0), 4) == round(math.pi, 4)
True
>>> lens_area(1, 1, 2.5)
0.0
"""

from __future__ import annotations

import itertools
import math


def lens_area(r1: float, r2: float, d: float) -> float:
    """Area of the intersection of two circles with radii ``r1``, ``r2`` whose centres are ``d`` apart."""
    if d >= r1 + r2:
        return 0.0
    if d <= abs(r1 - r2):
        return math.pi * min(r1, r2) ** 2
    a1 = math.acos(max(-1.0, min(1.0, (d * d + r1 * r1 - r2 * r2) / (2 * d * r1))))
    a2 = math.acos(max(-1.0, min(1.0, (d * d + r2 * r2 - r1 * r1) / (2 * d * r2))))
    tri = 0.5 * math.sqrt(max(0.0, (-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2)))
    return r1 * r1 * a1 + r2 * r2 * a2 - tri


def distance_for_overlap(r1: float, r2: float, area: float, iterations: int = 80) -> float:
    """Centre distance at which two circles share ``area`` (bisection; exact to float precision).

    >>> d = distance_for_overlap(2, 1, 1.0)
    >>> round(lens_area(2, 1, d), 6)
    1.0
    """
    full = math.pi * min(r1, r2) ** 2
    if area <= 0:
        return r1 + r2
    if area >= full:
        return abs(r1 - r2)
    lo, hi = abs(r1 - r2), r1 + r2
    for _ in range(iterations):
        mid = (lo + hi) / 2
        if lens_area(r1, r2, mid) > area:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def intersection_area(circles: list[tuple[float, float, float]]) -> float:
    """Area common to every circle ``(cx, cy, r)`` in the list (exact, by Green's theorem over arcs).

    >>> round(intersection_area([(0, 0, 1)]), 6) == round(math.pi, 6)
    True
    >>> round(intersection_area([(0, 0, 1), (1, 0, 1)]), 6) == round(lens_area(1, 1, 1), 6)
    True
    """
    if not circles:
        return 0.0
    total = 0.0
    for i, (cx, cy, r) in enumerate(circles):
        others = [c for j, c in enumerate(circles) if j != i]
        cuts = [0.0, 2 * math.pi]
        for ox, oy, orr in others:
            d = math.hypot(ox - cx, oy - cy)
            if d >= r + orr:
                return 0.0  # two disjoint discs: empty intersection
            if d <= abs(r - orr) or d == 0:
                continue
            base = math.atan2(oy - cy, ox - cx)
            half = math.acos(max(-1.0, min(1.0, (d * d + r * r - orr * orr) / (2 * d * r))))
            cuts += [(base + half) % (2 * math.pi), (base - half) % (2 * math.pi)]
        cuts.sort()
        for a0, a1 in itertools.pairwise(cuts):
            if a1 - a0 < 1e-12:
                continue
            mid = (a0 + a1) / 2
            px, py = cx + r * math.cos(mid), cy + r * math.sin(mid)
            if all(math.hypot(px - ox, py - oy) <= orr + 1e-9 for ox, oy, orr in others):
                total += 0.5 * (r * r * (a1 - a0) + r * cx * (math.sin(a1) - math.sin(a0))
                                - r * cy * (math.cos(a1) - math.cos(a0)))
    return total
