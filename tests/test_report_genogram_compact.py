"""Issue 13, report part: a wide genogram prints as one figure with its legend, all text at 8 pt.

Regression: the genograms of tests/data/cases/review-ra.yaml and bracketed-household.yaml went onto a
landscape page and their legend onto a picture of its own on the next, portrait page ("Keterangan
Gambar 4.1:"): beside the drawing the legend printed at 6.6 pt, in a grid under it at 6.5 pt. The
report now draws such a genogram compact (union years by two digits, tighter gaps) with its legend
beside it in one column as tall as the landscape page allows.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw.legend import LegendEntry, legend_box
from socialtools.genogram import Genogram
from socialtools.genogram.labels import short_years_readable, union_text
from socialtools.genogram.model import Family, Union
from socialtools.report.case import Case
from socialtools.report.document import (
    REPORT_GENOGRAM_TEXT,
    build_report,
    genogram_drawing,
    genogram_options,
    report_bytes,
    smallest_font,
)
from socialtools.report.model import ReportOptions
from socialtools.report.print_size import LANDSCAPE, MIN_PRINT_PT, figure_page, printed_font_pt, readable_room
from tests.strategies import blank_entries, legend_labels

CASES = Path(__file__).parent / "data" / "cases"
WIDE = [CASES / "review-ra.yaml", CASES / "bracketed-household.yaml"]


def _size(svg: str) -> tuple[float, float]:
    w = re.search(r'<svg[^>]*?\swidth="([0-9.]+)', svg)
    h = re.search(r'<svg[^>]*?\sheight="([0-9.]+)', svg)
    assert w is not None and h is not None
    return float(w[1]), float(h[1])


def _legend_rect(svg: str) -> tuple[float, float, float, float]:
    rect = re.search(r'<g class="legend" id="legend"><rect ([^>]*)/>', svg)
    assert rect is not None, "no legend in the figure"
    attrs = dict(re.findall(r'(\w+)="([0-9.]+)"', rect[1]))
    return float(attrs["x"]), float(attrs["y"]), float(attrs["width"]), float(attrs["height"])


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("path", WIDE, ids=lambda p: p.stem)
def test_wide_genogram_legend_is_no_longer_a_picture_on_the_next_page(path: Path, lang: str) -> None:
    report = build_report(Case.load(path), ReportOptions(lang=lang))
    genogram = next(f for f in report.figures() if f.key == "genogram")
    assert genogram.legend is None  # no legend picture of its own
    assert figure_page(genogram) is LANDSCAPE
    assert printed_font_pt(genogram) >= MIN_PRINT_PT  # the legend's text is in the same picture
    assert not [w for w in report.warnings if "(genogram" in w]  # no print-size warning
    docx = report_bytes(report, ".docx")[0]
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    # one picture per figure, and one per legend printed apart (a crowded ecomap's may be; the genogram's not)
    assert xml.count("<wp:extent") == sum(1 + (f.legend is not None) for f in report.figures())
    for data in (xml, report_bytes(report, ".html")[0].decode(), report_bytes(report, ".md")[0].decode()):
        assert "Keterangan Gambar 4.1:" not in data and "Key to Figure 4.1:" not in data


@pytest.mark.parametrize("path", WIDE, ids=lambda p: p.stem)
def test_wide_genogram_legend_stands_beside_the_drawing_within_the_page(path: Path) -> None:
    case = Case.load(path)
    drawing = genogram_drawing(case, ReportOptions())
    assert drawing is not None and drawing.legend_svg is None
    width, height = _size(drawing.svg)
    x, y, w, h = _legend_rect(drawing.svg)
    compact = Genogram(case.family, genogram_options(ReportOptions(), compact=True))
    assert x >= compact.layout.width - 1e-6  # right of everything drawn
    assert x + w <= width and y + h <= height
    room_w, room_h = readable_room(REPORT_GENOGRAM_TEXT, LANDSCAPE)
    assert width <= room_w and height <= room_h  # at 8 pt it fits the landscape page's text area
    assert smallest_font(drawing.svg) == REPORT_GENOGRAM_TEXT  # no text drawn smaller to fit


def test_compact_genogram_writes_union_years_by_two_digits_only_when_needed() -> None:
    wide = genogram_drawing(Case.load(CASES / "review-ra.yaml"), ReportOptions())
    assert wide is not None and "n.'88 p.'04 rj.'10" in wide.svg and "n. 1988" not in wide.svg
    fits = genogram_drawing(Case.load(CASES / "review-rt.yaml"), ReportOptions())  # prints at 8 pt as drawn
    assert fits is not None and "n. 1994 p. 2004 rj. 2010" in fits.svg
    # the stand-alone genogram keeps its full years
    assert "n. 1988 p. 2004 rj. 2010" in Genogram(Case.load(CASES / "review-ra.yaml").family).to_svg()


def test_union_years_stay_whole_when_two_digits_would_be_ambiguous() -> None:
    family = Family.model_validate({
        "people": [{"id": "A", "sex": "male"}, {"id": "B", "sex": "female"}, {"id": "C", "sex": "male"},
                   {"id": "D", "sex": "female"}],
        "unions": [{"partners": ["A", "B"], "start": 1921}, {"partners": ["C", "D"], "start": 2021}]})
    assert not short_years_readable(family)
    svg = Genogram(family, genogram_options(ReportOptions(), compact=True)).to_svg()
    assert "n. 1921" in svg and "n. 2021" in svg
    assert union_text(Union(partners=["C", "D"], start=2021), "en", short=True) == "m.'21"


@settings(max_examples=30, deadline=None)
@given(legend_labels(), st.floats(150, 700))
def test_tight_wrapped_legend_is_never_taller_nor_wider_than_the_loose_one(labels: list[str], height: float) -> None:
    theme = genogram_options(ReportOptions()).theme
    entries = blank_entries(labels)
    loose = legend_box(entries, "Keterangan", 10_000, theme, compact=True, fit_height=height)
    tight = legend_box(entries, "Keterangan", 10_000, theme, compact=True, fit_height=height, tight=True)
    if loose.h <= height + 1e-6:
        assert tight.h <= height + 1e-6
    assert tight.w <= loose.w + 1e-6


@settings(max_examples=20, deadline=None)
@given(legend_labels(2, 20), st.floats(150, 600))
def test_tight_legend_samples_of_neighbouring_entries_stay_apart(labels: list[str], height: float) -> None:
    from socialtools.draw.legend import draw_legend
    from socialtools.draw.svg import SvgCanvas

    theme = genogram_options(ReportOptions()).theme
    boxes: list[tuple[float, float, float, float]] = []
    entries = [LegendEntry(label, lambda canvas, g, box: boxes.append((box.x, box.y, box.w, box.h)))
               for label in labels]
    draw_legend(SvgCanvas(2000, 2000, theme), entries, "Keterangan", 0, 0, 10_000, compact=True,
                fit_height=height, tight=True)
    assert len(boxes) == len(labels)
    for i, (x, y, w, h) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1:]:
            apart = x + w <= x2 or x2 + w2 <= x or y + h + 3 <= y2 or y2 + h2 + 3 <= y
            assert apart, "two legend samples touch"
