"""The dashed arc that joins a person drawn twice to the original (Madeline, NSGC).

With ``--duplicate-loops`` a person in a loop is drawn a second time; the convention joins the
two symbols by a dashed arc. The arc is a Bézier curve from the top of one symbol to the top of
the other, rising out of both and bending over the people between (or, when that is not free,
a flatter curve over or under the row), as low as it can be while it passes through no symbol
and no label but the two it joins, and of those the one that crosses fewest lines (a curve
under the row where the one over it would cross more lines down to the people between). The
layout keeps the curve flattened into short straight pieces (for every geometric test) and its
control points (for drawing the curve).

>>> arc = bezier([(0.0, 0.0), (50.0, -40.0), (100.0, 0.0)], steps=4)
>>> [(round(x), round(y)) for x, y in arc]
[(0, 0), (25, -15), (50, -20), (75, -15), (100, 0)]
"""

from __future__ import annotations

import math
from collections.abc import Callable

from socialtools.draw.geometry import Point
from socialtools.genogram.placements import PersonNode

ARC_STEPS = 25  # straight pieces of the flattened curve: odd, so that the middle of a symmetric arc is
# the middle of a piece, not a point that lies on the line of a person standing midway (a count of
# proper crossings of straight pieces, svgcheck's and the layout's, would not see that crossing)
RISES = (10.0, 16.0, 22.0, 28.0, 36.0, 46.0, 58.0, 72.0)  # how high the arc stands over the higher top
BULGES = (40.0, 52.0, 64.0, 80.0, 100.0, 125.0, 155.0, 190.0)  # a flat arc: its control point off the chord
SPREAD = 0.12  # and at least this fraction of the chord, so that a long arc is still a curve
#: an arc under the row: out of the side of each symbol, down past the labels and round under them
#: (its controls this far below the lower label's foot, and this far out beside the ends)
DEPTHS = (12.0, 24.0, 40.0, 60.0)
REACHES = (24.0, 48.0)

Arc = tuple[list[Point], tuple[Point, ...]]  # the flattened curve, and its control points


def bezier(points: list[Point], steps: int = ARC_STEPS) -> list[Point]:
    """The Bézier curve of ``points`` (end, control point(s), end), as ``steps`` straight pieces."""
    out = []
    n = len(points) - 1
    for i in range(steps + 1):
        t = i / steps
        weights = [math.comb(n, k) * (1 - t) ** (n - k) * t ** k for k in range(n + 1)]
        out.append((sum(w * p[0] for w, p in zip(weights, points, strict=True)),
                    sum(w * p[1] for w, p in zip(weights, points, strict=True))))
    return out


def _edge_toward(n: PersonNode, p: Point) -> Point:
    """Where the ray from the centre of ``n`` toward ``p`` leaves its symbol box."""
    dx, dy = p[0] - n.x, p[1] - n.y
    h = n.outer / 2
    scale = min(h / abs(dx) if abs(dx) > 1e-12 else math.inf, h / abs(dy) if abs(dy) > 1e-12 else math.inf)
    return (n.x + dx * scale, n.y + dy * scale)


def arc_candidates(a: PersonNode, b: PersonNode) -> list[Arc]:
    """Arcs from ``a`` to ``b``, the preferred first: out of the tops of both symbols and over
    (a cubic curve, lowest first); then flat curves over, then under, the chord (quadratic); then
    curves out of the symbols' sides and under their labels (:func:`_under_labels`)."""
    out: list[Arc] = []
    (ax, ay), (bx, by) = a.top, b.top
    for rise in RISES:
        y = min(ay, by) - rise / 0.75  # a cubic curve with both controls at y peaks 3/4 of the way up
        controls = ((ax, y), (bx, y))
        out.append((bezier([(ax, ay), *controls, (bx, by)]), controls))
    length = math.dist((a.x, a.y), (b.x, b.y)) or 1.0
    mx, my = (a.x + b.x) / 2, (a.y + b.y) / 2
    nx, ny = (b.y - a.y) / length, -(b.x - a.x) / length  # a normal of the chord
    if ny > 0 or (ny == 0 and nx > 0):
        nx, ny = -nx, -ny  # the one pointing up (or left, for a vertical chord)
    for side in (1.0, -1.0):
        for bulge in BULGES:
            d = side * max(bulge, SPREAD * length + bulge / 2)
            control = (mx + nx * d, my + ny * d)
            p0, p1 = _edge_toward(a, control), _edge_toward(b, control)
            out.append((bezier([p0, control, p1]), (control,)))
    out += _under_labels(a, b)
    return out


def _under_labels(a: PersonNode, b: PersonNode) -> list[Arc]:
    """Cubic arcs that leave each symbol by a side (the one facing the other end, or the far one)
    and pass under both labels: the way round the lines that come down to the people between
    the two from above (a copy and its original in one row, a sibship between them).

    >>> from socialtools.draw.text import TextBlock
    >>> a, b = (PersonNode(i, x=x, y=100, size=20, outer=20, row=0, label=TextBlock(("l. 1972",), 10),
    ...                    label_top=115) for i, x in (("A", 0), ("B", 200)))
    >>> arcs = _under_labels(a, b)
    >>> all(min(y for _, y in pts) >= 100 - 1e-9 and max(y for _, y in pts) > a.label_box.bottom for pts, _ in arcs)
    True
    """
    left, right = sorted((a, b), key=lambda n: n.x)
    foot = max(n.label_box.bottom if n.label_box.h else n.y + n.outer / 2 for n in (a, b))
    out: list[Arc] = []
    for far_left, far_right in ((False, False), (False, True), (True, False), (True, True)):
        for depth in DEPTHS:
            for reach in REACHES:
                ends = []
                for node, sign in ((left, -1.0 if far_left else 1.0), (right, 1.0 if far_right else -1.0)):
                    x0 = node.x + sign * node.outer / 2
                    y = (foot + depth - 0.25 * node.y) / 0.75  # the curve's foot 3/4 of the way down
                    ends.append(((x0, node.y), (x0 + sign * reach, y)))
                (p0, c0), (p1, c1) = ends if left is a else ends[::-1]
                out.append((bezier([p0, c0, c1, p1]), (c0, c1)))
    return out


def duplicate_arc(a: PersonNode, b: PersonNode, blocked: Callable[[list[Point]], bool],
                  crossings: Callable[[list[Point]], int] = lambda points: 0) -> Arc | None:
    """Of the arcs of :func:`arc_candidates` that ``blocked`` lets through, the one that crosses
    fewest other lines (``crossings``; the earlier of equals), or ``None``.

    >>> from socialtools.draw.text import TextBlock
    >>> a, b = (PersonNode(i, x=x, y=100, size=20, outer=20, row=0, label=TextBlock((), 10), label_top=120)
    ...         for i, x in (("A", 0), ("B", 200)))
    >>> over = duplicate_arc(a, b, lambda points: False)
    >>> min(y for _, y in over[0]) < 90  # over the row, out of both tops
    True
    >>> under = duplicate_arc(a, b, lambda points: False, lambda pts: int(min(y for _, y in pts) < 90))
    >>> min(y for _, y in under[0]) >= 90  # a line above the row: the arc that crosses nothing
    True
    """
    free = [(crossings(arc[0]), k, arc) for k, arc in enumerate(arc_candidates(a, b)) if not blocked(arc[0])]
    return min(free, key=lambda t: t[:2])[2] if free else None
