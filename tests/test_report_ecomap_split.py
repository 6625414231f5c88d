"""Issue 13, report part: an ecomap of 24 long-named systems (tests/data/cases/many-systems-24.yaml)
printed its smallest text at 6.26 pt, the drawing as tall as the page allows; the report now prints it
as two figures, each with the whole household and half the systems, at 8 pt."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from socialtools.report.case import Case
from socialtools.report.document import (
    SPLIT_FROM,
    _ecomap_diagram,
    _ecomap_part,
    build_report,
    ecomap_halves,
    narrative_part,
    whole_estimate_pt,
)
from socialtools.report.model import Figure, ReportOptions
from socialtools.report.print_size import MIN_PRINT_PT, PORTRAIT, figure_scale, natural_size_cm, printed_font_pt

CASES = Path(__file__).parent / "data" / "cases"
#: printed size of the 24 systems' ecomap as one figure (benchmarks/report_figures.py before the split)
ONE_FIGURE_PT = 6.26


def test_halves_keep_ties_between_systems_together_and_follow_the_order_written() -> None:
    section = {"systems": [{"id": s} for s in "abcdef"],
               "ties": [{"system": "a", "to": "f"}, {"system": "b"}],
               "after": {"ties": [{"system": "c", "to": "d"}]}}
    first, second = ecomap_halves(section)
    assert sorted(first + second) == list("abcdef") and len(first) == 3
    for a, b in (("a", "f"), ("c", "d")):
        assert (a in first) == (b in first)
    part = _ecomap_part(section, first)
    assert {s["id"] for s in part["systems"]} == set(first)
    assert all(t["system"] in first for t in part["ties"] + part["after"]["ties"])


def test_many_systems_24_print_as_two_figures_at_8pt(svgcheck: ModuleType) -> None:
    """Regression (issue 13, "Readable figures"): the 24 long-named systems' ecomap (and both sides of its
    comparison) printed at 6.26 pt, under the 8 pt a printed report needs. Now each prints as two figures
    ('bagian 1 dari 2', 'bagian 2 dari 2'), every system in one of them, each figure's text and the legend's
    (printed once, under the second) at 8 pt within a portrait page, no warning; each half is clean."""
    case = Case.load(CASES / "many-systems-24.yaml")
    assert len(case.raw("ecomap")["systems"]) >= SPLIT_FROM
    report = build_report(case)
    ecomaps = [f for f in report.figures() if f.key.startswith("ecomap")]
    assert [f.key for f in ecomaps] == ["ecomap", "ecomap_2", "ecomap_before", "ecomap_before_2",
                                        "ecomap_after", "ecomap_after_2"]
    for fig in ecomaps:
        part = 1 if fig.key in ("ecomap", "ecomap_before", "ecomap_after") else 2
        assert f"bagian {part} dari 2" in fig.caption
        first = next(f for f in ecomaps if f.key == fig.key.removesuffix("_2"))  # one caption, its part told
        assert fig.caption == first.caption.replace("bagian 1 dari 2", f"bagian {part} dari 2"), fig.caption
        assert (fig.legend is not None) == (part == 2)
        assert narrative_part(fig) == ("comparison" if "before" in fig.key or "after" in fig.key else "ecomap")
        for piece in (fig, fig.legend):
            if piece is None:
                continue
            printed = printed_font_pt(piece)
            assert printed is not None and printed >= MIN_PRINT_PT > ONE_FIGURE_PT, (piece.key, printed)
            width, height = natural_size_cm(piece)
            scale = figure_scale(piece)
            assert width * scale <= PORTRAIT.text_width_cm and height * scale <= PORTRAIT.readable_height_cm + 0.01
    assert not [w for w in report.warnings if "ecomap" in w], report.warnings
    section = case.raw("ecomap")
    halves = ecomap_halves(section)
    assert sorted(halves[0] + halves[1]) == sorted(s["id"] for s in section["systems"])
    assert abs(len(halves[0]) - len(halves[1])) <= 2
    for keep in halves:
        svg = _ecomap_diagram(case, ReportOptions(), None, _ecomap_part(section, keep), legend=False).to_svg()
        result = svgcheck.check(svg, is_text=True)
        assert result["defects_total"] == 0, result["counts"]


def test_an_ecomap_that_prints_whole_is_one_figure() -> None:
    """The PK case's ecomap prints at 8 pt whole: one figure, its caption with no part."""
    from socialtools.examples import example_path

    report = build_report(Case.load(example_path("pk.yaml")))
    figures: list[Figure] = [f for f in report.figures() if f.key.startswith("ecomap")]
    assert [f.key for f in figures] == ["ecomap", "ecomap_before", "ecomap_after"]
    assert not any("dari 2" in f.caption for f in figures)


def test_many_systems_24_never_lays_out_the_whole_ecomap(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (speed): the 24 systems' report laid the whole ecomap out eight times (with its legend and
    apart, for the ecomap and for each side of the comparison; each 24-system layout about half a minute or
    more) before printing it as two halves, 3.5 to 5.7 minutes in all. Now the estimate (7.97 pt at most, under 8 pt and
    under the halves' 8.01 pt) decides the split before any layout, and the two sides of the comparison share
    their layouts: no layout has more than half the systems, and the halves are laid out once each (a
    comparison's pair: its two states, a few times until they agree)."""
    import socialtools.ecomap.diagram as diagram
    import socialtools.ecomap.render as render
    from socialtools.ecomap import layout

    laid: list[int] = []
    original = layout.layout_ecomap

    def counted(eco: Any, *args: Any, **kwargs: Any) -> Any:
        laid.append(len(eco.systems))
        return original(eco, *args, **kwargs)

    for module in (layout, render, diagram):
        monkeypatch.setattr(module, "layout_ecomap", counted)
    case = Case.load(CASES / "many-systems-24.yaml")
    assert whole_estimate_pt(case, ReportOptions(), case.raw("ecomap")) < MIN_PRINT_PT
    report = build_report(case)
    assert len([f for f in report.figures() if f.key.startswith("ecomap")]) == 6
    assert laid and max(laid) <= 13, laid  # never the whole 24 (before: 8 times, 5.7 minutes)
    # the ecomap's two halves, then each half's before/after pair, once for both sides of the comparison
    # (8 layouts; before: 28, each side of the comparison laying out its own pairs)
    assert len(laid) <= 10, laid
