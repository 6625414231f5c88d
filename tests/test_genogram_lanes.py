"""Several relationships of one pair as parallel lanes (in the report's genogram too), and the
dashed arc of a person drawn twice (issue 13, review items 3 and 7)."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import yaml

from socialtools.draw.geometry import Box, Point, segment_circle_distance, segments_cross
from socialtools.draw.svg import SvgCanvas
from socialtools.genogram import Family, Genogram
from socialtools.genogram.emotional import LANE_GAP, PATTERN_HALF_WIDTH
from socialtools.io.loading import parse_model
from socialtools.report.document import genogram_options
from socialtools.report.model import ReportOptions

CASES = Path(__file__).parent / "data" / "cases"


def _length(points: list[Point]) -> float:
    return sum(math.dist(p, q) for p, q in itertools.pairwise(points))


def _distance(p: Point, line: list[Point]) -> float:
    return min(segment_circle_distance(a, b, p) for a, b in itertools.pairwise(line))


def _samples(points: list[Point], step: float = 4.0) -> list[Point]:
    out = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        n = max(1, int(math.dist((x0, y0), (x1, y1)) / step))
        out += [(x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(n)]
    return out


def test_regression_report_genogram_conflict_runs_beside_close_not_round_the_chart() -> None:
    """In the report's genogram (its own text size and tighter rows) RT-DW's conflict line went
    round Joko's family while their close line ran straight; the two became parallel lanes.

    Since RT stands in birth order before her brother JK (review-4 D13), with her first husband AN
    on her left, the screen drawing keeps the two lines as parallel lanes (round AN, the outer lane
    cut diagonally at the bends: within LANE_GAP + 2), but the report's tighter drawing finds no
    clean lane beside the straight close line and sends the conflict line round AN: a known residue
    (closing note), guarded here from getting worse."""
    doc = yaml.safe_load((CASES / "review-rt.yaml").read_text())
    family = parse_model(Family, doc["family"])
    for options in (genogram_options(ReportOptions()), None):
        g = Genogram(family, options) if options else Genogram(family)
        lay = g.layout
        close, conflict = (r for r in lay.relationships if {r.a, r.b} == {"RT", "DW"})
        straight = math.dist((lay.nodes["RT"].x, lay.nodes["RT"].y), (lay.nodes["DW"].x, lay.nodes["DW"].y))
        if options is not None:
            assert _length(conflict.points) <= 2.5 * straight
            continue
        zones = [((n.x, n.y), n.outer / 2 + LANE_GAP) for n in (lay.nodes["RT"], lay.nodes["DW"])]
        middle = [p for p in _samples(conflict.points) if all(math.dist(p, c) > r for c, r in zones)]
        assert middle
        gaps = [_distance(p, close.points) for p in middle]
        assert min(gaps) >= 2 * PATTERN_HALF_WIDTH - 1.0, "the two patterns touch"
        assert max(gaps) <= LANE_GAP + 2.0, "the conflict line leaves the close line's side"
        assert _length(conflict.points) <= 1.2 * _length(close.points)


def test_regression_duplicate_arc_legend_shows_the_symbol_drawn() -> None:
    """The legend's sample of a person drawn twice showed two diamonds (unknown sex) while the
    drawing had a woman drawn twice; now the sample has the symbol of the person drawn twice."""
    g = Genogram.from_file(CASES / "cousin-marriage.yaml", duplicate_loops=True)
    assert g.family.person(next(iter(g.layout.copies.values()))).sex == "female"
    renderer = g.renderer()
    (entry,) = [e for e in renderer.legend_entries() if e.label == renderer.t("duplicate")]
    canvas = SvgCanvas(100, 40)
    group = canvas.group(canvas.dwg, class_="sample")
    entry.draw(canvas, group, Box(0, 0, 60, 20))
    svg = canvas.to_string()  # the canvas writes its shapes as text (svgwrite's tostring cannot)
    assert svg.count("<circle") == 2 and "<polygon" not in svg  # two circles, no diamond


def _crossing(p: Point, q: Point, a: Point, b: Point) -> Point:
    (x1, y1), (x2, y2), (x3, y3), (x4, y4) = p, q, a, b
    den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den
    return (x1 + t * (x2 - x1), y1 + t * (y2 - y1))


def _arc_crossings(lay: object) -> list[tuple[Point, Point, Point, Point]]:
    (arc,) = [link for link in lay.extra_links if link.kind == "duplicate"]  # type: ignore[attr-defined]
    others = [pts for what, pts, _ in lay.lines() if not what.startswith("duplicate")]  # type: ignore[attr-defined]
    return [(p, q, a, b) for p, q in itertools.pairwise(arc.points) for line in others
            for a, b in itertools.pairwise(line) if segments_cross(p, q, a, b)]


def test_regression_duplicate_arc_crossed_the_drop_lines_of_c1_and_c3() -> None:
    """The cousin-marriage copy C2' stood left of her husband C1 (the eldest's partner on the
    left), so every arc to the original crossed C1's and C3's lines from above (2 crossings).
    Now the copy stands on her original's side of C1, and the arc to her original crosses no
    line and keeps clear of every symbol. (C2, born 1972 but listed after C3, born 1973, stands
    left of her sister by birth order since review-5 R6: the arc joins neighbours.)"""
    g = Genogram.from_file(CASES / "cousin-marriage.yaml", duplicate_loops=True)
    lay = g.layout
    (copy,) = lay.copies
    assert lay.nodes["C1"].x < lay.nodes[copy].x < lay.nodes["C2"].x < lay.nodes["C3"].x
    assert _arc_crossings(lay) == []
    (arc,) = [link for link in lay.extra_links if link.kind == "duplicate"]
    for x, y in arc.points:
        assert not any(n.symbol_box.contains((x, y)) for n in lay.nodes.values() if n.id not in {"C2", copy})
