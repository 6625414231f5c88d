"""Routes of ecomap ties, in plain coordinates: straight where they can be, else bent.

No tie passes through a circle or symbol it does not connect or through another tie's
arrowhead, and no arrowhead touches another arrowhead or a symbol it does not point at.
Ties are routed in this order:

1. ties to the whole focal circle run straight along their system's spoke;
2. a tie to one household member runs straight to its symbol when that is clear; else it
   bends once on a *lane*, a ring inside the focal circle just outside the household; else
   it comes in along its own spoke, follows a lane round the household and turns in to
   the member; else it turns once more beside the household (past a corner of the focal
   label, round a neighbour, round its member), never turning back on its way in. Lanes
   are shared out so that no two ties run along the same stretch; when they run out,
   :attr:`Router.short` tells the layout to make the focal circle larger;
3. a tie between two systems runs straight, else bends once round the circles in the
   way, else goes round the outside of the whole picture.

>>> from socialtools.ecomap.model import Tie
>>> tie = Tie(system="a", strength="strong", level=2, flow="to_focal")
>>> head = arrowheads(tie, [(0.0, 0.0), (100.0, 0.0)])[0]
>>> head[0], round(head_size(tie), 2)
((100.0, 0.0), 13.98)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from socialtools.draw.geometry import (
    Box,
    Circle,
    Point,
    polygons_apart,
    segment_circle_distance,
    segment_distance,
    segment_hits_box,
    segment_polygon_distance,
    segments_cross,
)
from socialtools.draw.lines import arrowhead, unit
from socialtools.draw.placer import Obstacles
from socialtools.ecomap.model import FOCAL, Tie
from socialtools.ecomap.placements import Label, MemberPlace, SystemPlace

CLEAR = 6.0  # a tie keeps this far from circles and symbols it does not connect
BETWEEN_CLEAR = 14.0  # a tie between two systems keeps this far from every other circle
BEND_CLEAR = 40.0  # and its bend this far: no bend reads as a third system joining the tie
END_CLEAR = 24.0  # a tie between two systems keeps this far from the ends of the other ties
HUG = END_CLEAR + 2.0  # a tie between two systems round the focal circle runs this far outside it, or further
#: and each tie it crosses (a spoke to the focal circle, crossed square) costs as much as this much length
HUG_CROSSING = 40.0
CROSSING = 200.0  # a route between two systems crossing another tie costs as much as this much length
LANE = 6.0  # between neighbouring lanes inside the focal circle
LANE_EDGE = 8.0  # the outermost lane keeps this far inside the focal circle
LANE_HOUSE = 4.0  # the innermost lane keeps this far outside the household
PLAIN_END = 14.0  # the stretch at each end of a tie drawn as a plain line
HEAD_GAP = 1.5  # arrowheads keep this far from each other and from symbols
RAIL_WIDTH = 2.5  # the two rails beside a changed tie (before/after comparison)
STEP = math.radians(6)  # angles tried for a bend on a lane
MAX_LANES = 8
TRIES = 160  # bent routes tried per tie, cheapest first, before it counts as short of room
CHOICES = 12  # of the clear bent routes to a member, the first this many are compared
CROSSING_INSIDE = 40.0  # a route to a member crossing another tie costs as much as this much length
#: a route to a member crossing a family line of the household (a union line, a sibship bar, a child's
#: line) costs as much as this much length: it takes a way round when there is one
FAMILY_CROSSING = 300.0
TURN = 20.0  # and each radian of its turns as much as this much length
ALONG = 3.0  # a tie to a member keeps this far off a family line in the household ...
ALONG_LENGTH = 6.0  # ... over any stretch longer than this
#: two ties to one member end this far apart on its outline, beyond their half widths (issue 13 F2: three
#: or four ties from systems on one side met at one point and ran as one line into the symbol) ...
END_APART = 4.0
END_STEP = math.radians(4)  # ... an end moves along the outline by steps of this angle from where it points
END_TURNS = 20  # ... up to this many steps either way
NEAR_END = 24.0  # and within this far of the member's outline the two keep their widths and a unit apart


def tie_width(tie: Tie) -> float:
    """Stroke width of a tie: thicker as a strong tie's level rises.

    >>> [tie_width(Tie(system="a", strength="strong", level=k)) for k in (1, 2, 3)]
    [3.0, 4.6, 6.2]
    """
    if tie.strength == "strong":
        return {1: 3.0, 2: 4.6, 3: 6.2}[tie.level]
    return 1.6


def rail_offset(tie: Tie) -> float:
    """How far from a changed tie's centre line the two rails that mark the change run: beside a
    plain line, within the room the layout keeps clear round every tie (:func:`end_reach`); beside
    the zigzag, hatching or barrier of a marked tie, just outside them.

    >>> rail_offset(Tie(system="a")), round(rail_offset(Tie(system="a", quality="stressful")), 2)
    (4.05, 8.05)
    """
    plain, marks = end_reach(tie), tie_reach(tie)
    return plain - RAIL_WIDTH / 2 if marks <= plain else marks + 1.0 + RAIL_WIDTH / 2


def tie_reach(tie: Tie) -> float:
    """How far the drawing of a tie reaches sideways from its centre line.

    Zigzags, stress hatching, barrier marks and the rails of a changed tie are wider
    than the line itself; labels and arrowheads keep clear of all of them.
    """
    width = tie_width(tie)
    reach = end_reach(tie)  # the rails of a plain changed tie
    if tie.has("conflictual"):
        reach = max(reach, 3.5 + width / 2 + max(2.0, width) / 2)
    if tie.has("stressful"):
        reach = max(reach, stress_bar(tie) / 2 * 0.87 + 0.75)
    if tie.has("broken"):
        reach = max(reach, (14 + width) / 2 * 0.87 + 0.9)
    return reach


def stress_bar(tie: Tie) -> float:
    """Length of the hatch marks across a stressful tie (longer across a zigzag, so they show)."""
    return 10 + tie_width(tie) + (8 if tie.has("conflictual") else 0)


def end_reach(tie: Tie) -> float:
    """How far a tie reaches sideways near its ends, where it is a plain line (the rails of a
    changed tie included)."""
    return (tie_width(tie) + 9) / 2


def reach_pieces(tie: Tie, points: list[Point] | tuple[Point, ...]) -> list[tuple[Point, Point, float]]:
    """The segments of a tie with how far its drawing reaches from each.

    Zigzags, stress hatching and barrier marks keep :data:`PLAIN_END` away from the ends,
    so the first and last stretch of a tie reach only as far as its line.

    >>> tie = Tie(system="a", quality="stressful")
    >>> [(p, q, round(r, 1)) for p, q, r in reach_pieces(tie, [(0.0, 0.0), (100.0, 0.0)])]
    [((0.0, 0.0), (14.0, 0.0), 5.3), ((14.0, 0.0), (86.0, 0.0), 5.8), ((86.0, 0.0), (100.0, 0.0), 5.3)]
    """
    full, plain = tie_reach(tie), end_reach(tie)
    total = length(list(points))
    if total <= 2 * PLAIN_END or full <= plain:
        return [(p, q, max(full, plain)) for p, q in pairwise(points)]
    cuts = (PLAIN_END, total - PLAIN_END)
    pieces = []
    run = 0.0
    for p, q in pairwise(points):
        d = math.dist(p, q)
        if d == 0:
            continue
        marks = [0.0, *(c - run for c in cuts if run < c < run + d), d]
        for t0, t1 in pairwise(marks):
            a = (p[0] + (q[0] - p[0]) * t0 / d, p[1] + (q[1] - p[1]) * t0 / d)
            b = (p[0] + (q[0] - p[0]) * t1 / d, p[1] + (q[1] - p[1]) * t1 / d)
            middle = PLAIN_END - 1e-6 <= run + (t0 + t1) / 2 <= total - PLAIN_END + 1e-6
            pieces.append((a, b, full if middle else plain))
        run += d
    return pieces


def end_room(tie: Tie) -> float:
    """Room a tie's end needs along the outline it ends on, beside its neighbours."""
    head = 0.9 * head_size(tie) if tie.flow in ("to_focal", "both") else 0.0
    return max(head, 2 * end_reach(tie)) + 2 * HEAD_GAP


def head_size(tie: Tie) -> float:
    """Length of a tie's arrowheads (wider lines get larger heads)."""
    return 8.0 + tie_width(tie) * 1.3


def arrowheads(tie: Tie, points: list[Point] | tuple[Point, ...], size: float | None = None) -> list[list[Point]]:
    """The arrowhead triangles of a tie drawn along ``points`` (system end first)."""
    size = size or head_size(tie)
    heads = []
    if tie.flow in ("to_focal", "both"):
        heads.append(arrowhead(points[-1], points[-2], size))
    if tie.flow in ("from_focal", "both"):
        heads.append(arrowhead(points[0], points[1], size))
    return heads


def edge(c: Circle, toward: Point) -> Point:
    """Where a line from the centre of ``c`` toward ``toward`` leaves the circle."""
    ux, uy = unit(c.center, toward)
    return (c.cx + ux * c.r, c.cy + uy * c.r)


def _side(c: Circle, turn: float) -> Point:
    """The point of ``c`` that faces the origin, turned by ``turn`` radians round its centre."""
    a = math.atan2(-c.cy, -c.cx) + turn
    return (c.cx + c.r * math.cos(a), c.cy + c.r * math.sin(a))


def arc(radius: float, a0: float, sweep: float) -> list[Point]:
    """Points on a circle round the origin from angle ``a0`` through ``sweep`` radians."""
    steps = max(1, math.ceil(abs(sweep) / math.radians(8)))
    angles = [a0 + sweep * i / steps for i in range(steps + 1)]
    return [(radius * math.cos(a), radius * math.sin(a)) for a in angles]


def _turn(a0: float, a1: float) -> float:
    """The signed short turn from angle ``a0`` to ``a1``."""
    return (a1 - a0 + math.pi) % (2 * math.pi) - math.pi


def approaches(points: list[Point], target: Point) -> bool:
    """True when every point along ``points`` is nearer ``target`` than the one before: a tie to a
    member never turns back on its way in.

    >>> approaches([(0.0, 100.0), (0.0, 20.0), (10.0, 0.0)], (10.0, 0.0))
    True
    >>> approaches([(0.0, 100.0), (0.0, -20.0), (10.0, 0.0)], (10.0, 0.0))
    False
    """
    return all((q[0] - p[0]) * (q[0] - target[0]) + (q[1] - p[1]) * (q[1] - target[1]) <= 0.0
               for p, q in pairwise(points[:-1]))


def turning(points: list[Point]) -> float:
    """The sum of the turns along ``points``, in radians.

    >>> round(turning([(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)]), 4)
    1.5708
    """
    heading = [math.atan2(q[1] - p[1], q[0] - p[0]) for p, q in pairwise(points) if p != q]
    return sum(abs(_turn(a, b)) for a, b in pairwise(heading))


def length(points: list[Point]) -> float:
    return sum(math.dist(p, q) for p, q in pairwise(points))


def _within(p: Point, q: Point, c: Point, r: float) -> tuple[Point, Point] | None:
    """The part of segment ``p``–``q`` within ``r`` of ``c`` (``None``: no part).

    >>> _within((-20.0, 0.0), (20.0, 0.0), (0.0, 0.0), 5.0)
    ((-5.0, 0.0), (5.0, 0.0))
    """
    dx, dy = q[0] - p[0], q[1] - p[1]
    fx, fy = p[0] - c[0], p[1] - c[1]
    a = dx * dx + dy * dy
    if a < 1e-12:
        return (p, q) if math.hypot(fx, fy) <= r else None
    b = 2 * (fx * dx + fy * dy)
    disc = b * b - 4 * a * (fx * fx + fy * fy - r * r)
    if disc < 0:
        return None
    root = math.sqrt(disc)
    t0, t1 = max(0.0, (-b - root) / (2 * a)), min(1.0, (-b + root) / (2 * a))
    if t0 > t1:
        return None
    return ((p[0] + dx * t0, p[1] + dy * t0), (p[0] + dx * t1, p[1] + dy * t1))


Extent = tuple[float, float, float, float]  # x0, y0, x1, y1
#: a route to a member still to be checked: its cost, its lane (-1: none), its bend or the end of its
#: stretch along the lane, its end on the member, its sweep along the lane (None: it bends once there)
#: and the point beside the household where it turns once more (None: it does not)
_Plan = tuple[float, int, Point, Point, float | None, Point | None]
Keepouts = list[tuple[Point, float]]  # centres and radii a route keeps out of


def _extent(points: list[Point]) -> Extent:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _box(e: Extent) -> Box:
    return Box(e[0], e[1], e[2] - e[0], e[3] - e[1])


def _boxes_meet(a: Extent, b: Extent, pad: float) -> bool:
    return a[2] >= b[0] - pad and a[0] <= b[2] + pad and a[3] >= b[1] - pad and a[1] <= b[3] + pad


def _near(box: Extent, c: Point, r: float) -> bool:
    return _boxes_meet(box, (c[0], c[1], c[0], c[1]), r)


@dataclass(frozen=True)
class _Span:
    """A stretch of one lane: from angle ``start`` through ``sweep`` radians."""

    start: float
    sweep: float

    def meets(self, other: _Span, margin: float) -> bool:
        a0, a1 = sorted((self.start, self.start + self.sweep))
        b0, b1 = sorted((other.start, other.start + other.sweep))
        for shift in (-2 * math.pi, 0.0, 2 * math.pi):
            if a0 - margin <= b1 + shift and b0 + shift <= a1 + margin:
                return True
        return False


class Router:
    """Routes every tie of an ecomap round the circles, symbols and arrowheads in its way."""

    def __init__(
        self,
        focal: Circle,
        focal_label: Label | None,
        members: list[MemberPlace],
        family_lines: list[tuple[Point, ...]],
        systems: dict[str, SystemPlace],
        outer: float,
        r_max: float,
        aspect: float = 1.0,
        hug: bool = False,
    ) -> None:
        self.focal = focal
        #: whether a tie between two systems may run round the focal circle (:meth:`_hugging`); without
        #: it, a tie that finds no shorter way runs round the outside of the ring
        self.hug = hug
        self.focal_label = focal_label
        self.members = {m.id: m for m in members}
        self.family_lines = [seg for line in family_lines for seg in pairwise(line)]
        self.family_box = _extent([p for seg in self.family_lines for p in seg]) if self.family_lines else None
        self.systems = systems
        self.outer = outer
        self.r_max = r_max
        self.aspect = aspect  # the systems stand on an ellipse this many times as tall as wide
        self.circles: list[tuple[str, Circle]] = [(FOCAL, focal), *((sid, s.circle) for sid, s in systems.items())]
        reach = [math.hypot(m.cx, m.cy) + m.hull.r for m in members]
        if focal_label is not None and members:
            b = focal_label.box
            reach += [math.hypot(x, y) for x in (b.x, b.right) for y in (b.y, b.bottom)]
        house = max(reach, default=0.0) + LANE_HOUSE
        lanes = (focal.r - LANE_EDGE - k * LANE for k in range(MAX_LANES))
        self.lanes = [rho for rho in lanes if rho >= house]
        self._ends: dict[tuple[str, int, int, int, float], tuple[float, Point, Point, float]] = {}
        self.spans: list[list[_Span]] = [[] for _ in self.lanes]
        self.bends: list[tuple[int, float]] = []  # (lane, angle) of each one-bend route
        # what arrowheads keep clear of: the family lines, then the ties routed so far (segments
        # drawn as wide as they reach) and their arrowheads (polygons)
        self.drawn = Obstacles(segments=[(a, b, 1.0) for a, b in self.family_lines])
        self.short = 0  # ties to members that found no clear route
        self.paths: list[list[Point]] = []  # the routes kept so far
        self.bent_out = 0
        self.vias: list[Point] = []  # where routes turn beside the household (kept apart)
        # the ends kept on each member (with the half width of their tie) and the routes there (with
        # their half width)
        self.member_ends: dict[str, list[tuple[Point, float]]] = {}
        self.member_paths: dict[str, list[tuple[list[Point], float]]] = {}

    # -- the whole set ------------------------------------------------------------------

    def route_all(self, ties: list[Tie]) -> list[tuple[list[Point], bool]]:
        """A route (points from the system end, bent or not) for each of ``ties``."""
        routes: list[tuple[list[Point], bool] | None] = [None] * len(ties)
        to_focal = [i for i, t in enumerate(ties) if t.target == FOCAL]
        to_member = [i for i, t in enumerate(ties) if t.target in self.members]
        between = [i for i, t in enumerate(ties) if t.target != FOCAL and t.target not in self.members]
        for i in to_focal:
            c = self.systems[ties[i].system].circle
            routes[i] = self._keep(ties[i], [edge(c, self.focal.center), edge(self.focal, c.center)], False)
        crossing: list[tuple[int, list[Point] | None]] = []
        waiting: list[tuple[int, list[Point] | None]] = []
        for i in to_member:  # every straight tie first: bent ones go round them
            s, m = self.systems[ties[i].system], self.members[ties[i].target]
            start = edge(s.circle, (m.cx, m.cy))
            straight = [start, self._end_on(m, start, ties[i])]
            if not self._free(ties[i], straight):
                waiting.append((i, None))
            elif self._crossing_cost(*straight):  # across the family's own lines: a way round, if cheaper
                crossing.append((i, straight))
            else:
                routes[i] = self._keep(ties[i], straight, False)
        for i, straight in crossing + waiting:
            if straight is not None:  # its end again, apart from the ends kept since
                straight = [straight[0], self._end_on(self.members[ties[i].target], straight[0], ties[i])]
                straight = straight if self._free(ties[i], straight) else None
            routes[i] = self._to_member(ties[i], straight)
        for i in between:
            routes[i] = self._between(ties[i])
        return [r for r in routes if r is not None]

    def _keep(self, tie: Tie, points: list[Point], bent: bool) -> tuple[list[Point], bool]:
        self.paths.append(points)
        if tie.target in self.members:
            self.member_ends.setdefault(tie.target, []).append((points[-1], tie_width(tie) / 2))
            self.member_paths.setdefault(tie.target, []).append((points, tie_width(tie) / 2))
        for p, q, r in reach_pieces(tie, points):
            self.drawn.add_segment(p, q, r)
        for h in arrowheads(tie, points):
            self.drawn.add_polygon(h)
        return points, bent

    # -- what a route may not touch ----------------------------------------------------------

    def _obstacles(self, tie: Tie, clear: float = CLEAR) -> tuple[Keepouts, Keepouts]:
        """Keep-out circles ``tie`` must avoid: inside the focal circle and outside it (``clear``
        off the circles)."""
        ends = {tie.system, tie.target} | ({FOCAL} if tie.target in self.members else set())
        outside = [(c.center, c.r + clear) for n, c in self.circles if n not in ends]
        inside = [((m.cx, m.cy), m.hull.r + CLEAR) for n, m in self.members.items() if n != tie.target]
        return inside, outside

    def _free(self, tie: Tie, points: list[Point], clear: float = CLEAR, off_lines: bool = True) -> bool:
        """True when ``points`` pass clear of everything the tie does not connect (``clear`` off
        the circles; ``off_lines``: a route to a member also keeps off the household's family lines)."""
        inside, outside = self._obstacles(tie, clear)
        label = self.focal_label.box.grown(1.5) if tie.target in self.members and self.focal_label else None
        for p, q, reach in reach_pieces(tie, points):
            # system circles lie outside the focal circle: a piece within it cannot meet them
            within = math.hypot(*p) < self.focal.r and math.hypot(*q) < self.focal.r
            if not self._piece_free(p, q, reach, inside if within else inside + outside, label):
                return False
        if tie.target in self.members:  # a bent tie comes to its member only on its last stretch
            if off_lines and any(self._along_family_line(p, q) for p, q in pairwise(points)):
                return False
            m = self.members[tie.target]
            if any(segment_circle_distance(p, q, (m.cx, m.cy)) < m.hull.r + CLEAR for p, q in pairwise(points[:-1])):
                return False
            if not self._apart_at(m, tie, points):
                return False
        return all(self._head_free(h, inside + outside) for h in arrowheads(tie, points))

    def _end_on(self, m: MemberPlace, toward: Point, tie: Tie) -> Point:
        """Where a tie coming in from ``toward`` ends on member ``m``: where it points, or the nearest
        point of the outline (by steps of :data:`END_STEP` either way) that keeps :data:`END_APART`
        beyond both half widths off the ends of the ties kept there so far, and that the line from
        ``toward`` reaches without crossing the symbol."""
        natural = m.edge(toward)
        taken = self.member_ends.get(m.id)
        if not taken:
            return natural
        half = tie_width(tie) / 2

        def apart(p: Point) -> bool:
            return all(math.dist(p, q) >= half + h + END_APART for q, h in taken)

        if apart(natural):
            return natural
        a0 = math.atan2(toward[1] - m.cy, toward[0] - m.cx)
        for i in range(1, END_TURNS + 1):
            for sign in (1, -1):
                p = m.outline_at(a0 + sign * i * END_STEP)
                if apart(p) and m.meets_first(toward, p):
                    return p
        return natural

    def _apart_at(self, m: MemberPlace, tie: Tie, points: list[Point]) -> bool:
        """True when ``points``, within :data:`NEAR_END` of member ``m``'s outline, keep their half width,
        the other tie's and a unit off every tie kept to ``m`` so far: no two run as one into the symbol."""
        others = self.member_paths.get(m.id)
        if not others:
            return True
        reach = m.hull.r + NEAR_END
        half = tie_width(tie) / 2
        mine = [c for p, q in pairwise(points) if (c := _within(p, q, (m.cx, m.cy), reach)) is not None]
        for other, h in others:
            theirs = [c for p, q in pairwise(other) if (c := _within(p, q, (m.cx, m.cy), reach)) is not None]
            if any(segment_distance(a, b, c, d) < half + h + 1.0 for a, b in mine for c, d in theirs):
                return False
        return True

    def _along_family_line(self, p: Point, q: Point) -> bool:
        """True when ``p``–``q`` runs along a family line inside the household (a child's drop,
        a couple line) within :data:`ALONG` units for more than :data:`ALONG_LENGTH`: it would
        read as part of that line."""
        if self.family_box is None or not _boxes_meet(_extent([p, q]), self.family_box, ALONG):
            return False
        for a, b in self.family_lines:
            n = max(2, math.ceil(math.dist(a, b) / 2))
            near = [segment_circle_distance(p, q, (a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n))
                    < ALONG for i in range(n + 1)]
            if sum(near) * math.dist(a, b) / n > ALONG_LENGTH:
                return True
        return False

    def _piece_free(self, p: Point, q: Point, reach: float, circles: Keepouts, label: Box | None) -> bool:
        box = _extent([p, q])
        if any(_near(box, c, r) and segment_circle_distance(p, q, c) < r for c, r in circles):
            return False
        if label is not None and segment_hits_box(p, q, label.grown(max(0.0, reach - 1.5))):
            return False
        return not any(segment_polygon_distance(p, q, h) < reach + 1 for h in self.drawn.polygons_near(box, reach + 1))

    def _head_free(self, h: list[Point], circles: Keepouts) -> bool:
        hb = _extent(h)
        sides = list(pairwise(h + h[:1]))
        for c, r in circles:  # a head keeps 1 unit off symbols, not a whole CLEAR
            if _near(hb, c, r) and min(segment_circle_distance(a, b, c) for a, b in sides) < r - CLEAR + 1:
                return False
        if any(segment_polygon_distance(a, b, h) < r + 1 for a, b, r in self.drawn.segments_near(_box(hb), 1)):
            return False
        return not any(polygons_apart(h, o) < HEAD_GAP for o in self.drawn.polygons_near(hb, HEAD_GAP))

    # -- ties to one member --------------------------------------------------------------

    def _to_member(self, tie: Tie, straight: list[Point] | None = None) -> tuple[list[Point], bool]:
        """The cheapest clear bent route to a member: once on a lane, or in along a lane; of the first
        few clear ones, the one with the fewest crossings and gentlest turns that never turns back
        on its way in. When none of those is clear, a route that turns *beside* the household
        (:meth:`_via_candidates`: past a corner of the focal label or round a neighbour, into the
        member's side that faces it); only when there is none either, one that turns back. ``straight``:
        a clear straight route across the household's family lines, kept when no bent route costs less
        (each family line it crosses counts :data:`FAMILY_CROSSING` units of length)."""
        s, m = self.systems[tie.system], self.members[tie.target]
        shortest = head_size(tie) + 2 if tie.flow in ("to_focal", "both") else 6.0
        spoke = edge(s.circle, self.focal.center)
        candidates: list[_Plan] = []
        for k, rho in enumerate(self.lanes):
            margin = LANE / rho
            taken = self._taken(k)
            inward = math.dist(spoke, (rho * math.cos(s.angle), rho * math.sin(s.angle)))
            for j in range(round(2 * math.pi / STEP)):
                phi, w, end, last = self._lane_end(m, k, j, tie)
                if math.dist(w, end) < shortest:
                    continue
                if not any(_Span(phi, 0.0).meets(o, margin) for o in taken):
                    start = edge(s.circle, w)
                    cost = last + math.dist(start, w) + self._crossing_cost(start, w)
                    candidates.append((cost, k, w, end, None, None))
                turn = _turn(s.angle, phi)
                for sweep in (turn, turn - math.copysign(2 * math.pi, turn)):
                    if not any(_Span(s.angle, sweep).meets(o, margin) for o in taken):
                        # the lanes lie outside the household: only the ends can cross its lines
                        candidates.append((last + inward + abs(sweep) * rho + 10, k, w, end, sweep, None))
        candidates.sort(key=lambda c: c[0])
        # a route that never turns back and keeps off the household's family lines first; then one that
        # runs along a family line rather than one that turns back (review-4 D8: a tie that hooks back
        # into its member reads as a knot); then one that turns beside the household, which never
        # turns back; a route that turns back only where no other is clear (hard rules made crowded
        # households grow without end: 35 systems took 30 s, with defects)
        beside: list[_Plan] | None = None
        for off_lines, ahead, via in ((True, True, False), (False, True, False), (True, True, True),
                                      (False, True, True), (True, False, False), (False, False, False)):
            if straight is not None and not (off_lines and ahead):
                continue  # the straight route rather than one along a family line or one that turns back
            if via and beside is None:
                beside = self._via_candidates(tie, shortest)
            clear = self._clear_routes(tie, beside if via and beside is not None else candidates, ahead, off_lines)
            if clear:
                cost, _, points, k, sweep, inner = min(clear, key=lambda c: c[:2])
                if straight is not None and cost >= self._straight_cost(straight):
                    break
                if inner is not None:
                    self.vias += [inner, points[1]] if k == -2 else [inner]
                if k < 0:
                    pass  # straight from the system to the turn beside the household: no lane taken
                elif sweep is None:
                    self.bends.append((k, math.atan2(points[1][1], points[1][0])))
                else:
                    self.spans[k].append(_Span(s.angle, sweep))
                return self._keep(tie, points, True)
        if straight is not None:
            return self._keep(tie, straight, False)
        self.short += 1
        return self._keep(tie, [edge(s.circle, (m.cx, m.cy)), m.edge(s.circle.center)], False)

    def _straight_cost(self, points: list[Point]) -> float:
        """The cost of a straight route to a member, to weigh against bent ones (:meth:`_clear_routes`)."""
        return length(points) + self._crossing_cost(*points) + CROSSING_INSIDE * self._crossings(points)

    def _taken(self, k: int) -> list[_Span]:
        """The stretches of lane ``k`` and the bends on it that earlier routes took."""
        return self.spans[k] + [_Span(a, 0.0) for lane, a in self.bends if lane == k]

    def _via_candidates(self, tie: Tie, shortest: float) -> list[_Plan]:
        """Routes that turn once more, beside the household, before they come in to the member: past
        a corner of the focal label or round a neighbouring member (review-4 D8: the label or a
        neighbour stands on the member's side that faces the system). Each comes straight from its
        system, or bends on a lane or follows one first, or passes the label or a neighbour before it
        turns round the member; only routes that never turn back are kept, cheapest (shortest) first."""
        s, m = self.systems[tie.system], self.members[tie.target]
        target = (m.cx, m.cy)
        reach = end_reach(tie)
        inner = self.lanes[-1] if self.lanes else self.focal.r - LANE_EDGE

        def usable(points: list[Point]) -> list[Point]:
            return [v for v in points if math.hypot(*v) < inner and all(math.dist(v, u) >= 2 * LANE for u in self.vias)]

        def around(other: MemberPlace, gap: float) -> list[Point]:
            r = other.hull.r + CLEAR + reach + gap
            return [(other.cx + r * math.cos(a * math.pi / 12), other.cy + r * math.sin(a * math.pi / 12))
                    for a in range(24)]

        # round each member, the target's own sides included, and past the corners of the label
        own = usable(around(m, 3.0) + around(m, 10.0))
        passing: list[Point] = []
        if self.focal_label is not None:
            b = self.focal_label.box.grown(reach + 3)
            passing = [(b.x, b.y), (b.right, b.y), (b.x, b.bottom), (b.right, b.bottom)]
        passing = usable(passing + [v for o in self.members.values() if o.id != m.id for v in around(o, 3.0)])
        turns = own + passing
        spoke = edge(s.circle, self.focal.center)
        plans: list[_Plan] = []
        for v in turns:
            end = self._end_on(m, v, tie)
            if math.dist(v, end) < shortest:
                continue
            last = math.dist(v, end) + self._crossing_cost(v, end)
            start = edge(s.circle, v)
            if approaches([start, v, end], target):
                plans.append((last + math.dist(start, v) + self._crossing_cost(start, v), -1, v, end, None, v))
            for k, rho in enumerate(self.lanes[:3] if v in own else []):
                margin = LANE / rho
                taken = self._taken(k)
                for j in range(round(2 * math.pi / STEP)):
                    phi = j * STEP
                    w = (rho * math.cos(phi), rho * math.sin(phi))
                    if not approaches([w, v, end], target):
                        continue
                    start = edge(s.circle, w)
                    if not any(_Span(phi, 0.0).meets(o, margin) for o in taken) and approaches([start, w, v], target):
                        cost = math.dist(start, w) + math.dist(w, v) + last + self._crossing_cost(w, v) + 3 * k
                        plans.append((cost, k, w, end, None, v))
                    sweep = _turn(s.angle, phi)
                    if not any(_Span(s.angle, sweep).meets(o, margin) for o in taken):
                        inward = math.dist(spoke, (rho * math.cos(s.angle), rho * math.sin(s.angle)))
                        cost = inward + abs(sweep) * rho + 10 + math.dist(w, v) + last + self._crossing_cost(w, v)
                        cost += 3 * k
                        plans.append((cost, k, w, end, sweep, v))
        for v1 in passing:  # past a corner of the label or round a neighbour, then round the member
            start = edge(s.circle, v1)
            first = math.dist(start, v1) + self._crossing_cost(start, v1)
            for v in own:
                end = self._end_on(m, v, tie)
                if math.dist(v, end) < shortest or math.dist(v, v1) < 2 * LANE:
                    continue
                if approaches([start, v1, v, end], target):
                    cost = first + math.dist(v1, v) + math.dist(v, end)
                    cost += self._crossing_cost(v1, v) + self._crossing_cost(v, end)
                    plans.append((cost, -2, v1, end, None, v))
        plans.sort(key=lambda c: c[0])
        return plans

    def _clear_routes(
        self, tie: Tie, candidates: list[_Plan], ahead: bool, off_lines: bool = True,
    ) -> list[tuple[float, int, list[Point], int, float | None, Point | None]]:
        """The first :data:`CHOICES` clear routes of ``candidates`` (cheapest first), each with its
        cost counting its crossings and turns; ``ahead``: only routes that never turn back;
        ``off_lines``: only routes off the household's family lines."""
        s, m = self.systems[tie.system], self.members[tie.target]
        circles, _ = self._obstacles(tie)  # the lanes and the last stretch lie inside the focal circle
        label = self.focal_label.box.grown(1.5) if self.focal_label else None
        spoke = edge(s.circle, self.focal.center)
        ends: dict[Point, bool] = {}  # the last stretch, into the member, is shared: check it once
        tries = 0
        clear: list[tuple[float, int, list[Point], int, float | None, Point | None]] = []
        for cost, k, w, end, sweep, via in candidates:
            tail = w if via is None else via
            if tail not in ends:
                ends[tail] = self._end_free(tie, tail, end, circles, label)
            if not ends[tail]:
                continue
            bend = [w] if sweep is None else arc(self.lanes[k], s.angle, sweep)
            turn = [via] if via is not None and via != w else []
            points = [edge(s.circle, w) if sweep is None else spoke, *bend, *turn, end]
            if ahead and not approaches(points, (m.cx, m.cy)):
                continue
            tries += 1
            if tries > TRIES or len(clear) == CHOICES:
                break
            if self._free(tie, points, off_lines=off_lines):
                cost += CROSSING_INSIDE * self._crossings(points) + TURN * turning(points)
                clear.append((round(cost, 6), len(clear), points, k, sweep, via))
        return clear

    def _lane_end(self, m: MemberPlace, k: int, j: int, tie: Tie) -> tuple[float, Point, Point, float]:
        """Angle and point ``j`` on lane ``k``, where a line from it ends on ``m``, and its cost."""
        key = (m.id, k, j, len(self.member_ends.get(m.id, ())), tie_width(tie))
        if key not in self._ends:
            phi = j * STEP
            w = (self.lanes[k] * math.cos(phi), self.lanes[k] * math.sin(phi))
            end = self._end_on(m, w, tie)
            self._ends[key] = (phi, w, end, math.dist(w, end) + self._crossing_cost(w, end) + 3 * k)
        return self._ends[key]

    def _end_free(
        self, tie: Tie, w: Point, end: Point, circles: Keepouts, label: Box | None
    ) -> bool:
        """True when the last stretch of a bent route, ``w`` to ``end``, is clear (head included)."""
        if not self._piece_free(w, end, end_reach(tie), circles, label):
            return False
        return tie.flow not in ("to_focal", "both") or self._head_free(arrowhead(end, w, head_size(tie)), circles)

    def _crossing_cost(self, p: Point, q: Point) -> float:
        """A detour's worth of length for each family line that ``p``–``q`` crosses."""
        if self.family_box is None or not _boxes_meet(_extent([p, q]), self.family_box, 0.0):
            return 0.0
        return FAMILY_CROSSING * sum(1 for a, b in self.family_lines if segments_cross(p, q, a, b))

    # -- ties between systems ------------------------------------------------------------

    def _between(self, tie: Tie) -> tuple[list[Point], bool]:
        """The route between two systems: straight, bent once, or round the outside of the ring.

        A route between systems keeps :data:`BETWEEN_CLEAR` off every other circle, its bend
        :data:`BEND_CLEAR` (so that no bend reads as a third system joining the tie), and
        :data:`END_CLEAR` off the ends of the other ties. Of the clear routes, the shortest wins,
        each crossing with a tie drawn so far counted as :data:`CROSSING` units of length.
        """
        a, b = self.systems[tie.system], self.systems[tie.target]
        straight = [edge(a.circle, b.circle.center), edge(b.circle, a.circle.center)]
        others = [c for n, c in self.circles if n not in (a.id, b.id)]
        bends: list[Point] = []
        # one bend round the system circles in the way (never round the focal circle: that would
        # cross every tie to it), on their outer side
        (x0, y0), (x1, y1) = straight
        blocking = [c for c in others if segment_circle_distance((x0, y0), (x1, y1), c.center) < c.r + BETWEEN_CLEAR]
        if all(c is not self.focal for c in blocking) and len(blocking) <= 2:
            for c in blocking:
                out = math.atan2(c.cy, c.cx)
                for gap in (BEND_CLEAR, BEND_CLEAR + 16, BEND_CLEAR + 40):
                    for i in range(-3, 4):
                        u = out + math.pi / 8 * i
                        bends.append((c.cx + (c.r + gap) * math.cos(u), c.cy + (c.r + gap) * math.sin(u)))
            # off the middle of the straight line, on the side away from the focal circle
            mx, my = (x0 + x1) / 2, (y0 + y1) / 2
            nx, ny = unit((0.0, 0.0), (mx, my)) if math.hypot(mx, my) > 1e-9 else (0.0, -1.0)
            bends += [(mx + nx * d, my + ny * d) for d in range(12, 200, 12)]
        candidates = [straight]
        candidates += [[edge(a.circle, w), w, edge(b.circle, w)] for w in bends
                       if all(math.dist(w, c.center) >= c.r + BEND_CLEAR for c in others)]
        hugging = len(candidates)
        candidates += self._hugging(a, b) if self.hug else []
        around = len(candidates)
        candidates += [self._around(a, b, self.bent_out + k) for k in range(3)]
        scored = [
            (round(length(path) + (HUG_CROSSING if hugging <= i < around else CROSSING) * self._crossings(path), 6), i)
            for i, path in enumerate(candidates)
            if self._free(tie, path, BETWEEN_CLEAR) and self._clear_of_ends(path, (a.circle, b.circle))
        ]
        best = min(scored)[1] if scored else around  # nothing clear: round the outside, past the rest
        if best >= around:
            self.bent_out += best - around + 1
        return self._keep(tie, candidates[best], best > 0)

    def _hugging(self, a: SystemPlace, b: SystemPlace) -> list[list[Point]]:
        """Routes from ``a`` to ``b`` round the focal circle just outside it, inside the ring (issue 13
        F4: a tie between two systems on either side of the household went round the outside of the
        whole picture): in along ``a``'s spoke, along an arc :data:`HUG` units or more outside the focal
        circle (clear of the other ties' ends on it), out along ``b``'s spoke; either way round."""
        routes = []
        ta, tb = math.atan2(a.circle.cy, a.circle.cx), math.atan2(b.circle.cy, b.circle.cx)
        turn = _turn(ta, tb)
        inner = min(math.hypot(*c.circle.center) - c.circle.r for c in (a, b))
        for gap in (HUG, HUG + 8, HUG + 16):
            rho = self.focal.r + gap
            if rho > inner - BETWEEN_CLEAR:
                break
            for sweep in (turn, turn - math.copysign(2 * math.pi, turn)):
                # in beside the spoke rather than along it, where the system's own ties leave: from the
                # side of its circle that faces the way round
                way = math.copysign(1.0, sweep)
                for slant, side in ((0.0, 0.0), (math.radians(8), 0.0), (math.radians(16), 0.0),
                                    (math.radians(8), math.radians(40)), (math.radians(20), math.radians(40))):
                    if abs(sweep) <= 2 * slant:
                        continue
                    bend = arc(rho, ta + way * slant, sweep - way * 2 * slant)
                    start = _side(a.circle, way * side) if side else edge(a.circle, bend[0])
                    end = _side(b.circle, -way * side) if side else edge(b.circle, bend[-1])
                    routes.append([start, *bend, end])
        return routes

    def _around(self, a: SystemPlace, b: SystemPlace, k: int) -> list[Point]:
        """From ``a`` to ``b`` round the outside of the ring, on the ``k``-th level out."""
        level = self.outer + self.r_max + BETWEEN_CLEAR + 10 + 10 * k
        start = (a.circle.cx + math.cos(a.angle) * a.circle.r, a.circle.cy + math.sin(a.angle) * a.circle.r)
        end = (b.circle.cx + math.cos(b.angle) * b.circle.r, b.circle.cy + math.sin(b.angle) * b.circle.r)
        if self.aspect == 1.0:
            return [start, *arc(level, a.angle, _turn(a.angle, b.angle)), end]
        # round the outside of an upright ellipse: the arc's points stretched upright as much
        ta, tb = (math.atan2(math.sin(s.angle), self.aspect * math.cos(s.angle)) for s in (a, b))
        return [start, *((x, y * self.aspect) for x, y in arc(level, ta, _turn(ta, tb))), end]

    def _crossings(self, points: list[Point]) -> int:
        """How many times ``points`` cross the ties routed so far."""
        box = _extent(points)
        return sum(
            1
            for other in self.paths if _boxes_meet(box, _extent(other), 0.0)
            for p, q in pairwise(points) for c, d in pairwise(other) if segments_cross(p, q, c, d)
        )

    def _clear_of_ends(self, points: list[Point], own: tuple[Circle, Circle]) -> bool:
        """True when ``points`` keep :data:`END_CLEAR` off the ends of the ties routed so far, and
        its own ends as far off those ties (ends on the same circle apart)."""

        def on(e: Point, c: Circle) -> bool:
            return abs(math.dist(e, c.center) - c.r) < 1.0

        for other in self.paths:
            for e in (other[0], other[-1]):
                if not any(on(e, c) for c in own) and any(
                    segment_circle_distance(p, q, e) < END_CLEAR for p, q in pairwise(points)
                ):
                    return False
            for e, c in ((points[0], own[0]), (points[-1], own[1])):
                if not (on(other[0], c) or on(other[-1], c)) and any(
                    segment_circle_distance(p, q, e) < END_CLEAR for p, q in pairwise(other)
                ):
                    return False
        return True
