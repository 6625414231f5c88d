"""SVG to PNG and PDF, with the bundled DejaVu Sans font so text looks the same everywhere.

PNG: resvg (through the ``resvg-py`` wheel) — a complete SVG renderer in Rust shipped
inside a pip wheel, so no system library or program is needed.

>>> png = svg_to_png('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
>>> png[:4] == b"\\x89PNG"
True
"""

from __future__ import annotations

from pathlib import Path

from socialtools.errors import MissingDependencyError

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


def svg_to_pdf(svg: str) -> bytes:
    """Render ``svg`` to a vector PDF."""
    raise MissingDependencyError("PDF output is not available yet")
