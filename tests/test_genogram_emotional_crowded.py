"""Review-5 R2: in a realistic three-generation family, emotional lines run through no symbol, name or
union-date label and along no household outline, in every variant that is drawn (screen, initials,
the report's genogram, --compare panels); a line with no clean route is named in a warning."""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from types import ModuleType

import pytest

from socialtools.genogram import Genogram
from socialtools.genogram.compare import GenogramComparison
from socialtools.genogram.model import Family
from socialtools.privacy import hide_identifying
from socialtools.report.case import Case
from socialtools.report.document import genogram_drawing
from socialtools.report.model import ReportOptions

CASE = Path(__file__).parent / "data" / "cases" / "crowded-three-generations.yaml"
YARDSTICK = ("text_text", "text_shape", "shape_shape", "line_through_shape", "text_line", "line_overlaps",
             "out_of_canvas")


def _family(initials: bool) -> Family:
    family = Case.load(CASE).family
    assert family is not None
    return hide_identifying(family) if initials else family


def _svg(variant: str) -> str:
    if variant.startswith("report"):
        drawn = genogram_drawing(Case.load(CASE), ReportOptions(initials=variant.endswith("initials")))
        assert drawn is not None
        return drawn.svg
    family = _family(variant.endswith("initials"))
    if variant.startswith("compare"):
        return GenogramComparison(family, 2000, 2025).to_svg()
    return Genogram(family).to_svg()


@pytest.mark.parametrize("variant", ["screen", "screen-initials", "report", "report-initials", "compare",
                                     "compare-initials"])
def test_crowded_family_emotional_lines_have_no_yardstick_defects(svgcheck: ModuleType, variant: str) -> None:
    result = svgcheck.check(_svg(variant), is_text=True)
    assert result["ok"], result
    assert result["defects_total"] == 0, result["counts"]
    assert {k: result["counts"][k] for k in YARDSTICK if result["counts"][k]} == {}, result["examples"]


@pytest.mark.parametrize("initials", [False, True])
def test_crowded_family_emotional_lines_are_clean_and_unwarned(initials: bool) -> None:
    genogram = Genogram(_family(initials))
    quality = genogram.quality()
    assert quality.lines_through_symbols == 0 and quality.lines_through_labels == 0, quality.examples
    assert genogram.layout.warnings == []
    for link in genogram.layout.relationships:  # every line ends on its two people
        for pid, end in ((link.a, link.points[0]), (link.b, link.points[-1])):
            n = genogram.layout.nodes[pid]
            assert math.dist(end, (n.x, n.y)) <= n.outer / 2 * math.sqrt(2) + 1.0, (link.kind, pid, end)


def test_a_line_with_no_clean_route_is_named_in_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # generated families in some of which an emotional line finds no clean route: the CLI says so on
    # stderr (the first of them that has one; several, as other changes to the layout move people)
    import json

    from socialtools.cli import main
    from socialtools.genogram.synthetic import synthetic_family

    drawn = ((f, Genogram(f).layout.warnings) for f in (synthetic_family(120, seed=s, relationships=6)
                                                        for s in (3, 6, 9, 4, 1, 5)))
    family, warnings = next(((f, w) for f, w in drawn if w), (None, []))
    assert family is not None and all("has no clean route" in w for w in warnings)
    pairs = {frozenset(r.between) for r in family.relationships}
    assert all(frozenset(w.split(" line between ")[1].split(" has ")[0].split(" and ")) in pairs for w in warnings)
    source = tmp_path / "family.json"
    source.write_text(json.dumps(family.model_dump(mode="json", exclude_none=True)), encoding="utf-8")
    assert main(["genogram", str(source), "-o", str(tmp_path / "g.svg"), "--lenient"]) == 0  # (twins years apart)
    err = capsys.readouterr().err
    assert all(f"socialtools genogram: warning: {w}" in err for w in warnings), err


def test_regression_compare_highlight_ended_short_of_the_line_it_lies_under(svgcheck: ModuleType) -> None:
    # `genogram kasus-wijaya --compare 2000 2025 --initials`: the highlight of the new conflict line ended
    # on the client's symbol box while the zigzag ends on her outer circle, so their last stretches lay
    # one along the other for 2.5 units (svgcheck line_overlaps 1); the highlight follows the line drawn
    comparison = GenogramComparison(_family(True), 2000, 2025)
    result = svgcheck.check(comparison.to_svg(), is_text=True)
    assert result["counts"]["line_overlaps"] == 0, result["examples"]


def _detour(lay: object, a: str, b: str, points: list[tuple[float, float]]) -> float:
    """The route from centre to centre over the straight distance between the centres."""
    na, nb = lay.nodes[a], lay.nodes[b]  # type: ignore[attr-defined]
    path = [(na.x, na.y), *points, (nb.x, nb.y)]
    return sum(math.dist(p, q) for p, q in itertools.pairwise(path)) / math.dist(path[0], path[-1])


def _layout(variant: str) -> object:
    family = _family(variant.endswith("initials"))
    if variant.startswith("compare"):
        return GenogramComparison(family, 2000, 2025).layout
    if variant.startswith("report"):
        from socialtools.report.document import genogram_options

        return Genogram(family, genogram_options(ReportOptions())).layout
    return Genogram(family).layout


@pytest.mark.parametrize("variant", ["screen", "screen-initials", "compare", "report"])
def test_regression_parent_child_lines_went_the_long_way_round(variant: str) -> None:
    # review-5 R2: mother RA stands right above her daughter DW, yet their close line went round AS
    # (2.4-3.7 times the straight distance), and BW-DW's conflict round the household (2.1-2.6 times):
    # the date labels beside RA and BW (over their wider names) walled the row. A label is lifted to
    # open a gate; the lines are short and still clean (the yardstick test above)
    lay = _layout(variant)
    detours = {(r.a, r.b): _detour(lay, r.a, r.b, list(r.points)) for r in lay.relationships}  # type: ignore[attr-defined]
    assert detours[("RA", "DW")] <= 1.4, detours
    if variant != "report":  # the report's tighter rows leave BW's conflict line no gate yet
        assert detours[("BW", "DW")] <= 1.4, detours


@pytest.mark.parametrize("variant", ["screen", "screen-initials", "compare"])
def test_emotional_lines_at_one_person_fan_out(variant: str) -> None:
    # two emotional lines that leave one person near each other leave it at least MEET degrees apart,
    # so their patterns do not lie on each other there (a zigzag's tooth lay 6 units along a dotted line
    # at DW, svgcheck line_overlaps)
    from socialtools.genogram.emotional import MEET, MEET_NEAR

    lay = _layout(variant)
    leaving: dict[str, list[tuple[float, tuple[str, str], tuple[float, float]]]] = {}
    for r in lay.relationships:  # type: ignore[attr-defined]
        for pid, (p, q) in ((r.a, r.points[:2]), (r.b, r.points[:-3:-1])):
            leaving.setdefault(pid, []).append((math.atan2(q[1] - p[1], q[0] - p[0]), (r.a, r.b), p))
    for pid, turns in leaving.items():
        for (s, one, p), (t, other, q) in itertools.combinations(turns, 2):
            if {*one} != {*other} and math.dist(p, q) < MEET_NEAR:  # a pair's two relationships: lanes
                apart = abs((s - t + math.pi) % (2 * math.pi) - math.pi)
                assert math.degrees(apart) >= MEET - 1e-6, (pid, one, other, math.degrees(apart))

