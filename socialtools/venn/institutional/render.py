"""Drawing of the institutional Venn layout as SVG (on :class:`socialtools.draw.svg.SvgCanvas`).

Renderers only draw what the layout placed; they never move anything.

>>> from socialtools.venn.institutional.model import InstitutionalVenn
>>> from socialtools.venn.institutional.layout import layout_institutional
>>> venn = InstitutionalVenn(institutions=[{"name": "Puskesmas"}])
>>> render_institutional(venn, layout_institutional(venn)).startswith("<?xml")
True
"""

from __future__ import annotations

from svgwrite.container import Group

from socialtools.draw.geometry import Box
from socialtools.draw.legend import LegendEntry, draw_legend, legend_box
from socialtools.draw.lines import num
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.theme import Theme
from socialtools.i18n import translate
from socialtools.venn.drawing import draw_circle, draw_header, draw_label, header_lines
from socialtools.venn.institutional.layout import InstitutionalLayout
from socialtools.venn.institutional.model import KINDS, VALENCES, InstitutionalVenn
from socialtools.venn.style import (
    CATALOGUE,
    KIND_STYLE,
    VALENCE_FILL,
    VALENCE_STYLE,
    FillStyle,
)

MIN_WIDTH = 760.0

def _fill_style(inst_kind: str, valence: str, colour_by: str) -> FillStyle:
    return VALENCE_FILL[valence] if colour_by == "valence" else KIND_STYLE[inst_kind]


def _sample_circle(fill: FillStyle, stroke: str = "#222222", dash: str = "solid", r: float = 8.0):
    def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
        cx, cy = box.center
        draw_circle(canvas, g, cx, cy, r, fill, stroke=stroke, dash=dash, width=1.3)
    return draw


def _sample_size(level: int):
    def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
        cx, cy = box.center
        draw_circle(canvas, g, cx, cy, 2.5 + 2.0 * level, FillStyle("#ffffff", None), stroke="#222222",
                dash="solid", width=1.2)
    return draw


def _sample_distance(gap: float):
    def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
        cy = box.center[1]
        centre_fill = "#ffffff" if canvas.theme.monochrome else "#fff3c4"
        draw_circle(canvas, g, box.x + 8, cy, 7.0, FillStyle(centre_fill, None), stroke="#222222", dash="solid",
                width=1.6)
        draw_circle(canvas, g, box.x + 19 + gap, cy, 4.0, FillStyle("#ffffff", None), stroke="#222222",
                dash="solid", width=1.2)
    return draw


def _sample_overlap(canvas: SvgCanvas, g: Group, box: Box) -> None:
    cx, cy = box.center
    for dx, colour in ((-5.5, "#bcd7f2"), (5.5, "#c9e8c0")):
        draw_circle(canvas, g, cx + dx, cy, 8.0, FillStyle(colour, None), stroke="#222222", dash="solid",
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
        draw_circle(canvas, g, circle.cx + dx, circle.cy + dy, circle.r,
                _fill_style(inst.kind, inst.valence, colour_by),
                stroke=line.colour, dash=line.dash, width=line.width, opacity=0.85)
        label = layout.labels[circle.index]
        if label.leader:
            (x0, y0), (x1, y1) = label.leader
            canvas.polyline(g, [(x0 + dx, y0 + dy), (x1 + dx, y1 + dy)], width=0.8, colour=theme.muted)
        draw_label(canvas, g, label.lines, label.size, label.box, dx, dy, backdrop=label.inside)
    centre_label = canvas.group(diagram, id="centre-label")
    draw_label(canvas, centre_label, layout.centre_label.lines, layout.centre_label.size,
               layout.centre_label.box, dx, dy, font_weight="bold")
    if entries:
        top = theme.margin + header_h + b.h + 16
        draw_legend(canvas, entries, legend_title, (width - lbox.w) / 2, top, width - 2 * theme.margin)
    return canvas.to_string()


