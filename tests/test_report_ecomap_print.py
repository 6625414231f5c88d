"""Issue 13, report part: ecomaps with many long-named systems print their text at 8 pt or more.

The reviewer's case (tests/data/cases/review-rt.yaml: twelve systems, two of them with long names)
printed its ecomaps at 5.5-5.7 pt: every circle as large as the longest name, the names shrunk.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw.legend import LegendEntry, legend_box
from socialtools.draw.text import text_width
from socialtools.ecomap import EcomapDiagram
from socialtools.ecomap.layout import SYSTEM_FONT, _line_corners, label_radius, layout_ecomap, narrow_label
from socialtools.ecomap.model import Ecomap
from socialtools.ecomap.render import scaled_theme
from socialtools.examples import example_path
from socialtools.report.case import Case
from socialtools.report.document import REPORT_ECOMAP_TEXT, build_report
from socialtools.report.docx_writer import report_docx
from socialtools.report.print_size import (
    MIN_PRINT_PT,
    PORTRAIT,
    figure_page,
    figure_scale,
    natural_size_cm,
    printed_font_pt,
)
from tests.test_report_figures import picture_widths_cm

CASES = Path(__file__).parent / "data" / "cases"
PATHS = {"pk": example_path("pk.yaml"), "review-rt": CASES / "review-rt.yaml",
         "review-ra": CASES / "review-ra.yaml", "bracketed-household": CASES / "bracketed-household.yaml"}


@pytest.mark.parametrize("name", sorted(PATHS))
def test_every_figure_of_the_case_prints_at_8pt_on_its_page(name: str) -> None:
    """Printed size from the figure's smallest font and the width the DOCX places it at (the page
    geometry), for every figure and every legend printed apart; and no under-8-pt warning."""
    report = build_report(Case.load(PATHS[name]))
    parts = [p for f in report.figures() for p in (f, f.legend) if p is not None]
    widths = picture_widths_cm(report_docx(report))
    assert len(widths) == len(parts)
    for part, placed_cm in zip(parts, widths, strict=True):
        printed = part.min_font * 0.75 * placed_cm / natural_size_cm(part)[0]
        assert printed >= MIN_PRINT_PT, (part.key, round(printed, 2))
        assert printed_font_pt(part) >= MIN_PRINT_PT
        assert placed_cm <= figure_page(part).text_width_cm
    assert report.warnings == []


def test_reviewer_ecomaps_print_on_a_portrait_page_at_8pt() -> None:
    """Regression (review 2, item 1): Gambar 4.2/4.4/4.5 printed at 5.5/5.5/5.7 pt."""
    report = build_report(Case.load(CASES / "review-rt.yaml"))
    ecomaps = [f for f in report.figures() if f.key.startswith("ecomap")]
    assert [f.key for f in ecomaps] == ["ecomap", "ecomap_before", "ecomap_after"]
    for figure in ecomaps:
        assert figure_page(figure) is PORTRAIT
        assert printed_font_pt(figure) >= MIN_PRINT_PT
        scale = printed_font_pt(figure) / (figure.min_font * 0.75)
        assert natural_size_cm(figure)[1] * scale <= PORTRAIT.readable_height_cm


def test_review_ra_ecomaps_printed_at_6_9_pt_now_print_at_8pt() -> None:
    """Regression (issue 13, "Readable figures"): the RA case's twelve long-named systems on a round
    ring made its ecomaps 22.7 cm wide, printed at 0.62 to the 14 cm text width: 6.92 pt. On the
    upright ellipse of the narrow layout they print at 8 pt within the text width and the page's
    readable height (computed as benchmarks/report_figures.py does)."""
    report = build_report(Case.load(CASES / "review-ra.yaml"))
    ecomaps = [f for f in report.figures() if f.key.startswith("ecomap")]
    assert [f.key for f in ecomaps] == ["ecomap", "ecomap_before", "ecomap_after"]
    for figure in ecomaps:
        assert figure_page(figure) is PORTRAIT
        assert printed_font_pt(figure) >= MIN_PRINT_PT, (figure.key, printed_font_pt(figure))
        scale = figure_scale(figure)
        width, height = natural_size_cm(figure)
        assert width * scale <= PORTRAIT.text_width_cm
        assert height * scale <= PORTRAIT.readable_height_cm
    assert not [w for w in report.warnings if "ecomap" in w]


LONG = ["Lembaga Kesejahteraan Sosial Anak Harapan (dipertimbangkan sebagai rujukan)",
        "Rumah sakit jiwa (dipertimbangkan)", "Puskesmas", "Dinas Sosial", "Psikolog/terapis",
        "Sekolah Luar Biasa Negeri Pembina Tingkat Nasional", "RT", "Kelompok arisan ibu-ibu"]


@settings(max_examples=12, deadline=None)
@given(st.lists(st.sampled_from(LONG), min_size=3, max_size=14), st.sampled_from([1.0, 1.5]))
def test_narrow_circles_hold_their_labels_whole_at_one_size(names: list[str], text: float) -> None:
    systems = [{"id": f"s{i}", "name": n} for i, n in enumerate(names)]
    eco = Ecomap.model_validate({"focal": "RT", "systems": systems, "ties": [{"system": s["id"]} for s in systems]})
    lay = layout_ecomap(eco, text=text, narrow=True)
    assert lay.quality.defects == 0, lay.quality.examples
    names_of = {s.id: s.name for s in eco.systems}
    for place in lay.systems:
        name = names_of[place.id]
        assert place.label.size == SYSTEM_FONT * text  # never shrunk
        assert " ".join(place.label.lines).replace("/ ", "/") == name  # every word whole, in order
        for x, y in _line_corners(place.label):
            assert math.dist((x, y), place.circle.center) <= place.circle.r + 1e-6
    # a short name gets a smaller circle than the longest one
    radii = {s.label.lines: s.circle.r for s in lay.systems}
    if len({len(" ".join(k)) for k in radii}) > 1:
        assert min(radii.values()) < max(radii.values())


def test_narrow_label_is_no_wider_a_circle_than_one_line() -> None:
    for name in LONG:
        block = narrow_label(name, 15.0)
        one_line = text_width(name, 15.0) / 2
        assert label_radius(block) <= max(one_line, label_radius(narrow_label(name.split()[0], 15.0))) + 1e-6


def test_one_long_name_widens_one_circle_not_the_ring() -> None:
    """Regression: twelve systems, one long name: every circle was as large as that name's."""
    systems = [{"id": f"s{i}", "name": f"Sistem {i}"} for i in range(11)]
    systems.append({"id": "lks", "name": LONG[0]})
    eco = Ecomap.model_validate({"focal": "RT", "systems": systems, "ties": [{"system": s["id"]} for s in systems]})
    wide, narrow = layout_ecomap(eco, text=1.5), layout_ecomap(eco, text=1.5, narrow=True)
    assert narrow.quality.defects == 0
    assert narrow.bounds.w < 0.85 * wide.bounds.w
    big = next(s for s in narrow.systems if s.id == "lks").circle.r
    assert all(s.circle.r < 0.75 * big for s in narrow.systems if s.id != "lks")


def test_report_ecomap_draws_every_text_at_one_size() -> None:
    svg = EcomapDiagram.from_document(Case.load(CASES / "review-rt.yaml").document, text=REPORT_ECOMAP_TEXT,
                                      header=False, compact_legend=True, narrow=True).to_svg()
    sizes = {float(v) for v in re.findall(r'font-size="([0-9.]+)"', svg)}
    assert min(sizes) == SYSTEM_FONT * REPORT_ECOMAP_TEXT


def test_flowing_legend_is_lower_than_the_grid_and_within_its_width() -> None:
    theme = scaled_theme(False, 1.5, narrow=True)
    words = ["Kuat", "Sedang", "Lemah", "Renggang / rapuh", "Penuh tekanan (stres)", "Konflik", "Terputus",
             "Arah aliran energi/dukungan (ke penerima)", "Aliran energi/dukungan dua arah", "Keluarga besar",
             "Teman/sebaya", "Pendidikan", "Pekerjaan/pelatihan", "Kesehatan", "Agama"]
    entries = [LegendEntry(w, lambda canvas, g, box: None) for w in words]
    grid = legend_box(entries, "Keterangan", 620, theme, compact=True)
    flow = legend_box(entries, "Keterangan", 620, theme, compact=True, flow=True)
    assert flow.h < grid.h and flow.w <= 620
