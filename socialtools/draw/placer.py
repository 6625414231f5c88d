"""Placing a label (or a line) where nothing is in its way: the candidates in order of preference,
the obstacles in one index (:class:`Obstacles`), and the first candidate nothing blocks.

Every kind places labels this way; only its candidates (along a tie, round a circle, in a
region) and its notion of "blocked" differ.

>>> from socialtools.draw.geometry import Box, Circle
>>> obstacles = Obstacles(circles=[Circle(0, 0, 10)], boxes=[Box(20, -5, 10, 10)])
>>> spots = [Box(x, -5, 10, 10) for x in (0, 15, 35, 50)]
>>> first_clear(spots, lambda b: obstacles.box_hits_circle(b, 2.0), lambda b: obstacles.box_hits_box(b, 2.0))
Box(x=35, y=-5, w=10, h=10)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

from socialtools.draw.geometry import Box, Point, box_hits_circle, segment_hits_box

T = TypeVar("T")


class Round(Protocol):
    """Anything round: a centre and a radius."""

    @property
    def cx(self) -> float: ...
    @property
    def cy(self) -> float: ...
    @property
    def r(self) -> float: ...


def first_clear(candidates: Iterable[T], *blocked: Callable[[T], bool]) -> T | None:
    """The first of ``candidates`` that none of the ``blocked`` tests refuses (None when all are refused).

    >>> first_clear([1, 2, 3, 4], lambda n: n % 2 == 1, lambda n: n < 3)
    4
    """
    for candidate in candidates:
        for test in blocked:
            if test(candidate):
                break
        else:
            return candidate
    return None


class Obstacles:
    """The one obstacle index of every layout: circles, line segments (each with the half width it
    is drawn with), convex polygons (arrowheads) and keyed boxes (symbols, labels) that a new
    label or line must keep clear of. Boxes are bucketed in a coarse grid and every query looks
    only at what lies near the box or segment it is given.

    >>> obstacles = Obstacles(segments=[((0, 0), (100, 0), 2.0)])
    >>> obstacles.add("label PK", Box(40, 10, 20, 10))  # a label placed joins the obstacles
    >>> [len(list(obstacles.segments_near(Box(40, 3, 20, 5), 2))), obstacles.box_hits_box(Box(45, 15, 5, 5))]
    [1, True]
    >>> [key for key, _ in obstacles.hit_by_segment((50, 0), (50, 30))]
    ['label PK']
    """

    def __init__(self, circles: Iterable[Round] = (), segments: Iterable[tuple[Point, Point, float]] = (),
                 boxes: Iterable[Box] = (), *, cell: float = 200.0) -> None:
        self.cell = cell
        self.circles = list(circles)
        self.segments: list[tuple[float, float, float, float, Point, Point, float]] = []
        self.polygons: list[tuple[float, float, float, float, list[Point]]] = []
        self.boxes: list[Box] = []
        self.cells: dict[tuple[int, int], list[tuple[str, Box]]] = {}
        for p, q, r in segments:
            self.add_segment(p, q, r)
        for box in boxes:
            self.add("", box)

    # -- what is added ---------------------------------------------------------------------

    def add(self, key: str, box: Box) -> None:
        """A box (a symbol, a label) that the queries name by ``key``."""
        self.boxes.append(box)
        for k in self._keys(box.x, box.y, box.right, box.bottom):
            self.cells.setdefault(k, []).append((key, box))

    def add_segment(self, p: Point, q: Point, r: float = 0.0) -> None:
        """A segment from ``p`` to ``q`` drawn ``r`` wide on each side."""
        self.segments.append((min(p[0], q[0]) - r, min(p[1], q[1]) - r, max(p[0], q[0]) + r,
                              max(p[1], q[1]) + r, p, q, r))

    def add_polygon(self, polygon: list[Point]) -> None:
        """A convex polygon (an arrowhead)."""
        xs, ys = [x for x, _ in polygon], [y for _, y in polygon]
        self.polygons.append((min(xs), min(ys), max(xs), max(ys), polygon))

    # -- what lies near ----------------------------------------------------------------------

    def _keys(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[int, int]]:
        c = self.cell
        return [(i, j) for i in range(int(x0 // c), int(x1 // c) + 1) for j in range(int(y0 // c), int(y1 // c) + 1)]

    def near(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[str, Box]]:
        """Every (key, box) in the grid cells touching the given rectangle (each once, in the order added
        within a cell)."""
        seen: set[int] = set()
        out = []
        for k in self._keys(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)):
            for item in self.cells.get(k, ()):
                if id(item) not in seen:
                    seen.add(id(item))
                    out.append(item)
        return out

    def segments_near(self, box: Box, reach: float) -> Iterator[tuple[Point, Point, float]]:
        """The segments (with their half widths) whose extent comes within ``reach`` of ``box``."""
        for x0, y0, x1, y1, p, q, r in self.segments:
            if x1 >= box.x - reach and x0 <= box.right + reach and y1 >= box.y - reach and y0 <= box.bottom + reach:
                yield p, q, r

    def polygons_near(self, extent: tuple[float, float, float, float], reach: float) -> Iterator[list[Point]]:
        """The polygons whose extent comes within ``reach`` of ``extent`` (x0, y0, x1, y1)."""
        ex0, ey0, ex1, ey1 = extent
        for x0, y0, x1, y1, polygon in self.polygons:
            if ex1 >= x0 - reach and ex0 <= x1 + reach and ey1 >= y0 - reach and ey0 <= y1 + reach:
                yield polygon

    # -- what is hit -------------------------------------------------------------------------

    def hit_by_segment(self, p: Point, q: Point) -> list[tuple[str, Box]]:
        """The boxes whose interior the segment ``p``–``q`` passes through, with their keys."""
        return [(k, b) for k, b in self.near(p[0], p[1], q[0], q[1]) if segment_hits_box(p, q, b)]

    def box_hits_circle(self, box: Box, pad: float = 0.0) -> bool:
        """True when ``box`` comes within ``pad`` of any circle."""
        x0, y0, x1, y1 = box.x - pad, box.y - pad, box.right + pad, box.bottom + pad
        return any(x0 - c.r < c.cx < x1 + c.r and y0 - c.r < c.cy < y1 + c.r  # near enough to look closer
                   and box_hits_circle(box, (c.cx, c.cy), c.r, pad) for c in self.circles)

    def box_hits_box(self, box: Box, margin: float = 0.0) -> bool:
        """True when ``box`` comes within ``margin`` of any box."""
        return any(box.overlaps(other, margin) for _, other in
                   self.near(box.x - margin, box.y - margin, box.right + margin, box.bottom + margin))
