"""The assessment-to-evaluation chapter of a case report, as a list of blocks.

:func:`build_report` turns a case into headings, paragraphs, numbered tables and numbered
figures (genogram, ecomap, strengths quadrant) of :mod:`.model`; the writers turn the
blocks into DOCX (:mod:`.docx_writer`), HTML (:mod:`.html_writer`) or Markdown
(:mod:`.markdown_writer`).

>>> from socialtools.report.case import Case
>>> from socialtools.report.model import Heading, ReportOptions
>>> case = Case.from_document({"case": {"client": "PK"},
...     "behaviour_change": [{"target": "interaksi", "before": "jarang", "after": "sering"}]})
>>> report = build_report(case, ReportOptions(figures=False))
>>> [b.text for b in report.blocks if isinstance(b, Heading)]
['BAB 4 PELAKSANAAN PRAKTIKUM', '4.1 Identitas Klien dan Keluarga', '4.2 Evaluasi']
>>> [t.title for t in report.tables()]
['Tabel 4.1 Identitas Klien "PK"', 'Tabel 4.2 Perubahan Perilaku Klien "PK"']
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import socialtools.report.casetables as ct
from socialtools.dates import long_date, written_date
from socialtools.errors import InputError, UsageError
from socialtools.io.convert import svg_to_png
from socialtools.io.output import font_warnings
from socialtools.report.case import Case
from socialtools.report.docx_writer import report_docx
from socialtools.report.html_writer import report_html
from socialtools.report.labels import word
from socialtools.report.markdown_writer import report_markdown
from socialtools.report.model import Block, Figure, Heading, Paragraph, Report, ReportOptions
from socialtools.report.print_size import print_warning, readable_room
from socialtools.report.tables import Table

if TYPE_CHECKING:
    from socialtools.ecomap import EcomapDiagram

__all__ = ["build_report", "report_bytes", "write_report"]

REPORT_FORMATS = (".docx", ".html", ".md")


# -- figures ---------------------------------------------------------------------------------
#: Fonts of the report's figures are this much larger than on screen: printed at the text width,
#: figure text stays at 8 pt or more (see :func:`socialtools.report.print_size.printed_font_pt`).
REPORT_TEXT = 1.3


def genogram_svg(case: Case, opts: ReportOptions) -> str | None:
    """The genogram of the case's family as SVG, as the report prints it (``None`` without people)."""
    drawn = genogram_drawing(case, opts)
    return None if drawn is None else drawn.svg


#: The report's genogram: one text size for every label (the smallest text sets the print scale, so
#: larger labels only widen the drawing), a narrow margin, tighter gaps than on screen.
REPORT_GENOGRAM_TEXT = 10.0 * REPORT_TEXT  # the screen's label size, 1.3 times


@dataclass(frozen=True)
class GenogramDrawing:
    """The report's genogram: the drawing (``svg``), its numbered notes (written under the caption)
    and, when the drawing with its legend cannot print its text at 8 pt on any page, the legend as
    a picture of its own (``legend_svg``; ``svg`` is then the drawing alone)."""

    svg: str
    notes: tuple[str, ...]
    legend_svg: str | None = None
    warnings: tuple[str, ...] = ()  # what the drawing could not draw as the conventions ask
    layout: Any = field(default=None, compare=False, repr=False)  # the drawn GenogramLayout (for measures)
    ended: str | None = None  # the line naming the relationships that had ended (not drawn)


def genogram_drawing(case: Case, opts: ReportOptions) -> GenogramDrawing | None:
    """The genogram as the report prints it: of the legend beside the drawing (in one to four
    columns, or wrapped in columns as tall as the page allows) or in a compact grid under it, the
    arrangement whose text prints largest (a portrait page first). When none reaches 8 pt, the same
    with a compact drawing (union years by two digits, tighter gaps: :func:`genogram_options`
    ``compact``), then with the tightest one (names wrapped where their row is taller anyway, smaller
    symbols and gaps: ``tight``); when none does, the drawing alone (the tightest that prints at 8 pt,
    else the report's) and its legend as a second picture."""
    if case.family is None or not case.family.people:
        return None
    from socialtools.genogram import Genogram
    from socialtools.report.print_size import (
        LANDSCAPE,
        MIN_PRINT_PT,
        PORTRAIT,
        figure_page,
        figure_scale,
        legend_on_page,
        natural_size_cm,
        printed_font_pt,
    )

    family = case.family
    if opts.initials:  # as `socialtools genogram --initials`: no person's notes, address or phone either
        from socialtools.privacy import hide_identifying

        family = hide_identifying(family)

    def rank(svg: str) -> tuple[bool, bool, float, float, float]:
        """Printed at 8 pt, on a portrait page, the legend's small share of its height, its text's
        printed size, then (of equal ones) its small area on the page."""
        probe = _probe(svg, opts)
        page = figure_page(probe)
        printed = printed_font_pt(probe, page) or 0.0
        w, h = natural_size_cm(probe)
        area = w * h * figure_scale(probe, page) ** 2
        share = -round(legend_share(svg), 1)
        return printed >= MIN_PRINT_PT, page is PORTRAIT, share, round(printed, 2), -round(area, 1)

    page_height = readable_room(REPORT_GENOGRAM_TEXT, LANDSCAPE)[1]

    def arrangements(genogram: Genogram) -> list[str]:
        candidates = [genogram.renderer("grid", notes_text=False).render()]
        if genogram.options.legend:
            candidates += [genogram.renderer(place, columns, notes_text=False).render()
                           for place in ("beside", "grid") for columns in (1, 2, 3, 4)]
            # beside it, as tall as the drawing, long labels wrapped: the narrowest legend beside a wide drawing
            candidates.append(genogram.renderer("beside", notes_text=False, wrap_legend=True).render())
            # or, its lines closer together, as tall as the drawing or as the landscape page allows under its heading
            candidates += [genogram.renderer("beside", notes_text=False, wrap_legend=True, legend_height=height,
                                             tight_legend=True).render() for height in (None, page_height)]
        return candidates

    def best_of(drawings: list[Genogram]) -> tuple[tuple[bool, bool, float, float, float], str, Genogram]:
        """The best arrangement of any of ``drawings`` with its rank and drawing: printed at 8 pt, then
        with the fewest emotional lines the layout could not route cleanly, then by rank (the first of
        equal ones)."""
        ranked = [(rank(svg), svg, drawn) for drawn in drawings for svg in arrangements(drawn)]
        return max(ranked, key=lambda r: (r[0][0], -len(r[2].layout.warnings), r[0][1:]))

    def drawing(svg: str, drawn: Genogram, legend_svg: str | None = None) -> GenogramDrawing:
        return GenogramDrawing(svg, tuple(f"{n.number}. {n.text}" for n in drawn.notes()), legend_svg,
                               tuple(drawn.layout.warnings), drawn.layout, drawn.ended_note())

    genogram = Genogram(family, genogram_options(opts))
    best_rank, best, _ = best_of([genogram])
    if best_rank[0] or not genogram.options.legend:
        return drawing(best, genogram)
    # smaller drawings, in turn: compact, then the tightest (with the report's margin, then a narrower one)
    stages = [[Genogram(family, genogram_options(opts, compact=True))],
              [Genogram(family, genogram_options(opts, compact=True, tight=True, margin=margin))
               for margin in (None, TIGHT_MARGIN)]]
    for stage in stages:
        drawn_rank, svg, drawn = best_of(stage)
        if drawn_rank[0]:
            return drawing(svg, drawn)
    # then the tightest with a crowded sibship's labels on two heights, when that is narrower
    staggered = Genogram(family, genogram_options(opts, compact=True, tight=True, margin=TIGHT_MARGIN, stagger=True))
    if staggered.layout.width < stages[1][-1].layout.width:
        stages.append([staggered])
        drawn_rank, svg, drawn = best_of([staggered])
        if drawn_rank[0]:
            return drawing(svg, drawn)

    def alone(drawn: Genogram) -> str:
        painter = drawn.renderer(notes_text=False)
        painter.show_legend = False
        return painter.render()

    # the drawing alone, its legend apart: of those that print at 8 pt the one with the fewest unclean
    # routes, else the one that prints largest
    alone_rank, svg, drawn = max(((rank(svg := alone(g)), svg, g) for g in [genogram, *itertools.chain(*stages)]),
                                 key=lambda r: (r[0][0], -len(r[2].layout.warnings) if r[0][0] else 0, r[0][3]))
    if alone_rank[3] <= best_rank[3]:
        return drawing(best, genogram)
    # on a landscape page, the legend in lines as wide as the page under the drawing when the page has room
    # for it (:func:`legend_on_page`), else in a grid under the caption, on the next page
    strip = drawn.renderer().render_legend_strip(readable_room(REPORT_GENOGRAM_TEXT, LANDSCAPE)[0] - 4)
    if legend_on_page(_probe(svg, opts), _probe(strip, opts)):
        return drawing(svg, drawn, strip)
    return drawing(svg, drawn, drawn.renderer().render_legend(LEGEND_WIDTH))


#: The widest a legend printed as a picture of its own may be (SVG units): at the portrait text width
#: its text still prints at 8 pt.
LEGEND_WIDTH = 14.0 / 2.54 * 96 * 0.75 * REPORT_GENOGRAM_TEXT / 8.0 / 1.01


_LEGEND_BOX = re.compile(r'<g class="legend" id="legend"><rect\b[^>]*?\sheight="([0-9.]+)"[^>]*?\swidth="([0-9.]+)"'
                         r'[^>]*?\sx="([0-9.]+)"[^>]*?\sy="([0-9.]+)"')


def legend_share(svg: str) -> float:
    """The share of the figure's height its legend takes under the drawing (0 for a legend beside it
    or none).

    >>> legend_share('<svg height="400" width="300"><g class="legend" id="legend"><rect height="100" '
    ...              'width="200" x="10" y="290"/></g></svg>')
    0.25
    """
    box = _LEGEND_BOX.search(svg)
    height = float(m[1]) if (m := _HEIGHT.search(svg)) else 0.0
    if box is None or height <= 0:
        return 0.0
    if float(box[3]) > 60:  # it starts right of the drawing's left margin: beside it
        return 0.0
    return float(box[1]) / height


def _probe(svg: str, opts: ReportOptions) -> Figure:
    """A figure of ``svg`` at its natural size, to measure how it prints (no PNG is drawn)."""
    width = float(m[1]) if (m := _WIDTH.search(svg)) else 1.0
    height = float(m[1]) if (m := _HEIGHT.search(svg)) else 1.0
    header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + round(width).to_bytes(4, "big") + round(height).to_bytes(4, "big")
    return Figure("probe", "", header, dpi=96, min_font=smallest_font(svg))


def genogram_options(opts: ReportOptions, compact: bool = False, tight: bool = False,
                     margin: float | None = None, stagger: bool = False) -> Any:
    """The genogram options of a report: its language and privacy, no title (the caption is one),
    print-size text of one size, tighter rows (the notes are written under the caption); ``compact``
    (a genogram too wide to print with its legend at 8 pt): union years by their last two digits
    (``n.'88 c.'95``) and smaller gaps between partners, siblings and families; ``tight`` (with
    ``compact``, when that is still too wide): names and roles wrapped at their spaces where the
    tallest label of their row leaves room (``GenogramOptions(narrow_labels=True)``), symbols of
    :data:`TIGHT_SYMBOL` units and the gaps :data:`TIGHT_GAPS`; ``margin``: round the drawing (SVG units,
    by default 14); ``stagger`` (with ``tight``, when that is still too wide): the labels of a crowded sibship
    on two heights, a line more for their names (``LayoutConfig(stagger_labels=True)``)."""
    from socialtools.draw.theme import Theme
    from socialtools.genogram import GenogramOptions
    from socialtools.genogram.layout import LayoutConfig

    size = REPORT_GENOGRAM_TEXT
    block, siblings, families, components = TIGHT_GAPS if tight else COMPACT_GAPS if compact else REPORT_GAPS
    symbol = TIGHT_SYMBOL if tight else 32.0
    margin = REPORT_MARGIN if margin is None else margin
    layout = LayoutConfig(label_size=size, union_label_size=size, symbol=symbol, row_gap=8.0, bar_gap=8.0,
                          margin=margin, gap_block=block, gap_siblings=siblings, gap_families=families,
                          gap_components=components, stagger_labels=stagger)
    theme = Theme(font_size=size, small_font_size=size, title_font_size=size * 1.2, margin=layout.margin)
    return GenogramOptions(lang=opts.lang, initials=opts.initials, full_dates=opts.include_private, title="",
                           layout=layout, theme=theme, short_years=compact or tight, narrow_labels=tight)


#: Gaps of the report's genogram between partners, siblings, families and unrelated groups (SVG units, beyond
#: what symbols and labels need), and of its compact form: the gap between families stays, as emotional lines
#: between the generations run down through it.
REPORT_GAPS = (14.0, 18.0, 24.0, 40.0)
COMPACT_GAPS = (8.0, 10.0, 24.0, 24.0)
#: The tightest report genogram (a sibship of thirteen on a landscape page): gaps of 6 units between
#: partners and siblings (half a letter's height: labels still read apart), 16 between families and
#: groups, symbols of 28 units (their age, quadrants and marks still clear at 8 pt); its margin 14 units as the
#: report's, or 10 when that does not print at 8 pt.
REPORT_MARGIN = 14.0
TIGHT_GAPS = (6.0, 6.0, 16.0, 16.0)
TIGHT_SYMBOL = 28.0
TIGHT_MARGIN = 10.0


#: The report's ecomaps print their fonts this much larger than on screen (their drawing grows more slowly
#: than their text, so a larger font reaches 8 pt within the page's text width).
REPORT_ECOMAP_TEXT = 1.8
QUADRANT_WIDTH = 500.0  # SVG units (1/96 inch): 13.2 cm, within an A4 report page's text width at 8 pt


@dataclass(frozen=True)
class EcomapDrawing:
    """The report's ecomap (or one side of its comparison): the drawing (``svg``) and, when the drawing
    with its legend under it cannot print its text at 8 pt and the drawing alone prints it larger, the
    legend as a picture of its own (``legend_svg``; ``svg`` is then the drawing alone, fitted to the
    page's whole figure height)."""

    svg: str
    legend_svg: str | None = None


def ecomap_drawing(case: Case, opts: ReportOptions, *, panel: str | None = None,
                   section: dict[str, Any] | None = None,
                   memo: dict[tuple[str, bool, bool], EcomapDiagram] | None = None) -> EcomapDrawing | None:
    """The ecomap as the report prints it, when the case has an ``ecomap`` section; ``panel``
    (``before`` or ``after``): one side of the comparison with its changed ties marked, when the
    section has an ``after`` block. Drawn for print: no title (the caption is one), a compact legend
    under it, or apart (:class:`EcomapDrawing`). ``section``: this ``ecomap`` section instead of the
    case's (one part of an ecomap printed as two figures, :func:`ecomap_drawings`); ``memo``: the
    diagrams drawn so far for this report (:func:`_ecomap_diagram`)."""
    section = case.raw("ecomap") if section is None else section
    if not isinstance(section, dict) or (panel and not section.get("after")):
        return None
    from socialtools.ecomap.render import PRINT_MARGIN
    from socialtools.report.print_size import MIN_PRINT_PT, PORTRAIT, printed_font_pt

    under = _ecomap_diagram(case, opts, panel, section, legend=True, memo=memo).to_svg()
    printed = printed_font_pt(_probe(under, opts)) or 0.0
    if printed >= MIN_PRINT_PT:
        return EcomapDrawing(under)
    apart = _ecomap_diagram(case, opts, panel, section, legend=False, memo=memo)
    alone = apart.to_svg()
    if (printed_font_pt(_probe(alone, opts)) or 0.0) <= printed:
        return EcomapDrawing(under)
    font = smallest_font(alone) or 1.0
    return EcomapDrawing(alone, apart.legend_svg(readable_room(font, PORTRAIT)[0] - 2 * PRINT_MARGIN - 1))


def _ecomap_diagram(case: Case, opts: ReportOptions, panel: str | None, section: dict[str, Any],
                    *, legend: bool, memo: dict[tuple[str, bool, bool], EcomapDiagram] | None = None) -> EcomapDiagram:
    """The report's ecomap diagram of ``section`` (print-size text, narrow circles, no title). With
    ``memo`` (one report's diagrams, by section, legend and comparison), each is laid out once: the
    two sides of a comparison share their layouts (:meth:`EcomapDiagram.with_panel`), and a drawing
    measured twice is not laid out again."""
    from socialtools.ecomap import EcomapDiagram

    key = (json.dumps(section, sort_keys=True, default=str), legend, panel is not None)
    diagram = memo.get(key) if memo is not None else None
    if diagram is None:
        diagram = EcomapDiagram.from_document({**case.document, "ecomap": section}, source=case.source,
                                              lang=opts.lang, compare=panel is not None, text=REPORT_ECOMAP_TEXT,
                                              initials=opts.initials, header=False, compact_legend=True,
                                              narrow=True, legend=legend)
        if memo is not None:
            memo[key] = diagram
    return diagram.with_panel(panel) if panel is not None else diagram


def whole_estimate_pt(case: Case, opts: ReportOptions, section: dict[str, Any]) -> float:
    """How large, at most, the report could print the text of the ecomap ``section`` drawn whole, in
    points, estimated without laying it out (:func:`~socialtools.ecomap.layout.narrow_reach`): its
    system labels' size, on the page (portrait or landscape) whose text width and readable height
    hold the drawing's reach best. The 24 long-named systems (tests/data/cases/many-systems-24.yaml):
    7.97 pt estimated, 6.26 pt printed (the layout reaches further than the estimate: ties, labels
    and routing widen its ring)."""
    import math

    from socialtools.ecomap.layout import SYSTEM_FONT, narrow_reach
    from socialtools.ecomap.render import PRINT_MARGIN
    from socialtools.report.print_size import LANDSCAPE, PORTRAIT

    diagram = _ecomap_diagram(case, opts, None, section, legend=False)
    size = 2 * (narrow_reach(diagram.ecomap, diagram.family, REPORT_ECOMAP_TEXT) + PRINT_MARGIN)
    room = max(math.sqrt(page.text_width_cm * page.readable_height_cm) / 2.54 * 96 for page in (PORTRAIT, LANDSCAPE))
    return SYSTEM_FONT * REPORT_ECOMAP_TEXT * 0.75 * room / size


#: An ecomap of at least this many systems whose drawing prints its text under 8 pt even with its legend
#: apart (24 long names: 6.3 pt) prints as two figures, each with half the systems round the whole
#: household (:func:`ecomap_drawings`): 12 long names print at 8 pt, and a social worker reads each half's
#: ties at their size rather than all of them too small to read
SPLIT_FROM = 20


def ecomap_halves(section: dict[str, Any]) -> list[list[str]]:
    """The ids of the systems of an ecomap ``section`` in two parts for two figures: in the order written
    (grouped by category when the section groups them), the first part as near half as it can be, two
    systems tied to each other (before or after) always in the same part.

    >>> ecomap_halves({"systems": [{"id": s} for s in "abcde"],
    ...                "ties": [{"system": "a"}, {"system": "c", "to": "e"}]})
    [['a', 'b'], ['c', 'd', 'e']]
    """
    systems = [s for s in section.get("systems") or [] if isinstance(s, dict) and "id" in s]
    ids = [str(s["id"]) for s in systems]
    if section.get("group_by_category"):  # the drawing's order: each category where it first appears
        cats = [str(s.get("category")) for s in systems]
        ids = [i for _, i in sorted(zip((cats.index(c) for c in cats), ids, strict=True), key=lambda p: p[0])]
    root = {i: i for i in ids}

    def find(i: str) -> str:
        while root[i] != i:
            i = root[i]
        return i

    after = section.get("after") if isinstance(section.get("after"), dict) else {}
    for tie in [*(section.get("ties") or []), *((after or {}).get("ties") or [])]:
        a, b = str(tie.get("system")), str(tie.get("to"))
        if a in root and b in root:
            root[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    first: list[str] = []
    for group in groups.values():
        if not first or abs(len(first) + len(group) - len(ids) / 2) < abs(len(first) - len(ids) / 2):
            first += group
    second = [i for i in ids if i not in first]
    return [[i for i in ids if i in first], second]


def _ecomap_part(section: dict[str, Any], keep: list[str]) -> dict[str, Any]:
    """The ``ecomap`` section with only the systems ``keep`` and the ties (before and after) of those."""
    kept = set(keep)

    def ours(tie: Any) -> bool:
        return isinstance(tie, dict) and str(tie.get("system")) in kept

    part = {**section, "systems": [s for s in section.get("systems") or [] if str(s.get("id")) in kept],
            "ties": [t for t in section.get("ties") or [] if ours(t)]}
    if isinstance(section.get("after"), dict):
        part["after"] = {**section["after"], "ties": [t for t in section["after"].get("ties") or [] if ours(t)]}
    return part


def ecomap_drawings(case: Case, opts: ReportOptions, *, panel: str | None = None,
                    memo: dict[tuple[str, bool, bool], EcomapDiagram] | None = None) -> list[EcomapDrawing]:
    """The ecomap as the report prints it (:func:`ecomap_drawing`), or, when that prints its text under
    8 pt and it has :data:`SPLIT_FROM` systems or more, in two figures (:func:`ecomap_halves`), each
    with the whole household and half the systems, drawn as tall as the page allows, the legend of the
    whole ecomap printed apart under the second, when both print their text larger; empty when the
    case has no ``ecomap`` section (or no ``after`` block for a ``panel``). When even the estimate
    (:func:`whole_estimate_pt`) of the whole drawing is under 8 pt and under what the halves print, the
    whole drawing is never laid out (a 24-system layout takes minutes); else it is, as before.
    ``memo``: the diagrams drawn so far for this report (:func:`_ecomap_diagram`)."""
    memo = {} if memo is None else memo
    section = case.raw("ecomap")
    if not isinstance(section, dict) or (panel and not section.get("after")):
        return []
    from socialtools.ecomap.render import PRINT_MARGIN
    from socialtools.report.print_size import MIN_PRINT_PT, PORTRAIT, printed_font_pt

    def halves() -> tuple[list[str], float]:
        svgs = [_ecomap_diagram(case, opts, panel, _ecomap_part(section, keep), legend=False, memo=memo).to_svg()
                for keep in ecomap_halves(section)]
        return svgs, min(printed_font_pt(_probe(svg, opts)) or 0.0 for svg in svgs)

    def split(svgs: list[str]) -> list[EcomapDrawing]:
        font = min(smallest_font(svg) or 1.0 for svg in svgs)
        legend = _ecomap_diagram(case, opts, panel, section, legend=False, memo=memo).legend_svg(
            readable_room(font, PORTRAIT)[0] - 2 * PRINT_MARGIN - 1)
        return [EcomapDrawing(svgs[0]), EcomapDrawing(svgs[1], legend)]

    many = len(section.get("systems") or []) >= SPLIT_FROM
    if many and (estimate := whole_estimate_pt(case, opts, section)) < MIN_PRINT_PT:
        svgs, printed = halves()
        if printed > estimate:  # the whole prints at most the estimate: smaller than the halves
            return split(svgs)
    whole = ecomap_drawing(case, opts, panel=panel, memo=memo)
    if whole is None:
        return []
    printed = printed_font_pt(_probe(whole.svg, opts)) or 0.0
    if printed >= MIN_PRINT_PT or not many:
        return [whole]
    svgs, half = halves()
    return split(svgs) if half > printed else [whole]


def ecomap_svg(case: Case, opts: ReportOptions, *, panel: str | None = None) -> str | None:
    """The ecomap's drawing as the report prints it (:func:`ecomap_drawing`; of an ecomap printed as two
    figures, the whole one), when the case has an ``ecomap`` section."""
    drawing = ecomap_drawing(case, opts, panel=panel)
    return drawing.svg if drawing is not None else None


def ecomap_date(case: Case, panel: str | None = None, lang: str = "id") -> str | None:
    """The date the ecomap (or the ``after`` side of the comparison) was drawn, written out in the
    report's language (``1 Agustus 2024``, ``1 August 2024``); a text that is no date, as written.

    >>> case = Case.from_document({"ecomap": {"focal": "RT", "date": "2024-08-01", "systems": [],
    ...                                       "after": {"date": "Oktober 2024", "ties": []}}})
    >>> ecomap_date(case), ecomap_date(case, "after", "en")
    ('1 Agustus 2024', 'October 2024')
    """
    section = case.raw("ecomap")
    if not isinstance(section, dict):
        return None
    if panel == "after":
        after = section.get("after")
        date = after.get("date") if isinstance(after, dict) else None
    else:
        date = section.get("date")
    if date is None or str(date).strip() == "":
        return None
    return written_date(date, lang)


def strengths_svg(case: Case, opts: ReportOptions) -> str | None:
    """The strengths quadrant as SVG, when the case has a ``strengths`` section."""
    if not isinstance(case.raw("strengths"), dict):
        return None
    from socialtools.quadrant import QuadrantDiagram

    try:
        # narrower than the stand-alone figure and without its title (the caption is one), so that
        # its text prints at 8 pt or more within the page's text width
        diagram = QuadrantDiagram.from_document(case.document, source=case.source, lang=opts.lang,
                                                width=QUADRANT_WIDTH, header=False)
    except InputError as exc:
        raise _located_in(exc, "strengths") from None
    if opts.initials:
        from socialtools.privacy import hide_client

        diagram.model = diagram.model.model_copy(update={"client": hide_client(case.document)})
    return diagram.to_svg()


_FONT_SIZE = re.compile(r'font-size="([0-9.]+)')
_WIDTH = re.compile(r'<svg[^>]*?\swidth="([0-9.]+)')
_HEIGHT = re.compile(r'<svg[^>]*?\sheight="([0-9.]+)')


def print_dpi(svg: str, dpi: float) -> float:
    """The PNG resolution that gives ``dpi`` on the page: a figure printed at the text width
    needs no more pixels than that, however large it is drawn.

    >>> round(print_dpi('<svg width="2000" height="10"/>', 200), 1), print_dpi('<svg width="100"/>', 200)
    (52.9, 300.0)
    """
    from socialtools.report.print_size import MAX_UPSCALE, TEXT_WIDTH_CM

    match = _WIDTH.search(svg)
    if match is None or float(match[1]) <= 0:
        return dpi
    natural_in = float(match[1]) / 96
    return dpi * min(MAX_UPSCALE, TEXT_WIDTH_CM / 2.54 / natural_in)


def smallest_font(svg: str) -> float | None:
    """The smallest font size an SVG uses, in its user units (1/96 inch at natural size).

    >>> smallest_font('<svg><text font-size="9">a</text><text font-size="12.5">b</text></svg>')
    9.0
    """
    sizes = [float(v) for v in _FONT_SIZE.findall(svg)]
    return min(sizes) if sizes else None


def _located_in(exc: InputError, section: str) -> InputError:
    record = exc.record or ""
    if not record.startswith(section):
        record = f"{section}.{record}" if record else section
    return InputError(exc.message, record=record, field=exc.field, source=exc.source)


# -- the chapter -----------------------------------------------------------------------------
class _Numbers:
    def __init__(self, chapter: int) -> None:
        self.chapter = chapter
        self.sections = 0
        self.subsections = 0
        self.tables = 0
        self.figures = 0

    def section(self) -> str:
        self.sections += 1
        self.subsections = 0
        return f"{self.chapter}.{self.sections}"

    def subsection(self) -> str:
        self.subsections += 1
        return f"{self.chapter}.{self.sections}.{self.subsections}"

    def table(self) -> str:
        self.tables += 1
        return f"{self.chapter}.{self.tables}"

    def figure(self) -> str:
        self.figures += 1
        return f"{self.chapter}.{self.figures}"


def build_report(case: Case, opts: ReportOptions | None = None) -> Report:
    """The chapter from identity to termination; sections without data are left out.

    >>> from socialtools.examples import example_path
    >>> report = build_report(Case.load(example_path("pk.yaml")), ReportOptions(lang="en"))
    >>> report.blocks[0].text
    'CHAPTER 4 THE HELPING PROCESS'
    """
    opts = opts or ReportOptions()
    if opts.initials:  # the privacy switch: family members' names masked in every free text
        from socialtools.privacy import case_mask, hide_case

        if opts.source:  # the 'Sumber:' line given on the command line too
            opts = replace(opts, source=case_mask(case)(opts.source))
        case = hide_case(case)
    lang = opts.lang
    n = _Numbers(case.info.chapter)
    chapter_title = case.info.chapter_title or word("chapter_title", lang)
    blocks: list[Block] = [Heading(1, f"{word('chapter', lang)} {n.chapter} {chapter_title}")]

    def table(t: Table | None) -> None:
        if t is not None:
            t.number = n.table()
            blocks.append(t)

    def section(key: str, parts: list[tuple[str | None, list[Table | Figure | Paragraph]]]) -> None:
        present = [(h, items) for h, items in parts if items]
        if not present:
            return
        blocks.append(Heading(2, f"{n.section()} {word(key, lang)}"))
        for sub, items in present:
            if sub is not None and len(present) > 1:
                blocks.append(Heading(3, f"{n.subsection()} {word(sub, lang)}"))
            for i, item in enumerate(items):
                if isinstance(item, Table):
                    table(item)
                elif isinstance(item, Figure):
                    item.number = n.figure()
                    blocks.append(item)
                else:
                    blocks.append(item)
                    continue
                part = narrative_part(item)
                item.source = source_line(case, opts, part)
                following = items[i + 1] if i + 1 < len(items) else None
                if following is None or isinstance(following, Paragraph) or narrative_part(following) != part:
                    blocks.extend(narrative(case, part, item))

    def some(*items: Table | Figure | Paragraph | None) -> list[Table | Figure | Paragraph]:
        return [i for i in items if i is not None]

    def figure(key: str, svg: str | None, date: str | None = None, *, caption_of: str | None = None) -> Figure | None:
        """The figure ``key``, captioned by the caption of ``caption_of`` (default: ``key``)."""
        if svg is None:
            return None
        caption = ct.captioned("cap_" + (caption_of or key), case, opts) + (f" ({date})" if date else "")
        return picture(key, caption, svg)

    ecomap_memo: dict[tuple[str, bool, bool], EcomapDiagram] = {}  # each ecomap drawing laid out once

    def ecomap_figures(key: str, panel: str | None) -> list[Table | Figure | Paragraph]:
        drawings = ecomap_drawings(case, opts, panel=panel, memo=ecomap_memo) if opts.figures else []
        figures: list[Table | Figure | Paragraph] = []
        for i, drawing in enumerate(drawings, 1):
            date = ecomap_date(case, panel, lang)
            if len(drawings) > 1:  # one ecomap printed as two figures: 'bagian 1 dari 2'
                part = word("figure_part", lang).format(i=i, n=len(drawings))
                date = f"{date}; {part}" if date else part
            fig = figure(key if i == 1 else f"{key}_{i}", drawing.svg, date, caption_of=key)
            if fig is not None and drawing.legend_svg is not None:
                fig.legend = picture(f"{fig.key}_legend", word("figure_legend", lang), drawing.legend_svg)
            figures += some(fig)
        return figures

    font_said: list[str] = []  # text the figures' font cannot draw (emoji ...), one warning a figure

    def picture(key: str, caption: str, svg: str) -> Figure:
        dpi = print_dpi(svg, opts.dpi)
        font_said.extend(f"{key}: {w}" for w in font_warnings(svg, ".png", svg_kept=False))
        return Figure(key, caption, svg_to_png(svg, dpi=dpi), label=word("figure", lang), dpi=dpi,
                      min_font=smallest_font(svg))

    section("h_identity", [(None, some(ct.client_table(case, opts), ct.family_table(case, opts)))])
    genogram = None
    drawing = genogram_drawing(case, opts) if opts.figures else None
    if drawing is not None:
        genogram = figure("genogram", drawing.svg)
        if genogram is not None:
            genogram.notes = drawing.notes + ((drawing.ended,) if drawing.ended else ())
            if drawing.legend_svg is not None:
                genogram.legend = picture("genogram_legend", word("figure_legend", lang), drawing.legend_svg)
    ecomap = ecomap_figures("ecomap", None)
    strengths = figure("strengths", strengths_svg(case, opts)) if opts.figures else None
    section("h_assessment", [("h_bpss", some(ct.bpss_table(case, opts))),
                             ("h_genogram", some(genogram)), ("h_ecomap", ecomap),
                             ("h_strengths", some(strengths))])
    section("h_plan", [(None, [*ct.plan_tables(case, opts), *some(ct.systems_table(case, opts))])])
    section("h_intervention", [(None, some(ct.schedule_table(case, opts), ct.process_table(case, opts)))])
    evaluation = []
    if case.evaluation is not None and case.evaluation.summary:
        evaluation.append(Paragraph(case.evaluation.summary, key="evaluation"))
    # the comparison prints as two figures, one under the other, each at the text width
    comparison = [fig for side in ("before", "after") for fig in ecomap_figures(f"ecomap_{side}", side)]
    section("h_evaluation", [(None, [*evaluation, *some(ct.behaviour_table(case, opts)), *comparison])])
    section("h_termination", [(None, _termination(case, opts))])
    title = (case.info.title or ct.client_label(case, opts) or (case.family.title if case.family else None)
             or f"{word('chapter', lang)} {n.chapter} {chapter_title}")
    if opts.only:
        blocks = [b for b in blocks if _part(b) in opts.only]
    report = Report(title=title, lang=lang, blocks=blocks)
    report.warnings += [f"genogram: {w}" for w in (drawing.warnings if drawing is not None else ())]
    report.warnings += font_said
    for fig in report.figures():
        for part in (fig, fig.legend):
            warning = print_warning(part, fig) if part is not None else None
            if warning:
                report.warnings.append(warning)
    return report


def narrative_part(item: Table | Figure) -> str:
    """The part of the case file's ``narrative`` (and ``source``) a table or figure takes."""
    if isinstance(item, Figure):
        key = re.sub(r"_2$", "", item.key)  # the second figure of an ecomap printed as two
        return "comparison" if key in ("ecomap_before", "ecomap_after") else key
    key = item.key.split("_")[0]
    return "identity" if key == "client" else key


def source_line(case: Case, opts: ReportOptions, part: str) -> str | None:
    """``Sumber: ...`` under a table or figure: ``--source``, else the case file's ``case.source``.

    >>> from socialtools.report.case import Case
    >>> case = Case.from_document({"case": {"source": {"default": "Hasil asesmen praktikan, 2024",
    ...                                                "genogram": "Wawancara dengan ibu S, 2024"}}})
    >>> source_line(case, ReportOptions(), "genogram"), source_line(case, ReportOptions(lang="en"), "bpss")
    ('Sumber: Wawancara dengan ibu S, 2024', 'Source: Hasil asesmen praktikan, 2024')
    """
    text = (opts.source or case.info.source_for(part) or "").strip()
    if not text:
        return None
    if text.lower().startswith(("sumber:", "source:")):
        return text
    return f"{word('source', opts.lang)}: {text}"


REFERENCES = ("{gambar}", "{figure}", "{tabel}", "{table}")


def narrative(case: Case, part: str, item: Table | Figure) -> list[Paragraph]:
    """The case file's interpretation of ``part``, written under ``item`` (``{gambar}``,
    ``{tabel}`` and their English names become the item's number, e.g. ``Gambar 4.2``)."""
    reference = f"{item.label} {item.number}" if item.number else item.label
    out = []
    for text in case.narrative.get(part, []):
        for placeholder in REFERENCES:
            text = text.replace(placeholder, reference)
        out.append(Paragraph(text, key=f"{item.key.split('_')[0]}_narrative"))
    return out


def _part(block: Block) -> str:
    """The report part a block belongs to (``plan_case_work`` → ``plan``)."""
    if isinstance(block, Heading):
        return ""
    return block.key.split("_")[0]


def _termination(case: Case, opts: ReportOptions) -> list[Table | Figure | Paragraph]:
    t = case.termination
    if t is None:
        return []
    lang = opts.lang
    sentences = []
    if t.date is not None:
        text = f"{word('termination_on', lang)} {long_date(t.date, lang)}"
        sentences.append(text + (f" ({t.reason})." if t.reason else "."))
    elif t.reason:
        sentences.append(t.reason)
    if t.referral:
        sentences.append(f"{word('referral_to', lang)} {t.referral}.")
    out: list[Table | Figure | Paragraph] = []
    if sentences:
        out.append(Paragraph(" ".join(sentences), key="termination"))
    if t.notes:
        out.append(Paragraph(t.notes, key="termination"))
    return out


def check_report_suffix(suffix: str) -> str:
    """The lower-cased suffix if reports can be written in it, else :class:`UsageError`."""
    suffix = suffix.lower()
    if suffix not in (".docx", ".html", ".htm", ".md", ".markdown"):
        raise UsageError(f"cannot write a report as '{suffix or 'no extension'}': use one of "
                         f"{', '.join(REPORT_FORMATS)}")
    return suffix


def report_bytes(report: Report, suffix: str, *,
                 image_prefix: str = "report") -> tuple[bytes, dict[str, bytes]]:
    """The report in the format ``suffix`` names, and the side files (Markdown images).

    >>> from socialtools.report.model import Heading, Report
    >>> data, images = report_bytes(Report("Bab IV", "id", [Heading(1, "Bab IV")]), ".md")
    >>> data.decode().strip(), images
    ('# Bab IV', {})
    """
    suffix = check_report_suffix(suffix)
    if suffix == ".docx":
        return report_docx(report), {}
    if suffix in (".html", ".htm"):
        return report_html(report).encode("utf-8"), {}
    if suffix in (".md", ".markdown"):
        text, images = report_markdown(report, image_prefix)
        return text.encode("utf-8"), images
    raise AssertionError(suffix)  # pragma: no cover


def write_report(report: Report, path: str | Path) -> list[Path]:
    """Write the report (and, for Markdown, its images beside it); return the paths written.

    >>> import tempfile
    >>> from socialtools.report.model import Heading, Report
    >>> folder = Path(tempfile.mkdtemp())
    >>> [p.name for p in write_report(Report("Bab IV", "id", [Heading(1, "Bab IV")]), folder / "bab4.html")]
    ['bab4.html']
    """
    from socialtools.io.output import write_atomic

    path = Path(path)
    data, images = report_bytes(report, path.suffix, image_prefix=path.stem)
    written = [write_atomic(path.parent / name, png) for name, png in sorted(images.items())]
    written.append(write_atomic(path, data))
    return written
