"""Draw an ecomap layout as SVG: Hartman's line styles, arrows, category colours, legend.

>>> from socialtools.ecomap.model import Ecomap
>>> eco = Ecomap.model_validate({"focal": "PK", "systems": [{"id": "a", "category": "health"}],
...     "ties": [{"system": "a", "strength": "weak", "flow": "to_focal"}]})
>>> svg = render_ecomap(eco)
>>> "aliran energi" in svg and svg.startswith("<?xml")
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from svgwrite.container import Group

from socialtools.dates import written_date
from socialtools.draw.geometry import Box, Point
from socialtools.draw.legend import DrawSample, LegendEntry, draw_legend, legend_box
from socialtools.draw.lines import cross_bars, offset_polyline, polyline_length, trim, zigzag
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.text import LINE_HEIGHT, text_width
from socialtools.draw.theme import Theme
from socialtools.ecomap.layout import SYSTEM_FONT, layout_ecomap
from socialtools.ecomap.model import CATEGORIES, Ecomap, Tie
from socialtools.ecomap.placements import EcomapLayout, Label
from socialtools.ecomap.routing import (
    RAIL_WIDTH,
    arrowheads,
    head_size,
    rail_offset,
    stress_bar,
    tie_width,
)
from socialtools.errors import UsageError
from socialtools.genogram.labels import inner_text
from socialtools.genogram.model import Family
from socialtools.genogram.render import CHILD_DASH, UNION_DASH
from socialtools.genogram.symbols import draw_person
from socialtools.i18n import Catalogue, check_language, translate

CATALOGUE: Catalogue = {
    "ecomap": {"id": "Ekomap", "en": "Ecomap"},
    "client": {"id": "Klien", "en": "Client"},
    "strong": {"id": "Kuat", "en": "Strong"},
    "strong2": {
        "id": "Kuat, tingkat 2 (lebih tebal = lebih kuat)",
        "en": "Strong, level 2 (thicker = stronger)",
    },
    "strong3": {"id": "Kuat, tingkat 3 (paling kuat)", "en": "Strong, level 3 (strongest)"},
    "moderate": {"id": "Sedang", "en": "Moderate"},
    "weak": {"id": "Lemah", "en": "Weak"},
    "tenuous": {"id": "Renggang / rapuh", "en": "Tenuous"},
    "stressful": {"id": "Penuh tekanan (stres)", "en": "Stressful"},
    "conflictual": {"id": "Konflik", "en": "Conflictual"},
    "broken": {"id": "Terputus", "en": "Broken / cut off"},
    "flow": {"id": "Arah aliran energi/dukungan (ke penerima)", "en": "Flow of energy/support (to receiver)"},
    "flow_both": {"id": "Aliran energi/dukungan dua arah", "en": "Two-way flow of energy/support"},
    "sign_plus": {"id": "ikatan yang mendukung", "en": "supportive tie"},
    "sign_minus": {"id": "ikatan yang menghambat", "en": "hindering tie"},
    "sign_both": {"id": "mendukung sekaligus menghambat", "en": "both supportive and hindering"},
    "changed": {"id": "Ikatan yang berubah", "en": "Changed tie"},
    "before": {"id": "Sebelum intervensi (asesmen)", "en": "Before the intervention (assessment)"},
    "after": {"id": "Sesudah intervensi (evaluasi)", "en": "After the intervention (evaluation)"},
    "comparison": {"id": "Perbandingan ekomap sebelum dan sesudah", "en": "Ecomap before and after"},
}

RAIL = "#e0a100"  # amber: the rails beside a changed tie
RAIL_MONO = "#8c8c8c"
RAIL_END = 3.0  # rails stop this far from a tie's ends (and further from its arrowheads)
# line pattern of each strength: every strength differs in black and white
DASH = {"strong": "solid", "moderate": "solid", "weak": "dashed", "tenuous": "dotted"}
PANEL_GAP = 48.0
PRINT_MARGIN = 8.0  # round a figure without its header: the page of a report has its own margins


@dataclass(frozen=True)
class Style:
    """Colours and language of one drawing."""

    theme: Theme
    lang: str

    @property
    def mono(self) -> bool:
        return self.theme.monochrome


def scaled_theme(monochrome: bool, text: float = 1.0, narrow: bool = False) -> Theme:
    """The drawing theme with every font ``text`` times the default size (``narrow``: the small
    text, e.g. the legend's, as large as the system labels).

    >>> scaled_theme(False, 1.5).small_font_size, scaled_theme(False, 1.5, narrow=True).small_font_size
    (13.5, 15.0)
    """
    base = Theme(monochrome=monochrome)
    small = max(base.small_font_size, SYSTEM_FONT) if narrow else base.small_font_size
    return Theme(monochrome=monochrome, font_size=base.font_size * text,
                 small_font_size=small * text, title_font_size=base.title_font_size * text)


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white (``amount`` 0 = colour, 1 = white).

    >>> tint("#000000", 0.5)
    '#808080'
    """
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    try:
        rgb = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    except ValueError:
        return colour
    mixed = [round(c + (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def category_name(category: str, lang: str) -> str:
    """The category in ``lang`` (a custom category is shown as written)."""
    if category in CATEGORIES:
        _, id_name, en_name = CATEGORIES[category]
        return id_name if lang == "id" else en_name
    return category


# -- ties ---------------------------------------------------------------------------------


def tie_colour(tie: Tie, style: Style) -> str:
    if style.mono:
        return style.theme.stroke
    if tie.has("stressful") or tie.has("conflictual"):
        return style.theme.accent
    if tie.has("broken"):
        return "#555555"
    return style.theme.stroke


def _split_gap(points: list[Point], gap: float) -> tuple[list[Point], list[Point]]:
    total = polyline_length(points)
    half = max(0.0, (total - gap) / 2)
    first = trim(points, 0, total - half)
    second = trim(points, total - half, 0)
    return first, second


def draw_rails(
    canvas: SvgCanvas, parent: Group, tie: Tie, points: list[Point], style: Style, *, arrow_size: float
) -> None:
    """Mark a changed tie with two rails, one on each side of its line and its marks, clear of its
    arrowheads (a band drawn along the tie itself would lie on its line and hide its pattern)."""
    total = polyline_length(points)
    ends = [RAIL_END, RAIL_END]
    if tie.flow in ("from_focal", "both"):
        ends[0] = arrow_size + RAIL_END
    if tie.flow in ("to_focal", "both"):
        ends[1] = arrow_size + RAIL_END
    if total - sum(ends) < 2 * RAIL_END:  # too short for rails: mark its middle
        ends = [max(0.0, total / 2 - RAIL_END)] * 2
    stretch = trim(points, *ends)
    g = canvas.group(parent, class_="changed")
    for side in (1, -1):
        canvas.polyline(g, offset_polyline(stretch, side * rail_offset(tie)), width=RAIL_WIDTH,
                        colour=RAIL_MONO if style.mono else RAIL, stroke_linecap="round")


def draw_tie(
    canvas: SvgCanvas,
    parent: Group,
    tie: Tie,
    points: list[Point],
    style: Style,
    *,
    changed: bool = False,
    arrow_size: float | None = None,
) -> None:
    """Draw one tie along ``points`` (from the system end to the target end)."""
    width = tie_width(tie)
    colour = tie_colour(tie, style)
    size = arrow_size or head_size(tie)
    total = polyline_length(points)
    head_end = tie.flow in ("to_focal", "both")
    head_start = tie.flow in ("from_focal", "both")
    if changed:
        draw_rails(canvas, parent, tie, points, style, arrow_size=size)
    cut_start = size * 0.8 if head_start and total > 3 * size else 0.0
    cut_end = size * 0.8 if head_end and total > 3 * size else 0.0
    body = trim(points, cut_start, cut_end)
    dash = DASH.get(tie.strength, "solid")
    cap: dict[str, Any] = {"stroke_linecap": "round"} if dash == "dotted" else {}
    line_width = max(2.0, width) if tie.has("conflictual") else width
    if tie.has("conflictual"):
        margin = min(14.0, total / 4)
        body = zigzag(body, amplitude=3.5 + width / 2, wavelength=11, margin=margin)
    parts = list(_split_gap(body, 16)) if tie.has("broken") else [body]
    for part in parts:
        canvas.polyline(parent, part, width=line_width, colour=colour, dash=dash, stroke_linejoin="round", **cap)
    if tie.has("broken"):
        for bar in cross_bars(points, 0.5, 14 + width, count=2, gap=6):
            canvas.polyline(parent, bar, width=1.8, colour=colour)
    if tie.has("stressful"):
        length = polyline_length(points)
        if tie.has("broken"):  # hatch marks on both halves, none in the gap
            half = max(2, int((length / 2 - 8 - 2 * size - 4) / 9))
            bars = [b for at in (0.25, 0.75) for b in cross_bars(points, at, stress_bar(tie), count=half, gap=9)]
        else:
            count = max(2, int((length - 4 * size) / 9))
            bars = cross_bars(points, 0.5, stress_bar(tie), count=count, gap=9)
        for bar in bars:
            canvas.polyline(parent, bar, width=1.5, colour=colour)
    for head in arrowheads(tie, points, size) if len(points) > 1 else []:
        canvas.polygon(parent, head, fill=colour)


# -- nodes --------------------------------------------------------------------------------


def _text_block(canvas: SvgCanvas, parent: Group, label: Label, dx: float, dy: float, **attrs: Any) -> None:
    lh = label.size * LINE_HEIGHT
    for i, line in enumerate(label.lines):
        x = label.box.x + label.box.w / 2 + dx
        y = label.box.y + i * lh + (lh - label.size) / 2 + 0.8 * label.size + dy
        canvas.text(parent, x, y, line, label.size, **attrs)


def _draw_panel(
    canvas: SvgCanvas,
    lay: EcomapLayout,
    eco: Ecomap,
    style: Style,
    dx: float,
    dy: float,
    changed: set[tuple[str, str]],
    gid: str,
    family: Family | None = None,
) -> None:
    theme = style.theme
    dwg = canvas.dwg
    panel = canvas.group(id=gid)
    # the focal circle, then the ties (they end on the members inside it), then the household
    focal = canvas.group(panel, id=f"{gid}-focal")
    fc = lay.focal
    focal.add(
        dwg.circle(
            (round(fc.cx + dx, 2), round(fc.cy + dy, 2)),
            round(fc.r, 2),
            fill="#ffffff" if style.mono else "#fdf6e3",
            stroke=theme.stroke,
            stroke_width=2.4,
        )
    )
    ties = canvas.group(panel, id=f"{gid}-ties")
    for route in lay.ties:
        g = canvas.group(ties, class_="tie")
        pts = [(x + dx, y + dy) for x, y in route.points]
        draw_tie(canvas, g, route.tie, pts, style, changed=route.key in changed)
    household = canvas.group(panel, id=f"{gid}-household")
    kinds = lay.family_kinds or ["union"] * len(lay.family_lines)
    for line, kind in zip(lay.family_lines, kinds, strict=True):  # union and child lines as the genogram draws them
        dash = UNION_DASH.get(kind.removeprefix("union-")) if kind.startswith("union") else CHILD_DASH.get(kind)
        canvas.polyline(household, [(x + dx, y + dy) for x, y in line], width=1.3 if kind == "mark" else 1.4,
                        dash=dash or "solid")
    for m in lay.members:
        sym = canvas.group(household, class_="member")
        if family is not None:
            person = family.person(m.id)
            draw_person(canvas, sym, person, m.cx + dx, m.cy + dy, m.draw_size, inner_text=m.label.lines[0],
                        bracketed=m.bracketed)
        else:  # a layout made without its family: the initials in a plain circle
            sym.add(
                dwg.circle(
                    (round(m.cx + dx, 2), round(m.cy + dy, 2)),
                    round(m.size / 2, 2),
                    fill="#ffffff",
                    stroke=theme.stroke,
                    stroke_width=theme.stroke_width,
                )
            )
            _text_block(canvas, sym, m.label, dx, dy)
    if lay.focal_label is not None:
        _text_block(canvas, household, lay.focal_label, dx, dy, font_weight="bold")
    # systems
    systems = canvas.group(panel, id=f"{gid}-systems")
    for place in lay.systems:
        system = eco.system(place.id)
        c = place.circle
        g = canvas.group(systems, class_="system")
        colour = system.colour or theme.stroke
        fill = "#ffffff" if style.mono else tint(colour, 0.82)
        stroke = theme.stroke if style.mono else colour
        g.add(
            dwg.circle(
                (round(c.cx + dx, 2), round(c.cy + dy, 2)),
                round(c.r, 2),
                fill=fill,
                stroke=stroke,
                stroke_width=2.0,
            )
        )
        _text_block(canvas, g, place.label, dx, dy)
        if place.symbol is not None and family is not None and system.person is not None:
            person = family.person(system.person)
            sym = place.symbol
            draw_person(
                canvas, g, person, sym.cx + dx, sym.cy + dy, 2 * sym.r, inner_text=inner_text(person, family)
            )
    # tie labels last, on top
    labels = canvas.group(panel, id=f"{gid}-tie-labels")
    for route in lay.ties:
        if route.label is not None:
            _text_block(canvas, labels, route.label, dx, dy, fill=tie_colour(route.tie, style))


# -- legend -------------------------------------------------------------------------------


def _line_sample(tie: Tie, style: Style) -> DrawSample:
    def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
        y = box.y + box.h / 2
        draw_tie(canvas, g, tie, [(box.x, y), (box.right, y)], style, arrow_size=7)

    return draw


def _circle_sample(colour: str) -> DrawSample:
    def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
        g.add(
            canvas.dwg.circle(
                (box.x + box.w / 2, box.y + box.h / 2),
                box.h / 2,
                fill=tint(colour, 0.82),
                stroke=colour,
                stroke_width=2,
            )
        )

    return draw


def _sign_sample(sign: str) -> DrawSample:
    def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
        # a glyph a third larger than the legend's text (12 on screen): never the figure's smallest text
        size = max(12.0, canvas.theme.small_font_size * 4 / 3)
        canvas.text(g, box.x + box.w / 2, box.y + box.h / 2 + 4, sign.replace("-", "−"), size, font_weight="bold")

    return draw


def _highlight_sample(style: Style) -> DrawSample:
    def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
        y = box.y + box.h / 2
        draw_tie(canvas, g, Tie(system="x"), [(box.x, y), (box.right, y)], style, changed=True)

    return draw


def legend_entries(ecomaps: Iterable[Ecomap], style: Style, *, changed: bool = False) -> list[LegendEntry]:
    """Legend lines for what the ecomaps use: tie kinds, arrows, signs, categories."""
    ecos = list(ecomaps)
    ties = [t for e in ecos for t in e.ties]
    lang = style.lang
    out: list[LegendEntry] = []
    kinds = {(t.strength, t.level if t.strength == "strong" else 1) for t in ties}
    for strength, level in (("strong", 1), ("strong", 2), ("strong", 3), ("moderate", 1), ("weak", 1), ("tenuous", 1)):
        if (strength, level) in kinds:
            key = strength if level == 1 else f"{strength}{level}"
            out.append(
                LegendEntry(
                    translate(CATALOGUE, key, lang),
                    _line_sample(Tie.model_validate({"system": "x", "strength": strength, "level": level}), style),
                )
            )
    for quality in ("stressful", "conflictual", "broken"):
        if any(t.has(quality) for t in ties):
            out.append(
                LegendEntry(translate(CATALOGUE, quality, lang),
                            _line_sample(Tie.model_validate({"system": "x", "quality": quality}), style))
            )
    # a tie with several qualities shows all their marks at once: its own entry says so
    for combo in dict.fromkeys(t.quality for t in ties if len(t.quality) > 1):
        text = " + ".join(translate(CATALOGUE, q, lang) for q in combo)
        out.append(LegendEntry(text, _line_sample(Tie(system="x", quality=combo), style)))
    if any(t.flow in ("to_focal", "from_focal") for t in ties):
        out.append(
            LegendEntry(translate(CATALOGUE, "flow", lang), _line_sample(Tie(system="x", flow="to_focal"), style))
        )
    if any(t.flow == "both" for t in ties):
        out.append(
            LegendEntry(translate(CATALOGUE, "flow_both", lang), _line_sample(Tie(system="x", flow="both"), style))
        )
    if changed:
        out.append(LegendEntry(translate(CATALOGUE, "changed", lang), _highlight_sample(style)))
    for sign, key in (("+", "sign_plus"), ("-", "sign_minus"), ("+/-", "sign_both")):
        if any(t.sign == sign for t in ties):
            out.append(LegendEntry(translate(CATALOGUE, key, lang), _sign_sample(sign)))
    if not style.mono:
        seen: dict[str, str] = {}
        for e in ecos:
            for s in e.systems:
                seen.setdefault(s.category, s.colour or style.theme.stroke)
        order = [c for c in CATEGORIES if c in seen] + [c for c in seen if c not in CATEGORIES]
        out += [LegendEntry(category_name(c, lang), _circle_sample(seen[c])) for c in order]
    return out


# -- pages --------------------------------------------------------------------------------


def _header_lines(eco: Ecomap, lang: str) -> list[str]:
    parts = []
    if eco.date:
        parts.append(f"{translate(CATALOGUE, 'date', lang)}: {written_date(eco.date, lang)}")
    if eco.drawn_by:
        parts.append(f"{translate(CATALOGUE, 'drawn_by', lang)}: {eco.drawn_by}")
    return ["  ·  ".join(parts)] if parts else []


def _page(
    panels: list[tuple[EcomapLayout, Ecomap, set[tuple[str, str]], str | None]],
    title: str,
    subtitle: list[str],
    style: Style,
    changed_legend: bool,
    family: Family | None = None,
    *,
    header: bool = True,
    compact: bool = False,
    legend: bool = True,
) -> str:
    """The SVG page: title and subtitle, the panels side by side, the legend below (``compact``:
    packed to the drawing's width; none without ``legend``). Without ``header`` (a report figure, whose
    caption is its title) the title, subtitle and a lone panel's heading are left out and the margin is
    narrow."""
    theme = style.theme
    margin = theme.margin if header else PRINT_MARGIN
    if not header:
        subtitle = []
        if len(panels) == 1:  # the caption names the side of the comparison and its date
            panels = [(lay, eco, changed, None) for lay, eco, changed, _ in panels]
    bounds = panels[0][0].bounds
    for lay, *_ in panels[1:]:
        bounds = bounds.union(lay.bounds)
    heading_h = theme.font_size * LINE_HEIGHT + 10 if any(p[3] for p in panels) else 0.0
    panel_w = bounds.w
    # a panel is at least as wide as its heading (bold), so headings never meet
    slot_w = max([panel_w] + [text_width(p[3], theme.font_size, bold=True) + 8 for p in panels if p[3]])
    diagram_w = len(panels) * slot_w + (len(panels) - 1) * PANEL_GAP
    entries = legend_entries([p[1] for p in panels], style, changed=changed_legend) if legend else []
    legend_title = translate(CATALOGUE, "legend", style.lang)
    # two columns at any text size, or (compact) as many as the drawing's width holds
    legend_max = diagram_w if compact else max(diagram_w, 560.0 * theme.small_font_size / Theme().small_font_size)
    lbox = legend_box(entries, legend_title, legend_max, theme, compact=compact, flow=compact)
    title_w = max(
        [text_width(title, theme.title_font_size)] + [text_width(s, theme.small_font_size + 1) for s in subtitle]
    ) if header else 0.0
    width = max(diagram_w, lbox.w, title_w) + 2 * margin
    top = margin
    if header:
        top += theme.title_font_size * LINE_HEIGHT + len(subtitle) * (theme.small_font_size + 1) * LINE_HEIGHT + 12
    legend_gap = (20.0 if header else 12.0) if entries else 0.0
    height = top + heading_h + bounds.h + legend_gap + lbox.h + margin
    canvas = SvgCanvas(width, height, theme, title=title)
    header_group = canvas.group(id="title")
    if header:
        canvas.text(
            header_group,
            width / 2,
            margin + theme.title_font_size * 0.85,
            title,
            theme.title_font_size,
            font_weight="bold",
        )
    for i, line in enumerate(subtitle):
        y = margin + theme.title_font_size * LINE_HEIGHT + (i + 0.8) * (theme.small_font_size + 1) * LINE_HEIGHT
        canvas.text(header_group, width / 2, y, line, theme.small_font_size + 1, fill=theme.muted)
    left = (width - diagram_w) / 2
    for i, (lay, eco, changed, heading) in enumerate(panels):
        slot = left + i * (slot_w + PANEL_GAP)
        px = slot + (slot_w - panel_w) / 2
        if heading:
            canvas.text(header_group, slot + slot_w / 2, top + theme.font_size, heading, theme.font_size,
                        font_weight="bold")
        _draw_panel(
            canvas, lay, eco, style, px - bounds.x, top + heading_h - bounds.y, changed, f"panel{i + 1}", family
        )
    if entries:
        draw_legend(canvas, entries, legend_title, (width - lbox.w) / 2, top + heading_h + bounds.h + legend_gap,
                    legend_max, compact=compact, flow=compact)
    return canvas.to_string()


def render_legend(ecomaps: list[Ecomap], style: Style, width: float, *, changed: bool = False) -> str:
    """SVG text of the legend of ``ecomaps`` alone, packed to ``width`` (a report prints it as a
    picture of its own under the caption of a drawing printed without it)."""
    entries = legend_entries(ecomaps, style, changed=changed)
    title = translate(CATALOGUE, "legend", style.lang)
    box = legend_box(entries, title, width, style.theme, compact=True, flow=True)
    canvas = SvgCanvas(box.w + 2 * PRINT_MARGIN, box.h + 2 * PRINT_MARGIN, style.theme, title=title)
    draw_legend(canvas, entries, title, PRINT_MARGIN, PRINT_MARGIN, width, compact=True, flow=True)
    return canvas.to_string()


def render_ecomap(
    eco: Ecomap,
    family: Family | None = None,
    *,
    lang: str = "id",
    monochrome: bool = False,
    layout: EcomapLayout | None = None,
    text: float = 1.0,
    header: bool = True,
    compact_legend: bool = False,
    narrow: bool = False,
    legend: bool = True,
) -> str:
    """SVG text of one ecomap; ``text`` scales every font (a report prints larger text), ``header``
    draws the title, date and author, ``compact_legend`` packs the legend to the drawing's width
    (without ``legend``, none: see :func:`render_legend`), ``narrow`` sizes each system circle to its
    own label (see :func:`layout_ecomap`)."""
    style = Style(scaled_theme(monochrome, text, narrow), check_language(lang))
    lay = layout or layout_ecomap(eco, family, text=text, narrow=narrow)
    title = eco.title or translate(CATALOGUE, "ecomap", lang)
    return _page([(lay, eco, set(), None)], title, _header_lines(eco, lang), style, False, family,
                 header=header, compact=compact_legend, legend=legend)


def compare_layouts(
    eco: Ecomap, family: Family | None = None, text: float = 1.0, narrow: bool = False, tall: float | None = None
) -> tuple[EcomapLayout, EcomapLayout, Ecomap, set[tuple[str, str]]]:
    """Layouts of the ecomap before and after its ``after`` changes, with the same placement:
    the systems' places are chosen by the ties of both states (a tie removed or added moves
    nothing), and the ring and the focal circle take the larger of the two sizes (``tall``: see
    :func:`layout_ecomap`)."""
    later, changed = eco.after_state()
    keys = {t.key for t in eco.ties}
    both = eco.model_copy(update={"ties": [*eco.ties, *(t for t in later.ties if t.key not in keys)]})

    def pair(size: tuple[float, float, float]) -> tuple[EcomapLayout, EcomapLayout]:
        radius, focal, spread = size
        first = layout_ecomap(
            eco, family, min_radius=radius, min_focal=focal, min_spread=spread, placed_by=both, text=text,
            narrow=narrow, tall=tall,
        )
        second = layout_ecomap(
            later, family, min_radius=first.radius, min_focal=first.focal.r, min_spread=first.spread,
            placed_by=both, text=text, narrow=narrow, shape=first.shape,
        )
        return first, second

    def sizes(lay: EcomapLayout) -> tuple[float, float, float]:
        return lay.radius, lay.focal.r, lay.spread

    before, after = pair((0.0, 0.0, 0.0))
    for _ in range(4):  # each may need a wider ring, focal circle or household: until they agree
        if all(abs(a - b) < 1e-6 for a, b in zip(sizes(before), sizes(after), strict=True)):
            break
        before, after = pair(sizes(after))
    return before, after, later, changed


def render_comparison(
    eco: Ecomap,
    family: Family | None = None,
    *,
    lang: str = "id",
    monochrome: bool = False,
    text: float = 1.0,
    header: bool = True,
    compact_legend: bool = False,
    panel: str | None = None,
    narrow: bool = False,
    legend: bool = True,
    tall: float | None = None,
    layouts: tuple[EcomapLayout, EcomapLayout, Ecomap, set[tuple[str, str]]] | None = None,
) -> str:
    """SVG text of the before/after pair side by side, changed ties highlighted; ``panel``
    (``"before"`` or ``"after"``) draws one of the two alone, in the same placement (a report
    prints them one under the other, each at the text width); without ``legend``, no legend;
    ``tall``: see :func:`layout_ecomap`; ``layouts``: what :func:`compare_layouts` gave for these
    arguments (the two panels of a report share them instead of laying the pair out twice)."""
    if panel not in (None, "before", "after"):
        raise UsageError(f"unknown comparison panel '{panel}': choose before or after")
    style = Style(scaled_theme(monochrome, text, narrow), check_language(lang))
    before, after, later, changed = layouts or compare_layouts(eco, family, text, narrow, tall)
    head_before = translate(CATALOGUE, "before", lang) + (f" — {written_date(eco.date, lang)}" if eco.date else "")
    head_after = translate(CATALOGUE, "after", lang) + (f" — {written_date(later.date, lang)}" if later.date else "")
    title = eco.title or translate(CATALOGUE, "ecomap", lang)
    subtitle = [translate(CATALOGUE, "comparison", lang)]
    if eco.drawn_by:
        subtitle.append(f"{translate(CATALOGUE, 'drawn_by', lang)}: {eco.drawn_by}")
    panels: list[tuple[EcomapLayout, Ecomap, set[tuple[str, str]], str | None]] = [
        (before, eco, changed, head_before), (after, later, changed, head_after)]
    if panel is not None:
        panels = [panels[0] if panel == "before" else panels[1]]
    return _page(panels, title, subtitle, style, bool(changed), family, header=header, compact=compact_legend,
                 legend=legend)
