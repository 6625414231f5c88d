"""Routes of the emotional relationship lines: short and clean, even where lines crowd at one person.

Each line is chosen among candidates, shortest first once crossings and bends are counted:

- straight lines between the two symbols, leaving each symbol in the direction of the other or
  fanned out from it by a few angles (a line to someone beside a partner leaves by the side);
- lines with one bend through a point beside the straight line (over the people between two
  members of one row, round a label);
- the lane and gutter routes of :mod:`socialtools.genogram.routing` as the last resort.

A candidate is taken only when it passes through no symbol, no label and no union-date label,
each grown by half the width of the widest line pattern (a zigzag, three parallel lines), and
when it runs along no other line: no stretch longer than :data:`ALONG` lies within
:data:`NEAR` of a child line, a union line or another emotional line. Every end lies on the
edge of its symbol; the renderer moves it exactly onto the outline (circle, diamond).

>>> from socialtools.genogram.model import Family
>>> from socialtools.genogram.layout import layout_family
>>> family = Family.model_validate({"people": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
...     "unions": [{"partners": ["A", "B"], "children": ["C"]}],
...     "relationships": [{"between": ["A", "C"], "kind": "close"}]})
>>> len(layout_family(family).relationships[0].points)  # one straight line, mother to child
2
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections.abc import Callable, Iterable, Iterator

from socialtools.draw.geometry import (
    Box,
    Point,
    segment_circle_distance,
    segment_hits_box,
    segment_hits_rect,
    segments_cross,
)
from socialtools.draw.lines import offset_polyline, point_at, polyline_length
from socialtools.draw.placer import Obstacles
from socialtools.genogram.placements import GenogramLayout, PersonNode, UnionPlacement
from socialtools.genogram.symbols import BRACKET_GAP, end_on_outline

PATTERN_HALF_WIDTH = 5.0  # half the width of the widest emotional-line pattern (a zigzag, three lines) and its stroke
NEAR = 6.0  # a line closer than this to another line for longer than ALONG runs along it
ALONG = 8.0
PARALLEL = 15.0  # degrees: lines meeting (or crossing) at a wider angle fan out or cross; they do not run along
#: but two emotional lines (patterns as wide as a zigzag) crossing at a shallower angle than this run along
#: each other where they are near: at 16 degrees, for some 80 units (at 30, lines forced round such crossings
#: take detours three times as long as the way between their people)
SHALLOW = 20.0
ALONG_COST = 4.0  # a line that cannot help running along another: each unit alongside is worth this much detour
CROSS_COST = 24.0  # a crossing of another line is worth this much detour
BEND_COST = 40.0  # and a bend this much (a straight line reads best)
FAN = (0.0, 20.0, -20.0, 40.0, -40.0, 60.0, -60.0, 80.0, -80.0)  # degrees off the direct direction
BEND_AT = (0.25, 0.5, 0.75)  # where along the direct line a bend may stand
BEND_OFF = (18.0, 36.0, 60.0, 90.0, 130.0, 180.0)  # how far beside the direct line
REGION = 150.0  # a line round obstacles stays this close to the box of its two people
CORNER_GAPS = (1.5, 9.0)  # it passes this far outside the corners of the (grown) obstacles
LINE_GAP = 9.0  # and this far outside the bends of other lines (beyond NEAR: beside them, not along them)
CORNERS = 120  # at most this many corners to pass (those of the shortest detours)
EDGE_BUDGET = 8000  # and at most this many candidate stretches tested
#: where that finds no clean line (a crowded family: union-date labels wall off a row), once more with
#: this many corners and stretches, before a line that passes through something is drawn
WIDE_CORNERS, WIDE_BUDGET = 600, 60_000
EXITS = 16  # directions in which it may leave a symbol
MEET = 45.0  # degrees: two emotional lines that leave one person near each other leave it at least this far apart
MEET_NEAR = 14.0  # (their ends this near): their patterns fan out, not a tooth of a zigzag along the other
EXIT_ANGLE = 75.0  # degrees: at most this far off the direction from its centre (never along its outline)
REACH = 700.0  # people further apart than this are joined through the lanes (a search round obstacles is too dear)
DETOUR = 1.3  # a route round the obstacles is sought when the best short one is this much longer than direct
LANE_GAP = 2 * PATTERN_HALF_WIDTH + 6.0  # several relationships of one pair: parallel lanes this far apart
MIN_LANE_GAP = 2 * PATTERN_HALF_WIDTH  # or, where the way is narrow, this close (the patterns still apart)
LANE_GAPS = (LANE_GAP, (LANE_GAP + MIN_LANE_GAP) / 2, MIN_LANE_GAP)
LANE_SHIFTS = tuple(sorted((float(k) for k in range(-9, 10)), key=lambda k: (abs(k), -k)))  # lanes' middle off the line
BRACKETED = ("adopted", "foster")  # children drawn in the NSGC brackets
ROOM_COST = 2 * CROSS_COST  # passing through the household of neither person it joins, beyond crossing its outline
#: an emotional line is at least this long, so that its pattern shows (two straight ends of 6 and
#: three zigzag periods of 9): between neighbours (two siblings, a couple) it bends round above or
#: below them instead of a short straight stroke that reads as a union's (double) line (review 6 D17)
MIN_LENGTH = 40.0
HOP_HEIGHTS = (14.0, 20.0, 26.0)  # how high such a bracket over (or under) two neighbours rises
#: a clean route longer than this times the straight distance between the two people (centre to
#: centre) is a long way round: the date label of a union of one of them, which nests beside their
#: symbol over their wider name and walls the row, is lifted (and shifted) to open a gate
GATE = 1.4
GATE_RISE = (6.0, 12.0, 18.0, 24.0)  # how far a union's date label may be lifted (between the partners' symbols)
GATE_SHIFT = (0.0, 10.0, -10.0, 20.0, -20.0)  # and moved along the union line
LABEL_CLEARANCE = 2.0  # a moved label keeps this far from every line
WAIT_GAP = PATTERN_HALF_WIDTH + 9.0  # a line passing over a lifted label keeps this far above it (a note's number)
STRAIGHTS = (0.0, math.radians(20.0), -math.radians(20.0))  # a straight line, and parallel ones off the middles
LONG_WAY = 2.0  # a line whose pattern's edge keeps off the plain lines only this much longer than direct
#: a line may pass this far beyond the right side and the bottom of the drawing, which grows to hold it
#: (a person's label on the edge, the way round it inside walled by a union line and a child line)
OUTSIDE = 40.0
#: a line keeps this far beyond its own pattern's edge off every symbol and label (at most
#: PATTERN_HALF_WIDTH from its middle): a thin line (a cut-off, a distant one) passes a gap
#: between two labels too narrow for a zigzag
THIN_MARGIN = 1.5
#: an emotional line's end keeps the edge of its pattern this far from the point where a union line
#: or a child line meets the symbol (issue 13 G8: a line that ended where the line down to an adopted
#: child meets his symbol, or left the client where her two union lines do, read as part of them)
END_GAP = 3.0
#: a plain line's end this near a symbol's box meets the symbol there (a bracketed child's line ends
#: on the symbol's top, inside the brackets)
ATTACH = 6.0


def pattern_half_width(kind: str) -> float:
    """How far the pattern of a relationship ``kind`` reaches either side of its middle, its
    stroke (1.5 units wide at most, 2.4 for a hostile zigzag) included
    (:func:`socialtools.genogram.render.relationship_paths`): a zigzag's teeth (4 units, 3 on two
    parallel lines 4 apart), three parallel lines 3.5 apart, two; a plain line its stroke. A line
    runs along another where the edges of their patterns come within :data:`NEAR`.

    >>> [pattern_half_width(k) for k in ("conflict", "hostile", "fused", "close", "cutoff")]
    [4.8, 5.2, 4.1, 2.4, 0.9]
    """
    core = kind.replace("_repaired", "")
    if core == "sexual_abuse":
        return 5.6
    if core == "hostile":
        return 5.2
    if core in ("conflict", "close_hostile", "fused_hostile", "physical_abuse", "emotional_abuse"):
        return 4.8
    if core == "fused":
        return 4.1
    if core == "close":
        return 2.4
    return 0.9


def edge_point(n: PersonNode, angle: float) -> Point:
    """Where the ray from the centre of ``n`` at ``angle`` (radians) leaves its symbol box."""
    dx, dy = math.cos(angle), math.sin(angle)
    h = n.outer / 2
    scale = min(h / abs(dx) if abs(dx) > 1e-12 else math.inf, h / abs(dy) if abs(dy) > 1e-12 else math.inf)
    return (n.x + dx * scale, n.y + dy * scale)


def _toward(n: PersonNode, p: Point) -> float:
    return math.atan2(p[1] - n.y, p[0] - n.x)


def _on_box(n: PersonNode, points: list[Point]) -> list[Point]:
    """The polyline with its last stretch cut (or lengthened) to end on the symbol box of ``n``."""
    b = n.symbol_box
    return end_on_outline(points, [(b.x, b.y), (b.right, b.y), (b.right, b.bottom), (b.x, b.bottom)])


def _lane_end(n: PersonNode, points: list[Point]) -> list[Point]:
    """A lane (a line moved sideways) ending on the symbol box of ``n``: its last stretch cut or
    lengthened to the box, or, when that stretch passes beside the box, kept parallel to the
    end and joined to the box by a short step toward its centre (never bent into a wedge that
    closes on the next lane).

    >>> from socialtools.draw.text import TextBlock
    >>> n = PersonNode("A", x=0, y=0, size=20, outer=20, row=0, label=TextBlock((), 10), label_top=20)
    >>> _lane_end(n, [(-100, 0), (-5, 0)])
    [(-100, 0), (-10.0, 0.0)]
    >>> [(round(x, 1), round(y, 1)) for x, y in _lane_end(n, [(-100, -14), (-10, -14)])]
    [(-100, -14), (-10, -14), (-7.1, -10.0)]
    """
    cut = _on_box(n, points)
    (px, py), (qx, qy), (ex, ey) = points[-2], points[-1], cut[-1]
    if abs((qx - px) * (ey - py) - (qy - py) * (ex - px)) <= 1e-6 * max(1.0, math.dist((px, py), (qx, qy)) ** 2):
        return cut  # on the line of the last stretch
    if n.symbol_box.contains((qx, qy)):
        return cut
    return [*points, _on_box(n, [(qx, qy), (n.x, n.y)])[-1]]


def _grazes(n: PersonNode, p: Point, q: Point) -> bool:
    """Does the segment ``p``–``q``, starting on the edge of the symbol box of ``n``, run along
    that edge (leaving it at less than :data:`PARALLEL` degrees) instead of away from the symbol?

    >>> from socialtools.draw.text import TextBlock
    >>> n = PersonNode("A", x=0, y=0, size=20, outer=20, row=0, label=TextBlock((), 10), label_top=20)
    >>> _grazes(n, (2, -10), (40, -10)), _grazes(n, (2, -10), (30, -30)), _grazes(n, (2, -30), (40, -10))
    (True, False, False)
    """
    b = n.symbol_box
    if not (b.x - 1e-6 <= p[0] <= b.right + 1e-6 and b.y - 1e-6 <= p[1] <= b.bottom + 1e-6):
        return False  # does not start on (or in) the box
    length = math.dist(p, q)
    if length < 1e-9:
        return False
    d = min(6.0, length)
    x, y = p[0] + (q[0] - p[0]) * d / length, p[1] + (q[1] - p[1]) * d / length
    out = math.hypot(max(b.x - x, 0.0, x - b.right), max(b.y - y, 0.0, y - b.bottom))
    return out < d * math.sin(math.radians(PARALLEL))


def _inside(p: Point, poly: list[Point]) -> bool:
    """Is ``p`` inside the polygon (even-odd rule)?"""
    inside = False
    for (x0, y0), (x1, y1) in zip(poly, [*poly[1:], poly[0]], strict=True):
        if (y0 > p[1]) != (y1 > p[1]) and p[0] < x0 + (p[1] - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


class LineIndex:
    """Segments of the lines already drawn, bucketed in a grid, for 'what runs near here' queries.

    >>> index = LineIndex([[(0, 0), (100, 0)]])
    >>> index.runs_along([(10, 2), (60, 2)]), index.runs_along([(10, 20), (60, 20)])
    (True, False)
    """

    def __init__(self, lines: Iterable[list[Point]] = (), cell: float = 80.0) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[tuple[Point, Point]]] = {}
        self.half: dict[int, float] = {}  # half the width of a patterned line's segments (by id)
        #: the segments of household outlines (by id): a dashed boundary, not a line of the family,
        #: only a line's middle keeps :data:`NEAR` off it, its ends left out (a line leaving a
        #: person inside an outline crosses it near the symbol)
        self.outline: set[int] = set()
        #: half the width of the pattern of the line being tested: its edge, not only its middle,
        #: keeps :data:`NEAR` off a plain line (a zigzag beside a child line runs along it)
        self.own = 0.0
        for line in lines:
            self.add(line)

    def _keys(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[int, int]]:
        c = self.cell
        return [(i, j) for i in range(int(x0 // c), int(x1 // c) + 1) for j in range(int(y0 // c), int(y1 // c) + 1)]

    def add(self, line: list[Point], half_width: float = 0.0, outline: bool = False) -> None:
        """Store ``line``, drawn ``2 * half_width`` wide (an emotional line's pattern): another line
        runs along it when it comes within :data:`NEAR` of the pattern's edge; ``outline``: a
        household's outline (:attr:`outline`)."""
        for p, q in itertools.pairwise(line):
            seg = (p, q)
            if half_width:
                self.half[id(seg)] = half_width
            if outline:
                self.outline.add(id(seg))
            for k in self._keys(min(p[0], q[0]) - NEAR, min(p[1], q[1]) - NEAR,
                                max(p[0], q[0]) + NEAR, max(p[1], q[1]) + NEAR):
                self.cells.setdefault(k, []).append(seg)

    def near(self, p: Point, q: Point, pad: float = 0.0) -> list[tuple[Point, Point]]:
        """Every stored segment in the cells the segment ``p``–``q`` (grown by ``pad``) touches (each once)."""
        seen: set[int] = set()
        out = []
        for k in self._keys(min(p[0], q[0]) - pad, min(p[1], q[1]) - pad,
                            max(p[0], q[0]) + pad, max(p[1], q[1]) + pad):
            for seg in self.cells.get(k, ()):
                if id(seg) not in seen:
                    seen.add(id(seg))
                    out.append(seg)
        return out

    def touches(self, c: Point, reach: float = PATTERN_HALF_WIDTH) -> bool:
        """Is ``c`` within ``reach`` of a stored segment (a bend there would touch that line)?"""
        return any(segment_circle_distance(a, b, c) < reach for a, b in self.near(c, c, reach))

    def crossings(self, points: list[Point]) -> int:
        """How many stored segments the polyline crosses."""
        return sum(segments_cross(p, q, a, b) for p, q in itertools.pairwise(points) for a, b in self.near(p, q))

    def _width(self, seg: tuple[Point, Point]) -> float:
        """How much wider than a plain line a stored segment and the line tested beside it are: beside
        a plain line, the tested line's pattern (:attr:`own`); beside an emotional line, both
        patterns' half widths (a zigzag beside a double line runs along it even when their middles
        are 11 units apart)."""
        half = self.half.get(id(seg), 0.0)
        return half + PATTERN_HALF_WIDTH if half else 0.0 if id(seg) in self.outline else self.own

    def along_length(self, points: list[Point], skip_start: float = 0.0, skip_end: float = 0.0,
                     near: float = NEAR) -> float:
        """How long the stretches of the polyline are that run along a stored segment (as
        :meth:`runs_along` finds them, each at least :data:`ALONG` long): what a line that cannot
        help running along another keeps as short as it can."""
        return sum(self._alongside(points, skip_start, skip_end, near))

    def runs_along(self, points: list[Point], skip_start: float = 0.0, skip_end: float = 0.0,
                   near: float = NEAR) -> bool:
        """True when a stretch of the polyline longer than :data:`ALONG` stays within ``near``
        of one stored segment (of the edges of the two patterns, beside an emotional line, which
        it also runs along when crossing it at less than :data:`SHALLOW` degrees);
        ``skip_start`` and ``skip_end`` leave out that much at the ends of the polyline (where
        lines meet at a person)."""
        return next(self._alongside(points, skip_start, skip_end, near), None) is not None

    def _alongside(self, points: list[Point], skip_start: float, skip_end: float, near: float) -> Iterator[float]:
        """The length of each segment of the polyline that runs along a stored segment."""
        total = sum(math.dist(p, q) for p, q in itertools.pairwise(points))
        done = 0.0
        for p, q in itertools.pairwise(points):
            length = math.dist(p, q)
            if length > 0:
                # the part of this segment outside the skipped ends, as fractions of it (beside
                # another emotional line: lines meeting at a person fan out there, see MEET; or a
                # household's outline; a plain line, a child line down to the person's top, is
                # kept off up to the end)
                t_lo = max(0.0, (skip_start - done) / length)
                t_hi = min(1.0, (total - skip_end - done) / length)
                stretch = max((along(p, q, *((t_lo, t_hi) if id(seg) in self.half or id(seg) in self.outline
                                             else (0.0, 1.0)), seg,
                                     near + self._width(seg)) * length
                               for seg in self.near(p, q, near - NEAR + 2 * PATTERN_HALF_WIDTH)
                               if parallel((p, q), seg, SHALLOW if id(seg) in self.half else PARALLEL)),
                              default=0.0)
                if stretch > ALONG:
                    yield stretch
            done += length


def along(p: Point, q: Point, t_lo: float, t_hi: float, seg: tuple[Point, Point], near: float = NEAR) -> float:
    """The fraction of segment ``p``–``q`` (between ``t_lo`` and ``t_hi``) that lies within
    ``near`` of the nearly parallel segment ``seg``, beside it (not beyond its ends).

    >>> along((0, 2), (10, 2), 0.0, 1.0, ((5, 0), (20, 0)))
    0.5
    """
    (ax, ay), (bx, by) = seg
    ux, uy = bx - ax, by - ay
    length = math.hypot(ux, uy)
    ux, uy = ux / length, uy / length
    # coordinates along seg (s) and across it (h) of p and q: both linear in t
    sp, sq = (p[0] - ax) * ux + (p[1] - ay) * uy, (q[0] - ax) * ux + (q[1] - ay) * uy
    hp, hq = (p[0] - ax) * uy - (p[1] - ay) * ux, (q[0] - ax) * uy - (q[1] - ay) * ux
    lo, hi = t_lo, t_hi
    for (v0, v1), (low, high) in (((sp, sq), (0.0, length)), ((hp, hq), (-near, near))):
        if abs(v1 - v0) < 1e-12:
            if not low <= v0 <= high:
                return 0.0
            continue
        ta, tb = sorted(((low - v0) / (v1 - v0), (high - v0) / (v1 - v0)))
        lo, hi = max(lo, ta), min(hi, tb)
    return max(0.0, hi - lo)


class LocalBoxes:
    """The obstacles near one route, sorted by their left side for quick 'does this segment hit one'.

    >>> LocalBoxes([Box(0, 0, 10, 10)]).hit((-5, 5), (20, 5)), LocalBoxes([Box(0, 0, 10, 10)]).hit((-5, 15), (20, 15))
    (True, False)
    """

    def __init__(self, boxes: list[Box], shrink: float = 0.5) -> None:
        self.boxes = sorted((b.x + shrink, b.y + shrink, b.right - shrink, b.bottom - shrink) for b in boxes)
        self.lefts = [b[0] for b in self.boxes]
        self.widest = max((b[2] - b[0] for b in self.boxes), default=0.0)

    def hit(self, p: Point, q: Point) -> bool:
        lo_x, hi_x, lo_y, hi_y = min(p[0], q[0]), max(p[0], q[0]), min(p[1], q[1]), max(p[1], q[1])
        first = bisect.bisect_left(self.lefts, lo_x - self.widest)
        last = bisect.bisect_right(self.lefts, hi_x)
        return any(segment_hits_rect(p, q, box) for box in self.boxes[first:last]
                   if box[2] > lo_x and box[1] < hi_y and box[3] > lo_y)


def parallel(s: tuple[Point, Point], t: tuple[Point, Point], degrees: float = PARALLEL) -> bool:
    """Do the two segments run in nearly the same direction (within ``degrees``)?"""
    (p, q), (a, b) = s, t
    ux, uy, vx, vy = q[0] - p[0], q[1] - p[1], b[0] - a[0], b[1] - a[1]
    lu, lv = math.hypot(ux, uy), math.hypot(vx, vy)
    return lu > 0 and lv > 0 and abs(ux * vy - uy * vx) / (lu * lv) < math.sin(math.radians(degrees))


def symbol_extents(lay: GenogramLayout) -> dict[str, Box]:
    """Each person's symbol box, grown to the outer edge of the NSGC brackets (their stroke
    included) for an adopted or foster child: what no other line or outline may enter."""
    bracketed = {c for s in lay.sibships for c, relation in s.relation.items() if relation in BRACKETED}
    bracketed |= {link.b for link in lay.extra_links if link.kind in BRACKETED}
    return {pid: n.symbol_box.grown(BRACKET_GAP + 1.0) if pid in bracketed else n.symbol_box
            for pid, n in lay.nodes.items()}


def obstacle_grid(lay: GenogramLayout, grow: float = PATTERN_HALF_WIDTH) -> Obstacles:
    """Symbols (with the brackets of adopted and foster children and the arms of a deceased person's
    X), labels and union-date labels, each grown by ``grow``: half a line pattern's width (or of a
    bundle of parallel lanes)."""
    extents = symbol_extents(lay)
    grid = Obstacles()
    for n in lay.nodes.values():
        grid.add(n.id, extents[n.id].grown(grow))
        for arm in n.arm_boxes:  # the ends of a deceased person's X: kept clear like the symbol (review 7 E4)
            grid.add(n.id, arm.grown(grow))
        if n.label_box.w > 0:
            grid.add(f"label:{n.id}", n.label_box.grown(grow))
            # and the narrow gap between a symbol and its label: no line squeezes through it
            box = n.symbol_box
            grid.add(f"gap:{n.id}", Box(box.x, box.bottom, box.w, max(n.label_box.y - box.bottom, 0.0)))
    for u in lay.unions.values():
        if u.label_box is not None:
            grid.add(f"union:{u.id}", u.label_box.grown(grow))
    return grid


def hold_outside(lay: GenogramLayout, margin: float) -> None:
    """Widen (heighten) the drawing to hold the emotional lines routed beyond its right side (its
    bottom), :data:`OUTSIDE`, with their patterns and ``margin`` beyond them; a drawing whose lines
    all stay inside keeps its size.

    >>> from socialtools.genogram.placements import LinkPlacement
    >>> lay = GenogramLayout({}, {}, [], [], [], [], 100.0, 80.0)
    >>> lay.relationships = [LinkPlacement("close", "A", "B", [(50, 20), (120, 40)])]
    >>> hold_outside(lay, 10.0); lay.width, lay.height
    (135.0, 80.0)
    """
    reach = PATTERN_HALF_WIDTH
    points = [p for link in lay.relationships for p in link.points]
    right = [x + reach + margin for x, _ in points if x > lay.width - reach + 1e-6]
    bottom = [y + reach + margin for _, y in points if y > lay.height - reach + 1e-6]
    lay.width, lay.height = max([lay.width, *right]), max([lay.height, *bottom])


def _outward(p: Point, end: Point, angle: float) -> bool:
    """Does a stretch from ``p`` to ``end`` (a point on a symbol's edge, ``angle`` radians from its
    centre) reach it from outside, within :data:`EXIT_ANGLE` of the ray from the centre?

    >>> _outward((100, 0), (10, 0), 0.0), _outward((10, -50), (10, 0), 0.0)
    (True, False)
    """
    dx, dy = p[0] - end[0], p[1] - end[1]
    length = math.hypot(dx, dy)
    return length == 0 or (dx * math.cos(angle) + dy * math.sin(angle)) / length >= math.cos(math.radians(EXIT_ANGLE))


def _detour(a: PersonNode, b: PersonNode, points: list[Point]) -> float:
    """The length of a route from the centre of ``a`` through ``points`` to the centre of ``b``,
    over the straight distance between the centres (1 for a straight line).

    >>> from socialtools.draw.text import TextBlock
    >>> n = PersonNode("A", x=0, y=0, size=20, outer=20, row=0, label=TextBlock((), 10), label_top=20)
    >>> m = PersonNode("B", x=100, y=0, size=20, outer=20, row=0, label=TextBlock((), 10), label_top=20)
    >>> _detour(n, m, [(10, 0), (90, 0)]), round(_detour(n, m, [(10, 0), (50, 50), (90, 0)]), 2)
    (1.0, 1.48)
    """
    path = [(a.x, a.y), *points, (b.x, b.y)]
    direct = math.dist(path[0], path[-1])
    return sum(math.dist(p, q) for p, q in itertools.pairwise(path)) / direct if direct else 1.0


def _apart(p: list[Point], q: list[Point], gap: float, zones: list[tuple[Point, float]] = ()) -> bool:  # type: ignore[assignment]
    """Do two lanes stay about ``gap`` apart along their middle, outside the ``zones`` (centre,
    radius) round the two symbols where their ends meet?

    >>> _apart([(0, 0), (100, 0)], [(0, 10), (100, 10)], 10), _apart([(0, 0), (100, 0)], [(0, 10), (100, 0)], 10)
    (True, False)
    """
    length = polyline_length(p)
    samples = [point_at(p, length * k / 20)[0] for k in range(1, 20)]
    return all(min(segment_circle_distance(a, b, s) for a, b in itertools.pairwise(q)) >= gap - 1.0
               for s in samples if all(math.dist(s, c) > r for c, r in zones))


class EmotionalRouter:
    """Chooses the line of each emotional relationship in turn; lines already chosen are avoided.

    ``lines`` are the lines drawn before (unions, sibships, child links); every chosen line joins them.
    """

    def __init__(self, lay: GenogramLayout, lines: Iterable[list[Point]]) -> None:
        self.lay = lay
        self.grids = {PATTERN_HALF_WIDTH: obstacle_grid(lay)}
        self.grid = self.grids[PATTERN_HALF_WIDTH]
        self.reach = PATTERN_HALF_WIDTH  # half the width of the line (or bundle) being chosen
        #: how far a single line's middle keeps off the symbols and labels (see :meth:`fit`)
        self.clearance = PATTERN_HALF_WIDTH
        self.lines = LineIndex()
        outlines = {tuple([*poly, poly[0]]) for h in lay.households for poly in h.polygons}
        for line in lines:
            self.lines.add(line, outline=tuple(line) in outlines)
        # the household outlines (polygon, its box, its members): a line between two people who
        # live elsewhere pays ROOM_COST for passing through one, so it goes round when it can
        self.rooms: list[tuple[list[Point], Box, frozenset[str]]] = []
        self.pair: frozenset[str] = frozenset()
        self.unclean: list[tuple[str, str]] = []  # the pairs whose line could not be drawn clean
        #: the two people of each relationship still to be routed: a date label lifted to open a
        #: gate for one line must not stand in the way of another's straight line
        self.waiting: dict[frozenset[str], tuple[PersonNode, PersonNode]] = {}
        self.moved: dict[str, Box] = {}  # union id -> its date label's place before a gate was opened
        #: the directions (radians) in which the lines chosen leave each person: another emotional
        #: line at that person leaves at least MEET degrees apart (two patterns fan out from a symbol)
        self.meets: dict[str, list[tuple[float, str, Point]]] = {}  # the person at the other end, the end
        self.gated: set[frozenset[str]] = set()  # the pairs whose line passes through a gate
        self.wide_search = True  # search once more round more corners before a line is drawn unclean
        #: the points where the union and child lines meet each person's symbol (:meth:`_free_end`)
        self.attached: dict[str, list[Point]] = {}
        boxes = {n.id: n.symbol_box for n in lay.nodes.values()}
        cell = 80.0
        by_cell: dict[tuple[int, int], list[str]] = {}
        for nid, box in boxes.items():
            for i in range(int((box.x - ATTACH) // cell), int((box.right + ATTACH) // cell) + 1):
                for j in range(int((box.y - ATTACH) // cell), int((box.bottom + ATTACH) // cell) + 1):
                    by_cell.setdefault((i, j), []).append(nid)
        for line in lines:
            if len(line) < 2 or tuple(line) in outlines:
                continue
            for end in (line[0], line[-1]):
                for nid in by_cell.get((int(end[0] // cell), int(end[1] // cell)), ()):
                    if boxes[nid].grown(ATTACH).contains(end):
                        self.attached.setdefault(nid, []).append(end)
        self.end_gap = PATTERN_HALF_WIDTH + END_GAP  # the pattern's half width and END_GAP (see :meth:`fit`)
        #: ends are kept off those points (:meth:`choose_lanes` lets them be when that sends a line a long way round)
        self.free_ends = True

    def _own(self, a: PersonNode, b: PersonNode) -> tuple[str, ...]:
        """The obstacles a line between ``a`` and ``b`` may enter: their symbols (it ends on them),
        and, through a gate (:meth:`open_gate`), the gaps under them: it leaves a symbol by a lower
        corner, under the lifted label and over the person's name."""
        if frozenset((a.id, b.id)) in self.gated:
            return a.id, b.id, f"gap:{a.id}", f"gap:{b.id}"
        return a.id, b.id

    def _keep(self, line: list[Point], a: PersonNode, b: PersonNode) -> None:
        """``line`` from ``a`` to ``b`` is drawn: it joins the lines, and its ends the directions
        in which lines leave its two people."""
        self.lines.add(line, PATTERN_HALF_WIDTH)
        for n, other, (p, q) in ((a, b, line[:2]), (b, a, line[:-3:-1])):
            self.meets.setdefault(n.id, []).append((math.atan2(q[1] - p[1], q[0] - p[0]), other.id, p))

    def _fans(self, n: PersonNode, p: Point, q: Point) -> bool:
        """Does a line leaving ``n`` at ``p`` toward ``q`` leave at least :data:`MEET` degrees
        from every emotional line already at ``n`` that leaves within :data:`MEET_NEAR` of ``p``
        (but another line of the same two people, :attr:`pair`: a lane beside it or a route of its own)?"""
        angles = self.meets.get(n.id)
        if not angles:
            return True
        turn = math.atan2(q[1] - p[1], q[0] - p[0])
        return all(abs((turn - t + math.pi) % (2 * math.pi) - math.pi) >= math.radians(MEET)
                   for t, other, end in angles if frozenset((n.id, other)) != self.pair
                   and math.dist(end, p) < MEET_NEAR)

    def _free_end(self, n: PersonNode, p: Point) -> bool:
        """Does a line ending on ``n`` at ``p`` keep :attr:`end_gap` from every point where a union
        line or a child line meets the symbol of ``n`` (not drawn into the end of a child line, nor
        leaving by the foot of a union line)?

        >>> from socialtools.genogram.placements import GenogramLayout
        >>> from socialtools.draw.text import TextBlock
        >>> n = PersonNode("A", x=0, y=0, size=20, outer=20, row=0, label=TextBlock((), 10), label_top=20)
        >>> router = EmotionalRouter(GenogramLayout({"A": n}, {}, [], [], [], [], 0.0, 0.0), [[(0, -40), (0, -10)]])
        >>> router.fit(pattern_half_width("fused"))
        >>> router._free_end(n, (2, -10)), router._free_end(n, (8, -10))
        (False, True)
        """
        return not self.free_ends or all(math.dist(p, q) >= self.end_gap for q in self.attached.get(n.id, ()))

    def _clear(self, points: list[Point], a: PersonNode, b: PersonNode,
               local: LocalBoxes | None = None) -> bool:
        """Through no one else's symbol, no label, and not back through its own two symbols;
        ``local`` (corners of the boxes, shrunk) stands for the grid near both people when given."""
        lay = self.lay
        own = self._own(a, b)
        m = self.reach  # the line's pattern (the outer lanes of a bundle) stays on the canvas (or OUTSIDE it)
        if not all(m <= x <= lay.width - m + OUTSIDE and m <= y <= lay.height - m + OUTSIDE for x, y in points):
            return False
        for p, q in itertools.pairwise(points):
            if local is not None:
                if local.hit(p, q):
                    return False
            elif any(key not in own and segment_hits_box(p, q, box)
                     for key, box in self.grid.near(p[0], p[1], q[0], q[1])):
                return False
            if any(segment_hits_box(p, q, n.symbol_box, shrink=1.0) for n in (a, b)):
                return False
        return True

    def candidates(self, a: PersonNode, b: PersonNode) -> list[list[Point]]:
        """Straight lines fanned out from the direct direction, then lines with one bend."""
        out: list[list[Point]] = []
        ab, ba = _toward(a, (b.x, b.y)), _toward(b, (a.x, a.y))
        fans = sorted(itertools.product(FAN, FAN), key=lambda d: (abs(d[0]) + abs(d[1]), d))
        for da, db in fans:
            out.append([edge_point(a, ab + math.radians(da)), edge_point(b, ba + math.radians(db))])
        length = math.dist((a.x, a.y), (b.x, b.y)) or 1.0
        nx, ny = -(b.y - a.y) / length, (b.x - a.x) / length
        for off in BEND_OFF:
            for side in (1, -1):
                for t in BEND_AT:
                    w = (a.x + (b.x - a.x) * t + side * off * nx, a.y + (b.y - a.y) * t + side * off * ny)
                    out.append([edge_point(a, _toward(a, w)), w, edge_point(b, _toward(b, w))])
        return out

    @staticmethod
    def hops(a: PersonNode, b: PersonNode) -> list[list[Point]]:
        """Between two neighbours on one row too close for a line's pattern (:data:`MIN_LENGTH`):
        brackets from the top of one to the top of the other (a quarter of a symbol off the middle,
        where a child line comes down), slanting up to a flat middle that carries the pattern's
        marks, then from bottom to bottom (review 6 D17). Each of their three stretches is longer
        than :data:`ALONG`, so a line running along one is seen.

        >>> from socialtools.draw.text import TextBlock
        >>> a, b = (PersonNode(i, x=x, y=0, size=36, outer=36, row=0, label=TextBlock((), 10), label_top=20)
        ...         for i, x in (("A", 0), ("B", 54)))
        >>> bracket = EmotionalRouter.hops(a, b)[0]
        >>> bracket, round(polyline_length(bracket))
        ([(9.0, -18.0), (18.0, -32.0), (36.0, -32.0), (45.0, -18.0)], 51)
        """
        if abs(a.y - b.y) > 1e-6 or abs(a.x - b.x) - (a.outer + b.outer) / 2 >= MIN_LENGTH:
            return []
        left, right = (a, b) if a.x < b.x else (b, a)
        x0, x1 = left.x + left.outer / 4, right.x - right.outer / 4
        inset = (x1 - x0) / 4
        out = []
        for side in (-1, 1):
            y0, y1 = left.y + side * left.outer / 2, right.y + side * right.outer / 2
            for h in HOP_HEIGHTS:
                y = min(y0, y1) - h if side < 0 else max(y0, y1) + h
                bracket = [(x0, y0), (x0 + inset, y), (x1 - inset, y), (x1, y1)]
                if polyline_length(bracket) >= MIN_LENGTH:
                    out.append(bracket if left is a else bracket[::-1])
        return out

    def _graph_route(self, a: PersonNode, b: PersonNode, strict: bool = True, wide: bool = False) -> list[Point] | None:
        """The cheapest clean line through the corners of the obstacles near ``a`` and ``b``
        (A* over a visibility graph; edges are tested only when reached); ``wide``: through more
        corners, with more stretches tested (:data:`WIDE_CORNERS`, :data:`WIDE_BUDGET`)."""
        margin = REGION
        x0, x1 = min(a.x, b.x) - margin, max(a.x, b.x) + margin
        y0, y1 = min(a.y, b.y) - margin, max(a.y, b.y) + margin
        own = self._own(a, b)
        boxes = [box for key, box in self.grid.near(x0, y0, x1, y1) if key not in own]
        local = LocalBoxes(boxes)
        # the free corners that make the shortest detours, within a budget
        around = {(x, y) for box in boxes for gap in CORNER_GAPS
                  for x in (box.x - gap, box.right + gap) for y in (box.y - gap, box.bottom + gap)}
        # and round the bends of the lines (a household's outline): a line may pass outside them
        around |= {(x + dx, y + dy) for seg in self.lines.near((x0, y0), (x1, y1)) for x, y in seg
                    for dx in (-LINE_GAP, LINE_GAP) for dy in (-LINE_GAP, LINE_GAP)}
        corners = sorted({c for c in around if x0 <= c[0] <= x1 and y0 <= c[1] <= y1},
                         key=lambda c: (math.dist(c, (a.x, a.y)) + math.dist(c, (b.x, b.y)), c))
        corners = list(itertools.islice((c for c in corners if not any(
            box.contains(c, -0.01) for _, box in self.grid.near(c[0], c[1], c[0], c[1]))
            and not self.lines.touches(c, self.reach)), WIDE_CORNERS if wide else CORNERS))
        turns = [math.radians(d) for d in range(0, 360, 360 // EXITS)]
        starts = [edge_point(a, t) for t in turns]
        ends = [edge_point(b, t) for t in turns]
        points = starts + corners + ends
        first_end = len(starts) + len(corners)
        goal = (b.x, b.y)
        n_starts = len(starts)

        def h(k: int) -> float:
            return math.dist(points[k], goal) - b.outer / 2

        # lazy A*: a stretch is pushed at its length alone and tested only when it comes first
        heap: list[tuple[float, float, int, int, bool]] = [(h(k), 0.0, k, -1, True) for k in range(n_starts)]
        heapq.heapify(heap)
        came: dict[int, int] = {}
        done: set[int] = set()
        budget = WIDE_BUDGET if wide else EDGE_BUDGET
        while heap and budget > 0:
            _, g, k, parent, tested = heapq.heappop(heap)
            if k in done:
                continue
            if not tested:
                budget -= 1
                seg = [points[parent], points[k]]
                skip = (self.reach if parent < n_starts else 0.0, self.reach if k >= first_end else 0.0)
                # it leaves a symbol (and comes to one) from outside, not along its outline: a
                # pattern's lane beside a line that grazes a circle would run inside it
                outward = ((parent >= n_starts or (_outward(seg[1], seg[0], turns[parent])
                                                     and self._free_end(a, seg[0])
                                                     and (not strict or self._fans(a, seg[0], seg[1]))))
                           and (k < first_end or (_outward(seg[0], seg[1], turns[k - first_end])
                                                  and self._free_end(b, seg[1])
                                                  and (not strict or self._fans(b, seg[1], seg[0])))))
                if outward and self._clear(seg, a, b, local) and not (
                        strict and self.lines.runs_along(seg, *skip, self.near)):
                    g = g - math.dist(*seg) + self.cost(seg)
                    heapq.heappush(heap, (g + h(k), g, k, parent, True))
                continue
            done.add(k)
            if parent >= 0:
                came[k] = parent
            if k >= first_end:
                path = [points[k]]
                while k in came:
                    k = came[k]
                    path.append(points[k])
                return path[::-1]
            for m in range(n_starts, len(points)):
                if m not in done:
                    step = g + math.dist(points[k], points[m]) + (BEND_COST if m < first_end else 0.0)
                    heapq.heappush(heap, (step + h(m), step, m, k, False))
        return None

    def cost(self, points: list[Point]) -> float:
        length = sum(math.dist(p, q) for p, q in itertools.pairwise(points))
        return (length + CROSS_COST * self.lines.crossings(points) + BEND_COST * (len(points) - 2)
                + ROOM_COST * self.rooms_entered(points))

    def rooms_entered(self, points: list[Point]) -> int:
        """How many household outlines the line passes through whose members include neither of
        the two people it joins (:attr:`pair`).

        >>> router = EmotionalRouter.__new__(EmotionalRouter)
        >>> router.rooms = [([(0, 0), (10, 0), (10, 10), (0, 10)], Box(0, 0, 10, 10), frozenset("H"))]
        >>> router.pair = frozenset("AB")
        >>> router.rooms_entered([(-5, 5), (15, 5)]), router.rooms_entered([(-5, 15), (15, 15)])
        (1, 0)
        """
        count = 0
        for poly, box, members in self.rooms:
            if members & self.pair or not any(segment_hits_box(p, q, box) for p, q in itertools.pairwise(points)):
                continue
            samples = (
                (p[0] + (q[0] - p[0]) * k / n, p[1] + (q[1] - p[1]) * k / n)
                for p, q in itertools.pairwise(points)
                for n in [max(1, int(math.dist(p, q) / 4.0))] for k in range(n + 1))
            count += any(_inside(s, poly) for s in samples)
        return count

    def _cheapest(self, a: PersonNode, b: PersonNode, fallback: Callable[[], list[list[Point]]],
                  strict: bool) -> list[Point] | None:
        """The cheapest candidate that passes through nothing (and, when ``strict``, runs along no line)."""
        self.pair = frozenset({a.id, b.id})
        skip = (self.reach, self.reach)

        def clean(pts: list[Point]) -> bool:
            return (polyline_length(pts) >= MIN_LENGTH and self._free_end(a, pts[0]) and self._free_end(b, pts[-1])
                    and not _grazes(a, pts[0], pts[1])
                    and not _grazes(b, pts[-1], pts[-2]) and self._clear(pts, a, b)
                    and not (strict and (self.lines.runs_along(pts, *skip, self.near) or not (
                        self._fans(a, pts[0], pts[1]) and self._fans(b, pts[-1], pts[-2])))))

        def cost(pts: list[Point]) -> float:  # not strict: running along other lines as short as can be
            return self.cost(pts) + (0.0 if strict else ALONG_COST * self.lines.along_length(pts, *skip, self.near))

        hops = self.hops(a, b)
        if hops:  # a bracket over (under) two neighbours, crossing no more lines than the short straight one
            direct = [edge_point(a, _toward(a, (b.x, b.y))), edge_point(b, _toward(b, (a.x, a.y)))]
            crossed = self.lines.crossings(direct)
            hop = next((pts for pts in hops if clean(pts) and self.lines.crossings(pts) <= crossed), None)
            if hop is not None:
                return hop
        best: tuple[float, int] | None = None
        options = self.candidates(a, b)
        lengths = [sum(math.dist(p, q) for p, q in itertools.pairwise(pts)) for pts in options]
        for i in sorted(range(len(options)), key=lambda i: (lengths[i], i)):
            if best is not None and lengths[i] >= best[0]:
                break  # no longer candidate can cost less
            if clean(options[i]):
                c = cost(options[i])
                if best is None or c < best[0] - 1e-9:
                    best = (c, i)
        direct = math.dist((a.x, a.y), (b.x, b.y))
        if (best is None or best[0] > DETOUR * direct) and direct <= REACH:
            around = self._graph_route(a, b, strict)
            if around is not None and polyline_length(around) >= MIN_LENGTH:
                c = cost(around)
                if best is None or c < best[0]:
                    options.append(around)
                    best = (c, len(options) - 1)
        if best is not None:
            return options[best[1]]
        lane = next((f for f in fallback() if clean(f)), None)  # the lanes and gutters
        return lane

    @property
    def near(self) -> float:
        """How close another line may come to the one being chosen (its middle) without running along it."""
        return NEAR + self.reach - PATTERN_HALF_WIDTH

    def choose(self, a: PersonNode, b: PersonNode, fallback: Callable[[], list[list[Point]]]) -> list[Point] | None:
        """The cheapest clean candidate from ``a`` to ``b`` (``fallback`` routes last), which joins
        the lines. When none is clean, the cheapest that at least passes through nothing (though it
        may run along a line); ``None`` when even that fails."""
        chosen = self._pick(a, b, fallback, final=True)
        if chosen is not None:
            self._keep(chosen, a, b)
        return chosen

    def _pick(self, a: PersonNode, b: PersonNode, fallback: Callable[[], list[list[Point]]],
              final: bool = False) -> list[Point] | None:
        """The cheapest clean line, else the cheapest that passes through nothing; a ``final``
        pick (the line drawn, not a trial) without a clean line is named in :attr:`unclean`."""
        chosen = self._cheapest(a, b, fallback, strict=True)
        if chosen is None and final and self.wide_search:  # the line drawn: once more, through more corners
            chosen = self._graph_route(a, b, strict=True, wide=True)
        if chosen is not None and polyline_length(chosen) >= MIN_LENGTH:
            return chosen
        if final:
            self.unclean.append((a.id, b.id))
        return self._cheapest(a, b, fallback, strict=False)

    def _lane(self, a: PersonNode, b: PersonNode, line: list[Point], offset: float) -> list[Point] | None:
        """``line`` moved sideways by ``offset``, its ends on the two symbols, when that is clean."""
        lane = _lane_end(b, _lane_end(a, offset_polyline(line, offset)[::-1])[::-1]) if offset else line
        if (self._clear(lane, a, b) and self._free_end(a, lane[0]) and self._free_end(b, lane[-1])
                and not self.lines.runs_along(lane, PATTERN_HALF_WIDTH, PATTERN_HALF_WIDTH)):
            return lane
        return None

    def fit(self, half_width: float) -> None:
        """The lines chosen next have patterns ``half_width`` wide on each side of their middle:
        a single line keeps :data:`THIN_MARGIN` beyond that off every symbol and label (never
        further than :data:`PATTERN_HALF_WIDTH`), so that a thin line passes a narrow gap.

        >>> from socialtools.genogram.placements import GenogramLayout
        >>> router = EmotionalRouter(GenogramLayout({}, {}, [], [], [], [], 0.0, 0.0), [])
        >>> router.fit(pattern_half_width("cutoff")); router.clearance
        2.4
        >>> router.fit(pattern_half_width("hostile")); router.clearance
        5.0
        """
        self.clearance = min(PATTERN_HALF_WIDTH, round(half_width + THIN_MARGIN, 6))
        self.end_gap = half_width + END_GAP
        self.grid = self._base_grid()

    def _base_grid(self) -> Obstacles:
        """The obstacles grown by :attr:`clearance` (made once for each clearance)."""
        if self.clearance not in self.grids:
            self.grids[self.clearance] = self._grid(self.clearance)
        return self.grids[self.clearance]

    def _wide(self, reach: float, pick: Callable[[], list[Point] | None]) -> list[Point] | None:
        """``pick()`` run for a line ``reach`` wide on each side (a bundle of parallel lanes): the
        obstacles grown by as much, other lines kept as far off."""
        if reach not in self.grids:
            self.grids[reach] = self._grid(reach)
        self.reach, self.grid = reach, self.grids[reach]
        try:
            return pick()
        finally:
            self.reach, self.grid = PATTERN_HALF_WIDTH, self._base_grid()

    def open_gate(self, a: PersonNode, b: PersonNode, fallback: Callable[[], list[list[Point]]]) -> str | None:
        """When the cheapest clean line from ``a`` to ``b`` is a long way round (more than
        :data:`GATE` times the straight distance, or none is clean), lift the date label of a union
        of ``a`` or ``b`` (and shift it along the union line) so that a short clean line passes
        under it, beside the person's symbol and over their name: the first place (the least moved)
        that gives a line within :data:`GATE` that keeps a pattern's width off every other line, else
        the place whose line costs least when it costs under two thirds of the long way round. A label
        moves only to a place clear of every symbol, label and line (by :data:`LABEL_CLEARANCE`),
        between its partners' symbols, not across a household outline, and off the straight line of
        every relationship still to be routed. Returns the id of the union whose label moved."""
        direct = math.dist((a.x, a.y), (b.x, b.y))
        if not 0 < direct <= REACH:
            return None
        base = self._cheapest(a, b, fallback, strict=True)
        if base is not None and _detour(a, b, base) <= GATE:
            return None
        base_cost = math.inf if base is None else self.cost(base)
        best: tuple[float, str, Box] | None = None
        pair = frozenset((a.id, b.id))
        self.gated.add(pair)
        for u in self.lay.unions.values():
            if u.label_box is None or len(u.partners) != 2 or not {a.id, b.id} & set(u.partners):
                continue
            if any(set(u.partners) <= members for _, _, members in self.rooms):
                continue  # a couple's own label inside their household: its outline was drawn round it there
            old = u.label_box
            for box in self._label_places(u):
                self._set_label(u.id, box)
                route = self._cheapest(a, b, fallback, strict=True)
                self._set_label(u.id, old)
                if route is None:
                    continue
                skip, near = (self.reach, self.reach), self.near + PATTERN_HALF_WIDTH
                if _detour(a, b, route) <= GATE and not self.lines.runs_along(route, *skip, near):
                    best = (0.0, u.id, box)
                    break
                cost = self.cost(route)
                if cost < 2 / 3 * base_cost and (best is None or cost < best[0]):
                    best = (cost, u.id, box)
            if best is not None and best[0] == 0.0:
                break
        if best is None:
            self.gated.discard(pair)
            return None
        self.moved.setdefault(best[1], self.lay.unions[best[1]].label_box)  # type: ignore[arg-type]
        self._set_label(best[1], best[2])
        return best[1]

    def _set_label(self, uid: str, box: Box) -> None:
        """Put the date label of union ``uid`` at ``box`` (the obstacles follow)."""
        self.lay.unions[uid].label_box = box
        self.grids = {PATTERN_HALF_WIDTH: self._grid(PATTERN_HALF_WIDTH)}
        self.grid = self._base_grid()

    def _grid(self, grow: float) -> Obstacles:
        """The obstacles (see :func:`obstacle_grid`), and over each lifted label room that a line
        between its partners keeps clear (its pattern and a note's number off the label)."""
        grid = obstacle_grid(self.lay, grow)
        for uid in self.moved:
            box = self.lay.unions[uid].label_box
            if box is not None:
                grid.add(f"above:{uid}", Box(box.x - grow, box.y - WAIT_GAP, box.w + 2 * grow, WAIT_GAP))
        return grid

    def _label_places(self, u: UnionPlacement) -> Iterator[Box]:
        """The places a union's date label may be lifted to (the least moved first): between its
        partners' symbols, clear of every other obstacle and line, inside the same household
        outlines as before, off the straight line of every relationship still to be routed."""
        box = u.label_box
        assert box is not None
        left, right = sorted((self.lay.nodes[p] for p in u.partners), key=lambda n: n.x)
        extents = symbol_extents(self.lay)
        lo, hi = extents[left.id].right + LABEL_CLEARANCE, extents[right.id].x - LABEL_CLEARANCE
        top = min(extents[left.id].y, extents[right.id].y)
        homes = [_inside(box.center, poly) for poly, _, _ in self.rooms]
        own = f"union:{u.id}"
        raw = obstacle_grid(self.lay, 0.0)
        was = box.grown(LABEL_CLEARANCE)
        # the straight lines still free of each relationship still to be routed (between the
        # middles of the two symbols, or parallel to that higher or lower): one must stay free
        straight = [lines for m, n in self.waiting.values() if (lines := [
            line for turn in STRAIGHTS for mn, nm in [(_toward(m, (n.x, n.y)), _toward(n, (m.x, m.y)))]
            for line in [[edge_point(m, mn + turn), edge_point(n, nm - turn)]] if self._clear(line, m, n)])]
        for rise, shift in sorted(itertools.product(GATE_RISE, GATE_SHIFT), key=lambda m: (m[0] + abs(m[1]), m)):
            place = Box(box.x + shift, box.y - rise, box.w, box.h)
            if place.x < lo or place.right > hi or place.y < top:
                continue
            if any(key != own and place.overlaps(other, LABEL_CLEARANCE) for key, other in
                   raw.near(place.x, place.y, place.right, place.bottom)):
                continue
            # as far from every line as LABEL_CLEARANCE, or as the label was (beside a household
            # outline that passes just by its partner's symbol)
            # (and an emotional line's pattern as far)
            grown = place.grown(LABEL_CLEARANCE + PATTERN_HALF_WIDTH)
            corners = ((grown.x, grown.y), (grown.right, grown.bottom))
            if any(segment_hits_box(p, q, place.grown(self.lines.half.get(id(seg), 0.0)))
                   or not segment_hits_box(p, q, was.grown(self.lines.half.get(id(seg), 0.0)))
                   for seg in self.lines.near(*corners) for p, q in [seg]
                   if segment_hits_box(p, q, place.grown(LABEL_CLEARANCE + self.lines.half.get(id(seg), 0.0)))):
                continue
            if [_inside(place.center, poly) for poly, _, _ in self.rooms] != homes:
                continue
            wider = place.grown(PATTERN_HALF_WIDTH)
            if any(all(segment_hits_box(p, q, wider) for p, q in lines) for lines in straight):
                continue
            yield place

    def choose_lanes(self, a: PersonNode, b: PersonNode, fallback: Callable[[], list[list[Point]]],
                     count: int) -> list[list[Point] | None]:
        """The lines of :meth:`_lanes_off_lines`, their ends kept off the points where union and child
        lines meet the symbols (:meth:`_free_end`); but when that sends one a long way round (more
        than :data:`LONG_WAY` times the straight distance: two relationships of one pair whose lanes
        must part) and letting the ends be gives shorter lines, those. The lanes of several
        relationships of one pair are drawn as before: ends kept off those points would part them."""
        def loose() -> list[list[Point] | None]:
            self.free_ends = False
            try:
                return self._lanes_off_lines(a, b, fallback, count)
            finally:
                self.free_ends = True

        if count > 1:
            return loose()
        return self._shorter_if_long(a, b, lambda: self._lanes_off_lines(a, b, fallback, count), loose)

    def _lanes_off_lines(self, a: PersonNode, b: PersonNode, fallback: Callable[[], list[list[Point]]],
                         count: int) -> list[list[Point] | None]:
        """The lines of :meth:`_choose_lanes`, their patterns' edges kept off the plain lines
        (:attr:`LineIndex.own`); but when that sends one a long way round (more than
        :data:`LONG_WAY` times the straight distance) and keeping only their middles off the plain
        lines gives shorter lines, those (a zigzag's teeth may then come near a child line)."""
        if not self.lines.own:
            return self._choose_lanes(a, b, fallback, count)
        def near() -> list[list[Point] | None]:
            own, self.lines.own = self.lines.own, 0.0
            try:
                return self._choose_lanes(a, b, fallback, count)
            finally:
                self.lines.own = own

        return self._shorter_if_long(a, b, lambda: self._choose_lanes(a, b, fallback, count), near)

    def _shorter_if_long(self, a: PersonNode, b: PersonNode, first: Callable[[], list[list[Point] | None]],
                         again: Callable[[], list[list[Point] | None]]) -> list[list[Point] | None]:
        """The lines ``first`` routes; when one of them goes more than :data:`LONG_WAY` times the
        straight distance round, the routing is undone and ``again`` (a looser rule) tried: its
        lines when their longest is shorter, else ``first``'s, as they were."""
        saved = self._state()
        lanes = first()
        longest = max((math.inf if lane is None else _detour(a, b, lane) for lane in lanes), default=0.0)
        if longest <= LONG_WAY:
            return lanes
        kept = self._state()
        self._restore(saved)
        other = again()
        if max((math.inf if lane is None else _detour(a, b, lane) for lane in other), default=0.0) < longest:
            return other
        self._restore(kept)
        return lanes

    def _state(self) -> tuple[dict[tuple[int, int], list[tuple[Point, Point]]], dict[int, float],
                              dict[str, list[tuple[float, str, Point]]], int]:
        return ({k: list(v) for k, v in self.lines.cells.items()}, dict(self.lines.half),
                {k: list(v) for k, v in self.meets.items()}, len(self.unclean))

    def _restore(self, state: tuple[dict[tuple[int, int], list[tuple[Point, Point]]], dict[int, float],
                                    dict[str, list[tuple[float, str, Point]]], int]) -> None:
        self.lines.cells, self.lines.half, self.meets = state[0], state[1], state[2]
        del self.unclean[state[3]:]

    def _choose_lanes(self, a: PersonNode, b: PersonNode, fallback: Callable[[], list[list[Point]]],
                      count: int) -> list[list[Point] | None]:
        """``count`` lines from ``a`` to ``b`` (several relationships of one pair, each drawn in
        its own pattern): parallel lanes :data:`LANE_GAP` apart, centred on the cheapest route
        that is clean for the whole bundle's width; else centred on the line :meth:`choose`
        would choose, when they are all clean (closer, down to :data:`MIN_LANE_GAP`, and shifted
        a little where the way is narrow); else that line and lanes beside it, each where it
        is clean, and a route of its own for a line that has no clean lane. Every line joins the
        lines; ``None`` stands for a line with no route at all."""
        zones = [((n.x, n.y), n.outer / 2 + LANE_GAP) for n in (a, b)]
        for gap in LANE_GAPS if count > 1 else ():  # the route of the whole bundle (as wide as its lanes)
            bundle = self._wide(PATTERN_HALF_WIDTH + (count - 1) * gap / 2, lambda: self._pick(a, b, fallback))
            centred = [self._lane(a, b, bundle, (i - (count - 1) / 2) * gap) if bundle else None for i in range(count)]
            if all(lane is not None for lane in centred) and all(
                    _apart(p, q, gap, zones) for p, q in itertools.pairwise(centred)):  # type: ignore[arg-type]
                for lane in centred:
                    self._keep(lane, a, b)  # type: ignore[arg-type]
                return centred
        first = self._pick(a, b, fallback, final=True)
        if first is None:
            return [None] * count
        # lanes round that line, closer together (down to MIN_LANE_GAP) and shifted off it a little
        # where the way between two people is narrow
        for gap, shift in itertools.product(LANE_GAPS, LANE_SHIFTS):
            spread = [self._lane(a, b, first, shift + (i - (count - 1) / 2) * gap) for i in range(count)]
            if all(lane is not None for lane in spread) and all(
                    _apart(p, q, gap, zones) for p, q in itertools.pairwise(spread)):  # type: ignore[arg-type]
                for lane in spread:
                    self._keep(lane, a, b)  # type: ignore[arg-type]
                return spread
        self._keep(first, a, b)
        lanes: list[list[Point] | None] = [first]
        offsets = [k * side * LANE_GAP for k in range(1, count) for side in (1, -1)]
        for _ in range(count - 1):
            lane = None
            for off in offsets:
                lane = self._lane(a, b, first, off)
                if lane is not None:
                    offsets.remove(off)
                    self._keep(lane, a, b)
                    break
            lanes.append(lane if lane is not None else self.choose(a, b, fallback))
        return lanes

