"""Coordinate step of the genogram layout: the x of every person and of every union's drop,
given the order of the rows.

Each union with children has its *drop* (where the line to its children's bar leaves the union
line) as a point of its own in its partners' row: between adjacent partners, right of the
partner a one-sided union hangs from, or — partners further apart — in the gap beside the one
with fewer unions. A row is a chain of people and drops with the least gaps that symbols and
labels need. The ordering (:meth:`~socialtools.genogram.ordering._Graph.drops`) decides on which
side of every other union's child each drop comes down, in index places; where a drop comes down
beside its sibship and its row's bars cross no more often with the drops over their sibships,
those sides are taken instead (:func:`nearer_sides`). The sides are a hard constraint between
rows, so the drawing has exactly the crossings the ordering counted.

The positions start midway between the leftmost and the rightmost ones that meet every
constraint (longest paths in the constraint graph, from its start and to its end: a row is then
already about centred on what it hangs from, a third fewer row placements than from the
leftmost), then alternate down and up passes: each row is placed by weighted isotonic
regression with bounds (:func:`~socialtools.genogram.isotonic.isotonic`), the other rows
held: each drop pulled over the middle of its sibship, each child toward its place in its
sibship packed tight under its parents' drop, a partner block and its drops pulled as one.
Every pass keeps every constraint; the cost of a pass is linear in the number of people.

>>> from socialtools.genogram.model import Family
>>> from socialtools.genogram.structure import FamilyStructure
>>> f = Family.model_validate({"people": [{"id": i} for i in "ABCD"], "unions": [
...     {"partners": ["A", "B"], "children": ["C", "D"]}]})
>>> s = FamilyStructure(f)
>>> rows = {0: [["A", "B"]], 1: [["C"], ["D"]]}
>>> x, drops = place(s, rows, lambda a, b: 60.0, {p: 20.0 for p in "ABCD"}, lambda p: 30.0)
>>> x["B"] - x["A"], drops["u1"] == (x["A"] + x["B"]) / 2 == (x["C"] + x["D"]) / 2
(60.0, True)
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections import defaultdict
from collections.abc import Callable
from typing import NamedTuple

from socialtools.genogram.bars import Bar, staggered_crossings
from socialtools.genogram.isotonic import INF, _pooled, isotonic
from socialtools.genogram.ordering import Rows, _Graph, graph_of, off_other_children, positions
from socialtools.genogram.structure import FamilyStructure

__all__ = ["place"]

CLEAR = 8.0  # a drop keeps this far from the symbols and labels beside it
DROP_SPACING = 8.0  # between two drops in one gap
ONE_PARENT_SPACING = 12.0  # between a one-parent family's drop and another drop in its gap (issue 10, F1)
KID_CLEAR = 7.0  # a drop keeps this far from the line of another union's child (over the bars' stagger pad)
IDLE = 0.05  # weight of the pull of someone nothing else pulls, toward where they stand
SETTLED = 6.0  # an up pass moved nobody further than this: stop (a few units: the rest of the way is a
# geometric tail of ever smaller moves, many of the row placements for no visible change). Not more: at 8 and
# 12 the report drawing of a crowded three-generation case (tests/test_genogram_emotional_crowded.py) left an
# emotional line without a clean route, the few units it lacked taken by the unfinished tail. Stopping after
# a down pass as well was tried and left parents off the middle of their children.


def place(s: FamilyStructure, rows: Rows, sep: Callable[[str, str], float], half: dict[str, float],
          single_offset: Callable[[str], float], passes: int = 60) -> tuple[dict[str, float], dict[str, float]]:
    """x of each person of ``rows`` (one component's order) and of each drop of a union with
    children: (person → x, union → x of its drop). ``sep(a, b)`` is the least distance between
    neighbours ``a`` and ``b`` of a row, ``half[p]`` half the width of a person's symbol or label,
    ``single_offset(p)`` how far right of ``p`` the drop of a union hanging from ``p`` alone stands."""
    return _Placer(s, rows, sep, half, single_offset).run(passes)


Band = list[tuple[str, float, list[float]]]  # a row's drops: (union, where it comes down, its children's places)


def _crossings(band: Band) -> int:
    return staggered_crossings([Bar(min(ks[0], d), max(ks[-1], d), d, tuple(ks)) for _, d, ks in band])


def nearer_sides(graph: _Graph, r: int, band: Band) -> Band:
    """The drops of row ``r`` (:meth:`~socialtools.genogram.ordering._Graph.drops`), each moved over
    its own sibship where the bars then cross no more often than where the ordering put them.

    The ordering keeps its drops at least as far apart as their unions stand in the row above
    (scaled to the row below): under a row much wider than the row below, a drop then comes down
    beside its sibship, past other unions' children, though the row below could spread to stand
    under it — and the coordinate step keeps that side. Here each drop stands over the middle of
    its sibship as far as the order of the drops allows (isotonic regression without the gaps),
    on its own side of another union's child it would land on. That is taken if every drop then
    stands within its sibship (none pooled with another: the row's sibships do not cross) and the
    row's bars cross no more often (:func:`staggered_crossings`, the ordering's own count); else
    the ordering's drops. Left as they are: a row with no more people than the row below (its
    drops' gaps are not scaled down; there, standing beside its sibship is the ordering's choice,
    and moving such drops made some stress families a tenth wider), a row whose drops all stand
    within their sibships already, and one with a long line or a union line across rows, whose
    crossings are counted with lines the coordinate step does not place here."""
    if (not band or graph.row_size.get(r + 1, 0) >= graph.row_size.get(r, 0) or r in graph.links
            or any(len(ks) != len(graph.kids[u]) for u, _, ks in band)
            or all(ks[0] <= t <= ks[-1] for _, t, ks in band)
            or any(u in graph.cross_from for u, _, _ in band)):
        return band
    mids = [(ks[0] + ks[-1]) / 2 for _, _, ks in band]
    drops = isotonic(mids, [float(len(ks)) for _, _, ks in band], [0.0] * len(band))
    placed = off_other_children(drops, mids, [ks for _, _, ks in band])
    out: Band = [(uid, t, ks) for t, (uid, _, ks) in zip(placed, band, strict=True)]
    if any(_outside(t, ks) > 0.0 for _, t, ks in out):
        return band  # some drop still beside its sibship (drops pooled: the row's sibships cross)
    return out if _crossings(out) <= _crossings(band) else band


def _outside(t: float, ks: list[float]) -> float:
    """How far ``t`` is outside ``ks[0]..ks[-1]``."""
    return max(ks[0] - t, t - ks[-1], 0.0)


class _Placer:
    def __init__(self, s: FamilyStructure, rows: Rows, sep: Callable[[str, str], float],
                 half: dict[str, float], single_offset: Callable[[str], float]) -> None:
        self.s = s
        gen = s.generation
        people_rows = {r: [p for b in blocks for p in b] for r, blocks in rows.items()}
        people = [p for ps in people_rows.values() for p in ps]
        members = set(people)
        pos = positions(rows)
        graph = graph_of(s, members)
        union_order = {u: i for i, u in enumerate([*s.unions, *graph.cross_from])}
        # the unions with children drawn here, and the gap of its row each one's drop stands in
        drop_unions = [u for u in s.unions if s.children(u) and s.hangs_from(u)[0] in members]
        drop_unions += list(graph.cross_from)  # the upper ends of unions across rows: drops of their own
        in_gap: dict[tuple[int, int], list[str]] = defaultdict(list)
        one_parent = {u for u in drop_unions if u in s.unions and len(s.unions[u].partners) == 1}
        index_in_row = {p: i for ps in people_rows.values() for i, p in enumerate(ps)}
        for u in drop_unions:
            hang = graph.hang(u)
            r = gen[hang[0]]
            if len(hang) == 1:
                g = index_in_row[hang[0]]
            else:
                a, b = sorted(hang, key=index_in_row.__getitem__)
                ia, ib = index_in_row[a], index_in_row[b]
                if ib - ia <= 1:
                    g = ia
                else:
                    hub_left = len(s.unions_of[a]) >= len(s.unions_of[b])
                    g = ib - 1 if hub_left else ia
            in_gap[(r, g)].append(u)
        for key in in_gap:
            in_gap[key].sort(key=lambda u: (graph.union_pos(u, pos), union_order[u]))
        # the elements: people, then drops; each row a chain of them with its least gaps
        self.elem: dict[str, int] = {p: i for i, p in enumerate(people)}
        self.drop_elem: dict[str, int] = {}
        n = len(people)
        for u in drop_unions:
            self.drop_elem[u] = n
            n += 1
        self.n = n
        self.drop_union = {e: u for u, e in self.drop_elem.items()}
        self.chains: dict[int, list[int]] = {}
        self.offsets: dict[int, list[float]] = {}
        gaps_of: dict[int, list[float]] = {}
        for r, ps in people_rows.items():
            chain: list[int] = []
            gaps: list[float] = []
            pending = 0.0
            for i, p in enumerate(ps):
                if chain:
                    gaps.append(pending)
                chain.append(self.elem[p])
                q = ps[i + 1] if i + 1 < len(ps) else None
                drops = in_gap.get((r, i), [])
                if not drops:
                    pending = sep(p, q) if q is not None else 0.0
                    continue
                anchored = graph.hang(drops[0]) == [p]
                mins = [single_offset(p) if anchored else half[p] + CLEAR] + [
                    ONE_PARENT_SPACING if one_parent & {u, v} else DROP_SPACING for u, v in itertools.pairwise(drops)]
                if q is not None:
                    mins.append(half[q] + CLEAR)
                    excess = sep(p, q) - sum(mins)
                    if excess > 0:  # the partners' own gap is wider: the drops stand in its middle
                        if anchored:
                            mins[-1] += excess
                        else:
                            mins[0] += excess / 2
                            mins[-1] += excess / 2
                    pending = mins[-1]
                for u, g in zip(drops, mins, strict=False):
                    gaps.append(g)
                    chain.append(self.drop_elem[u])
            self.chains[r] = chain
            gaps_of[r] = gaps
        for r, chain in self.chains.items():
            gaps = gaps_of[r]
            assert len(gaps) == len(chain) - 1
            off = [0.0]
            for g in gaps:
                off.append(off[-1] + g)
            self.offsets[r] = off
        # the sides the ordering gave (or nearer ones that cross as often): each drop between two
        # children of other unions
        self.after: list[list[tuple[int, float]]] = [[] for _ in range(n)]  # x_e >= x_a + w
        self.before: list[list[tuple[int, float]]] = [[] for _ in range(n)]  # x_e <= x_b - w
        for r in people_rows:
            given = graph.drops(r, pos)
            band = nearer_sides(graph, r, given)
            if not band:
                continue
            below = people_rows.get(r + 1, [])
            kid_union = {c: u for u, _, _ in band if u not in graph.cross_from for c in graph.kids[u]}
            kids = [(float(i), c) for i, c in enumerate(below) if c in kid_union]
            at = [k for k, _ in kids]
            for (u, t, ks), (_, was, _) in zip(band, given, strict=True):
                d = self.drop_elem[u]
                own = [self.elem[below[round(k)]] for k in ks]
                if len(own) > 1 and ks[0] <= was <= ks[-1]:  # over its sibship where the ordering put it there
                    self._require(own[0], d, 0.0)
                    self._require(d, own[-1], 0.0)
                i = bisect.bisect_left(at, t)
                j = i - 1
                while j >= 0 and kid_union[kids[j][1]] == u:
                    j -= 1
                if j >= 0:
                    self._require(self.elem[kids[j][1]], d, KID_CLEAR)
                j = i
                while j < len(kids) and (kid_union[kids[j][1]] == u or kids[j][0] == t):
                    j += 1
                if j < len(kids):
                    self._require(d, self.elem[kids[j][1]], KID_CLEAR)
        # the pulls
        self.row_of_elem = [0] * n
        for r, chain in self.chains.items():
            for e in chain:
                self.row_of_elem[e] = r
        self.kid_elems = {u: [self.elem[c] for c in graph.drop_kids(u) if c in self.elem] for u in drop_unions}
        self.band_kids = {u: [k for k in self.kid_elems[u] if gen[people[k]] == gen[graph.hang(u)[0]] + 1]
                          for u in drop_unions}
        self.up: list[str | None] = [None] * n
        for p, e in self.elem.items():
            v = s.parent_union.get(p)
            self.up[e] = v if v in self.drop_elem else None
        # where each child stands in its sibship packed tight and centred under its parents' drop
        where = {e: (r, i) for r, chain in self.chains.items() for i, e in enumerate(chain)}
        self.ideal = [0.0] * n
        for u in drop_unions:
            if u in graph.cross_from:  # its line's lower end is the partner's, not a child's place
                continue
            by_row: dict[int, list[float]] = defaultdict(list)
            for k in self.kid_elems[u]:
                r, i = where[k]
                by_row[r].append(self.offsets[r][i])
            for k in self.kid_elems[u]:
                r, i = where[k]
                offs = by_row[r]
                self.ideal[k] = self.offsets[r][i] - (min(offs) + max(offs)) / 2
        # a partner block and its drops are pulled as one: runs of a chain in one block
        find = s.clusters.find
        block_of = [find(p) for p in people] + [find(graph.hang(u)[0]) for u in drop_unions]
        self.groups: dict[int, list[tuple[int, int]]] = {}
        for r, chain in self.chains.items():
            runs: list[tuple[int, int]] = []
            start = 0
            for i in range(1, len(chain) + 1):
                if i == len(chain) or block_of[chain[i]] != block_of[chain[start]]:
                    if i - start > 1:
                        runs.append((start, i))
                    start = i
            self.groups[r] = runs
        self.people = people

    def _require(self, a: int, b: int, w: float) -> None:
        """x of ``b`` at least ``w`` right of ``a``."""
        self.after[b].append((a, w))
        self.before[a].append((b, w))

    def start(self) -> list[float]:
        """The positions midway between the leftmost and the rightmost ones meeting every
        constraint (longest paths from the start and to the end; the middle of two such
        positions meets the constraints too); without the constraints between rows if they
        cannot all be met."""
        n = self.n
        succ: list[list[tuple[int, float]]] = [[] for _ in range(n)]
        indeg = [0] * n
        for r, chain in self.chains.items():
            off = self.offsets[r]
            for i in range(len(chain) - 1):
                succ[chain[i]].append((chain[i + 1], off[i + 1] - off[i]))
                indeg[chain[i + 1]] += 1
        for b in range(n):
            for a, w in self.after[b]:
                succ[a].append((b, w))
                indeg[b] += 1
        x = [0.0] * n
        ready = [e for e in range(n) if indeg[e] == 0]
        done: list[int] = []
        while ready:
            e = ready.pop()
            done.append(e)
            for f, w in succ[e]:
                if x[e] + w > x[f]:
                    x[f] = x[e] + w
                indeg[f] -= 1
                if indeg[f] == 0:
                    ready.append(f)
        if len(done) < n:  # a cycle: the sides cannot all be kept; keep the rows' own gaps only
            self.after = [[] for _ in range(n)]
            self.before = [[] for _ in range(n)]
            return [0.0] * n if not self.chains else self.start()
        # ... and the rightmost ones (longest paths to the end), and the middle of the two
        tail = [0.0] * n
        for e in reversed(done):
            for f, w in succ[e]:
                if tail[f] + w > tail[e]:
                    tail[e] = tail[f] + w
        width = max(map(operator.add, x, tail), default=0.0)
        return [(a + width - b) / 2 for a, b in zip(x, tail, strict=True)]

    def run(self, passes: int) -> tuple[dict[str, float], dict[str, float]]:
        xs = self.start()
        rows = sorted(self.chains)
        plans = {r: self._plan(r) for r in rows}
        last_move = float("inf")
        # a row is placed again only if it would come out otherwise: one of the rows that pull or
        # bound it moved since it was last placed, or it pulls some of its own elements toward
        # where they stand (:data:`IDLE`) and its last placement moved them
        clock = 0
        moved_at = dict.fromkeys(rows, 0)  # the clock when each row last moved
        placed_at = dict.fromkeys(rows, -1)  # ... and when it was last placed
        still = dict.fromkeys(rows, False)  # its last placement moved nothing
        for it in range(passes if rows else 0):
            down = it % 2 == 0
            before = xs[:] if not down else None
            for r in (rows if down else rows[::-1]):
                plan = plans[r]
                if ((still[r] or not plan.idle) and placed_at[r] >= 0
                        and all(moved_at[d] <= placed_at[r] for d in plan.deps)):
                    continue
                clock += 1
                placed_at[r] = clock
                still[r] = not self._place_row(plan, xs)
                if not still[r]:
                    moved_at[r] = clock
            if before is not None:
                move = max(map(abs, map(operator.sub, xs, before)), default=0.0)
                if move < SETTLED:
                    break
                if it > 8 and move > 0.98 * last_move:
                    break
                last_move = move
        x = {p: xs[e] for p, e in self.elem.items()}
        return x, {u: xs[e] for u, e in self.drop_elem.items()}

    def _plan(self, r: int) -> _RowPlan:
        """What pulls each element of row ``r``, looked up once for all passes."""
        chain = self.chains[r]
        refs: list[tuple[int, float]] = []
        drops: list[tuple[int, list[int]]] = []
        weights: list[float] = []
        for i, e in enumerate(chain):
            u = self.drop_union.get(e)
            if u is not None:  # a drop: over the middle of its children
                drops.append((i, self.band_kids[u] or self.kid_elems[u]))
                refs.append((e, 0.0))
                weights.append(1.0)
            elif (v := self.up[e]) is not None:  # a child: in its sibship packed under its parents' drop
                refs.append((self.drop_elem[v], self.ideal[e]))
                weights.append(1.0)
            else:  # nothing pulls: toward where it stands
                refs.append((e, 0.0))
                weights.append(IDLE)
        offsets = self.offsets[r]
        # the bounds: one side (one element, one gap) or several; at index i, less its offset
        low1 = [(i, *self.after[e][0], offsets[i]) for i, e in enumerate(chain) if len(self.after[e]) == 1]
        lows = [(i, self.after[e], offsets[i]) for i, e in enumerate(chain) if len(self.after[e]) > 1]
        high1 = [(i, *self.before[e][0], offsets[i]) for i, e in enumerate(chain) if len(self.before[e]) == 1]
        highs = [(i, self.before[e], offsets[i]) for i, e in enumerate(chain) if len(self.before[e]) > 1]
        lo_from = min([i for i, *_ in low1 + lows], default=len(chain)) + 1
        hi_from = max([i for i, *_ in high1 + highs], default=0) - 1
        groups = [(i, j, weights[i:j], offsets[i:j], sum(weights[i:j])) for i, j in self.groups[r]]
        # what a placement reads besides the row's own targets (a drop's own is replaced by its children's)
        drop_at = {i for i, _ in drops}
        read = [ref for i, (ref, _) in enumerate(refs) if i not in drop_at] + [k for _, kids in drops for k in kids]
        read += [a for e in chain for a, _ in self.after[e]] + [b for e in chain for b, _ in self.before[e]]
        deps = sorted({self.row_of_elem[e] for e in read} - {r})
        idle = any(self.row_of_elem[e] == r for e in read)  # it reads its own elements
        return _RowPlan(chain, refs, [(i, k[0]) for i, k in drops if len(k) == 1],
                        [(i, k) for i, k in drops if len(k) > 1], weights, offsets,
                        low1, lows, high1, highs, lo_from, hi_from, groups, deps, idle)

    @staticmethod
    def _place_row(plan: _RowPlan, xs: list[float]) -> bool:
        """Row ``plan.chain`` placed by isotonic regression, the other rows held (the arithmetic
        of :func:`~socialtools.genogram.isotonic.isotonic_sparse`, its bounds written straight
        into place): whether any of its elements moved."""
        # each element's pull: a target and a weight (least squares)
        targets = [xs[ref] + add for ref, add in plan.refs]
        for i, k in plan.drop1:
            targets[i] = xs[k]
        for i, kids in plan.drops:
            at = [xs[k] for k in kids]
            targets[i] = (min(at) + max(at)) / 2
        offsets = plan.offsets
        for i, j, ws, offs, wsum in plan.groups:  # a block with its drops: one target, kept together
            z = sum([w * (t - o) for w, t, o in zip(ws, targets[i:j], offs, strict=True)]) / wsum
            targets[i:j] = [z + o for o in offs]
        # the elements held by the sides the ordering gave, their bounds less their offsets
        n = len(targets)
        lo = [-INF] * n
        hi = [INF] * n
        for i, a, w, c in plan.low1:
            lo[i] = (xs[a] + w) - c
        for i, after, c in plan.lows:
            lo[i] = max([xs[a] + w for a, w in after]) - c
        for i, b, w, c in plan.high1:
            hi[i] = (xs[b] - w) - c
        for i, before, c in plan.highs:
            hi[i] = min([xs[b] - w for b, w in before]) - c
        for i in range(plan.lo_from, n):  # made monotone: a later lower bound is no lower
            if lo[i] < lo[i - 1]:
                lo[i] = lo[i - 1]
        for i in range(plan.hi_from, -1, -1):
            if hi[i] > hi[i + 1]:
                hi[i] = hi[i + 1]
        chain = plan.chain
        placed = _pooled(targets, plan.weights, offsets, lo, hi)
        moved = False
        for e, v in zip(chain, placed, strict=True):
            if xs[e] != v:
                xs[e] = v
                moved = True
        return moved


class _RowPlan(NamedTuple):
    """One row of the coordinate step: its elements (:attr:`chain`); each one's pull, the element
    whose x plus an amount is its target (:attr:`refs`: a child's parents' drop and its place in its
    sibship, else itself and 0) — but a drop's target is the middle of its children's elements
    (:attr:`drops`: index in the chain, those elements); the weights (:data:`IDLE` for an element
    nothing pulls), offsets in the chain, the elements with bounds (index, after, before), the
    partner blocks' runs (start, end, their weights, offsets and weights' sum), the other rows
    whose elements it reads (:attr:`deps`) and whether it pulls an element toward where it
    stands (:attr:`idle`)."""

    chain: list[int]
    refs: list[tuple[int, float]]
    drop1: list[tuple[int, int]]
    drops: list[tuple[int, list[int]]]
    weights: list[float]
    offsets: list[float]
    low1: list[tuple[int, int, float, float]]
    lows: list[tuple[int, list[tuple[int, float]], float]]
    high1: list[tuple[int, int, float, float]]
    highs: list[tuple[int, list[tuple[int, float]], float]]
    lo_from: int
    hi_from: int
    groups: list[tuple[int, int, list[float], list[float], float]]
    deps: list[int]
    idle: bool
