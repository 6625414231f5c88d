"""SVG to PNG and PDF, with the bundled DejaVu Sans font so text looks the same everywhere.

PNG: resvg (through the ``resvg-py`` wheel) — a complete SVG renderer in Rust shipped
inside a pip wheel, so no system library or program is needed.

PDF: svglib reads the SVG into a ReportLab drawing, and ReportLab writes it as *vector*
PDF (lines stay lines, text stays selectable text in the embedded DejaVu Sans subset).
Both are pip wheels for every platform; nothing from the system is used: every text is
set in the bundled DejaVu Sans (bold as a thin outline, like resvg's synthetic bold),
never in a font looked up on the machine, so every computer gives the same file. One SVG unit (a CSS
pixel) becomes 0.75 pt, so the page has the figure's size at 96 dpi.

>>> png = svg_to_png('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
>>> png[:4] == b"\\x89PNG"
True
>>> svg_to_pdf('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')[:5]
b'%PDF-'
"""

from __future__ import annotations

import io
import math
import re
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from socialtools.errors import MissingDependencyError, SocialToolsError, UsageError

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FONT_FILE = FONT_DIR / "DejaVuSans.ttf"
#: the faces drawings use: regular, bold (titles, the client's name), oblique (household names)
FONT_FILES = (FONT_FILE, FONT_DIR / "DejaVuSans-Bold.ttf", FONT_DIR / "DejaVuSans-Oblique.ttf")


_ROOT = re.compile(r"<svg\b[^>]*>")
_SIZE = re.compile(r"""\b(width|height)\s*=\s*["']\s*([0-9.eE+-]+)\s*(px)?\s*["']""")


def png_size(svg: str, dpi: float) -> tuple[int, int]:
    """Width and height in pixels of ``svg`` rendered at ``dpi`` (from the root's width and height).

    >>> png_size('<svg xmlns="http://www.w3.org/2000/svg" width="960" height="480"/>', 150)
    (1500, 750)
    """
    root = _ROOT.search(svg[:4096])
    size = dict((k, float(v)) for k, v, _ in _SIZE.findall(root.group() if root else ""))
    zoom = dpi / 96.0
    return (round(size.get("width", 0.0) * zoom), round(size.get("height", 0.0) * zoom))


def check_pixel_budget(svg: str, dpi: float) -> None:
    """Refuse a PNG over the pixel budget (:data:`~socialtools.io.limits.MAX_PIXELS`) with a clear error."""
    from socialtools.io.limits import MAX_PIXELS, limit

    budget = limit("SOCIALTOOLS_MAX_PIXELS", MAX_PIXELS)
    width, height = png_size(svg, dpi)
    if not (math.isfinite(width * height) and width * height <= budget):
        raise UsageError(
            f"a PNG of {width:,} × {height:,} pixels at {dpi:g} dpi is over the budget of "
            f"{budget / 1e6:g} million pixels: write .svg or .pdf, lower the dpi, or raise "
            "SOCIALTOOLS_MAX_PIXELS")


def svg_to_png(svg: str, *, dpi: float = 150) -> bytes:
    """Render ``svg`` to PNG at ``dpi`` (96 dpi = one pixel per SVG unit).

    ``dpi`` must lie in :data:`~socialtools.io.limits.DPI_RANGE` and the picture within the pixel
    budget; otherwise a :class:`~socialtools.errors.UsageError` says what to do.

    >>> svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>'
    >>> png = svg_to_png(svg, dpi=96)
    >>> png[:4], int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    (b'\x89PNG', 40, 20)
    """
    from socialtools.io.limits import check_dpi

    dpi = check_dpi(dpi)
    check_pixel_budget(svg, dpi)
    try:
        import resvg_py
    except ImportError:  # pragma: no cover - resvg-py is a dependency
        raise MissingDependencyError("PNG output needs the resvg-py package: pip install resvg-py") from None
    data = resvg_py.svg_to_bytes(
        svg_string=svg,
        zoom=dpi / 96.0,
        background="#ffffff",
        skip_system_fonts=True,
        font_files=[str(f) for f in FONT_FILES],
        font_family="DejaVu Sans",
        sans_serif_family="DejaVu Sans",
    )
    return bytes(data)


PDF_FONT_NAME = "DejaVuSans"
#: svglib's names for the four faces of the one family it is told to use (standard PDF names,
#: so svglib never asks the machine's font configuration); each becomes DejaVu Sans.
_STANDARD_FACES = {"Helvetica": (False, False), "Helvetica-Bold": (True, False),
                   "Helvetica-Oblique": (False, True), "Helvetica-BoldOblique": (True, True)}
_FONT_FAMILY = re.compile(r"""font-family(\s*=\s*"[^"]*"|\s*=\s*'[^']*'|\s*:\s*[^;"']*)""")
#: Synthetic bold (outline stroke, as resvg does for PNG) as a fraction of the font size.
BOLD_STROKE = 0.035


@cache
def _register_pdf_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(PDF_FONT_NAME, str(FONT_FILE)))


def _one_family(svg: str) -> str:
    """Every font family → Helvetica, which svglib maps without looking at the machine's fonts."""

    def replace(match: re.Match[str]) -> str:
        return "font-family:Helvetica" if match.group(1).lstrip().startswith(":") else 'font-family="Helvetica"'

    return _FONT_FAMILY.sub(replace, svg)


@cache
def _bold_string() -> Any:
    """A ReportLab ``String`` that may carry its own outline colour and width."""
    from reportlab.graphics.shapes import String
    from reportlab.lib.attrmap import AttrMap, AttrMapValue
    from reportlab.lib.validators import isColorOrNone, isNumber

    class BoldString(String):
        _attrMap = AttrMap(BASE=String, strokeColor=AttrMapValue(isColorOrNone),
                           strokeWidth=AttrMapValue(isNumber))

    return BoldString


def _use_bundled_font(node: Any) -> None:
    """Swap svglib's Helvetica faces for DejaVu Sans; bold becomes fill plus a thin outline."""
    contents = getattr(node, "contents", None)
    if contents is None:
        return
    for i, child in enumerate(contents):
        _use_bundled_font(child)
        face = _STANDARD_FACES.get(getattr(child, "fontName", None) or "")
        if face is None:
            continue
        child.fontName = PDF_FONT_NAME
        if face[0]:
            props = {k: v for k, v in child.getProperties().items() if k not in ("x", "y", "text")}
            contents[i] = _bold_string()(child.x, child.y, child.text, **props, textRenderMode=2,
                                         strokeColor=child.fillColor, strokeWidth=child.fontSize * BOLD_STROKE)


def _pdf_libraries() -> tuple[Any, Any]:
    try:
        from reportlab.graphics import renderPDF
        from svglib.svglib import svg2rlg
    except ImportError:  # pragma: no cover - svglib and reportlab are dependencies
        raise MissingDependencyError(
            "PDF output needs svglib and reportlab: pip install svglib reportlab"
        ) from None
    return svg2rlg, renderPDF


def svg_to_pdf(svg: str) -> bytes:
    """Render ``svg`` to a one-page vector PDF the size of the figure (same input → same bytes).

    >>> svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>'
    >>> svg_to_pdf(svg)[:5], svg_to_pdf(svg) == svg_to_pdf(svg)
    (b'%PDF-', True)
    """
    svg2rlg, render_pdf = _pdf_libraries()
    _register_pdf_font()
    try:  # svglib silently "recovers" broken XML into an empty page: check it first
        root = ElementTree.fromstring(svg.encode("utf-8"))
    except ElementTree.ParseError as exc:
        raise SocialToolsError(
            f"cannot convert the figure to PDF: the SVG is not valid XML ({exc})"
        ) from None
    if not root.tag.endswith("svg"):
        raise SocialToolsError(f"cannot convert the figure to PDF: <{root.tag}> is not an SVG document")
    try:
        drawing = svg2rlg(io.BytesIO(_one_family(svg).encode("utf-8")))
    except Exception as exc:  # svglib raises lxml and parsing errors of several kinds
        raise SocialToolsError(f"cannot convert the figure to PDF: {exc}") from None
    if drawing is None:
        raise SocialToolsError("cannot convert the figure to PDF: the SVG could not be read")
    _use_bundled_font(drawing)
    return bytes(render_pdf.drawToString(drawing, invariant=1))
