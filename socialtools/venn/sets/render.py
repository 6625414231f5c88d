"""Drawing of the set Venn/Euler layout as SVG, with a note saying whether it is to scale.

>>> from socialtools.venn.sets.model import SetVenn
>>> from socialtools.venn.sets.layout import layout_sets
>>> venn = SetVenn(counts={"A": 3, "B": 2, "A&B": 1})
>>> svg = render_sets(venn, layout_sets(venn), lang="en")
>>> svg.count('class="set"')
2
"""

from __future__ import annotations

from socialtools.draw.lines import num
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.text import LINE_HEIGHT, TextBlock
from socialtools.draw.theme import Theme
from socialtools.i18n import translate
from socialtools.venn.drawing import draw_circle, draw_header, draw_label, header_lines
from socialtools.venn.sets.layout import SetLayout
from socialtools.venn.sets.model import SetVenn
from socialtools.venn.style import CATALOGUE, SET_COLOURS, SET_PATTERNS, FillStyle


def _set_note(layout: SetLayout, lang: str) -> str:
    if layout.mode == "proportional":
        return translate(CATALOGUE, "to_scale", lang).format(error=f"{layout.error * 100:.1f}",
                                                             tol=f"{layout.tolerance * 100:g}")
    key = {"enlarged": "partly_to_scale", "equal": "not_to_scale", "manual": "manual_radii"}[layout.mode]
    return translate(CATALOGUE, key, lang)


def render_sets(venn: SetVenn, layout: SetLayout, *, lang: str = "id", theme: Theme | None = None) -> str:
    """The SVG text of a set Venn/Euler diagram, with a note saying whether it is to scale."""
    theme = theme or Theme()
    b = layout.bounds
    width = max(420.0, b.w + 2 * theme.margin)
    note = _set_note(layout, lang)
    head, meta = header_lines(venn.title, [], width - 2 * theme.margin, theme)
    note_block = TextBlock.wrapped([note], width - 2 * theme.margin, theme.small_font_size)
    header_h = head.height + (8 if head.lines else 0)
    height = theme.margin + header_h + b.h + 12 + note_block.height + theme.margin
    canvas = SvgCanvas(width, height, theme, title=venn.title or "Venn")
    draw_header(canvas, head, meta, width / 2, theme.margin)
    dx = (width - b.w) / 2 - b.x
    dy = theme.margin + header_h - b.y
    diagram = canvas.group(id="venn")
    for k, c in enumerate(layout.circles):
        g = canvas.group(diagram, id=f"set-{k + 1}", class_="set")
        fill = FillStyle(SET_COLOURS[k], SET_PATTERNS[k])
        draw_circle(canvas, g, c.cx + dx, c.cy + dy, c.r, fill, stroke=SET_COLOURS[k] if not theme.monochrome
                else theme.stroke, dash=("solid", "dashed", "dashdot")[k], width=2.0, opacity=0.4)
    names = canvas.group(diagram, id="set-names")
    for n in layout.names:
        if n.leader:
            (x0, y0), (x1, y1) = n.leader
            canvas.polyline(names, [(x0 + dx, y0 + dy), (x1 + dx, y1 + dy)], width=0.8, colour=theme.muted)
        draw_label(canvas, names, n.lines or (n.name,), n.size, n.box, dx, dy, font_weight="bold")
    regions = canvas.group(diagram, id="regions")
    for k, reg in enumerate(layout.regions):
        g = canvas.group(regions, id=f"region-{k + 1}")
        if reg.leader:
            (x0, y0), (x1, y1) = reg.leader
            canvas.polyline(g, [(x0 + dx, y0 + dy), (x1 + dx, y1 + dy)], width=0.8, colour=theme.muted)
            g.add(canvas.dwg.circle(center=(num(x0 + dx), num(y0 + dy)), r=1.8, fill=theme.muted))
        draw_label(canvas, g, reg.lines, reg.size, reg.box, dx, dy, backdrop=reg.leader is None)
    y = theme.margin + header_h + b.h + 12
    notes = canvas.group(id="note")
    for line in note_block.lines:
        y += note_block.size
        canvas.text(notes, width / 2, y, line, note_block.size, fill=theme.muted, font_style="italic")
        y += note_block.size * (LINE_HEIGHT - 1)
    return canvas.to_string()
