"""A proven lower bound on the crossings of any genogram order that keeps the hard rules (OR-Tools CP-SAT).

    python3 benchmarks/crossing_bound.py --family partners-from-one-family-2
    python3 benchmarks/crossing_bound.py --family partners-from-one-family-2 --family partners-from-one-family-3 \\
        --time-limit 300 --write-docs docs/genogram.md

Issue 10 asks for no family with more than 1.5x dot's crossings. dot reaches its counts on some
generated families only by splitting sibships and parting couples, which the issue forbids to
socialtools. This script answers, for one family, "how few crossings can ANY order that keeps the
hard rules have?": it builds an exact model of the row orders the rules allow, counts in each
order the crossings that every drawing of that order must have, and lets CP-SAT minimise that
count. CP-SAT's best bound (its proven lower bound, the optimum when it finishes) is a lower
bound on the crossings svgcheck (and socialtools' own count) find in any drawing that keeps the
rules. Printed beside it: the best order found, our layout's count, dot's count on the
yardstick DOT of ``layout_quality.py`` (its functions, judged by the same svgcheck) and 1.5x dot.

The rows and the rules (socialtools' own, from :class:`~socialtools.genogram.structure.FamilyStructure`
and :mod:`socialtools.genogram.ordering`):

- rows are the generations of ``FamilyStructure``; each component of the family is its own set
  of rows (components are drawn apart: no crossing between them is counted);
- a row is a sequence of partner *blocks* (``blocks_of``: people joined by unions on one row),
  each contiguous and arranged as ``arrange_block`` arranges it for SOME order of the hub's
  partners, or as the mirror image of that (a superset of what the layout may do: the bound
  holds a fortiori);
- each sibship (a union's children one row below it) stands in consecutive blocks, and in birth
  order unless the family leaves the order free (``free_sibships``). Twins adjacent is not
  modelled: leaving a rule out only lowers the minimum, so the bound stays a bound.

The crossings counted — and why they are a lower bound of the drawn count. Assumed of the
drawing, as svgcheck and our layout have it: no line through a symbol, no two lines along one
another (svgcheck's overlap defect), lines crossing at inner points of their segments (svgcheck
does not count a crossing within 1 unit of a segment's end), a sibship's lines between its
parents' row and its children's row, and a union line between partners in the bands next to
their row.

1. Take the band between row r and row r+1 and a union u of row r whose children stand on row r+1.
   Everything the genogram draws for u in that band — its drop, its sibship bar, its children's
   lines — is a tree inside the band, touching the band's upper edge where the drop leaves the
   union line (between the two partners when they stand side by side; somewhere in the partners'
   span when they do not) and its lower edge on top of each child. The band is a disc whose
   boundary meets those points in the order of the rows: row r left to right, then row r+1 right
   to left. If the points of u and of another union v of the band form k runs each around that
   boundary (k >= 2), u's tree cuts the disc into parts that hold v's k runs apart, and v's tree
   must cross u's k - 1 times at least, each time at another point, so in another pair of
   segments (two straight segments cross once at most). With every sibship in consecutive blocks,
   k is 2 (one crossing) when u's drop stands left of v's but u's children do not all stand left
   of v's; k can be 3 or more where their children share a block (someone married into the
   family standing between two sisters). Where the order of two drops of one block is not fixed
   (a far partner's drop), the smaller count of the two orders is taken (:func:`pair_crossings`).
2. The union line of partners who do not stand side by side must pass the people between them,
   above or below each symbol. Where such a person has a line from their parents onto them and a
   union with a drop beside them inside the span, it crosses the line from above, or that union's
   lines below, or another union line at the row's level (:func:`far_line`). One crossing is
   counted for it, unless a pair of 1. with one of the unions it might cross is counted already.

Different pairs of lines give different pairs of segments, so the sum is at most the count of
proper crossings between different lines — what ``count_crossings`` of
:mod:`socialtools.genogram.quality` and svgcheck count. Lines of unions across rows, of
one-parent unions and long lines (children two rows down) are left out: leaving lines (or points
of a line) out only lowers the count. The crossings that come from the drawing rather than from
the order (bars on shared levels, a drop not over its sibship) are not counted either.

Note what is NOT a lower bound: the number of crossing pairs of straight edges
parent->union->child. In the genogram style one sibship bar over several children's lines of
another union crosses once, where the straight edges would cross once per child.

Checked by ``tests/test_crossing_bound.py``: the CP-SAT optimum equals a brute force over every
order of small families that keeps the rules, and the bound never exceeds our layout's own
count. OR-Tools is a benchmark-only dependency (``pip install ortools``); without it the script
says so and exits with status 2.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from docs_block import markdown_table, replace_block  # noqa: E402

from socialtools.genogram.model import Family  # noqa: E402
from socialtools.genogram.ordering import arrange_block, blocks_of, free_sibships, partners_on_row  # noqa: E402
from socialtools.genogram.placements import GenogramLayout  # noqa: E402
from socialtools.genogram.structure import FamilyStructure  # noqa: E402

RowKey = tuple[int, int]  # (component, generation)
Order = dict[RowKey, list[str]]  # each row's people, left to right
MAX_BLOCK_ARRANGEMENTS = 720  # orders of a hub's partners tried at most when listing a block's arrangements


@dataclass
class BandUnion:
    """A union of two partners on one row with children on the row below (the lines counted)."""

    uid: str
    row: RowKey
    partners: tuple[str, str]
    children: tuple[str, ...]


@dataclass
class Instance:
    """The rows, blocks, arrangements, sibships and counted unions of one family."""

    rows: dict[RowKey, list[int]] = field(default_factory=dict)  # row -> its blocks
    blocks: list[tuple[str, ...]] = field(default_factory=list)
    arrangements: list[list[tuple[str, ...]]] = field(default_factory=list)  # each block's allowed arrangements
    sibships: list[tuple[RowKey, tuple[str, ...], bool]] = field(default_factory=list)  # row, children, ordered
    unions: list[BandUnion] = field(default_factory=list)
    couples: dict[str, tuple[str, str]] = field(default_factory=dict)  # unions of two partners in one block
    dropping: set[str] = field(default_factory=set)  # unions with children (a drop under the union line)
    parented: set[str] = field(default_factory=set)  # people with a line from their parents onto them
    people: int = 0

    @functools.cached_property
    def block_of(self) -> dict[str, int]:
        """Each person's block (the instance is not changed once built)."""
        return {p: i for i, b in enumerate(self.blocks) for p in b}

    @functools.cached_property
    def row_of_block(self) -> dict[int, RowKey]:
        return {b: key for key, bs in self.rows.items() for b in bs}

    def row_people(self, key: RowKey) -> list[str]:
        return sorted(p for b in self.rows[key] for p in self.blocks[b])


def block_arrangements(block: list[str], partners: dict[str, list[str]], sex: dict[str, str]) -> list[tuple[str, ...]]:
    """Every arrangement :func:`arrange_block` gives ``block`` for some order of each member's
    partners, and the mirror images: a superset of the arrangements the layout may use."""
    found: set[tuple[str, ...]] = set()
    choices = [list(itertools.islice(itertools.permutations(partners.get(m, [])), MAX_BLOCK_ARRANGEMENTS))
               for m in block]
    for combo in itertools.islice(itertools.product(*choices), MAX_BLOCK_ARRANGEMENTS):
        alt = tuple(arrange_block(list(block), {**partners, **{m: list(o) for m, o in zip(block, combo, strict=True)}},
                                  sex))
        found |= {alt, alt[::-1]}
    found |= {tuple(block), tuple(block[::-1])}
    return sorted(found)


def build(family: Family) -> Instance:
    """The model's data for ``family`` (see the module)."""
    s = FamilyStructure(family)
    gen = s.generation
    inst = Instance(people=len(family.people))
    sex = {p.id: str(p.sex) for p in family.people}
    partners = partners_on_row(s)
    free = free_sibships(s)
    comp_of: dict[str, int] = {}
    for ci, comp in enumerate(s.components()):
        for p in comp:
            comp_of[p] = ci
        for block in blocks_of(s, comp):
            key = (ci, gen[block[0]])
            inst.rows.setdefault(key, []).append(len(inst.blocks))
            inst.blocks.append(tuple(block))
            inst.arrangements.append(block_arrangements(block, partners, sex) if len(block) > 1 else [tuple(block)])
    block_index = {p: i for i, b in enumerate(inst.blocks) for p in b}
    inst.parented = {p for p in s.parent_union if p in comp_of}
    for uid in sorted(s.unions):
        u = s.unions[uid]
        if (len(u.partners) == 2 and uid not in s.anchor and uid not in s.cross
                and block_index[u.partners[0]] == block_index[u.partners[1]]):
            inst.couples[uid] = (u.partners[0], u.partners[1])
        if s.children(uid):
            inst.dropping.add(uid)
        kids = [c for c in s.children(uid) if c in comp_of]
        if not kids:
            continue
        hang = s.hangs_from(uid)
        top = gen[hang[0]]
        direct = tuple(c for c in kids if gen[c] == top + 1)
        key = (comp_of[hang[0]], top + 1)
        if len(direct) > 1:
            inst.sibships.append((key, direct, uid not in free))
        if (len(u.partners) == 2 and uid not in s.anchor and uid not in s.cross
                and gen[u.partners[0]] == gen[u.partners[1]] == top and direct):
            inst.unions.append(BandUnion(uid, (comp_of[hang[0]], top), (u.partners[0], u.partners[1]), direct))
    return inst


# --------------------------------------------------------------------------- the count of one order

def _top(u: BandUnion, pos: dict[str, int]) -> tuple[float, float]:
    """The interval of the row where u's lines leave the row: the gap between adjacent partners,
    else the partners' span."""
    a, b = pos[u.partners[0]], pos[u.partners[1]]
    if abs(a - b) == 1:
        return (a + b) / 2, (a + b) / 2
    return min(a, b), max(a, b)


def forced_pair(u: BandUnion, v: BandUnion, pos: dict[str, int]) -> bool:
    """Must the lines of unions u and v (same band) cross, in every drawing of the order ``pos``?"""
    tu, tv = _top(u, pos), _top(v, pos)
    u_left = max(pos[c] for c in u.children) < min(pos[c] for c in v.children)
    v_left = max(pos[c] for c in v.children) < min(pos[c] for c in u.children)
    if tu[1] < tv[0]:
        return not u_left
    if tv[1] < tu[0]:
        return not v_left
    return not (u_left or v_left)


def band_pairs(inst: Instance) -> list[tuple[BandUnion, BandUnion]]:
    by_row: dict[RowKey, list[BandUnion]] = {}
    for u in inst.unions:
        by_row.setdefault(u.row, []).append(u)
    return [pair for us in by_row.values() for pair in itertools.combinations(us, 2)]


def far_line(inst: Instance, uid: str, pos: dict[str, int]) -> tuple[bool, list[str]]:
    """Must the union line of ``uid``, whose partners do not stand side by side in ``pos``, cross
    another line; and the unions it might cross at the row's level (the union lines of couples side
    by side between its partners), any of which may be that crossing.

    It must when a person q between the partners has a line from their parents onto them, and the
    union w of q and the person q' next to q (between the partners, or one of them) has children:
    the union line passes q above or below q's symbol, never through it. Above, it crosses the line
    onto q (unless it leaves the band above q's row). Below, it must get past the gap between q and
    q' under the row, where w's drop comes down from w's union line (which fills that gap at the
    row's level), or cross a union line at the row's level."""
    a, b = sorted(pos[p] for p in inst.couples[uid])
    if b - a < 2:
        return False, []
    forced = False
    inside = []
    block = set(inst.blocks[inst.block_of[inst.couples[uid][0]]])
    for wid, (q1, q2) in inst.couples.items():
        if wid == uid or q1 not in block or abs(pos[q1] - pos[q2]) != 1:
            continue
        if not (a <= min(pos[q1], pos[q2]) and max(pos[q1], pos[q2]) <= b):
            continue
        inside.append(wid)
        if wid in inst.dropping and any(a < pos[q] < b and q in inst.parented for q in (q1, q2)):
            forced = True
    return forced, inside


MAX_SIDE_BLOCKS = 2  # a union's child blocks without the other union's children kept as terminals, at most


def terminals(inst: Instance, u: BandUnion, v: BandUnion) -> tuple[list[str], list[str]]:
    """The children of u and of v whose places :func:`alternations` reads, for two unions whose
    children share a block: every child in a shared block, and one child of each other child block
    (of :data:`MAX_SIDE_BLOCKS` at most: leaving a point out never adds an alternation)."""
    owner = inst.block_of
    shared = {owner[c] for c in u.children} & {owner[c] for c in v.children}

    def pick(kids: tuple[str, ...]) -> list[str]:
        out = [c for c in kids if owner[c] in shared]
        seen: list[int] = []
        for c in kids:
            if owner[c] not in shared and owner[c] not in seen and len(seen) < MAX_SIDE_BLOCKS:
                seen.append(owner[c])
                out.append(c)
        return out

    return pick(u.children), pick(v.children)


def alternations(u_left: bool, bottom: list[bool]) -> int:
    """Crossings two unions' lines must have in a band: the band's edge read round (the drops left
    to right, then the children right to left) meets u's points and v's in k runs each; u's lines
    (a tree) cut the band into parts that hold v's k runs apart, and v's lines (a tree) cross them
    k - 1 times at least. ``bottom``: the children left to right, True for u's."""
    seq = [u_left, not u_left, *bottom[::-1]]
    changes = sum(seq[i] != seq[i - 1] for i in range(len(seq)))
    return max(0, changes // 2 - 1)


def pair_crossings(inst: Instance, u: BandUnion, v: BandUnion, pos: dict[str, int]) -> int:
    """Crossings the lines of u and v must have in the order ``pos``: :func:`forced_pair`, or more
    where their children share a block (:func:`alternations`; the order of two drops of one block
    taken as the one with fewer)."""
    count = int(forced_pair(u, v, pos))
    owner = inst.block_of
    if not {owner[c] for c in u.children} & {owner[c] for c in v.children}:
        return count
    tu, tv = terminals(inst, u, v)
    bottom = [c in tu for c in sorted(tu + tv, key=pos.__getitem__)]
    if owner[u.partners[0]] == owner[v.partners[0]]:
        refined = min(alternations(True, bottom), alternations(False, bottom))
    else:
        refined = alternations(_top(u, pos)[0] < _top(v, pos)[0], bottom)
    return max(count, refined)


def forced_crossings(inst: Instance, order: Order, only: RowKey | None = None) -> int:
    """The crossings every drawing of ``order`` has: those of each pair of unions of a band
    (:func:`pair_crossings`), and one for each union line between partners who do not stand side by
    side that must cross a line (:func:`far_line`) when no pair of it with a union it might cross at
    the row's level is counted already. ``only``:
    just those of the unions of one row (the band under it), for which ``order`` needs that row and
    the next."""
    pos = {p: i for row in order.values() for i, p in enumerate(row)}
    counts = {frozenset((u.uid, v.uid)): pair_crossings(inst, u, v, pos) for u, v in band_pairs(inst)
              if only is None or u.row == only}
    owner = inst.block_of
    far = 0
    for uid, (a, _) in inst.couples.items():
        if only is None or inst.row_of_block[owner[a]] == only:
            forced, inside = far_line(inst, uid, pos)
            far += forced and not any(counts.get(frozenset((uid, z))) for z in inside)
    return sum(counts.values()) + far


def keeps_rules(inst: Instance, order: Order) -> list[str]:
    """The hard rules ``order`` breaks, in words (empty: none)."""
    bad = []
    pos = {p: i for row in order.values() for i, p in enumerate(row)}
    for b, block in enumerate(inst.blocks):
        here = tuple(sorted(block, key=pos.__getitem__))
        if here not in inst.arrangements[b]:
            bad.append(f"block {' '.join(block)} stands as {' '.join(here)}")
    owner = inst.block_of
    for key, kids, ordered in inst.sibships:
        row = order[key]
        runs = [owner[p] for p in row]
        places = [i for i, b in enumerate(runs) if b in {owner[c] for c in kids}]
        if any(runs[i] not in {owner[c] for c in kids} for i in range(places[0], places[-1] + 1)):
            bad.append(f"sibship {' '.join(kids)} is split")
        if ordered and any(pos[a] > pos[b] for a, b in itertools.pairwise(kids)):
            bad.append(f"sibship {' '.join(kids)} is out of birth order")
    return bad


# --------------------------------------------------------------------------- CP-SAT

def _at_least(m: object, more: list, counted: list, n: int) -> object:
    """The literal "n crossings at least" of one pair: ``more`` grown to n literals, each implying
    the one before and each counted (in ``counted``, the objective's literals)."""
    while len(more) < n:
        more.append(m.NewBoolVar(""))  # type: ignore[attr-defined]
        m.AddImplication(more[-1], more[-2])  # type: ignore[attr-defined]
        counted.append(more[-1])
    return more[n - 1]


def _possible(inst: Instance, perm: tuple[str, ...]) -> bool:
    """May people of one row stand in the order ``perm`` (as far as their blocks tell: people of one
    block side by side among them, in the order of one of the block's arrangements)?"""
    owner = inst.block_of
    blocks = [owner[p] for p in perm]
    runs = [b for i, b in enumerate(blocks) if i == 0 or blocks[i - 1] != b]
    if len(runs) != len(set(runs)):
        return False
    for b in set(blocks):
        mine = [p for p in perm if owner[p] == b]
        if len(mine) > 1 and not any([p for p in alt if p in mine] == mine for alt in inst.arrangements[b]):
            return False
    return True


@dataclass
class Solution:
    bound: int
    best: int | None
    status: str
    seconds: float
    order: Order | None


def solve(inst: Instance, time_limit: float = 300.0, workers: int = 1, log: bool = False,
          hint: Order | None = None, core: bool = False) -> Solution:
    """Minimise :func:`forced_crossings` over the orders that keep the rules, by CP-SAT."""
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    owner = inst.block_of
    before_block: dict[tuple[int, int], object] = {}  # (i, j), i < j -> literal "block i left of block j"
    first: tuple[int, int] | None = None
    for _key, bs in sorted(inst.rows.items()):
        for i, j in itertools.combinations(sorted(bs), 2):
            before_block[(i, j)] = m.NewBoolVar(f"y{i}_{j}")
            first = first or (i, j)
        for i, j, k in itertools.combinations(sorted(bs), 3):  # transitivity
            a, b, c = before_block[(i, j)], before_block[(j, k)], before_block[(i, k)]
            m.AddBoolOr([a.Not(), b.Not(), c])
            m.AddBoolOr([a, b, c.Not()])
    if first is not None:  # every order and its mirror image have one count
        m.Add(before_block[first] == 1)

    def left(i: int, j: int):
        return before_block[(i, j)] if i < j else before_block[(j, i)].Not()

    arr = [[m.NewBoolVar(f"a{b}_{k}") for k in range(len(alts))] for b, alts in enumerate(inst.arrangements)]
    for lits in arr:
        m.AddExactlyOne(lits)
    inside: dict[tuple[str, str], object] = {}

    def before(p: str, q: str):
        bp, bq = owner[p], owner[q]
        if bp != bq:
            return left(bp, bq)
        lit = inside.get((p, q))
        if lit is None:
            alts = inst.arrangements[bp]
            lit = inside[(p, q)] = m.NewBoolVar(f"b{p}_{q}")
            m.Add(lit == sum(arr[bp][k] for k, alt in enumerate(alts) if alt.index(p) < alt.index(q)))
        return lit

    for key, kids, ordered in inst.sibships:
        mine = sorted({owner[c] for c in kids})
        for other in inst.rows[key]:
            if other in mine:
                continue
            z = m.NewBoolVar("")  # other stands left of the whole sibship, else right of it
            for b in mine:
                m.AddImplication(z, left(other, b))
                m.AddImplication(z.Not(), left(b, other))
        if ordered:
            for a, b in itertools.pairwise(kids):
                m.AddBoolOr([before(a, b)])
    crossed = []  # literals, each true where a pair of unions must cross
    pair_lit: dict[frozenset[str], object] = {}
    for u, v in band_pairs(inst):
        bu, bv = owner[u.partners[0]], owner[v.partners[0]]
        kids_u, kids_v = {owner[c] for c in u.children}, {owner[c] for c in v.children}
        if bu != bv:
            sides = {"u": [left(bu, bv)], "v": [left(bv, bu)]}
        else:  # drops in one block: their order is the arrangement's (unknown: either way)
            may = {"u": set(), "v": set()}  # arrangements in which u's drop may stand left of v's (and v's of u's)
            for k, alt in enumerate(inst.arrangements[bu]):
                pos = {p: i for i, p in enumerate(alt)}
                tu, tv = _top(u, pos), _top(v, pos)
                if not tv[1] < tu[0]:
                    may["u"].add(k)
                if not tu[1] < tv[0]:
                    may["v"].add(k)
            sides = {w: [arr[bu][k] for k in sorted(ks)] for w, ks in may.items()}
        c = m.NewBoolVar("")
        crossed.append(c)
        pair_lit[frozenset((u.uid, v.uid))] = c
        if not kids_u & kids_v:  # (their children share no block: one crossing at most, see pair_crossings)
            # two contiguous runs of blocks: one stands wholly left of the other, as their first blocks do
            y = left(min(kids_u), min(kids_v))
            if bu != bv:
                m.AddBoolOr([sides["u"][0].Not(), y, c])
                m.AddBoolOr([sides["v"][0].Not(), y.Not(), c])
            else:
                for k, lit in enumerate(arr[bu]):
                    if k in may["u"] and k not in may["v"]:
                        m.AddBoolOr([lit.Not(), y, c])
                    if k in may["v"] and k not in may["u"]:
                        m.AddBoolOr([lit.Not(), y.Not(), c])
            continue
        oks = []
        for who, (a, b) in (("u", (u, v)), ("v", (v, u))):
            if not sides[who]:
                continue
            ok = m.NewBoolVar("")
            if len(sides[who]) == 1:
                m.AddImplication(ok, sides[who][0])
            else:
                m.AddBoolOr(sides[who]).OnlyEnforceIf(ok)
            for p, q in itertools.product(a.children, b.children):
                m.AddImplication(ok, before(p, q))
            oks.append(ok)
        m.AddBoolOr([*oks, c])
        more = [c]  # more[j]: j + 1 crossings at least
        tu, tv = terminals(inst, u, v)
        for perm in itertools.permutations(tu + tv):
            if not _possible(inst, perm):
                continue
            bottom = [p in tu for p in perm]
            lits = [before(a, b).Not() for a, b in itertools.pairwise(perm)]
            if bu == bv:
                n = min(alternations(True, bottom), alternations(False, bottom))
                if n > 1:
                    m.AddBoolOr([*lits, _at_least(m, more, crossed, n)])
                continue
            for u_left, lit in ((True, left(bu, bv)), (False, left(bv, bu))):
                n = alternations(u_left, bottom)
                if n > 1:
                    m.AddBoolOr([*lits, lit.Not(), _at_least(m, more, crossed, n)])
    for uid, (a, _) in inst.couples.items():  # far partners' union lines (see far_line)
        b = owner[a]
        extra = None
        for k, alt in enumerate(inst.arrangements[b]):
            forced, inside = far_line(inst, uid, {p: i for i, p in enumerate(alt)})
            if not forced:
                continue
            if extra is None:
                extra = m.NewBoolVar("")
                crossed.append(extra)
            m.AddBoolOr([arr[b][k].Not(), extra, *(pair_lit[z] for z in (frozenset((uid, w)) for w in inside)
                                                   if z in pair_lit)])
    m.Minimize(sum(crossed))
    if hint is not None:
        place = {p: i for row in hint.values() for i, p in enumerate(row)}
        for (i, j), lit in before_block.items():
            m.AddHint(lit, place[inst.blocks[i][0]] < place[inst.blocks[j][0]])
        for b, alts in enumerate(inst.arrangements):
            here = tuple(sorted(inst.blocks[b], key=place.__getitem__))
            for k, alt in enumerate(alts):
                m.AddHint(arr[b][k], alt == here)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.log_search_progress = log
    solver.parameters.optimize_with_core = core
    start = time.perf_counter()
    status = solver.Solve(m)
    seconds = time.perf_counter() - start
    name = solver.StatusName(status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        bound = math.ceil(solver.BestObjectiveBound() - 1e-6) if status != cp_model.INFEASIBLE else 0
        return Solution(bound, None, name, seconds, None)
    order: Order = {}
    for key, bs in inst.rows.items():
        placed = sorted(bs, key=lambda b: sum(solver.Value(left(o, b)) for o in bs if o != b))
        row: list[str] = []
        for b in placed:
            k = next(k for k, lit in enumerate(arr[b]) if solver.Value(lit))
            row += inst.arrangements[b][k]
        order[key] = row
    bound = math.ceil(solver.BestObjectiveBound() - 1e-6)  # an integer objective: its bound rounds up
    return Solution(bound, round(solver.ObjectiveValue()), name, seconds, order)


# --------------------------------------------------------------------------- our layout and dot

def layout_order(inst: Instance, layout: GenogramLayout) -> Order:
    """The order of each row in one of our layouts (people by x)."""
    x = {pid: n.x for pid, n in layout.nodes.items()}
    order: Order = {}
    for key in inst.rows:
        order[key] = sorted(inst.row_people(key), key=lambda p: (x[p], p))
    return order


def draw_order(family: Family, order: Order) -> tuple[str, int]:
    """Our layout's SVG and own crossing count of ``family`` with its rows in ``order`` (a family of
    one component): the coordinate and routing steps of the layout, the ordering step replaced."""
    from unittest import mock

    from layout_quality import OPTIONS

    from socialtools.genogram import Genogram
    from socialtools.genogram import layout as layout_module

    inst = build(family)
    owner = inst.block_of
    rows: dict[int, list[list[str]]] = {}
    for (_, gen), people in order.items():
        blocks: list[list[str]] = []
        for p in people:
            if blocks and owner[blocks[-1][0]] == owner[p]:
                blocks[-1].append(p)
            else:
                blocks.append([p])
        rows[gen] = blocks
    with mock.patch.object(layout_module, "order_component", lambda s, component, **_: rows):
        genogram = Genogram(family, OPTIONS)
        svg = genogram.to_svg()
        return svg, genogram.quality().crossings


def find_family(name: str) -> Family:
    """A family of the layout_quality corpus by name (``partners-from-one-family-2``,
    ``generated/...``, ``hardcase/...``, a real corpus name) or a file socialtools reads."""
    from generated_families import stress_tables
    from layout_quality import corpus, read_table

    short = name.removeprefix("generated/")
    if short.rsplit("-", 1)[-1].isdigit():
        tables = stress_tables((int(short.rsplit("-", 1)[-1]),))
        if short in tables:
            return read_table(tables[short], short)["1"]
    if Path(name).is_file():
        from socialtools.genogram import Genogram

        return Genogram.from_file(Path(name)).family
    for member in corpus():
        if member.name == name and member.family is not None:
            return member.family
    sys.exit(f"crossing_bound: no family named {name!r} in the layout_quality corpus")


@dataclass
class Row:
    """The figures of one family."""

    family: str
    people: int
    unions: int
    bound: int
    best: int | None
    status: str
    seconds: float
    forced_ours: int  # forced crossings in our layout's order
    ours: int | None  # svgcheck on our drawing
    own: int | None  # our layout's own count
    dot: int | None  # svgcheck on dot's drawing of the yardstick DOT
    best_drawn: int | None = None  # svgcheck on our drawing of the best order found (the ordering step replaced)
    ours_rules: int = 0  # hard rules our layout's order breaks

    @property
    def limit(self) -> float | None:
        return None if self.dot is None else 1.5 * self.dot


def measure(name: str, time_limit: float, log: bool = False, core: bool = True) -> Row:
    """Bound, best order, our counts and dot's of one family (one CP-SAT worker)."""
    from layout_quality import OPTIONS, Member, load_svgcheck
    from layout_quality import measure as judge_both

    from socialtools.genogram import Genogram

    family = find_family(name)
    inst = build(family)
    ours_order = layout_order(inst, Genogram(family, OPTIONS).layout)
    sol = solve(inst, time_limit, 1, log, hint=ours_order, core=core)
    svgcheck = load_svgcheck()
    best_drawn = None
    if sol.order is not None:
        assert not keeps_rules(inst, sol.order), keeps_rules(inst, sol.order)
        assert forced_crossings(inst, sol.order) == sol.best, (forced_crossings(inst, sol.order), sol.best)
        if len({c for c, _ in inst.rows}) == 1:
            svg, _ = draw_order(family, sol.order)
            best_drawn = svgcheck.check(svg, is_text=True, max_examples=0)["counts"]["line_crossings"]
    res = judge_both(svgcheck, Member(name, "generated", family))
    return Row(name, len(family.people), len(inst.unions), sol.bound, sol.best, sol.status, round(sol.seconds, 1),
               forced_crossings(inst, ours_order), res.ours.crossings, res.own_count, res.dot.crossings, best_drawn,
               len(keeps_rules(inst, ours_order)))


def report(rows: list[Row]) -> str:
    """The table of the docs block, and a sentence per family."""
    def show(x: object) -> object:
        return "-" if x is None else x

    table = markdown_table(
        ["family", "people", "lower bound", "CP-SAT", "forced: best order", "our order", "our layout",
         "best order drawn by our layout", "dot", "1.5x dot"],
        [[r.family, r.people, "-" if r.status == "INFEASIBLE" else r.bound,
          f"{r.status.lower()}, {r.seconds:g} s", show(r.best), r.forced_ours,
          show(r.ours), show(r.best_drawn), show(r.dot), f"{r.limit:g}" if r.limit is not None else "-"]
         for r in rows])
    lines = []
    for r in rows:
        if r.status == "INFEASIBLE":
            lines.append(f"- {r.family}: no order keeps every hard rule (marriages between branches join sibships "
                         f"that cannot all stand in consecutive blocks): there is no bound to give.")
            continue
        if r.limit is None:
            continue
        if r.bound > r.limit:
            lines.append(f"- {r.family}: every drawing whose order keeps the hard rules has at least {r.bound} "
                         f"crossings, more than 1.5x dot's {r.dot} ({r.limit:g}): under the rules the per-family "
                         f"target cannot be met."
                         + (f" Our layout's order breaks {r.ours_rules} rule(s)." if r.ours_rules else ""))
        else:
            lines.append(f"- {r.family}: the bound, {r.bound}, is not over 1.5x dot's {r.dot} ({r.limit:g}): the "
                         f"rules alone do not rule the target out.")
    return table + "\n\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--family", action="append", metavar="NAME",
                    help="a family of the layout_quality corpus (repeat for several; default: the two "
                    "partners-from-one-family families over 1.5x dot)")
    ap.add_argument("--time-limit", type=float, default=300.0, metavar="S", help="CP-SAT seconds per family")
    ap.add_argument("--log", action="store_true", help="CP-SAT's search log")
    ap.add_argument("--no-core", action="store_true",
                    help="CP-SAT's default search instead of its core-based one (which raises the bound faster here)")
    ap.add_argument("--write-docs", metavar="FILE.md", help="the table into the crossing_bound block of FILE.md")
    args = ap.parse_args(argv)
    try:
        import ortools  # noqa: F401
    except ImportError:
        print("crossing_bound: OR-Tools is not installed (pip install ortools)", file=sys.stderr)
        return 2
    names = args.family or ["partners-from-one-family-2", "partners-from-one-family-3"]
    rows = []
    for name in names:  # one solve at a time, one worker
        rows.append(measure(name, args.time_limit, args.log, not args.no_core))
        r = rows[-1]
        print(f"{r.family}: {r.people} people, {r.unions} unions counted; lower bound {r.bound}, best order "
              f"{r.best} ({r.status}, {r.seconds:g} s), drawn by our layout {r.best_drawn}; forced in our order "
              f"{r.forced_ours}; our layout {r.ours} (own count {r.own}); dot {r.dot}; 1.5x dot {r.limit}",
              flush=True)
    table = report(rows)
    print()
    print(table)
    if args.write_docs:
        how = ("python3 benchmarks/crossing_bound.py " + " ".join(f"--family {n}" for n in names)
               + f" --time-limit {args.time_limit:g} --write-docs {args.write_docs}")
        replace_block(args.write_docs, "crossing_bound",
                      f"Measured by `{how}` (CP-SAT, one worker; crossings counted by svgcheck):\n\n{table}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
