"""benchmarks/duplicate_arcs.py counts the lines an arc to a person drawn twice crosses, including
where the arc passes through a line at one of the points its curve is flattened into (a person
standing midway between the copy and the original: the top of a symmetric arc lies on that
person's line, and a count of proper crossings of straight pieces sees nothing there)."""

from __future__ import annotations

import itertools

from socialtools.draw.geometry import segments_cross
from socialtools.genogram import Family, Genogram
from socialtools.genogram.arcs import bezier
from tests.benchmark_modules import bench_module


def test_an_arc_through_a_line_at_one_of_its_points_crosses_it() -> None:
    crossings = bench_module("duplicate_arcs").crossings
    peak = [(0.0, 0.0), (5.0, 5.0), (10.0, 0.0)]
    assert crossings(peak, [(5.0, 0.0), (5.0, 10.0)]) == 1  # through the peak
    assert crossings(peak, [(5.0, 5.0), (5.0, 10.0)]) == 0  # a line ending on the arc
    assert crossings([(0.0, 0.0), (5.0, 5.0), (0.0, 10.0)], [(5.0, 0.0), (5.0, 10.0)]) == 0  # touching, turning back
    assert crossings([(0.0, 0.0), (10.0, 0.0)], [(5.0, -5.0), (5.0, 5.0)]) == 1  # a plain crossing


def _cousins() -> Family:
    """Two first cousins marry; her copy stands beside him, her cousin C3 midway between the copy
    and the original."""
    people = [{"id": i, "sex": s, "birth": b} for i, s, b in [
        ("G1", "male", 1900), ("G2", "female", 1902), ("P1", "male", 1925), ("P2", "female", 1927),
        ("W1", "female", 1926), ("H2", "male", 1924), ("C1", "male", 1950), ("C2", "female", 1952),
        ("C3", "female", 1953), ("C4", "male", 1955), ("K1", "male", 1975), ("K2", "female", 1977)]]
    return Family.model_validate({"people": people, "unions": [
        {"partners": ["G1", "G2"], "children": ["P1", "P2"]},
        {"partners": ["P1", "W1"], "children": ["C1", "C3"]},
        {"partners": ["H2", "P2"], "children": ["C2", "C4"]},
        {"partners": ["C1", "C2"], "children": ["K1", "K2"]}]})


def test_the_count_of_each_arc_agrees_with_a_fine_flattening_of_its_curve() -> None:
    crossings = bench_module("duplicate_arcs").crossings
    lay = Genogram(_cousins(), duplicate_loops=True).layout
    arcs = [link for link in lay.extra_links if link.kind == "duplicate" and link.control is not None]
    assert arcs
    for link in arcs:
        fine = bezier([link.points[0], *link.control, link.points[-1]], steps=1001)  # no point on a line
        for what, line, _ in lay.drawn_lines():
            if what.startswith("duplicate"):
                continue
            truth = sum(segments_cross(p, q, a, b) for p, q in itertools.pairwise(fine)
                        for a, b in itertools.pairwise(line))
            assert crossings(link.points, line) == truth, (what, line)


def test_the_arc_chosen_for_a_person_standing_midway_crosses_no_line() -> None:
    """With an even number of pieces the top of the symmetric arc over C3 was a point on C3's line:
    the layout's count saw no crossing there and chose that arc (review10 gap 2). An odd number of
    pieces makes it a proper crossing, which the layout sees and avoids."""
    lay = Genogram(_cousins(), duplicate_loops=True).layout
    (arc,) = [link for link in lay.extra_links if link.kind == "duplicate"]
    curve = (bezier([arc.points[0], *arc.control, arc.points[-1]], steps=1001) if arc.control is not None
             else arc.points)
    crossed = [what for what, line, _ in lay.drawn_lines() if not what.startswith("duplicate")
               and sum(segments_cross(p, q, a, b) for p, q in itertools.pairwise(curve)
                       for a, b in itertools.pairwise(line))]
    assert crossed == []
