"""Sibship bars between two rows: which stands above which, and how often their lines cross.

Between a row of parents and the row of their children, each union with children has a *bar*:
a drop comes down from the union to the bar, and a line goes down from the bar to each child.
Bars that overlap stand on separate levels (0 nearest the parents). Where two overlap, the
lower one's drop crosses the upper bar if it passes through it, and each of the upper one's
children's lines crosses the lower bar that it passes: so which bar stands above matters.
:func:`stagger` gives the levels, :func:`bar_crossings` counts; the layout's drawing and the
ordering's crossing count both use them, so the count is that of the drawing.

>>> wide = Bar(0.0, 10.0, 5.0, (0.0, 10.0))  # a sibship with its drop in the middle
>>> right = Bar(8.0, 12.0, 8.0, (12.0,))  # the next one's drop comes down over its end
>>> stagger([wide, right])  # the right one above: no line crosses
[1, 0]
>>> bar_crossings([wide, right], [1, 0]), bar_crossings([wide, right], [0, 1])
(0, 2)
"""

from __future__ import annotations

import bisect
from typing import NamedTuple


class Bar(NamedTuple):
    """A sibship bar: its ends, the x of its drop and of its children's lines (sorted)."""

    lo: float
    hi: float
    drop: float
    kids: tuple[float, ...]


def _overlaps(bars: list[Bar], pad: float) -> list[list[int]]:
    """For each bar, the bars that overlap it (closer than ``pad``)."""
    near: list[list[int]] = [[] for _ in bars]
    active: list[int] = []
    for i in sorted(range(len(bars)), key=lambda i: (bars[i].lo, i)):
        active = [a for a in active if bars[a].hi + pad >= bars[i].lo]
        for a in active:
            near[a].append(i)
            near[i].append(a)
        active.append(i)
    return near


def bar_crossings(bars: list[Bar], levels: list[int]) -> int:
    """Crossings between the lines of bars on the given levels (overlapping bars on distinct
    levels)."""
    return _crossings(_costs(bars, _overlaps(bars, 0.0)), levels)


def _costs(bars: list[Bar], near: list[list[int]]) -> list[tuple[int, int, int, int]]:
    """Each overlapping pair once: (i, j, crossings with i above, crossings with j above). With
    one bar above another, the lower one's drop crosses the upper bar if it passes through it,
    and each of the upper one's children's lines that passes the lower bar crosses it."""
    out = []
    left, right = bisect.bisect_left, bisect.bisect_right
    for i, others in enumerate(near):
        lo, hi, drop, kids = bars[i]
        for j in others:
            if j <= i:
                continue
            lo2, hi2, drop2, kids2 = bars[j]
            inside = left(kids, hi2) - right(kids, lo2)  # i above: its children's lines through j
            above = (lo < drop2 < hi) + (inside if inside > 0 else 0)
            inside = left(kids2, hi) - right(kids2, lo)
            below = (lo2 < drop < hi2) + (inside if inside > 0 else 0)
            out.append((i, j, above, below))
    return out


def _crossings(costs: list[tuple[int, int, int, int]], levels: list[int]) -> int:
    return sum(above if levels[i] < levels[j] else below for i, j, above, below in costs)


def stagger(bars: list[Bar], pad: float = 0.0) -> list[int]:
    """Levels of ``bars`` such that bars closer than ``pad`` never share one: the fewer-crossing
    of first fit from the left and of putting first the bars that cross least when on top."""
    return _stagger(bars, pad)[0]


def staggered_crossings(bars: list[Bar]) -> int:
    """Crossings between the lines of ``bars`` on the levels :func:`stagger` gives them (no
    pad): ``bar_crossings(bars, stagger(bars))``, the pairs' costs counted once.

    >>> staggered_crossings([Bar(0.0, 10.0, 5.0, (0.0, 10.0)), Bar(8.0, 12.0, 8.0, (12.0,))])
    0
    """
    return _stagger(bars, 0.0)[1]


def _stagger(bars: list[Bar], pad: float) -> tuple[list[int], int]:
    """:func:`stagger`'s levels and the crossings between bars on them."""
    near = _overlaps(bars, pad)
    by_lo = sorted(range(len(bars)), key=lambda i: (bars[i].lo, i))
    first = _levels_in(by_lo, near, len(bars), lowest_free=True)
    if not any(near):
        return first, 0
    costs = _costs(bars, _overlaps(bars, 0.0) if pad else near)
    score = [0] * len(bars)
    for i, j, above, below in costs:
        score[i] += above - below
        score[j] += below - above
    ranked = _settle(sorted(range(len(bars)), key=lambda i: (score[i], bars[i].lo, i)), costs, len(bars))
    ordered = _levels_in(ranked, near, len(bars), lowest_free=False)
    if (count := _crossings(costs, ordered)) < (first_count := _crossings(costs, first)):
        return ordered, count
    return first, first_count


def _settle(sequence: list[int], costs: list[tuple[int, int, int, int]], n: int, passes: int = 2) -> list[int]:
    """``sequence`` (bars from the top down) with each bar moved, in turn, to the place among
    the bars it overlaps where its pairs cross least (sifting on the linear order of the bars):
    a bar ranked by its total score can still stand above one it should stand below. Places
    are kept as numbers (a moved bar takes one between its new neighbours among the bars it
    overlaps, whose order alone decides the crossings), so a move costs no renumbering.

    >>> _settle([0, 1, 2], [(0, 1, 3, 0), (1, 2, 0, 1)], 3)
    [1, 0, 2]
    """
    pairs: list[list[tuple[int, int, int]]] = [[] for _ in range(n)]  # (other, cost above it, cost below it)
    for i, j, above, below in costs:
        if above != below:
            pairs[i].append((j, above, below))
            pairs[j].append((i, below, above))
    movers = sorted((b for b in range(n) if pairs[b]), key=lambda b: (-len(pairs[b]), b))
    if not movers:
        return sequence
    where = [0.0] * n
    for k, b in enumerate(sequence):
        where[b] = float(k)
    for _ in range(passes):
        moved = False
        for b in movers:
            ps = sorted(pairs[b], key=lambda p: where[p[0]])
            here = where[b]
            cost = best = now = sum(above for _, above, _ in ps)  # b above all of them
            best_k = 0
            for k, (o, above, below) in enumerate(ps, 1):
                cost += below - above
                if where[o] < here:
                    now = cost
                if cost < best:
                    best, best_k = cost, k
            if best < now:
                lo = where[ps[best_k - 1][0]] if best_k else where[ps[0][0]] - 1.0
                hi = where[ps[best_k][0]] if best_k < len(ps) else where[ps[-1][0]] + 1.0
                where[b] = (lo + hi) / 2
                moved = True
        if not moved:
            break
        order = sorted(range(n), key=where.__getitem__)  # renumbered after each pass
        for k, b in enumerate(order):
            where[b] = float(k)
    return sorted(sequence, key=where.__getitem__)


def _levels_in(sequence: list[int], near: list[list[int]], n: int, lowest_free: bool) -> list[int]:
    """Levels given bar by bar in ``sequence``: the lowest level free among the overlapping bars
    placed so far, or (``lowest_free`` False) the level below all of them, so that the sequence
    runs from top to bottom."""
    levels = [-1] * n
    for i in sequence:
        taken = {levels[j] for j in near[i] if levels[j] >= 0}
        if lowest_free:
            level = 0
            while level in taken:
                level += 1
        else:
            level = max(taken, default=-1) + 1
        levels[i] = level
    return levels


def nested_levels(intervals: list[tuple[float, float, str]], pad: float = 0.5) -> dict[str, int]:
    """Levels for the union brackets of partners who do not stand side by side, hanging below
    their row (given by the partners' places in the row): shorter ones first, so that a bracket
    inside another stands above it and its legs do not cross it; brackets closer than ``pad``
    never share a level.

    >>> nested_levels([(0.0, 10.0, "outer"), (2.0, 5.0, "inner"), (7.0, 9.0, "beside")], 1.0)
    {'beside': 0, 'inner': 0, 'outer': 1}
    """
    taken: list[list[tuple[float, float]]] = []
    out: dict[str, int] = {}
    for lo, hi, key in sorted(intervals, key=lambda t: (t[1] - t[0], t[0], t[2])):
        level = next((i for i, spans in enumerate(taken)
                      if all(hi + pad < a or b + pad < lo for a, b in spans)), len(taken))
        if level == len(taken):
            taken.append([])
        taken[level].append((lo, hi))
        out[key] = level
    return out


class BracketBand(NamedTuple):
    """The union brackets under (and over) one row: the level of each bracket under the row (1
    and lower), the level of each line drawn over the row (0 nearest the symbols), and the
    crossings of all of them (see :func:`bracket_band`)."""

    below: dict[str, int]
    over: dict[str, int]
    crossings: int


def bracket_band(spans: list[tuple[float, float, str]], drops: list[tuple[float, str]], topped: list[float],
                 couple_gaps: set[int], double: frozenset[str] | set[str] = frozenset()) -> BracketBand:
    """Where the lines of partners who do not stand side by side go, and how often they are crossed.

    ``spans``: (left place, right place, union) of each such union of a row; ``drops``: (place,
    union) of every drop that comes down from the row (a union's line to its children);
    ``topped``: the places, sorted, of the people of the row a line comes down onto from above
    (from their parents); ``couple_gaps``: the left places of partners side by side (their line
    and date stand in the gap); ``double``: consanguineous unions, whose double line is crossed
    twice by each line across it.

    Under the row (:func:`nested_levels`), a bracket is crossed by each drop from a level above
    it and each leg of a bracket below it, between its partners: a person's third partner
    stands apart, and the drop of the union with the partner between crosses that line. Such a
    line goes over the row instead, over the heads of the people between, where it is crossed
    by fewer lines there — the line onto each of them who has parents — and its own drop (which
    stands in a gap beside a partner, never a couple's gap) comes down through the row, across
    every bracket under the row that spans it. The choice that crosses fewer is kept.

    >>> spans, drops = [(0.0, 2.0, "far")], [(1.5, "near"), (0.51, "far")]  # A B C: A-C far, B-C near
    >>> bracket_band(spans, drops, topped=[2.0], couple_gaps={1})  # B has no parents: over B's head
    BracketBand(below={}, over={'far': 0}, crossings=0)
    >>> bracket_band(spans, drops, topped=[1.0, 2.0], couple_gaps={1}).crossings  # B has: either way 1
    1
    """
    level = {uid: lv + 1 for uid, lv in nested_levels(spans).items()}
    own = {uid: x for x, uid in drops}
    weight = {uid: 2 if uid in double else 1 for _, _, uid in spans}

    def under(lo: float, hi: float, uid: str, lv: dict[str, int], rest: list[tuple[float, float, str]]) -> int:
        n = sum(1 for x, w in drops if lv.get(w, 0) < lv[uid] and lo < x < hi)
        return n + sum((lo < a < hi) + (lo < b < hi) for a, b, w in rest if lv[w] > lv[uid])

    cost = {uid: weight[uid] * under(lo, hi, uid, level, spans) for lo, hi, uid in spans}
    all_under = sum(cost.values())
    left, right = bisect.bisect_left, bisect.bisect_right
    over: set[str] = set()
    for lo, hi, uid in spans:
        d = own.get(uid)
        if d is not None and (not lo < d < hi or int(d) in couple_gaps):
            continue  # its drop would come down through a couple's line and date
        above = weight[uid] * (left(topped, hi) - right(topped, lo))
        if d is not None:
            above += sum(weight[w] for a, b, w in spans if w != uid and level[w] < level[uid] and a < d < b)
        if above < cost[uid]:
            over.add(uid)
    if not over:
        return BracketBand(level, {}, all_under)
    rest = [t for t in spans if t[2] not in over]
    up = [t for t in spans if t[2] in over]
    below = {uid: lv + 1 for uid, lv in nested_levels(rest).items()}
    high = nested_levels(up)
    count = sum(weight[uid] * under(lo, hi, uid, below, rest) for lo, hi, uid in rest)
    for lo, hi, uid in up:  # the lines onto the people between; the legs and drops of the lines above it
        n = left(topped, hi) - right(topped, lo)
        n += sum((lo < a < hi) + (lo < b < hi) for a, b, w in up if high[w] > high[uid])
        n += sum(1 for x, w in drops if high.get(w, -1) > high[uid] and lo < x < hi)
        count += weight[uid] * n
    if count >= all_under:
        return BracketBand(level, {}, all_under)
    return BracketBand(below, high, count)
