"""The layering step: rows that keep parent->child lines short (structure + layering)."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtools.genogram import Genogram
from socialtools.genogram.layering import tight_ranks
from socialtools.genogram.model import Family
from socialtools.genogram.structure import FamilyStructure
from tests.strategies import families, loopy_families

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _benchmark() -> ModuleType:
    """benchmarks/layering.py: the previous (longest-path) layering and the span measures."""
    if "layering_benchmark" not in sys.modules:
        sys.path.insert(0, str(BENCH))
        spec = importlib.util.spec_from_file_location("layering_benchmark", BENCH / "layering.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["layering_benchmark"] = module
        spec.loader.exec_module(module)
    return sys.modules["layering_benchmark"]


def total_span(s: FamilyStructure, row: dict[str, int]) -> int:
    """Rows skipped by the child lines, from each parent's cluster: sum of row(child) - row(parent) - 1."""
    return sum(row[b] - row[a] - 1 for a, b in s.cluster_graph()[3])


def check_rows(family: Family) -> FamilyStructure:
    s = FamilyStructure(family)
    gen = s.generation
    find = s.clusters.find
    row = {find(p): gen[p] for p in s.ids}
    for uid, u in s.unions.items():
        assert len({gen[p] for p in u.partners}) == 1 or uid in s.cross
    for child, uid in s.parent_union.items():
        assert all(gen[child] > gen[p] for p in s.unions[uid].partners)
    for comp in s.components():  # the oldest generation of each family on top
        assert min(gen[p] for p in comp) == 0
    before = _benchmark().longest_path_rows(s)
    assert total_span(s, row) <= total_span(s, before)
    assert _benchmark().long_lines(s, row)[1] <= total_span(s, row)
    return s


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(families(max_people=60, relationships=False))
def test_layering_never_longer_than_longest_path(family: Family) -> None:
    check_rows(family)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(loopy_families())
def test_layering_never_longer_than_longest_path_on_loops(family: Family) -> None:
    check_rows(family)


@st.composite
def dags(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, int]]]:
    n = draw(st.integers(1, 5))
    pairs = [(a, b) for a in range(n) for b in range(a + 1, n)]
    chosen = draw(st.lists(st.sampled_from(pairs), max_size=10)) if pairs else []
    return n, [(a, b, draw(st.integers(1, 3))) for a, b in chosen]


@settings(max_examples=150, deadline=None)
@given(dags())
def test_tight_ranks_is_optimal_against_brute_force(dag: tuple[int, list[tuple[int, int, int]]]) -> None:
    n, edges = dag
    start = [0] * n
    for a, b, _ in sorted(edges, key=lambda e: e[1]):  # edges go from lower to higher numbers
        start[b] = max(start[b], start[a] + 1)
    ranks = tight_ranks(n, edges, start)

    def cost(r: tuple[int, ...] | list[int]) -> int:
        return sum(w * (r[b] - r[a]) for a, b, w in edges)

    assert all(ranks[b] - ranks[a] >= 1 for a, b, _ in edges)
    best = min(cost(r) for r in itertools.product(range(n), repeat=n)
               if all(r[b] - r[a] >= 1 for a, b, _ in edges))
    assert cost(ranks) == best


def test_marrying_into_a_younger_generation_keeps_the_children_under_their_parents() -> None:
    """Regression: G married into the generation of her partner's grandchildren; her parents and
    her brother's family used to stay at the top, the brother's children two rows below him."""
    people = [{"id": i} for i in ("A", "B", "C", "D", "E", "F", "GP1", "GP2", "G", "H", "H1", "H2", "K")]
    unions = [
        {"partners": ["A", "B"], "children": ["C"]},  # a line of three generations
        {"partners": ["C", "D"], "children": ["E"]},
        {"partners": ["E", "F"], "children": []},
        {"partners": ["GP1", "GP2"], "children": ["G", "H"]},  # G's parents, with a son H
        {"partners": ["H", "H1"], "children": ["H2"]},
        {"partners": ["E", "G"], "children": ["K"]},  # G marries E, two generations down
    ]
    s = check_rows(Family.model_validate({"people": people, "unions": unions}))
    gen = s.generation
    assert gen["G"] == gen["E"] == 2
    assert gen["GP1"] == gen["GP2"] == 1  # G's parents one row above her, not on the top row
    assert gen["H"] == 2 and gen["H2"] == 3  # her brother beside her, his son just below him
    assert gen["A"] == 0


def _chained_marriages(first: str | None = None) -> Family:
    """K (P's daughter) married H1 and H2; H1's son S married W2, H2's wife: one union of the
    chain K-H1, K-H2, H2-W2, W2-S has to span rows (H1 and his son S). ``first``: that union
    listed first."""
    people = [{"id": i} for i in ["G1", "G2", "P", "Q", "X", "Y", "K", "H1", "W1", "S", "H2", "W2",
                                  "C1", "C2", "C3", "C4"]]
    unions = [
        {"id": "hw", "partners": ["H2", "W2"], "children": ["C1"]},
        {"id": "sw", "partners": ["S", "W2"], "children": ["C2"]},
        {"id": "kh2", "partners": ["H2", "K"], "children": ["C3"]},
        {"id": "kh1", "partners": ["H1", "K"], "children": ["C4"]},
        {"id": "g", "partners": ["G1", "G2"], "children": ["P", "X"]},  # K and H1 are cousins
        {"id": "pq", "partners": ["P", "Q"], "children": ["K"]},
        {"id": "xy", "partners": ["X", "Y"], "children": ["H1"]},
        {"id": "hs", "partners": ["H1", "W1"], "children": ["S"]},
    ]
    unions.sort(key=lambda u: u["id"] != first)
    return Family.model_validate({"people": people, "unions": unions})


@pytest.mark.parametrize("first", [None, "hw", "kh1", "kh2"])
def test_a_chain_of_marriages_across_generations_leaves_each_partner_under_their_parents(first: str | None) -> None:
    """Regression (the Hawaiian kings: Kalola married Keoua and Kalanai'opu'u, whose wife
    Kanekapolei married Keoua's son Kamehameha): the union that spans rows was the first one
    of the chain met in the file's order (K-H1), which put K on her husband's son's row, two
    rows under her parents. Whatever the order, the union spanning rows is the one with which
    the lines skip fewest rows: K stands beside her cousin H1, under her parents (H2 or W2 on
    two rows: either way one row between partners, none skipped by a child's line)."""
    s = check_rows(_chained_marriages(first))
    gen = s.generation
    assert len(s.cross) == 1 and "kh1" not in s.cross
    assert gen["K"] == gen["H1"] == gen["P"] + 1
    for child, uid in s.parent_union.items():  # no child's line skips a row
        assert gen[child] == max(gen[p] for p in s.unions[uid].partners) + 1
    q = Genogram(_chained_marriages(first)).quality()
    assert q.ok, q.problems


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(loopy_families(across=True))
def test_the_unions_spanning_rows_make_the_lines_skip_no_more_rows_than_the_file_order_would(family: Family) -> None:
    """Of a chain of marriages across generations, the union that spans rows is chosen so that
    the lines skip fewest rows: never more than with the first union of the chain met in the
    file's order (the choice before)."""
    s = check_rows(family)
    listed = FamilyStructure(family)
    listed._rank_rows()  # the unions joined in the file's order only
    assert s._skipped_rows() <= listed._skipped_rows()
