"""Regression tests for the defects review 4 of issue 13 found in the genogram and the case file
(D1, D4, D5, D6, D9, D10, D12, D14, D16): each named after its defect."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from socialtools.genogram import Family, Genogram
from socialtools.genogram.compare import GenogramComparison
from socialtools.io.loading import parse_model

NS = "{http://www.w3.org/2000/svg}"


def _fills(svg: str, panel: str | None, pid: str) -> list[str]:
    """The fills of the condition paths inside person ``pid``'s symbol (in ``panel``, if given)."""
    root = ET.fromstring(svg)
    scope = root if panel is None else next(g for g in root.iter(f"{NS}g") if g.get("id") == panel)
    symbol = next(g for g in scope.iter(f"{NS}g") if g.get("id") == f"p-{pid}")
    return [p.get("fill", "") for p in symbol.iter(f"{NS}path") if p.get("fill") not in (None, "none", "#ffffff")]


QUAD = {"as_of": 2024, "people": [{"id": "A", "sex": "P", "birth": 1962, "index": True, "conditions": [
    {"name": "depresi", "kind": "mental", "start": 2019}, {"name": "diabetes", "kind": "medical"}]}]}


def test_d1_compare_panels_share_one_quadrant_and_fill_per_condition() -> None:
    family = parse_model(Family, QUAD)
    svg = GenogramComparison(family, 2005, 2024).to_svg()
    whole = Genogram(family).condition_styles
    assert whole["depresi"].shade != whole["diabetes"].shade
    # 2005: only diabetes, in diabetes's own grey (not depresi's, nor the whole symbol)
    assert _fills(svg, "panel-2005", "A") == [whole["diabetes"].shade]
    assert sorted(_fills(svg, "panel-2024", "A")) == sorted([whole["depresi"].shade, whole["diabetes"].shade])


def test_d1_as_of_keeps_the_whole_familys_quadrants_and_legend_lists_only_what_is_drawn() -> None:
    family = parse_model(Family, QUAD)
    g = Genogram(family, as_of=2005)
    whole = Genogram(family).condition_styles
    assert _fills(g.to_svg(), None, "A") == [whole["diabetes"].shade]
    assert g.renderer().styles["diabetes"].region == whole["diabetes"].region != "whole"
    labels = [e.label for e in g.renderer().legend_entries()]
    assert "diabetes" in labels and "depresi" not in labels
