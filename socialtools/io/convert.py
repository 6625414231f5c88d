"""SVG to PNG and PDF, with the bundled DejaVu Sans font so text looks the same everywhere.

PNG: resvg (through the ``resvg-py`` wheel) — a complete SVG renderer in Rust shipped
inside a pip wheel, so no system library or program is needed.

PDF: svglib reads the SVG into a ReportLab drawing, and ReportLab writes it as *vector*
PDF (lines stay lines, text stays selectable text in the embedded DejaVu Sans subset).
Both are pip wheels for every platform; nothing from the system is used (fonts are never
looked up on the machine, so every computer gives the same file). One SVG unit (a CSS
pixel) becomes 0.75 pt, so the page has the figure's size at 96 dpi.

>>> png = svg_to_png('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
>>> png[:4] == b"\\x89PNG"
True
>>> svg_to_pdf('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')[:5]
b'%PDF-'
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from socialtools.errors import MissingDependencyError, SocialToolsError

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FONT_FILE = FONT_DIR / "DejaVuSans.ttf"


def svg_to_png(svg: str, *, dpi: float = 150) -> bytes:
    """Render ``svg`` to PNG at ``dpi`` (96 dpi = one pixel per SVG unit)."""
    try:
        import resvg_py
    except ImportError:  # pragma: no cover - resvg-py is a dependency
        raise MissingDependencyError("PNG output needs the resvg-py package: pip install resvg-py") from None
    data = resvg_py.svg_to_bytes(
        svg_string=svg,
        zoom=dpi / 96.0,
        background="#ffffff",
        skip_system_fonts=True,
        font_files=[str(FONT_FILE)],
        font_family="DejaVu Sans",
        sans_serif_family="DejaVu Sans",
    )
    return bytes(data)


#: SVG font names that are drawn with the bundled DejaVu Sans in PDF output.
PDF_FONT_ALIASES = ("DejaVu Sans", "Verdana", "Arial", "Helvetica", "sans-serif", "sans")
PDF_FONT_NAME = "DejaVuSans"


@cache
def _register_pdf_fonts() -> None:
    """Map every sans-serif family the themes use (all weights and styles) to DejaVu Sans."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        from svglib.fonts import register_font
    except ImportError:  # pragma: no cover - svglib before 1.6 kept it in svglib.svglib
        from svglib.svglib import register_font

    pdfmetrics.registerFont(TTFont(PDF_FONT_NAME, str(FONT_FILE)))
    for family in PDF_FONT_ALIASES:
        for weight in ("normal", "bold"):
            for style in ("normal", "italic"):
                register_font(family, weight=weight, style=style, rlgFontName=PDF_FONT_NAME)


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
    """Render ``svg`` to a one-page vector PDF the size of the figure (same input → same bytes)."""
    svg2rlg, render_pdf = _pdf_libraries()
    _register_pdf_fonts()
    try:  # svglib silently "recovers" broken XML into an empty page: check it first
        root = ElementTree.fromstring(svg.encode("utf-8"))
    except ElementTree.ParseError as exc:
        raise SocialToolsError(
            f"cannot convert the figure to PDF: the SVG is not valid XML ({exc})"
        ) from None
    if not root.tag.endswith("svg"):
        raise SocialToolsError(f"cannot convert the figure to PDF: <{root.tag}> is not an SVG document")
    try:
        drawing = svg2rlg(io.BytesIO(svg.encode("utf-8")))
    except Exception as exc:  # svglib raises lxml and parsing errors of several kinds
        raise SocialToolsError(f"cannot convert the figure to PDF: {exc}") from None
    if drawing is None:
        raise SocialToolsError("cannot convert the figure to PDF: the SVG could not be read")
    return bytes(render_pdf.drawToString(drawing, invariant=1))
