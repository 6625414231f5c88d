"""Layout of a set Venn/Euler diagram of 2 or 3 sets: area-proportional when possible.

* 2 sets: exact — the centre distance is solved by bisection so the lens has the asked area.
* 3 sets: the pairwise distances are solved exactly, then the triangle is scaled a little
  (a few golden-section steps) to bring the triple overlap close; the largest region error,
  as a share of the whole drawing, is reported and compared with the stated tolerance.
* A non-empty region that would be too small to see is enlarged to :data:`MIN_REGION_SHARE`
  of the drawing (mode ``"enlarged"``: not to scale, and the figure says so).
* When the error exceeds the tolerance, or a non-empty region vanishes, the layout falls
  back to equal circles with every region present (mode ``"equal"``, labelled as not to scale).
* ``radii`` given by hand: those radii, every region present (mode ``"manual"``).

>>> from socialtools.venn.sets.model import SetVenn
>>> lay = layout_sets(SetVenn(counts={"A": 30, "B": 20, "A&B": 10}))
>>> lay.mode, lay.error
('proportional', 0.0)
>>> lay3 = layout_sets(SetVenn(counts={"A": 1, "B": 1, "C": 1, "A&B": 1, "A&C": 1, "B&C": 1, "A&B&C": 1}))
>>> lay3.mode, lay3.quality.missing_regions  # 7 equal regions cannot be drawn to scale with circles
('equal', [])
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations

from socialtools.draw.geometry import (
    Box,
    Circle,
    Label,
    Point,
    bounding_box,
    box_hits_circle,
    box_inside_circle,
    segment_hits_circle,
)
from socialtools.draw.placer import Obstacles, first_clear
from socialtools.draw.quality import Quality
from socialtools.draw.text import LINE_HEIGHT, TextBlock, text_width, wrap
from socialtools.venn.geometry import distance_for_overlap, intersection_area
from socialtools.venn.sets.model import SetVenn

MAX_RADIUS = 120.0
MIN_REGION_SHARE = 0.03
"""A non-empty region gets at least this share of the drawing's total area."""
EQUAL_OVERLAP = 0.62
"""Centre distance of equal/manual circles as a fraction of the sum of radii."""
DISJOINT_GAP = 16.0
EMPTY_RADIUS = 10.0
"""An empty set is still drawn, as a small circle apart from the others (not to scale)."""
LABEL_SIZE = 12.0
MEMBER_SIZE = 9.5
NAME_SIZE = 12.0
MAX_MEMBER_LINES = 6
PACKED_WIDTHS = (120.0, 160.0, 200.0)  # a long member list is packed into lines this wide

Region = tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class SetCircle(Circle):
    """The circle of the set ``name``."""

    name: str


@dataclass(frozen=True, kw_only=True)
class RegionLabel(Label):
    """Text of one region at a point inside it (``leader`` when the text had to go outside)."""

    region: Region
    anchor: Point
    leader: tuple[Point, Point] | None = None


@dataclass(frozen=True, kw_only=True)
class NameLabel(Label):
    """A set's name outside its circle (``lines``: the name wrapped to the box; empty: the name on
    one line); ``leader`` joins it to the circle when it sits farther off."""

    name: str
    leader: tuple[Point, Point] | None = None


@dataclass
class SetQuality(Quality):
    """How faithful the drawing is: regions lost and label collisions are defects; the share of the
    picture each region takes (against its share of the data) and labels set outside are measures."""

    DEFECTS = ("missing_regions", "label_collisions")

    region_share: dict[Region, float] = field(default_factory=dict)
    target_share: dict[Region, float] = field(default_factory=dict)
    missing_regions: list[Region] = field(default_factory=list)
    label_collisions: int = 0
    labels_outside: int = 0


@dataclass
class SetLayout:
    """Circles, region labels and set-name labels; ``mode`` says how to scale it is."""

    circles: list[SetCircle]
    regions: list[RegionLabel]
    names: list[NameLabel]
    mode: str  # proportional | enlarged | equal | manual
    error: float
    tolerance: float
    bounds: Box
    quality: SetQuality
    enlarged: list[Region] = field(default_factory=list)

    @property
    def to_scale(self) -> bool:
        return self.mode == "proportional"


def region_areas(circles: list[SetCircle]) -> dict[Region, float]:
    """Exact area of every exclusive region (in exactly those circles)."""
    names = [c.name for c in circles]
    by = {c.name: (c.cx, c.cy, c.r) for c in circles}
    inter: dict[frozenset[str], float] = {}
    for k in range(1, len(names) + 1):
        for combo in combinations(names, k):
            inter[frozenset(combo)] = intersection_area([by[n] for n in combo])
    out: dict[Region, float] = {}
    for k in range(1, len(names) + 1):
        for combo in combinations(names, k):
            rest = [n for n in names if n not in combo]
            total = 0.0
            for m in range(len(rest) + 1):
                for extra in combinations(rest, m):
                    total += (-1) ** m * inter[frozenset(combo + extra)]
            out[combo] = max(0.0, total)
    return out


def _set_sizes(
    names: list[str], counts: dict[Region, float]
) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    size = {n: sum(v for r, v in counts.items() if n in r) for n in names}
    pair = {(a, b): sum(v for r, v in counts.items() if a in r and b in r) for a, b in combinations(names, 2)}
    return size, pair


def _proportional(names: list[str], counts: dict[Region, float]) -> list[SetCircle]:
    size, pair = _set_sizes(names, counts)
    scale = MAX_RADIUS / math.sqrt(max(size.values()) / math.pi)
    area_scale = scale * scale
    r = {n: max(EMPTY_RADIUS, math.sqrt(size[n] / math.pi) * scale) for n in names}

    def dist(a: str, b: str) -> float:
        if pair[(a, b)] <= 0 or min(size[a], size[b]) <= 0:
            return r[a] + r[b] + DISJOINT_GAP
        if pair[(a, b)] >= min(size[a], size[b]):  # one inside the other
            return max(0.0, abs(r[a] - r[b]) * 0.5)
        return distance_for_overlap(r[a], r[b], pair[(a, b)] * area_scale)

    if len(names) == 2:
        a, b = names
        return [SetCircle(0.0, 0.0, r[a], name=a), SetCircle(dist(a, b), 0.0, r[b], name=b)]
    a, b, c = names
    dab, dac, dbc = dist(a, b), dist(a, c), dist(b, c)

    def place(s: float) -> list[SetCircle]:
        ab, ac, bc = dab * s, dac * s, dbc * s
        x = (ac * ac - bc * bc + ab * ab) / (2 * ab) if ab > 0 else 0.0
        y = math.sqrt(max(0.0, ac * ac - x * x))
        return [SetCircle(0.0, 0.0, r[a], name=a), SetCircle(ab, 0.0, r[b], name=b), SetCircle(x, y, r[c], name=c)]

    target = {reg: v * area_scale for reg, v in counts.items()}

    def err(s: float) -> float:
        areas = region_areas(place(s))
        return max(abs(areas[reg] - target[reg]) for reg in target)

    lo, hi = 0.85, 1.15
    g = (math.sqrt(5) - 1) / 2
    x1, x2 = hi - g * (hi - lo), lo + g * (hi - lo)
    f1, f2 = err(x1), err(x2)
    for _ in range(14):
        if f1 < f2:
            hi, x2, f2 = x2, x1, f1
            x1 = hi - g * (hi - lo)
            f1 = err(x1)
        else:
            lo, x1, f1 = x1, x2, f2
            x2 = lo + g * (hi - lo)
            f2 = err(x2)
    best = min((1.0, err(1.0)), (x1, f1), (x2, f2), key=lambda t: t[1])[0]
    return place(best)


def _symmetric(names: list[str], radii: dict[str, float], counts: dict[Region, float]) -> list[SetCircle]:
    """Circles with every pairwise region present (equal-circle fallback or manual radii)."""
    r = [radii[n] for n in names]

    def dist(i: int, j: int) -> float:
        return max(abs(r[i] - r[j]) + 0.3 * min(r[i], r[j]), EQUAL_OVERLAP * (r[i] + r[j]))

    if len(names) == 2:
        return [SetCircle(0.0, 0.0, r[0], name=names[0]), SetCircle(dist(0, 1), 0.0, r[1], name=names[1])]
    ab, ac, bc = dist(0, 1), dist(0, 2), dist(1, 2)
    x = (ac * ac - bc * bc + ab * ab) / (2 * ab)
    y = math.sqrt(max(0.0, ac * ac - x * x))
    return [SetCircle(0.0, 0.0, r[0], name=names[0]), SetCircle(ab, 0.0, r[1], name=names[1]),
            SetCircle(x, y, r[2], name=names[2])]


def _shares(areas: dict[Region, float]) -> dict[Region, float]:
    total = sum(areas.values()) or 1.0
    return {k: v / total for k, v in areas.items()}


def layout_sets(venn: SetVenn, lang: str = "id") -> SetLayout:
    """Circles, region labels and name labels for a 2- or 3-set diagram."""
    names = list(venn.names or [])
    counts = venn.counts_by_region()
    total = sum(counts.values())
    target_share = {k: v / total for k, v in counts.items()}
    tol = venn.tolerance
    enlarged: list[Region] = []
    if venn.radii is not None:
        big = max(venn.radii.values())
        circles = _symmetric(names, {n: venn.radii[n] / big * MAX_RADIUS for n in names}, counts)
        mode, error = "manual", math.nan
    else:
        visible = dict(counts)
        for reg, v in counts.items():
            if 0 < v < MIN_REGION_SHARE * total:
                visible[reg] = MIN_REGION_SHARE * total
                enlarged.append(reg)
        size, _ = _set_sizes(names, counts)
        enlarged += [(n,) for n in names if size[n] <= 0]
        circles = _proportional(names, visible)
        share = _shares(region_areas(circles))
        vis_total = sum(visible.values())
        error = max(abs(share[k] - visible[k] / vis_total) for k in counts)
        vanished = [k for k, v in counts.items() if v > 0 and share[k] < MIN_REGION_SHARE * 0.5]
        if error > tol or vanished:
            circles = _symmetric(names, dict.fromkeys(names, MAX_RADIUS * 0.85), counts)
            mode = "equal"
            enlarged = []
        else:
            mode = "enlarged" if enlarged else "proportional"
    quality = SetQuality(target_share=target_share)
    quality.region_share = _shares(region_areas(circles))
    quality.missing_regions = [k for k, v in counts.items() if v > 0 and quality.region_share[k] <= 1e-6]
    regions = _region_labels(venn, circles, counts, quality, lang)
    name_labels = _name_labels(circles, regions, quality)
    boxes = [Box(c.cx - c.r, c.cy - c.r, 2 * c.r, 2 * c.r) for c in circles]
    boxes += [lab.box for lab in regions] + [n.box for n in name_labels]
    return SetLayout(circles, regions, name_labels, mode, round(error, 4) if not math.isnan(error) else error,
                     tol, bounding_box(boxes), quality, enlarged)


def _in_region(p: Point, region: Region, circles: list[SetCircle]) -> bool:
    return all((math.dist(p, c.center) < c.r) == (c.name in region) for c in circles)


def _box_in_region(box: Box, region: Region, circles: list[SetCircle], pad: float = 2.0) -> bool:
    for c in circles:
        if c.name in region:
            if not box_inside_circle(box, c.center, c.r, pad):
                return False
        elif box_hits_circle(box, c.center, c.r, pad):
            return False
    return True


def _deep_points(region: Region, circles: list[SetCircle]) -> list[tuple[float, Point]]:
    """Grid points inside ``region``, deepest (farthest from every boundary) first."""
    b = bounding_box([Box(c.cx - c.r, c.cy - c.r, 2 * c.r, 2 * c.r) for c in circles if c.name in region])
    step = max(2.0, min(b.w, b.h) / 60)
    out = []
    y = b.y + step / 2
    while y < b.bottom:
        x = b.x + step / 2
        while x < b.right:
            p = (x, y)
            if _in_region(p, region, circles):
                depth = min(abs(math.dist(p, c.center) - c.r) for c in circles)
                out.append((depth, (round(x, 3), round(y, 3))))
            x += step
        y += step
    out.sort(key=lambda t: (-t[0], t[1]))
    return out


def _text_options(
    venn: SetVenn, region: Region, count: float, lang: str
) -> list[tuple[tuple[str, ...], float]]:
    from socialtools.i18n import translate
    from socialtools.venn.style import CATALOGUE

    number = str(int(count)) if float(count).is_integer() else f"{count:g}"
    if venn.show == "none":
        return []
    options: list[tuple[tuple[str, ...], float]] = []
    if venn.show == "members" and venn.sets is not None:
        members = [str(m) for m in venn.members(region)]
        if len(members) > MAX_MEMBER_LINES + 1:  # a long list, several to a line, before cutting it
            for width in PACKED_WIDTHS:
                packed = wrap(", ".join(members), width, MEMBER_SIZE)
                if len(packed) <= MAX_MEMBER_LINES + 1:
                    options.append((tuple(packed), MEMBER_SIZE))
        for keep in range(len(members), 0, -1):
            lines = members[:keep]
            if keep < len(members):
                lines = [*lines, translate(CATALOGUE, "more_members", lang).format(n=len(members) - keep)]
            if len(lines) <= MAX_MEMBER_LINES + 1:
                options.append((tuple(lines), MEMBER_SIZE))
    options.append(((number,), LABEL_SIZE))
    return options


def _region_labels(venn: SetVenn, circles: list[SetCircle], counts: dict[Region, float], quality: SetQuality,
                   lang: str) -> list[RegionLabel]:
    out: list[RegionLabel] = []
    for region in venn.regions():
        count = counts[region]
        if count == 0 and quality.region_share.get(region, 0) <= 1e-6:
            continue  # an empty region that is not drawn needs no label
        points = _deep_points(region, circles)
        if not points:
            continue
        anchor = points[0][1]
        options = _text_options(venn, region, count, lang)
        if not options:
            continue
        *member_options, count_option = options
        placed = None
        for lines, size in member_options:
            placed = _inside_region_label(region, lines, size, points, circles, out)
            if placed:
                break
        if placed is None and member_options:  # the full list outside, with a leader
            placed = _outside_region_label(region, *member_options[0], anchor, circles, out)
        if placed is None:
            placed = _inside_region_label(region, *count_option, points, circles, out)
        if placed is None:
            placed = _outside_region_label(region, *count_option, anchor, circles, out)
            if placed is None:
                quality.label_collisions += 1
                lines, size = count_option
                w = max(text_width(line, size) for line in lines)
                h = size * LINE_HEIGHT
                box = Box(anchor[0] - w / 2, anchor[1] - h / 2, w, h)
                placed = RegionLabel(lines, size, box, region=region, anchor=anchor)
        if placed.leader is not None:
            quality.labels_outside += 1
        out.append(placed)
    return out


def _inside_region_label(region: Region, lines: tuple[str, ...], size: float,
                         points: list[tuple[float, Point]], circles: list[SetCircle],
                         placed: list[RegionLabel]) -> RegionLabel | None:
    """The region's text at the deepest point inside it where it fits clear of the placed labels."""
    w = max(text_width(line, size) for line in lines)
    h = len(lines) * size * LINE_HEIGHT
    labels = Obstacles(boxes=[o.box for o in placed])
    spots = (((x, y), Box(x - w / 2, y - h / 2, w, h)) for _, (x, y) in points[:400])
    spot = first_clear(spots, lambda s: not _box_in_region(s[1], region, circles),
                       lambda s: labels.box_hits_box(s[1], 2))
    return RegionLabel(lines, size, spot[1], region=region, anchor=spot[0]) if spot is not None else None


def _outside_region_label(region: Region, lines: tuple[str, ...], size: float, anchor: Point,
                          circles: list[SetCircle], placed: list[RegionLabel]) -> RegionLabel | None:
    """The region's text outside every circle on a leader from ``anchor``, round the diagram from
    the region's side: the first spot clear of circles, labels and other circles' boundaries."""
    w = max(text_width(line, size) for line in lines)
    h = len(lines) * size * LINE_HEIGHT
    cx = sum(c.cx for c in circles) / len(circles)
    cy = sum(c.cy for c in circles) / len(circles)
    base = math.atan2(anchor[1] - cy, anchor[0] - cx)
    reach = max(math.dist((cx, cy), (c.cx, c.cy)) + c.r for c in circles)
    obstacles = Obstacles(circles, boxes=[o.box for o in placed])

    def spots() -> Iterator[tuple[Box, Point]]:
        for extra in (14.0, 30.0, 50.0):
            for k in range(37):
                a = base + (k + 1) // 2 * (math.pi / 18) * (1 if k % 2 else -1)
                ux, uy = math.cos(a), math.sin(a)
                ext = abs(ux) * w / 2 + abs(uy) * h / 2
                bx, by = cx + (reach + extra + ext) * ux, cy + (reach + extra + ext) * uy
                box = Box(bx - w / 2, by - h / 2, w, h)
                yield box, _edge_point(box, ux, uy)

    def leader_blocked(spot: tuple[Box, Point]) -> bool:
        end = spot[1]
        # the leader may only cross the boundaries of the circles it leaves
        return (any(c.name not in region and segment_hits_circle(anchor, end, c.center, c.r) for c in circles)
                or any(_seg_box((anchor, end), o.box) for o in placed))

    spot = first_clear(spots(), lambda s: obstacles.box_hits_circle(s[0], 3),
                       lambda s: obstacles.box_hits_box(s[0], 3), leader_blocked)
    return (RegionLabel(lines, size, spot[0], region=region, anchor=anchor, leader=(anchor, spot[1]))
            if spot is not None else None)


def _name_labels(
    circles: list[SetCircle], regions: list[RegionLabel], quality: SetQuality
) -> list[NameLabel]:
    cx = sum(c.cx for c in circles) / len(circles)
    cy = sum(c.cy for c in circles) / len(circles)
    out: list[NameLabel] = []
    for c in circles:
        block = TextBlock.wrapped([c.name], 160, NAME_SIZE, bold=True)  # drawn in bold
        w, h = block.width, block.height
        base = math.atan2(c.cy - cy, c.cx - cx) if math.dist((c.cx, c.cy), (cx, cy)) > 1 else -math.pi / 2
        if len(circles) == 2:
            base = -math.pi / 2 - (0.6 if c is circles[0] else -0.6)
        found = None
        containers = [o for o in circles if o is not c and math.dist(o.center, c.center) + c.r <= o.r + 1e-6]
        # first a place whose leader crosses no other circle; failing that (nearly coincident
        # circles), a place outside every circle with a leader that may cross them
        for strict, gap in [(True, g) for g in (6.0, 16.0, 30.0, 50.0, 80.0, 120.0)] + [(False, 16.0), (False, 30.0)]:
            for k in range(37):
                a = base + (k + 1) // 2 * (math.pi / 18) * (1 if k % 2 else -1)
                ux, uy = math.cos(a), math.sin(a)
                ext = abs(ux) * w / 2 + abs(uy) * h / 2
                bx, by = c.cx + (c.r + gap + ext) * ux, c.cy + (c.r + gap + ext) * uy
                box = Box(bx - w / 2, by - h / 2, w, h)
                if box_hits_circle(box, c.center, c.r, 3):
                    continue
                # never across a boundary: wholly inside or wholly outside every other circle
                holders = [o for o in circles if o is not c and box_inside_circle(box, o.center, o.r, 3)]
                if any(o is not c and o not in holders and box_hits_circle(box, o.center, o.r, 3)
                       for o in circles):
                    continue
                if any(box.overlaps(o.box, 3) for o in out) or any(box.overlaps(o.box, 3) for o in regions):
                    continue
                if any(lab.leader and _seg_box(lab.leader, box) for lab in regions):
                    continue
                start = (c.cx + c.r * ux, c.cy + c.r * uy)
                end = _edge_point(box, ux, uy)
                leader = (start, end) if gap > 6.0 or holders or containers or not strict else None
                # a leader may leave the circles that hold this one, and nothing else
                if strict and leader and any(o is not c and o not in holders and o not in containers
                                             and segment_hits_circle(start, end, o.center, o.r) for o in circles):
                    continue
                if not strict and holders:
                    continue
                found = NameLabel(block.lines, NAME_SIZE, box, name=c.name, leader=leader)
                break
            if found:
                break
        if found is None:
            quality.label_collisions += 1
            found = NameLabel(block.lines, NAME_SIZE, Box(c.cx - w / 2, c.cy - c.r - h - 6, w, h), name=c.name)
        out.append(found)
    return out


def _edge_point(box: Box, ux: float, uy: float) -> Point:
    """Where the ray from the box centre in direction ``-(ux, uy)`` leaves the box.

    A leader line ends there, touching its label, not short of it.
    """
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    reach = min(box.w / 2 / abs(ux) if abs(ux) > 1e-9 else math.inf,
                box.h / 2 / abs(uy) if abs(uy) > 1e-9 else math.inf)
    return (cx - reach * ux, cy - reach * uy)


def _nested(c: SetCircle, circles: list[SetCircle]) -> bool:
    return any(o is not c and math.dist(o.center, c.center) + c.r <= o.r + 1e-6 for o in circles)


def _inside(p: Point, c: SetCircle) -> bool:
    return math.dist(p, c.center) < c.r


def _seg_box(seg: tuple[Point, Point], box: Box) -> bool:
    from socialtools.draw.geometry import segment_hits_box

    return segment_hits_box(seg[0], seg[1], box.grown(2), shrink=0.0)
