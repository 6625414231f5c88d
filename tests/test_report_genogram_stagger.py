"""Issue 13, readable figures: a crowded sibship's labels on two heights in the report's genogram.

Regression: tests/data/cases/thirty-children.yaml (a sibship of thirty on one row) printed its genogram
at 2.78 pt even on a landscape page: each child's label ("Anak Nomor 10", "l. 2000") set the width of its
place. When the tightest drawing is still too wide, the report staggers the labels of a sibship whose
children have no partner or children (nothing runs down through their labels): every second child's
label stands lower, each may wrap its name on a line more, and a label need only clear the next but one.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw.text import TextBlock
from socialtools.genogram import Genogram
from socialtools.genogram.layout import layout_family, staggered_labels
from socialtools.genogram.model import Family
from socialtools.genogram.placements import LayoutConfig
from socialtools.report.case import Case
from socialtools.report.document import build_report, genogram_drawing, genogram_options
from socialtools.report.model import ReportOptions
from socialtools.report.print_size import LANDSCAPE, MIN_PRINT_PT, figure_page

THIRTY = Path(__file__).parent / "data" / "cases" / "thirty-children.yaml"


def _printed_pt(svg: str) -> float:
    """The smallest text of a landscape figure as printed at the page's text width (or its natural size
    times 1.5 at most), from the SVG's font sizes and width."""
    natural_cm = float(re.search(r'<svg[^>]*?\swidth="([0-9.]+)', svg)[1]) / 96 * 2.54
    smallest = min(float(v) for v in re.findall(r'font-size="([0-9.]+)"', svg))
    return smallest * 0.75 * min(1.5, (LANDSCAPE.text_width_cm - 0.01) / natural_cm)


def test_thirty_children_genogram_prints_at_8pt_on_a_landscape_page() -> None:
    """2.78 pt before."""
    case = Case.load(THIRTY)
    drawing = genogram_drawing(case, ReportOptions())
    assert drawing is not None
    assert _printed_pt(drawing.svg) >= MIN_PRINT_PT
    report = build_report(case)
    genogram = report.figures()[0]
    assert figure_page(genogram) is LANDSCAPE
    assert not [w for w in report.warnings if "(genogram" in w]
    assert ">Keterangan" in drawing.svg + (drawing.legend_svg or "")


def test_thirty_children_stay_on_one_row_in_birth_order_under_one_bar() -> None:
    family = Case.load(THIRTY).family
    lay = Genogram(family, genogram_options(ReportOptions(), compact=True, tight=True, margin=10.0,
                                            stagger=True)).layout
    kids = [c.id for c in family.unions[0].children]
    assert len({lay.nodes[k].row for k in kids}) == 1
    assert sorted(kids, key=lambda k: lay.nodes[k].x) == kids
    assert len(lay.sibships) == 1
    # the labels alternate between two heights, and the lower ones start under the upper ones
    tops = [lay.nodes[k].label_top for k in kids]
    assert len(set(tops[0::2])) == 1 and len(set(tops[1::2])) == 1 and tops[1] > tops[0]
    assert tops[1] >= tops[0] + max(lay.nodes[k].label.height for k in kids[0::2])


def _overlap(a, b) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


names = st.lists(st.text("abcdefghijklmnop", min_size=2, max_size=9), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(labels=st.lists(names, min_size=3, max_size=24), years=st.booleans())
def test_staggered_labels_never_overlap_a_label_or_a_symbol(labels: list[str], years: bool) -> None:
    people = [{"id": "F", "sex": "male"}, {"id": "M", "sex": "female"}]
    people += [{"id": f"C{i}", "sex": "female"} for i in range(len(labels))]
    family = Family.model_validate({"people": people, "unions": [
        {"partners": ["F", "M"], "children": [f"C{i}" for i in range(len(labels))]}]})
    blocks = {f"C{i}": TextBlock((name, "l. 1990") if years else (name,), 13.0) for i, name in enumerate(labels)}
    cfg = LayoutConfig(label_size=13.0, symbol=28.0, gap_block=6.0, gap_siblings=6.0, stagger_labels=True)
    lay = layout_family(family, blocks, config=cfg)
    staggered, lowered = staggered_labels(family, blocks, cfg)
    kids = [f"C{i}" for i in range(len(labels))]
    assert sorted(kids, key=lambda k: lay.nodes[k].x) == kids  # birth order
    assert lowered <= staggered and all((k in lowered) == (i % 2 == 1) for i, k in enumerate(kids) if k in staggered)
    nodes = list(lay.nodes.values())
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            assert not _overlap(a.label_box, b.label_box), (a.id, b.id)
            assert not _overlap(a.label_box, b.symbol_box) and not _overlap(b.label_box, a.symbol_box)
            assert not _overlap(a.symbol_box, b.symbol_box)
    # a staggered sibship is narrower than the same one with its labels on one height
    if staggered:
        flat = layout_family(family, blocks, config=LayoutConfig(label_size=13.0, symbol=28.0, gap_block=6.0,
                                                                 gap_siblings=6.0))
        assert lay.width < flat.width
