"""Person symbols of a genogram: shapes, index outline, deceased cross, condition fills.

Shapes follow McGoldrick and NSGC 2022 (the symbol follows gender identity):
square = male, circle = female, diamond = unknown or non-binary, triangle = pregnancy;
small filled circle = miscarriage, small cross = induced abortion, small symbol with
a cross = stillbirth. Geometry here is plain (points); :func:`draw_person` paints it.

>>> symbol_shape(Person(id="A", sex="female"))
'circle'
>>> len(outline("square", 0, 0, 10))
4
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from svgwrite.container import Group

from socialtools.draw.geometry import Point
from socialtools.draw.lines import num
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.text import text_width
from socialtools.genogram.model import Person

SMALL_KINDS = frozenset({"miscarriage", "abortion", "stillbirth", "pet"})
CIRCLE_STEPS = 48
INDEX_GAP = 4.0  # distance of the index person's second outline
CROSS_STROKE = 1.5  # the width of the X of death (the theme's stroke)


def symbol_shape(person: Person) -> str:
    """Name of the outline shape: square, circle, diamond, triangle, dot or cross."""
    if person.kind == "pregnancy":
        return "triangle"
    if person.kind == "miscarriage":
        return "dot"
    if person.kind == "abortion":
        return "cross"
    if person.kind == "pet":
        return "diamond"
    identity = _IDENTITY_SEX.get(person.gender or "", person.sex)
    return _SEX_SHAPE.get(identity, "diamond")


#: the sex a gender identity is drawn as, and the shape of each sex (an unknown sex: a diamond)
_IDENTITY_SEX = {"trans_man": "male", "trans_woman": "female", "non_binary": "unknown"}
_SEX_SHAPE = {"male": "square", "female": "circle"}


def crossed(person: Person) -> bool:
    """Whether the symbol carries the X of death: a deceased person and a stillbirth, but not a
    miscarriage (a filled dot) or an induced abortion (an X already), whose date is the loss
    itself: they are drawn as the legend shows them, death year or not.

    >>> crossed(Person(id="M", kind="miscarriage", death=1999)), crossed(Person(id="B", death=2019))
    (False, True)
    """
    return person.kind == "stillbirth" or (person.deceased and person.kind not in ("miscarriage", "abortion"))


def symbol_size(person: Person, size: float) -> float:
    """Outer size of the symbol: small kinds are drawn at half size."""
    return size * 0.5 if person.kind in SMALL_KINDS else size


def cross_reach(person: Person, size: float, outer: float) -> float:
    """How far the arms of the X of death (:func:`crossed`) reach beyond the symbol's box, ``outer``
    wide (its stroke included): what a line keeps clear of like the symbol itself.

    >>> cross_reach(Person(id="A", death=1990), 36, 36), cross_reach(Person(id="B"), 36, 36)
    (3.75, 0.0)
    """
    if not crossed(person):
        return 0.0
    s = symbol_size(person, size)
    return max(s / 2 + _cross_overhang(s, size) - outer / 2, 0.0) + CROSS_STROKE / 2


def _cross_overhang(s: float, size: float) -> float:
    """How far the X's arms reach past the corners of a symbol ``s`` wide (a full-size one further)."""
    return 3 if s >= size else 1


def outline(shape: str, cx: float, cy: float, size: float) -> list[Point]:
    """Polygon of a shape centred on ``(cx, cy)`` fitting a ``size`` × ``size`` box."""
    h = size / 2
    if shape == "square":
        return [(cx - h, cy - h), (cx + h, cy - h), (cx + h, cy + h), (cx - h, cy + h)]
    if shape == "diamond":
        return [(cx, cy - h), (cx + h, cy), (cx, cy + h), (cx - h, cy)]
    if shape == "triangle":
        return [(cx, cy - h), (cx + h, cy + h), (cx - h, cy + h)]
    return [
        (cx + h * math.cos(2 * math.pi * i / CIRCLE_STEPS), cy + h * math.sin(2 * math.pi * i / CIRCLE_STEPS))
        for i in range(CIRCLE_STEPS)
    ]


#: one quadrant per condition (NSGC): the order in which conditions of a family take them
QUADRANTS = ("upper-left", "upper-right", "lower-left", "lower-right")
HALVES = {"left": (0, True), "right": (0, False), "upper": (1, True), "lower": (1, False)}


def _clip(polygon: list[Point], axis: int, value: float, keep_below: bool) -> list[Point]:
    """Sutherland–Hodgman clip of a polygon against one axis-aligned half-plane."""
    out: list[Point] = []
    for i, cur in enumerate(polygon):
        prev = polygon[i - 1]
        cur_in = cur[axis] <= value if keep_below else cur[axis] >= value
        prev_in = prev[axis] <= value if keep_below else prev[axis] >= value
        if cur_in != prev_in:
            t = (value - prev[axis]) / ((cur[axis] - prev[axis]) or 1e-12)
            out.append((prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])))
        if cur_in:
            out.append(cur)
    return out


def region_polygon(polygon: list[Point], region: str, cx: float, cy: float) -> list[Point]:
    """The part of a symbol polygon in one half (left, lower, right, upper) or one quadrant
    (``upper-left``, ``lower-right``, ...).

    >>> sorted(region_polygon(outline("square", 0, 0, 10), "lower-right", 0, 0))
    [(0.0, 0.0), (0.0, 5.0), (5.0, 0.0), (5.0, 5.0)]
    """
    if region == "whole":
        return polygon
    for half in region.split("-"):
        axis, keep_below = HALVES[half]
        polygon = _clip(polygon, axis, cx if axis == 0 else cy, keep_below)
    return polygon


def outer_edges(part: list[Point], cx: float, cy: float) -> list[list[Point]]:
    """The edges of a quadrant or half (:func:`region_polygon`) that follow the symbol's outline,
    as polylines: the edges on the axes through the centre ``(cx, cy)`` are left out.

    >>> outer_edges(region_polygon(outline("square", 0, 0, 10), "lower-left", 0, 0), 0, 0)
    [[(0.0, 5.0), (-5.0, 5.0), (-5.0, 0.0)]]
    """
    def inner(a: Point, b: Point) -> bool:
        return (abs(a[0] - cx) < 1e-6 and abs(b[0] - cx) < 1e-6) or (abs(a[1] - cy) < 1e-6 and abs(b[1] - cy) < 1e-6)

    n = len(part)
    starts = [i for i in range(n) if inner(part[i - 1], part[i])]
    if not starts:
        return [[*part, part[0]]]
    runs: list[list[Point]] = []
    for k, start in enumerate(starts):
        end = starts[(k + 1) % len(starts)] - 1  # the run from part[start] up to the next inner edge
        run = [part[(start + j) % n] for j in range((end - start) % n + 1)]
        if len(run) >= 2:
            runs.append(run)
    return runs


def _cross(cx: float, cy: float, h: float) -> list[list[Point]]:
    return [[(cx - h, cy - h), (cx + h, cy + h)], [(cx - h, cy + h), (cx + h, cy - h)]]


@dataclass(frozen=True)
class ConditionStyle:
    """How one condition is shown: which quadrant of the symbol, and its fill: solid (a shade
    of grey when quadrants must be shared), hatched (suspected), outlined (in recovery)."""

    region: str
    hatched: bool
    outlined: bool = False
    shade: str = "#555555"
    movable: bool = False  # its quadrant meets another condition's in some person: it gives way there


def person_regions(person: Person, styles: dict[str, ConditionStyle]) -> dict[str, str]:
    """The quadrant of each of a person's conditions: its own, or — when an earlier condition of
    this person already fills it (a family with more conditions than four quadrants can keep
    apart) — the first free one; a fifth condition and more are not drawn (the caller warns).

    >>> s = {"a": ConditionStyle("upper-left", False), "b": ConditionStyle("upper-left", False, shade="#999")}
    >>> s["a"] = ConditionStyle("upper-left", False, movable=True)
    >>> person_regions(Person(id="X", conditions=["a", "b"]), s)
    {'b': 'upper-left', 'a': 'upper-right'}
    """
    out: dict[str, str] = {}
    for c in sorted(person.conditions, key=lambda c: c.name in styles and styles[c.name].movable):
        style = styles.get(c.name)
        if style is None or c.name in out:
            continue
        if style.region == "whole":  # the family's only condition fills the symbol
            out[c.name] = "whole"
            continue
        free = [q for q in QUADRANTS if q not in out.values()]
        if not free:
            break
        out[c.name] = style.region if style.region in free else free[0]
    return out


BRACKET_GAP = 5.0  # distance of the NSGC brackets of an adopted or foster child from its symbol


def outer_outline(person: Person, cx: float, cy: float, size: float) -> list[Point]:
    """The outermost outline of a person's symbol (the second outline of the index person)."""
    shape = symbol_shape(person)
    s = symbol_size(person, size)
    if person.index and shape not in ("dot", "cross"):
        s += 2 * INDEX_GAP
    return outline("square" if shape == "cross" else "circle" if shape == "dot" else shape, cx, cy, s)


def end_on_outline(points: list[Point], polygon: list[Point]) -> list[Point]:
    """The polyline with its last point moved onto ``polygon`` (a symbol's outline): its last
    segment is cut where it enters the symbol, or lengthened to reach it.

    >>> end_on_outline([(0, -50), (0, -30)], outline("square", 0, 0, 20))
    [(0, -50), (0.0, -10.0)]
    """
    if len(points) < 2:
        return points
    (px, py), (qx, qy) = points[-2], points[-1]
    dx, dy = qx - px, qy - py
    best: float | None = None
    for (ax, ay), (bx, by) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        ex, ey = bx - ax, by - ay
        den = dx * ey - dy * ex
        if abs(den) < 1e-12:
            continue
        t = ((ax - px) * ey - (ay - py) * ex) / den
        u = ((ax - px) * dy - (ay - py) * dx) / den
        if 0 <= u <= 1 and t > 1e-9 and (best is None or t < best):
            best = t
    xs, ys = [x for x, _ in polygon], [y for _, y in polygon]
    span = max(max(xs) - min(xs), max(ys) - min(ys))
    if best is not None and math.dist((px + dx * best, py + dy * best), (qx, qy)) <= span:
        return [*points[:-1], (px + dx * best, py + dy * best)]
    # the line passes beside the symbol: its end moves to the nearest point of the outline
    return [*points[:-1], _nearest_on_polygon((qx, qy), polygon)]


def _nearest_on_polygon(p: Point, polygon: list[Point]) -> Point:
    best, out = math.inf, p
    for (ax, ay), (bx, by) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        ex, ey = bx - ax, by - ay
        length = ex * ex + ey * ey
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - ax) * ex + (p[1] - ay) * ey) / length))
        q = (ax + ex * t, ay + ey * t)
        d = math.dist(p, q)
        if d < best:
            best, out = d, q
    return out


def brackets(cx: float, cy: float, size: float) -> list[list[Point]]:
    """The NSGC brackets ``[ ]`` around a symbol of ``size`` (an adopted or foster child).

    >>> [len(b) for b in brackets(0, 0, 10)]
    [4, 4]
    """
    h, x = size / 2 + BRACKET_GAP, size / 2 + BRACKET_GAP
    tick = 4.0
    left = [(-x + tick, -h), (-x, -h), (-x, h), (-x + tick, h)]
    return [[(cx + px, cy + py) for px, py in left], [(cx - px, cy + py) for px, py in left]]


def _paint_conditions(canvas: SvgCanvas, g: Group, person: Person, shape: str, cx: float, cy: float, s: float,
                      styles: dict[str, ConditionStyle]) -> None:
    """A person's conditions painted into the quadrants of their symbol (``shape``, ``s`` wide)."""
    poly = outline(shape, cx, cy, s)
    regions = person_regions(person, styles)
    for condition in person.conditions:
        style = styles.get(condition.name)
        if style is None or condition.name not in regions:
            continue
        part = region_polygon(poly, regions[condition.name], cx, cy)
        if len(part) < 3:
            continue
        # the hatching scales down with a small symbol (a legend sample), so a quadrant keeps 3 or more strokes
        canvas.polygon(g, part, fill=canvas.hatch(max(2.5, min(4.0, s / 9))) if style.hatched else style.shade)
        if style.outlined:  # heavy along the symbol's outline only: no stub beside the age tag ("-33")
            canvas.multiline(g, outer_edges(part, cx, cy), width=canvas.theme.stroke_width * 1.6)


def draw_person(
    canvas: SvgCanvas,
    parent: Group,
    person: Person,
    cx: float,
    cy: float,
    size: float,
    *,
    inner_text: str | None = None,
    condition_styles: dict[str, ConditionStyle] | None = None,
    element_id: str | None = None,
    bracketed: bool = False,
) -> Group:
    """Draw one person's symbol centred on ``(cx, cy)``; return its group.

    ``size`` is the full symbol size (small kinds are halved); ``inner_text`` goes inside
    (an age, a count); ``condition_styles`` maps condition names to fills; ``bracketed``
    draws the NSGC brackets of an adopted or foster child.
    """
    theme = canvas.theme
    g = canvas.group(parent, class_="person", **({"id": element_id} if element_id else {}))
    shape = symbol_shape(person)
    s = symbol_size(person, size)
    sw = theme.stroke_width
    def paint(size: float, fill: str) -> None:
        if shape in ("circle", "dot"):  # a real circle: smaller files, exact shape
            canvas.circle(g, cx, cy, size / 2, fill=fill, stroke=theme.stroke, stroke_width=sw)
        else:
            canvas.polygon(g, outline(shape, cx, cy, size), fill=fill, stroke=theme.stroke, stroke_width=num(sw))

    if person.index and shape not in ("dot", "cross"):
        paint(s + 2 * INDEX_GAP, "#ffffff")
    if shape == "cross":
        h = s / 2
        canvas.polygon(g, outline("square", cx, cy, s), fill="#ffffff", stroke="none")
        canvas.multiline(g, _cross(cx, cy, h), width=sw * 1.4)
        return g
    paint(s, theme.stroke if shape == "dot" else "#ffffff")
    if person.conditions and shape != "dot":
        _paint_conditions(canvas, g, person, shape, cx, cy, s, condition_styles or {})
    if bracketed:
        canvas.multiline(g, brackets(cx, cy, s + (2 * INDEX_GAP if person.index else 0)), width=sw * 1.2)
    if crossed(person):
        canvas.multiline(g, _cross(cx, cy, s / 2 + _cross_overhang(s, size)), width=sw)
    if inner_text:
        fs = theme.small_font_size
        if person.deceased or person.conditions:  # a white tag keeps the text readable over fills
            w = text_width(inner_text, fs) + 4
            canvas.rect(g, cx - w / 2, cy - fs * 0.55, w, fs * 1.1, fill="#ffffff", stroke="none")
        canvas.text(g, cx, cy + fs * 0.35, inner_text, fs, font_weight="bold")
    return g
