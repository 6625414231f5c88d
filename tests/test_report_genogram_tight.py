"""Issue 13, readable figures: the report's tightest genogram.

Regressions: the SL case (tests/data/cases/review4-case.yaml, a sibship of thirteen) printed its
genogram at 5.15 pt even on a landscape page; the DW case (kasus-wijaya.yaml, review 5 R5) printed at
8 pt only with its 25-entry legend alone on the next, portrait page, the landscape page half empty.
When the compact genogram cannot print with its legend at 8 pt, the report draws the tightest one:
names and roles wrapped at their spaces where the tallest label of their row leaves room (the rows no
taller), symbols of 28 units, gaps of 6, the legend's samples narrower.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw.text import TextBlock
from socialtools.genogram import Genogram, GenogramComparison
from socialtools.genogram.labels import narrowed
from socialtools.report.case import Case
from socialtools.report.document import build_report, genogram_drawing, genogram_options, report_bytes
from socialtools.report.model import ReportOptions
from socialtools.report.print_size import LANDSCAPE, MIN_PRINT_PT, figure_page, printed_font_pt

CASES = Path(__file__).parent / "data" / "cases"


def test_sibship_of_thirteen_genogram_prints_at_8pt_on_its_landscape_page() -> None:
    """Review 4's SL case: 5.15 pt before; now at 8 pt, the client's sibship still on one row
    (thirteen people with the in-laws), in the order of the compact drawing."""
    case = Case.load(CASES / "review4-case.yaml")
    report = build_report(case)
    genogram = next(f for f in report.figures() if f.key == "genogram")
    assert figure_page(genogram) is LANDSCAPE
    assert printed_font_pt(genogram) >= MIN_PRINT_PT
    assert genogram.legend is None or printed_font_pt(genogram.legend) >= MIN_PRINT_PT
    assert not [w for w in report.warnings if "(genogram" in w]
    compact = Genogram(case.family, genogram_options(ReportOptions(), compact=True)).layout
    tight = Genogram(case.family, genogram_options(ReportOptions(), compact=True, tight=True, margin=10.0)).layout
    parents = max(case.family.unions, key=lambda u: len(u.children))  # the client's parents
    kids = [c.id for c in parents.children]
    assert len({tight.nodes[k].row for k in kids}) == 1  # one row
    # in the order the report's drawing gives them (the tightest drawing moves nobody)
    assert sorted(kids, key=lambda k: tight.nodes[k].x) == sorted(kids, key=lambda k: compact.nodes[k].x)


def test_wide_genogram_legend_stands_beside_it_on_the_landscape_page_not_alone_on_the_next() -> None:
    """Review 5, R5: the DW case's legend printed alone on a portrait page after its landscape page."""
    report = build_report(Case.load(CASES / "kasus-wijaya.yaml"))
    genogram = next(f for f in report.figures() if f.key == "genogram")
    assert genogram.legend is None
    assert figure_page(genogram) is LANDSCAPE and printed_font_pt(genogram) >= MIN_PRINT_PT
    xml = zipfile.ZipFile(io.BytesIO(report_bytes(report, ".docx")[0])).read("word/document.xml").decode()
    assert "Keterangan Gambar 4.1:" not in xml


@pytest.mark.parametrize("name", ["kasus-wijaya", "review4-case"])
def test_narrowed_labels_keep_every_row_as_tall_and_the_drawing_no_wider(name: str) -> None:
    family = Case.load(CASES / f"{name}.yaml").family
    base = genogram_options(ReportOptions(), compact=True, tight=True)
    from dataclasses import replace

    wide = Genogram(family, replace(base, narrow_labels=False)).layout
    narrow = Genogram(family, base).layout
    assert narrow.height <= wide.height + 1e-6
    assert narrow.width <= wide.width + 1e-6
    for row, people in narrow.rows.items():
        assert max(narrow.nodes[p].label.height for p in people) <= max(wide.nodes[p].label.height
                                                                          for p in wide.rows[row]) + 1e-6


def test_the_tightest_genogram_narrows_the_drawing_of_long_names() -> None:
    """The DW case's long names (Agus Santoso, Sri Wahyuni, ...) wrap: its drawing is narrower."""
    family = Case.load(CASES / "kasus-wijaya.yaml").family
    compact = Genogram(family, genogram_options(ReportOptions(), compact=True)).layout
    tight = Genogram(family, genogram_options(ReportOptions(), compact=True, tight=True)).layout
    assert tight.width < 0.92 * compact.width
    lines = {line for node in tight.nodes.values() for line in node.label.lines}
    assert {"Agus", "Santoso", "Sri", "Wahyuni"} <= lines


words = st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9), min_size=1, max_size=4).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.one_of(words, st.integers(1900, 2025).map(lambda y: f"l. {y}")), min_size=1, max_size=4),
       extra=st.integers(0, 3))
def test_a_narrowed_label_keeps_its_words_and_dates_within_its_line_budget(lines: list[str], extra: int) -> None:
    block = TextBlock(tuple(lines), 13.0)
    budget = len(lines) + extra
    out = narrowed(block, budget)
    assert len(out.lines) <= max(budget, len(lines))
    assert out.width <= block.width + 1e-9
    assert " ".join(out.lines).split() == " ".join(lines).split()  # no word lost, cut or reordered
    dates = [line for line in lines if line.startswith("l. ")]
    assert all(d in out.lines for d in dates)  # a line of dates is never broken


def test_a_comparison_refuses_narrow_labels() -> None:
    from socialtools.errors import UsageError

    family = Case.load(CASES / "kasus-wijaya.yaml").family
    with pytest.raises(UsageError, match="narrow_labels"):
        GenogramComparison(family, 2000, 2020, narrow_labels=True)


def test_a_genogram_that_prints_at_8pt_as_drawn_keeps_its_whole_names() -> None:
    """The tightest drawing only when the compact one does not print at 8 pt: the reviewer's case keeps
    its names on one line."""
    drawing = genogram_drawing(Case.load(CASES / "review-rt.yaml"), ReportOptions())
    assert drawing is not None
    ordinary = Genogram(Case.load(CASES / "review-rt.yaml").family, genogram_options(ReportOptions())).layout
    whole = {node.label.lines[0] for node in ordinary.nodes.values() if node.label.lines}
    assert all(f">{name}<" in drawing.svg for name in whole if " " in name)
