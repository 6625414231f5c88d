"""Legends: a titled grid of (sample drawing, label) entries, built from what a diagram uses.

The layout is computed first (:func:`legend_box` gives the room it needs), then drawn
with :func:`draw_legend`. The group's id is ``legend``.

>>> entries = [LegendEntry("Laki-laki", lambda canvas, g, box: None)]
>>> box = legend_box(entries, "Keterangan", 400, Theme())
>>> box.w > 0 and box.h > 0
True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from svgwrite.container import Group

from socialtools.draw.geometry import Box
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.text import LINE_HEIGHT, text_width
from socialtools.draw.theme import Theme

SAMPLE_W, SAMPLE_H = 40.0, 18.0
GAP = 8.0
ROW = 24.0

DrawSample = Callable[[SvgCanvas, Group, Box], None]


@dataclass(frozen=True)
class LegendEntry:
    """One legend line: ``draw`` paints a sample into the given box; ``label`` explains it."""

    label: str
    draw: DrawSample


def _grid(entries: list[LegendEntry], max_width: float, theme: Theme) -> tuple[int, float]:
    label_w = max((text_width(e.label, theme.small_font_size) for e in entries), default=0.0)
    col_w = SAMPLE_W + GAP + label_w + 2 * GAP
    cols = max(1, min(len(entries), int((max_width - 2 * GAP) // col_w)))
    return cols, col_w


def legend_box(entries: list[LegendEntry], title: str, max_width: float, theme: Theme) -> Box:
    """Width and height the legend needs (placed at the origin)."""
    if not entries:
        return Box(0, 0, 0, 0)
    cols, col_w = _grid(entries, max_width, theme)
    rows = math.ceil(len(entries) / cols)
    title_h = theme.font_size * LINE_HEIGHT + GAP
    width = max(cols * col_w + GAP, text_width(title, theme.font_size) + 2 * GAP)
    return Box(0, 0, width, title_h + rows * ROW + GAP)


def draw_legend(
    canvas: SvgCanvas, entries: list[LegendEntry], title: str, x: float, y: float, max_width: float
) -> Box:
    """Draw the legend with its top-left corner at ``(x, y)``; return the box it fills."""
    theme = canvas.theme
    box = legend_box(entries, title, max_width, theme)
    if not entries:
        return box
    cols, col_w = _grid(entries, max_width, theme)
    g = canvas.group(id="legend", class_="legend")
    g.add(
        canvas.dwg.rect(
            (x, y), (round(box.w, 2), round(box.h, 2)), fill="#ffffff", stroke=theme.muted,
            stroke_width=0.75, rx=4,
        )
    )
    canvas.text(g, x + GAP, y + GAP + theme.font_size * 0.9, title, theme.font_size, anchor="start",
                font_weight="bold")
    top = y + theme.font_size * LINE_HEIGHT + GAP
    for i, entry in enumerate(entries):
        row, col = divmod(i, cols)
        sx = x + GAP + col * col_w
        sy = top + row * ROW
        sample = canvas.group(g)
        entry.draw(canvas, sample, Box(sx, sy + (ROW - SAMPLE_H) / 2 - 2, SAMPLE_W, SAMPLE_H))
        canvas.text(g, sx + SAMPLE_W + GAP, sy + ROW / 2 + theme.small_font_size * 0.3 - 2, entry.label,
                    theme.small_font_size, anchor="start")
    return Box(x, y, box.w, box.h)
