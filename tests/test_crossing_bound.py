"""benchmarks/crossing_bound.py: the crossings every drawing of an order must have, and the
CP-SAT model of the orders the hard rules allow.

Without OR-Tools (CI installs only the test extras) the CP-SAT tests are skipped; the pure-Python
checks still run: the forced count of our layout's own order never exceeds the layout's own
crossing count, and the brute-force minimum over the orders that keep the rules never exceeds it.
"""

from __future__ import annotations

import importlib.util
import itertools
import random
import sys
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings

from socialtools.genogram import Family, Genogram
from tests.benchmark_modules import bench_module
from tests.strategies import families, loopy_families

HAS_ORTOOLS = importlib.util.find_spec("ortools") is not None
needs_ortools = pytest.mark.skipif(not HAS_ORTOOLS, reason="OR-Tools is not installed (a benchmark-only "
                                   "dependency: pip install ortools); the pure-Python checks still run")


cb = bench_module("crossing_bound")
generated = bench_module("generated_families")
lq = bench_module("layout_quality")


# --------------------------------------------------------------------------- small families

def small_families() -> list[tuple[str, Family]]:
    """Seeded families of 14-16 people of the shape that exceeds 1.5x dot (one person with
    children by two or three sisters; seeds whose bands hold 4-6 pairs of unions), and a hand-made
    hub with three partners."""
    shape = generated.Shape("partners-from-one-family", founders=1, generations=3, remarry=0.7, sisters=0.8,
                            children=(1, 3), max_people=14)
    out = []
    for seed in (1, 5, 24, 32, 47, 57, 71):
        rows = generated.grow(random.Random(seed), shape)
        out.append((f"seed {seed}", lq.read_table(generated.table({"1": rows}), f"seed-{seed}")["1"]))
    out.append(("hub with three partners", HUB))
    return out


# W (with parents and a sister) has children by the sisters P1 and P3 and by Q (whose parents are drawn)
HUB = Family.model_validate({"birth_order": "unknown", "people": [{"id": i} for i in (
    "F", "M", "W", "S", "A", "B", "P1", "P3", "C", "D", "Q", "K1", "K2", "K3")], "unions": [
    {"partners": ["F", "M"], "children": ["W", "S"]}, {"partners": ["A", "B"], "children": ["P1", "P3"]},
    {"partners": ["C", "D"], "children": ["Q"]}, {"partners": ["W", "P1"], "children": ["K1"]},
    {"partners": ["W", "Q"], "children": ["K2"]}, {"partners": ["W", "P3"], "children": ["K3"]}]})

# X, born between his brothers S1 and S2, has children by the sisters P1 and P2: his block P1 X P2
# stands between S1 and S2 (birth order), and the edge of the band meets the lines of F-M and of A-B
# in three runs each: two crossings at least, whatever the order
BETWEEN = Family.model_validate({"people": [
    {"id": "F"}, {"id": "M"}, {"id": "A"}, {"id": "B"}, {"id": "S1", "birth": "1950"}, {"id": "X", "birth": "1952"},
    {"id": "S2", "birth": "1954"}, {"id": "P1", "birth": "1951"}, {"id": "P2", "birth": "1953"}, {"id": "K1"},
    {"id": "K2"}], "unions": [
    {"partners": ["F", "M"], "children": ["S1", "X", "S2"]}, {"partners": ["A", "B"], "children": ["P1", "P2"]},
    {"partners": ["X", "P1"], "children": ["K1"]}, {"partners": ["X", "P2"], "children": ["K2"]}]})

SMALL = [*small_families(), ("two sisters between brothers", BETWEEN)]


def test_a_block_between_siblings_forces_two_crossings() -> None:
    inst = cb.build(BETWEEN)
    assert brute_force_minimum(inst) == 2
    # our layout gives way on the birth order here (S1 S2 P1 X P2: one crossing); drawn in the order
    # of the rules, the layout's coordinate and routing steps cross twice
    order = {(0, 0): ["F", "M", "A", "B"], (0, 1): ["S1", "P1", "X", "P2", "S2"], (0, 2): ["K1", "K2"]}
    assert cb.keeps_rules(inst, order) == []
    assert cb.forced_crossings(inst, order) == 2
    _, drawn = cb.draw_order(BETWEEN, order)
    assert drawn >= 2


def own_count(family: Family) -> tuple[dict, int]:
    genogram = Genogram(family, lq.OPTIONS)
    inst = cb.build(family)
    return cb.layout_order(inst, genogram.layout), genogram.quality().crossings


# --------------------------------------------------------------------------- brute force

def row_orders(inst, key) -> Iterator[tuple[str, ...]]:
    """Every order of one row that keeps the rules, written from the rules: blocks contiguous in
    one of their arrangements, each sibship in consecutive blocks, in birth order where it has one."""
    blocks = inst.rows[key]
    sibships = [(kids, ordered) for k, kids, ordered in inst.sibships if k == key]
    owner = {p: b for b in blocks for p in inst.blocks[b]}
    for perm in itertools.permutations(blocks):
        place = {b: i for i, b in enumerate(perm)}
        if any(max(place[owner[c]] for c in kids) - min(place[owner[c]] for c in kids) + 1
               != len({owner[c] for c in kids}) for kids, _ in sibships):
            continue
        for choice in itertools.product(*(inst.arrangements[b] for b in perm)):
            row = tuple(p for arrangement in choice for p in arrangement)
            pos = {p: i for i, p in enumerate(row)}
            if all(not ordered or all(pos[a] < pos[b] for a, b in itertools.pairwise(kids))
                   for kids, ordered in sibships):
                yield row


def brute_force_minimum(inst) -> int | None:
    """The least forced count over every order that keeps the rules (None: no order keeps them):
    row by row (each band's count depends on its two rows only), exactly."""
    total = 0
    for ci in sorted({c for c, _ in inst.rows}):
        keys = sorted(k for k in inst.rows if k[0] == ci)
        orders = {k: list(row_orders(inst, k)) for k in keys}
        if not all(orders.values()):
            return None
        best = {o: 0 for o in orders[keys[0]]}
        for k, nxt in itertools.pairwise(keys):
            assert nxt[1] == k[1] + 1
            best = {o2: min(cost + cb.forced_crossings(inst, {k: list(o1), nxt: list(o2)}, only=k)
                            for o1, cost in best.items()) for o2 in orders[nxt]}
        last = keys[-1]
        total += min(cost + cb.forced_crossings(inst, {last: list(o)}, only=last) for o, cost in best.items())
    return total


# --------------------------------------------------------------------------- tests

def test_a_sibship_bar_over_two_lines_of_another_union_is_one_forced_crossing() -> None:
    # u (A-B) on the left with children X, Y on the right; v (C-D) on the right with child Z on the
    # left: straight edges would cross twice; the genogram's bar of v passes u's drop once
    u = cb.BandUnion("u", (0, 0), ("A", "B"), ("X", "Y"))
    v = cb.BandUnion("v", (0, 0), ("C", "D"), ("Z",))
    pos = {"A": 0, "B": 1, "C": 2, "D": 3, "Z": 0, "X": 1, "Y": 2}
    assert cb.forced_pair(u, v, pos)
    inst = cb.Instance(unions=[u, v], blocks=[(p,) for p in "ABCDXYZ"])
    assert cb.forced_crossings(inst, {(0, 0): list("ABCD"), (0, 1): list("ZXY")}) == 1
    assert not cb.forced_pair(u, v, {**pos, "Z": 3, "X": 0, "Y": 1})


def test_the_far_partners_union_line_forces_a_crossing() -> None:
    inst = cb.build(HUB)
    order = {k: sorted(inst.row_people(k)) for k in inst.rows}
    row = next(k for k in inst.rows if "W" in inst.row_people(k))
    order[row] = ["S", "P3", "P1", "W", "Q"]
    below = next(k for k in inst.rows if "K1" in inst.row_people(k))
    order[below] = ["K3", "K1", "K2"]  # W-P3 passes P1, whose parents are drawn and who has a child by W
    uid = next(u for u, ps in inst.couples.items() if set(ps) == {"W", "P3"})
    pos = {p: i for i, p in enumerate(order[row])}
    assert cb.far_line(inst, uid, pos) == (True, [next(u for u, ps in inst.couples.items() if set(ps) == {"W", "P1"})])
    assert cb.keeps_rules(inst, order) == []
    # forced: the sibships of F-M (S, W) and A-B (P3, P1) interleave, and the line W-P3; nothing else
    order[(0, 0)] = ["F", "M", "A", "B", "C", "D"]
    assert cb.forced_crossings(inst, order) == 2
    _, drawn = own_count(HUB)
    assert drawn >= 2


@pytest.mark.parametrize(("name", "family"), SMALL, ids=[n for n, _ in SMALL])
def test_brute_force_minimum_never_exceeds_our_layout(name: str, family: Family) -> None:
    order, crossings = own_count(family)
    inst = cb.build(family)
    assert cb.forced_crossings(inst, order) <= crossings
    if family is not BETWEEN:  # (where our layout gives way on a birth order, the bound says nothing of it)
        assert cb.keeps_rules(inst, order) == [], name
        assert brute_force_minimum(inst) <= cb.forced_crossings(inst, order)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(families(max_people=30, relationships=False))
def test_forced_crossings_of_our_order_never_exceed_its_drawn_count(family: Family) -> None:
    order, crossings = own_count(family)
    assert cb.forced_crossings(cb.build(family), order) <= crossings


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(loopy_families(max_people=50, across=True, spanning=True))
def test_forced_crossings_never_exceed_the_drawn_count_in_loopy_families(family: Family) -> None:
    order, crossings = own_count(family)
    assert cb.forced_crossings(cb.build(family), order) <= crossings


@pytest.mark.parametrize("name", ["partners-from-one-family-1", "everything-1"])
def test_forced_crossings_of_generated_families_stay_under_our_count(name: str) -> None:
    family = cb.find_family(name)
    order, crossings = own_count(family)
    assert cb.forced_crossings(cb.build(family), order) <= crossings


@needs_ortools
@pytest.mark.parametrize(("name", "family"), SMALL, ids=[n for n, _ in SMALL])
def test_cp_sat_optimum_is_the_brute_force_minimum(name: str, family: Family) -> None:
    inst = cb.build(family)
    sol = cb.solve(inst, time_limit=60)
    assert sol.status == "OPTIMAL"
    assert sol.bound == sol.best == brute_force_minimum(inst)
    assert cb.keeps_rules(inst, sol.order) == []
    assert cb.forced_crossings(inst, sol.order) == sol.best
    order, crossings = own_count(family)
    if not cb.keeps_rules(inst, order):  # (BETWEEN: our layout gives way on a birth order)
        assert sol.bound <= crossings


@needs_ortools
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(families(max_people=12, relationships=False))
def test_cp_sat_optimum_is_the_brute_force_minimum_on_random_families(family: Family) -> None:
    inst = cb.build(family)
    least = brute_force_minimum(inst)
    sol = cb.solve(inst, time_limit=60)
    if least is None:
        assert sol.status == "INFEASIBLE"
        return
    assert sol.status == "OPTIMAL"
    assert sol.bound == sol.best == least
    assert cb.keeps_rules(inst, sol.order) == []
    assert cb.forced_crossings(inst, sol.order) == least


@needs_ortools
def test_the_bound_of_a_generated_family_stays_under_our_count() -> None:
    family = cb.find_family("partners-from-one-family-1")
    inst = cb.build(family)
    order, crossings = own_count(family)
    sol = cb.solve(inst, time_limit=60, hint=order, core=True)
    assert sol.bound <= cb.forced_crossings(inst, order) <= crossings
    assert sol.order is not None and cb.keeps_rules(inst, sol.order) == []


def test_without_ortools_the_script_says_so_and_exits_2(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "ortools", None)  # import ortools raises ImportError
    assert cb.main(["--family", "partners-from-one-family-2"]) == 2
    assert "OR-Tools is not installed" in capsys.readouterr().err


def test_the_report_says_when_no_order_keeps_the_rules() -> None:
    over = cb.Row("a", 200, 80, 39, 39, "OPTIMAL", 5.0, 42, 43, 43, 21)
    under = cb.Row("b", 200, 80, 30, 30, "OPTIMAL", 5.0, 31, 40, 40, 21)
    none = cb.Row("c", 200, 80, 0, None, "INFEASIBLE", 1.0, 3, 5, 5, 4)
    text = cb.report([over, under, none])
    assert "- a: every drawing whose order keeps the hard rules has at least 39 crossings" in text
    assert "- b: the bound, 30, is not over 1.5x dot's 21 (31.5)" in text
    assert "- c: no order keeps every hard rule" in text
    assert "| c | 200 | - | infeasible, 1 s |" in text
