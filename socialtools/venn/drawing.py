"""Drawing shared by both Venn kinds: the centred header, labels in their boxes, filled circles.

>>> from socialtools.draw.theme import Theme
>>> title, meta = header_lines("Lembaga di Desa", ["2024"], 300, Theme())
>>> title.lines, meta.lines
(('Lembaga di Desa',), ('2024',))
"""

from __future__ import annotations

from typing import Any

from svgwrite.container import Group

from socialtools.draw.geometry import Box
from socialtools.draw.lines import DASHES, num
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.text import LINE_HEIGHT, TextBlock
from socialtools.draw.theme import Theme
from socialtools.venn.patterns import add_pattern
from socialtools.venn.style import FillStyle


def header_lines(title: str, meta: list[str], width: float, theme: Theme) -> tuple[TextBlock, TextBlock]:
    """Wrapped title and meta lines (place, date, ...) for a figure of ``width``."""
    return (TextBlock.wrapped([title], width, theme.title_font_size) if title else TextBlock((), 1.0),
            TextBlock.wrapped(meta, width, theme.small_font_size + 1))


def draw_header(canvas: SvgCanvas, title: TextBlock, meta: TextBlock, x: float, y: float) -> float:
    """Draw a centred title and meta lines from ``y``; return the y below them."""
    g = canvas.group(id="header")
    for line in title.lines:
        y += title.size
        canvas.text(g, x, y, line, title.size, font_weight="bold")
        y += title.size * (LINE_HEIGHT - 1)
    if title.lines:
        y += 4
    for line in meta.lines:
        y += meta.size
        canvas.text(g, x, y, line, meta.size, fill=canvas.theme.muted)
        y += meta.size * (LINE_HEIGHT - 1)
    return y


def draw_label(canvas: SvgCanvas, g: Group, lines: tuple[str, ...], size: float, box: Box, dx: float, dy: float,
               *, backdrop: bool = False, **attrs: Any) -> None:
    """Draw ``lines`` of text at ``size`` centred in ``box``, shifted by ``(dx, dy)``.

    ``backdrop`` puts a pale rounded box behind the text so it stays readable on a pattern.
    """
    if backdrop:
        g.add(canvas.dwg.rect((num(box.x + dx - 2), num(box.y + dy - 1)), (num(box.w + 4), num(box.h + 2)),
                              rx=3, fill="#ffffff", fill_opacity=0.8, stroke="none"))
    pitch = size * LINE_HEIGHT
    top = box.y + dy + (box.h - pitch * len(lines)) / 2
    for k, line in enumerate(lines):
        baseline = top + k * pitch + size * 0.95
        canvas.text(g, box.x + dx + box.w / 2, baseline, line, size, **attrs)


def draw_circle(canvas: SvgCanvas, g: Group, cx: float, cy: float, r: float, fill: FillStyle, *,
            stroke: str, dash: str, width: float, opacity: float = 0.6) -> None:
    theme = canvas.theme
    colour = "#ffffff" if theme.monochrome else fill.colour
    paint = add_pattern(canvas.dwg, fill.pattern, background=colour) if fill.pattern else colour
    # multiply: a circle tints what lies under it without hiding it (like transparent paper)
    outline = canvas.dwg.circle(center=(num(cx), num(cy)), r=num(r), fill=paint, fill_opacity=opacity,
                                stroke=theme.colour(stroke), stroke_width=num(width),
                                style="mix-blend-mode:multiply")
    if DASHES.get(dash):
        outline.attribs["stroke-dasharray"] = DASHES[dash]
    g.add(outline)
