"""Ecomap drawing: line styles, arrows, legend contents, languages, monochrome, before/after."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.ecomap import EcomapDiagram
from socialtools.ecomap.model import Ecomap
from socialtools.ecomap.render import render_comparison, render_ecomap
from socialtools.ecomap.samples import generated_ecomap
from socialtools.errors import UsageError
from socialtools.examples import load_example

NS = "{http://www.w3.org/2000/svg}"


def one(**tie):
    return Ecomap.model_validate(
        {
            "focal": "PK",
            "systems": [{"id": "a", "name": "Puskesmas", "category": "health"}],
            "ties": [{"system": "a", **tie}],
        }
    )


def legend_text(svg: str) -> str:
    root = ET.fromstring(svg.split("\n", 1)[1])
    legend = next(g for g in root.iter(f"{NS}g") if g.get("id") == "legend")
    return " | ".join(t.text or "" for t in legend.iter(f"{NS}text"))


def tie_paths(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg.split("\n", 1)[1])
    ties = next(g for g in root.iter(f"{NS}g") if g.get("id") == "panel1-ties")
    return list(ties.iter(f"{NS}path"))


def test_weak_tie_is_dashed_and_strong_is_thicker():
    weak = tie_paths(render_ecomap(one(strength="weak")))
    assert any(p.get("stroke-dasharray") for p in weak)
    widths = {}
    for kind, tie in (
        ("moderate", {}),
        ("s1", {"strength": "strong"}),
        ("s3", {"strength": "strong", "level": 3}),
    ):
        widths[kind] = max(float(p.get("stroke-width")) for p in tie_paths(render_ecomap(one(**tie))))
    assert widths["moderate"] < widths["s1"] < widths["s3"]


@pytest.mark.parametrize(("quality", "min_paths"), [("stressful", 4), ("conflictual", 1), ("broken", 4)])
def test_quality_marks(quality, min_paths):
    paths = tie_paths(render_ecomap(one(quality=quality)))
    assert len(paths) >= min_paths
    if quality == "conflictual":  # a zigzag: many points
        assert max(p.get("d").count("L") for p in paths) > 6


@pytest.mark.parametrize(("flow", "heads"), [("none", 0), ("to_focal", 1), ("from_focal", 1), ("both", 2)])
def test_arrowheads_follow_the_flow(flow, heads):
    closed = [p for p in tie_paths(render_ecomap(one(flow=flow))) if p.get("d").endswith("Z")]
    assert len(closed) == heads


def test_arrow_points_at_the_receiver():
    svg = render_ecomap(one(flow="to_focal"))
    head = next(p for p in tie_paths(svg) if p.get("d").endswith("Z"))
    tip = tuple(float(v) for v in re.match(r"M([-\d.]+) ([-\d.]+)", head.get("d")).groups())
    root = ET.fromstring(svg.split("\n", 1)[1])
    focal = next(c for g in root.iter(f"{NS}g") if g.get("id") == "panel1-focal" for c in g.iter(f"{NS}circle"))
    cx, cy, r = (float(focal.get(k)) for k in ("cx", "cy", "r"))
    assert abs(((tip[0] - cx) ** 2 + (tip[1] - cy) ** 2) ** 0.5 - r) < 1.0


def test_legend_lists_only_what_is_used_and_says_what_arrows_mean():
    text = legend_text(render_ecomap(one(strength="weak", flow="to_focal")))
    assert "Lemah" in text and "Kesehatan" in text and "aliran energi" in text
    assert "Kuat" not in text and "Konflik" not in text and "Keluarga" not in text
    english = legend_text(render_ecomap(one(strength="strong", quality="broken", flow="both"), lang="en"))
    assert "Strong" in english and "Broken" in english and "Two-way flow" in english and "Health" in english


def test_monochrome_has_no_colour():
    eco, family = generated_ecomap(10, seed=4)
    svg = render_ecomap(eco, family, monochrome=True)
    colours = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', svg))
    grey = {c for c in colours if c[1:3] == c[3:5] == c[5:7]}
    assert colours == grey
    # categories are told by colour only: the monochrome legend leaves them out
    used = {eco.system(s).category for s in (t.system for t in eco.ties)}
    from socialtools.ecomap.render import category_name

    assert not any(category_name(c, "id") in legend_text(svg) for c in used)


def test_title_and_date():
    eco = Ecomap.model_validate(
        {"title": "Ekomap Bu S", "date": "2024-09-02", "drawn_by": "RA", "systems": [{"id": "a"}]}
    )
    svg = render_ecomap(eco)
    assert "Ekomap Bu S" in svg and "Tanggal: 2 September 2024" in svg and "Digambar oleh: RA" in svg


def test_header_date_is_written_out_as_the_report_writes_it():
    # review 5 R22: the stand-alone header printed 'Tanggal: 2025-03-01' where the report wrote '1 Maret 2025'
    eco = Ecomap.model_validate({"date": "2025-03-01", "systems": [{"id": "a"}],
                                 "after": {"date": "2025-09", "ties": []}})
    assert "Tanggal: 1 Maret 2025" in render_ecomap(eco) and "2025-03-01" not in render_ecomap(eco)
    assert "Date: 1 March 2025" in render_ecomap(eco, lang="en")
    pair = render_comparison(eco)
    assert "1 Maret 2025" in pair and "September 2025" in pair
    loose = Ecomap.model_validate({"date": "awal 2025", "systems": [{"id": "a"}]})
    assert "Tanggal: awal 2025" in render_ecomap(loose)  # a text that is no date stays as written


def test_pk_before_after_marks_the_changed_ties_in_the_same_places():
    doc = load_example("pk.yaml")
    svg = EcomapDiagram.from_document(doc, compare=True).to_svg()
    root = ET.fromstring(svg.split("\n", 1)[1])
    panels = [g for g in root.iter(f"{NS}g") if g.get("id") in ("panel1-ties", "panel2-ties")]
    changed = [g for panel in panels for g in panel.iter(f"{NS}g") if g.get("class") == "changed"]
    assert len(changed) == 4  # two changed ties, marked in both panels
    assert all(len(list(g.iter(f"{NS}path"))) == 2 for g in changed)  # two rails each
    assert "Ikatan yang berubah" in legend_text(svg)

    def centres(panel: str) -> list[tuple[float, float]]:
        g = next(g for g in root.iter(f"{NS}g") if g.get("id") == f"{panel}-systems")
        return [(float(c.get("cx")), float(c.get("cy"))) for c in g.iter(f"{NS}circle")]

    before, after = centres("panel1"), centres("panel2")
    dx = after[0][0] - before[0][0]
    assert dx > 0
    assert all(abs(b[0] - a[0] - dx) < 0.05 and abs(a[1] - b[1]) < 0.05 for a, b in zip(before, after, strict=True))
    assert "Sebelum" in svg and "Sesudah" in svg


def test_compare_needs_after():
    with pytest.raises(UsageError, match="after"):
        EcomapDiagram(one(), compare=True)


def test_output_is_deterministic():
    eco, family = generated_ecomap(20, seed=9)
    assert render_ecomap(eco, family) == render_ecomap(eco, family)
    doc = load_example("pk.yaml")
    assert (
        EcomapDiagram.from_document(doc, compare=True).to_svg()
        == EcomapDiagram.from_document(doc, compare=True).to_svg()
    )
    assert render_comparison(eco, family) != render_ecomap(eco, family)


def test_household_members_drawn_as_symbols():
    eco, family = generated_ecomap(8, seed=1, household=3)
    svg = render_ecomap(eco, family)
    root = ET.fromstring(svg.split("\n", 1)[1])
    household = next(g for g in root.iter(f"{NS}g") if g.get("id") == "panel1-household")
    members = [g for g in household.iter(f"{NS}g") if g.get("class") == "member"]
    assert len(members) == 5
    texts = [t.text for t in household.iter(f"{NS}text")]
    assert {"A", "B", "C", "D", "E"} <= set(texts)


def test_png_export(tmp_path):
    out = EcomapDiagram(one()).save(tmp_path / "e.png")
    assert out.read_bytes()[:4] == b"\x89PNG"


@settings(max_examples=20, deadline=None)
@given(st.integers(3, 40), st.integers(0, 10_000), st.sampled_from([None, 1, 2, 3, 4]), st.booleans())
def test_generated_ecomaps_pass_the_independent_svg_checker(svgcheck, n, seed, household, grouped) -> None:
    """Checked on the drawn SVG by ``svgcheck``: no overlaps and no line through a symbol or an arrowhead."""
    eco, family = generated_ecomap(n, seed=seed, household=household, group_by_category=grouped, system_ties=2)
    result = svgcheck.check(EcomapDiagram(eco, family).to_svg(), is_text=True)
    assert result["defects_total"] == 0, result["examples"]


def _points(d: str) -> list[tuple[float, float]]:
    nums = [float(v) for v in re.findall(r"-?[0-9.]+", d)]
    return list(zip(nums[::2], nums[1::2], strict=True))


def _segment_distance(p, a, b) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy or 1e-12
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return ((p[0] - ax - t * dx) ** 2 + (p[1] - ay - t * dy) ** 2) ** 0.5


def _samples(points, step: float = 1.0):
    for a, b in pairwise(points):
        n = max(1, int(((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 / step))
        for k in range(n + 1):
            yield (a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n)


@pytest.mark.parametrize("tie", [{}, {"strength": "strong", "level": 3, "flow": "both"},
                                 {"strength": "weak", "flow": "from_focal"},
                                 {"quality": ["stressful", "conflictual"], "flow": "to_focal"},
                                 {"strength": "tenuous", "quality": "broken"}])
def test_changed_tie_highlight_does_not_lie_along_its_tie(tie):
    """svgcheck's line_overlaps on the PK before/after: the highlight was a wide band drawn along the
    tie itself. Now two rails run beside the tie, in both panels, and never touch its line, its zigzag,
    hatching or barrier, or its arrowheads."""
    eco = Ecomap.model_validate({"focal": "PK", "systems": [{"id": "a", "name": "Puskesmas"}],
                                 "ties": [{"system": "a", **tie}],
                                 "after": {"ties": [{"system": "a", "strength": "strong", "level": 2}]}})
    root = ET.fromstring(render_comparison(eco).split("\n", 1)[1])
    checked = 0
    for panel in ("panel1-ties", "panel2-ties"):
        group = next(g for g in root.iter(f"{NS}g") if g.get("id") == panel)
        tie_group = next(g for g in group.iter(f"{NS}g") if g.get("class") == "tie")
        rails = list(next(g for g in tie_group.iter(f"{NS}g") if g.get("class") == "changed").iter(f"{NS}path"))
        others = [p for p in tie_group.iter(f"{NS}path") if p not in rails]
        assert len(rails) == 2 and others
        for rail in rails:
            half = float(rail.get("stroke-width")) / 2
            run = longest = 0  # the longest stretch of a rail touching the tie's drawing
            for q in _samples(_points(rail.get("d"))):
                touching = False
                for other in others:
                    pts = _points(other.get("d"))
                    closed = other.get("d").endswith("Z")
                    if closed:
                        pts.append(pts[0])
                    reach = half + float(other.get("stroke-width") or 0) / 2
                    gap = min(_segment_distance(q, a, b) for a, b in pairwise(pts))
                    if closed:
                        assert gap >= reach + 1.0, (panel, q, "arrowhead")
                    elif gap < reach + 0.5:
                        touching = True
                run = run + 1 if touching else 0
                longest = max(longest, run)
            assert longest == 0, (panel, longest)
            checked += 1
    assert checked == 4
