"""Issue 13, readable figures: a genogram legend on the figure's own landscape page.

Regression: the SL case (tests/data/cases/review4-case.yaml) printed its genogram at 8 pt on a landscape
page that it fills to 1.6 cm from the bottom, and its 23-entry legend apart, in a grid on the next,
portrait page. The legend now prints as a strip (no frame, its title at the start of its first line,
the entries in lines like words, as wide as the page's text) under the drawing on the same page, at 8 pt.
"""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw.legend import LegendEntry, draw_legend_strip, legend_strip_box
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.text import text_width
from socialtools.draw.theme import Theme
from socialtools.report.case import Case
from socialtools.report.document import build_report
from socialtools.report.docx_writer import report_docx
from socialtools.report.print_size import LANDSCAPE, LANDSCAPE_FRAME_CM, MIN_PRINT_PT, figure_page, print_width_cm

SL = Path(__file__).parent / "data" / "cases" / "review4-case.yaml"


def _printed_height_cm(figure) -> float:
    """The printed height of a picture: its width on the page times its pixels' aspect."""
    w_px, h_px = figure.size_px
    return print_width_cm(figure) * h_px / w_px


def test_review4_genogram_legend_prints_under_the_drawing_on_its_landscape_page() -> None:
    report = build_report(Case.load(SL))
    genogram = next(f for f in report.figures() if f.key == "genogram")
    legend = genogram.legend
    assert legend is not None
    assert figure_page(genogram) is LANDSCAPE and figure_page(legend) is LANDSCAPE
    for part in (genogram, legend):  # the smallest text of each, as printed at its width on the page
        assert part.min_font * 0.75 * print_width_cm(part) / (part.size_px[0] / part.dpi * 2.54) >= MIN_PRINT_PT
    # drawing and legend, with the heading and the caption, fit the landscape page's text height
    assert _printed_height_cm(genogram) + _printed_height_cm(legend) + LANDSCAPE_FRAME_CM <= LANDSCAPE.text_height_cm
    xml = zipfile.ZipFile(io.BytesIO(report_docx(report))).read("word/document.xml").decode()
    caption = xml.index("Gambar 4.1")
    landscape = xml.rfind("<w:sectPr", 0, caption)  # the end of the portrait section before the figure
    # drawing and legend stand in the landscape section, before the caption; no legend on a later page
    assert xml.count("<wp:extent", landscape, caption) == 2
    assert "Keterangan Gambar 4.1:" not in xml


def test_review4_legend_strip_holds_every_legend_entry() -> None:
    from socialtools.report.document import genogram_drawing
    from socialtools.report.model import ReportOptions

    drawing = genogram_drawing(Case.load(SL), ReportOptions())
    assert drawing is not None and drawing.legend_svg is not None
    for label in ("Laki-laki", "Perempuan", "Keguguran", "ketergantungan alkohol (dalam pemulihan)",
                  "Rujuk setelah berpisah"):
        assert f">{label}<" in drawing.legend_svg
    # the household's entry: named there too only when a piece of it has no name on the drawing
    assert ">Tinggal serumah<" in drawing.legend_svg or ">Tinggal serumah: Rumah SL<" in drawing.legend_svg
    assert ">Keterangan:<" in drawing.legend_svg


labels = st.text("abcdefghij ", min_size=1, max_size=30).map(str.strip).filter(bool)


@settings(max_examples=60, deadline=None)
@given(names=st.lists(labels, min_size=1, max_size=30), width=st.floats(300, 1200))
def test_a_legend_strip_stays_within_its_width_and_its_entries_apart(names: list[str], width: float) -> None:
    theme = Theme(font_size=13, small_font_size=13)
    entries = [LegendEntry(n, lambda canvas, g, box: None) for n in names]
    box = legend_strip_box(entries, "Keterangan", width, theme)
    canvas = SvgCanvas(box.w + 2, box.h + 2, theme, title="x")
    draw_legend_strip(canvas, entries, "Keterangan", 1, 1, width)
    svg = canvas.to_string()
    texts = [(float(x), float(y), t) for x, y, t in re.findall(r'<text[^>]*? x="([0-9.]+)" y="([0-9.]+)"[^>]*>([^<]*)<',
                                                                  svg)]
    assert len(texts) == len(entries) + 1  # the title and every label
    spans = sorted((y, x, x + text_width(t, 13.0, bold=t == "Keterangan:")) for x, y, t in texts)
    for (y1, _, right1), (y2, left2, _) in itertools.pairwise(spans):
        if abs(y1 - y2) < 1e-6:
            assert right1 < left2, (spans,)  # neighbours on a line never overlap
    lines = {round(y, 3) for y, _, _ in spans}
    assert box.h <= len(lines) * (13 * 1.25 + 1.5) + 2 + 1e-6
    # a single label wider than the strip may stick out alone on its line; a line of several stays within it
    for y in lines:
        row = [s for s in spans if round(s[0], 3) == y]
        if len(row) > 1:
            assert max(r for _, _, r in row) <= 1 + width + 1e-6


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfimages") is None,
                    reason="LibreOffice and poppler-utils are not installed")
def test_review4_landscape_page_holds_drawing_legend_and_caption_in_the_pdf(tmp_path: Path) -> None:
    """Converted to PDF: the caption and both pictures (drawing, legend strip) on the one landscape page."""
    src = tmp_path / "sl.docx"
    src.write_bytes(report_docx(build_report(Case.load(SL))))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=240)
    pdf = tmp_path / "sl.pdf"
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True,
                             timeout=60).stdout.splitlines()[2:]
    pages = [int(line.split()[0]) for line in listing if line.split()[2] == "image"]
    caption_page = next(p for p in range(1, 30) if "Gambar 4.1 " in subprocess.run(
        ["pdftotext", "-f", str(p), "-l", str(p), str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout)
    assert pages.count(caption_page) == 2, (pages, caption_page)
