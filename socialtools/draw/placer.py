"""Placing a label (or anything boxed) at the first clear spot: the candidates in order of
preference, the obstacles in an index, and the first candidate nothing blocks.

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

from socialtools.draw.geometry import Box, Point, box_hits_circle

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
    """Circles, line segments (each with its half width) and boxes that a new label must keep
    clear of, with quick queries that only look at those near a box.

    >>> obstacles = Obstacles(segments=[((0, 0), (100, 0), 2.0)])
    >>> obstacles.boxes.append(Box(40, 10, 20, 10))  # a label placed joins the obstacles
    >>> [len(list(obstacles.segments_near(Box(40, 3, 20, 5), 2))), obstacles.box_hits_box(Box(45, 15, 5, 5))]
    [1, True]
    """

    def __init__(self, circles: Iterable[Round] = (), segments: Iterable[tuple[Point, Point, float]] = (),
                 boxes: Iterable[Box] = ()) -> None:
        self.circles = list(circles)
        self.boxes = list(boxes)
        self.segments: list[tuple[float, float, float, float, Point, Point, float]] = []
        for p, q, r in segments:
            self.add_segment(p, q, r)

    def add_segment(self, p: Point, q: Point, r: float = 0.0) -> None:
        """A segment from ``p`` to ``q`` drawn ``r`` wide on each side."""
        self.segments.append((min(p[0], q[0]) - r, min(p[1], q[1]) - r, max(p[0], q[0]) + r,
                              max(p[1], q[1]) + r, p, q, r))

    def segments_near(self, box: Box, reach: float) -> Iterator[tuple[Point, Point, float]]:
        """The segments (with their half widths) whose extent comes within ``reach`` of ``box``."""
        for x0, y0, x1, y1, p, q, r in self.segments:
            if x1 >= box.x - reach and x0 <= box.right + reach and y1 >= box.y - reach and y0 <= box.bottom + reach:
                yield p, q, r

    def box_hits_circle(self, box: Box, pad: float = 0.0) -> bool:
        """True when ``box`` comes within ``pad`` of any circle."""
        x0, y0, x1, y1 = box.x - pad, box.y - pad, box.right + pad, box.bottom + pad
        return any(x0 - c.r < c.cx < x1 + c.r and y0 - c.r < c.cy < y1 + c.r  # near enough to look closer
                   and box_hits_circle(box, (c.cx, c.cy), c.r, pad) for c in self.circles)

    def box_hits_box(self, box: Box, margin: float = 0.0) -> bool:
        """True when ``box`` comes within ``margin`` of any box."""
        return any(box.overlaps(other, margin) for other in self.boxes)
