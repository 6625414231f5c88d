"""Household outlines: a simple rectilinear outline with few corners around the members, or
several rectangles where one outline would need corridors.

Each run of neighbouring members in a row becomes a rectangle round their symbols and labels,
its sides pulled in (down to :data:`MIN_PAD` from a member) so that it holds nothing foreign:
no one else's symbol or label, no union label or union mark of a couple that is not wholly in
the household, no line that does not belong to the household (another couple's line down to
their children, a sibship bar shared with someone who lives elsewhere). A run that cannot be
cleared so is cut into several rectangles. Rectangles of neighbouring rows are joined only by
a wide, clean connector and only while the outline keeps at most :data:`MAX_CORNERS` corners;
everything else stays a separate piece, and every piece carries the household's name.

>>> from socialtools.draw.geometry import Box
>>> rows = {0: [[[Box(0, 0, 40, 60)], [Box(60, 0, 40, 60)]]], 1: [[[Box(10, 100, 40, 60)]]]}
>>> rects = household_rectangles(rows, foreign=[], pad=5)
>>> [round(r.w) for r in rects]
[110, 50, 50]
>>> len(household_outlines(rects)[0])  # one outline with eight corners, no corridor
8
>>> rects = household_rectangles(rows, foreign=[Box(20, 75, 30, 10)], pad=5)  # a label between the rows
>>> [len(p) for p in household_outlines(rects)]  # two pieces, no connector through the label
[4, 4]
"""

from __future__ import annotations

import itertools
import math

from socialtools.draw.geometry import Box, Point, outline_of_boxes, segment_hits_box
from socialtools.genogram.emotional import along, parallel

Member = list[Box]  # the boxes (symbol, label) of one member
Segment = tuple[Point, Point]

MIN_JOIN = 36.0  # narrowest overlap of two rows' rectangles that is joined (anything narrower is a corridor)
MIN_PAD = 1.5  # a side may be pulled in this close to a member to leave something foreign out
CLEARANCE = 2.0  # a side keeps this far from a foreign box or line it leaves out
TEXT_CLEARANCE = 5.0  # and this far from a union's date label (text: an edge nearer reads as touching it)
MIN_GAP = 2.0  # narrowest gap between a member and something foreign that a side can pass through
MAX_CORNERS = 8  # one outline has at most this many corners (a rectangle, an L, a T or a Z)
ALONG_TOL = 7.0  # an edge nearer than this to a parallel line (a zigzag's width and more) runs along it
SHIFT = 4.0  # step by which an edge moves off a line it runs along


def _bbox(boxes: list[Box]) -> Box:
    x0, y0 = min(b.x for b in boxes), min(b.y for b in boxes)
    x1, y1 = max(b.right for b in boxes), max(b.bottom for b in boxes)
    return Box(x0, y0, x1 - x0, y1 - y0)


def _segment_box(seg: Segment) -> Box:
    (x0, y0), (x1, y1) = seg
    return Box(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))


def holds(rect: Box, foreign: list[Box], segments: list[Segment]) -> list[Box | Segment]:
    """The foreign boxes that share area with ``rect`` and the foreign segments that pass
    through its interior.

    >>> holds(Box(0, 0, 10, 10), [Box(8, 8, 5, 5), Box(20, 0, 5, 5)], [((5, -5), (5, 15)), ((0, 20), (9, 20))])
    [Box(x=8, y=8, w=5, h=5), ((5, -5), (5, 15))]
    """
    found: list[Box | Segment] = [f for f in foreign if rect.overlaps(f)]
    return found + [s for s in segments if segment_hits_box(*s, rect)]


def clear_rectangle(core: Box, foreign: list[Box], segments: list[Segment], pad: float,
                    keep: list[Box] | None = None, texts: list[Box] | None = None) -> tuple[Box, int]:
    """``core`` grown by ``pad``, each side pulled in (no nearer than :data:`MIN_PAD` to ``core``,
    or half the gap where it is narrower) to leave out the foreign boxes and segments it would
    hold, the side losing least first, :data:`CLEARANCE` off them (:data:`TEXT_CLEARANCE` off a
    foreign box that holds one of ``texts``, the union labels); returns the rectangle and how
    many foreign things it still holds (a box too near a member to leave out is taken in whole,
    never cut by an edge; no side passes through one of ``keep``, the members' own symbols and names).

    >>> clear_rectangle(Box(0, 0, 40, 40), [Box(-20, 30, 16, 8)], [], 7)  # a label left of the core
    (Box(x=-2.0, y=-7, w=49.0, h=54), 0)
    >>> date = Box(-20, 30, 10, 8)  # a union's date label 3 units off the padded side: kept 5 off
    >>> core = Box(0, 0, 40, 40)
    >>> clear_rectangle(core, [date], [], 7), clear_rectangle(core, [date], [], 7, texts=[date])
    ((Box(x=-7, y=-7, w=54, h=54), 0), (Box(x=-5.0, y=-7, w=52.0, h=54), 0))
    """
    x0, y0, x1, y1 = core.x - pad, core.y - pad, core.right + pad, core.bottom + pad
    stuck: set[int] = set()
    items: list[tuple[Box, Box | Segment]] = [(f, f) for f in foreign] + [(_segment_box(s), s) for s in segments]
    # a union label: a side that passes nearer than TEXT_CLEARANCE is pulled in too (once)
    near = {k: b.grown(TEXT_CLEARANCE - 0.01) for k, (b, item) in enumerate(items) if isinstance(item, Box)
            and any(b.x <= t.x and t.right <= b.right and b.y <= t.y and t.bottom <= b.bottom for t in texts or [])}
    wide = set(near)
    for _ in range(4 * len(items) + 1):
        rect = Box(x0, y0, x1 - x0, y1 - y0)
        hit = next(((k, b) for k, (b, item) in enumerate(items)
                    if k not in stuck and holds(rect, [near.get(k, item)] if isinstance(item, Box) else [],
                                                [] if isinstance(item, Box) else [item])), None)
        if hit is None:
            break
        k, b = hit
        near.pop(k, None)
        options = []  # (area kept, side, new value)
        for side, gap in (("x0", core.x - b.right), ("x1", b.x - core.right),
                          ("y0", core.y - b.bottom), ("y1", b.y - core.bottom)):
            if gap < MIN_GAP:
                continue
            off = min(TEXT_CLEARANCE if k in wide else CLEARANCE, max(gap - MIN_PAD, gap / 2))  # shared when narrow
            value = {"x0": b.right + off, "x1": b.x - off, "y0": b.bottom + off, "y1": b.y - off}[side]
            kept = {"x0": (x1 - value) * (y1 - y0), "x1": (value - x0) * (y1 - y0),
                    "y0": (y1 - value) * (x1 - x0), "y1": (value - y0) * (x1 - x0)}[side]
            options.append((kept, side, value))
        if not options:
            stuck.add(k)
            continue
        _, side, value = max(options, key=lambda o: o[0])
        if side == "x0":
            x0 = max(x0, value)
        elif side == "x1":
            x1 = min(x1, value)
        elif side == "y0":
            y0 = max(y0, value)
        else:
            y1 = min(y1, value)
    rect = Box(x0, y0, x1 - x0, y1 - y0)
    for k in sorted(stuck):  # too near a member to leave out: taken in whole where that cuts nothing else
        item = items[k][1]
        if isinstance(item, Box) and rect.overlaps(item):
            bigger = rect.union(item.grown(CLEARANCE))
            if all(rect.overlaps(f) or f is item for f in foreign if bigger.overlaps(f)):
                rect = bigger
            else:  # nor that: the side passes just beside it, up to OVERLAP into the member's margin
                rect = _beside(rect, core, item, keep or [])
    return rect, _held(rect, foreign, segments)


OVERLAP = 2.0  # how far into a member's extent (its margin round brackets) a side may pass, as a last resort


def _cuts(rect: Box, box: Box) -> bool:
    """Does an edge of ``rect`` pass through ``box`` (sharing area without holding it whole)?"""
    return rect.overlaps(box) and not (rect.x <= box.x and box.right <= rect.right
                                       and rect.y <= box.y and box.bottom <= rect.bottom)


def _beside(rect: Box, core: Box, b: Box, keep: list[Box]) -> Box:
    """``rect`` with the side nearest ``b`` moved to pass just beside it, when that stays within
    :data:`OVERLAP` of ``core`` and cuts none of ``keep``; else ``rect`` unchanged."""
    x0, y0, x1, y1 = rect.x, rect.y, rect.right, rect.bottom
    options = []
    if b.right + 0.5 <= core.x + OVERLAP:
        options.append(Box(b.right + 0.5, y0, x1 - b.right - 0.5, y1 - y0))
    if b.x - 0.5 >= core.right - OVERLAP:
        options.append(Box(x0, y0, b.x - 0.5 - x0, y1 - y0))
    if b.bottom + 0.5 <= core.y + OVERLAP:
        options.append(Box(x0, b.bottom + 0.5, x1 - x0, y1 - b.bottom - 0.5))
    if b.y - 0.5 >= core.bottom - OVERLAP:
        options.append(Box(x0, y0, x1 - x0, b.y - 0.5 - y0))
    options = [o for o in options if not any(_cuts(o, k) for k in keep)]
    return max(options, key=lambda o: o.w * o.h) if options else rect


def _cut(rect: Box, foreign: list[Box]) -> int:
    """How many foreign boxes an edge of ``rect`` passes through."""
    return sum(1 for f in foreign if _cuts(rect, f))


def _held(rect: Box, foreign: list[Box], segments: list[Segment]) -> int:
    """How much foreign ``rect`` holds: one for each line through it or box wholly in it, two for
    a box its edge cuts."""
    return len(holds(rect, foreign, segments)) + _cut(rect, foreign)


def _name_top(names: Box, pad: float, lines: list[list[Point]]) -> float:
    """The top of the rectangle round the names: ``pad`` above them, or nearer where that keeps
    its edge further from a level line (the union line just above the names)."""
    levels = [p[1] for line in lines for p, q in itertools.pairwise(line)
              if p[1] == q[1] and min(p[0], q[0]) < names.right + pad and max(p[0], q[0]) > names.x - pad]
    tops = [names.y - pad + k * (pad - MIN_PAD) / 4 for k in range(5)]
    return max(tops, key=lambda y: (round(min((abs(y - v) for v in levels), default=pad), 1), -y))


def _piece(members: list[Member], foreign: list[Box], segments: list[Segment], pad: float,
           lines: list[list[Point]], texts: list[Box]) -> tuple[list[Box], int]:
    """The rectangles round one group of members and how many foreign things they still hold:
    one rectangle, or, when a union label nests between the symbols and the names below them,
    two stacked ones (a narrower one round the symbols, a wider one round the names: eight
    corners) that leave it out, their step kept off the union line."""
    own = [b for m in members for b in m]
    rect, held = clear_rectangle(_bbox(own), foreign, segments, pad, own, texts)
    labels = [b for m in members for b in m[1:]]
    crowded = _crowded([rect], texts)
    if not (held or crowded) or not labels:
        return [rect], held
    symbols = _bbox([m[0] for m in members])
    names = _bbox(labels)
    if names.y <= symbols.bottom:
        return [rect], held
    upper, held_upper = clear_rectangle(symbols, foreign, segments, pad, [m[0] for m in members], texts)
    top = _name_top(names, pad, lines)
    lower, held_lower = clear_rectangle(names, foreign, segments, pad, labels, texts)
    lower = Box(lower.x, max(lower.y, top), lower.w, lower.bottom - max(lower.y, top))
    if upper.bottom <= lower.y:  # a tall gap between symbols and names: the upper one reaches down
        upper = Box(upper.x, upper.y, upper.w, lower.y + 1.0 - upper.y)
        held_upper = _held(upper, foreign, segments)
    two = (_cut(upper, foreign) + _cut(lower, foreign), held_upper + held_lower, _crowded([upper, lower], texts))
    if two < (_cut(rect, foreign), held, crowded):  # cutting a foreign box is worse than holding it whole,
        return [upper, lower], held_upper + held_lower  # and that worse than passing close by a union label
    return [rect], held


def _crowded(rects: list[Box], texts: list[Box]) -> int:
    """How many of ``texts`` (union labels) outside ``rects`` an edge passes nearer than :data:`TEXT_CLEARANCE`."""
    def gap(r: Box, t: Box) -> float:
        return math.hypot(max(t.x - r.right, r.x - t.right, 0.0), max(t.y - r.bottom, r.y - t.bottom, 0.0))

    return sum(1 for t in texts if not any(r.overlaps(t) for r in rects)
               and min(gap(r, t) for r in rects) < TEXT_CLEARANCE - 0.01)


def _pieces_of_run(run: list[Member], foreign: list[Box], segments: list[Segment], pad: float,
                   lines: list[list[Point]], texts: list[Box]) -> list[list[Box]]:
    """The pieces (each one or two rectangles) of one run of neighbouring members: one for the
    whole run when it can be cleared of everything foreign, else cut between members where the
    cut leaves less inside."""
    pieces: list[list[Box]] = []
    group: list[Member] = [run[0]]
    piece, left_in = _piece(group, foreign, segments, pad, lines, texts)
    for member in run[1:]:
        alone, alone_in = _piece([member], foreign, segments, pad, lines, texts)
        joined, joined_in = _piece([*group, member], foreign, segments, pad, lines, texts)
        if joined_in <= left_in + alone_in:
            group.append(member)
            piece, left_in = joined, joined_in
        else:
            pieces.append(piece)
            group, piece, left_in = [member], alone, alone_in
    return [*pieces, piece]


def _corners(rects: list[Box]) -> int:
    return max((len(poly) for poly in outline_of_boxes(rects)), default=0)


def _runs_along(a: Point, b: Point, lines: list[list[Point]], tol: float = ALONG_TOL) -> bool:
    """Does the edge ``a``–``b`` lie along (nearly parallel, within ``tol``) a stretch of one of ``lines``?"""
    length = math.dist(a, b)
    return length > 0 and any(parallel((a, b), seg) and along(a, b, 0.0, 1.0, seg, tol) * length > 1.0
                              for line in lines for seg in itertools.pairwise(line)
                              if min(seg[0][0], seg[1][0]) - tol < max(a[0], b[0])
                              and max(seg[0][0], seg[1][0]) + tol > min(a[0], b[0])
                              and min(seg[0][1], seg[1][1]) - tol < max(a[1], b[1])
                              and max(seg[0][1], seg[1][1]) + tol > min(a[1], b[1]))


def _moved(box: Box, side: str, by: float) -> Box:
    """``box`` with one side moved outward by ``by`` (inward when negative)."""
    if side == "left":
        return Box(box.x - by, box.y, box.w + by, box.h)
    if side == "right":
        return Box(box.x, box.y, box.w + by, box.h)
    if side == "top":
        return Box(box.x, box.y - by, box.w, box.h + by)
    return Box(box.x, box.y, box.w, box.h + by)


def _side_at(box: Box, side: str) -> float:
    return {"left": box.x, "right": box.right, "top": box.y, "bottom": box.bottom}[side]


def _keep_off_lines(rects: list[Box], lines: list[list[Point]], union_labels: list[Box],
                    foreign: list[Box], segments: list[Segment], members: list[Box]) -> list[Box]:
    """Rectangles whose outline edges run along another line (a child's line, an emotional line)
    widened (or, failing that, narrowed) on that side by a few units, still holding nothing
    foreign, cutting no union label, keeping every member whole and the outline as simple."""
    rects = list(rects)
    for _ in range(2 * len(rects)):
        edge = next(((p, q) for poly in outline_of_boxes(rects)
                     for p, q in zip(poly, [*poly[1:], poly[0]], strict=True) if _runs_along(p, q, lines)), None)
        if edge is None:
            break
        p, q = edge
        groups, corners = len(outline_of_boxes(rects)), _corners(rects)
        vertical = abs(p[0] - q[0]) < 1e-9
        at = p[0] if vertical else p[1]
        fixed = None
        for k, r in enumerate(rects):
            for side in (("left", "right") if vertical else ("top", "bottom")):
                if abs(_side_at(r, side) - at) > 1e-6:
                    continue
                for by in (SHIFT, 2 * SHIFT, 3 * SHIFT, -SHIFT, -2 * SHIFT):
                    moved = _moved(r, side, by)
                    c = _side_at(moved, side)
                    new_edge = ((c, p[1]), (c, q[1])) if vertical else ((p[0], c), (q[0], c))
                    changed = [*rects[:k], moved, *rects[k + 1:]]
                    if (moved.w > 0 and moved.h > 0 and not holds(moved, foreign, segments)
                            and not any(moved.overlaps(lb) and not (moved.x <= lb.x and lb.right <= moved.right)
                                        for lb in union_labels)
                            and not any(r.overlaps(m) and not (moved.x <= m.x and m.right <= moved.right
                                                               and moved.y <= m.y and m.bottom <= moved.bottom)
                                        for m in members)
                            and not _runs_along(*new_edge, lines)
                            and len(outline_of_boxes(changed)) <= groups and _corners(changed) <= corners):
                        fixed = (k, moved)
                        break
                if fixed:
                    break
            if fixed:
                break
        if fixed is None:
            break
        rects[fixed[0]] = fixed[1]
    return rects


def household_rectangles(runs: dict[int, list[list[Member]]], foreign: list[Box], pad: float,
                         segments: list[Segment] | None = None, lines: list[list[Point]] | None = None,
                         union_labels: list[Box] | None = None, barriers: list[Segment] | None = None) -> list[Box]:
    """The rectangles of one household: ``runs[row]`` holds its runs of neighbouring members in
    that row, each member as its boxes (symbol, label); ``foreign`` the boxes it must not hold
    (everyone else's symbol and label, the union labels and marks of couples not wholly in it);
    ``segments`` the lines it must not hold. Rectangles of neighbouring rows are joined by a
    connector as wide as their overlap when that is wide, clean and crosses none of ``barriers``
    (sibship bars shared with someone living elsewhere) and the outline stays simple.
    No edge runs along one of ``lines`` (the lines already drawn) where a small shift avoids it,
    nor cuts one of ``union_labels``."""
    segments = segments or []
    texts = union_labels or []
    by_row = {r: [p for run in row_runs for p in _pieces_of_run(run, foreign, segments, pad, lines or [], texts)]
              for r, row_runs in sorted(runs.items())}
    groups: list[list[Box]] = [list(p) for ps in by_row.values() for p in ps]
    joins = []
    for r, uppers in by_row.items():
        for upper_piece, lower_piece in itertools.product(uppers, by_row.get(r + 1, [])):
            upper = max(upper_piece, key=lambda b: b.bottom)
            lower = min(lower_piece, key=lambda b: b.y)
            lo, hi = max(upper.x, lower.x), min(upper.right, lower.right)
            if hi - lo >= MIN_JOIN and lower.y > upper.bottom:
                joins.append((hi - lo, upper, lower, Box(lo, upper.bottom, hi - lo, lower.y - upper.bottom)))
    for _, upper, lower, connector in sorted(joins, key=lambda j: -j[0]):
        a = next(g for g in groups if any(b is upper for b in g))
        b = next(g for g in groups if any(x is lower for x in g))
        merged = [*a, *b, connector]
        if (a is not b and not holds(connector, foreign, segments + (barriers or []))
                and _corners(merged) <= MAX_CORNERS):
            groups = [g for g in groups if g is not a and g is not b] + [merged]
    rects = [r for g in groups for r in g]
    if lines:
        members = [b for row_runs in runs.values() for run in row_runs for m in run for b in m]
        rects = _keep_off_lines(rects, lines, union_labels or [], foreign, segments, members)
    return rects


APART = 6.0  # two households' outlines keep this far apart where their members leave room (else as far as they can)


def _facing(a: Box, b: Box) -> str | None:
    """How ``b`` faces ``a`` across a gap narrower than :data:`APART` (or overlapping it): "right"
    when it stands to the right of ``a`` over a common height, "below", or ``None``."""
    if min(a.bottom, b.bottom) - max(a.y, b.y) > 0 and a.x < b.x and b.x - a.right < APART and a.right < b.right:
        return "right"
    if min(a.right, b.right) - max(a.x, b.x) > 0 and a.y < b.y and b.y - a.bottom < APART and a.bottom < b.bottom:
        return "below"
    return None


def keep_apart(households: list[list[Box]], members: list[list[Box]], foreign: list[list[Box]]) -> list[list[Box]]:
    """The rectangles of several households (``households[k]``, round ``members[k]``, the symbols and
    names of its members) with the facing sides of two households' rectangles that come nearer than
    :data:`APART` (or overlap: the two dashed outlines read as one) pulled apart, each to its side of
    the middle of the room their members leave, at most :data:`MIN_PAD` from a member; a side is
    moved only where that cuts none of ``foreign[k]`` (boxes it holds whole) nor any member and
    leaves its outline as simple.

    >>> a, b = [Box(0, 0, 50, 40)], [Box(46, 0, 50, 40)]  # members end at 40 and begin at 56
    >>> keep_apart([a, b], [[Box(7, 7, 33, 26)], [Box(56, 7, 33, 26)]], [[], []])
    [[Box(x=0, y=0, w=45.0, h=40)], [Box(x=51.0, y=0, w=45.0, h=40)]]
    """
    out = [list(rs) for rs in households]
    for _ in range(4):
        moved = False
        for (k, rs), (m, qs) in itertools.combinations(enumerate(out), 2):
            for i, j in itertools.product(range(len(rs)), range(len(qs))):
                for (h, x, first), (g, y, second) in (((k, i, rs[i]), (m, j, qs[j])), ((m, j, qs[j]), (k, i, rs[i]))):
                    side = _facing(first, second)
                    if side is None:
                        continue
                    lo_side, hi_side = ("right", "left") if side == "right" else ("bottom", "top")
                    lo = max((_side_at(b, lo_side) for b in members[h] if first.overlaps(b)), default=None)
                    hi = min((_side_at(b, hi_side) for b in members[g] if second.overlaps(b)), default=None)
                    if lo is None or hi is None or hi - lo <= 2 * MIN_PAD:
                        continue
                    gap = min(APART, hi - lo - 2 * MIN_PAD)
                    mid = (lo + hi) / 2
                    a = _moved(first, lo_side, min(0.0, mid - gap / 2 - _side_at(first, lo_side)))
                    b = _moved(second, hi_side, min(0.0, _side_at(second, hi_side) - mid - gap / 2))
                    changed = False
                    for (n, r, new) in ((h, x, a), (g, y, b)):
                        rects = out[n]
                        trial = [*rects[:r], new, *rects[r + 1:]]
                        if (new != rects[r] and not any(_cuts(new, f) for f in foreign[n] + members[n])
                                and len(outline_of_boxes(trial)) <= len(outline_of_boxes(rects))
                                and _corners(trial) <= _corners(rects)):
                            out[n] = trial
                            changed = True
                    moved = moved or changed
                    if changed:
                        rs, qs = out[k], out[m]
        if not moved:
            break
    return out


def household_outlines(rects: list[Box]) -> list[list[Point]]:
    """The outline polygons of the union of ``rects`` (one per connected group)."""
    return outline_of_boxes(rects)
