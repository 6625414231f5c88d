"""A caretaker line and the date a genogram describes (review of ac7d268, defect 10): its tick clear
of every label (it read as "-Bambang"), and the default drawing following the family's own
``as_of`` as ``--as-of`` that year and the comparison do."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from socialtools.draw.geometry import segment_distance, segment_hits_box
from socialtools.genogram import Family, Genogram
from socialtools.genogram.compare import GenogramComparison
from socialtools.genogram.render import TICK_LENGTH
from socialtools.genogram.symbols import brackets
from socialtools.io.loading import load_document, parse_model

NS = "{http://www.w3.org/2000/svg}"
CASE = Path(__file__).parent / "data" / "cases" / "review-rt.yaml"


@pytest.fixture(scope="module")
def family() -> Family:
    return parse_model(Family, load_document(CASE)["family"])


def _caretaker_strokes(svg: str) -> list[list[tuple[float, float]]]:
    group = next(g for g in ET.fromstring(svg).iter(f"{NS}g") if g.get("class") == "relationship caretaker")
    out = []
    for e in group:
        if e.tag == f"{NS}polyline":
            out.append([tuple(map(float, p.split(","))) for p in e.get("points", "").split()])
        elif e.tag == f"{NS}path" and e.get("fill") == "none":
            nums = [float(x) for x in e.get("d", "").replace("M", " ").replace("L", " ").split()]
            out.append(list(zip(nums[::2], nums[1::2], strict=True)))
    return out


@pytest.mark.parametrize("year", [2007, 2010, 2018])
def test_caretaker_tick_is_clear_of_every_label_and_the_arrowhead_of_the_brackets(family: Family, year: int) -> None:
    g = Genogram(family, as_of=year)
    svg = g.to_svg()
    strokes = _caretaker_strokes(svg)
    ticks = [s for s in strokes if len(s) == 2 and abs(
        ((s[0][0] - s[1][0]) ** 2 + (s[0][1] - s[1][1]) ** 2) ** 0.5 - TICK_LENGTH) < 0.1]
    assert len(ticks) == 1, strokes
    (p, q), = ticks
    lay = g.layout
    labels = [n.label_box for n in lay.nodes.values() if n.label_box.w > 0]
    labels += [u.label_box for u in lay.unions.values() if u.label_box is not None]
    assert not any(segment_hits_box(p, q, box.grown(4.0), shrink=0.0) for box in labels)
    # the arrowhead at Fajar (a foster child) keeps off his brackets and still ends on his symbol
    node = lay.nodes["FJ"]
    bars = [seg for bar in brackets(node.x, node.y, node.size) for seg in itertools.pairwise(bar)]
    group = next(e for e in ET.fromstring(svg).iter(f"{NS}g") if e.get("class") == "relationship caretaker")
    shape = next(e for e in group if e.get("fill") not in (None, "none"))
    nums = [float(x) for x in re.findall(r"-?\d+\.?\d*", shape.get("points") or shape.get("d", ""))]
    head = list(zip(nums[::2], nums[1::2], strict=True))
    assert min(segment_distance(a, b, c, d) for a, b in itertools.pairwise([*head, head[0]]) for c, d in bars) > 1.0
    assert node.symbol_box.contains(head[0], margin=0.5)


def _relationships(svg: str) -> list[str]:
    return sorted(g.get("class", "") for g in ET.fromstring(svg).iter(f"{NS}g")
                  if (g.get("class") or "").startswith("relationship "))


def test_default_drawing_follows_the_family_as_of_like_as_of_and_the_comparison(family: Family) -> None:
    """Regression: the caretaker relationship 2003–2019 was drawn as current by default (the file's
    ``as_of`` is 2024) while ``--as-of 2024`` and the 2024 panel of ``--compare`` left it out."""
    assert str(family.as_of) == "2024"
    default = _relationships(Genogram(family).to_svg())
    assert default == _relationships(Genogram(family, as_of=2024).to_svg())
    assert "relationship caretaker" not in default and len(default) == 5
    later = GenogramComparison(family, 2010, 2024).panel_layout(2024)
    assert sorted(r.kind for r in later.relationships) == sorted(c.split()[1] for c in default)
    assert "relationship caretaker" in _relationships(Genogram(family, as_of=2010).to_svg())
    # a family that gives no as_of is drawn with every record, ended or not
    undated = family.model_copy(update={"as_of": None})
    assert "relationship caretaker" in _relationships(Genogram(undated).to_svg())
