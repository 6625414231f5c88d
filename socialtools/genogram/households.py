"""Household outlines: a simple rectilinear outline with few corners around the members, or
several rectangles where one outline would need corridors.

Each run of neighbouring members in a row becomes one rectangle around their symbols and
labels. Where the boundary must pass between a member and a partner who lives elsewhere, it
passes beside their union's date label — taking the label in or leaving it out as a straight
edge — never through it. Rectangles of neighbouring rows are joined only where they overlap
widely; a narrow join would be a corridor, so those rectangles stay apart.

>>> from socialtools.draw.geometry import Box
>>> rects = household_rectangles({0: [[Box(0, 0, 40, 60), Box(60, 0, 40, 60)]], 1: [[Box(10, 100, 40, 60)]]},
...                              others={}, union_labels=[], pad=5)
>>> [round(r.w) for r in rects]
[110, 50, 50]
>>> len(household_outlines(rects)[0])  # one outline with eight corners, no corridor
8
"""

from __future__ import annotations

import itertools
import math

from socialtools.draw.geometry import Box, Point, outline_of_boxes
from socialtools.genogram.emotional import along, parallel

MIN_JOIN = 36.0  # narrowest overlap of two rows' rectangles that is joined (anything narrower is a corridor)
LABEL_CLEARANCE = 2.0
ALONG_TOL = 7.0  # an edge nearer than this to a parallel line (a zigzag's width and more) runs along it
SHIFT = 4.0  # step by which an edge moves off a line it runs along


def _bbox(boxes: list[Box]) -> Box:
    x0, y0 = min(b.x for b in boxes), min(b.y for b in boxes)
    x1, y1 = max(b.right for b in boxes), max(b.bottom for b in boxes)
    return Box(x0, y0, x1 - x0, y1 - y0)


def _fits(box: Box, members: list[Box], others: list[Box], clearance: float = 3.0) -> bool:
    """Does ``box`` hold every member's box and keep clear of everyone else's, with room to spare?"""
    inside = all(box.x + clearance <= m.x and m.right <= box.right - clearance for m in members)
    return inside and not any(box.overlaps(o, clearance) for o in others)


def _clear_labels(box: Box, members: list[Box], others: list[Box], union_labels: list[Box]) -> list[Box]:
    """``box`` moved at its left or right edge so that no union label straddles it: the edge
    passes beside the label, leaving it out or taking it in (with less room to spare when it
    must); when neither fits, the label is cut out of the box (a dent in its edge, never an ear
    holding another couple's label). The first rectangle returned is the whole box, the others
    (when there is a dent) the bands that make it up."""
    c = LABEL_CLEARANCE
    dents: list[Box] = []
    for label in union_labels:
        if not box.overlaps(label) or (box.x <= label.x and label.right <= box.right):
            continue
        if _straddles_left(box, label):
            options = [Box(label.right + c, box.y, box.right - label.right - c, box.h),
                       Box(label.x - c, box.y, box.right - label.x + c, box.h)]
        else:
            options = [Box(box.x, box.y, label.x - c - box.x, box.h), Box(box.x, box.y, label.right + c - box.x, box.h)]
        fit = next((o for clearance in (3.0, 1.0) for o in options
                    if o.w > 0 and _fits(o, members, others, clearance)), None)
        if fit is None:
            dents.append(label)
        else:
            box = fit
    dents = [d for d in dents if box.overlaps(d) and not (box.x <= d.x and d.right <= box.right)]
    if not dents:
        return [box]
    # the dents: bands of the box, each narrowed beside the labels at its height (whose lower
    # edge stays clear of the union line under the label)
    spans = [(d, d.y - c, d.bottom + c + 2.5) for d in dents]
    ys = sorted({box.y, box.bottom, *(min(max(y, box.y), box.bottom) for _, top, bottom in spans
                                       for y in (top, bottom))})
    bands = []
    for y0, y1 in itertools.pairwise(ys):
        x0, x1 = box.x, box.right
        for d, top, bottom in spans:
            if top < y1 and y0 < bottom:
                if _straddles_left(box, d):
                    x0 = max(x0, d.right + c)
                else:
                    x1 = min(x1, d.x - c)
        if x1 > x0 and y1 > y0:
            bands.append(Box(x0, y0, x1 - x0, y1 - y0))
    return [box, *bands]


def _straddles_left(box: Box, label: Box) -> bool:
    """Does ``label`` lie across the left edge of ``box`` (rather than the right)?"""
    return label.x + label.w / 2 < box.x + box.w / 2


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
                    blocked: list[Box], members: list[Box]) -> list[Box]:
    """Rectangles whose outline edges run along another line (a child's line, an emotional line)
    widened (or, failing that, narrowed) on that side by a few units, clear of union labels and
    of everyone else, still holding every member whole."""
    rects = list(rects)
    for _ in range(2 * len(rects)):
        edge = next(((p, q) for poly in outline_of_boxes(rects)
                     for p, q in zip(poly, [*poly[1:], poly[0]], strict=True) if _runs_along(p, q, lines)), None)
        if edge is None:
            break
        p, q = edge
        groups = len(outline_of_boxes(rects))
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
                    if (moved.w > 0 and moved.h > 0 and not any(moved.overlaps(o) for o in blocked)
                            and not any(moved.overlaps(lb) and not (moved.x <= lb.x and lb.right <= moved.right)
                                        for lb in union_labels)
                            and not any(r.overlaps(m) and not (moved.x <= m.x and m.right <= moved.right
                                                               and moved.y <= m.y and m.bottom <= moved.bottom)
                                        for m in members)
                            and not _runs_along(*new_edge, lines)
                            and len(outline_of_boxes([*rects[:k], moved, *rects[k + 1:]])) <= groups):
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


def household_rectangles(runs: dict[int, list[list[Box]]], others: dict[int, list[Box]], union_labels: list[Box],
                         pad: float, lines: list[list[Point]] | None = None) -> list[Box]:
    """The rectangles of one household: ``runs[row]`` holds, per run of neighbouring members, the
    boxes (symbols and labels) of its members; ``others[row]`` the boxes of everyone else in that
    row. Rows' rectangles are joined by a connector as wide as their overlap when it is wide.
    No edge runs along one of ``lines`` (the lines already drawn) where a small shift avoids it."""
    rects: list[Box] = []
    by_row: dict[int, list[Box]] = {}
    for r, row_runs in sorted(runs.items()):
        by_row[r] = []
        for members in row_runs:
            box = _bbox(members).grown(pad)
            parts = _clear_labels(box, members, others.get(r, []), union_labels)
            by_row[r].append(parts[0])
            rects.extend(parts[1:] if len(parts) > 1 else parts)
    for r, boxes in sorted(by_row.items()):
        for upper in boxes:
            for lower in by_row.get(r + 1, []):
                lo, hi = max(upper.x, lower.x), min(upper.right, lower.right)
                if hi - lo >= MIN_JOIN and lower.y > upper.bottom:
                    rects.append(Box(lo, upper.bottom, hi - lo, lower.y - upper.bottom))
    if lines:
        blocked = [o.grown(1.0) for row in others.values() for o in row]
        members = [m for row_runs in runs.values() for run in row_runs for m in run]
        rects = _keep_off_lines(rects, lines, union_labels, blocked, members)
    return rects


def household_outlines(rects: list[Box]) -> list[list[Point]]:
    """The outline polygons of the union of ``rects`` (one per connected group)."""
    return outline_of_boxes(rects)
