"""Quality measures of a genogram layout — the hard rules and the soft goals, as numbers.

Hard rules (all must be 0): overlaps of symbols and labels, lines through symbols they do
not connect, lines through labels, people not drawn, people drawn twice, merged sibship bars.
Soft goals: crossings, width (against the widest generation), height, aspect ratio, total
line length, parents off the centre of their children.

>>> from socialtools.genogram.model import Family
>>> from socialtools.genogram.layout import layout_family
>>> f = Family.model_validate({"people": [{"id": "A"}, {"id": "B"}]})
>>> layout_quality(layout_family(f), f).ok
True
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import asdict, dataclass, field

from socialtools.draw.geometry import Box, Point, segments_cross
from socialtools.draw.placer import Obstacles
from socialtools.draw.quality import Quality
from socialtools.genogram.model import Family
from socialtools.genogram.placements import GenogramLayout


@dataclass(kw_only=True)
class LayoutQuality(Quality):
    """Numbers that judge a layout: the hard rules are its defects (``ok`` when every one holds),
    the soft goals (crossings, width, height, line length, parents off centre) its measures."""

    DEFECTS = ("missing", "drawn_twice", "overlaps", "lines_through_symbols", "lines_through_labels", "merged_bars")

    people: int
    drawn: int
    copies: int = 0  # people drawn a second time (``duplicate_loops``): not in ``people`` nor ``drawn``
    missing: list[str] = field(default_factory=list)
    drawn_twice: list[str] = field(default_factory=list)
    overlaps: int = 0
    lines_through_symbols: int = 0
    lines_through_labels: int = 0
    merged_bars: int = 0
    crossings: int = 0
    width: float = 0.0
    height: float = 0.0
    aspect: float = 0.0
    line_length: float = 0.0
    widest_row: float = 0.0
    parent_offset: float = 0.0

    @property
    def problems(self) -> list[str]:
        """The first defects found, in words (:attr:`examples` by the name the measures use)."""
        return self.examples

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["problems"] = data.pop("examples")
        data["ok"] = self.ok
        return data


def layout_quality(layout: GenogramLayout, family: Family, *, crossings: bool = True,
                   max_problems: int = 20) -> LayoutQuality:
    """Measure ``layout`` (drawn from ``family``); ``problems`` names the first defects found."""
    ids = [p.id for p in family.people]
    placed = [p for row in layout.rows.values() for p in row]
    q = LayoutQuality(people=len(ids), drawn=len(set(placed) & set(ids)))
    q.missing = [p for p in ids if p not in layout.nodes]
    q.drawn_twice = sorted({p for p in placed if placed.count(p) > 1}) if len(placed) != len(set(placed)) else []

    def problem(text: str) -> None:
        if len(q.examples) < max_problems:
            q.examples.append(text)

    boxes = Obstacles()
    items: list[tuple[str, Box]] = []
    for n in layout.nodes.values():
        items.append((f"symbol {n.id}", n.symbol_box))
        if n.label_box.w > 0:
            items.append((f"label {n.id}", n.label_box))
    items += [(f"union label {u.id}", u.label_box) for u in layout.unions.values() if u.label_box is not None]
    items += [(f"household label {h.id}", b) for h in layout.households for b in h.label_boxes]
    for key, box in items:
        for other, obox in boxes.near(box.x, box.y, box.right, box.bottom):
            if box.overlaps(obox):
                q.overlaps += 1
                problem(f"{key} overlaps {other}")
        boxes.add(key, box)

    lines = layout.lines()
    for what, pts, allowed in lines:
        for p, r in itertools.pairwise(pts):
            for key, _ in boxes.hit_by_segment(p, r):
                kind, _, who = key.rpartition(" ")
                if kind == "symbol" and who not in allowed:
                    q.lines_through_symbols += 1
                    problem(f"{what} passes through the symbol of {who}")
                elif kind != "symbol":
                    q.lines_through_labels += 1
                    problem(f"{what} passes through {key}")

    for h in layout.households:  # a boundary goes round people, never through one
        for poly in h.polygons:
            for p, r in zip(poly, [*poly[1:], poly[0]], strict=True):
                for key, _ in boxes.hit_by_segment(p, r):
                    q.lines_through_symbols += key.startswith("symbol ")
                    q.lines_through_labels += not key.startswith("symbol ")
                    problem(f"the boundary of household {h.id} passes through {key}")

    bars = sorted((s.bar[0][1], s.bar[0][0], s.bar[1][0], s.union) for s in layout.sibships)
    for i, (y, _x0, x1, uid) in enumerate(bars):
        for y2, a0, _a1, uid2 in bars[i + 1:]:
            if abs(y2 - y) > 0.5 or a0 > x1 + 1.0:
                break
            q.merged_bars += 1
            problem(f"sibship bars of {uid} and {uid2} share a height")

    if crossings:
        q.crossings = count_crossings(layout.drawn_lines())  # a double line crossed counts twice, as drawn
    xs = [n.symbol_box.x for n in layout.nodes.values()] + [n.label_box.x for n in layout.nodes.values()]
    xe = [n.symbol_box.right for n in layout.nodes.values()] + [n.label_box.right for n in layout.nodes.values()]
    q.width = (max(xe) - min(xs)) if xs else 0.0
    for row in layout.rows.values():
        q.widest_row = max(q.widest_row, sum(max(layout.nodes[p].outer, layout.nodes[p].label.width) for p in row))
    offsets = []
    for s in layout.sibships:
        kids = [layout.nodes[c].x for c in s.children]
        offsets.append(abs(s.stem[0][0] - (min(kids) + max(kids)) / 2))
    q.parent_offset = round(sum(offsets) / len(offsets), 2) if offsets else 0.0
    ys = [n.symbol_box.y for n in layout.nodes.values()]
    ye = [max(n.symbol_box.bottom, n.label_box.bottom) for n in layout.nodes.values()]
    ye += [pt[1] for _, pts, _ in lines for pt in pts]
    q.height = round((max(ye) - min(ys)) if ys else 0.0, 1)
    q.aspect = round(q.width / q.height, 3) if q.height else 0.0
    q.line_length = round(line_length(lines), 1)
    q.width = round(q.width, 1)
    q.widest_row = round(q.widest_row, 1)
    return q


def count_crossings(lines: list[tuple[str, list[Point], frozenset[str]]]) -> int:
    """Proper crossings between segments of different lines, each pair of segments counted once.

    A sibship bar crossed by three other lines counts 3; lines that meet at an end (a child's
    line hanging from its bar) do not cross. Segments are bucketed on a grid, so the cost
    follows the number of nearby pairs.

    >>> bar = ("bar", [(0.0, 0.0), (100.0, 0.0)], frozenset())
    >>> drops = [(f"v{x}", [(x, -10.0), (x, 10.0)], frozenset()) for x in (20.0, 50.0, 80.0)]
    >>> count_crossings([bar, *drops])
    3
    """
    cell = 150.0
    grid: dict[tuple[int, int], list[tuple[int, int, Point, Point]]] = defaultdict(list)
    count = 0
    serial = 0
    for index, (_, pts, _) in enumerate(lines):
        for p, r in itertools.pairwise(pts):
            keys = [(i, j) for i in range(int(min(p[0], r[0]) // cell), int(max(p[0], r[0]) // cell) + 1)
                    for j in range(int(min(p[1], r[1]) // cell), int(max(p[1], r[1]) // cell) + 1)]
            seen: set[int] = set()
            for k in keys:
                for other, segment, a, b in grid[k]:
                    if other != index and segment not in seen:
                        seen.add(segment)
                        count += segments_cross(p, r, a, b)
            for k in keys:
                grid[k].append((index, serial, p, r))
            serial += 1
    return count


def line_length(lines: list[tuple[str, list[Point], frozenset[str]]]) -> float:
    """Total length of all lines drawn."""
    return sum(math.dist(p, r) for _, pts, _ in lines for p, r in itertools.pairwise(pts))
