"""Regression tests for the review of issue 13 (reviewer's case tests/data/cases/review-ra.yaml):
defects D4, D5 and D7 of its report, each named after the defect it pins."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from socialtools.examples import load_example
from socialtools.genogram import Genogram
from socialtools.genogram.compare import GenogramComparison
from socialtools.genogram.notes import mark_box

CASE = Path(__file__).parent / "data" / "cases" / "review-ra.yaml"


def _case() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    return doc


def _drawn_numbers(svg: str) -> list[int]:
    return sorted(int(n) for n in re.findall(r'class="note-mark">.*?>(\d+)</text>', svg))


# ---- D7: every listed note has its number on the drawing -----------------------------------------

@pytest.mark.parametrize("as_of", [None, 2000, 2024])
def test_d7_a_person_note_in_a_crowded_place_has_its_number(as_of: int | None) -> None:
    """Bambang S. stands between two relationship lines: "4. Bambang S.: ..." was listed under the
    figure with no number beside his symbol (marks 1-3 only)."""
    g = Genogram.from_document(_case(), as_of=as_of)
    notes = g.notes()
    assert any(n.target == ("person", "BS") for n in notes)
    assert _drawn_numbers(g.to_svg()) == [n.number for n in notes]
    lay = g.layout
    positions = g.renderer().note_positions()
    boxes = [n.symbol_box for n in lay.nodes.values()] + [n.label_box for n in lay.nodes.values()]
    for number, spot in positions.items():
        mark = mark_box(spot, number, g.renderer().mark_size)
        assert not any(mark.overlaps(b) for b in boxes if b.w > 0), number
    bs = next(n.number for n in notes if n.target == ("person", "BS"))
    x, y = positions[bs]
    box = lay.nodes["BS"].symbol_box
    assert abs(x - box.center[0]) < 3 * box.w and abs(y - box.center[1]) < 3 * box.h  # beside him


@pytest.mark.parametrize("name", ["family-history.yaml", "symbol-gallery.yaml", "three-generations.yaml"])
def test_d7_every_note_of_the_examples_has_its_number(name: str) -> None:
    g = Genogram.from_document(load_example(name))
    assert _drawn_numbers(g.to_svg()) == [n.number for n in g.notes()]


def test_d7_compare_panels_number_every_note_whose_target_is_drawn() -> None:
    comparison = GenogramComparison.from_document(_case(), 2005, 2024)
    for year in (2005, 2024):
        renderer = comparison._renderer(year)
        lay = renderer.layout
        wanted = [n.number for n in renderer.notes
                  if (n.target[0] == "person" and n.target[1] in lay.nodes)
                  or (n.target[0] == "union" and n.target[1] in lay.unions)
                  or (n.target[0] == "relationship" and int(n.target[1]) < len(lay.relationships))]
        assert sorted(renderer.note_positions()) == wanted


def test_d7_the_report_genogram_numbers_every_note() -> None:
    from socialtools.report.case import Case
    from socialtools.report.document import genogram_drawing
    from socialtools.report.model import ReportOptions

    drawing = genogram_drawing(Case.load(CASE), ReportOptions())
    assert drawing is not None and len(drawing.notes) == 4
    assert [str(n) for n in _drawn_numbers(drawing.svg)] == [note.split(".")[0] for note in drawing.notes]


# ---- D4: union marks clear of the union-date labels ----------------------------------------------

def _mark_label_overlaps(svg: str) -> list[str]:
    """Union slashes (the 1.3-wide strokes of a union group) that touch a union-date label's box."""
    from socialtools.draw.geometry import Box, segment_hits_box
    from socialtools.draw.text import text_width

    labels, bars = [], []
    for group in re.findall(r'<g class="union">(.*?)</g>', svg):
        for size, x, y, text in re.findall(r'<text class="union-label"[^>]*font-size="([\d.]+)"[^>]*'
                                           r'x="([\d.-]+)" y="([\d.-]+)">([^<]*)</text>', group):
            w, s = text_width(text, float(size)), float(size)
            labels.append((text, Box(float(x) - w / 2, float(y) - 0.75 * s, w, 0.95 * s)))
        for d in re.findall(r'<path d="M([\d.\- L]+)"[^>]*stroke-width="1.3"', group):
            pts = [tuple(float(v) for v in p.split()) for p in d.split("L")]
            bars.append(pts)
    assert labels
    return [text for text, box in labels for bar in bars
            if segment_hits_box(bar[0], bar[1], box.grown(0.5), shrink=0.0)]


@pytest.mark.parametrize("as_of", [None, 2005])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_d4_union_slashes_stand_beside_the_union_date_label(lang: str, as_of: int | None) -> None:
    """The reconciliation X sat under "p." of "p. 2004", the divorce // under "1986" ("19//86")."""
    svg = Genogram.from_document(_case(), lang=lang, as_of=as_of).to_svg()
    assert re.search(r'stroke-width="1.3"', svg)
    assert _mark_label_overlaps(svg) == []


def test_d4_union_slashes_clear_of_labels_in_the_report_and_compare() -> None:
    from socialtools.report.case import Case
    from socialtools.report.document import genogram_drawing
    from socialtools.report.model import ReportOptions

    drawing = genogram_drawing(Case.load(CASE), ReportOptions())
    assert drawing is not None and _mark_label_overlaps(drawing.svg) == []
    panels = GenogramComparison.from_document(_case(), 2005, 2024).to_svg().split('id="panel-')[1:]
    assert len(panels) == 2 and all(_mark_label_overlaps(panel) == [] for panel in panels)
    assert _mark_label_overlaps(Genogram.from_document(load_example("family-history.yaml")).to_svg()) == []


# ---- D5: a condition quadrant's heavy edge clear of the age tag ----------------------------------

def _heavy_segments(svg: str, width: float) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    segments = []
    for d, w in re.findall(r'<path d="([^"]+)"[^>]*stroke-width="([\d.]+)"', svg):
        if abs(float(w) - width) > 1e-6:
            continue
        for part in re.findall(r"M[^M]+", d):
            pts = [tuple(map(float, p.split())) for p in re.findall(r"-?[\d.]+ -?[\d.]+", part)]
            closed = part.rstrip().endswith("Z")
            pts += pts[:1] if closed else []
            segments += list(itertools.pairwise(pts))
    return segments


@pytest.mark.parametrize("region", ["upper-left", "upper-right", "lower-left", "lower-right", "lower", "left"])
@pytest.mark.parametrize("sex", ["male", "female", "unknown"])
def test_d5_a_recovery_quadrant_leaves_no_stub_beside_the_age(region: str, sex: str) -> None:
    """Fikri's lower-left "in recovery" quadrant: its heavy top edge showed 10 units left of the
    age tag at the digits' mid-height, so "33" read "-33"."""
    from socialtools.draw.svg import SvgCanvas
    from socialtools.draw.theme import Theme
    from socialtools.genogram.model import Person
    from socialtools.genogram.symbols import ConditionStyle, draw_person

    theme = Theme()
    canvas = SvgCanvas(100, 100, theme)
    person = Person(id="FR", sex=sex, conditions=[{"name": "alkohol", "status": "recovery"}])
    draw_person(canvas, canvas.root, person, 50, 50, 36, inner_text="33",
                condition_styles={"alkohol": ConditionStyle(region, hatched=True, outlined=True)})
    heavy = _heavy_segments(canvas.to_string(), theme.stroke_width * 1.6)
    assert heavy  # the quadrant is still outlined
    band = theme.small_font_size * 0.6  # the digits' height round the centre
    for (x0, y0), (x1, y1) in heavy:
        across = abs(x1 - x0) > abs(y1 - y0)  # a horizontal stroke reads as a minus sign
        assert not (across and abs((y0 + y1) / 2 - 50) < band), ((x0, y0), (x1, y1))
        assert not (abs(x1 - x0) < 1e-6 and abs(x0 - 50) < 1e-6)  # nor a vertical one through the digits


def test_d5_the_reviewers_fikri_reads_33() -> None:
    svg = Genogram.from_document(_case()).to_svg()
    group = next(g for g in re.findall(r'<g class="person"[^>]*>(.*?)</g>', svg) if ">33</text>" in g)
    theme_width = 1.5 * 1.6
    heavy = _heavy_segments(group, theme_width)
    assert heavy
    cy = float(re.search(r'y="([\d.]+)">33</text>', group).group(1)) - 9 * 0.35  # type: ignore[union-attr]
    assert not any(abs(x1 - x0) > abs(y1 - y0) and abs((y0 + y1) / 2 - cy) < 5 for (x0, y0), (x1, y1) in heavy)


# ---- D8: conditions dated by their start, honoured by --as-of and --compare -----------------------

def _dated_case() -> dict[str, Any]:
    doc = _case()
    for p in doc["family"]["people"]:
        if p["id"] == "FR":
            p["conditions"] = [{"name": "ketergantungan alkohol", "kind": "substance", "status": "recovery",
                                "sejak": 2012}]
        if p["id"] == "SM":
            p["conditions"] = [{"name": "diabetes melitus", "start": "sekitar 1995"},
                               {"name": "demensia", "kind": "mental", "status": "suspected", "since": 2019}]
    return doc


@pytest.mark.parametrize("field", ["start", "sejak", "since", "onset", "mulai"])
def test_d8_a_condition_takes_a_start_year(field: str) -> None:
    from socialtools.genogram.model import Condition

    assert Condition.model_validate({"name": "x", field: 2012}).start.year == 2012  # type: ignore[union-attr]


def test_d8_as_of_leaves_out_conditions_that_began_later() -> None:
    """--as-of 2000 drew Fikri at 9 with alcohol dependence (in recovery)."""
    from socialtools.genogram.history import family_as_of, family_changes

    g = Genogram.from_document(_dated_case())
    family = g.full_family
    then = family_as_of(family, 2000)
    assert then.person("FR").conditions == []
    assert [c.name for c in then.person("SM").conditions] == ["diabetes melitus"]
    assert [c.name for c in family_as_of(family, 2024).person("SM").conditions] == ["diabetes melitus", "demensia"]
    assert [(c.what, c.ids, c.detail) for c in family_changes(family, 2005, 2024) if c.what == "condition"] == \
        [("condition", ("SM",), "demensia"), ("condition", ("FR",), "ketergantungan alkohol")]
    svg = Genogram.from_document(_dated_case(), as_of=2000).to_svg()
    assert "ketergantungan alkohol" not in svg and "demensia" not in svg and "diabetes melitus" in svg


def test_d8_compare_draws_each_panel_with_its_conditions() -> None:
    comparison = GenogramComparison.from_document(_dated_case(), 2005, 2024)
    assert comparison.family_at(2005).person("FR").conditions == []
    assert comparison.family_at(2024).person("FR").conditions
    svg = comparison.to_svg()
    # the 2005 panel draws no fill for it; both panels give it the same shade (review 4, D1)
    style = comparison._renderer(2005).styles["ketergantungan alkohol"]
    assert comparison._renderer(2024).styles["ketergantungan alkohol"] == style
    panels = {year: svg[svg.index(f'id="panel-{year}"'):] for year in (2005, 2024)}
    fr = {year: p[p.index('id="p-FR"'):p.index("</g>", p.index('id="p-FR"'))] for year, p in panels.items()}
    filled = {year: re.search(r'<path[^>]*fill="(?!#ffffff|none)', text) is not None for year, text in fr.items()}
    assert filled == {2005: False, 2024: True}
    text = " ".join(re.findall(r">([^<>]+)</text>", svg))
    assert "kondisi baru: Fikri (ketergantungan alkohol)" in text


def test_d8_the_age_at_diagnosis_dates_a_condition_without_start() -> None:
    from socialtools.genogram import Family
    from socialtools.genogram.history import family_as_of
    from socialtools.io.loading import parse_model

    f = parse_model(Family, {"people": [{"id": "A", "birth": 1950, "conditions": [{"name": "kanker", "age": 60}]}]})
    assert family_as_of(f, 2009).person("A").conditions == []
    assert family_as_of(f, 2010).person("A").conditions[0].name == "kanker"


def test_d8_a_format_without_condition_dates_says_it_leaves_them_out() -> None:
    from socialtools.genogram import Family
    from socialtools.io.fidelity import left_out
    from socialtools.io.loading import parse_model

    f = parse_model(Family, {"people": [{"id": "A", "index": True}, {"id": "B", "conditions": [
        {"name": "breast cancer", "age": 50, "sejak": 2010}]}]})
    assert "1 condition start year" in left_out(f, "fhir") and "1 condition start year" in left_out(f, "canrisk")
    assert not any("start" in item for item in left_out(f, "yaml"))
