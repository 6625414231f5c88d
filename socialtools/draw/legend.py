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
#: The sample's width in a tight legend (beside a printed drawing, where each unit of width counts).
TIGHT_SAMPLE_W = 32.0
GAP = 8.0
ROW = 24.0

DrawSample = Callable[[SvgCanvas, Group, Box], None]


@dataclass(frozen=True)
class LegendEntry:
    """One legend line: ``draw`` paints a sample into the given box; ``label`` explains it."""

    label: str
    draw: DrawSample


def _label_w(entry: LegendEntry, theme: Theme) -> float:
    return SAMPLE_W + GAP + text_width(entry.label, theme.small_font_size) + 2 * GAP


def _grid(entries: list[LegendEntry], max_width: float, theme: Theme, compact: bool,
          rows: int | None = None) -> tuple[int, list[float]]:
    """Columns and their widths: equal columns filled row by row; ``compact``: columns filled top to
    bottom, each as wide as its own longest label, as many as fit ``max_width`` (or, with ``rows``,
    as many as ``rows`` rows need)."""
    if compact and rows:
        rows = math.ceil(len(entries) / math.ceil(len(entries) / rows))  # as drawn: columns filled evenly
        return math.ceil(len(entries) / rows), [max(_label_w(e, theme) for e in entries[c:c + rows])
                                                for c in range(0, len(entries), rows)]
    if not compact:
        col_w = max((_label_w(e, theme) for e in entries), default=0.0)
        cols = max(1, min(len(entries), int((max_width - 2 * GAP) // col_w)))
        return cols, [col_w] * cols
    for cols in range(len(entries), 0, -1):
        rows = math.ceil(len(entries) / cols)
        widths = [max(_label_w(e, theme) for e in entries[c * rows:(c + 1) * rows])
                  for c in range(math.ceil(len(entries) / rows))]
        if sum(widths) + GAP <= max_width or cols == 1:
            return len(widths), widths
    raise AssertionError("unreachable")  # pragma: no cover


def legend_rows(entries: list[LegendEntry], height: float, theme: Theme) -> int:
    """How many entries a compact legend column holds within ``height`` (at least one)."""
    title_h = theme.font_size * LINE_HEIGHT + GAP
    return max(1, min(len(entries), int((height - title_h - GAP) // _row(theme))))


def _row(theme: Theme, tight: bool = False) -> float:
    """The height of a legend line; ``tight``: a line of text with 2.5 units between lines (a legend
    beside a printed drawing, where each line of height counts)."""
    if tight:
        return max(SAMPLE_H, theme.small_font_size * LINE_HEIGHT + 2.5)
    return max(ROW, theme.small_font_size * LINE_HEIGHT + 8)


def _cell(i: int, cols: int, rows: int, compact: bool) -> tuple[int, int]:
    return (i % rows, i // rows) if compact else divmod(i, cols)


def _flow(entries: list[LegendEntry], max_width: float, theme: Theme) -> list[tuple[int, float]] | None:
    """Row and left edge of each entry when the entries flow like words in lines no wider than
    ``max_width``, each as wide as its own label; ``None`` when a grid in columns is as low."""
    places: list[tuple[int, float]] = []
    row, x = 0, 0.0
    for entry in entries:
        w = _label_w(entry, theme)
        if x > 0 and x + w > max_width - GAP:
            row, x = row + 1, 0.0
        places.append((row, x))
        x += w
    cols, _ = _grid(entries, max_width, theme, True)
    return places if row + 1 < math.ceil(len(entries) / cols) else None


#: A wrapped legend label is at least this many times its font size wide (two or three lines at most).
MIN_WRAP_EMS = 7.0


@dataclass(frozen=True)
class _Columns:
    """A compact legend in columns no taller than a given height, its long labels wrapped at spaces:
    the entries of each column, the columns' widths and each entry's lines."""

    columns: list[list[int]]
    widths: list[float]
    lines: list[tuple[str, ...]]
    tight: bool = False

    def height(self, i: int, theme: Theme) -> float:
        return _row(theme, self.tight) + (len(self.lines[i]) - 1) * theme.small_font_size * LINE_HEIGHT

    def column_height(self, theme: Theme) -> float:
        return max(sum(self.height(i, theme) for i in column) for column in self.columns)


def wrap_at_spaces(text: str, width: float, size: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` where its words allow (a word is
    never cut).

    >>> wrap_at_spaces("Cerai mati (janda/duda)", 80, 10)
    ['Cerai mati', '(janda/duda)']
    """
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _line_widths(text: str, size: float) -> set[float]:
    """The widths of every line ``text`` can be wrapped into at its spaces (each run of its words).

    >>> sorted(round(w) for w in _line_widths("Anak asuh", 10))
    [24, 25, 52]
    """
    words = text.split()
    return {text_width(" ".join(words[i:j]), size) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def _wrapped_columns(entries: list[LegendEntry], height: float, theme: Theme, tight: bool = False) -> _Columns:
    """The narrowest compact legend whose columns stay within ``height`` (its title included), each
    column filled top to bottom: of the widths its labels may wrap to (each label at its spaces, no
    narrower than :data:`MIN_WRAP_EMS` times the text size: as wide as one of the lines its labels
    can wrap into), the one that makes it narrowest."""
    size = theme.small_font_size
    room = height - (theme.font_size * LINE_HEIGHT + GAP) - GAP
    natural = [text_width(e.label, size) for e in entries]
    floor = MIN_WRAP_EMS * size
    best: tuple[float, _Columns] | None = None
    caps = {w for e in entries for w in _line_widths(e.label, size) if w > floor}
    for cap in sorted(caps | {floor}, reverse=True):
        lines = [(e.label,) if w <= cap else tuple(wrap_at_spaces(e.label, cap, size))
                 for e, w in zip(entries, natural, strict=True)]
        grid = _Columns([[]], [], lines, tight)
        used = 0.0
        for i in range(len(entries)):
            h = grid.height(i, theme)
            if grid.columns[-1] and used + h > room:
                grid.columns.append([])
                used = 0.0
            grid.columns[-1].append(i)
            used += h
        sample_w = TIGHT_SAMPLE_W if tight else SAMPLE_W
        grid.widths.extend(sample_w + 3 * GAP + max(text_width(t, size) for i in column for t in lines[i])
                           for column in grid.columns)
        if best is None or sum(grid.widths) < best[0] - 1e-6:
            best = (sum(grid.widths), grid)
    assert best is not None
    return best[1]


def legend_box(entries: list[LegendEntry], title: str, max_width: float, theme: Theme, *,
               compact: bool = False, rows: int | None = None, flow: bool = False,
               fit_height: float | None = None, tight: bool = False) -> Box:
    """Width and height the legend needs (placed at the origin); ``compact`` packs the entries in
    columns of their own widths (for a narrow figure, e.g. in a printed report), ``rows`` rows
    to a column when given (a legend beside a drawing, as tall as the drawing); ``flow`` (with
    ``compact``): the entries follow each other in lines like words when that is lower than
    any grid (a printed figure whose page is too short for a grid); ``fit_height`` (with ``compact``):
    columns no taller than that, long labels wrapped at spaces where that makes the legend narrower
    (a legend beside a drawing on a page short of width); ``tight`` (with ``fit_height``): lines closer
    together (see :func:`_row`) and samples narrower (:data:`TIGHT_SAMPLE_W`)."""
    if not entries:
        return Box(0, 0, 0, 0)
    if compact and fit_height is not None:
        grid = _wrapped_columns(entries, fit_height, theme, tight)
        width = max(sum(grid.widths) + GAP, text_width(title, theme.font_size) + 2 * GAP)
        return Box(0, 0, width, theme.font_size * LINE_HEIGHT + GAP + grid.column_height(theme) + GAP)
    places = _flow(entries, max_width, theme) if compact and flow and not rows else None
    if places is not None:
        title_h = theme.font_size * LINE_HEIGHT + GAP
        width = max(x + _label_w(e, theme) for e, (_, x) in zip(entries, places, strict=True)) + GAP
        width = max(width, text_width(title, theme.font_size) + 2 * GAP)
        return Box(0, 0, width, title_h + (places[-1][0] + 1) * _row(theme) + GAP)
    cols, widths = _grid(entries, max_width, theme, compact, rows)
    rows = math.ceil(len(entries) / cols)
    title_h = theme.font_size * LINE_HEIGHT + GAP
    width = max(sum(widths) + GAP, text_width(title, theme.font_size) + 2 * GAP)
    return Box(0, 0, width, title_h + rows * _row(theme) + GAP)


def draw_legend(
    canvas: SvgCanvas, entries: list[LegendEntry], title: str, x: float, y: float, max_width: float, *,
    compact: bool = False, rows: int | None = None, flow: bool = False, fit_height: float | None = None,
    tight: bool = False,
) -> Box:
    """Draw the legend with its top-left corner at ``(x, y)``; return the box it fills."""
    theme = canvas.theme
    box = legend_box(entries, title, max_width, theme, compact=compact, rows=rows, flow=flow, fit_height=fit_height,
                     tight=tight)
    if not entries:
        return box
    wrapped = _wrapped_columns(entries, fit_height, theme, tight) if compact and fit_height is not None else None
    places = _flow(entries, max_width, theme) if compact and flow and not rows else None
    cols, widths = _grid(entries, max_width, theme, compact, rows)
    rows = math.ceil(len(entries) / cols)
    row_h = _row(theme)
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
        row, col = _cell(i, cols, rows, compact)
        sx = x + GAP + sum(widths[:col])
        if places is not None:
            row, sx = places[i][0], x + GAP + places[i][1]
        if wrapped is not None:
            _draw_wrapped(canvas, g, entry, wrapped, i, x, top)
            continue
        sy = top + row * row_h
        sample = canvas.group(g)
        entry.draw(canvas, sample, Box(sx, sy + (row_h - SAMPLE_H) / 2 - 2, SAMPLE_W, SAMPLE_H))
        canvas.text(g, sx + SAMPLE_W + GAP, sy + row_h / 2 + theme.small_font_size * 0.3 - 2, entry.label,
                    theme.small_font_size, anchor="start")
    return Box(x, y, box.w, box.h)


def _draw_wrapped(canvas: SvgCanvas, g: Group, entry: LegendEntry, grid: _Columns, i: int, x: float,
                  top: float) -> None:
    """Entry ``i`` of a legend in wrapped columns: its sample centred on its lines."""
    theme = canvas.theme
    col = next(c for c, column in enumerate(grid.columns) if i in column)
    sx = x + GAP + sum(grid.widths[:col])
    sy = top + sum(grid.height(j, theme) for j in grid.columns[col][:grid.columns[col].index(i)])
    row_h, line_h = _row(theme, grid.tight), theme.small_font_size * LINE_HEIGHT
    extra = grid.height(i, theme) - row_h
    # tight lines: samples a little lower than the line, so that those of neighbouring entries stay apart
    sample_h = min(SAMPLE_H, row_h - 4) if grid.tight else SAMPLE_H
    sample_w = TIGHT_SAMPLE_W if grid.tight else SAMPLE_W
    entry.draw(canvas, canvas.group(g), Box(sx, sy + (row_h + extra - sample_h) / 2 - 2, sample_w, sample_h))
    for k, line in enumerate(grid.lines[i]):
        canvas.text(g, sx + sample_w + GAP, sy + row_h / 2 + theme.small_font_size * 0.3 - 2 + k * line_h, line,
                    theme.small_font_size, anchor="start")


def _strip_places(entries: list[LegendEntry], title: str, max_width: float, theme: Theme) -> list[tuple[int, float]]:
    """The row and left edge of each entry of a legend strip: the entries follow the title in lines
    like words, each as wide as its own label."""
    lead = text_width(f"{title}:", theme.font_size, bold=True) + GAP
    places: list[tuple[int, float]] = []
    row, x = 0, lead
    for entry in entries:
        w = _strip_w(entry, theme)
        if x > 0 and x + w > max_width:
            row, x = row + 1, 0.0
        places.append((row, x))
        x += w
    return places


def _strip_w(entry: LegendEntry, theme: Theme) -> float:
    """An entry's width in a legend strip: its narrow sample, its label and a gap after it."""
    return TIGHT_SAMPLE_W + GAP / 2 + text_width(entry.label, theme.small_font_size) + 2 * GAP


def legend_strip_box(entries: list[LegendEntry], title: str, max_width: float, theme: Theme) -> Box:
    """Width and height of a legend strip (:func:`draw_legend_strip`) ``max_width`` wide (its lines start
    at its left edge, as the text of the page under which it prints).

    >>> entries = [LegendEntry(name, lambda canvas, g, box: None) for name in ("Laki-laki", "Perempuan")]
    >>> [legend_strip_box(entries, "Keterangan", width, Theme()).h for width in (1000, 200)]
    [14.75, 27.5]
    """
    if not entries:
        return Box(0, 0, 0, 0)
    places = _strip_places(entries, title, max_width, theme)
    return Box(0, 0, max_width, (places[-1][0] + 1) * _strip_row(theme) + 2)


def _strip_row(theme: Theme) -> float:
    """The height of a line of a legend strip: a line of text and 1.5 units."""
    return theme.small_font_size * LINE_HEIGHT + 1.5


def draw_legend_strip(canvas: SvgCanvas, entries: list[LegendEntry], title: str, x: float, y: float,
                      max_width: float) -> Box:
    """A legend as low as it can be (under a drawing on a page with little height left): no frame,
    its title in bold at the start of the first line, the entries following it in lines like words,
    lines as close as a paragraph's, samples narrow (:data:`TIGHT_SAMPLE_W`); top-left corner at ``(x, y)``."""
    theme = canvas.theme
    box = legend_strip_box(entries, title, max_width, theme)
    if not entries:
        return box
    places = _strip_places(entries, title, max_width, theme)
    row_h = _strip_row(theme)
    sample_h = min(SAMPLE_H, row_h - 4)
    g = canvas.group(id="legend", class_="legend")
    top = y + 1
    canvas.text(g, x, top + row_h / 2 + theme.font_size * 0.3 - 2, f"{title}:", theme.font_size, anchor="start",
                font_weight="bold")
    for entry, (row, left) in zip(entries, places, strict=True):
        sx, sy = x + left, top + row * row_h
        entry.draw(canvas, canvas.group(g), Box(sx, sy + (row_h - sample_h) / 2 - 2, TIGHT_SAMPLE_W, sample_h))
        canvas.text(g, sx + TIGHT_SAMPLE_W + GAP / 2, sy + row_h / 2 + theme.small_font_size * 0.3 - 2, entry.label,
                    theme.small_font_size, anchor="start")
    return Box(x, y, box.w, box.h)
