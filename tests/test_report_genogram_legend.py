"""Issue 13, report part: a wide genogram's legend stands beside the drawing on its landscape page.

Review 2, item 1: the reviewer's genogram (tests/data/cases/review-rt.yaml) went onto a landscape page
and its legend onto a picture of its own on the next, portrait page ("Keterangan Gambar 4.1:"): printed
double-sided, the figure and its legend were two sides of one sheet.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw.legend import legend_box, legend_rows
from socialtools.genogram import Genogram
from socialtools.report.case import Case
from socialtools.report.document import build_report, genogram_drawing, genogram_options, report_bytes
from socialtools.report.model import ReportOptions
from socialtools.report.print_size import LANDSCAPE, MIN_PRINT_PT, figure_page, printed_font_pt
from tests.strategies import blank_entries, legend_labels

REVIEW = Path(__file__).parent / "data" / "cases" / "review-rt.yaml"


def _legend_rect(svg: str) -> tuple[float, float, float, float]:
    rect = re.search(r'<g class="legend" id="legend"><rect ([^>]*)/>', svg)
    assert rect is not None
    attrs = dict(re.findall(r'(\w+)="([0-9.]+)"', rect[1]))
    return float(attrs["x"]), float(attrs["y"]), float(attrs["width"]), float(attrs["height"])


def test_reviewer_genogram_legend_is_beside_the_drawing_on_its_landscape_page() -> None:
    report = build_report(Case.load(REVIEW))
    genogram = report.figures()[0]
    assert genogram.key == "genogram" and genogram.legend is None  # no picture of its own
    assert figure_page(genogram) is LANDSCAPE
    assert printed_font_pt(genogram) >= MIN_PRINT_PT  # legend text included: one picture
    drawing = genogram_drawing(Case.load(REVIEW), ReportOptions())
    assert drawing is not None and drawing.legend_svg is None
    svg_w = float(re.search(r'<svg[^>]*?\swidth="([0-9.]+)', drawing.svg)[1])
    svg_h = float(re.search(r'<svg[^>]*?\sheight="([0-9.]+)', drawing.svg)[1])
    x, y, w, h = _legend_rect(drawing.svg)
    assert x > svg_w / 2 and x + w <= svg_w and y + h <= svg_h  # beside the drawing, inside the figure
    # one picture per figure in the Word file, and nowhere a legend printed apart
    docx = report_bytes(report, ".docx")[0]
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert xml.count("<wp:extent") == len(report.figures())
    assert "Keterangan Gambar" not in xml
    for suffix in (".md", ".html"):
        assert "Keterangan Gambar" not in report_bytes(report, suffix)[0].decode()


def test_a_wrapped_legend_beside_is_narrower_than_columns_of_whole_lines() -> None:
    genogram = Genogram(Case.load(REVIEW).family, genogram_options(ReportOptions()))
    plain = genogram.renderer("beside", notes_text=False).render()
    wrapped = genogram.renderer("beside", notes_text=False, wrap_legend=True).render()
    assert _legend_rect(wrapped)[2] < _legend_rect(plain)[2]
    assert ">Cerai mati<" in wrapped and ">(janda/duda)<" in wrapped  # wrapped at its space


@settings(max_examples=25, deadline=None)
@given(legend_labels(), st.floats(150, 700))
def test_wrapped_legend_columns_stay_within_their_height(labels: list[str], height: float) -> None:
    theme = genogram_options(ReportOptions()).theme
    entries = blank_entries(labels)
    box = legend_box(entries, "Keterangan", 10_000, theme, compact=True, fit_height=height)
    rows = legend_rows(entries, height, theme)
    whole = legend_box(entries, "Keterangan", 10_000, theme, compact=True, rows=rows)
    if box.h <= height + 1e-6:  # (a single entry may be taller than a very short drawing)
        assert box.w <= whole.w + 1e-6  # never wider than columns of whole lines
    assert box.h <= max(height, whole.h) + 1e-6


def test_report_genogram_legend_text_is_at_8pt_for_every_case() -> None:
    for path in (REVIEW, Path(__file__).parent / "data" / "cases" / "bracketed-household.yaml"):
        for figure in build_report(Case.load(path)).figures():
            for part in (figure, figure.legend):
                if part is not None:
                    assert printed_font_pt(part) >= MIN_PRINT_PT, (path.name, part.key)
