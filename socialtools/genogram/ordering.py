"""Ordering step of the genogram layout: the left-to-right order of every row.

Layered drawing with union nodes: each union with children is a node between its partners'
row and its children's row. :func:`count_crossings` counts the crossings of an order in the
genogram's own line style (one bar per sibship, a drop or a child's line crossing each bar it
passes; see :meth:`_Graph.drawn_band`). A long line (a child two or more rows below its
parents' union) has a dummy node on every row it passes (:func:`long_chains`): a one-person
block of its own in that row's order, counted band by band.

The order moves *blocks* (partners side by side, several partners around the person they
share) and *sibship groups* (all blocks of one union's children, in birth order) as units:

1. an initial order (depth first from the oldest generation, children in birth order);
2. rounds of: a median sweep, down or up, each row sorted by the positions of the blocks'
   parents (down) or children (up), sibship groups kept contiguous and in birth order;
   transposition of neighbouring groups wherever it removes crossings; sifting — each group,
   then each block that joins two sibships (and each long child line beside its siblings'
   group, among them), moved to the place of its row where its lines cross fewest others (no
   sibship's birth order broken);
3. the order with the fewest crossings is kept, over restarts (depth first, mirrored, then
   shuffled with fixed seeds) within a work budget and until a few restarts in a row found
   nothing better, so the same input always gives the same order.

>>> from socialtools.genogram.model import Family
>>> from socialtools.genogram.structure import FamilyStructure
>>> f = Family.model_validate({"people": [{"id": i} for i in "ABCDEFGH"], "unions": [
...     {"partners": ["A", "B"], "children": ["C", "E"]}, {"partners": ["C", "D"], "children": ["G"]},
...     {"partners": ["E", "F"], "children": ["H"]}]})
>>> s = FamilyStructure(f)
>>> rows = order_component(s, s.components()[0])
>>> [[p for block in rows[r] for p in block] for r in sorted(rows)]
[['A', 'B'], ['D', 'C', 'E', 'F'], ['G', 'H']]
>>> count_crossings(rows, s)
0
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from socialtools.genogram.bars import Bar, bracket_band, staggered_crossings
from socialtools.genogram.isotonic import isotonic
from socialtools.genogram.model import union_date_key
from socialtools.genogram.structure import FamilyStructure

Rows = dict[int, list[list[str]]]


def arrange_block(members: list[str], partners: Mapping[str, list[str]], sex: Mapping[str, str]) -> list[str]:
    """Partners of one block left to right: the person with most partners in the middle, their
    partners in the order of their unions (:meth:`Family.partners_in_union_order`): the first
    nearest on the left, the second nearest on the right, later ones further out on alternate
    sides; a man left of a woman in a couple of two.

    >>> arrange_block(["W", "A", "B"], {"W": ["A", "B"], "A": ["W"], "B": ["W"]}, {})
    ['A', 'W', 'B']
    """
    if len(members) == 2:  # a couple: the man on the left, else as given
        return members[::-1] if sex.get(members[0]) == "female" and sex.get(members[1]) == "male" else members
    if len(members) == 1:
        return members
    hub = max(members, key=lambda m: (len(partners.get(m, [])), -members.index(m)))
    placed = {hub}
    row = [hub]

    def put(other: str, side: int) -> None:
        placed.add(other)
        if side > 0:
            row.append(other)
        else:
            row.insert(0, other)

    def grow(person: str, side: int) -> None:
        for other in partners.get(person, []):
            if other not in placed:
                put(other, side)
                grow(other, side)

    for i, other in enumerate(partners.get(hub, [])):
        if other not in placed:
            side = -1 if i % 2 == 0 else 1
            put(other, side)
            grow(other, side)
    return row + [m for m in members if m not in placed]


def free_sibships(s: FamilyStructure) -> set[str]:
    """Unions whose children may stand in any order: the family tells no birth order
    (``birth_order: unknown``, a pedigree table) and none of the children has a birth date or
    is a twin (twins stand side by side as listed).

    >>> from socialtools.genogram.model import Family
    >>> f = Family.model_validate({"birth_order": "unknown", "people": [{"id": i} for i in "ABCD"],
    ...     "unions": [{"id": "u", "partners": ["A", "B"], "children": ["C", "D"]}]})
    >>> sorted(free_sibships(FamilyStructure(f)))
    ['u']
    """
    if s.family.birth_order != "unknown":
        return set()
    born = {p.id for p in s.family.people if p.birth is not None}
    return {uid for uid, u in s.unions.items() if u.children and not any(c.twin or c.id in born for c in u.children)}


def partners_on_row(s: FamilyStructure) -> dict[str, list[str]]:
    """Each person's partners who stand on the same row, in the order of their unions."""
    out: dict[str, list[str]] = {}
    for pid, uids in s.unions_of.items():
        dated = sorted((u for u in uids if u not in s.anchor), key=lambda u: union_date_key(s.unions[u]))
        seen: list[str] = []
        for uid in dated:
            seen += [o for o in s.unions[uid].partners if o != pid and o not in seen]
        out[pid] = seen
    return out


def blocks_of(s: FamilyStructure, component: list[str]) -> list[list[str]]:
    """Partner blocks of a component (people joined by unions on one row), each arranged."""
    groups: dict[str, list[str]] = {}
    for pid in component:
        groups.setdefault(s.clusters.find(pid), []).append(pid)
    sex = {p.id: p.sex for p in s.family.people}
    partners = partners_on_row(s) if any(len(g) > 1 for g in groups.values()) else {}
    return [arrange_block(members, partners, sex) for members in groups.values()]


def free_arrangements(s: FamilyStructure, blocks: list[list[str]]) -> dict[int, list[list[str]]]:
    """The arrangements (:func:`arrange_block`) of each block whose hub's partners may stand in
    any order, by the block's index: none of the hub's unions has a date (the order of the
    unions is then unknown: a pedigree table's rows tell none, and the order in which a file
    lists undated unions is no more than a default, kept where no other order crosses fewer
    lines). The hub stays in the middle, a partner on each side of it, the rest further out;
    each arrangement once up to its mirror image, the given one first. Blocks with a dated
    union of the hub (or with one arrangement) are left out.

    >>> from socialtools.genogram.model import Family
    >>> f = Family.model_validate({"birth_order": "unknown", "people": [{"id": i} for i in "WABC"],
    ...     "unions": [{"partners": ["W", p]} for p in "ABC"]})
    >>> s = FamilyStructure(f)
    >>> [" ".join(b) for b in free_arrangements(s, blocks_of(s, list("WABC")))[0]]
    ['C A W B', 'B A W C', 'C B W A', 'A B W C', 'B C W A', 'A C W B']
    """
    many = [i for i, b in enumerate(blocks) if len(b) > 2]
    if not many:
        return {}
    partners = partners_on_row(s)
    sex = {p.id: p.sex for p in s.family.people}
    out: dict[int, list[list[str]]] = {}
    for i in many:
        block = blocks[i]
        hub = max(block, key=lambda m: (len(partners.get(m, [])), -block.index(m)))
        if any(union_date_key(s.unions[u])[0] == 0 for u in s.unions_of.get(hub, [])):
            continue
        alts: list[list[str]] = [block]  # (the given arrangement, whose hub a tie may have made another member)
        for order in itertools.islice(itertools.permutations(partners[hub]), MAX_ARRANGEMENTS):
            alt = arrange_block(block, {**partners, hub: list(order)}, sex)
            if alt not in alts and alt[::-1] not in alts:
                alts.append(alt)
        if len(alts) > 1:
            out[i] = alts
    return out


LONG = "\x1f"  # dummy nodes' ids begin with it; a person's id never does (ids are stripped)


def dummy_id(uid: str, child: str, row: int) -> str:
    """Id of the dummy node where the line from union ``uid`` to ``child`` passes ``row``."""
    return f"{LONG}{uid}{LONG}{child}{LONG}{row}"


def is_dummy(node: str) -> bool:
    """Is ``node`` (an entry of an order's row) a dummy node of a long line, not a person?"""
    return node.startswith(LONG)


def long_chains(s: FamilyStructure, people: set[str] | None = None) -> dict[tuple[str, str], list[str]]:
    """The dummy nodes of each long line — (union, child) with the child standing two or more
    rows below the row its union hangs from: one dummy on every row the line passes, top down."""
    gen = s.generation
    out: dict[tuple[str, str], list[str]] = {}
    for uid in s.unions:
        top = s.hangs_from(uid)[0]
        if people is not None and top not in people:
            continue
        for c in s.children(uid):
            if gen[c] > gen[top] + 1:
                out[(uid, c)] = [dummy_id(uid, c, r) for r in range(gen[top] + 1, gen[c])]
    return out


CROSS = "\x1e"  # a cross-row union's upper end (its own drop) is the union's id and this


def cross_top(uid: str) -> str:
    """Id of the upper end of union ``uid`` whose partners stand on two rows: a one-sided drop
    beside the upper partner, from which the union line runs down to the lower partner."""
    return f"{uid}{CROSS}"


def cross_ends(s: FamilyStructure, uid: str) -> tuple[str, str]:
    """(upper, lower) partner of a union across rows: the lower one is the union's anchor."""
    lower = s.anchor[uid]
    return next(p for p in s.unions[uid].partners if p != lower), lower


def topped_people(s: FamilyStructure) -> set[str]:
    """The people a line comes down onto: from their parents, a partner on the row above, further
    parents (the ordering's crossing count and the layout's bracket levels must agree on them)."""
    return set(s.parent_union) | {cross_ends(s, u)[1] for u in s.cross} | {c.id for _, c in s.extra_links}


def cross_chains(s: FamilyStructure, people: set[str] | None = None) -> dict[tuple[str, str], list[str]]:
    """The dummy nodes of each union whose partners stand on different rows (``s.cross``): the
    union line runs from a drop beside the upper partner (:func:`cross_top`) down to the top of
    the lower partner, like a long child line — a dummy on every row it passes, top down, keyed
    (cross_top(union), lower partner); no dummy when the partners' rows are next to each other."""
    gen = s.generation
    out: dict[tuple[str, str], list[str]] = {}
    for uid in sorted(s.cross):
        upper, lower = cross_ends(s, uid)
        if people is not None and upper not in people:
            continue
        top = cross_top(uid)
        out[(top, lower)] = [dummy_id(top, lower, r) for r in range(gen[upper] + 1, gen[lower])]
    return out


def all_chains(s: FamilyStructure, people: set[str] | None = None) -> dict[tuple[str, str], list[str]]:
    """:func:`long_chains` and :func:`cross_chains`: every line with dummy nodes."""
    return long_chains(s, people) | cross_chains(s, people)


def graph_of(s: FamilyStructure, people: set[str]) -> _Graph:
    """The :class:`_Graph` of ``people`` (a component), made once for the family's structure: the
    ordering and the coordinate step of a component both read it (it is not changed once made)."""
    graphs: dict[frozenset[str], _Graph] = s.__dict__.setdefault("_graphs", {})
    key = frozenset(people)
    graph = graphs.get(key)
    if graph is None:
        graph = graphs[key] = _Graph(s, set(people))
    return graph


class _Graph:
    """Edges of the union-node model of a component, with the person positions of an order.

    A long line (a child two or more rows below its parents' union) has a dummy node on each
    row between: the union's sibship bar reaches the first dummy, and in each band below, the
    line runs from one dummy (or the last dummy) to the next (or the child) as a bar of one
    child — a jog on its own level, or a straight line down when the two stand one over the other."""

    def __init__(self, s: FamilyStructure, people: set[str]) -> None:
        self.s = s
        gen = s.generation
        self.row_unions: dict[int, list[str]] = defaultdict(list)
        self.kids: dict[str, list[str]] = {}
        self.chains = long_chains(s, people)
        self.dummy_row: dict[str, int] = {}
        self.above: dict[str, str] = {}  # a dummy's (or a long child's) node above: a union or a dummy
        self.below: dict[str, str] = {}  # a dummy's node below: a dummy or the child
        self.links: dict[int, list[tuple[str, str]]] = defaultdict(list)  # band -> (upper, lower) of long lines
        for (uid, c), chain in self.chains.items():
            top = gen[s.hangs_from(uid)[0]]
            for i, (a, b) in enumerate(itertools.pairwise([uid, *chain, c])):
                if i:
                    self.links[top + i].append((a, b))
                    self.below[a] = b
                self.above[b] = a
                if b != c:
                    self.dummy_row[b] = top + i + 1
        for uid in s.unions:
            hang = s.hangs_from(uid)
            if hang[0] not in people:
                continue
            self.row_unions[gen[hang[0]]].append(uid)
            self.kids[uid] = [c if gen[c] == gen[hang[0]] + 1 else self.chains[(uid, c)][0]
                              for c in s.children(uid) if gen[c] == gen[hang[0]] + 1 or (uid, c) in self.chains]
        self.rank = {c: i for uid in s.unions for i, c in enumerate(s.children(uid))}
        # per row: the unions whose drop is drawn (children anywhere), and the couples (bracket)
        self.row_drawn: dict[int, list[str]] = defaultdict(list)
        self.row_pairs: dict[int, list[str]] = defaultdict(list)
        for r, uids in self.row_unions.items():
            self.row_drawn[r] = [u for u in uids if s.children(u)]
            self.row_pairs[r] = [u for u in uids if u not in s.anchor and len(s.unions[u].partners) == 2]
        self.row_size: dict[int, int] = defaultdict(int)
        for p in people:
            self.row_size[gen[p]] += 1
        # people a line comes down onto, by row
        self.row_topped: dict[int, list[str]] = defaultdict(list)
        for p in topped_people(s) & people:  # (in any order: their places are sorted)
            self.row_topped[gen[p]].append(p)
        # where a union stands: its anchor (one-sided) or its partners, looked up once
        self._at: dict[str, tuple[str | None, tuple[str, ...]]] = {
            uid: (s.anchor.get(uid), tuple(u.partners)) for uid, u in s.unions.items()}
        # a union of two partners: how many unions each partner has
        self._unions_each = {uid: (len(s.unions_of[u.partners[0]]), len(s.unions_of[u.partners[1]]))
                             for uid, u in s.unions.items() if len(u.partners) == 2}
        self.cross_from: dict[str, str] = {}  # a cross-row union's upper end -> its lower partner
        self.cross_last: set[tuple[str, str]] = set()  # (last dummy, lower partner) of each such line
        self._add_cross(people)

    def _add_cross(self, people: set[str]) -> None:
        """The unions across rows (:func:`cross_chains`) as one-sided drops beside their upper
        partner, each with one child line: its dummy chain down to the lower partner."""
        gen = self.s.generation
        for (top, lower), chain in cross_chains(self.s, people).items():
            upper = cross_ends(self.s, top.removesuffix(CROSS))[0]
            r = gen[upper]
            self.chains[(top, lower)] = chain
            self.cross_from[top] = lower
            self._at[top] = (upper, (upper,))
            self.row_unions[r].append(top)
            self.row_drawn[r].append(top)
            self.kids[top] = [chain[0] if chain else lower]
            for i, (a, b) in enumerate(itertools.pairwise([top, *chain, lower])):
                if i:
                    self.links[r + i].append((a, b))
                    self.below[a] = b
                if b == lower and i:
                    self.cross_last.add((a, b))
                if b != lower:
                    self.above[b] = a
                    self.dummy_row[b] = r + i + 1

    def hang(self, uid: str) -> list[str]:
        """The people a union's line (or the upper end of a union across rows) hangs from."""
        anchor, ps = self._at[uid]
        return [anchor] if anchor is not None else list(ps)

    def drop_kids(self, uid: str) -> list[str]:
        """The people a drop's lines go down to: a union's children, a cross-row union's lower partner."""
        lower = self.cross_from.get(uid)
        return [lower] if lower is not None else self.s.children(uid)

    def below_all(self, dummy: str) -> str:
        """The child at the bottom of a dummy node's long line."""
        while dummy in self.below:
            dummy = self.below[dummy]
        return dummy

    def upper_pos(self, node: str, pos: dict[str, float]) -> float:
        """Position of what a line hangs from: a union, or a dummy node of a long line."""
        return pos[node] if node in self.dummy_row else self.union_pos(node, pos)

    def union_pos(self, uid: str, pos: dict[str, float]) -> float:
        """Where the union's drop stands in its row: right of its anchor, between adjacent
        partners, or — partners further apart — in the gap beside the one with fewer unions,
        just inside the union's span (as the coordinate step draws it)."""
        anchor, ps = self._at[uid]
        if anchor is not None:
            # the upper end of a union across rows: nearest its partner in the gap (its stub passes no other drop);
            # a one-parent family's drop: nearer its parent than a couple's (its line passes under the couple's)
            return pos[anchor] + 0.5 - (HUB_SIDE if uid in self.cross_from else HUB_SIDE / 2 if len(ps) == 1 else 0.0)
        if len(ps) == 2:
            a, b = pos[ps[0]], pos[ps[1]]
            if abs(a - b) <= 1:
                return (a + b) / 2
            na, nb = self._unions_each[uid]
            hub_left = na >= nb if a < b else nb >= na  # the left partner has at least as many
            lo, hi = (a, b) if a < b else (b, a)
            return hi - 0.5 - HUB_SIDE if hub_left else lo + 0.5 + HUB_SIDE
        return sum(pos[p] for p in ps) / len(ps)

    def drawn_band(self, r: int, pos: dict[str, float]) -> int:
        """Crossings between row ``r`` and the row below as the genogram draws them: the
        :meth:`bars` on the levels the drawing gives them (:mod:`socialtools.genogram.bars`)."""
        bars = self.bars(r, pos)
        return (staggered_crossings(bars) if len(bars) > 1 else 0) + self.bracket_band(r, pos)

    def bracket_band(self, r: int, pos: dict[str, float]) -> int:
        """Crossings under row ``r`` between the brackets of partners who do not stand side by
        side and the drops and bracket legs that come down through them — or, for a bracket
        drawn over the row, the lines onto the people under it (:func:`~socialtools.genogram.bars.bracket_band`)."""
        spans = []
        couples = set()
        for uid in self.row_pairs.get(r, ()):
            a, b = (pos[p] for p in self._at[uid][1])
            if abs(a - b) > 1:
                spans.append((min(a, b), max(a, b), uid))
            else:
                couples.add(int(min(a, b)))
        if not spans:
            return 0
        drops = [(self.union_pos(u, pos), u) for u in self.row_drawn[r]]
        topped = sorted(pos[p] for p in self.row_topped.get(r, ()))
        return bracket_band(spans, drops, topped, couples, self.s.double).crossings

    def bars(self, r: int, pos: dict[str, float]) -> list[Bar]:
        """The sibship bars between row ``r`` and the row below, in the positions of ``pos``
        (see :meth:`drops`)."""
        drops = self.drops(r, pos)
        out = [Bar(min(ks[0], d), max(ks[-1], d), d, tuple(ks)) for _, d, ks in drops]
        return out + self.long_bars(r, pos, drops) if r in self.links else out

    def long_bars(self, r: int, pos: dict[str, float],
                  drops: list[tuple[str, float, list[float]]] | None = None) -> list[Bar]:
        """The long lines' steps between row ``r`` and the row below, as bars of one child: each
        comes down where its dummy stands among the row's drops (:meth:`below_frame`)."""
        frame = self.below_frame(r, pos, self.drops(r, pos) if drops is None else drops)
        out = []
        for a, b in self.links.get(r, ()):
            xb = pos[b]
            xa = frame(pos[a], xb)
            if (a, b) in self.cross_last:
                xb = self.cross_end(xa, b, pos)
            out.append(Bar(min(xa, xb), max(xa, xb), xa, (xb,)))
        return out

    def below_frame(self, r: int, pos: dict[str, float],
                    drops: list[tuple[str, float, list[float]]]) -> Callable[[float, float], float]:
        """Where a line passing row ``r`` at place ``x`` comes down in the places of the row below
        (``toward``: the place it goes to there). The drops of the row stand over the middle of
        their sibships (:meth:`drops`), and the coordinate step keeps a long line's dummy in its
        gap between them: so it comes down in proportion between the drops beside it (beyond the
        last, the row's scale), not at its own index — a row of 25 over one of 7 would otherwise
        see a line from the left end of its row meet a child at the right end without a crossing."""
        if not drops:
            return lambda x, toward: x
        us = [self.union_pos(uid, pos) for uid, _, _ in drops]
        ds = [d for _, d, _ in drops]
        scale = min(1.0, self.row_size.get(r + 1, 0) / max(self.row_size.get(r, 1), 1))

        def frame(x: float, toward: float) -> float:
            i = bisect.bisect_left(us, x)
            if i == 0:
                y = ds[0] + (x - us[0]) * scale
            elif i == len(us):
                y = ds[-1] + (x - us[-1]) * scale
            else:
                u0, u1 = us[i - 1], us[i]
                y = ds[i - 1] + (x - u0) / (u1 - u0) * (ds[i] - ds[i - 1]) if u1 > u0 else ds[i]
            if abs(y - round(y)) < 1e-9 and y != toward:  # on the line of a child of the row below
                y += TIE_SHIFT / 2 if toward > y else -TIE_SHIFT / 2
            return y

        return frame

    def cross_end(self, upper: float, lower: str, pos: dict[str, float]) -> float:
        """Where a union line across rows, coming down at ``upper``, reaches the top of its lower
        partner: beside the middle (where the partner's own child line comes down), toward it."""
        x = pos[lower]
        return x + (END_SHIFT if upper > x else -END_SHIFT)

    def drops(self, r: int, pos: dict[str, float]) -> list[tuple[str, float, list[float]]]:
        """Each union of row ``r`` with children in the row below, in the order of its drop
        along the row: (union, where its drop comes down, its children's positions sorted).
        Each drop stands over the middle of its sibship as far as the order of the drops
        allows (isotonic regression); a drop that would land on another union's child goes to
        the side of its own sibship. The drops keep at least the gaps of their unions in the row
        above (scaled to the row below), so under a much wider row a drop can come down beside
        its sibship; the coordinate step moves such drops over their sibships where the bars
        cross as often (:func:`~socialtools.genogram.coordinates.nearer_sides`), and keeps each
        drop on the same side of every other union's child, so the drawing has the crossings
        counted here."""
        items = []
        for uid in self.row_unions.get(r, ()):
            # (an order without dummy nodes, as the coordinate step has it: the children one row down)
            ks = sorted(pos[c] for c in self.kids[uid] if c in pos)
            if self.cross_from and ks and self.kids[uid][0] == self.cross_from.get(uid):
                # a union line across rows to the partner one row down: beside the partner's middle
                ks = [self.cross_end(self.union_pos(uid, pos), self.cross_from[uid], pos)]
            if ks:
                items.append((self.union_pos(uid, pos), (ks[0] + ks[-1]) / 2, ks, uid))
        if not items:
            return []
        items.sort(key=lambda t: t[0])
        # a row of parents wider than its children's row: the children's row spreads to match
        scale = min(1.0, self.row_size.get(r + 1, 0) / max(self.row_size.get(r, 1), 1))
        gaps = [(b[0] - a[0]) * scale for a, b in itertools.pairwise(items)]
        drops = isotonic([m for _, m, _, _ in items], [float(len(ks)) for _, _, ks, _ in items],
                         list(itertools.accumulate(gaps, initial=0.0)))
        out = []
        placed = off_other_children(drops, [m for _, m, _, _ in items], [ks for _, _, ks, _ in items])
        for t, (_, _, ks, uid) in zip(placed, items, strict=True):
            if self.cross_from and uid in self.cross_from and self.kids[uid][0] == self.cross_from[uid]:
                ks = [self.cross_end(t, self.cross_from[uid], pos)]  # on the side the drop comes down
            out.append((uid, t, ks))
        return out


def off_other_children(drops: list[float], mids: list[float], sibships: list[list[float]]) -> list[float]:
    """``drops`` (in order along the row; each union's sibship middle in ``mids``, its children's
    places in ``sibships``) with each drop that lands on the line of another union's child moved
    :data:`TIE_SHIFT` off it, toward its own sibship, and none left of the drop before it.

    >>> off_other_children([1.0, 2.5], [0.0, 2.5], [[0.0], [2.0, 3.0]])
    [0.75, 2.5]
    """
    out: list[float] = []
    last = float("-inf")
    for d, mid, ks in zip(drops, mids, sibships, strict=True):
        k = float(round(d))
        if abs(d - k) < 1e-9 and k not in ks:  # on the line of another union's child
            d = k + (TIE_SHIFT if mid > k or k - TIE_SHIFT < last else -TIE_SHIFT)
        last = max(last, d)
        out.append(last)
    return out


_Flat = tuple[tuple[int, tuple[str, ...]], ...]  # an order: each row's people (and dummies), rows top down


def _flat(rows: Rows) -> _Flat:
    return tuple((r, tuple(p for b in bs for p in b)) for r, bs in sorted(rows.items()))


def positions(rows: Rows) -> dict[str, float]:
    """Index of each person in its row."""
    return {p: float(i) for blocks in rows.values() for i, p in enumerate(p for b in blocks for p in b)}


def count_crossings(rows: Rows, s: FamilyStructure) -> int:
    """Crossings of an order as the genogram draws it (see :meth:`_Graph.drawn_band`)."""
    people = {p for blocks in rows.values() for b in blocks for p in b if not is_dummy(p)}
    graph = _Graph(s, people)
    pos = positions(rows)
    return sum(graph.drawn_band(r, pos) for r in rows)


class _Orderer:
    def __init__(self, s: FamilyStructure, component: list[str], face_parents: bool = False) -> None:
        self.s = s
        self.component = component
        self.graph = graph_of(s, set(component))
        # the partner blocks, then one block of its own for each dummy node of a long line
        self.blocks = blocks_of(s, component) + [[d] for chain in self.graph.chains.values() for d in chain]
        # face_parents: the blocks whose partners may stand in any order are arranged, in every sweep,
        # so that their members' parents stand in the same order as they do (see _face)
        self.faces = free_arrangements(s, self.blocks) if face_parents else {}
        self.block_of = {p: i for i, b in enumerate(self.blocks) for p in b}
        gen = s.generation
        self.row_of_block = [self.graph.dummy_row[b[0]] if is_dummy(b[0]) else gen[b[0]] for b in self.blocks]
        first = {pid: i for i, pid in enumerate(component)}
        # where a block comes in the input: its first person's place, a dummy's child's place
        self.input_place = [first[self.graph.below_all(b[0])] if is_dummy(b[0]) else first[b[0]]
                            for b in self.blocks]
        # sibship groups: blocks that share a parent union stay together
        parent = list(range(len(self.blocks)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        by_union: dict[str, int] = {}
        for i, b in enumerate(self.blocks):
            for p in b:
                uid = s.parent_union.get(p)
                if uid is None or gen[s.hangs_from(uid)[0]] != gen[p] - 1:
                    continue
                if uid in by_union:
                    parent[find(i)] = find(by_union[uid])
                else:
                    by_union[uid] = i
        self.group_of = [find(i) for i in range(len(self.blocks))]
        # the first dummy node of a long child line: the union the line comes down from
        self.line_of: list[str | None] = [
            up if is_dummy(b[0]) and (up := self.graph.above.get(b[0])) in s.unions else None for b in self.blocks]
        self.joins = [len({s.parent_union.get(p) for p in b} - {None}) > 1 for b in self.blocks]
        # a block that joins two sibships by a marriage that closes no loop: someone married into a family
        # whose parents are drawn (an in-law), not a marriage between two branches of one family
        bridges = _bridges(s, component) if any(self.joins) else set()
        self.in_law = [j and all((p, u) in bridges for p in b for u in s.unions_of.get(p, ())
                                 if len(set(s.unions[u].partners) & set(b) & set(s.parent_union)) > 1)
                       for j, b in zip(self.joins, self.blocks, strict=True)]
        self.rank = [min((self.graph.rank[p] for p in b if p in self.graph.rank), default=0) for b in self.blocks]
        self.free_unions = free_sibships(s)
        # a block whose sibships may stand in any order: it moves inside its group like one that joins two
        ups = [{s.parent_union[p] for p in b if p in s.parent_union} for b in self.blocks]
        self.free = [bool(u) and u <= self.free_unions for u in ups]
        # what each block hangs from and what hangs from it
        above = self.graph.above
        self.up: list[list[str]] = [[above.get(p, s.parent_union.get(p, "")) for p in b
                                     if p in above or (p in s.parent_union
                                                       and s.hangs_from(s.parent_union[p])[0] in self.block_of)]
                                    for b in self.blocks]
        self.down: list[list[str]] = []
        for b in self.blocks:
            if b[0] in self.graph.below:
                self.down.append([self.graph.below[b[0]]])
                continue
            own = {uid for p in b for uid in s.unions_of.get(p, []) if p in s.hangs_from(uid)}
            self.down.append([c for uid in sorted(own) for c in self.graph.kids.get(uid, [])])
        self._next: dict[int, list[list[int]]] = {}  # see _relatives
        # rounds done (sweep direction, order before) -> (row's blocks, blocks' arrangement, order) after, and
        # the crossings of each order counted: the restarts of a search often reach an order met before
        self._done: dict[tuple[int, _Flat], tuple[dict[int, tuple[int, ...]], dict[int, list[str]], _Flat]] = {}
        self._counts: dict[_Flat, int] = {}
        self._add_cross()

    def _add_cross(self) -> None:
        """A union across rows: its line leaves the upper partner's block downward and comes to
        the lower partner's block from above (see :func:`cross_chains`)."""
        graph = self.graph
        self.cross_down: dict[str, list[str]] = defaultdict(list)  # upper partner -> first node of each such line
        for (top, lower), chain in graph.chains.items():
            if top in graph.cross_from:
                upper = graph.hang(top)[0]
                self.cross_down[upper].append(graph.kids[top][0])
                self.down[self.block_of[upper]].append(graph.kids[top][0])
                self.up[self.block_of[lower]].append(chain[-1] if chain else top)

    # ---- orders ----
    def initial(self, reverse: bool = False, seed: int = 0) -> Rows:
        """Depth first from the oldest blocks: a block, then its children's blocks in birth order
        (``seed`` > 0: the blocks of a row and the relatives of a block visited in a shuffled order)."""
        rng = random.Random(seed) if seed else None
        row, first = self.row_of_block, self.input_place
        rows: dict[int, list[int]] = defaultdict(list)
        seen: set[int] = set()
        starts = sorted(range(len(self.blocks)), key=lambda i: (row[i], first[i], i))
        if reverse:
            starts = sorted(starts, key=lambda i: (row[i], -first[i], -i))
        if rng is not None:
            starts = sorted(starts, key=lambda i: (row[i], rng.random()))
        for start in starts:
            stack = [start]
            while stack:
                b = stack.pop()
                if b in seen:
                    continue
                seen.add(b)
                rows[self.row_of_block[b]].append(b)
                nxt = self._relatives(b)
                if rng is not None:
                    nxt = list(nxt)
                    rng.shuffle(nxt)
                stack.extend(reversed([i for group in nxt for i in group]))
        # each sibship group together, in birth order, where its members stand on average
        rows = {r: self._sort_row(bs, lambda b: None, lambda b: None) for r, bs in rows.items()}
        pos = positions({r: [self.blocks[b] for b in bs] for r, bs in rows.items()})
        return {r: [self.orient(b, pos) for b in bs] for r, bs in rows.items()}

    def _relatives(self, b: int) -> list[list[int]]:
        """The blocks the depth-first walk of :meth:`initial` visits after block ``b``, in groups:
        each union's children in birth order, each parents' couple (a dummy: the next one down
        its line); found once per block."""
        nxt = self._next.get(b)
        if nxt is not None:
            return nxt
        s, chains = self.s, self.graph.chains
        nxt = []
        for pid in self.blocks[b]:
            if pid in self.graph.below:
                nxt.append([self.block_of[self.graph.below[pid]]])
            for uid in s.unions_of.get(pid, []):
                nxt.append([self.block_of[chains[(uid, c)][0] if (uid, c) in chains else c]
                            for c in s.children(uid) if c in self.block_of])
            if pid in self.cross_down:  # a union across rows: down its line
                nxt.append([self.block_of[d] for d in self.cross_down[pid]])
            pu = s.parent_union.get(pid)
            if pu:
                nxt.append([self.block_of[p] for p in s.unions[pu].partners if p in self.block_of])
        self._next[b] = nxt
        return nxt

    def _ids(self, rows: Rows) -> dict[int, list[int]]:
        return {r: [self.block_of[b[0]] for b in blocks] for r, blocks in rows.items()}

    def _rows(self, ids: dict[int, list[int]], arranged: dict[int, list[str]]) -> Rows:
        return {r: [arranged[b] for b in bs] for r, bs in ids.items()}

    def _sort_row(self, bs: list[int], key: Callable[[int], float | None],
                  parent_key: Callable[[int], float | None], hold: bool = False) -> list[int]:
        """Sort a row's blocks by ``key``, sibship groups as units (in birth order inside);
        ``hold``: a group none of whose blocks has a key keeps its place among the groups (as
        ``dot``'s median sort keeps a node without neighbours in the other row), else it goes
        where its blocks stand on average."""
        current = {b: i for i, b in enumerate(bs)}
        groups: dict[int, list[int]] = defaultdict(list)
        for b in bs:
            groups[self.group_of[b]].append(b)
        keyed = []
        for members in groups.values():
            ks = [k for k in (key(b) for b in members) if k is not None]
            gk = sum(ks) / len(ks) if ks else sum(current[b] for b in members) / len(members)
            inside = sorted(members, key=lambda b: (round(parent_key(b) or 0.0, 6),
                                                    current[b] if self.free[b] else self.rank[b], current[b]))
            if len(inside) > 1 and any(self.joins[b] for b in inside):
                inside = self._in_birth_order(inside)
            keyed.append((gk, min(current[b] for b in members), not ks, inside))  # (no key: held, with hold)
        if not hold:
            keyed.sort(key=lambda t: (round(t[0], 6), t[1]))
            return [b for *_, inside in keyed for b in inside]
        # groups without a key hold their places; the others are sorted into the rest
        keyed.sort(key=lambda t: t[1])
        held = [t[2] for t in keyed]
        free = [t for t, h in zip(keyed, held, strict=True) if not h]
        moving = iter(sorted(free, key=lambda t: (round(t[0], 6), t[1])))
        return [b for t, h in zip(keyed, held, strict=True) for b in (t if h else next(moving))[3]]

    def _in_birth_order(self, order: list[int]) -> list[int]:
        """A sibship group's blocks nearest ``order`` with every sibship whole and in birth order, when
        its sibships are joined only by marriages to in-laws, people whose parents are drawn (review-4
        D13: a daughter who married such a man went to the end of her sibship, sorted by the mean of the
        two families' places; now the in-law's line is the longer one). ``order`` itself for a marriage
        between two branches of one family (it closes a loop), for an in-law with siblings of their own
        (the search decides whose order gives way) and when no order keeps every sibship whole and in
        birth order."""
        place = {b: i for i, b in enumerate(order)}
        before: dict[int, set[int]] = {b: set() for b in order}  # block -> its elder siblings' blocks
        by_union: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for b in order:
            for p in self.blocks[b]:
                uid = self.s.parent_union.get(p)
                if uid is not None and uid not in self.free_unions and p in self.graph.rank:
                    by_union[uid].append((self.graph.rank[p], b))
        if any(self.joins[b] and not self.in_law[b] for b in order):
            return order  # a marriage between two branches of the family: the ordering's search decides (see docs)
        if sum(len({b for _, b in sibs}) > 1 for sibs in by_union.values()) > 1:
            return order  # an in-law with siblings of their own: whose order gives way is the search's choice
        for sibs in by_union.values():
            sibs.sort()
            for (_, a), (_, c) in itertools.pairwise(sibs):
                if a != c:
                    before[c].add(a)
        out: list[int] = []
        done: set[int] = set()
        while len(out) < len(order):
            ready = [b for b in order if b not in done and before[b] <= done]
            if not ready:
                return order
            b = min(ready, key=place.__getitem__)
            out.append(b)
            done.add(b)
        return out if self._violations(out) == 0 else order

    def _ups(self, b: int, pos: dict[str, float], at: dict[str, float]) -> list[float]:
        """Where the lines of block ``b`` end above (:meth:`_Graph.upper_pos`); ``at`` keeps the
        ends found so far while ``pos`` stays the same (siblings share their union's)."""
        out = []
        for u in self.up[b]:
            x = at.get(u)
            if x is None:
                x = at[u] = self.graph.upper_pos(u, pos)
            out.append(x)
        return out

    def _parent_key(self, b: int, pos: dict[str, float], at: dict[str, float]) -> float | None:
        ups = self._ups(b, pos, at)
        return sum(ups) / len(ups) if ups else None

    def _child_key(self, b: int, pos: dict[str, float]) -> float | None:
        kids = [pos[c] for c in self.down[b] if c in pos]
        return _median(kids) if kids else None

    def sweep(self, ids: dict[int, list[int]], arranged: dict[int, list[str]], down: bool) -> None:
        """One pass over the rows (down: by parents; up: by children), each row re-sorted.
        A block without parents (down) or children (up) in the drawing holds its place: a
        key from the other row (another frame of positions, e.g. 62 children under 32 parents)
        would send the married-in people's parents to one end of their row."""
        pos = positions(self._rows(ids, arranged))
        for r in sorted(ids, reverse=not down):
            # each block's keys, made once (the sort asks for the parents' key twice a block)
            at: dict[str, float] = {}
            by_parents = {b: self._parent_key(b, pos, at) for b in ids[r]}
            keys = by_parents if down else {b: self._child_key(b, pos) for b in ids[r]}
            ids[r] = self._sort_row(ids[r], keys.get, by_parents.get, hold=True)
            for b in ids[r]:
                arranged[b] = self.orient(b, pos)
            self._place(ids[r], arranged, pos)

    @staticmethod
    def _place(bs: list[int], arranged: dict[int, list[str]], pos: dict[str, float]) -> None:
        """Update the positions of one row after it was re-sorted."""
        i = 0
        for b in bs:
            for p in arranged[b]:
                pos[p] = float(i)
                i += 1

    def may_turn(self, b: int) -> bool:
        """May block ``b`` be turned round? Not one of a person's dated unions: their partners
        stand in the order of the unions' dates."""
        block = self.blocks[b]
        s = self.s
        return len(block) == 2 or (len(block) > 2 and not any(
            sum(union_date_key(s.unions[u])[0] == 0 for u in s.unions_of.get(p, [])) >= 2 for p in block))

    def orient(self, b: int, pos: dict[str, float]) -> list[str]:
        """Turn a block so that each member faces their own parents' sibship."""
        if b in self.faces:
            return self._face(b, pos)
        block = self.blocks[b]
        s = self.s
        if not self.may_turn(b):
            return block  # a person's partners stand in the order of their unions' dates: never turned round
        first, last = block[0], block[-1]
        pf, pl = (s.parent_union.get(p) for p in (first, last))
        if pf is not None and pl is not None and pf in self.graph.kids and pl in self.graph.kids:
            return list(reversed(block)) if self.graph.union_pos(pf, pos) > self.graph.union_pos(pl, pos) else block
        child = first if pf is not None else last if pl is not None else None
        if child is None:
            return block
        sibs = s.children(s.parent_union[child])
        older_half = sibs.index(child) < len(sibs) / 2 - 0.25
        # the eldest's partner stands on the left, the youngest's on the right: the sibship stays
        # together (an eldest son's wife on his left; a narrower drawing than with her inside it);
        # an only child's couple is turned man-left afterwards where that costs no crossing (_man_left)
        return list(reversed(block)) if older_half != (child == last) else block

    def _face(self, b: int, pos: dict[str, float]) -> list[str]:
        """The arrangement of block ``b`` (one of :func:`free_arrangements`, or its mirror image)
        whose members' parents' unions stand in the order the members do, as far as can be:
        fewest pairs of members whose parents stand the other way round (the first such)."""
        s, graph = self.s, self.graph

        def turned_pairs(arrangement: list[str]) -> int:
            xs = [graph.union_pos(u, pos) for u in (s.parent_union.get(p) for p in arrangement)
                  if u is not None and u in graph.kids]
            return sum(1 for i, x in enumerate(xs) for y in xs[i + 1:] if x > y)

        turn = self.may_turn(b)
        return min((list(a) for alt in self.faces[b] for a in ((alt, alt[::-1]) if turn else (alt,))),
                   key=turned_pairs)

    def transpose(self, ids: dict[int, list[int]], arranged: dict[int, list[str]]) -> None:
        """Swap neighbouring sibship groups (or single blocks) while that removes crossings."""
        pos = positions(self._rows(ids, arranged))
        for r in sorted(ids):
            units = self._units(ids[r])
            ends = [self._ends(u, pos) for u in units]
            for _ in range(4):
                changed = False
                for i in range(len(units) - 1):
                    if _cost(ends[i], ends[i + 1]) > _cost(ends[i + 1], ends[i]):
                        units[i], units[i + 1] = units[i + 1], units[i]
                        ends[i], ends[i + 1] = ends[i + 1], ends[i]
                        changed = True
                if not changed:
                    break
            ids[r] = [b for u in units for b in u]
            self._place(ids[r], arranged, pos)

    def _units(self, row: list[int]) -> list[list[int]]:
        """The blocks of a row gathered into runs of one sibship group each."""
        units: list[list[int]] = []
        for b in row:
            if units and self.group_of[units[-1][-1]] == self.group_of[b]:
                units[-1].append(b)
            else:
                units.append([b])
        return units

    def _ends(self, unit: list[int], pos: dict[str, float]) -> tuple[list[float], list[float]]:
        """Where the unit's lines end above and below, each sorted (for :func:`_cost`)."""
        at: dict[str, float] = {}
        ups = [x for b in unit for x in self._ups(b, pos, at)]
        ups.sort()
        downs = sorted([pos[c] for b in unit for c in self.down[b] if c in pos])
        return ups, downs

    def sift(self, ids: dict[int, list[int]], arranged: dict[int, list[str]]) -> None:
        """Move each sibship group, then each block inside a group, to the place in its row
        where its edges cross fewest others (sifting; exact for the union-node model)."""
        pos = positions(self._rows(ids, arranged))
        for r in sorted(ids):
            units = self._units(ids[r])
            if len(units) > 1:
                units = _sift_units(units, [_Ends(self._ends(u, pos)) for u in units])
                units = self._with_own_lines(units)
            out: list[int] = []
            for unit in units:
                out += self._sift_inside(unit, pos) if 1 < len(unit) <= SIFT_LIMIT else unit
            ids[r] = out
            self._place(ids[r], arranged, pos)

    def _with_own_lines(self, units: list[list[int]]) -> list[list[int]]:
        """``units`` with the first dummy node of each long child line (a unit of its own) joined
        to the unit beside it that holds the line's siblings, to be sifted among them: the line
        is one of that sibship's (an unbroken run of it, whatever its place)."""
        out: list[list[int]] = []
        pending: list[int] = []  # dummies of lines down from the next unit's sibships, left of it
        for unit in units:
            line = self.line_of[unit[0]] if len(unit) == 1 else None
            if line is not None and out and line in self.sibships_in(out[-1]):
                out[-1].append(unit[0])
            elif line is not None:
                pending.append(unit[0])
            else:
                joined = [d for d in pending if self.line_of[d] in self.sibships_in(unit)]
                out += [[d] for d in pending if d not in joined]
                out.append([*joined, *unit])
                pending = []
        return out + [[d] for d in pending]

    def sibships_in(self, unit: list[int]) -> set[str]:
        """The unions whose children stand in ``unit`` (one row down from them)."""
        return {u for b in unit for p in self.blocks[b] if (u := self.s.parent_union.get(p)) is not None}

    def _sift_inside(self, unit: list[int], pos: dict[str, float]) -> list[int]:
        """Sift the blocks of one sibship group, keeping every sibship as contiguous and in
        birth order as it was."""
        # a block of one sibship only cannot move without breaking its birth order: the blocks
        # that join two sibships (a marriage between them) are the ones to move, and those of
        # a sibship whose order is free (any order keeps one sibship whole)
        movable = [b for b in unit if self.joins[b] or self.free[b] or self.line_of[b] is not None]
        if not movable:
            return unit
        order = list(unit)
        ends = {b: _Ends(self._ends([b], pos)) for b in unit}
        one_sibship = not any(self.joins[b] for b in unit)
        if one_sibship:  # its lines up share one union: only those down can cross, and none do
            downs = [e.down for e in (ends[b] for b in unit) if e.down]
            if all(a[-1] < b[0] for a, b in itertools.pairwise(downs)):
                return unit
        for b in sorted(movable, key=lambda b: -ends[b].size):
            if not ends[b].size:
                break  # no lines up or down that could cross: it stays (and so do the rest)
            rest = [x for x in order if x != b]
            before = order.index(b)
            costs = _insertion_costs(ends[b], [ends[x] for x in rest])
            best = min(range(len(costs)), key=lambda i: (costs[i], abs(i - before)))
            if costs[best] < costs[before]:
                trial = [*rest[:best], b, *rest[best:]]
                if one_sibship or self._violations(trial) <= self._violations(order):
                    order = trial
        return order

    def _violations(self, order: list[int]) -> int:
        """How far the sibships in ``order`` are from contiguous runs in birth order (the dummy
        nodes of long lines left out: they move like any other unit)."""
        where: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, b in enumerate(b for b in order if not is_dummy(self.blocks[b][0])):
            for p in self.blocks[b]:
                uid = self.s.parent_union.get(p)
                if uid is not None:
                    where[uid].append((0 if uid in self.free_unions else self.graph.rank[p], i))
        bad = 0
        for runs in where.values():
            if len(runs) < 2:
                continue
            idx = sorted({i for _, i in runs})
            bad += idx[-1] - idx[0] + 1 - len(idx)
            seq = [i for _, i in sorted(runs)]
            bad += sum(1 for a, c in itertools.pairwise(seq) if a > c)
        return bad

    def count(self, rows: Rows) -> int:
        pos = positions(rows)
        return sum(self.graph.drawn_band(r, pos) for r in rows)

    def _count(self, flat: _Flat, rows: Rows) -> int:
        """:meth:`count` of ``rows`` (whose people row by row are ``flat``), each order counted once."""
        c = self._counts.get(flat)
        if c is None:
            c = self._counts[flat] = self.count(rows)
        return c

    def refine(self, rows: Rows, budget: int) -> Rows:
        """``rows`` after :class:`_Refiner`'s local search on the exact count (``budget``: counts
        of a row's two bands at most)."""
        return _Refiner(self, rows, budget).run()

    def improve(self, start: Rows, rounds: int) -> tuple[Rows | None, int, int]:
        """Rounds of sweeps, transposition and sifting from ``start``, until ``rounds`` are
        done or :data:`PATIENCE` rounds in a row found nothing better: (best order after a
        round, its crossings, rounds done)."""
        ids = self._ids(start)
        arranged = {self.block_of[b[0]]: b for blocks in start.values() for b in blocks}
        best: Rows | None = None
        flat = _flat(start)
        best_count = self._count(flat, start) + 1
        since = 0
        it = 0
        seen: set[tuple[int, _Flat]] = set()
        for it in range(rounds):
            # a round is a function of the order and the sweep's direction: one done before (by an
            # earlier start: the restarts often meet) is taken from the memo, not done again
            done = self._done.get((it % 2, flat))
            if done is None:
                before = (it % 2, flat)
                self.sweep(ids, arranged, down=it % 2 == 0)
                self.transpose(ids, arranged)
                self.sift(ids, arranged)
                rows = self._rows(ids, arranged)
                flat = _flat(rows)
                self._done[before] = ({r: tuple(bs) for r, bs in ids.items()}, dict(arranged), flat)
            else:
                after_ids, after_arranged, flat = done
                for r in ids:
                    ids[r] = list(after_ids[r])
                arranged.update(after_arranged)
                rows = self._rows(ids, arranged)
            state = (it % 2, flat)
            if state in seen:
                break  # from here it repeats
            seen.add(state)
            c = self._count(flat, rows)
            since += 1
            if c < best_count:
                best, best_count = {r: [list(b) for b in bs] for r, bs in rows.items()}, c
                since = 0
            if best_count == 0 or since >= PATIENCE:
                break
        return best, best_count, it + 1


END_SHIFT = 0.3  # a union line across rows reaches its lower partner this far off the middle
HUB_SIDE = 0.01  # a far partner's union drop: off the middle of its gap, to the inside of its span
TIE_SHIFT = 0.25  # a drop landing on another union's child moves this far toward its own sibship
WORK = 2000  # units (blocks and dummy nodes) × rounds spent on one family's order at most
PATIENCE = 3  # rounds without a better order before a restart
RESTART_PATIENCE = 4  # restarts in a row without a better order before the search ends
SMALL_PATIENCE = 2  # ... in a component of fewer than SMALL units not dense with loops (later restarts hardly
# ever found better there: 1 of 151 such searches of the 400-family table, none of the corpus's families)
SMALL = 100  # units (blocks and dummy nodes)
MAX_ROUNDS = 12  # rounds from one start at most
MIN_ROUNDS = 6  # rounds a family of up to LARGE units gets whatever WORK allows
LARGE = 5000  # units (blocks and dummy nodes) above which a family gets 2 rounds at least, not MIN_ROUNDS
SIFT_LIMIT = 60  # groups with more blocks are not sifted inside (quadratic)
SIFT_WINDOW = 12  # a unit is sifted among this many neighbours on each side
REFINE_WORK = 200  # counts of a row's two bands refine may spend on one family's order at most
REFINE_PER_LOOP = 6  # ... and this many for each loop of the family
LOOP_SHARE = 40  # a family with a loop for every this many people at least is dense with loops (a tree: never)
DENSE_ROUNDS = 40  # ... and gets this many rounds at least, whatever WORK allows
MID = 1000  # units (blocks and dummy nodes) above which a family gets no longer search for its loops
SECOND_SEARCH = 20  # crossings left for which a family whose partners may stand in any order is searched again
MAX_ARRANGEMENTS = 24  # orders of a hub's partners tried at most (a hub with 4 partners: all of them)
REFINE_TRIES = 3  # places of fewest crossings by the bisection count that refine tries on the exact count


class _Refiner:
    """Local search on the drawn count, row by row: each sibship group moved to the few places
    of its row where its lines cross fewest others by :func:`_insertion_costs`, each block that
    may move inside its group (see :meth:`_Orderer._sift_inside`) likewise, each block that may
    turn turned round — a change kept only where the drawn crossings of the two bands beside
    the row go down, so the count never rises. Ends when ``budget`` counts of a row's two bands
    are spent, or after a pass over all rows that changed nothing."""

    def __init__(self, o: _Orderer, rows: Rows, budget: int) -> None:
        self.o = o
        self.ids = o._ids(rows)
        self.arranged = {o.block_of[b[0]]: list(b) for bs in rows.values() for b in bs}
        self.pos = positions(rows)
        self.budget = budget
        self.alternatives = free_arrangements(o.s, o.blocks)  # blocks whose partners may stand in any order

    def count(self, r: int) -> int:
        """Drawn crossings of the bands above and below row ``r`` (the only ones its order changes)."""
        self.budget -= 1
        return sum(self.o.graph.drawn_band(x, self.pos) for x in (r - 1, r) if x in self.ids)

    def place(self, r: int, units: list[list[int]]) -> None:
        """Put row ``r`` in the order of ``units`` (runs of blocks) and update the positions."""
        self.ids[r] = [b for u in units for b in u]
        self.o._place(self.ids[r], self.arranged, self.pos)

    def run(self) -> Rows:
        """Passes over the rows (groups moved, blocks moved inside groups, blocks turned) while
        one changes something and the budget lasts: the order found."""
        changed = True
        while changed and self.budget > 0:
            changed = False
            for r in sorted(self.ids):
                now = self.count(r)
                if not now:
                    continue
                units, now, moved = self.move_units(r, now)
                for u in range(len(units)):
                    if len(units[u]) > 1 and self.budget > 0 and now:
                        now, inside = self.move_inside(r, units, u, now)
                        moved = moved or inside
                turned, now = self.turn_blocks(r, now)
                changed = self.rearrange_blocks(r, now) or turned or moved or changed
        return self.o._rows(self.ids, self.arranged)

    def _best_of(self, r: int, trials: list[list[list[int]]], now: int) -> tuple[int | None, int]:
        """Which of the row's orders ``trials`` crosses fewest lines, if fewer than ``now``, and its count."""
        best = None
        for i, units in enumerate(trials):
            if self.budget <= 0:
                break
            self.place(r, units)
            c = self.count(r)
            if c < now:
                best, now = i, c
        return best, now

    def move_units(self, r: int, now: int) -> tuple[list[list[int]], int, bool]:
        """Each sibship group of row ``r``, most lines first, moved where it crosses fewest."""
        o = self.o
        units = o._units(self.ids[r])
        ends = [_Ends(o._ends(u, self.pos)) for u in units]
        seq = list(range(len(units)))
        moved = False
        bad = self.breaks(units)
        for k in sorted(seq, key=lambda k: (-ends[k].size, k)):
            if self.budget <= 0 or not now or not ends[k].size:
                break
            i = seq.index(k)
            rest = [x for x in seq if x != k]
            places = _fewest(_insertion_costs(ends[k], [ends[x] for x in rest]), i, None)
            trials = self.keeping(([*rest[:j], k, *rest[j:]] for j in places),
                                  lambda trial: [units[x] for x in trial], bad)
            best, now = self._best_of(r, [[units[x] for x in trial] for trial in trials], now)
            if best is not None:
                seq, moved = trials[best], True
                bad = self.breaks([units[x] for x in seq])
            self.place(r, [units[x] for x in seq])
        return [units[x] for x in seq], now, moved

    def breaks(self, units: list[list[int]]) -> int:
        """How far the sibships of a row in the order of ``units`` are from contiguous runs in
        birth order (:meth:`_Orderer._violations` of the whole row: a group split in two runs
        is two units, and moving one of them away from the other breaks its sibships more)."""
        return self.o._violations([b for u in units for b in u])

    def keeping(self, trials: Iterable[list[int]], row_of: Callable[[list[int]], list[list[int]]],
                bad: int) -> list[list[int]]:
        """The first :data:`REFINE_TRIES` of ``trials`` whose row (``row_of(trial)``) breaks
        its sibships no more than ``bad``."""
        return list(itertools.islice((t for t in trials if self.breaks(row_of(t)) <= bad), REFINE_TRIES))

    def move_inside(self, r: int, units: list[list[int]], u: int, now: int) -> tuple[int, bool]:
        """Each block of group ``units[u]`` that may move inside it, moved where it crosses
        fewest, breaking no sibship's order more (``units[u]`` is updated)."""
        o = self.o
        ends = {b: _Ends(o._ends([b], self.pos)) for b in units[u]}
        bad = self.breaks(units)
        moved = False
        for b in [b for b in units[u] if (o.joins[b] or o.free[b]) and ends[b].size]:
            if self.budget <= 0 or not now:
                break
            order = units[u]
            rest = [x for x in order if x != b]
            places = _fewest(_insertion_costs(ends[b], [ends[x] for x in rest]), order.index(b), None)
            trials = self.keeping(([*rest[:j], b, *rest[j:]] for j in places),
                                  lambda t: [*units[:u], t, *units[u + 1:]], bad)
            best, now = self._best_of(r, [[*units[:u], t, *units[u + 1:]] for t in trials], now)
            if best is not None:
                units[u], moved = trials[best], True
                bad = self.breaks(units)
            self.place(r, units)
        return now, moved

    def turn_blocks(self, r: int, now: int) -> tuple[bool, int]:
        """Each block of row ``r`` that may turn round (see :meth:`_Orderer.may_turn`; no two
        siblings of a given birth order in it) turned where that crosses fewer lines: (whether
        one was turned, the crossings of the row's two bands now)."""
        o, turned = self.o, False
        for b in self.ids[r]:
            if self.budget <= 0 or not now:
                break
            given = [u for u in (o.s.parent_union.get(p) for p in o.blocks[b]) if u and u not in o.free_unions]
            if not o.may_turn(b) or len(given) > len(set(given)):
                continue
            self.arranged[b].reverse()
            o._place(self.ids[r], self.arranged, self.pos)
            c = self.count(r)
            if c < now:
                now, turned = c, True
            else:
                self.arranged[b].reverse()
                o._place(self.ids[r], self.arranged, self.pos)
        return turned, now

    def rearrange_blocks(self, r: int, now: int) -> bool:
        """Each block of row ``r`` whose partners may stand in any order (:func:`free_arrangements`)
        given the arrangement, or its mirror image, that crosses fewest lines, if fewer than now
        (siblings of a given birth order in it still eldest first)."""
        o, changed = self.o, False
        for b in self.ids[r]:
            if self.budget <= 0 or not now:
                break
            alternatives = self.alternatives.get(b)
            if alternatives is None:
                continue
            keep = self.arranged[b]
            turn = o.may_turn(b)
            for alt in alternatives:
                for trial in (alt, alt[::-1]) if turn else (alt,):
                    if trial == keep or self.budget <= 0 or not self._in_birth_order(trial):
                        continue  # (two siblings of a given birth order in it: they keep their order)
                    self.arranged[b] = list(trial)
                    o._place(self.ids[r], self.arranged, self.pos)
                    c = self.count(r)
                    if c < now:
                        now, keep, changed = c, self.arranged[b], True
            self.arranged[b] = keep
            o._place(self.ids[r], self.arranged, self.pos)
        return changed


    def _in_birth_order(self, block: list[str]) -> bool:
        """Do the siblings of a given birth order in ``block`` stand eldest first, left to right?"""
        o = self.o
        last: dict[str, int] = {}
        for p in block:
            u = o.s.parent_union.get(p)
            if u is None or u in o.free_unions or p not in o.graph.rank:
                continue
            if last.get(u, -1) > o.graph.rank[p]:
                return False
            last[u] = o.graph.rank[p]
        return True


def _fewest(costs: list[int], here: int, most: int | None = REFINE_TRIES) -> list[int]:
    """Places other than ``here`` that cost no more than it, fewest first (then nearest), ``most`` of them.

    >>> _fewest([3, 1, 2, 5], 2)
    [1]
    """
    return sorted((j for j in range(len(costs)) if j != here and costs[j] <= costs[here]),
                  key=lambda j: (costs[j], abs(j - here)))[:most]


class _Ends:
    """The far ends of a unit's edges in the bands above and below its row, sorted."""

    __slots__ = ("down", "size", "up")

    def __init__(self, ends: tuple[list[float], list[float]]) -> None:
        self.up, self.down = ends  # sorted by _Orderer._ends
        self.size = len(self.up) + len(self.down)


def _insertion_costs(unit: _Ends, others: list[_Ends]) -> list[int]:
    """Crossings of ``unit``'s edges with the others' for each place it can take among them
    (place ``i``: before ``others[i]``). Two units' edges cross where one's end lies beyond
    the other's in the same band (counted by bisection: the ends are sorted).

    >>> _insertion_costs(_Ends(([1.0, 3.0], [])), [_Ends(([2.0], []))])
    [1, 1]
    """
    right: list[int] = []  # unit left of o
    left: list[int] = []  # o left of unit
    left_of, right_of = bisect.bisect_left, bisect.bisect_right
    up, down = unit.up, unit.down
    for o in others:
        r = lft = 0
        for a, b in ((up, o.up), (down, o.down)):  # the band above, then the band below
            if not a or not b:
                continue
            if a[-1] < b[0]:  # every end of the unit's left of every end of the other's
                lft += len(a) * len(b)
            elif a[0] > b[-1]:
                r += len(a) * len(b)
            else:  # for each of the unit's ends: the other's ends left of it, right of it
                n = len(b)
                for x in a:
                    r += left_of(b, x)
                    lft += n - right_of(b, x)
        right.append(r)
        left.append(lft)
    cost = sum(right)
    costs = [cost]
    for r, lft in zip(right, left, strict=True):
        cost += lft - r
        costs.append(cost)
    return costs


def _sift_units(units: list[list[int]], ends: list[_Ends]) -> list[list[int]]:
    """Each unit in turn moved to the place of fewest crossings with the others."""
    order = list(range(len(units)))
    for u in sorted(order, key=lambda u: -ends[u].size):
        if not ends[u].size:
            continue
        before = order.index(u)
        lo, hi = max(0, before - SIFT_WINDOW), min(len(order), before + SIFT_WINDOW + 1)
        rest = [x for x in order[lo:hi] if x != u]
        costs = _insertion_costs(ends[u], [ends[x] for x in rest])
        best = min(range(len(costs)), key=lambda i: (costs[i], abs(i - before + lo)))
        if costs[best] < costs[before - lo]:
            order = [*order[:lo], *rest[:best], u, *rest[best:], *order[hi:]]
    return [units[i] for i in order]


def _cost(left: tuple[list[float], list[float]], right: tuple[list[float], list[float]]) -> int:
    """Crossings between the edges of two neighbouring units when ``left`` stands left: pairs
    with the left unit's end beyond the right one's (the ends are sorted: counted by bisection).

    >>> _cost(([1.0, 3.0], [0.0]), ([2.0], [0.0, 5.0]))
    1
    """
    count = 0
    for mine, theirs in ((left[0], right[0]), (left[1], right[1])):
        if mine and theirs:
            for a in mine:
                count += bisect.bisect_left(theirs, a)
    return count


def _median(values: list[float]) -> float:
    v = sorted(values)
    m = len(v) // 2
    return v[m] if len(v) % 2 else (v[m - 1] + v[m]) / 2


def order_component(s: FamilyStructure, component: list[str], *, work: int | None = None) -> Rows:
    """The order of every row of one connected component, fewest crossings found first.

    ``work`` bounds the effort (units × rounds, over all restarts; at least :data:`MIN_ROUNDS`
    rounds up to :data:`LARGE` units, so that a big GEDCOM file gets a real search), so that
    the largest families stay fast and the result does not depend on the machine's speed; the search also ends
    after :data:`RESTART_PATIENCE` restarts in a row found nothing better (:data:`SMALL_PATIENCE` in a
    component of fewer than :data:`SMALL` units not dense with loops). The restarts begin
    from the depth-first order, from it mirrored, then from shuffled ones (fixed seeds, so
    the same input always gives the same order). A family of up to :data:`MID` units dense with
    loops (one for every :data:`LOOP_SHARE` people or more; a tree-shaped family never is) gets :data:`DENSE_ROUNDS`
    rounds at least by default and, where crossings are left, the :class:`_Refiner`'s search on
    the drawn count. Where :data:`SECOND_SEARCH` crossings or more are left in such a family read
    from a pedigree table (``birth_order: unknown``) whose partners may stand in any order
    (:func:`free_arrangements`), a second search arranges those
    partners by their parents in every sweep (:meth:`_Orderer._face`), and the better order is kept.
    """
    o = _Orderer(s, component)
    rings = loops(s, component)
    dense = rings * LOOP_SHARE >= len(component) and len(o.blocks) <= MID  # mid-size, dense with loops
    best, best_count = _search(o, work, dense, rings)
    if (best_count >= SECOND_SEARCH and dense and work is None and s.family.birth_order == "unknown"
            and free_arrangements(s, o.blocks)):
        # a pedigree table's partners that may stand in any order, many crossings left: a second
        # search (as long as the first) that arranges them by their parents in every sweep
        rows, c = _search(_Orderer(s, component, face_parents=True), work, dense, rings)
        if c < best_count:
            best = rows
    return _near_adopted(s, _man_left(o, best))


def _near_adopted(s: FamilyStructure, rows: Rows) -> Rows:
    """``rows`` with each block held to the rest only by adoptive or foster lines (a couple who
    took in a child of another family, their own parents and children not drawn) moved to the
    place in its row nearest above that child: the crossing count takes no such line, so the
    search left the couple anywhere, and a dashed line ran under a whole row (review 9: a child
    of a man's third wife adopted by a couple drawn at the far end). A block goes only between
    blocks of different sibships, and only where no more crossings are counted.

    >>> from socialtools.genogram.model import Family
    >>> f = Family.model_validate({"people": [{"id": i} for i in "ABCDEFG"], "unions": [
    ...     {"partners": ["A", "B"], "children": ["C", "D"]}, {"partners": ["E", "F"], "children": [
    ...     {"id": "C", "relation": "adopted"}]}]})
    >>> s = FamilyStructure(f)
    >>> _near_adopted(s, {0: [["A", "B"], ["E", "F"], ["G"]], 1: [["D"], ["C"]]})[0]
    [['A', 'B'], ['G'], ['E', 'F']]
    """
    taken_in: dict[str, list[str]] = defaultdict(list)
    for uid, link in s.extra_links:
        taken_in[uid].append(link.id)
    if not taken_in:
        return rows
    pos = positions(rows)
    size = {r: sum(len(b) for b in blocks) for r, blocks in rows.items()}
    row_of = {p: r for r, blocks in rows.items() for b in blocks for p in b}
    now: int | None = None  # the crossings counted of ``rows``, once a move is weighed
    for r, blocks in rows.items():
        for block in list(blocks):
            members = set(block)
            unions = {u for p in block for u in s.unions_of.get(p, ())}
            kids = [c for u in sorted(unions) for c in taken_in.get(u, ()) if c in pos and row_of[c] != r]
            if not kids or any(p in s.parent_union for p in block) or any(
                    s.children(u) or not set(s.unions[u].partners) <= members for u in unions):
                continue
            target = sum(pos[c] / max(size[row_of[c]] - 1, 1) for c in kids) / len(kids)
            rest = [b for b in blocks if b is not block]
            sibs = [{s.parent_union[p] for p in b if p in s.parent_union} for b in rest]
            start = list(itertools.accumulate((len(b) for b in rest), initial=0))
            here = blocks.index(block)
            places = [k for k in range(len(rest) + 1) if k in (0, len(rest)) or not sibs[k - 1] & sibs[k]]
            best = min(places, key=lambda k: (round(abs((start[k] + (len(block) - 1) / 2) / max(size[r] - 1, 1)
                                                        - target), 9), k != here))
            if best == here:
                continue
            trial = {**rows, r: [*rest[:best], block, *rest[best:]]}
            now = count_crossings(rows, s) if now is None else now
            after = count_crossings(trial, s)
            if after <= now:
                rows, blocks, now = trial, trial[r], after
                pos = positions(rows)
    return rows


#: the most people (and union points) in a component for which :func:`_man_left` is tried
MAN_LEFT_LIMIT = 2000


def _man_left(o: _Orderer, rows: Rows) -> Rows:
    """``rows`` with each couple of a woman left of a man turned round where one of them is an
    only child and the other's parents are not drawn (the in-law side rule put the partner on the
    left of an only son, review 6 D2) and the turn crosses no more lines in the bands above and
    below the row (the convention: the man on the left). Not tried in a component of more than
    :data:`MAN_LEFT_LIMIT` nodes, since each check counts whole bands."""
    s, graph = o.s, o.graph
    if sum(len(block) for blocks in rows.values() for block in blocks) > MAN_LEFT_LIMIT:
        return rows  # each check counts whole bands: a 10,000-person pedigree took 23 s of them
    sex = {p.id: p.sex for p in s.family.people}
    pos: dict[str, float] | None = None
    counted: dict[int, int] = {}  # each band's count, kept until a turn changes it
    for r, blocks in rows.items():
        for i, block in enumerate(blocks):
            if len(block) != 2 or (sex.get(block[0]), sex.get(block[1])) != ("female", "male") or not o.may_turn(
                    o.block_of[block[0]]):
                continue
            parents = [s.parent_union.get(p) for p in block]
            child = [u for u in parents if u is not None and u in graph.kids]
            if len(child) != 1 or len(s.children(child[0])) != 1 or None not in parents:
                continue
            pos = positions(rows) if pos is None else pos
            bands = [band for band in (r - 1, r) if band in rows and band + 1 in rows]
            for band in bands:
                if band not in counted:
                    counted[band] = graph.drawn_band(band, pos)
            before = sum(counted[band] for band in bands)
            pos[block[0]], pos[block[1]] = pos[block[1]], pos[block[0]]
            after = {band: graph.drawn_band(band, pos) for band in bands}
            if sum(after.values()) <= before:
                blocks[i] = block[::-1]
                counted.update(after)
            else:
                pos[block[0]], pos[block[1]] = pos[block[1]], pos[block[0]]
    return rows


def _search(o: _Orderer, work: int | None, dense: bool, rings: int) -> tuple[Rows, int]:
    """The restarts of :func:`order_component` on ``o`` (a longer search where ``dense``), then
    the refine pass: the best order found and its crossings."""
    first = o.initial()
    best, best_count = first, o._count(_flat(first), first)
    units = max(len(o.blocks), 1)
    budget = max(MIN_ROUNDS if units <= LARGE else 2, (WORK if work is None else work) // units,
                 DENSE_ROUNDS if dense and work is None else 0)
    k = since = 0
    patience = RESTART_PATIENCE if dense or units >= SMALL else SMALL_PATIENCE
    while budget > 0 and best_count > 0 and since < patience:
        start = first if k == 0 else o.initial(reverse=True) if k == 1 else o.initial(seed=k - 1)
        rows, c, done = o.improve(start, min(budget, MAX_ROUNDS))
        budget -= done
        k += 1
        since += 1
        if rows is not None and c < best_count:
            best, best_count = rows, c
            since = 0
    if best_count > 0 and dense:
        best = o.refine(best, min(REFINE_WORK, REFINE_PER_LOOP * rings))
        best_count = o.count(best)
    return best, best_count


def _bridges(s: FamilyStructure, component: list[str]) -> set[tuple[str, str]]:
    """The (person, union) links of a component, people and unions as nodes (see :func:`loops`),
    that lie on no loop: cutting one splits the component (Tarjan's bridges, without recursion).

    >>> from socialtools.genogram.model import Family
    >>> f = Family.model_validate({"people": [{"id": i} for i in "ABCDEFG"], "unions": [{"id": "p",
    ...     "partners": ["A", "B"], "children": ["C", "D"]}, {"id": "q", "partners": ["C", "E"]},
    ...     {"id": "r", "partners": ["F", "G"], "children": ["E"]}]})
    >>> s = FamilyStructure(f)
    >>> ("C", "q") in _bridges(s, s.components()[0]), ("E", "q") in _bridges(s, s.components()[0])
    (True, True)
    """
    people = set(component)
    unions = {u for p in component for u in s.unions_of.get(p, ())} | {s.parent_union[p] for p in component
                                                                       if p in s.parent_union}
    adj: dict[str, list[tuple[str, int]]] = defaultdict(list)
    edges: list[tuple[str, str]] = []
    for u in sorted(unions):
        for p in [*s.unions[u].partners, *s.children(u), *(c.id for v, c in s.extra_links if v == u)]:
            if p in people:
                adj[p].append(("\x00" + u, len(edges)))
                adj["\x00" + u].append((p, len(edges)))
                edges.append((p, u))
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    out: set[tuple[str, str]] = set()
    for root in sorted(adj):
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack = [(root, -1, iter(adj[root]))]
        while stack:
            node, via, it = stack[-1]
            for nxt, e in it:
                if e == via:
                    continue
                if nxt in order:
                    low[node] = min(low[node], order[nxt])
                else:
                    order[nxt] = low[nxt] = len(order)
                    stack.append((nxt, e, iter(adj[nxt])))
                    break
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        out.add(edges[via])
    return out


def loops(s: FamilyStructure, component: list[str]) -> int:
    """Independent loops of a component (its cyclomatic number, people and unions as nodes,
    each partner and child link as an edge): 0 for a tree-shaped family.

    >>> from socialtools.genogram.model import Family
    >>> f = Family.model_validate({"people": [{"id": i} for i in "ABCDEF"], "unions": [
    ...     {"partners": ["A", "B"], "children": ["C", "D"]}, {"partners": ["C", "D"], "children": ["E"]}]})
    >>> s = FamilyStructure(f)
    >>> loops(s, s.components()[0]), loops(s, ["F"])
    (1, 0)
    """
    people = set(component)
    unions = {u for p in component for u in s.unions_of.get(p, ())} | {s.parent_union[p] for p in component
                                                                       if p in s.parent_union}
    links = sum(len(s.unions[u].partners) + len(s.children(u)) for u in unions)
    links += sum(1 for u, c in s.extra_links if c.id in people)
    return max(0, links - len(people) - len(unions) + 1)
