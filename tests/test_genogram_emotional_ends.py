"""Issue 13 G8 (review 13): an emotional line ends on its symbol away from the points where a union
line or a child line meets it. In review 13's case the fused line from the client to her adopted son
left her by the foot of her two union lines and came down onto him where the dashed line from her
union does (its middle 0.6 and 1.9 units from those points), so it read as part of them."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from socialtools.genogram import Genogram
from socialtools.genogram.emotional import ATTACH, END_GAP, pattern_half_width
from socialtools.genogram.model import Family
from socialtools.privacy import hide_identifying
from socialtools.report.case import Case

DATA = Path(__file__).parent / "data" / "cases"
EXAMPLES = Path(__file__).parent.parent / "socialtools" / "examples"
CASES = [DATA / "review13-case.yaml", DATA / "crowded-three-generations.yaml", DATA / "review-ra.yaml",
         DATA / "review-rt.yaml", DATA / "review4-case.yaml", EXAMPLES / "family-history.yaml", EXAMPLES / "pk.yaml"]


def _family(path: Path, initials: bool) -> Family:
    family = Case.load(path).family
    assert family is not None
    return hide_identifying(family) if initials else family


def _too_near(genogram: Genogram) -> list[str]:
    """Every end of an emotional line (but the lanes of a pair with several relationships) nearer
    than its pattern's half width and END_GAP to a point where a union line or child line meets
    that person's symbol."""
    lay = genogram.layout
    attached: dict[str, list[tuple[float, float]]] = {}
    for what, pts, _ in lay.lines():
        if what.startswith(("union", "sibship", "child")) and len(pts) >= 2:
            for end in (pts[0], pts[-1]):
                for n in lay.nodes.values():
                    if n.symbol_box.grown(ATTACH).contains(end):
                        attached.setdefault(n.id, []).append(end)
    bad = []
    pairs = [frozenset((link.a, link.b)) for link in lay.relationships]
    for link in lay.relationships:
        if pairs.count(frozenset((link.a, link.b))) > 1:
            continue  # the lanes of several relationships of one pair are drawn as before (kept together)
        gap = pattern_half_width(link.kind) + END_GAP - 1e-6
        for pid, end in ((link.a, link.points[0]), (link.b, link.points[-1])):
            for q in attached.get(pid, ()):
                if math.dist(end, q) < gap:
                    bad.append(f"{link.kind} {link.a}-{link.b} at {pid}: {math.dist(end, q):.1f} from {q}")
    return bad


@pytest.mark.parametrize("initials", [False, True])
@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_emotional_line_ends_keep_off_union_and_child_lines(path: Path, initials: bool) -> None:
    assert _too_near(Genogram(_family(path, initials))) == []


def test_review13_fused_line_to_the_adopted_son_is_clean() -> None:
    genogram = Genogram(_family(DATA / "review13-case.yaml", False))
    fused = [link for link in genogram.layout.relationships if link.kind == "fused"]
    assert len(fused) == 1
    assert genogram.layout.warnings == []
    assert genogram.quality().lines_through_symbols == 0
