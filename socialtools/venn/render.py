"""Drawing of the Venn layouts as SVG (on :class:`socialtools.draw.svg.SvgCanvas`).

Renderers only draw what the layout placed; they never move anything.

>>> from socialtools.venn.model import InstitutionalVenn
>>> from socialtools.venn.layout_institutional import layout_institutional
>>> venn = InstitutionalVenn(institutions=[{"name": "Puskesmas"}])
>>> render_institutional(venn, layout_institutional(venn)).startswith("<?xml")
True
"""

from __future__ import annotations

from typing import Any

from svgwrite.container import Group

from socialtools.draw.geometry import Box
from socialtools.draw.legend import LegendEntry, draw_legend, legend_box
from socialtools.draw.lines import DASHES, num
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.text import LINE_HEIGHT, TextBlock
from socialtools.draw.theme import Theme
from socialtools.i18n import translate
from socialtools.venn.layout_institutional import InstitutionalLayout, Label
from socialtools.venn.layout_sets import SetLayout
from socialtools.venn.model import KINDS, VALENCES, InstitutionalVenn, SetVenn
from socialtools.venn.patterns import add_pattern
from socialtools.venn.style import (
    CATALOGUE,
    KIND_STYLE,
    SET_COLOURS,
    SET_PATTERNS,
    VALENCE_FILL,
    VALENCE_STYLE,
    FillStyle,
)

MIN_WIDTH = 760.0

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


def draw_label(canvas: SvgCanvas, g: Group, label: Label, dx: float, dy: float, *, backdrop: bool = False,
               **attrs: Any) -> None:
    """Draw the lines of ``label`` centred in its box, shifted by ``(dx, dy)``.

    ``backdrop`` puts a pale rounded box behind the text so it stays readable on a pattern.
    """
    box = label.box
    if backdrop:
        g.add(canvas.dwg.rect((num(box.x + dx - 2), num(box.y + dy - 1)), (num(box.w + 4), num(box.h + 2)),
                              rx=3, fill="#ffffff", fill_opacity=0.8, stroke="none"))
    pitch = label.size * LINE_HEIGHT
    top = box.y + dy + (box.h - pitch * len(label.lines)) / 2
    for k, line in enumerate(label.lines):
        baseline = top + k * pitch + label.size * 0.95
        canvas.text(g, box.x + dx + box.w / 2, baseline, line, label.size, **attrs)


def _fill_style(inst_kind: str, valence: str, colour_by: str) -> FillStyle:
    return VALENCE_FILL[valence] if colour_by == "valence" else KIND_STYLE[inst_kind]


def _circle(canvas: SvgCanvas, g: Group, cx: float, cy: float, r: float, fill: FillStyle, *,
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


def _sample_circle(fill: FillStyle, stroke: str = "#222222", dash: str = "solid", r: float = 8.0):
    def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
        cx, cy = box.center
        _circle(canvas, g, cx, cy, r, fill, stroke=stroke, dash=dash, width=1.3)
    return draw


def _sample_size(level: int):
    def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
        cx, cy = box.center
        _circle(canvas, g, cx, cy, 2.5 + 2.0 * level, FillStyle("#ffffff", None), stroke="#222222",
                dash="solid", width=1.2)
    return draw


def _sample_distance(gap: float):
    def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
        cy = box.center[1]
        centre_fill = "#ffffff" if canvas.theme.monochrome else "#fff3c4"
        _circle(canvas, g, box.x + 8, cy, 7.0, FillStyle(centre_fill, None), stroke="#222222", dash="solid",
                width=1.6)
        _circle(canvas, g, box.x + 19 + gap, cy, 4.0, FillStyle("#ffffff", None), stroke="#222222",
                dash="solid", width=1.2)
    return draw


def _sample_overlap(canvas: SvgCanvas, g: Group, box: Box) -> None:
    cx, cy = box.center
    for dx, colour in ((-5.5, "#bcd7f2"), (5.5, "#c9e8c0")):
        _circle(canvas, g, cx + dx, cy, 8.0, FillStyle(colour, None), stroke="#222222", dash="solid",
                width=1.2)


def institutional_legend(venn: InstitutionalVenn, lang: str, colour_by: str = "kind") -> list[LegendEntry]:
    """Legend entries for what this diagram uses: size, distance, overlap, kinds, valences."""
    t = lambda key: translate(CATALOGUE, key, lang)  # noqa: E731
    entries = [LegendEntry(t(f"size_{level}"), _sample_size(level))
               for level in sorted({inst.importance for inst in venn.institutions})]
    entries.append(LegendEntry(t("distance_close"), _sample_distance(0.0)))
    entries.append(LegendEntry(t("distance_far"), _sample_distance(14.0)))
    if venn.cooperation:
        entries.append(LegendEntry(t("overlap"), _sample_overlap))
    used_valence = [v for v in VALENCES if any(i.valence == v for i in venn.institutions)]
    if colour_by == "valence":  # fill and outline both tell the valence: one entry each
        for v in used_valence:
            style = VALENCE_STYLE[v]
            entries.append(LegendEntry(t(f"valence_{v}"), _sample_circle(VALENCE_FILL[v], style.colour, style.dash)))
        return entries
    else:
        for k in KINDS:
            if any(i.kind == k for i in venn.institutions):
                entries.append(LegendEntry(t(f"kind_{k}"), _sample_circle(KIND_STYLE[k])))
    if used_valence != ["positive"]:
        for v in used_valence:
            style = VALENCE_STYLE[v]
            sample = _sample_circle(FillStyle("#ffffff", None), style.colour, style.dash)
            entries.append(LegendEntry(t(f"valence_{v}"), sample))
    return entries


def meta_lines(venn: InstitutionalVenn, lang: str) -> list[str]:
    """'Tempat: ... · Tanggal: ...' and the facilitators/participants lines."""
    t = lambda key: translate(CATALOGUE, key, lang)  # noqa: E731
    first = []
    if venn.place:
        first.append(f"{t('place')}: {venn.place}")
    if venn.date:
        first.append(f"{t('date')}: {venn.date}")
    lines = [" · ".join(first)] if first else []
    if venn.facilitators:
        lines.append(f"{t('facilitators')}: {', '.join(venn.facilitators)}")
    if venn.participants:
        lines.append(f"{t('participants')}: {', '.join(venn.participants)}")
    return lines


def render_institutional(
    venn: InstitutionalVenn, layout: InstitutionalLayout, *, lang: str = "id", theme: Theme | None = None,
    colour_by: str = "kind", legend: bool = True,
) -> str:
    """The SVG text of an institutional Venn diagram."""
    theme = theme or Theme()
    title = venn.topic or translate(CATALOGUE, "default_title", lang)
    b = layout.bounds
    width = max(MIN_WIDTH, b.w + 2 * theme.margin)
    head, meta = header_lines(title, meta_lines(venn, lang), width - 2 * theme.margin, theme)
    header_h = head.height + (4 if head.lines else 0) + meta.height + 12
    entries = institutional_legend(venn, lang, colour_by) if legend else []
    legend_title = translate(CATALOGUE, "legend", lang)
    lbox = legend_box(entries, legend_title, width - 2 * theme.margin, theme)
    height = theme.margin + header_h + b.h + (16 + lbox.h if entries else 0) + theme.margin
    canvas = SvgCanvas(width, height, theme, title=title)
    draw_header(canvas, head, meta, width / 2, theme.margin)
    dx = (width - b.w) / 2 - b.x
    dy = theme.margin + header_h - b.y

    diagram = canvas.group(id="venn")
    c = layout.centre
    centre_g = canvas.group(diagram, id="centre")
    centre_g.add(canvas.dwg.circle(center=(num(c.cx + dx), num(c.cy + dy)), r=num(c.r),
                                   fill="#ffffff" if theme.monochrome else "#fff3c4",
                                   stroke=theme.stroke, stroke_width=2.5))
    order = sorted(layout.circles, key=lambda circle: (-circle.r, circle.index))
    for circle in order:
        inst = venn.institutions[circle.index]
        line = VALENCE_STYLE[inst.valence]
        g = canvas.group(diagram, id=f"institution-{circle.index + 1}", class_=f"institution {inst.kind}")
        _circle(canvas, g, circle.cx + dx, circle.cy + dy, circle.r,
                _fill_style(inst.kind, inst.valence, colour_by),
                stroke=line.colour, dash=line.dash, width=line.width, opacity=0.85)
        label = layout.labels[circle.index]
        if label.leader:
            (x0, y0), (x1, y1) = label.leader
            canvas.polyline(g, [(x0 + dx, y0 + dy), (x1 + dx, y1 + dy)], width=0.8, colour=theme.muted)
        draw_label(canvas, g, label, dx, dy, backdrop=label.inside)
    centre_label = canvas.group(diagram, id="centre-label")
    draw_label(canvas, centre_label, layout.centre_label, dx, dy, font_weight="bold")
    if entries:
        top = theme.margin + header_h + b.h + 16
        draw_legend(canvas, entries, legend_title, (width - lbox.w) / 2, top, width - 2 * theme.margin)
    return canvas.to_string()


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
        _circle(canvas, g, c.cx + dx, c.cy + dy, c.r, fill, stroke=SET_COLOURS[k] if not theme.monochrome
                else theme.stroke, dash=("solid", "dashed", "dashdot")[k], width=2.0, opacity=0.4)
    names = canvas.group(diagram, id="set-names")
    for k, n in enumerate(layout.names):
        label = Label(k, n.lines or (n.name,), n.size, n.box, False, None)
        if n.leader:
            (x0, y0), (x1, y1) = n.leader
            canvas.polyline(names, [(x0 + dx, y0 + dy), (x1 + dx, y1 + dy)], width=0.8, colour=theme.muted)
        draw_label(canvas, names, label, dx, dy, font_weight="bold")
    regions = canvas.group(diagram, id="regions")
    for k, reg in enumerate(layout.regions):
        g = canvas.group(regions, id=f"region-{k + 1}")
        label = Label(k, reg.lines, reg.size, reg.box, reg.leader is None, None)
        if reg.leader:
            (x0, y0), (x1, y1) = reg.leader
            canvas.polyline(g, [(x0 + dx, y0 + dy), (x1 + dx, y1 + dy)], width=0.8, colour=theme.muted)
            g.add(canvas.dwg.circle(center=(num(x0 + dx), num(y0 + dy)), r=1.8, fill=theme.muted))
        draw_label(canvas, g, label, dx, dy, backdrop=reg.leader is None)
    y = theme.margin + header_h + b.h + 12
    notes = canvas.group(id="note")
    for line in note_block.lines:
        y += note_block.size
        canvas.text(notes, width / 2, y, line, note_block.size, fill=theme.muted, font_style="italic")
        y += note_block.size * (LINE_HEIGHT - 1)
    return canvas.to_string()
