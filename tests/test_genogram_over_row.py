"""A far partner's union line drawn over the row (layout._Geometry, bars.bracket_band): a person
with three partners has one who cannot stand next to them; under the row, that partner's line
was crossed by the drop of the union with the partner in between (one crossing per such person:
generated/remarriage-chains-3 had 11, dot 4; kinship2/minnbreast#375 had 1, dot 0)."""

from __future__ import annotations

import itertools
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtools.draw.geometry import segment_hits_box
from socialtools.genogram import Family, Genogram
from socialtools.genogram.bars import bracket_band, nested_levels
from socialtools.genogram.placements import GenogramLayout, UnionPlacement
from socialtools.io.loading import load_document
from tests.strategies import loopy_families
from tests.test_genogram_corpus_regressions import BENCH, _loader

DOCS = Path(__file__).resolve().parent.parent / "docs" / "examples"


def _third_partner(parents_of_h1: bool = False) -> Family:
    """W's partners H1 (left), H2 (right), H3 (beyond H1: H1 stands between); each union has a child."""
    data = load_document(DOCS / "genogram-third-partner.yaml")["family"]
    if parents_of_h1:  # H1's parents in the drawing: a line comes down onto the partner in between
        data["people"] += [{"id": "F", "sex": "male"}, {"id": "M", "sex": "female"}]
        data["unions"].append({"partners": ["F", "M"], "children": ["H1"]})
    return Family.model_validate(data)


def _over(lay: GenogramLayout) -> list[UnionPlacement]:
    """The unions whose line runs above the tops of their partners' symbols."""
    return [u for u in lay.unions.values()
            if len(u.partners) == 2 and u.points[1][1] < min(lay.nodes[p].top[1] for p in u.partners)]


def test_third_partners_line_goes_over_the_row_where_the_inner_drop_would_cross_it(svgcheck: ModuleType) -> None:
    genogram = Genogram(_third_partner())
    lay = genogram.layout
    (far,) = _over(lay)
    inner = [u for u in lay.unions.values() if u is not far]
    lo, hi = sorted(lay.nodes[q].x for q in far.partners)
    between = [p for p in lay.rows[lay.nodes["W"].row] if lo < lay.nodes[p].x < hi]
    assert between and not set(between) & set(far.partners)
    # over the heads of those between: above their symbols, under the row above's lines
    y = far.points[1][1]
    assert all(y < lay.nodes[p].symbol_box.y for p in between)
    # each leg comes down onto its partner's outline, off the middle (where a line from parents lands)
    for end in (far.points[0], far.points[-1]):
        node = min((lay.nodes[p] for p in far.partners), key=lambda n: abs(n.x - end[0]))
        assert abs(end[0] - node.x) > node.outer / 5 and node.symbol_box.y - 0.5 <= end[1] <= node.y
    # its children's line comes down from it, through no symbol and no label
    stem = next(s.stem for s in lay.sibships if s.union == far.id)
    assert stem[0][1] == y
    for n in lay.nodes.values():
        assert not segment_hits_box(*stem, n.symbol_box) and not segment_hits_box(*stem, n.label_box)
    q = genogram.quality()
    assert q.crossings == 0 and q.ok, q.problems
    counts = svgcheck.check(genogram.to_svg(), is_text=True, max_examples=0)["counts"]
    assert counts["line_crossings"] == 0 and sum(counts[k] for k in ("text_line", "line_through_shape",
                                                                     "line_overlaps")) == 0
    assert all(u.points[1][1] > lay.nodes["W"].y for u in inner)  # the others stay under the row


def test_far_partners_line_stays_under_the_row_where_over_it_crosses_as_many() -> None:
    """With H1's parents drawn, the line over the row would cross the line onto H1: one crossing
    either way, and the usual place (under the row) is kept."""
    genogram = Genogram(_third_partner(parents_of_h1=True))
    assert _over(genogram.layout) == []
    assert genogram.quality().crossings == 1


def test_bracket_band_never_counts_more_than_every_bracket_under_the_row() -> None:
    """The choice is kept only where it crosses fewer: two over-row candidates whose drops each
    come down through the other's line would cross as often as under the row."""
    spans = [(0.0, 3.0, "a"), (1.0, 4.0, "b")]
    drops = [(0.51, "a"), (3.49, "b"), (2.5, "c")]
    band = bracket_band(spans, drops, topped=[], couple_gaps={2})
    under = bracket_band(spans, drops, topped=[0.0, 1.0, 2.0, 3.0, 4.0, 1.5, 2.6], couple_gaps={2})
    assert band.crossings <= under.crossings
    assert under.over == {} and under.crossings > 0


def test_remarriage_chains_cross_no_more_than_dot(svgcheck: ModuleType) -> None:
    """generated/remarriage-chains-1: 4 crossings (dot 1) while each third partner's line hung under the row."""
    lq = _loader()
    text = lq.stress_tables((1,))["remarriage-chains-1"]
    family = lq.read_table(text, "remarriage-chains")["1"]
    genogram = Genogram(family, lq.OPTIONS)
    counts = svgcheck.check(genogram.to_svg(), is_text=True, max_examples=0)["counts"]
    assert counts["line_crossings"] == genogram.quality().crossings <= 1
    assert _over(genogram.layout)


def test_minnbreast_375_third_partner_crosses_nothing() -> None:
    """kinship2/minnbreast#375: 14642's third partner 14733 stood beyond 14736; the drop of
    14736–14642 crossed their line under the row (1 crossing, dot 0)."""
    families, _ = _loader().load_file(BENCH / "corpus" / "kinship2" / "minnbreast.csv")
    genogram = Genogram(families["375"])
    assert genogram.quality().crossings == 0
    assert any({"14733", "14642"} == set(u.partners) for u in _over(genogram.layout))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(loopy_families())
def test_lines_over_the_row_keep_clear_of_every_symbol_label_and_line(family: Family) -> None:
    genogram = Genogram(family)
    q = genogram.quality()
    assert q.ok, q.problems
    lay = genogram.layout
    for u in _over(lay):  # over the heads of everyone between its partners, under the bars above
        lo, hi = sorted(p[0] for p in u.points[1:3])
        row = lay.nodes[u.partners[0]].row
        y = u.points[1][1]
        assert all(y < lay.nodes[p].symbol_box.y for p in lay.rows[row] if lo <= lay.nodes[p].x <= hi)
        above = [s.bar[0][1] for s in lay.sibships if s.bar[0][1] < lay.nodes[u.partners[0]].y]
        assert all(b < y for b in above)
        for other in _over(lay):  # no two lines over a row run along each other
            if other is not u and other.points[1][1] == y:
                o_lo, o_hi = sorted(p[0] for p in other.points[1:3])
                assert o_hi < lo or hi < o_lo
    for u in lay.unions.values():
        for a, b in itertools.pairwise(u.points):
            assert a[0] == b[0] or a[1] == b[1]


def _brute_band(spans: list[tuple[float, float, str]], drops: list[tuple[float, str]], topped: list[float],
                below: dict[str, int], over: dict[str, int], double: set[str]) -> int:
    """The lines of one row drawn as segments (symbols between y -1 and 0, brackets under it on
    their levels, lines over it on theirs, a double line as two) and crossed pair by pair."""
    from socialtools.draw.geometry import segments_cross

    lines: dict[str, list] = {}
    for lo, hi, u in spans:
        if u in over:
            y, port, foot = -2.0 - over[u], 0.3 - 0.07 * over[u], -1.0
        else:
            y, port, foot = float(below[u]), 0.0, 0.0
        ys = (y - 0.1, y + 0.1) if u in double else (y,)
        lines[u] = [((lo + port, foot), (lo + port, y)), ((hi - port, foot), (hi - port, y))]
        lines[u] += [((lo + port, yy), (hi - port, yy)) for yy in ys]
    for x, u in drops:
        top = -2.0 - over[u] if u in over else below.get(u, 0)
        lines.setdefault(u, []).append(((x, top + (0.1 if u in double else 0.0)), (x, 100.0)))
    for i, t in enumerate(topped):
        lines[f"topped {i}"] = [((t, -100.0), (t, -1.0))]
    return sum(segments_cross(*p, *q) for a, b in itertools.combinations(lines.values(), 2) for p in a for q in b)


@st.composite
def _rows(draw: st.DrawFn) -> tuple[list[tuple[float, float, str]], list[tuple[float, str]], list[float],
                                    set[int], set[str]]:
    """A row of people with unions of partners apart (each with or without children), couples side
    by side with children, people with parents, and consanguineous unions."""
    n = draw(st.integers(3, 9))
    spans, drops, couples = [], [], set()
    for k in range(draw(st.integers(1, 4))):
        lo = draw(st.integers(0, n - 3))
        hi = draw(st.integers(lo + 2, n - 1))
        if any({lo, hi} & {a, b} and (lo, hi) == (a, b) for a, b, _ in spans):
            continue
        uid = f"far{k}"
        spans.append((float(lo), float(hi), uid))
        if draw(st.booleans()):  # its drop in the gap beside one partner
            drops.append((lo + 0.51 if draw(st.booleans()) else hi - 0.51, uid))
    for i in range(n - 1):
        if draw(st.booleans()):
            couples.add(i)
            drops.append((i + 0.5, f"couple{i}"))
    topped = sorted(float(i) for i in range(n) if draw(st.booleans()))
    double = {u for _, _, u in spans if draw(st.booleans())}
    return spans, drops, topped, couples, double


@settings(max_examples=300, deadline=None)
@given(_rows())
def test_bracket_band_counts_its_lines_and_never_more_than_all_under_the_row(row: tuple) -> None:
    spans, drops, topped, couples, double = row
    band = bracket_band(spans, drops, topped, couples, double)
    assert band.crossings == _brute_band(spans, drops, topped, band.below, band.over, double)
    all_under = {u: lv + 1 for u, lv in nested_levels(spans).items()}  # every bracket under the row
    assert band.crossings <= _brute_band(spans, drops, topped, all_under, {}, double)
    for x, u in drops:  # a line over the row never sends its drop through a couple's gap
        if u in band.over:
            assert int(x) not in couples
