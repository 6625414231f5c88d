"""Issue 13, report part: figures readable at print size and pages not left mostly empty."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.ecomap import EcomapDiagram
from socialtools.ecomap.samples import generated_ecomap
from socialtools.examples import load_example
from socialtools.io.convert import svg_to_png
from socialtools.report.case import Case
from socialtools.report.document import REPORT_TEXT, build_report, smallest_font
from socialtools.report.docx_writer import (
    MAX_FIGURE_HEIGHT_CM,
    MAX_UPSCALE,
    TEXT_WIDTH_CM,
    figure_scale,
    natural_size_cm,
    printed_font_pt,
    report_docx,
)
from socialtools.report.model import Figure


@pytest.fixture(scope="module")
def pk_report():
    return build_report(Case.from_document(load_example("pk.yaml")))


def test_genogram_text_prints_at_8pt_or_more(pk_report) -> None:
    """Issue 13: the genogram labels came out at about 5-6 pt in the report."""
    genogram = next(f for f in pk_report.figures() if f.key == "genogram")
    assert genogram.min_font is not None and printed_font_pt(genogram) >= 8.0


def test_report_figures_print_larger_text_than_the_screen_figures(pk_report) -> None:
    for figure in pk_report.figures():
        assert figure.min_font is not None and figure.min_font >= 9.0 * min(REPORT_TEXT, 11 / 9)


def figure(width: int, height: int, font: float = 9.0) -> Figure:
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"/>'
    return Figure("x", "x", svg_to_png(svg, dpi=96), dpi=96, min_font=font)


@pytest.mark.parametrize(("w", "h"), [(100, 100), (300, 150), (2000, 300), (300, 2000), (1200, 1200)])
def test_figures_fit_the_text_width_and_height_and_small_ones_grow(w: int, h: int) -> None:
    f = figure(w, h)
    scale = figure_scale(f)
    width, height = natural_size_cm(f)
    assert width * scale <= TEXT_WIDTH_CM and height * scale <= MAX_FIGURE_HEIGHT_CM + 1e-9
    assert scale <= MAX_UPSCALE
    if width * MAX_UPSCALE <= TEXT_WIDTH_CM and height * MAX_UPSCALE <= MAX_FIGURE_HEIGHT_CM:
        assert scale == MAX_UPSCALE  # a small figure is printed larger, not left tiny
    assert printed_font_pt(f) == pytest.approx(9.0 * 0.75 * scale)


def test_smallest_font_reads_every_text() -> None:
    svg = EcomapDiagram.from_document(load_example("pk.yaml"), text=1.5).to_svg()
    assert smallest_font(svg) >= 9.0 * 1.5 * 0.999


@settings(max_examples=6, deadline=None)
@given(st.integers(3, 16), st.integers(0, 1000), st.sampled_from([None, 1, 2, 4]))
def test_ecomaps_with_print_size_text_keep_a_clean_layout(svgcheck, n: int, seed: int, household) -> None:
    eco, family = generated_ecomap(n, seed=seed, household=household)
    diagram = EcomapDiagram(eco, family, text=REPORT_TEXT)
    assert diagram.layout.quality.defects == 0, diagram.layout.quality.examples
    assert svgcheck.check(diagram.to_svg(), is_text=True)["defects_total"] == 0


def page_fill(png: Path) -> float:
    """How far down the text area of a page its lowest ink reaches (0 = empty, 1 = full)."""
    from PIL import Image

    image = Image.open(png).convert("L")
    w, h = image.size
    px = image.load()
    last = max((y for y in range(h) if any(px[x, y] < 200 for x in range(0, w, 2))), default=0)
    top, bottom = h * 3 / 29.7, h - h * 3 / 29.7  # the report's top and bottom margins
    return (last - top) / (bottom - top)


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice and poppler-utils are not installed")
def test_no_page_is_left_mostly_empty(pk_report, tmp_path: Path) -> None:
    """Figures move to the next page only with the page before at least half full."""
    src = tmp_path / "pk.docx"
    src.write_bytes(report_docx(pk_report))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=240)
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(tmp_path / "pk.pdf"), str(tmp_path / "page")],
                   check=True, capture_output=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 4
    fills = [round(page_fill(p), 2) for p in pages[:-1]]
    assert min(fills) >= 0.45, fills
