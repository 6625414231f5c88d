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

The crossings counted — and why they are a lower bound of the drawn count. Take the band
between row r and row r+1 and a union u of row r whose children stand on row r+1. Everything
the genogram draws for u in that band — its drop, its sibship bar, its children's lines — is one
connected set inside the band, touching the band's upper edge where the drop leaves the union
line (between the two partners when they stand side by side; somewhere in the partners' span
when they do not) and its lower edge on top of each child. The band is a disc whose boundary
meets those points in the order of the row orders: row r left to right, then row r+1 right to
left. Two connected sets in a disc whose boundary points alternate (a u point, a v point, a u
point, a v point around the boundary) must meet; two unions' lines never share a segment (svgcheck
calls that an overlap, a defect), so they meet in a proper crossing of a segment of u with a
segment of v. For two unions u, v of one band that means: if u's drop stands left of v's, they
cross unless all of u's children stand left of all of v's; if the order of the drops is not
fixed by the order (a far partner's drop, somewhere in a span that holds v's drop), they cross
when neither sibship stands wholly left of the other. Each such pair of unions is one crossing
at least, and different pairs are different pairs of segments, so their number is at most the
count of proper crossings between different lines — what ``count_crossings`` of
:mod:`socialtools.genogram.quality` and svgcheck count (svgcheck's 1-unit junction tolerance
aside: a forced crossing drawn within 1 unit of a segment's end would be missed). Lines of
unions across rows, of one-parent unions and long lines (children two rows down) are left out:
leaving lines out only lowers the count. The crossings that come from the drawing rather than
from the order (bars on shared levels, brackets of far partners) are not counted either.

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


def far_witnesses(inst: Instance, uid: str, pos: dict[str, int]) -> list[str]:
    """The unions ``w`` that force a crossing on the line of union ``uid`` whose partners do not
    stand side by side in ``pos``: a person q between the partners has a line from their parents
    onto them, and w, the union of q and the person next to q (inside the span), has children.
    The union line from one partner to the other passes q above or below q's symbol, never through
    it: above, it crosses the line onto q; below, it must pass the gap between q and q' below the
    row (the union line of w fills that gap at row level), where w's drop comes down. So it
    crosses the line onto q or w's lines."""
    a, b = sorted(pos[p] for p in inst.couples[uid])
    if b - a < 2:
        return []
    out = []
    block = set(inst.blocks[inst.block_of[inst.couples[uid][0]]])
    for wid, (q1, q2) in inst.couples.items():
        if wid == uid or wid not in inst.dropping or q1 not in block or abs(pos[q1] - pos[q2]) != 1:
            continue
        if not (a <= min(pos[q1], pos[q2]) and max(pos[q1], pos[q2]) <= b):
            continue
        if any(a < pos[q] < b and q in inst.parented for q in (q1, q2)):
            out.append(wid)
    return out


def forced_crossings(inst: Instance, order: Order, only: RowKey | None = None) -> int:
    """The crossings every drawing of ``order`` has: the pairs of :func:`forced_pair`, and one for
    each union line between partners who do not stand side by side that has a witness
    (:func:`far_witnesses`) whose pair with it is not counted already. ``only``: just those of the
    unions of one row (the band under it), for which ``order`` needs that row and the next."""
    pos = {p: i for row in order.values() for i, p in enumerate(row)}
    forced = {frozenset((u.uid, v.uid)) for u, v in band_pairs(inst) if (only is None or u.row == only)
              and forced_pair(u, v, pos)}
    owner = inst.block_of
    far = sum(any(frozenset((uid, w)) not in forced for w in far_witnesses(inst, uid, pos))
              for uid, (a, _) in inst.couples.items() if only is None or inst.row_of_block[owner[a]] == only)
    return len(forced) + far


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
        if not kids_u & kids_v:
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
    for uid, (a, _) in inst.couples.items():  # far partners' union lines (see far_witnesses)
        b = owner[a]
        extra = None
        for k, alt in enumerate(inst.arrangements[b]):
            pos = {p: i for i, p in enumerate(alt)}
            for w in far_witnesses(inst, uid, pos):
                if extra is None:
                    extra = m.NewBoolVar("")
                    crossed.append(extra)
                clause = [arr[b][k].Not(), extra]
                if frozenset((uid, w)) in pair_lit:
                    clause.append(pair_lit[frozenset((uid, w))])
                m.AddBoolOr(clause)
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
    family: str
    people: int
    unions: int
    bound: int
    best: int | None
    status: str
    seconds: float
    forced_ours: int
    ours: int | None
    own: int | None
    dot: int | None

    @property
    def limit(self) -> float | None:
        return None if self.dot is None else 1.5 * self.dot


def measure(name: str, time_limit: float, log: bool = False, core: bool = True) -> Row:
    from layout_quality import OPTIONS, Member, load_svgcheck
    from layout_quality import measure as judge_both

    from socialtools.genogram import Genogram

    family = find_family(name)
    inst = build(family)
    ours_order = layout_order(inst, Genogram(family, OPTIONS).layout)
    sol = solve(inst, time_limit, 1, log, hint=ours_order, core=core)
    if sol.order is not None:
        assert not keeps_rules(inst, sol.order), keeps_rules(inst, sol.order)
        assert forced_crossings(inst, sol.order) == sol.best, (forced_crossings(inst, sol.order), sol.best)
    res = judge_both(load_svgcheck(), Member(name, "generated", family))
    return Row(name, len(family.people), len(inst.unions), sol.bound, sol.best, sol.status, round(sol.seconds, 1),
               forced_crossings(inst, ours_order), res.ours.crossings, res.own_count, res.dot.crossings)


def report(rows: list[Row], time_limit: float) -> str:
    table = markdown_table(
        ["family", "people", "lower bound (proven)", "best order found", "CP-SAT", "our layout (svgcheck)",
         "dot (svgcheck)", "1.5x dot", "bound over 1.5x dot"],
        [[r.family, r.people, r.bound, r.best if r.best is not None else "-", f"{r.status.lower()}, {r.seconds:g} s",
          r.ours if r.ours is not None else "-", r.dot if r.dot is not None else "-",
          f"{r.limit:g}" if r.limit is not None else "-",
          ("yes" if r.bound > r.limit else "no") if r.limit is not None else "-"] for r in rows])
    return table


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
              f"{r.best} ({r.status}, {r.seconds:g} s); forced in our order {r.forced_ours}; our layout {r.ours} "
              f"(own count {r.own}); dot {r.dot}; 1.5x dot {r.limit}", flush=True)
    table = report(rows, args.time_limit)
    print()
    print(table)
    if args.write_docs:
        how = ("python3 benchmarks/crossing_bound.py " + " ".join(f"--family {n}" for n in names)
               + f" --time-limit {args.time_limit:g} --write-docs {args.write_docs}")
        replace_block(args.write_docs, "crossing_bound", f"Measured by `{how}` (CP-SAT, one worker):\n\n{table}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
