"""Drawing of the strengths quadrant as SVG.

>>> from socialtools.quadrant.model import StrengthsQuadrant
>>> from socialtools.quadrant.layout import layout_quadrant
>>> q = StrengthsQuadrant(client="PK", personal_strengths=["jujur"])
>>> render_quadrant(q, layout_quadrant(q)).startswith("<?xml")
True
"""

from __future__ import annotations

from socialtools.draw.lines import num
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.text import LINE_HEIGHT, TextBlock
from socialtools.draw.theme import Theme
from socialtools.i18n import translate
from socialtools.quadrant.layout import CATALOGUE, QuadrantLayout
from socialtools.quadrant.model import StrengthsQuadrant

FILLS = {
    "personal_strengths": "#e3f2dc",
    "personal_limitations": "#fbe9d7",
    "environmental_resources": "#dde9f7",
    "environmental_obstacles": "#f7dcdc",
}




PRINT_MARGIN = 8.0  # round a quadrant without its header: the page of a report has its own margins


def render_quadrant(model: StrengthsQuadrant, layout: QuadrantLayout, *, lang: str = "id",
                    theme: Theme | None = None, header: bool = True) -> str:
    """The SVG text of the quadrant, with its title and client above the grid (``header=False``:
    the grid alone with a narrow margin, for a report whose caption is the title)."""
    theme = theme or Theme()
    title = model.title or translate(CATALOGUE, "default_title", lang)
    margin = theme.margin if header else PRINT_MARGIN
    width = layout.width + 2 * margin
    head = TextBlock.wrapped([title], layout.width, theme.title_font_size, bold=True)
    client = f"{translate(CATALOGUE, 'client', lang)}: {model.client}" if model.client else ""
    sub = TextBlock.wrapped([client], layout.width, theme.font_size) if client else None
    head_h = head.height + (sub.height + 4 if sub else 0) + 12 if header else 0.0
    height = margin + head_h + layout.height + margin
    canvas = SvgCanvas(width, height, theme, title=title)
    g = canvas.group(id="header")
    y = margin
    for line in head.lines if header else ():
        y += head.size
        canvas.text(g, width / 2, y, line, head.size, font_weight="bold")
        y += head.size * (LINE_HEIGHT - 1)
    if sub and header:
        y += 4
        for line in sub.lines:
            y += sub.size
            canvas.text(g, width / 2, y, line, sub.size, fill=theme.muted)
            y += sub.size * (LINE_HEIGHT - 1)
    ox, oy = margin, margin + head_h
    grid = canvas.group(id="quadrant")
    for cell in [*layout.headers, *layout.cells]:
        cg = canvas.group(grid, id=f"cell-{cell.key.replace('_', '-')}")
        fill = "#ffffff" if theme.monochrome else FILLS.get(cell.key, "#f2f2f2")
        b = cell.box
        cg.add(canvas.dwg.rect((num(b.x + ox), num(b.y + oy)), (num(b.w), num(b.h)), fill=fill,
                               stroke=theme.stroke, stroke_width=1.2))
        for line in cell.lines:
            extra = {"font_weight": "bold"} if line.bold else {}
            canvas.text(cg, line.x + ox, line.y + oy, line.text, line.size, anchor=line.anchor, **extra)
            if line.bullet:
                cg.add(canvas.dwg.circle(center=(num(line.x + ox - 8), num(line.y + oy - line.size * 0.33)),
                                         r=2.2, fill=theme.stroke))
    return canvas.to_string()
