"""Where a sign stands on its own line: a cut-off's two slashes, a note's number (a caretaker's
tick keeps its own rule, :meth:`~socialtools.genogram.render.GenogramRenderer.tick_at`).

A sign drawn where its line crosses another line, next to a symbol, a label or the arm of a
deceased person's X, reads as belonging to the other thing: a cut-off's "//" on the crossing
with a close line reads as a close relationship cut off (review 7 E4). So a sign stands on a
stretch of its own line whose every point within the sign's reach is :data:`MARK_CLEARANCE`
or more from every other line (the width of its pattern included), symbol and label, and away
from its own line's bends, nearest the place asked for (the middle); where no stretch is that
clear, on the clearest one.

>>> line = [(0.0, 0.0), (100.0, 0.0)]
>>> crossing = Surroundings([([(50.0, -30.0), (50.0, 30.0)], 0.5)], [])
>>> at = mark_place(line, crossing, 8.0)
>>> abs(at - 0.5) > 0.1 and clearance(point_at_fraction(line, at), 8.0, line, crossing) >= MARK_CLEARANCE
True
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from socialtools.draw.geometry import Box, Point, box_circle_distance, segment_circle_distance
from socialtools.draw.lines import point_at, polyline_length

MARK_CLEARANCE = 4.0  # a sign keeps at least this far from every other line, symbol and label
CUTOFF_REACH = 8.0  # the cut-off's two slashes (12 long, 5 apart, slanted) lie within this of their centre
STEPS = 40  # places tried along a line (fractions k / STEPS)


@dataclass
class Surroundings:
    """What a sign keeps clear of: other lines (a polyline and half the width it is drawn with)
    and boxes (symbols with their brackets and X arms, labels, date labels, household names)."""

    lines: list[tuple[list[Point], float]] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)

    def without(self, own: list[Point]) -> Surroundings:
        """The same without the line ``own`` (the sign's own line, by identity)."""
        return Surroundings([(pts, w) for pts, w in self.lines if pts is not own], self.boxes)


def point_at_fraction(points: list[Point], at: float) -> Point:
    """The point at fraction ``at`` of the polyline's length."""
    return point_at(points, polyline_length(points) * at)[0]


def clearance(centre: Point, reach: float, own: list[Point], around: Surroundings) -> float:
    """How far a sign reaching ``reach`` round ``centre`` (on its line ``own``) stays from the
    nearest other line, box, or bend of its own line (negative: it overlaps)."""
    gaps = [segment_circle_distance(p, q, centre) - w for pts, w in around.lines for p, q in itertools.pairwise(pts)]
    gaps += [box_circle_distance(b, centre) for b in around.boxes]
    gaps += [segment_circle_distance(v, v, centre) + MARK_CLEARANCE for v in own[1:-1]]  # a bend: the sign's reach only
    return min(gaps, default=float("inf")) - reach


def _nearby(points: list[Point], around: Surroundings, reach: float) -> Surroundings:
    """Only what stands near the line (its box grown by the sign's reach and the clearance)."""
    pad = reach + MARK_CLEARANCE + 8.0
    x0, x1 = min(x for x, _ in points) - pad, max(x for x, _ in points) + pad
    y0, y1 = min(y for _, y in points) - pad, max(y for _, y in points) + pad
    lines = [(pts, w) for pts, w in around.lines
             if min(x for x, _ in pts) - w <= x1 and max(x for x, _ in pts) + w >= x0
             and min(y for _, y in pts) - w <= y1 and max(y for _, y in pts) + w >= y0]
    boxes = [b for b in around.boxes if b.x <= x1 and b.right >= x0 and b.y <= y1 and b.bottom >= y0]
    return Surroundings(lines, boxes)


def mark_place(points: list[Point], around: Surroundings, reach: float, prefer: float = 0.5) -> float:
    """The fraction of the line ``points`` where a sign reaching ``reach`` round its centre
    stands: the place nearest ``prefer`` whose clearance (see :func:`clearance`) is at least
    :data:`MARK_CLEARANCE`; if there is none, the clearest place (the nearest ``prefer`` of equals).
    ``around`` must not hold the line itself.

    >>> mark_place([(0.0, 0.0), (100.0, 0.0)], Surroundings(), 8.0)
    0.5
    """
    if polyline_length(points) <= 0:
        return prefer
    near = _nearby(points, around, reach)
    places = sorted(range(1, STEPS), key=lambda k: (abs(k / STEPS - prefer), k))
    best: tuple[float, float] | None = None
    for k in places:
        at = k / STEPS
        room = clearance(point_at_fraction(points, at), reach, points, near)
        if room >= MARK_CLEARANCE:
            return at
        if best is None or room > best[0] + 1e-9:
            best = (room, at)
    return best[1] if best is not None else prefer
