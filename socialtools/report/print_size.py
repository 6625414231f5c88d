"""Print size of the report's figures on an A4 page: the scale each is printed at and the size its
smallest text then has. The DOCX writer places pictures at that size and the HTML writer gives them
the same width, so a printed report reads the same from either.

>>> from socialtools.io.convert import svg_to_png
>>> from socialtools.report.model import Figure
>>> wide = Figure("x", "x", svg_to_png('<svg xmlns="http://www.w3.org/2000/svg" width="1058" height="300"/>',
...                                    dpi=96), dpi=96, min_font=18)
>>> round(figure_scale(wide), 2), round(printed_font_pt(wide), 1), print_width_cm(wide)
(0.5, 6.7, 13.99)
"""

from __future__ import annotations

import math

from socialtools.report.model import Figure

PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7  # A4
MARGINS_CM = {"left": 4.0, "right": 3.0, "top": 3.0, "bottom": 3.0}  # usual in Indonesian reports
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGINS_CM["left"] - MARGINS_CM["right"]
MAX_FIGURE_HEIGHT_CM = 14.0  # leaves room for a heading, the caption and a few lines of text
#: A figure whose text would print smaller than :data:`MIN_PRINT_PT` at :data:`MAX_FIGURE_HEIGHT_CM` may grow
#: up to this height: with its heading, caption and source line it still fits one page.
MAX_READABLE_HEIGHT_CM = 19.0
MIN_PRINT_PT = 8.0  # the smallest figure text a printed report should have
MAX_UPSCALE = 1.5  # a small figure is printed up to this much larger than its natural size


def natural_size_cm(figure: Figure) -> tuple[float, float]:
    """Width and height of the figure at its natural size (1 SVG unit = 1/96 inch)."""
    w_px, h_px = figure.size_px
    return w_px / figure.dpi * 2.54, h_px / figure.dpi * 2.54


def figure_scale(figure: Figure, text_width_cm: float = TEXT_WIDTH_CM) -> float:
    """How much the figure is scaled on the page: up to the text width (at most
    :data:`MAX_UPSCALE` times its natural size) and no taller than :data:`MAX_FIGURE_HEIGHT_CM`;
    when that would print its text below :data:`MIN_PRINT_PT`, as large as that text needs,
    within the text width and :data:`MAX_READABLE_HEIGHT_CM`.

    >>> from socialtools.io.convert import svg_to_png
    >>> tall = Figure("x", "x", svg_to_png('<svg xmlns="http://www.w3.org/2000/svg" width="500" height="650"/>',
    ...                                    dpi=96), dpi=96, min_font=12)
    >>> round(figure_scale(tall), 3), round(printed_font_pt(tall), 2)
    (0.891, 8.01)
    """
    width_cm, height_cm = natural_size_cm(figure)
    fits_width = (text_width_cm - 0.01) / width_cm
    scale = min(MAX_UPSCALE, fits_width, MAX_FIGURE_HEIGHT_CM / height_cm)
    if figure.min_font:
        # a hair more than 8 pt needs, so that the width rounded down to 0.1 mm still gives 8 pt
        readable = MIN_PRINT_PT / (figure.min_font * 0.75) * 1.002
        if scale < readable:
            scale = min(readable, fits_width, MAX_READABLE_HEIGHT_CM / height_cm)
    return scale


def print_width_cm(figure: Figure, text_width_cm: float = TEXT_WIDTH_CM) -> float:
    """The width the figure is printed at (rounded down to 0.1 mm)."""
    return math.floor(natural_size_cm(figure)[0] * figure_scale(figure, text_width_cm) * 100) / 100


def printed_font_pt(figure: Figure, text_width_cm: float = TEXT_WIDTH_CM) -> float | None:
    """The smallest text of the figure as printed at :func:`print_width_cm`, in points (``None``
    when it has no text): its smallest font (1/96 inch at natural size) times the print scale."""
    if figure.min_font is None:
        return None
    return figure.min_font * 0.75 * print_width_cm(figure, text_width_cm) / natural_size_cm(figure)[0]
