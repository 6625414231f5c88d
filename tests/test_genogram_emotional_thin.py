"""Issue 13 (8), crowded lines at one person: a thin line (a cut-off, a distant relationship) keeps
its own pattern's half width and :data:`~socialtools.genogram.emotional.THIN_MARGIN` off the
symbols and labels, not a zigzag's, so that it passes a narrow gap beside a union-date label
instead of going a long way round or being drawn unclean."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialtools.draw.geometry import segment_hits_box
from socialtools.genogram import Genogram
from socialtools.genogram.cli import load_families
from socialtools.genogram.emotional import (
    PATTERN_HALF_WIDTH,
    THIN_MARGIN,
    EmotionalRouter,
    obstacle_grid,
    pattern_half_width,
)
from socialtools.genogram.placements import GenogramLayout
from socialtools.report.case import Case
from socialtools.report.document import genogram_drawing
from socialtools.report.model import ReportOptions

DATA = Path(__file__).parent / "data"


def _family(path: Path):  # type: ignore[no-untyped-def]
    return next(iter(load_families(path, None).values()))


def _through(lay: GenogramLayout) -> list[str]:
    """Each emotional line that passes through a symbol or label other than its own two symbols
    (and the gaps under them), each grown by nearly the clearance the router keeps for the line's
    pattern (its half width and THIN_MARGIN, at most PATTERN_HALF_WIDTH)."""
    out = []
    for rel in lay.relationships:
        grid = obstacle_grid(lay, min(PATTERN_HALF_WIDTH, pattern_half_width(rel.kind) + THIN_MARGIN) - 0.5)
        own = {rel.a, rel.b, f"gap:{rel.a}", f"gap:{rel.b}"}
        for p, q in itertools.pairwise(rel.points):
            hit = [key for key, box in grid.near(p[0], p[1], q[0], q[1])
                   if key not in own and segment_hits_box(p, q, box)]
            if hit:
                out.append(f"{rel.kind} {rel.a}-{rel.b} through {hit}")
    return out


@pytest.fixture(scope="module")
def kasus_sr_report() -> GenogramLayout:
    drawn = genogram_drawing(Case(family=_family(DATA / "review7" / "kasus-sr.yaml")), ReportOptions())
    assert drawn is not None and drawn.layout is not None
    return drawn.layout


def test_regression_kasus_sr_report_cutoff_arif_dadang_has_a_clean_route(kasus_sr_report: GenogramLayout) -> None:
    """kasus-sr's report drawing: the Arif–Dadang cut-off had no clean route (union-date labels
    fill the gaps between partners, 3 to 8 units: a line kept 5 units off them could not pass);
    a cut-off's plain line is kept 2.4 units off and finds one."""
    assert not [w for w in kasus_sr_report.warnings if "clean route" in w]
    assert any({rel.a, rel.b} == {"AR", "DD"} for rel in kasus_sr_report.relationships)


@pytest.mark.parametrize("variant", ["report", "screen"])
def test_emotional_lines_pass_through_no_symbol_or_label_but_their_ends(
        kasus_sr_report: GenogramLayout, variant: str) -> None:
    lay = kasus_sr_report if variant == "report" else Genogram(_family(DATA / "review7" / "kasus-sr.yaml")).layout
    assert _through(lay) == []


@given(st.floats(min_value=0.0, max_value=10.0, allow_nan=False))
def test_a_line_keeps_its_pattern_off_the_obstacles_never_more_than_a_zigzag(half: float) -> None:
    router = EmotionalRouter(GenogramLayout({}, {}, [], [], [], [], 0.0, 0.0), [])
    router.fit(half)
    assert router.clearance <= PATTERN_HALF_WIDTH
    assert router.clearance >= min(PATTERN_HALF_WIDTH, half + THIN_MARGIN) - 1e-6
    assert router.grid is router.grids[router.clearance]


def test_only_thin_kinds_keep_closer_than_a_zigzag() -> None:
    router = EmotionalRouter(GenogramLayout({}, {}, [], [], [], [], 0.0, 0.0), [])
    for kind, clearance in (("cutoff", 2.4), ("distant", 2.4), ("close", 3.9), ("conflict", 5.0), ("hostile", 5.0)):
        router.fit(pattern_half_width(kind))
        assert router.clearance == pytest.approx(clearance), kind
