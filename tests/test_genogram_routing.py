"""Routing of the lines of a genogram (genogram/routing.py and the drops and long child lines of
genogram/layout.py): regression tests named after the defect each pins, on a small family that
showed it and, where a real file of the benchmark corpus showed it, on that file."""

from __future__ import annotations

import itertools
from pathlib import Path
from types import ModuleType

import pytest

from socialtools.draw.geometry import Point, segment_hits_box
from socialtools.genogram import Family, Genogram
from socialtools.genogram.placements import GenogramLayout
from socialtools.io.families import read_families

CORPUS = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus"
HARDCASES = Path(__file__).parent / "data" / "hardcases"
DEFECTS = ("text_text", "text_shape", "shape_shape", "line_through_shape", "text_line", "line_overlaps",
           "out_of_canvas")

# grandparents who adopt their daughter's child: the adoptive line comes from two rows up, and the
# straight way down runs through the daughter, who stands right under her parents' drop
GRANDPARENTS_ADOPT = {
    "people": [{"id": "GF", "sex": "male"}, {"id": "GM", "sex": "female"},
               {"id": "D", "sex": "female"}, {"id": "C", "sex": "female"}],
    "unions": [{"partners": ["GF", "GM"], "children": [{"id": "D"}, {"id": "C", "relation": "adopted"}]},
               {"partners": ["D"], "children": [{"id": "C"}]}],
}


def _verticals(lay: GenogramLayout) -> list[tuple[str, float, float, float]]:
    """Every vertical piece of every line: (line, x, top, bottom)."""
    out = []
    for what, pts, _ in lay.lines():
        for (x0, y0), (x1, y1) in itertools.pairwise(pts):
            if abs(x0 - x1) < 1e-6 and abs(y0 - y1) > 1e-6:
                out.append((what, x0, min(y0, y1), max(y0, y1)))
    return out


def _lines_along_lines(lay: GenogramLayout, tol: float = 1.0) -> list[tuple[str, str]]:
    """Pairs of vertical pieces of two different lines that run along each other (closer than ``tol``
    for more than a point) and do not start from one point (two unions of one person), brute force:
    what the checker calls a line overlap."""
    pieces = _verticals(lay)
    out = []
    for (wa, xa, ta, ba), (wb, xb, tb, bb) in itertools.combinations(pieces, 2):
        one_end = abs(xa - xb) < 1e-6 and (abs(ta - tb) < 1e-6 or abs(ba - bb) < 1e-6)
        if wa != wb and abs(xa - xb) < tol and min(ba, bb) - max(ta, tb) > 0.5 and not one_end:
            out.append((wa, wb))
    return out


def _through_others(lay: GenogramLayout, pts: list[Point], own: set[str]) -> list[str]:
    """The people whose symbol or label the polyline passes through, besides ``own``."""
    return sorted({n.id for n in lay.nodes.values() if n.id not in own
                   for box in (n.symbol_box, n.label_box) if box.w and box.h
                   for p, q in itertools.pairwise(pts) if segment_hits_box(p, q, box)})


def _corpus_file(name: str) -> Genogram:
    """The one family of a GEDCOM file of the corpus, read as the benchmark reads it."""
    (family,) = read_families(CORPUS / name, lenient=True).families.values()
    return Genogram(family)


def _defects(svgcheck: ModuleType, genogram: Genogram) -> dict[str, int]:
    result = svgcheck.check(genogram.to_svg(), is_text=True, max_examples=3)
    assert result["ok"], result
    return {k: result["counts"][k] for k in DEFECTS if result["counts"][k]}


def test_adoptive_line_two_rows_down_passes_through_no_symbol(svgcheck: ModuleType) -> None:
    genogram = Genogram(Family.model_validate(GRANDPARENTS_ADOPT))
    lay = genogram.layout
    (link,) = lay.extra_links
    assert lay.nodes["C"].row - lay.nodes["GF"].row == 2
    assert _through_others(lay, link.points, {"C", "GF", "GM"}) == []
    assert link.points[-1][1] == pytest.approx(lay.nodes["C"].top[1])  # it ends on the child
    assert _defects(svgcheck, genogram) == {}


def test_step_line_of_bourbon_passes_through_no_label(svgcheck: ModuleType) -> None:
    genogram = _corpus_file("gedcom/bourbon.ged")
    lay = genogram.layout
    far = [link for link in lay.extra_links if link.b in lay.nodes
           and lay.nodes[link.b].row - lay.nodes[lay.unions[link.a].partners[0]].row >= 2]
    assert far, "the file has a step child two rows below the union"
    for link in far:
        assert _through_others(lay, link.points, {link.b, *lay.unions[link.a].partners}) == []
    assert _defects(svgcheck, genogram) == {}


def test_second_drop_in_a_couples_gap_keeps_off_the_couples_drop(svgcheck: ModuleType) -> None:
    genogram = Genogram.from_file(HARDCASES / "phantom-mating.yaml")
    assert _lines_along_lines(genogram.layout) == []
    assert _defects(svgcheck, genogram) == {}


def test_long_child_line_keeps_off_another_unions_drop_tudor(svgcheck: ModuleType) -> None:
    genogram = _corpus_file("gedcom/english-tudor-royal-family.ged")
    assert _lines_along_lines(genogram.layout) == []
    assert _defects(svgcheck, genogram) == {}
