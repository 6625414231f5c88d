"""Layout of the strengths quadrant: boxes for the 2×2 grid and every wrapped line of text.

Rows grow to fit the longest cell, so text always stays inside its cell; the layout
measures that itself (:attr:`QuadrantLayout.overflow`).

>>> from socialtools.quadrant.model import StrengthsQuadrant
>>> lay = layout_quadrant(StrengthsQuadrant(personal_strengths=["jujur", "taat beribadah"]))
>>> lay.overflow
0
>>> len(lay.cells)
4
"""

from __future__ import annotations

from dataclasses import dataclass

from socialtools.draw.geometry import Box
from socialtools.draw.text import LINE_HEIGHT, text_width, wrap
from socialtools.errors import UsageError
from socialtools.i18n import Catalogue, translate
from socialtools.quadrant.model import CELLS, StrengthsQuadrant

WIDTH = 760.0
MIN_WIDTH = 360.0
HEADER_W = 96.0
HEADER_H = 30.0
PAD = 10.0
BULLET_INDENT = 14.0
TEXT_SIZE = 11.0
HEAD_SIZE = 12.0
ITEM_GAP = 3.0

CATALOGUE: Catalogue = {
    "personal_strengths": {"id": "Kekuatan personal", "en": "Personal strengths"},
    "personal_limitations": {"id": "Keterbatasan / kebutuhan personal", "en": "Personal limitations / needs"},
    "environmental_resources": {"id": "Sumber daya lingkungan", "en": "Environmental resources"},
    "environmental_obstacles": {"id": "Hambatan lingkungan", "en": "Environmental obstacles"},
    "col_strengths": {"id": "Kekuatan", "en": "Strengths"},
    "col_weaknesses": {"id": "Kelemahan / hambatan", "en": "Weaknesses / obstacles"},
    "row_personal": {"id": "Personal (internal)", "en": "Personal (internal)"},
    "row_environment": {"id": "Lingkungan (eksternal)", "en": "Environment (external)"},
    "default_title": {"id": "Kuadran Kekuatan", "en": "Strengths Quadrant"},
    "client": {"id": "Klien", "en": "Client"},
    "none": {"id": "(belum ada)", "en": "(none noted)"},
}


@dataclass(frozen=True)
class TextLine:
    """One line of text: baseline at ``(x, y)``, anchored at its start (``anchor`` 'start' or 'middle')."""

    x: float
    y: float
    text: str
    size: float
    bold: bool = False
    anchor: str = "start"
    bullet: bool = False

    def box(self) -> Box:
        w = text_width(self.text, self.size)
        x = self.x - w / 2 if self.anchor == "middle" else self.x
        return Box(x, self.y - 0.8 * self.size, w, self.size)


@dataclass(frozen=True)
class Cell:
    key: str
    box: Box
    lines: tuple[TextLine, ...]


@dataclass
class QuadrantLayout:
    """The grid's cells and headers; ``overflow`` counts lines that leave their cell (0 is right)."""

    width: float
    height: float
    cells: list[Cell]
    headers: list[Cell]
    overflow: int


def _cell_lines(title: str, items: list[str], x: float, y: float, w: float, lang: str) -> list[TextLine]:
    lines = []
    y += PAD + HEAD_SIZE
    for part in wrap(title, w - 2 * PAD, HEAD_SIZE):
        lines.append(TextLine(x + PAD, y, part, HEAD_SIZE, bold=True))
        y += HEAD_SIZE * LINE_HEIGHT
    y += 4
    text_w = w - 2 * PAD - BULLET_INDENT
    for item in items or [translate(CATALOGUE, "none", lang)]:
        for k, part in enumerate(wrap(item, text_w, TEXT_SIZE)):
            y += TEXT_SIZE
            lines.append(TextLine(x + PAD + BULLET_INDENT, y, part, TEXT_SIZE, bullet=k == 0 and bool(items)))
            y += TEXT_SIZE * (LINE_HEIGHT - 1)
        y += ITEM_GAP
    return lines


def _height(lines: list[TextLine], top: float) -> float:
    return (max(line.y for line in lines) + 0.25 * TEXT_SIZE + PAD) - top if lines else 2 * PAD


def layout_quadrant(model: StrengthsQuadrant, width: float = WIDTH, lang: str = "id") -> QuadrantLayout:
    """Boxes and wrapped text of the grid, origin at its top-left corner."""
    t = lambda key: translate(CATALOGUE, key, lang)  # noqa: E731
    if not width >= MIN_WIDTH:
        raise UsageError(f"width {width:g} is too narrow for the quadrant: use at least {MIN_WIDTH:g}")
    col_w = (width - HEADER_W) / 2
    headers: list[Cell] = []
    col_heads = [wrap(t(key), col_w - 2 * PAD, HEAD_SIZE) for key in ("col_strengths", "col_weaknesses")]
    head_h = max(HEADER_H, max(len(lines) for lines in col_heads) * HEAD_SIZE * LINE_HEIGHT + PAD)
    for k, key in enumerate(("col_strengths", "col_weaknesses")):
        box = Box(HEADER_W + k * col_w, 0, col_w, head_h)
        lines = col_heads[k]
        top = head_h / 2 - len(lines) * HEAD_SIZE * LINE_HEIGHT / 2 + HEAD_SIZE * 0.9
        headers.append(Cell(key, box, tuple(
            TextLine(box.x + col_w / 2, top + i * HEAD_SIZE * LINE_HEIGHT, part, HEAD_SIZE, bold=True,
                     anchor="middle")
            for i, part in enumerate(lines))))
    cells: list[Cell] = []
    y = head_h
    for row, row_key in enumerate(("row_personal", "row_environment")):
        keys = CELLS[2 * row: 2 * row + 2]
        drafts = [_cell_lines(t(key), model.cell(key), HEADER_W + k * col_w, y, col_w, lang)
                  for k, key in enumerate(keys)]
        row_h = max(_height(lines, y) for lines in drafts)
        head_lines = wrap(t(row_key), HEADER_W - 2 * PAD, HEAD_SIZE)
        row_h = max(row_h, len(head_lines) * HEAD_SIZE * LINE_HEIGHT + 2 * PAD)
        hy = y + row_h / 2 - len(head_lines) * HEAD_SIZE * LINE_HEIGHT / 2 + HEAD_SIZE * 0.9
        headers.append(Cell(row_key, Box(0, y, HEADER_W, row_h), tuple(
            TextLine(HEADER_W / 2, hy + i * HEAD_SIZE * LINE_HEIGHT, part, HEAD_SIZE, bold=True,
                     anchor="middle")
            for i, part in enumerate(head_lines))))
        for k, key in enumerate(keys):
            cells.append(Cell(key, Box(HEADER_W + k * col_w, y, col_w, row_h), tuple(drafts[k])))
        y += row_h
    overflow = 0
    for cell in [*cells, *headers]:
        for line in cell.lines:
            if not _within(line.box(), cell.box):
                overflow += 1
    return QuadrantLayout(width, y, cells, headers, overflow)


def _within(inner: Box, outer: Box) -> bool:
    return (inner.x >= outer.x - 1e-6 and inner.right <= outer.right + 1e-6
            and inner.y >= outer.y - 1e-6 and inner.bottom <= outer.bottom + 1e-6)
