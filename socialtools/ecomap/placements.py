"""What an ecomap layout is made of: the focal circle's household members, the systems, the tie
routes, the labels and the quality counts — plain coordinates that the layout computes, the routing
reads and the renderer draws.

>>> from socialtools.draw.geometry import Box, Circle
>>> label = Label(("Puskesmas",), 10.0, Box(-20, -6, 40, 12))
>>> place = SystemPlace("puskesmas", Circle(100.0, 0.0, 30.0), 0.0, 0, label)
>>> place.circle.center
(100.0, 0.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import pairwise

from socialtools.draw.geometry import Box, Circle, Label, Point, inside_convex, segment_circle_distance
from socialtools.draw.quality import Quality as BaseQuality
from socialtools.ecomap.model import Tie
from socialtools.genogram.symbols import BRACKET_GAP, brackets, outline

__all__ = ["EcomapLayout", "Label", "MemberPlace", "Quality", "SystemPlace", "TieRoute"]


@dataclass(frozen=True)
class MemberPlace:
    """A household member drawn as a small genogram symbol inside the focal circle.

    ``size`` is the outer size (the index person's second outline included); ``draw_size``
    is the size handed to :func:`socialtools.genogram.symbols.draw_person`.
    """

    id: str
    cx: float
    cy: float
    size: float
    shape: str
    deceased: bool
    index: bool
    label: Label
    draw_size: float
    bracketed: bool = False  # an adopted or foster child: the NSGC brackets round the symbol

    @property
    def circle(self) -> Circle:
        return Circle(self.cx, self.cy, self.size / 2)

    @property
    def hull(self) -> Circle:
        """A circle around the whole symbol (a square's corners included, and an adopted or foster
        child's brackets)."""
        if self.bracketed:
            return Circle(self.cx, self.cy, (self.size / 2 + BRACKET_GAP) * math.sqrt(2))
        return Circle(self.cx, self.cy, self._size / 2 * (1.0 if self._round else math.sqrt(2)))

    def _brackets(self) -> list[tuple[Point, Point]]:
        if not self.bracketed:
            return []
        return [(a, b) for bar in brackets(self.cx, self.cy, self.size) for a, b in pairwise(bar)]

    @property
    def _round(self) -> bool:
        return self.shape in ("circle", "dot") and not self.deceased

    @property
    def _size(self) -> float:
        # a deceased person's cross reaches past the symbol: ties end on the square around it
        return max(self.size, self.draw_size + 6) if self.deceased else self.size

    def _polygon(self) -> list[Point]:
        shape = "square" if self.shape == "cross" or self.deceased else self.shape
        return outline(shape, self.cx, self.cy, self._size)

    def _ray_meets(self, ux: float, uy: float, a: Point, b: Point) -> float | None:
        """How far along the unit ray from the centre the segment ``a``–``b`` is met (``None``: not met)."""
        ex, ey = b[0] - a[0], b[1] - a[1]
        den = ux * ey - uy * ex
        if abs(den) < 1e-12:
            return None
        wx, wy = a[0] - self.cx, a[1] - self.cy  # centre + t*u = a + s*e
        s = (wx * uy - wy * ux) / den
        return (wx * ey - wy * ex) / den if -1e-9 <= s <= 1 + 1e-9 else None

    def edge(self, toward: Point) -> Point:
        """Where a line from the centre toward ``toward`` leaves the symbol's outline (or, for an adopted
        or foster child, the bracket it meets on the way out)."""
        dx, dy = toward[0] - self.cx, toward[1] - self.cy
        d = math.hypot(dx, dy) or 1.0
        ux, uy = dx / d, dy / d
        for a, b in self._brackets():
            tt = self._ray_meets(ux, uy, a, b)
            if tt is not None and tt > 0:
                return (self.cx + ux * tt, self.cy + uy * tt)
        if self._round:
            t = self._size / 2
        else:  # the ray leaves the convex outline where it meets its farthest edge crossing
            t = 0.0
            poly = self._polygon()
            for a, b in zip(poly, poly[1:] + poly[:1], strict=True):
                tt = self._ray_meets(ux, uy, a, b)
                if tt is not None and tt > t:
                    t = tt
        return (self.cx + ux * t, self.cy + uy * t)

    def outline_at(self, angle: float) -> Point:
        """Where the ray from the centre at ``angle`` (radians) leaves the symbol's outline."""
        return self.edge((self.cx + math.cos(angle), self.cy + math.sin(angle)))

    def meets_first(self, start: Point, end: Point) -> bool:
        """True when a straight line from ``start`` to ``end`` (a point of the outline) reaches the symbol
        first at ``end``: it does not cross the symbol (or an adopted child's brackets) on its way.

        >>> m = MemberPlace("A", 0.0, 0.0, 20.0, "circle", False, False, None, 20.0)  # type: ignore[arg-type]
        >>> m.meets_first((30.0, 0.0), m.outline_at(0.0)), m.meets_first((30.0, 0.0), m.outline_at(math.pi))
        (True, False)
        """
        d = math.dist(start, end)
        if d < 1e-9:
            return True
        half = self._size / 2 + (BRACKET_GAP if self.bracketed else 0.0)
        shrink = (half - 0.3) / half
        poly = [((x - self.cx) * shrink, (y - self.cy) * shrink) for x, y in self._polygon()]
        n = max(4, math.ceil(d / 2))
        for i in range(n):
            t = i / n * (1 - 1.0 / d)  # up to a unit short of the end
            x, y = start[0] + (end[0] - start[0]) * t - self.cx, start[1] + (end[1] - start[1]) * t - self.cy
            if self.bracketed:
                inside = max(abs(x), abs(y)) < half - 0.3
            elif self._round:
                inside = math.hypot(x, y) < half - 0.3
            else:
                inside = inside_convex((x, y), poly)
            if inside:
                return False
        return True

    def on_outline(self, p: Point, tol: float = 0.6) -> bool:
        """True when ``p`` lies on the symbol's outline (or on an adopted or foster child's bracket)."""
        if any(segment_circle_distance(a, b, p) <= tol for a, b in self._brackets()):
            return True
        if self._round:
            return abs(math.dist(p, (self.cx, self.cy)) - self._size / 2) <= tol
        poly = self._polygon()
        return min(segment_circle_distance(a, b, p) for a, b in zip(poly, poly[1:] + poly[:1], strict=True)) <= tol


@dataclass(frozen=True)
class SystemPlace:
    """A system circle, its angle (radians, 0 = right, clockwise on screen) and its label."""

    id: str
    circle: Circle
    angle: float
    ring: int
    label: Label
    symbol: Circle | None = None  # a family member's genogram symbol above the label


@dataclass(frozen=True)
class TieRoute:
    """A tie drawn from the ``system`` end (first point) to the target end (last point)."""

    tie: Tie
    points: tuple[Point, ...]
    label: Label | None
    bent: bool

    @property
    def key(self) -> tuple[str, str]:
        return self.tie.key


@dataclass
class Quality(BaseQuality):
    """Defect counts of an ecomap layout; every one of them is 0 for a good picture."""

    DEFECTS = ("circle_overlaps", "label_overlaps", "label_on_line", "label_on_circle", "ties_through_circles",
               "unplaced_labels", "member_ties_off_member", "ties_through_arrows", "arrow_overlaps")
    MAX_EXAMPLES = 10

    circle_overlaps: int = 0
    label_overlaps: int = 0
    label_on_line: int = 0
    label_on_circle: int = 0
    ties_through_circles: int = 0
    unplaced_labels: int = 0
    member_ties_off_member: int = 0
    ties_through_arrows: int = 0
    arrow_overlaps: int = 0


@dataclass
class EcomapLayout:
    """Everything the renderer needs, in user units around the focal centre (0, 0)."""

    focal: Circle
    focal_label: Label | None
    members: list[MemberPlace]
    family_lines: list[tuple[Point, ...]]
    systems: list[SystemPlace]
    ties: list[TieRoute]
    radius: float
    bounds: Box
    quality: Quality
    spread: float = 0.0  # the room added between household members (more ties between them)
    shape: tuple[float, ...] | None = None  # a narrow layout's upright ellipse: height over width, turn, outer step
    #: the kind of each of :attr:`family_lines`: "union-" and the union's kind ("union-divorced": drawn as
    #: the genogram draws that union line), "mark" (a union's slash, the bar between identical twins'
    #: lines), or the relation of the child the line leads to ("biological", "adopted", "foster", ...:
    #: drawn as the genogram draws that child line); solid when empty
    family_kinds: list[str] = field(default_factory=list)

    def system(self, sid: str) -> SystemPlace:
        return next(s for s in self.systems if s.id == sid)

    def member(self, pid: str) -> MemberPlace:
        return next(m for m in self.members if m.id == pid)
