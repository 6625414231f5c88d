"""Issue 13 (8), crowded lines at one person: a pair whose emotional line goes a long way round
(more than routing.LONG_ROUTE times the straight distance) is drawn first in a trial of all the
lines, as a pair left without a clean line is; the order whose lines are shorter in all, leaving
no more pairs without a clean line, is drawn."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

from socialtools.genogram import Genogram
from socialtools.genogram.cli import load_families
from socialtools.genogram.placements import GenogramLayout
from socialtools.privacy import hide_identifying
from socialtools.report.case import Case
from socialtools.report.document import genogram_drawing
from socialtools.report.model import ReportOptions

CASES = Path(__file__).parent / "data" / "cases"


def _detour(lay: GenogramLayout, a: str, b: str) -> float:
    """The longest line between ``a`` and ``b`` (its ends joined to the centres) over the straight distance."""
    na, nb = lay.nodes[a], lay.nodes[b]
    out = 0.0
    for rel in lay.relationships:
        if {rel.a, rel.b} == {a, b}:
            path = [(na.x, na.y), *(rel.points if rel.a == a else rel.points[::-1]), (nb.x, nb.y)]
            length = sum(math.dist(p, q) for p, q in itertools.pairwise(path))
            out = max(out, length / math.dist(path[0], path[-1]))
    return out


def _family(name: str):  # type: ignore[no-untyped-def]
    return next(iter(load_families(CASES / name, None).values()))


def test_regression_review4_report_conflict_andi_sri_lestari_not_round_the_row_above() -> None:
    """review4-case's report drawing: Andi–Sri Lestari's conflict went up over Hendra and round the
    right (3.88 times the straight distance; her union's date label and her name wall the way down,
    and the way down her right side was the close lines'). Drawn first in a trial, it comes down
    beside her daughters' close lines: 1.51, with no line left without a clean route."""
    drawn = genogram_drawing(Case(family=_family("review4-case.yaml")), ReportOptions())
    assert drawn is not None
    assert _detour(drawn.layout, "AN", "SL") < 2.0
    assert not [w for w in drawn.warnings if "clean route" in w]


def test_regression_review_ra_initials_ratih_nadia_lines_not_round_and_beside_nadias_line() -> None:
    """review-ra --initials: Ratih–Nadia's close and conflict lines went 2.33 and 2.65 times the
    straight distance round, beside the line down to Nadia (the router's fallback to keeping only
    their middles off the child lines); drawn first, they go round Bambang as parallel lanes
    within 2.1 times."""
    lay = Genogram(hide_identifying(_family("review-ra.yaml"))).layout
    assert _detour(lay, "RA", "NA") < 2.1
    assert not [w for w in lay.warnings if "clean route" in w]
