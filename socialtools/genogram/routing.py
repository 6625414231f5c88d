"""Routing of the lines that do not follow the family tree: emotional relationships,
further child links (adoptive beside birth parents), the line joining a person drawn twice to
the copy, and household boundaries.

Every route is chosen among a few candidates (straight, through a lane above the row,
down a gutter beside a person) as the first that passes through no symbol and no label.

>>> from socialtools.genogram.model import Family
>>> from socialtools.genogram.layout import layout_family
>>> family = Family.model_validate({"people": [{"id": "A"}, {"id": "B"}],
...     "relationships": [{"between": ["A", "B"], "kind": "close"}]})
>>> [(r.a, r.b) for r in layout_family(family).relationships]
[('A', 'B')]
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import defaultdict
from collections.abc import Callable
from functools import partial

from socialtools.draw.geometry import (
    Box,
    Point,
    box_polygon_distance,
    outline_of_boxes,
    segment_distance,
    segment_hits_box,
)
from socialtools.draw.placer import Obstacles, first_clear
from socialtools.draw.text import LINE_HEIGHT, text_width
from socialtools.genogram.arcs import duplicate_arc
from socialtools.genogram.emotional import (
    LANE_GAP,
    REACH,
    EmotionalRouter,
    LineIndex,
    pattern_half_width,
    symbol_extents,
)
from socialtools.genogram.emotional import PATTERN_HALF_WIDTH as EMOTIONAL_HALF_WIDTH
from socialtools.genogram.households import household_rectangles, keep_apart
from socialtools.genogram.model import Family
from socialtools.genogram.placements import (
    GenogramLayout,
    HouseholdPlacement,
    LayoutConfig,
    LinkPlacement,
    PersonNode,
)
from socialtools.genogram.structure import FamilyStructure

HOUSEHOLD_PAD = 7.0
LABEL_MARGIN = 4.0  # a label box grown by this for the routes (svgcheck measures text a little wider)
#: how many pairs left without a clean emotional line are each tried first (all lines drawn again)
RETRIES = 3
#: a pair whose emotional line is longer than this many times the straight distance (centre to
#: centre) is tried first as well (all lines drawn again): a shorter line drawn before may have taken its way
LONG_ROUTE = 2.5
EMOTIONAL_LANES = math.ceil(LANE_GAP / LayoutConfig().level_step)  # lanes an emotional line takes (its pattern)
ARC_CLEARANCE = 6.0  # the arc joining a person drawn twice keeps this far from other symbols and labels
PATTERN_HALF_WIDTH = 3.5  # half the width of the widest emotional-line pattern (three lines, a zigzag)


def _edge_point(n: PersonNode, toward: Point) -> Point:
    """Where the straight line from the centre of ``n`` toward a point leaves its symbol box."""
    dx, dy = toward[0] - n.x, toward[1] - n.y
    h = n.outer / 2
    scale = min(h / abs(dx) if dx else float("inf"), h / abs(dy) if dy else float("inf"))
    return (n.x + dx * scale, n.y + dy * scale)


def _obstacles(lay: GenogramLayout, grow: float = 0.0) -> Obstacles:
    """Symbol, label and union-label boxes of the layout, keyed by the person they belong to
    (symbols and labels grown by ``grow``)."""
    grid = Obstacles()
    for n in lay.nodes.values():
        grid.add(n.id, n.symbol_box.grown(grow))
        if n.label_box.w > 0:  # with a margin: text drawn runs a little beyond its measured box
            grid.add(f"label:{n.id}", n.label_box.grown(max(grow, LABEL_MARGIN)))
    for u in lay.unions.values():
        if u.label_box is not None:  # with room for the width of a drawn pattern (zigzag, parallel lines)
            grid.add(f"union:{u.id}", u.label_box.grown(PATTERN_HALF_WIDTH))
    return grid


def _near(p: list[Point], q: list[Point], gap: float) -> bool:
    """Do the polylines come within ``gap`` of each other (crossing included)?"""
    return any(segment_distance(a, b, c, d) < gap for a, b in itertools.pairwise(p) for c, d in itertools.pairwise(q))


def _arc_blocked(lay: GenogramLayout, grid: Obstacles, points: list[Point], allowed: set[str]) -> bool:
    """An arc passes through a symbol or label not its own (with room to spare), or leaves the drawing."""
    return (not all(0 <= x <= lay.width and 0 <= y <= lay.height for x, y in points)
            or _blocked(grid, points, allowed))


def _blocked(grid: Obstacles, points: list[Point], allowed: set[str]) -> bool:
    return any(key not in allowed for p, q in itertools.pairwise(points)
               for key, _ in grid.hit_by_segment(p, q))


def _blocked_leaving(grid: Obstacles, points: list[Point], allowed: set[str], down: set[str]) -> bool:
    """:func:`_blocked` for a line from a union's drop: ``down`` is what it may pass when it
    leaves the union line downward (the union's own label stands above the line)."""
    return _blocked(grid, points, down if points[1][1] > points[0][1] else allowed)


def _collinear(points: list[Point], existing: list[list[Point]], tol: float = 3.0) -> bool:
    """True when a straight part of ``points`` runs along (within ``tol``) a part of another line."""
    for p, q in itertools.pairwise(points):
        vertical, horizontal = abs(p[0] - q[0]) < 1e-6, abs(p[1] - q[1]) < 1e-6
        if not (vertical or horizontal):
            continue
        for line in existing:
            for a, b in itertools.pairwise(line):
                if vertical and abs(a[0] - b[0]) < 1e-6 and abs(a[0] - p[0]) < tol:
                    lo, hi = sorted((p[1], q[1]))
                    if min(hi, max(a[1], b[1])) - max(lo, min(a[1], b[1])) > 0.5:
                        return True
                if horizontal and abs(a[1] - b[1]) < 1e-6 and abs(a[1] - p[1]) < tol:
                    lo, hi = sorted((p[0], q[0]))
                    if min(hi, max(a[0], b[0])) - max(lo, min(a[0], b[0])) > 0.5:
                        return True
    return False


def _gutters(lay: GenogramLayout, row: int, near: float, cfg: LayoutConfig) -> list[float]:
    """x of the free gaps between people of a row (and beside its ends), nearest ``near`` first.

    Gaps between partners are not free: their union's label and children's line are there.
    """
    nodes = [lay.nodes[p] for p in lay.rows[row]]
    couples = {frozenset(u.partners) for u in lay.unions.values() if len(u.partners) == 2}

    def half(n: PersonNode) -> float:
        return max(n.outer, n.label.width) / 2

    xs = [nodes[0].x - half(nodes[0]) - cfg.gap_block, nodes[-1].x + half(nodes[-1]) + cfg.gap_block]
    xs += [(a.x + half(a) + b.x - half(b)) / 2 for a, b in itertools.pairwise(nodes)
           if frozenset((a.id, b.id)) not in couples]
    return sorted(xs, key=lambda x: (abs(x - near), x))[:8]


def _climbs(lay: GenogramLayout, x: float, rows: range, cfg: LayoutConfig) -> list[list[float]]:
    """The ways up from below ``rows[0]`` past each of ``rows`` in turn: the x of a free gap of
    each row (the nearest few to the gap before), to go up from the lane below it to the lane
    above it."""
    ways: list[list[float]] = [[]]
    for k, r in enumerate(rows):
        ways = [[*way, g] for way in ways for g in _gutters(lay, r, way[-1] if way else x, cfg)[:8 if k == 0 else 3]]
    return ways


def _up_gaps(way: list[float], rows: range, y: float, lane: Callable[[int], float]) -> list[Point]:
    """The points of a line at height ``y`` that goes up ``way`` (see :func:`_climbs`)."""
    pts: list[Point] = []
    for g, r in zip(way, rows, strict=True):
        pts += [(g, pts[-1][1] if pts else y), (g, lane(r))]
    return pts


PORTS = (0.25, 0.34, 0.42)  # offsets of the places on top of a symbol, as fractions of its size
PORT_GAP = 7.0  # two lines on top of one symbol stay this far apart (a pattern's width)
WIDE_PORTS = (0.42, 0.3)  # an emotional line's pattern keeps off the child line in the middle
WIDE_PORT_GAP = 2 * EMOTIONAL_HALF_WIDTH + 2.0  # and off another emotional line on the same symbol


def _port(node: PersonNode, toward: float, taken: list[float], skip: int = 0, wide: bool = False) -> float:
    """x offset on top of a symbol where the next emotional line attaches: beside the child line
    (in the middle), on the side facing ``toward`` first, and away from the places ``taken``
    (offsets of lines already there) by :data:`PORT_GAP`; ``skip`` passes over free places."""
    side = 1 if toward > node.x else -1
    places = [s * node.outer * f for f in (WIDE_PORTS if wide else PORTS) for s in (side, -side)]
    gap = WIDE_PORT_GAP if wide else PORT_GAP
    free = [o for o in places if all(abs(o - t) >= gap for t in taken)] or places
    return free[min(skip, len(free) - 1)]


def _ends(node: PersonNode, other: PersonNode, used: list[float]) -> list[Point]:
    """Where a straight line toward ``other`` may leave ``node``: the side facing it, and the
    top (beside the child line) when ``other`` stands higher."""
    side = 1 if other.x > node.x else -1
    ends = [(node.x + side * node.outer / 2, node.y)]
    if other.y < node.y:
        ends.append((node.x + _port(node, other.x, used), node.top[1]))
    return ends


def _down_gaps(lay: GenogramLayout, pts: list[Point], rows: list[int], lower: PersonNode,
               lane: Callable[[int], float], cfg: LayoutConfig, far_left: float | None = None,
               free: Callable[[list[Point]], bool] | None = None,
               ports: dict[str, list[float]] | None = None, wide: bool = False,
               toward: float | None = None) -> list[Point]:
    """Continue ``pts``, which ends on the lane above ``rows[0]``, down through a gap of each of
    ``rows`` but the last (the row of ``lower``), to the top of ``lower``.

    In each row the gap nearest the way down is taken (or, given ``toward``, the gap nearest
    that x: the line goes across on the first lane, then down), beside its middle when ``free``
    says a line already runs there, or the column ``far_left`` beyond every row.
    """
    x = pts[-1][0]
    for r, nxt in itertools.pairwise(rows):
        if far_left is not None:
            x = far_left
        else:
            near = x if toward is None else toward
            options = [g + shift for g in _gutters(lay, r, near, cfg) for shift in (0.0, 6.0, -6.0, 12.0, -12.0)]
            x = next((g for g in options if free is None or free([(g, lane(r)), (g, lane(nxt))])), options[0])
        pts += [(x, lane(r)), (x, lane(nxt))]
    ol = _port(lower, x, (ports or {}).get(lower.id, []), wide=wide)
    pts += [(lower.x + ol, lane(lower.row)), (lower.x + ol, lower.top[1])]
    return [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]


def _descent(lay: GenogramLayout, upper: PersonNode, lower: PersonNode, first_gap: float,
             lane: Callable[[int], float], cfg: LayoutConfig, far_left: float | None = None,
             free: Callable[[list[Point]], bool] | None = None,
             ports: dict[str, list[float]] | None = None, wide: bool = False) -> list[Point]:
    """A route from the top of ``upper`` down through free gaps, row by row, to the top of ``lower``
    (through the gap ``first_gap`` of the row of ``upper``)."""
    rows = [r for r in sorted(lay.rows) if upper.row <= r <= lower.row]
    ou = _port(upper, first_gap, (ports or {}).get(upper.id, []), wide=wide)
    pts: list[Point] = [(upper.x + ou, upper.top[1]), (upper.x + ou, lane(upper.row)),
                        (first_gap, lane(upper.row)), (first_gap, lane(rows[1]))]
    return _down_gaps(lay, pts, rows[1:], lower, lane, cfg, far_left, free, ports, wide)


def route_links(lay: GenogramLayout, family: Family, structure: FamilyStructure,
                lane_y0: dict[int, float], cfg: LayoutConfig,
                cross: dict[str, list[Point]] | None = None) -> tuple[list[LinkPlacement], list[LinkPlacement]]:
    """Lines of the further child links (and of unions across rows), and of the emotional
    relationships, routed around everything already in ``lay``: ``(extra_links, relationships)``.
    ``cross``: the lines of unions across rows the layout has drawn already (down the gaps their
    dummy nodes hold), kept as they are."""
    cross = cross or {}
    extra_links: list[LinkPlacement] = []
    relationships: list[LinkPlacement] = []
    if not (family.relationships or structure.extra_links or structure.cross or lay.copies):
        return extra_links, relationships
    obstacles = _obstacles(lay)
    arc_obstacles = _obstacles(lay, ARC_CLEARANCE) if lay.copies else obstacles
    lane_used: dict[int, int] = defaultdict(int)
    ports: dict[str, list[float]] = defaultdict(list)  # offsets of the emotional lines on top of each symbol
    for uid, pts in cross.items():  # a union line across rows ends on the top of its lower partner
        lower = lay.nodes[structure.anchor[uid]]
        if abs(pts[-1][1] - lower.top[1]) < 1e-6:  # (not when it comes down to the stub under the partner)
            ports[lower.id].append(pts[-1][0] - lower.x)
    position = {p: (r, i) for r, ps in lay.rows.items() for i, p in enumerate(ps)}
    existing = [pts for _, pts, _ in lay.lines()]
    existing += [[*poly, poly[0]] for h in lay.households for poly in h.polygons]  # outlines routed before

    def lane(row: int) -> float:
        return lane_y0[row] + lane_used[row] * cfg.level_step

    def uses_lane(points: list[Point], row: int) -> bool:
        return any(abs(p[1] - lane(row)) < 1e-6 for p in points)

    crossed = LineIndex(existing) if structure.extra_links else LineIndex()
    for uid, link in structure.extra_links:
        child = lay.nodes[link.id]
        dx, dy = lay.unions[uid].stem_top  # (on the lower line of a double line)
        allowed = {link.id}
        top = lay.nodes[structure.hangs_from(uid)[0]].row
        between = [r for r in sorted(lay.rows) if top < r < child.row]
        shifts = (0.0, 6.0, -6.0, 12.0, -12.0)
        ly = lane(child.row)
        off = child.outer / 4 * (1 if dx >= child.x else -1)
        if between:  # two or more rows down: through a free gap of each row on the way
            def free(segment: list[Point], allowed: set[str] = allowed) -> bool:
                return not _blocked(obstacles, segment, allowed) and not _collinear(segment, existing)

            # straight down and across on the last lane, or across on the first lane and down
            options = [_down_gaps(lay, [(dx + s, dy), (dx + s, lane(between[0]))], [*between, child.row], child,
                                  lane, cfg, free=free, ports=ports, toward=toward)
                       for toward in (None, child.x) for s in shifts]
        else:
            options = [[(dx + s, dy), (dx + s, ly), (child.x + off, ly), (child.x + off, child.top[1])]
                       for s in shifts]
        if child.row <= top:  # up to a child of the union's own row: down below the labels, up a gap
            below = max(lay.nodes[p].label_box.bottom for p in lay.rows[top]) + cfg.bar_gap / 2
            options += [[(dx + s, dy), (dx + s, y), (g + t, y), (g + t, ly), (child.x + off, ly),
                         (child.x + off, child.top[1])]
                        for g in _gutters(lay, top, dx, cfg) for t in shifts[:3] for s in shifts[:3]
                        for y in (below, below - 3.0, below + 3.0)]
            if child.row < top:  # from a row further down: up a free gap of each row in turn
                up = range(top, child.row - 1, -1)
                options += [[(dx + s, dy), (dx + s, y), *_up_gaps(way, up, y, lane), (child.x + off, ly),
                             (child.x + off, child.top[1])]
                            for way in _climbs(lay, dx, up, cfg) for s in shifts[:3]
                            for y in (below, below - 3.0, below + 3.0)]
        down = allowed | {f"union:{uid}"}  # a line that leaves the union line downward misses its label
        blocked = partial(_blocked_leaving, obstacles, allowed=allowed, down=down)
        clean = [o for o in options if not blocked(o) and not _collinear(o, existing)]
        # the clean route that crosses fewest lines (the first of those: the nearest the drop); else
        # the first that passes through nothing, though it runs along a line
        pts = min(clean, key=crossed.crossings) if clean else first_clear(options, blocked)
        pts = options[0] if pts is None else pts
        for r in (*between, child.row):
            lane_used[r] += 1
        for r in range(child.row + 1, top + 1):  # the lanes a line up from further down climbs past
            lane_used[r] += uses_lane(pts, r)
        if between:
            ports[child.id].append(pts[-1][0] - child.x)
        extra_links.append(LinkPlacement(link.relation, uid, link.id, pts))
        existing.append(pts)
        crossed.add(pts)

    def candidates_of(a: PersonNode, b: PersonNode) -> list[list[Point]]:
        """Candidate lines from ``a`` to ``b``: straight, through a lane, down the gutters."""
        allowed = {a.id, b.id}
        (ra, ia), (rb, ib) = position[a.id], position[b.id]
        candidates: list[list[Point]] = []
        if ra == rb and abs(ia - ib) == 1:
            left, right = (a, b) if a.x < b.x else (b, a)
            y = (left.y + right.y) / 2
            pts = [(left.x + left.outer / 2, y), (right.x - right.outer / 2, y)]
            candidates.append(pts if left is a else pts[::-1])
        else:
            candidates.append([_edge_point(a, (b.x, b.y)), _edge_point(b, (a.x, a.y))])
            # straight lines that leave a symbol by its side (clear of its own label) or its top
            straight = [[p, q] for p in _ends(a, b, ports[a.id]) for q in _ends(b, a, ports[b.id])]
            candidates += sorted(straight, key=lambda pq: math.dist(*pq))
            if ra == rb:
                ly = lane(ra)
                for extra in (0, 1):
                    oa = _port(a, b.x, ports[a.id], extra, wide=True)
                    ob = _port(b, a.x, ports[b.id], extra, wide=True)
                    candidates.append([(a.x + oa, a.top[1]), (a.x + oa, ly), (b.x + ob, ly), (b.x + ob, b.top[1])])
            else:
                upper, lower = (a, b) if ra < rb else (b, a)
                left = min(n.x - max(n.outer, n.label.width) / 2 for n in lay.nodes.values()) - cfg.gap_block

                def free(segment: list[Point]) -> bool:
                    return not _blocked(obstacles, segment, allowed) and not _collinear(segment, existing)

                # each free gap, and beside it when another line already runs down its middle
                routes = [_descent(lay, upper, lower, gx + shift, lane, cfg, free=free, ports=ports,
                                   wide=True)
                          for gx in _gutters(lay, upper.row, (upper.x + lower.x) / 2, cfg)
                          for shift in (0.0, 6.0, -6.0)]
                routes.append(_descent(lay, upper, lower, left, lane, cfg, far_left=left, ports=ports,
                                       wide=True))
                candidates += [pts if upper is a else pts[::-1] for pts in routes]
        return candidates

    def commit(a: PersonNode, b: PersonNode, chosen: list[Point], steps: int = 1) -> None:
        """Record the lanes (``steps`` of them: an emotional line's pattern is wide), ports and
        line that ``chosen`` takes."""
        for row in lay.rows:
            if uses_lane(chosen, row):
                lane_used[row] += steps
        for node, end in ((a, chosen[0]), (b, chosen[-1])):
            if abs(end[1] - node.top[1]) < 1e-6:
                ports[node.id].append(end[0] - node.x)
        existing.append(chosen)

    def route(a: PersonNode, b: PersonNode) -> list[Point]:
        """The first free candidate line from ``a`` to ``b`` (lanes, ports and lines recorded)."""
        allowed = {a.id, b.id}
        candidates = candidates_of(a, b)
        chosen = (first_clear(candidates, lambda c: _blocked(obstacles, c, allowed), lambda c: _collinear(c, existing))
                  or first_clear(candidates, lambda c: _blocked(obstacles, c, allowed)) or candidates[0])
        commit(a, b, chosen)
        return chosen

    # a union whose partners stand on two rows: a line in the union's style joins them
    for uid, union in structure.unions.items():
        if uid in structure.cross:
            anchor = structure.anchor[uid]
            other = next(p for p in union.partners if p != anchor)
            pts = cross[uid] if uid in cross else route(lay.nodes[other], lay.nodes[anchor])
            extra_links.append(LinkPlacement(f"union-{union.kind}", other, anchor, pts))
    # a person drawn twice: a dashed arc joins the copy to the original (a routed line when no arc is free)
    # (the shorter first, so that a longer arc goes over a shorter one, clear of it)
    drawn = LineIndex(existing)  # an arc runs along no other line
    arcs: list[list[Point]] = []  # and keeps clear of the other arcs

    def arc_blocked(pts: list[Point], ends: set[str]) -> bool:
        return (_arc_blocked(lay, arc_obstacles, pts, ends) or drawn.runs_along(pts, ARC_CLEARANCE, ARC_CLEARANCE)
                or any(_near(pts, other, ARC_CLEARANCE) for other in arcs))

    for copy, original in sorted(lay.copies.items(), key=lambda c: (_span(lay, c), c)):
        a, b = lay.nodes[original], lay.nodes[copy]
        arc = duplicate_arc(a, b, partial(arc_blocked, ends={a.id, b.id}), drawn.crossings)
        if arc is None:
            pts = route(a, b)
            extra_links.append(LinkPlacement("duplicate", original, copy, pts))
        else:
            pts = arc[0]
            extra_links.append(LinkPlacement("duplicate", original, copy, pts, control=arc[1]))
            existing.append(pts)
            arcs.append(pts)
        drawn.add(pts)
    rank = {copy: i for i, copy in enumerate(lay.copies)}  # listed in the order of the copies
    extra_links.sort(key=lambda link: rank.get(link.b, -1) if link.kind == "duplicate" else -1)
    # emotional lines: the shortest clean route of each (see socialtools.genogram.emotional), those
    # of people far apart first (the lanes and gutters), then the shorter relationships first;
    # several relationships of one pair are parallel lanes beside the first, each in its own pattern
    members = {h.id: frozenset(h.members) for h in family.households}
    rooms = [(poly, Box(min(x for x, _ in poly), min(y for _, y in poly),
                        max(x for x, _ in poly) - min(x for x, _ in poly),
                        max(y for _, y in poly) - min(y for _, y in poly)), members.get(h.id, frozenset()))
             for h in lay.households for poly in h.polygons]
    pairs: dict[frozenset[str], list[int]] = defaultdict(list)
    for i, rel in enumerate(family.relationships):
        pairs[frozenset(rel.between)].append(i)
    def order(group: list[int]) -> tuple[bool, bool, float, int]:  # the far ones (through the lanes) first,
        between = family.relationships[group[0]].between  # neighbours too close for a straight line last
        span = _span(lay, between)  # (a bracket over them: local, it leaves the others their ways)
        return span <= REACH, bool(EmotionalRouter.hops(*(lay.nodes[p] for p in between))), span, group[0]

    people = {pair: (lay.nodes[p], lay.nodes[q]) for pair in pairs for p, q in [sorted(pair)]
              if p in lay.nodes and q in lay.nodes and p != q}

    def emotional(groups: list[list[int]], give_up: int | None = None
                  ) -> tuple[dict[int, list[Point]], list[frozenset[str]]]:
        """The lines of the relationships, the pairs of ``groups`` in turn, and the pairs left
        without a clean line; ``give_up``: a trial of another order, which stops as soon as that
        many pairs are left without one (it cannot do better) and does not search wide."""
        router = EmotionalRouter(lay, existing)
        router.rooms = rooms
        router.wide_search = give_up is None
        chosen: dict[int, list[Point]] = {}
        unclean_pairs: list[frozenset[str]] = []
        # first the gates: a union's date label that walls a row, so that a line would go a long way
        # round, is lifted where that leaves every other relationship a straight line (before any is drawn)
        for group in groups:
            first = family.relationships[group[0]].between
            router.waiting = {pair: ab for pair, ab in people.items() if pair != frozenset(first)}
            a, b = (lay.nodes[p] for p in first)
            router.lines.own = max(pattern_half_width(family.relationships[i].kind) for i in group)
            router.fit(router.lines.own)
            router.open_gate(a, b, partial(candidates_of, a, b))
        router.waiting = {}
        for group in groups:
            first = family.relationships[group[0]].between
            a, b = (lay.nodes[p] for p in first)
            router.lines.own = max(pattern_half_width(family.relationships[i].kind) for i in group)
            router.fit(router.lines.own)
            unclean = len(router.unclean)
            for i, pts in zip(group, router.choose_lanes(a, b, partial(candidates_of, a, b), len(group)),
                              strict=True):
                if pts is None:  # nothing is clean by the router's measure: the first free candidate
                    pts = route(a, b)
                    router.lines.add(pts, EMOTIONAL_HALF_WIDTH)
                else:
                    commit(a, b, pts, EMOTIONAL_LANES)
                chosen[i] = pts if family.relationships[i].between[0] == first[0] else pts[::-1]
            if len(router.unclean) > unclean:
                unclean_pairs.append(frozenset(first))
                if give_up is not None and len(unclean_pairs) >= give_up:
                    break
        return chosen, unclean_pairs

    # the far ones first (their lanes), then the shorter relationships; when a pair is left without
    # a clean line, the lines are drawn again with that pair first (each such pair in turn, up to
    # RETRIES): an order that leaves fewer pairs unclean is drawn
    groups = sorted(pairs.values(), key=order)

    def state() -> tuple[list[list[Point]], dict[int, int], dict[str, list[float]], dict[str, Box | None]]:
        return (list(existing), dict(lane_used), {k: list(v) for k, v in ports.items()},
                {uid: u.label_box for uid, u in lay.unions.items()})

    def restore(saved: tuple[list[list[Point]], dict[int, int], dict[str, list[float]], dict[str, Box | None]]
                ) -> None:
        existing[:] = saved[0]
        lane_used.clear()
        lane_used.update(saved[1])
        ports.clear()
        ports.update({k: list(v) for k, v in saved[2].items()})
        for uid, box in saved[3].items():
            lay.unions[uid].label_box = box

    def stretch(i: int, pts: list[Point]) -> tuple[float, float]:
        """Line ``i``'s length along its route and its pair's straight distance (centre to centre)."""
        a, b = (lay.nodes[p] for p in family.relationships[i].between)
        path = [(a.x, a.y), *pts, (b.x, b.y)]
        return sum(math.dist(p, q) for p, q in itertools.pairwise(path)), math.dist(path[0], path[-1])

    def detours(chosen: dict[int, list[Point]]) -> dict[frozenset[str], float]:
        """Each pair's longest line, as many times the straight distance (centre to centre)."""
        out: dict[frozenset[str], float] = {}
        for i, pts in chosen.items():
            length, direct = stretch(i, pts)
            pair = frozenset(family.relationships[i].between)
            out[pair] = max(out.get(pair, 0.0), length / direct if direct else 1.0)
        return out

    def excess(chosen: dict[int, list[Point]]) -> float:
        """How much longer all the lines are than the straight distances of their pairs."""
        return sum(length - direct for length, direct in itertools.starmap(stretch, chosen.items()))

    before = state()
    chosen, unclean_pairs = emotional(groups)
    # the pairs tried first (up to RETRIES): those left without a clean line, then those sent a
    # long way round (longest first), and those of an order drawn instead
    def to_try(chosen: dict[int, list[Point]], unclean_pairs: list[frozenset[str]]) -> list[frozenset[str]]:
        far = sorted(((-ratio, sorted(pair)) for pair, ratio in detours(chosen).items()
                      if ratio > LONG_ROUTE and pair not in unclean_pairs))
        return [*unclean_pairs, *(frozenset(pair) for _, pair in far)]

    tries = to_try(chosen, unclean_pairs)
    if tries:
        drawn = (chosen, unclean_pairs, state(), excess(chosen))
        tried: list[frozenset[str]] = []
        best_order = groups
        while tries and len(tried) < RETRIES:
            pair = tries.pop(0)
            if pair in tried:
                continue
            tried.append(pair)
            restore(before)
            # the pair first, the others in the order of the best order so far
            trial = sorted(best_order, key=lambda g: frozenset(family.relationships[g[0]].between) != pair)
            # a trial stops when it leaves more pairs without a clean line than the best order
            chosen, unclean_pairs = emotional(trial, give_up=len(drawn[1]) + (pair not in drawn[1]))
            if len(unclean_pairs) < len(drawn[1]) or (
                    len(unclean_pairs) == len(drawn[1]) and len(chosen) == len(drawn[0])
                    and excess(chosen) < drawn[3] - 1.0):
                drawn = (chosen, unclean_pairs, state(), excess(chosen))
                best_order = trial
                tries += to_try(chosen, unclean_pairs)
        chosen, unclean_pairs, after, _ = drawn
        restore(after)
    for pair in unclean_pairs:
        first = next(family.relationships[g[0]].between for g in groups
                     if frozenset(family.relationships[g[0]].between) == pair)
        kinds = ", ".join(dict.fromkeys(family.relationships[i].kind for i in pairs[pair]))
        lay.warnings.append(f"the {kinds} line between {first[0]} and {first[1]} has no clean route: it "
                            "runs along another line or through a symbol or label (move a label or a person)")
    relationships += [LinkPlacement(rel.kind, rel.between[0], rel.between[1], chosen[i])
                      for i, rel in enumerate(family.relationships)]
    return extra_links, relationships


def _span(lay: GenogramLayout, between: tuple[str, str] | list[str]) -> float:
    a, b = (lay.nodes[p] for p in between)
    return math.dist((a.x, a.y), (b.x, b.y))


def _person_boxes(n: PersonNode, extents: dict[str, Box]) -> list[Box]:
    """The symbol's extent (see :func:`symbol_extents`) and (when there is one) the label box of a person."""
    return [extents[n.id]] + ([n.label_box] if n.label_box.w and n.label_box.h else [])


def _foreign_segments(lay: GenogramLayout, members: set[str]) -> list[tuple[Point, Point]]:
    """The stretches of line a household's outline must not hold: a line that touches none of
    its members (another couple's line, an emotional line between others), the line down to the
    children of a couple not wholly in it, and the pieces of a sibship bar that lead to a child
    living elsewhere."""
    out: list[tuple[Point, Point]] = []
    for u in lay.unions.values():
        if not members & set(u.partners):
            out += list(itertools.pairwise(u.points))
    for sib in lay.sibships:
        parents_in = set(lay.unions[sib.union].partners) <= members
        if not parents_in:
            out += list(itertools.pairwise(sib.stem))
        if len(sib.bar) < 2:
            continue
        y = sib.bar[0][1]
        stops = sorted([(pts[0][0], cid in members) for cid, pts in sib.children.items() if pts]
                       + ([(sib.stem[-1][0], parents_in)] if sib.stem else []))
        xs = [x for x, _ in stops]
        lo, hi = min(p[0] for p in sib.bar), max(p[0] for p in sib.bar)
        for (x0, own0), (x1, own1) in itertools.pairwise(stops):
            if not (own0 and own1) and x1 > x0:
                out.append(((x0, y), (x1, y)))
        for x0, x1 in ((lo, min(xs, default=lo)), (max(xs, default=hi), hi)):
            if x1 > x0:
                out.append(((x0, y), (x1, y)))
        for cid, pts in sib.children.items():
            if cid not in members:
                out += list(itertools.pairwise(pts))
    for link in lay.extra_links + lay.relationships:
        if not members & {link.a, link.b}:
            out += list(itertools.pairwise(link.points))
    return out


def route_households(lay: GenogramLayout, family: Family, labels: dict[str, str],
                     cfg: LayoutConfig, *, with_labels: bool = True) -> list[HouseholdPlacement]:
    """A dashed boundary around each household's members: a simple rectilinear outline, or several
    rectangles where one would need corridors, holding nothing foreign (see
    :mod:`socialtools.genogram.households`). Without ``with_labels`` the names are placed later,
    by :func:`label_households`."""
    households: list[HouseholdPlacement] = []
    if not family.households:
        return households
    position = {p: (r, i) for r, ps in lay.rows.items() for i, p in enumerate(ps)}
    lines = [pts for _, pts, _ in lay.lines()]
    union_labels = [u.label_box for u in lay.unions.values() if u.label_box is not None]
    extents = symbol_extents(lay)
    every_rect: list[list[Box]] = []
    every_member: list[list[Box]] = []
    every_foreign: list[list[Box]] = []
    for h in family.households:
        assert h.id is not None
        members = set(h.members)
        runs: dict[int, list[list[str]]] = defaultdict(list)
        for pid in sorted(members, key=lambda p: position[p]):
            r, i = position[pid]
            if runs[r] and position[runs[r][-1][-1]][1] == i - 1:
                runs[r][-1].append(pid)
            else:
                runs[r].append([pid])
        member_boxes = {r: [[_person_boxes(lay.nodes[p], extents) for p in run] for run in row_runs]
                        for r, row_runs in runs.items()}
        foreign = [b for p, n in lay.nodes.items() if p not in members for b in _person_boxes(n, extents)]
        for u in lay.unions.values():
            if not set(u.partners) <= members:  # its date label and slashes: one thing, left out or taken in
                seg = u.mark_segment()
                marks = [] if seg is None else [Box((seg[0][0] + seg[1][0]) / 2 - 5, seg[0][1] - 5, 10, 10)]
                parts = marks + ([u.label_box] if u.label_box is not None else [])
                if parts:
                    foreign.append(functools.reduce(Box.union, parts))
                if marks and u.label_box is not None:  # and the label alone: never cut where the marks are too near
                    foreign.append(u.label_box)
        bars = [seg for sib in lay.sibships
                if not set(lay.unions[sib.union].partners) | set(sib.children) <= members
                for seg in itertools.pairwise(sib.bar)]
        rects = household_rectangles(member_boxes, foreign, HOUSEHOLD_PAD, _foreign_segments(lay, members),
                                     lines, union_labels, bars)
        every_rect.append(rects)
        every_member.append([b for rows in member_boxes.values() for run in rows for m in run for b in m])
        every_foreign.append(foreign)
        for poly in outline_of_boxes(rects):
            lines.append([*poly, poly[0]])
    # two households' outlines never touch (review 7: kasus-sr's compact drawing)
    for h, rects in zip(family.households, keep_apart(every_rect, every_member, every_foreign), strict=True):
        households.append(HouseholdPlacement(h.id or "", labels.get(h.id or "", ""), outline_of_boxes(rects)))
    return label_households(lay, households, cfg) if with_labels else households


def _label_spots(poly: list[Point], w: float, ht: float) -> list[Box]:
    """Where a piece's name may stand, best first: above its top edge or below its bottom edge
    (at either corner, then stepping along the edge), beside its corners, just inside its top or
    bottom edge, then beside the ends of those edges and down either side."""
    top, bottom = min(y for _, y in poly), max(y for _, y in poly)
    top_xs = [x for x, y in poly if y == top]
    bottom_xs = [x for x, y in poly if y == bottom]
    left, right = min(x for x, _ in poly), max(x for x, _ in poly)

    def along(lo: float, hi: float, y: float) -> list[Box]:
        xs = [lo + 4, hi - w - 4]
        xs += [lo + 4 + k * 8.0 for k in range(1, int((hi - lo - w - 8) / 8.0) + 1)]
        return [Box(x, y, w, ht) for x in xs]

    spots = along(min(top_xs), max(top_xs), top - ht - 1) + along(min(bottom_xs), max(bottom_xs), bottom + 1)
    spots += [Box(left - w - 2, top, w, ht), Box(right + 2, top, w, ht),
              Box(left - w - 2, bottom - ht, w, ht), Box(right + 2, bottom - ht, w, ht)]
    spots += along(min(top_xs), max(top_xs), top + 2) + along(min(bottom_xs), max(bottom_xs), bottom - ht - 2)
    # then beside the top and bottom edges' own ends (an L or a T is narrower there than its box),
    # then down either side
    spots += [Box(min(top_xs) - w - 2, top, w, ht), Box(max(top_xs) + 2, top, w, ht),
              Box(min(bottom_xs) - w - 2, bottom - ht, w, ht), Box(max(bottom_xs) + 2, bottom - ht, w, ht)]
    ys = [top + k * 8.0 for k in range(1, int((bottom - top - ht) / 8.0) + 1)]
    return spots + [Box(x, y, w, ht) for y in ys for x in (left - w - 2, right + 2)]


PIECE_NAME_REACH = 10.0  # a piece's name stands at most this far from its own piece (inside, or just off it)
PIECE_NAME_APART = 6.0  # and at least this much further from every piece of another household


def _wrapped(label: str) -> str:
    """``label`` on two lines, broken at the space nearest its middle ("" when it has no space).

    >>> _wrapped("Rumah nenek"), _wrapped("Rumah")
    ('Rumah\\nnenek', '')
    """
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    if not spaces:
        return ""
    cut = min(spaces, key=lambda i: abs(2 * i - len(label)))
    return f"{label[:cut]}\n{label[cut + 1:]}"


def names_own_piece(box: Box, piece: list[Point], others: list[list[Point]]) -> bool:
    """Does a name at ``box`` read as naming ``piece``: within :data:`PIECE_NAME_REACH` of it and
    :data:`PIECE_NAME_APART` further from every piece of another household (``others``)?

    >>> piece, neighbour = [(0, 0), (60, 0), (60, 80), (0, 80)], [(70, 0), (200, 0), (200, 80), (70, 80)]
    >>> names_own_piece(Box(4, 81, 50, 11), piece, [neighbour])  # under its own piece
    True
    >>> names_own_piece(Box(4, 81, 90, 11), piece, [neighbour])  # running on under the neighbour's
    False
    """
    own = box_polygon_distance(box, piece)
    return own <= PIECE_NAME_REACH and all(box_polygon_distance(box, q) >= own + PIECE_NAME_APART for q in others)


def _names_elsewhere(box: Box, piece: list[Point], others: list[list[Point]]) -> bool:
    return not names_own_piece(box, piece, others)


def household_key(k: int) -> str:
    """The short key of the ``k``-th household (from 0) whose piece has no room for its name:
    a letter in brackets, drawn at the piece and explained in the legend (a number would read as a note's).

    >>> household_key(0), household_key(2), household_key(27)
    ('(A)', '(C)', '(AB)')
    """
    letters = ""
    k += 1
    while k:
        k, rest = divmod(k - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"({letters})"


def label_households(lay: GenogramLayout, households: list[HouseholdPlacement],
                     cfg: LayoutConfig) -> list[HouseholdPlacement]:
    """Each household's name beside a corner of each piece of its outline (above its top edge,
    below its bottom edge, or beside it; on two lines where one does not fit), clear of symbols,
    labels and every line drawn, the outlines included, so that every separate piece reads as the
    same household. A name stands right at its own piece and clearly further from every piece of
    another household (:func:`names_own_piece`): it never reads as naming a neighbour's piece.
    A piece with no such place for the name takes the household's short key (:func:`household_key`)
    by the same rule; the legend explains the key ("(A) Tinggal serumah: ...")."""
    named: dict[int, list[tuple[int, Box, str]]] = {k: [] for k in range(len(households))}
    pieces = [(k, j, poly) for k, h in enumerate(households) if h.label for j, poly in enumerate(h.polygons)]
    if not pieces:  # no name to place (most pedigrees have no households): the lines are not gathered
        return [HouseholdPlacement(h.id, h.label, h.polygons) for h in households]
    lines = [pts for _, pts, _ in lay.lines()] + [[*poly, poly[0]] for h in households for poly in h.polygons]
    patterned = [r.points for r in lay.relationships]  # drawn wide: a zigzag, two or three lines
    taken: list[Box] = [n.symbol_box for n in lay.nodes.values()] + [n.label_box for n in lay.nodes.values()]
    taken += [u.label_box for u in lay.unions.values() if u.label_box is not None]
    size = cfg.union_label_size

    def place(k: int, j: int, poly: list[Point], texts: list[str]) -> bool:
        others = [q for m, h in enumerate(households) if m != k for q in h.polygons]
        for text in filter(None, texts):
            rows = text.split("\n")
            w, ht = max(text_width(r, size) for r in rows), len(rows) * size * LINE_HEIGHT
            label_box = first_clear(_label_spots(poly, w, ht), lambda b: b.x < 0 or b.y < 0,
                                    partial(_names_elsewhere, piece=poly, others=others),
                                    lambda b: any(b.overlaps(t, 1.0) for t in taken),
                                    lambda b: any(segment_hits_box(p, q, b.grown(1.0))
                                                  for pts in lines for p, q in itertools.pairwise(pts)),
                                    lambda b: any(segment_hits_box(p, q, b.grown(1.0 + EMOTIONAL_HALF_WIDTH))
                                                  for pts in patterned for p, q in itertools.pairwise(pts)))
            if label_box is not None:
                taken.append(label_box)
                named[k].append((j, label_box, text))
                return True
        return False

    # the narrowest pieces first: they have the fewest places for a name
    unnamed = [(k, j, poly) for k, j, poly in sorted(pieces, key=lambda t: (max(x for x, _ in t[2])
                                                                            - min(x for x, _ in t[2]), t[0], t[1]))
               if not place(k, j, poly, [households[k].label, _wrapped(households[k].label)])]
    keys: dict[int, str] = {}
    for k in sorted({k for k, _, _ in unnamed}):  # then a short key where the name found no place
        key = household_key(len(keys))
        placed = [place(k, j, poly, [key]) for m, j, poly in unnamed if m == k]
        if any(placed):
            keys[k] = key
    out = []
    for k, h in enumerate(households):
        found = sorted(named[k], key=lambda t: t[0])
        out.append(HouseholdPlacement(h.id, h.label, h.polygons, [b for _, b, _ in found], [t for _, _, t in found],
                                      keys.get(k, "")))
    return out
