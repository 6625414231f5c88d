"""The household drawn as a small genogram in the ecomap's focal circle: every child hangs from its
own parents' union (or the one parent living there), whatever remarriages the family went through."""

from __future__ import annotations

import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw.geometry import segment_circle_distance
from socialtools.ecomap.layout import layout_ecomap
from socialtools.ecomap.model import load_ecomap
from socialtools.ecomap.placements import EcomapLayout
from socialtools.genogram.model import Family

Segment = tuple[tuple[float, float], tuple[float, float]]

#: review 7 E1: a widowed mother with two children remarries and has a third; all five live together
STEPFAMILY = {
    "family": {
        "as_of": 2025,
        "people": [
            {"id": "AY", "name": "Ayah", "sex": "L", "birth": 1968, "death": 2015},
            {"id": "IB", "name": "Ibu", "sex": "P", "birth": 1972},
            {"id": "AT", "name": "Ayah tiri", "sex": "L", "birth": 1965},
            {"id": "K1", "name": "Klien", "sex": "P", "birth": 2009, "index": True},
            {"id": "K2", "name": "Adik", "sex": "L", "birth": 2012},
            {"id": "K3", "name": "Adik tiri", "sex": "P", "birth": 2018},
        ],
        "unions": [
            {"partners": ["AY", "IB"], "events": ["menikah 2003", "cerai mati 2015"], "children": ["K1", "K2"]},
            {"partners": ["AT", "IB"], "kind": "menikah", "start": 2017, "children": ["K3"]},
        ],
    },
    "ecomap": {
        "focal": {"members": ["AT", "IB", "K1", "K2", "K3"]},
        "systems": [{"id": "s", "name": "Sekolah", "category": "education"}],
        "ties": [{"system": "s", "to": "K1", "strength": "kuat"}],
    },
}


def _segments(lay: EcomapLayout) -> list[Segment]:
    return [(p, q) for line in lay.family_lines for p, q in itertools.pairwise(line)]


def _touches(lay: EcomapLayout, pt: tuple[float, float], pid: str) -> bool:
    m = lay.member(pid)
    return abs(pt[0] - m.cx) <= m.size / 2 + 0.5 and abs(pt[1] - m.cy) <= m.size / 2 + 0.5


def _reached(lay: EcomapLayout, child: str) -> set[str]:
    """The members whose symbols the family lines reach from ``child``'s top, following lines that meet
    (an end on another line), not passing through a symbol."""
    segments = _segments(lay)
    m = lay.member(child)
    top = (m.cx, m.cy - m.size / 2)
    todo = [s for s in segments if any(math.dist(pt, top) < 0.5 for pt in s)]
    seen = {id(s) for s in todo}
    while todo:
        s = todo.pop()
        for t in segments:
            if id(t) in seen:
                continue
            if any(segment_circle_distance(*s, pt) < 0.5 for pt in t) or any(
                    segment_circle_distance(*t, pt) < 0.5 for pt in s):
                seen.add(id(t))
                todo.append(t)
    ends = [pt for s in segments if id(s) in seen for pt in s]
    return {p.id for p in lay.members if any(_touches(lay, pt, p.id) for pt in ends)}


def _expected(family: Family, members: list[str], child: str) -> tuple[set[str], set[str]]:
    """The household parents a child hangs from and the household children of that union."""
    inside = set(members)
    u = next(u for u in family.unions if any(c.id == child for c in u.children))
    return {p for p in u.partners if p in inside}, {c.id for c in u.children if c.id in inside}


def _check_children_hang_from_their_own_parents(lay: EcomapLayout, family: Family, members: list[str]) -> None:
    for child in members:
        parents, sibs = _expected(family, members, child) if family.parents_of(child) else (set(), set())
        parents = {p for p in parents if lay.member(p).cy < lay.member(child).cy}
        if not parents:
            continue
        reached = _reached(lay, child)
        assert reached == parents | sibs, (child, reached, parents | sibs)


def test_e1_stepfather_is_not_drawn_as_the_father_of_his_stepchildren() -> None:
    """Review 7 E1: the stepfather-mother couple's drop ran into a child of her first marriage and
    the two sibships shared one bar: all three children hung from the stepfather."""
    eco, family = load_ecomap(STEPFAMILY)
    assert family is not None
    lay = layout_ecomap(eco, family)
    assert _reached(lay, "K1") == {"IB", "K1", "K2"}  # from the mother alone (the father is dead)
    assert _reached(lay, "K3") == {"AT", "IB", "K3"}
    assert lay.quality.defects == 0


def test_e1_bars_of_two_unions_stand_at_different_heights_and_never_overlap() -> None:
    eco, family = load_ecomap(STEPFAMILY)
    lay = layout_ecomap(eco, family)
    bars = [s for s in _segments(lay) if abs(s[0][1] - s[1][1]) < 1e-6 and s[0][1] > lay.member("IB").cy + 1]
    for (a, b), (c, d) in itertools.combinations(bars, 2):
        overlap = min(max(a[0], b[0]), max(c[0], d[0])) - max(min(a[0], b[0]), min(c[0], d[0]))
        assert abs(a[1] - c[1]) >= 4 or overlap < -2, ((a, b), (c, d))


def test_e1_first_marriage_children_stand_together_in_birth_order_on_their_mothers_side() -> None:
    eco, family = load_ecomap(STEPFAMILY)
    lay = layout_ecomap(eco, family)
    x = {m.id: m.cx for m in lay.members}
    assert x["K1"] < x["K2"]
    # the mother between her first children and her second husband, as the genogram draws her unions
    assert x["K2"] < x["K3"] and x["IB"] < x["AT"]
    assert not min(x["K1"], x["K2"]) < x["K3"] < max(x["K1"], x["K2"])


def _household_doc(draw: st.DrawFn) -> dict:
    """A household of a mother and a partner, each perhaps with children by earlier partners who
    died or live elsewhere (some adopted or fostered), and their own children."""
    people = [{"id": "M", "sex": "P", "birth": 1970}, {"id": "P", "sex": "L", "birth": 1968}]
    unions: list[dict] = []
    members = ["M"] + (["P"] if draw(st.booleans()) else [])
    n = 0
    year = 1990
    for parent in ("M", "P"):
        for k in range(draw(st.integers(0, 2))):
            ex = f"X{parent}{k}"
            people.append({"id": ex, "sex": "L" if parent == "M" else "P", "birth": 1965,
                           **({"death": year + 5} if draw(st.booleans()) else {})})
            kids = []
            for _ in range(draw(st.integers(1, 3))):
                n += 1
                year += 1
                people.append({"id": f"C{n}", "sex": draw(st.sampled_from("LP")), "birth": year})
                relation = draw(st.sampled_from(["biological"] * 3 + ["adopted", "foster"]))
                kids.append({"id": f"C{n}", "relation": relation})
                if draw(st.integers(0, 4)) and (parent == "M" or "P" in members):
                    members.append(f"C{n}")
            unions.append({"partners": [parent, ex], "start": year - 3, "children": kids})
    kids = []
    for _ in range(draw(st.integers(0, 3))):
        n += 1
        year += 1
        people.append({"id": f"C{n}", "sex": draw(st.sampled_from("LP")), "birth": year})
        kids.append(f"C{n}")
        members.append(f"C{n}")
    unions.append({"partners": ["P", "M"], "start": year - 4, "children": kids})
    order = draw(st.permutations(members))
    return {"family": {"people": people, "unions": unions},
            "ecomap": {"focal": {"members": list(order)}, "systems": [{"id": "s"}]}}


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_e1_generated_remarriages_every_child_hangs_from_its_own_parents(data: st.DataObject) -> None:
    doc = data.draw(st.composite(lambda draw: _household_doc(draw))())
    eco, family = load_ecomap(doc)
    assert family is not None
    lay = layout_ecomap(eco, family)
    members = list(eco.focal.members)
    _check_children_hang_from_their_own_parents(lay, family, members)
    # no two symbols overlap, and no family line passes through a symbol it does not end on
    for a, b in itertools.combinations(lay.members, 2):
        assert abs(a.cx - b.cx) >= (a.size + b.size) / 2 or abs(a.cy - b.cy) >= (a.size + b.size) / 2
    for p, q in _segments(lay):
        for m in lay.members:
            if not (_touches(lay, p, m.id) or _touches(lay, q, m.id)):
                assert segment_circle_distance(p, q, (m.cx, m.cy)) > m.size / 2 - 1e-6, (m.id, p, q)


def test_e1_adopted_child_in_the_centre_has_brackets_and_a_dashed_child_line() -> None:
    """Review 7 E1: the adopted child (relation: angkat) had neither brackets nor a dashed line in the centre."""
    import copy
    from xml.etree import ElementTree

    from socialtools.ecomap.render import render_ecomap

    doc = copy.deepcopy(STEPFAMILY)
    doc["family"]["unions"][0]["children"] = ["K1", {"id": "K2", "relation": "angkat"}]
    eco, family = load_ecomap(doc)
    lay = layout_ecomap(eco, family)
    k2 = lay.member("K2")
    assert k2.bracketed and not lay.member("K1").bracketed
    line = next(i for i, line in enumerate(lay.family_lines) if math.dist(line[-1], (k2.cx, k2.cy - k2.size / 2)) < 0.5)
    assert lay.family_kinds[line] == "adopted"
    svg = render_ecomap(eco, family=family)
    root = ElementTree.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    groups = [g for g in root.iter(f"{ns}g") if g.get("class") == "member"]
    paths = {m.id: len(list(g.iter(f"{ns}path"))) for m, g in zip(lay.members, groups, strict=True)}
    assert paths["K2"] == 2 and paths["K1"] == 0  # a square and its brackets; K1 two circles, no brackets
    assert 'stroke-dasharray="6,4"' in svg
    # a tie coming to the adopted child ends on its bracket or its symbol, never inside the brackets
    for x, y in (k2.edge((k2.cx - 100, k2.cy)), k2.edge((k2.cx, k2.cy - 100))):
        assert k2.on_outline((x, y))


#: a household with union histories and identical twins (issue 13: the centre's own genogram)
HISTORIES = {
    "family": {
        "as_of": 2024,
        "people": [
            {"id": "KA", "name": "Kakek", "sex": "L", "birth": 1948},
            {"id": "NE", "name": "Nenek", "sex": "P", "birth": 1950},
            {"id": "AY", "name": "Ayah", "sex": "L", "birth": 1975},
            {"id": "IB", "name": "Ibu", "sex": "P", "birth": 1978},
            {"id": "K1", "name": "Kakak", "sex": "P", "birth": 2003, "index": True},
            {"id": "T1", "name": "Tina", "sex": "P", "birth": 2008},
            {"id": "T2", "name": "Tini", "sex": "P", "birth": 2008},
            {"id": "K4", "name": "Adik", "sex": "L", "birth": 2012},
        ],
        "unions": [
            {"partners": ["KA", "NE"], "events": ["menikah 1972", "cerai 1990"], "children": ["IB"]},
            {"partners": ["AY", "IB"], "events": ["menikah 2002", "pisah 2010", "rujuk 2013"],
             "children": ["K1", {"id": "T1", "twin": "a", "identical": True}, "K4",
                          {"id": "T2", "twin": "a", "identical": True}]},
        ],
    },
    "ecomap": {
        "focal": {"label": "Rumah tangga AY", "members": ["KA", "NE", "AY", "IB", "K1", "T1", "T2", "K4"]},
        "systems": [{"id": "sd", "name": "SD Negeri 3"}, {"id": "pkm", "name": "Puskesmas"}],
        "ties": [{"system": "sd", "to": "T1"}, {"system": "pkm", "to": "NE"}],
    },
}


def _child_line(lay: EcomapLayout, pid: str) -> tuple[tuple[float, float], ...]:
    m = lay.member(pid)
    return next(line for line in lay.family_lines if math.dist(line[-1], (m.cx, m.cy - m.size / 2)) < 0.5)


def test_twins_in_the_centre_hang_from_one_point_and_identical_twins_are_joined_by_a_bar() -> None:
    """Issue 13: twins in the centre were drawn as two ordinary children (each its own straight line
    from the bar), against the genogram's twins (their lines from one point; identical twins with a
    bar between the lines). The twins stand side by side though the file lists a brother between them."""
    eco, family = load_ecomap(HISTORIES)
    lay = layout_ecomap(eco, family)
    t1, t2 = _child_line(lay, "T1"), _child_line(lay, "T2")
    assert math.dist(t1[0], t2[0]) < 1e-6  # one point on the bar
    assert t1[0][0] not in (lay.member("T1").cx, lay.member("T2").cx)
    order = sorted(("K1", "T1", "T2", "K4"), key=lambda p: lay.member(p).cx)
    assert order == ["K1", "T1", "T2", "K4"]
    bars = [line for line, kind in zip(lay.family_lines, lay.family_kinds, strict=True)
            if kind == "mark" and segment_circle_distance(*t1, line[0]) < 1e-6]
    assert len(bars) == 1 and segment_circle_distance(*t2, bars[0][-1]) < 1e-6
    assert bars[0][-1][0] - bars[0][0][0] > 4  # a bar that shows, not a dot
    assert lay.quality.defects == 0
    _check_children_hang_from_their_own_parents(lay, family, list(eco.focal.members))


def test_union_lines_in_the_centre_carry_the_genograms_separation_and_divorce_marks() -> None:
    """Issue 13: a divorced couple and a couple who separated and reconciled were drawn in the centre
    with plain union lines; they carry the genogram's strokes (two for divorced, one crossed out for
    reconciled), clear of the symbols and of the line down to the children."""
    from socialtools.draw.geometry import segments_cross

    eco, family = load_ecomap(HISTORIES)
    lay = layout_ecomap(eco, family)
    kinds = dict(zip(lay.family_lines, lay.family_kinds, strict=True))
    marks = [line for line, kind in kinds.items() if kind == "mark"]
    for a, b, want in (("KA", "NE", 2), ("AY", "IB", 2)):
        union = next(line for line, kind in kinds.items() if kind.startswith("union-")
                     and abs(line[0][1] - lay.member(a).cy) < 1e-6)
        across = [m for m in marks if segments_cross(*m, *union)]
        assert len(across) == want, (a, b, across)
        for m in across:
            for pid in (a, b):
                p = lay.member(pid)
                assert min(abs(x - p.cx) for x, _ in m) > p.size / 2 + 2
            drop = [line for line in lay.family_lines
                    if abs(line[0][1] - union[0][1]) < 1e-6 and line[0][0] == line[-1][0]]
            assert all(min(abs(x - d[0][0]) for x, _ in m) > 2 for d in drop)
    assert {kinds[line] for line in kinds if kinds[line].startswith("union-")} == {"union-divorced", "union-reconciled"}
    # a married couple: no marks
    doc = {**HISTORIES, "family": {**HISTORIES["family"], "unions": [
        {"partners": ["KA", "NE"], "children": ["IB"]}, {"partners": ["AY", "IB"], "children": ["K1"]}]}}
    eco, family = load_ecomap(doc)
    assert "mark" not in layout_ecomap(eco, family).family_kinds


def _family_line_crossings(lay: EcomapLayout) -> list[tuple[str, str]]:
    """The ties that cross a family line of the centre (a proper crossing, solved for directly)."""
    out = []
    for t in lay.ties:
        for p, q in itertools.pairwise(t.points):
            for a, b in _segments(lay):
                dx, dy, ex, ey = q[0] - p[0], q[1] - p[1], b[0] - a[0], b[1] - a[1]
                den = dx * ey - dy * ex
                if abs(den) < 1e-12:
                    continue
                s = ((a[0] - p[0]) * ey - (a[1] - p[1]) * ex) / den
                u = ((a[0] - p[0]) * dy - (a[1] - p[1]) * dx) / den
                if 1e-6 < s < 1 - 1e-6 and 1e-6 < u < 1 - 1e-6:
                    out.append(t.key)
    return out


def test_ties_to_members_go_round_the_centres_family_lines() -> None:
    """Issue 13: a tie to a member ran straight across the household's own lines where a way round
    existed: kasus-sr's conflict tie to the mother crossed the line down to her youngest child. The
    systems now stand in the order of the members they are tied to, and a straight tie across a family
    line is kept only when no bent route costs less."""
    from pathlib import Path

    from socialtools.ecomap.diagram import EcomapDiagram
    from socialtools.io.loading import load_document

    lay = EcomapDiagram.from_document(load_document(Path(__file__).parent / "data/review7/kasus-sr.yaml")).layout
    assert _family_line_crossings(lay) == []
    assert lay.quality.defects == 0


def test_a_member_under_the_household_label_is_tied_from_beside_it_without_turning_back() -> None:
    """review-rt: the grandmother W stands right under the household's label, and the mosque, placed
    straight above her, reached her round the label's end with a tie that turned back; the mosque now
    stands on the side of her that the label leaves free."""
    from pathlib import Path

    from socialtools.ecomap.diagram import EcomapDiagram
    from socialtools.io.loading import load_document

    lay = EcomapDiagram.from_document(load_document(Path(__file__).parent / "data/cases/review-rt.yaml")).layout
    assert lay.quality.defects == 0
    members = {m.id: m for m in lay.members}
    for t in lay.ties:
        if t.tie.target in members:
            m = members[t.tie.target]
            samples = [(p[0] + (q[0] - p[0]) * i / 50, p[1] + (q[1] - p[1]) * i / 50)
                       for p, q in itertools.pairwise(t.points) for i in range(51)]
            ds = [math.dist(p, (m.cx, m.cy)) for p in samples]
            assert all(b <= a + 1e-6 for a, b in itertools.pairwise(ds)), t.key  # never farther on its way in
