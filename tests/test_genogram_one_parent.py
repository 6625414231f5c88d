"""A one-parent family (a union with one partner known) beside its parent's other unions: its
line never runs along, nor continues, the line of another family (issue 10, review finding F1)."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtools.draw.geometry import Point
from socialtools.genogram import Family, Genogram
from socialtools.genogram.coordinates import ONE_PARENT_SPACING
from socialtools.genogram.layout import SNAP
from socialtools.genogram.placements import GenogramLayout

Segment = tuple[Point, Point]


def family_segments(lay: GenogramLayout) -> dict[str, list[Segment]]:
    """Every segment each union's family is drawn with: its union line, its children's drop,
    bar and lines down to the children."""
    out: dict[str, list[Segment]] = {uid: [] for uid in lay.unions}
    for uid, u in lay.unions.items():
        for piece in u.drawn_pieces():
            out[uid] += list(itertools.pairwise(piece))
    for sib in lay.sibships:
        for line in [sib.bar, sib.stem, *sib.children.values()]:
            out[sib.union] += [(a, b) for a, b in itertools.pairwise(line) if a != b]
    return out


def collinear_overlap(s: Segment, t: Segment) -> float:
    """Length along which two (nearly) collinear segments run on each other."""
    (x1, y1), (x2, y2) = s
    length = math.dist(*s)
    if length < 1e-9 or math.dist(*t) < 1e-9:
        return 0.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    if any(abs((qx - x1) * uy - (qy - y1) * ux) > 0.75 for qx, qy in t):
        return 0.0
    a, b = ((qx - x1) * ux + (qy - y1) * uy for qx, qy in t)
    return max(0.0, min(length, max(a, b)) - max(0.0, min(a, b)))


def continues(s: Segment, t: Segment) -> bool:
    """Whether ``t`` goes on where ``s`` ends, on its line (collinear, ends within 1 unit): the
    two would read as one line."""
    (x1, y1), (x2, y2) = s
    (x3, y3), (x4, y4) = t
    cross = abs((x2 - x1) * (y4 - y3) - (y2 - y1) * (x4 - x3))
    if cross > 1e-6 * math.dist(*s) * math.dist(*t):
        return False
    if abs((x3 - x1) * (y2 - y1) - (y3 - y1) * (x2 - x1)) > 0.75 * math.dist(*s):
        return False
    return min(math.dist(p, q) for p in s for q in t) <= 1.0


def clashes(lay: GenogramLayout) -> list[tuple[str, str, Segment, Segment]]:
    """Pairs of segments of two different families, one of them a one-parent family, that run
    along or continue each other (a person's two marriage lines share the leg down from them)."""
    segs = family_segments(lay)
    out = []
    for (u, su), (v, sv) in itertools.combinations(segs.items(), 2):
        if len(lay.unions[u].partners) > 1 and len(lay.unions[v].partners) > 1:
            continue
        for s in su:
            for t in sv:
                if collinear_overlap(s, t) > 1.0 or continues(s, t):
                    out.append((u, v, s, t))
    return out


def assert_drops_on_bars(lay: GenogramLayout) -> None:
    for sib in lay.sibships:
        union = lay.unions[sib.union]
        (x0, y0), (x1, y1) = sib.stem[0], sib.stem[-1]
        assert (x0, y0) == pytest.approx(union.stem_top)
        assert x0 == pytest.approx(x1)  # straight down
        (bx0, by), (bx1, _) = sib.bar
        assert y1 == pytest.approx(by) and bx0 - 1e-6 <= x1 <= bx1 + 1e-6
        # the drop leaves the union's own line
        pts = union.points
        assert any(collinear_overlap(seg, (union.drop, union.drop)) == 0.0 and _on(union.drop, seg)
                   for seg in itertools.pairwise(pts)), (sib.union, union.drop, pts)


def _on(p: Point, seg: Segment) -> bool:
    (x1, y1), (x2, y2) = seg
    return (min(x1, x2) - 1e-6 <= p[0] <= max(x1, x2) + 1e-6 and min(y1, y2) - 1e-6 <= p[1] <= max(y1, y2) + 1e-6
            and abs((x2 - x1) * (p[1] - y1) - (y2 - y1) * (p[0] - x1)) < 1e-6 * (1 + math.dist(*seg)))


def one_parent_beside_couple() -> Family:
    """The finding's case: Mira's children with Hadi, and two of her own (no other parent known)."""
    return Family.model_validate({
        "people": [{"id": "M", "sex": "female", "name": "Mira"}, {"id": "H", "sex": "male", "name": "Hadi"},
                   {"id": "A", "sex": "male"}, {"id": "B", "sex": "female"},
                   {"id": "C", "sex": "male"}, {"id": "D", "sex": "female"}],
        "unions": [{"partners": ["H", "M"], "kind": "married", "children": ["A", "B"]},
                   {"partners": ["M"], "children": ["C", "D"]}],
    })


def test_one_parent_line_is_not_drawn_on_the_marriage_line() -> None:
    lay = Genogram(one_parent_beside_couple()).layout
    assert clashes(lay) == []
    assert_drops_on_bars(lay)
    couple, single = lay.unions["u1"], lay.unions["u2"]
    assert single.points[0] != couple.points[-1] and single.points[0] != couple.points[0]  # its own start
    assert single.drop[1] > couple.drop[1]  # its own level, below the marriage line


def test_a_gedcom_family_of_one_parent_beside_her_marriage(tmp_path) -> None:
    from socialtools.io.gedcom import read_gedcom

    ged = tmp_path / "x.ged"
    ged.write_text("0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 SEX F\n0 @I2@ INDI\n1 SEX M\n0 @I3@ INDI\n"
                   "0 @I4@ INDI\n0 @I5@ INDI\n0 @F1@ FAM\n1 HUSB @I2@\n1 WIFE @I1@\n1 CHIL @I3@\n"
                   "0 @F2@ FAM\n1 WIFE @I1@\n1 CHIL @I4@\n1 CHIL @I5@\n0 TRLR\n", encoding="utf-8")
    lay = Genogram(read_gedcom(ged)).layout
    assert len(lay.unions) == 2 and clashes(lay) == []
    assert_drops_on_bars(lay)


@st.composite
def parent_with_unions(draw: st.DrawFn) -> Family:
    """A person with one or two couples and one to three one-parent families, in any order and
    of any sexes, each with none to three children (and maybe the person's own parents)."""
    people = [{"id": "P", "sex": draw(st.sampled_from(["male", "female", "unknown"]))}]
    unions: list[dict] = []
    n = 0

    def kids() -> list[str]:
        nonlocal n
        out = []
        for _ in range(draw(st.integers(0, 3))):
            n += 1
            people.append({"id": f"K{n}", "sex": draw(st.sampled_from(["male", "female"]))})
            out.append(f"K{n}")
        return out

    couples = draw(st.integers(1, 2))
    singles = draw(st.integers(1, 3))
    kinds = draw(st.permutations(["c"] * couples + ["s"] * singles))
    for i, kind in enumerate(kinds):
        if kind == "c":
            people.append({"id": f"Q{i}", "sex": draw(st.sampled_from(["male", "female"]))})
            partners = draw(st.permutations(["P", f"Q{i}"]))
            unions.append({"partners": list(partners), "children": kids()})
        else:
            unions.append({"partners": ["P"], "children": kids()})
    if draw(st.booleans()):
        people += [{"id": "F", "sex": "male"}, {"id": "G", "sex": "female"}]
        unions.append({"partners": ["F", "G"], "children": ["P"]})
    return Family.model_validate({"people": people, "unions": unions})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parent_with_unions())
def test_one_parent_lines_keep_off_every_other_family(family: Family) -> None:
    lay = Genogram(family).layout
    assert clashes(lay) == []
    assert_drops_on_bars(lay)
    drops = {s.union: lay.unions[s.union].drop[0] for s in lay.sibships if "P" in lay.unions[s.union].partners}
    for u, v in itertools.combinations(drops, 2):  # apart (a drop may snap onto its child's line)
        if len(lay.unions[u].partners) == 1 or len(lay.unions[v].partners) == 1:
            assert abs(drops[u] - drops[v]) >= ONE_PARENT_SPACING - SNAP, (u, v, drops)
