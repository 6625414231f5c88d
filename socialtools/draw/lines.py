"""Line patterns shared by every diagram: dashes, parallel lines, zigzags, bars, arrowheads.

Each function takes a polyline (a list of points) and returns plain geometry (new
polylines or polygons); the renderer turns them into SVG paths with :func:`path_d`.

>>> path_d([(0, 0), (10, 0)])
'M0 0L10 0'
>>> len(offset_polyline([(0, 0), (10, 0)], 2))
2
"""

from __future__ import annotations

import itertools
import math

from socialtools.draw.geometry import Point

DASHES: dict[str, str | None] = {
    "solid": None,
    "dashed": "6,4",
    "dotted": "1.5,3",
    "dashdot": "7,3,1.5,3",
    "longdash": "10,5",
    "nearsolid": "12,2.5",  # a marriage not registered (nikah siri): a married line with small gaps
}


_NUMS: dict[float, str] = {}  # num's texts: rows, sizes and widths repeat through a drawing
_NUMS_KEPT = 1 << 16


def num(v: float) -> str:
    """A coordinate as short, deterministic text (two decimals, no trailing zeros).

    >>> num(12.345), num(3.10), num(-0.001), num(7)
    ('12.35', '3.1', '0', '7')
    """
    text = _NUMS.get(v)
    if text is not None:  # equal numbers (1, 1.0; 0.0, -0.0) have the same text
        return text
    text = f"{v:.2f}"
    if text[-1] == "0":  # "12.30", "12.00", "-0.00": trailing zeros (and a minus on zero) go
        text = text.rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
    if len(_NUMS) >= _NUMS_KEPT:
        _NUMS.clear()
    _NUMS[v] = text
    return text


def path_d(points: list[Point], closed: bool = False) -> str:
    """SVG path data for a polyline (or a polygon when ``closed``)."""
    known = _NUMS.get  # (num's texts looked up here: a drawing's paths hold hundreds of thousands of numbers)
    d = "M" + "L".join([f"{known(x) or num(x)} {known(y) or num(y)}" for x, y in points])
    return d + "Z" if closed else d


def unit(p: Point, q: Point) -> tuple[float, float]:
    """The unit vector from ``p`` toward ``q``.

    >>> unit((0, 0), (3, 4))
    (0.6, 0.8)
    """
    dx, dy = q[0] - p[0], q[1] - p[1]
    length = math.hypot(dx, dy) or 1.0
    return dx / length, dy / length


def polyline_length(points: list[Point]) -> float:
    return sum(math.dist(p, q) for p, q in itertools.pairwise(points))


def point_at(points: list[Point], distance: float) -> tuple[Point, tuple[float, float]]:
    """The point ``distance`` along a polyline and the unit direction there."""
    for p, q in itertools.pairwise(points):
        seg = math.dist(p, q)
        if distance <= seg or q == points[-1]:
            ux, uy = unit(p, q)
            t = min(distance, seg)
            return (p[0] + ux * t, p[1] + uy * t), (ux, uy)
        distance -= seg
    return points[-1], (1.0, 0.0)


def offset_polyline(points: list[Point], d: float) -> list[Point]:
    """The polyline moved sideways by ``d`` (left of the direction of travel), mitred joints."""
    normals = []
    for p, q in itertools.pairwise(points):
        ux, uy = unit(p, q)
        normals.append((-uy, ux))
    out: list[Point] = []
    for i, p in enumerate(points):
        if i == 0:
            nx, ny = normals[0]
            scale = 1.0
        elif i == len(points) - 1:
            nx, ny = normals[-1]
            scale = 1.0
        else:
            ax, ay = normals[i - 1]
            bx, by = normals[i]
            nx, ny = ax + bx, ay + by
            length = math.hypot(nx, ny) or 1.0
            nx, ny = nx / length, ny / length
            scale = 1.0 / max(0.3, nx * ax + ny * ay)
        out.append((p[0] + nx * d * scale, p[1] + ny * d * scale))
    return out


def parallel_lines(points: list[Point], count: int, gap: float) -> list[list[Point]]:
    """``count`` parallel copies of a polyline, ``gap`` apart, centred on it."""
    first = -(count - 1) * gap / 2
    return [offset_polyline(points, first + i * gap) for i in range(count)]


def zigzag(points: list[Point], amplitude: float, wavelength: float, margin: float = 0.0) -> list[Point]:
    """A zigzag running along the polyline, straight for ``margin`` at both ends."""
    total = polyline_length(points)
    usable = total - 2 * margin
    if usable < wavelength:
        return list(points)
    steps = max(2, int(usable / (wavelength / 2)))
    step = usable / steps
    out: list[Point] = [points[0]]
    for i in range(steps + 1):
        (x, y), (ux, uy) = point_at(points, margin + i * step)
        side = 0 if i in (0, steps) else (amplitude if i % 2 else -amplitude)
        out.append((x - uy * side, y + ux * side))
    out.append(points[-1])
    return out


def cross_bars(points: list[Point], at: float, length: float, count: int = 2, gap: float = 4.0) -> list[list[Point]]:
    """Short slanted bars across the polyline at fraction ``at`` of its length (cut-offs, divorces)."""
    total = polyline_length(points)
    bars = []
    for i in range(count):
        offset = (i - (count - 1) / 2) * gap
        (x, y), (ux, uy) = point_at(points, total * at + offset)
        # slanted 60° to the line: mix of the normal and the direction
        nx, ny = -uy, ux
        sx, sy = nx * 0.87 + ux * 0.5, ny * 0.87 + uy * 0.5
        h = length / 2
        bars.append([(x - sx * h, y - sy * h), (x + sx * h, y + sy * h)])
    return bars


def arrowhead(tip: Point, toward_from: Point, size: float = 8.0) -> list[Point]:
    """Triangle with its point at ``tip``, pointing away from ``toward_from``."""
    ux, uy = unit(toward_from, tip)
    bx, by = tip[0] - ux * size, tip[1] - uy * size
    w = size * 0.45
    return [tip, (bx - uy * w, by + ux * w), (bx + uy * w, by - ux * w)]


def trim(points: list[Point], start: float, end: float) -> list[Point]:
    """The polyline shortened by ``start`` at its beginning and ``end`` at its end."""
    total = polyline_length(points)
    if start + end >= total:
        return list(points)
    a, _ = point_at(points, start)
    b, _ = point_at(points, total - end)
    inner = []
    run = 0.0
    for p, q in itertools.pairwise(points):
        run += math.dist(p, q)
        if start < run < total - end:
            inner.append(q)
    return [a, *inner, b]
