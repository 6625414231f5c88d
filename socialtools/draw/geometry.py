"""Plain geometry shared by the layouts and their quality measures.

>>> Box(0, 0, 10, 10).overlaps(Box(5, 5, 10, 10))
True
>>> segment_hits_box((-5, 5), (15, 5), Box(0, 0, 10, 10))
True

The index of what a layout must keep clear of is :class:`socialtools.draw.placer.Obstacles`.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: top-left corner ``(x, y)``, width ``w``, height ``h``.

    >>> box = Box(0, 0, 40, 10)
    >>> box.right, box.center, box.grown(2)
    (40, (20.0, 5.0), Box(x=-2, y=-2, w=44, h=14))
    """

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> Point:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def overlaps(self, other: Box, margin: float = 0.0) -> bool:
        """True when the two boxes share interior area (touching edges do not count)."""
        return (
            self.x < other.right + margin - 1e-9
            and other.x < self.right + margin - 1e-9
            and self.y < other.bottom + margin - 1e-9
            and other.y < self.bottom + margin - 1e-9
        )

    def contains(self, p: Point, margin: float = 0.0) -> bool:
        return (
            self.x - margin <= p[0] <= self.right + margin
            and self.y - margin <= p[1] <= self.bottom + margin
        )

    def grown(self, d: float) -> Box:
        return Box(self.x - d, self.y - d, self.w + 2 * d, self.h + 2 * d)

    def union(self, other: Box) -> Box:
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Box(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)


@dataclass(frozen=True)
class Circle:
    """A circle at ``(cx, cy)`` with radius ``r``.

    >>> Circle(10, 20, 5).center
    (10, 20)
    """

    cx: float
    cy: float
    r: float

    @property
    def center(self) -> Point:
        return (self.cx, self.cy)


@dataclass(frozen=True)
class Label:
    """Lines of text at one ``size``, centred in ``box`` (one line every ``size * LINE_HEIGHT``).

    Every kind's labels are these, some with more fields (the set a Venn label names, its leader line).

    >>> Label(("Puskesmas",), 10.0, Box(-20, -6, 40, 12)).box.center
    (0.0, 0.0)
    """

    lines: tuple[str, ...]
    size: float
    box: Box


def bounding_box(boxes: list[Box]) -> Box:
    """The smallest box around ``boxes`` (a zero box for none)."""
    if not boxes:
        return Box(0, 0, 0, 0)
    x0 = min(b.x for b in boxes)
    y0 = min(b.y for b in boxes)
    x1 = max(b.right for b in boxes)
    y1 = max(b.bottom for b in boxes)
    return Box(x0, y0, x1 - x0, y1 - y0)


def segment_hits_box(p: Point, q: Point, box: Box, shrink: float = 0.5) -> bool:
    """True when segment ``p``–``q`` passes through the interior of ``box``.

    The box is shrunk by ``shrink`` so that a line running along an edge or ending on
    it does not count (Liang–Barsky clipping).
    """
    x0, y0, x1, y1 = box.x + shrink, box.y + shrink, box.right - shrink, box.bottom - shrink
    if x0 >= x1 or y0 >= y1:
        return False
    return segment_hits_rect(p, q, (x0, y0, x1, y1))


def segment_hits_rect(p: Point, q: Point, rect: tuple[float, float, float, float]) -> bool:
    """True when segment ``p``–``q`` passes through the open rectangle ``(x0, y0, x1, y1)``
    (Liang–Barsky clipping; a plain tuple, for callers that keep many rectangles in arrays).

    >>> segment_hits_rect((0, 5), (20, 5), (5, 0, 10, 10)), segment_hits_rect((0, 15), (20, 15), (5, 0, 10, 10))
    (True, False)
    """
    x0, y0, x1, y1 = rect
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    for pk, qk in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if pk == 0:
            if qk < 0:
                return False
            continue
        t = qk / pk
        if pk < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return t1 - t0 > 1e-9


def segment_circle_distance(p: Point, q: Point, c: Point) -> float:
    """Shortest distance from point ``c`` to segment ``p``–``q``."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.dist(p, c)
    t = max(0.0, min(1.0, ((c[0] - p[0]) * dx + (c[1] - p[1]) * dy) / length2))
    return math.dist((p[0] + t * dx, p[1] + t * dy), c)


def box_circle_distance(box: Box, c: Point) -> float:
    """Distance from ``c`` to the nearest point of ``box`` (0 when ``c`` is inside)."""
    dx = max(box.x - c[0], 0.0, c[0] - box.right)
    dy = max(box.y - c[1], 0.0, c[1] - box.bottom)
    return math.hypot(dx, dy)


def box_hits_circle(box: Box, c: Point, r: float, margin: float = 0.0) -> bool:
    """True when ``box`` reaches into the disc of radius ``r`` around ``c`` (plus ``margin``)."""
    return box_circle_distance(box, c) < r + margin


def box_inside_circle(box: Box, c: Point, r: float, margin: float = 0.0) -> bool:
    """True when every corner of ``box`` lies at least ``margin`` inside the circle."""
    return all(math.dist(p, c) <= r - margin for p in
               ((box.x, box.y), (box.right, box.y), (box.x, box.bottom), (box.right, box.bottom)))


def segment_hits_circle(p: Point, q: Point, c: Point, r: float) -> bool:
    """True when segment ``p``–``q`` enters the open disc of radius ``r`` around ``c``."""
    return segment_circle_distance(p, q, c) < r - 1e-6


def segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """True for a proper crossing of segments ``a``–``b`` and ``c``–``d`` (not at end points)."""

    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2 = orient(c, d, a), orient(c, d, b)
    d3, d4 = orient(a, b, c), orient(a, b, d)
    eps = 1e-9
    return ((d1 > eps and d2 < -eps) or (d1 < -eps and d2 > eps)) and (
        (d3 > eps and d4 < -eps) or (d3 < -eps and d4 > eps)
    )


def segment_distance(a: Point, b: Point, c: Point, d: Point) -> float:
    """Shortest distance between segments ``a``–``b`` and ``c``–``d`` (0 when they cross).

    >>> segment_distance((0, 0), (10, 0), (5, 3), (5, 8))
    3.0
    >>> segment_distance((0, 0), (10, 0), (5, -3), (5, 8))
    0.0
    """
    if segments_cross(a, b, c, d):
        return 0.0
    return min(
        segment_circle_distance(a, b, c),
        segment_circle_distance(a, b, d),
        segment_circle_distance(c, d, a),
        segment_circle_distance(c, d, b),
    )


def inside_convex(p: Point, polygon: list[Point]) -> bool:
    """True when ``p`` lies inside (or on) the convex ``polygon`` (either winding).

    >>> inside_convex((1, 1), [(0, 0), (4, 0), (0, 4)]), inside_convex((3, 3), [(0, 0), (4, 0), (0, 4)])
    (True, False)
    """
    signs = set()
    for (ax, ay), (bx, by) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        cross = (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax)
        if abs(cross) > 1e-9:
            signs.add(cross > 0)
    return len(signs) <= 1


def segment_polygon_distance(p: Point, q: Point, polygon: list[Point]) -> float:
    """Shortest distance from segment ``p``–``q`` to a convex ``polygon`` (0 when it enters it).

    >>> segment_polygon_distance((-5, 1), (10, 1), [(0, 0), (4, 0), (0, 4)])
    0.0
    >>> segment_polygon_distance((6, 0), (6, 9), [(0, 0), (4, 0), (0, 4)])
    2.0
    """
    if inside_convex(p, polygon) or inside_convex(q, polygon):
        return 0.0
    return min(segment_distance(p, q, a, b) for a, b in zip(polygon, polygon[1:] + polygon[:1], strict=True))


def polygons_apart(a: list[Point], b: list[Point]) -> float:
    """Shortest distance between two convex polygons (0 when they touch or overlap).

    >>> polygons_apart([(0, 0), (2, 0), (0, 2)], [(5, 0), (7, 0), (5, 2)])
    3.0
    >>> polygons_apart([(0, 0), (9, 0), (0, 9)], [(1, 1), (2, 1), (1, 2)])
    0.0
    """
    if any(inside_convex(p, a) for p in b):
        return 0.0
    return min(segment_polygon_distance(p, q, b) for p, q in zip(a, a[1:] + a[:1], strict=True))


def box_polygon_distance(box: Box, polygon: list[Point]) -> float:
    """Shortest distance from ``box`` to the region of a rectilinear ``polygon`` (0 when they share
    area: the box inside it, or an edge through the box).

    >>> ring = [(0, 0), (30, 0), (30, 20), (0, 20)]
    >>> box_polygon_distance(Box(5, 24, 10, 5), ring), box_polygon_distance(Box(5, 5, 4, 4), ring)
    (4.0, 0.0)
    """
    cx, cy = box.center
    inside = False
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (y0 > cy) != (y1 > cy) and cx < x0 + (cy - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    if inside:
        return 0.0
    best = math.inf
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        dx = max(0.0, min(x0, x1) - box.right, box.x - max(x0, x1))
        dy = max(0.0, min(y0, y1) - box.bottom, box.y - max(y0, y1))
        best = min(best, math.hypot(dx, dy))
    return best


def polyline_segments(points: list[Point]) -> list[tuple[Point, Point]]:
    """Consecutive point pairs of a polyline."""
    return list(itertools.pairwise(points))


def outline_of_boxes(boxes: list[Box]) -> list[list[Point]]:
    """Outline polygons (clockwise on screen) of the union of axis-aligned boxes.

    >>> outline_of_boxes([Box(0, 0, 10, 10), Box(10, 0, 10, 10)])
    [[(0, 0), (20, 0), (20, 10), (0, 10)]]
    """
    xs = sorted({v for b in boxes for v in (b.x, b.right)})
    ys = sorted({v for b in boxes for v in (b.y, b.bottom)})
    xi = {v: i for i, v in enumerate(xs)}
    yi = {v: i for i, v in enumerate(ys)}
    covered: set[tuple[int, int]] = set()
    for b in boxes:
        for i in range(xi[b.x], xi[b.right]):
            for j in range(yi[b.y], yi[b.bottom]):
                covered.add((i, j))
    edges: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in sorted(covered):
        if (i, j - 1) not in covered:
            edges[(i, j)].append((i + 1, j))
        if (i + 1, j) not in covered:
            edges[(i + 1, j)].append((i + 1, j + 1))
        if (i, j + 1) not in covered:
            edges[(i + 1, j + 1)].append((i, j + 1))
        if (i - 1, j) not in covered:
            edges[(i, j + 1)].append((i, j))
    polygons: list[list[Point]] = []
    while edges:
        start = min(edges)
        loop = [start]
        cur = start
        while True:
            nxt = edges[cur].pop(0)
            if not edges[cur]:
                del edges[cur]
            if nxt == start:
                break
            loop.append(nxt)
            cur = nxt
        pts = [(xs[i], ys[j]) for i, j in loop]
        simplified = [p for k, p in enumerate(pts)
                      if not (pts[k - 1][0] == p[0] == pts[(k + 1) % len(pts)][0]
                              or pts[k - 1][1] == p[1] == pts[(k + 1) % len(pts)][1])]
        polygons.append(simplified)
    return polygons
