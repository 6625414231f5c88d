"""Print size of the report's figures on an A4 page: the page each is printed on (portrait, or a
landscape page for a figure too wide to keep its text at 8 pt on a portrait one), the scale it is
printed at and the size its smallest text then has. The DOCX writer places pictures at that size and
the HTML writer gives them the same width, so a printed report reads the same from either.

>>> from socialtools.io.convert import svg_to_png
>>> from socialtools.report.model import Figure
>>> wide = Figure("x", "x", svg_to_png('<svg xmlns="http://www.w3.org/2000/svg" width="1058" height="300"/>',
...                                    dpi=96), dpi=96, min_font=18)
>>> figure_page(wide).name, round(figure_scale(wide, PORTRAIT), 2), round(printed_font_pt(wide, PORTRAIT), 1)
('landscape', 0.5, 6.7)
>>> round(figure_scale(wide), 2), round(printed_font_pt(wide), 1), print_width_cm(wide)
(0.85, 11.4, 23.69)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from socialtools.report.model import Figure

PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7  # A4
MARGINS_CM = {"left": 4.0, "right": 3.0, "top": 3.0, "bottom": 3.0}  # usual in Indonesian reports
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGINS_CM["left"] - MARGINS_CM["right"]
MAX_FIGURE_HEIGHT_CM = 14.0  # leaves room for a heading, the caption and a few lines of text
CAPTION_CM = 2.0  # the caption and the source line under a figure, with their spacing
HEADING_CM = 1.0  # a heading kept with the figure it introduces
#: A figure whose text would print smaller than :data:`MIN_PRINT_PT` at :data:`MAX_FIGURE_HEIGHT_CM` may grow
#: up to this height (20.7 cm): with its heading, caption and source line it still fits one page.
MAX_READABLE_HEIGHT_CM = PAGE_HEIGHT_CM - MARGINS_CM["top"] - MARGINS_CM["bottom"] - HEADING_CM - CAPTION_CM
MIN_PRINT_PT = 8.0  # the smallest figure text a printed report should have
MAX_UPSCALE = 1.5  # a small figure is printed up to this much larger than its natural size
#: A landscape page turns the binding edge (the portrait page's 4 cm left margin) to its top.
LANDSCAPE_MARGINS_CM = {"left": 3.0, "right": 3.0, "top": 4.0, "bottom": 3.0}


@dataclass(frozen=True)
class Page:
    """A page a figure is printed on: paper size, margins and how tall the figure may be (usually,
    and when its text needs more)."""

    name: str
    width_cm: float
    height_cm: float
    margins_cm: dict[str, float]
    max_height_cm: float
    readable_height_cm: float

    @property
    def text_width_cm(self) -> float:
        return self.width_cm - self.margins_cm["left"] - self.margins_cm["right"]

    @property
    def text_height_cm(self) -> float:
        return self.height_cm - self.margins_cm["top"] - self.margins_cm["bottom"]


PORTRAIT = Page("portrait", PAGE_WIDTH_CM, PAGE_HEIGHT_CM, MARGINS_CM, MAX_FIGURE_HEIGHT_CM, MAX_READABLE_HEIGHT_CM)
#: A page of its own for a wide figure: 23.7 x 14 cm of text area, the figure 11 cm tall at most under
#: its heading and over its caption.
LANDSCAPE = Page("landscape", PAGE_HEIGHT_CM, PAGE_WIDTH_CM, LANDSCAPE_MARGINS_CM,
                 PAGE_WIDTH_CM - 7.0 - CAPTION_CM - HEADING_CM, PAGE_WIDTH_CM - 7.0 - CAPTION_CM - HEADING_CM)


def readable_room(min_font: float, page: Page) -> tuple[float, float]:
    """Width and height (SVG units, 1/96 inch at natural size) a figure whose smallest font is
    ``min_font`` may have to print that text at :data:`MIN_PRINT_PT` within ``page``'s text width and
    readable height.

    >>> [round(v) for v in readable_room(13.0, LANDSCAPE)]
    [1089, 506]
    """
    scale = _readable_scale(min_font)
    return ((page.text_width_cm - 0.01) / 2.54 * 96 / scale, page.readable_height_cm / 2.54 * 96 / scale)


def _readable_scale(min_font: float) -> float:
    """The scale that prints text of ``min_font`` SVG units at :data:`MIN_PRINT_PT`, and a hair more,
    so that the width rounded down to 0.1 mm still gives it."""
    return MIN_PRINT_PT / (min_font * 0.75) * 1.002


def natural_size_cm(figure: Figure) -> tuple[float, float]:
    """Width and height of the figure at its natural size (1 SVG unit = 1/96 inch)."""
    w_px, h_px = figure.size_px
    return w_px / figure.dpi * 2.54, h_px / figure.dpi * 2.54


def figure_page(figure: Figure) -> Page:
    """The page the figure is printed on: portrait, unless its text would print under
    :data:`MIN_PRINT_PT` there and a landscape page prints it larger."""
    portrait = printed_font_pt(figure, PORTRAIT)
    if portrait is None or portrait >= MIN_PRINT_PT:
        return PORTRAIT
    landscape = printed_font_pt(figure, LANDSCAPE)
    return LANDSCAPE if landscape is not None and landscape > portrait else PORTRAIT


def figure_scale(figure: Figure, page: Page | None = None) -> float:
    """How much the figure is scaled on ``page`` (by default :func:`figure_page`): up to the text
    width (at most :data:`MAX_UPSCALE` times its natural size) and no taller than the page's
    usual figure height; when that would print its text below :data:`MIN_PRINT_PT`, as large as
    that text needs, within the text width and the page's readable height.

    >>> from socialtools.io.convert import svg_to_png
    >>> tall = Figure("x", "x", svg_to_png('<svg xmlns="http://www.w3.org/2000/svg" width="500" height="650"/>',
    ...                                    dpi=96), dpi=96, min_font=12)
    >>> round(figure_scale(tall), 3), round(printed_font_pt(tall), 2)
    (0.891, 8.01)
    """
    page = page or figure_page(figure)
    width_cm, height_cm = natural_size_cm(figure)
    fits_width = (page.text_width_cm - 0.01) / width_cm
    scale = min(MAX_UPSCALE, fits_width, page.max_height_cm / height_cm)
    if figure.min_font:
        readable = _readable_scale(figure.min_font)
        if scale < readable:
            scale = min(readable, fits_width, page.readable_height_cm / height_cm)
    return scale


def print_width_cm(figure: Figure, page: Page | None = None) -> float:
    """The width the figure is printed at (rounded down to 0.1 mm)."""
    return math.floor(natural_size_cm(figure)[0] * figure_scale(figure, page) * 100) / 100


def printed_font_pt(figure: Figure, page: Page | None = None) -> float | None:
    """The smallest text of the figure as printed at :func:`print_width_cm`, in points (``None``
    when it has no text): its smallest font (1/96 inch at natural size) times the print scale."""
    if figure.min_font is None:
        return None
    return figure.min_font * 0.75 * print_width_cm(figure, page) / natural_size_cm(figure)[0]


#: What a landscape page holds besides its figure (cm), as LibreOffice prints it: the heading kept with the
#: figure (1.46 cm with its spacing) and the caption with its source line (1.05 cm), and 1 mm to spare.
LANDSCAPE_FRAME_CM = 2.6


def legend_on_page(figure: Figure, legend: Figure | None = None) -> bool:
    """Whether ``legend`` (by default the figure's legend printed apart) goes under ``figure`` on the
    figure's landscape page: both print on landscape pages (the legend is as wide as that page's text) and
    together, with the heading and the caption, they fit one.

    >>> from socialtools.io.convert import svg_to_png
    >>> def fig(w, h):
    ...     return Figure("x", "x", svg_to_png(f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}"/>',
    ...                                       dpi=96), dpi=96, min_font=13)
    >>> legend_on_page(fig(1090, 440), fig(1080, 70)), legend_on_page(fig(1090, 480), fig(1080, 70))
    (True, False)
    """
    legend = legend if legend is not None else figure.legend
    if legend is None or figure_page(figure) is not LANDSCAPE or figure_page(legend) is not LANDSCAPE:
        return False
    used = sum(print_width_cm(part, LANDSCAPE) * part.size_px[1] / part.size_px[0] for part in (figure, legend))
    return used + LANDSCAPE_FRAME_CM <= LANDSCAPE.text_height_cm


def print_warning(figure: Figure, numbered: Figure | None = None) -> str | None:
    """A one-line warning naming the figure (``numbered``: the figure it belongs to, for a legend
    printed apart) when its text prints under :data:`MIN_PRINT_PT` even on the page chosen for it
    (``None`` when it reads)."""
    page = figure_page(figure)
    printed = printed_font_pt(figure, page)
    if printed is None or printed >= MIN_PRINT_PT:
        return None
    owner = numbered or figure
    name = f"{owner.label} {owner.number}" if owner.number else owner.label
    part = f"{name} ({figure.key})"
    where = "even on a landscape page" if page is LANDSCAPE else "at the text width"
    return (f"{part} prints its smallest text at {printed:.1f} pt, under {MIN_PRINT_PT:g} pt {where}: "
            f"{_advice(figure.key)}")


def _advice(key: str) -> str:
    """What the writer of the case can do about a figure too small to read, by its kind."""
    if key.startswith("genogram"):
        return ("its widest generation is too wide for the page at 8 pt; print the whole genogram separately on a "
                "larger page as an appendix (socialtools genogram CASE -o genogram.pdf)")
    if key.startswith("ecomap"):
        return ("shorten the longest system names (an abbreviation, with the full name in the text) "
                "or list fewer systems")
    return "shorten its longest texts"
