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

from socialtools.draw.geometry import Box, Point

MIN_JOIN = 36.0  # narrowest overlap of two rows' rectangles that is joined (anything narrower is a corridor)
LABEL_CLEARANCE = 2.0


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
    passes beside the label, leaving it out or taking it in; a notch around it when neither fits."""
    out = [box]
    for label in union_labels:
        b = out[0]
        if not b.overlaps(label) or (b.x <= label.x and label.right <= b.right):
            continue
        c = LABEL_CLEARANCE
        if label.x + label.w / 2 < b.x + b.w / 2:  # the label straddles the left edge
            options = [Box(label.right + c, b.y, b.right - label.right - c, b.h),
                       Box(label.x - c, b.y, b.right - label.x + c, b.h)]
        else:
            options = [Box(b.x, b.y, label.x - c - b.x, b.h), Box(b.x, b.y, label.right + c - b.x, b.h)]
        fit = next((o for o in options if o.w > 0 and _fits(o, members, others)), None)
        if fit is not None:
            out[0] = fit
        else:
            # a notch round the label, its lower edge clear of the union line under the label
            out.append(Box(label.x - c, label.y - c, label.w + 2 * c, label.h + 2 * c + 2.5))
    return out


def household_rectangles(runs: dict[int, list[list[Box]]], others: dict[int, list[Box]], union_labels: list[Box],
                         pad: float) -> list[Box]:
    """The rectangles of one household: ``runs[row]`` holds, per run of neighbouring members, the
    boxes (symbols and labels) of its members; ``others[row]`` the boxes of everyone else in that
    row. Rows' rectangles are joined by a connector as wide as their overlap when it is wide."""
    rects: list[Box] = []
    by_row: dict[int, list[Box]] = {}
    for r, row_runs in sorted(runs.items()):
        by_row[r] = []
        for members in row_runs:
            box = _bbox(members).grown(pad)
            parts = _clear_labels(box, members, others.get(r, []), union_labels)
            by_row[r].append(parts[0])
            rects.extend(parts)
    for r, boxes in sorted(by_row.items()):
        for upper in boxes:
            for lower in by_row.get(r + 1, []):
                lo, hi = max(upper.x, lower.x), min(upper.right, lower.right)
                if hi - lo >= MIN_JOIN and lower.y > upper.bottom:
                    rects.append(Box(lo, upper.bottom, hi - lo, lower.y - upper.bottom))
    return rects


def household_outlines(rects: list[Box]) -> list[list[Point]]:
    """The outline polygons of the union of ``rects`` (one per connected group)."""
    from socialtools.genogram.routing import outline_of_boxes

    return outline_of_boxes(rects)


def corner_count(polygons: list[list[Point]]) -> int:
    """Corners of all outlines (the measure of a simple outline)."""
    return sum(len(p) for p in polygons)
