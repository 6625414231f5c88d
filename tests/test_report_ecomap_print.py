"""Issue 13, report part: ecomaps with many long-named systems print their text at 8 pt or more.

The reviewer's case (tests/data/cases/review-rt.yaml: twelve systems, two of them with long names)
printed its ecomaps at 5.5-5.7 pt: every circle as large as the longest name, the names shrunk.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw.geometry import segment_circle_distance
from socialtools.draw.legend import LegendEntry, legend_box
from socialtools.draw.text import text_width
from socialtools.ecomap import EcomapDiagram
from socialtools.ecomap.layout import SYSTEM_FONT, _line_corners, label_radius, layout_ecomap, narrow_label
from socialtools.ecomap.model import Ecomap
from socialtools.ecomap.placements import SystemPlace
from socialtools.ecomap.render import category_name, scaled_theme
from socialtools.examples import example_path
from socialtools.report.case import Case
from socialtools.report.document import REPORT_ECOMAP_TEXT, build_report, ecomap_drawing
from socialtools.report.docx_writer import report_docx
from socialtools.report.model import ReportOptions
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
    assert not [w for w in report.warnings if "prints its smallest text" in w]  # a route warning may stand


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


MANY = {n: CASES / f"many-systems-{n}.yaml" for n in (15, 18, 24)}
#: printed size of the report's ecomap of each case on round rings (benchmarks/report_figures.py
#: before the two-ring print layout): 5.21, 5.85 and 3.02 pt
ROUND_RINGS_PT = {15: 5.21, 18: 5.85, 24: 3.02}


@pytest.mark.parametrize("n", sorted(MANY))
def test_many_long_named_systems_print_larger_on_two_upright_ellipses(n: int) -> None:
    """Regression (issue 13, "Readable figures"): from 15 systems the report's ecomap stood them on
    two round rings as wide as they were tall, and printed its text at 5.2 (15 systems), 5.9 (18)
    and 3.0 pt (24); on two upright ellipses, staggered, the narrow circles' drawing is as tall as the
    portrait page allows and prints at least half a point larger (computed as the benchmark does)."""
    report = build_report(Case.load(MANY[n]))
    ecomaps = [f for f in report.figures() if f.key.startswith("ecomap")]
    assert ecomaps
    for figure in ecomaps:
        printed = printed_font_pt(figure)
        assert printed is not None and printed >= ROUND_RINGS_PT[n] + 0.5, (figure.key, printed)
        width, height = natural_size_cm(figure)
        scale = figure_scale(figure)
        assert width * scale <= PORTRAIT.text_width_cm and height * scale <= PORTRAIT.readable_height_cm + 0.01


def _ring_of(place: SystemPlace) -> float:
    """How far from the centre a system circle's inner edge stands."""
    c = place.circle
    return math.hypot(c.cx, c.cy) - c.r


@pytest.mark.parametrize("n", sorted(MANY))
def test_many_systems_alternate_inner_and_outer_ring_clear_of_each_other(n: int, svgcheck: ModuleType) -> None:
    """The print layout of 15+ systems: every other system on the outer ellipse (its inner edge
    further out than both its neighbours' on the inner one, round the top and bottom where the
    page has height), no circle on another, every tie clear of the circles it does not join, every
    label whole inside its circle (the layout's own count and svgcheck's)."""
    case = Case.load(MANY[n])
    diagram = EcomapDiagram.from_document(case.document, text=REPORT_ECOMAP_TEXT, header=False,
                                          compact_legend=True, narrow=True)
    lay = diagram.layout
    assert lay.quality.defects == 0, lay.quality.examples
    assert len(lay.systems) == n
    circles = [lay.focal, *(s.circle for s in lay.systems)]
    for i, a in enumerate(circles):
        for b in circles[i + 1:]:
            assert math.dist(a.center, b.center) >= a.r + b.r - 1e-6
    members = {m.id for m in lay.members}
    for t in lay.ties:
        ends = {t.tie.system, t.tie.target} | ({"focal"} if t.tie.target in members else set())
        for s in lay.systems:
            if s.id in ends:
                continue
            for p, q in zip(t.points, t.points[1:], strict=False):
                assert segment_circle_distance(p, q, s.circle.center) >= s.circle.r - 0.5, (t.tie.describe(), s.id)
    # two rings: near the top and bottom (|y| > |x|), an outer system stands further out than its inner neighbours
    order = sorted(lay.systems, key=lambda s: math.atan2(s.circle.cx, -s.circle.cy) % (2 * math.pi))
    outward = [_ring_of(s) > max(_ring_of(order[i - 1]), _ring_of(order[(i + 1) % n])) + 20
               for i, s in enumerate(order) if abs(s.circle.cy) > abs(s.circle.cx)]
    assert sum(outward) >= 3, outward
    result = svgcheck.check(diagram.to_svg(), is_text=True)
    assert result["defects_total"] == 0, result["counts"]


@st.composite
def _many_systems(draw: st.DrawFn) -> Ecomap:
    """15 to 20 systems with long names, tied to the client, some with labels, a few to each other."""
    names = draw(st.lists(st.sampled_from(LONG), min_size=15, max_size=20))
    systems = [{"id": f"s{i}", "name": n} for i, n in enumerate(names)]
    ties: list[dict[str, object]] = []
    for s in systems:
        tie: dict[str, object] = {"system": s["id"], "strength": draw(st.sampled_from(["strong", "weak", "tenuous"]))}
        if draw(st.integers(0, 4)) == 0:
            tie["label"] = draw(st.sampled_from(["kartu tidak aktif", "sengketa", "rujukan 2024"]))
        ties.append(tie)
    for a, b in draw(st.lists(st.tuples(st.integers(0, len(names) - 1), st.integers(0, len(names) - 1)),
                              max_size=2)):
        if a != b and not any(t["system"] == f"s{b}" and t.get("to") == f"s{a}" for t in ties):
            ties.append({"system": f"s{a}", "to": f"s{b}"})
    return Ecomap.model_validate({"focal": "RT", "systems": systems, "ties": ties})


@settings(max_examples=4, deadline=None)
@given(_many_systems())
def test_many_systems_print_layout_has_no_defect(eco: Ecomap) -> None:
    """Any 15 to 20 long-named systems on the two-ring print layout: no circle on another, no tie
    through a circle it does not join, every tie label placed clear, every name whole in its circle."""
    lay = layout_ecomap(eco, text=REPORT_ECOMAP_TEXT, narrow=True)
    assert lay.quality.defects == 0, lay.quality.examples
    names_of = {s.id: s.name for s in eco.systems}
    for place in lay.systems:
        assert " ".join(place.label.lines).replace("/ ", "/") == names_of[place.id]
        assert all(math.dist(p, place.circle.center) <= place.circle.r + 1e-6 for p in _line_corners(place.label))


#: printed size of each case's ecomap before the legend could be printed apart and the report's ecomap
#: text grew (benchmarks/report_figures.py): 7.61, 7.03 and 5.94 pt
LEGEND_UNDER_PT = {15: 7.61, 18: 7.03, 24: 5.94}


@pytest.mark.parametrize("n", [15, 18])
def test_many_systems_15_and_18_print_every_text_at_8pt(n: int, svgcheck: ModuleType) -> None:
    """Regression (issue 13, "Readable figures"): the report's ecomaps of 15 and 18 long-named systems
    printed at 7.61 and 7.03 pt. With larger text (its drawing grows more slowly than its text), circles
    as small as their labels and, when the legend under the drawing keeps it under 8 pt, the legend
    printed apart (the drawing then as tall as the page allows), every printed text, the legend's too,
    is 8 pt or more; the drawing keeps every name whole and has no defect (the layout's count and
    svgcheck's), and the legend printed apart lists every category and tie kind the ecomap uses."""
    case = Case.load(MANY[n])
    report = build_report(case)
    ecomaps = [f for f in report.figures() if f.key.startswith("ecomap")]
    assert ecomaps
    for figure in ecomaps:
        for part in (figure, figure.legend):
            if part is None:
                continue
            page = figure_page(part)
            printed = printed_font_pt(part, page)
            assert printed is not None and printed >= MIN_PRINT_PT > LEGEND_UNDER_PT[n], (part.key, printed)
            width, height = natural_size_cm(part)
            assert width * figure_scale(part) <= page.text_width_cm
            assert height * figure_scale(part) <= page.readable_height_cm + 0.01
    assert not [w for w in report.warnings if "ecomap" in w]
    drawing = ecomap_drawing(case, ReportOptions())
    assert drawing is not None
    result = svgcheck.check(drawing.svg, is_text=True)
    assert result["defects_total"] == 0, result["counts"]
    eco = EcomapDiagram.from_document(case.document, narrow=True)
    if drawing.legend_svg is not None:  # the drawing alone: the legend, complete, is the picture under it
        assert 'id="legend"' not in drawing.svg
        for category in eco.ecomap.categories_used():
            assert category_name(category, "id") in drawing.legend_svg, category
        for word in ("Kuat", "Sedang", "Lemah", "Renggang", "Penuh tekanan", "Konflik", "Terputus"):
            assert word in drawing.legend_svg, word
