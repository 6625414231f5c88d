"""Genogram layout: the family as plain coordinates, before anything is drawn.

Layered drawing (Sugiyama style; see docs/architecture.md): generations on rows, partners in one
block, rows ordered by barycentre sweeps with sibships kept in birth order, then x of people and
drops (:mod:`~socialtools.genogram.coordinates`: weighted isotonic regression row by row, each
drop on the side of every other union's child that the ordering counted, parents centred over
their children, every gap wide enough for symbols *and* labels), so the cost grows
linearly. Lines are routed orthogonally: union brackets under the partners, one bar per
sibship (staggered when bars would share a height), emotional lines around symbols.

>>> from socialtools.genogram.model import Family
>>> f = Family.model_validate({"people": [{"id": "K", "sex": "male"}, {"id": "S", "sex": "female"},
...     {"id": "PK", "sex": "female"}], "unions": [{"partners": ["K", "S"], "children": ["PK"]}]})
>>> lay = layout_family(f)
>>> lay.nodes["K"].y < lay.nodes["PK"].y
True
>>> abs(lay.unions["u1"].drop[0] - lay.nodes["PK"].x) < 1e-6
True
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from socialtools.draw.geometry import Box, Point
from socialtools.draw.text import LINE_HEIGHT, TextBlock
from socialtools.genogram.bars import Bar, bracket_band, stagger
from socialtools.genogram.coordinates import place
from socialtools.genogram.emotional import REACH, hold_outside
from socialtools.genogram.loops import face_originals
from socialtools.genogram.model import ChildLink, Family
from socialtools.genogram.ordering import (
    CROSS,
    all_chains,
    blocks_of,
    cross_ends,
    cross_top,
    graph_of,
    is_dummy,
    order_component,
    topped_people,
)
from socialtools.genogram.placements import (
    DOUBLE_GAP,
    GenogramLayout,
    LayoutConfig,
    LinkPlacement,
    PersonNode,
    SibshipPlacement,
    UnionPlacement,
    identical_bar,
    twin_attach,
)
from socialtools.genogram.routing import EMOTIONAL_LANES, label_households, route_households, route_links
from socialtools.genogram.structure import FamilyStructure
from socialtools.genogram.symbols import INDEX_GAP, cross_reach, end_on_outline, outer_outline, symbol_size

# -- the algorithm ---------------------------------------------------------------------------


def layout_family(
    family: Family,
    labels: dict[str, TextBlock] | None = None,
    union_labels: dict[str, str] | None = None,
    household_labels: dict[str, str] | None = None,
    config: LayoutConfig | None = None,
    copies: dict[str, str] | None = None,
) -> GenogramLayout:
    """Place every person of ``family``; ``labels`` are the text blocks under each symbol;
    ``copies`` (copy id → original id, see :mod:`~socialtools.genogram.loops`) are people drawn a
    second time, each joined to the original by a line."""
    cfg = config or LayoutConfig()
    labels = labels or {}
    union_labels = union_labels or {}
    return _Layout(family, labels, union_labels, household_labels or {}, cfg, copies or {}).run()


def staggered_labels(family: Family, labels: dict[str, TextBlock], cfg: LayoutConfig) -> tuple[set[str], set[str]]:
    """The children whose labels stand on two heights (``cfg.stagger_labels``), and of them those whose
    label is the lower: of each sibship of three or more, none of whom has a partner or children (nothing
    runs down through their labels), whose widest label is wider than a symbol and the gap between
    siblings, every second child in birth order. Neighbours' labels may then overlap in width, as they
    stand one over the other: the sibship is about half as wide.

    >>> from socialtools.genogram.model import Family
    >>> fam = Family.model_validate({"people": [{"id": "F", "sex": "M"}, {"id": "M", "sex": "F"}]
    ...     + [{"id": f"C{i}", "sex": "F"} for i in range(4)],
    ...     "unions": [{"partners": ["F", "M"], "children": [f"C{i}" for i in range(4)]}]})
    >>> wide = {f"C{i}": TextBlock(("Anak Nomor Sekian",), 13) for i in range(4)}
    >>> staggered, lowered = staggered_labels(fam, wide, LayoutConfig(stagger_labels=True))
    >>> sorted(staggered), sorted(lowered)
    (['C0', 'C1', 'C2', 'C3'], ['C1', 'C3'])
    """
    if not cfg.stagger_labels:
        return set(), set()
    partnered = {p for u in family.unions for p in u.partners}
    staggered: set[str] = set()
    lowered: set[str] = set()
    for union in family.unions:
        kids = [c.id for c in union.children]
        if len(kids) < 3 or any(k in partnered for k in kids):
            continue
        widest = max((labels[k].width for k in kids if k in labels), default=0.0)
        if widest <= cfg.symbol + cfg.gap_siblings:
            continue
        staggered.update(kids)
        lowered.update(kids[1::2])
    return staggered, lowered


class _Layout:
    def __init__(self, family: Family, labels: dict[str, TextBlock], union_labels: dict[str, str],
                 household_labels: dict[str, str], cfg: LayoutConfig, copies: dict[str, str] | None = None) -> None:
        self.family = family
        self.copies = copies or {}
        self.hint_x: dict[str, float] | None = None
        if cfg.engine == "graphviz":
            from socialtools.genogram.graphviz_engine import graphviz_positions

            self.hint_x = graphviz_positions(family)
        self.cfg = cfg
        self.s = FamilyStructure(family)
        self.double = self.s.double  # unions drawn with the double line
        self.people = {p.id: p for p in family.people}
        self.labels = {pid: labels.get(pid, TextBlock((), cfg.label_size)) for pid in self.people}
        self.union_labels = union_labels
        self.household_labels = household_labels
        homes: dict[str, set[str]] = defaultdict(set)
        for h in family.households:
            for m in h.members:
                homes[m].add(h.id or "")
        self.homes = {pid: frozenset(ids) for pid, ids in homes.items()}
        self.size = {pid: symbol_size(p, cfg.symbol) for pid, p in self.people.items()}
        self.outer = {pid: self.size[pid] + (2 * INDEX_GAP if p.index else 0) for pid, p in self.people.items()}
        self.label_w = {pid: block.width for pid, block in self.labels.items()}
        self.half = {pid: max(self.outer[pid], self.label_w[pid]) / 2 for pid in self.people}
        self.staggered, self.lowered = staggered_labels(family, self.labels, cfg)
        self.kids = {uid: self.s.children(uid) for uid in self.s.unions}
        self.rank = {c: i for kids in self.kids.values() for i, c in enumerate(kids)}
        self.single = {pid for uid, pid in self.s.anchor.items() if self.kids[uid]}
        # a union across rows: its line leaves the upper partner by a drop of its own, as a one-sided union's
        self.tops_of: dict[str, list[str]] = defaultdict(list)
        for uid in sorted(self.s.cross):
            self.tops_of[cross_ends(self.s, uid)[0]].append(cross_top(uid))
        self.single |= set(self.tops_of)
        self._sep_cache: dict[tuple[str, str], float] = {}
        self.x: dict[str, float] = {}
        self.room: dict[tuple[str, str], float] = {}  # room between two neighbours for the long lines between them
        self.dummy_x: dict[str, float | None] = {}  # x of each long line on each row it passes (None: an empty row)
        self.gaps: dict[int, tuple[list[str], list[list[str]]]] = {}  # row -> its people, the dummies in each gap
        self.drop_at: dict[str, float] = {}  # union with children -> x of its drop

    # ---- ordering ----
    def _order(self, component: list[str]) -> dict[int, list[list[str]]]:
        """The order of each row of a component: blocks of partners, and the dummy nodes of the
        long lines (see :mod:`~socialtools.genogram.ordering`) as blocks of their own."""
        if self.hint_x is None:  # a copy drawn for a loop stands on its original's side of its partner
            return face_originals(order_component(self.s, component), self.copies)
        hint = dict(self.hint_x)  # an outside engine has ordered the rows; each long line runs straight
        gen = self.s.generation
        rows_by_hint: dict[int, list[list[str]]] = defaultdict(list)
        for block in blocks_of(self.s, component):
            rows_by_hint[gen[block[0]]].append(sorted(block, key=lambda p: hint.get(p, 0.0)))
        for (uid, c), chain in all_chains(self.s, set(component)).items():
            top = self.hang(uid)
            start = sum(hint.get(p, 0.0) for p in top) / len(top)
            for i, d in enumerate(chain):
                hint[d] = start + (hint.get(c, 0.0) - start) * (i + 1) / (len(chain) + 1)
                rows_by_hint[gen[top[0]] + 1 + i].append([d])
        return {r: sorted(bs, key=lambda b: sum(hint.get(p, 0.0) for p in b) / len(b))
                for r, bs in rows_by_hint.items()}

    def _make_room(self, order: dict[int, list[list[str]]]) -> dict[int, list[list[str]]]:
        """The order without its dummy nodes; each long line's dummy is kept as room
        (:data:`SLOT`) between the two people it stands between, in :attr:`gaps`."""
        people_order: dict[int, list[list[str]]] = {}
        for r, blocks in order.items():
            people: list[str] = []
            gaps: list[list[str]] = [[]]
            for block in blocks:
                if is_dummy(block[0]):
                    gaps[-1].append(block[0])
                    continue
                for p in block:
                    people.append(p)
                    gaps.append([])
            for (a, b), between in zip(itertools.pairwise(people), gaps[1:-1], strict=True):
                if between:
                    self.room[(a, b)] = SLOT * len(between)
            self.gaps[r] = (people, gaps)
            people_order[r] = [b for b in blocks if not is_dummy(b[0])]
        return {r: bs for r, bs in people_order.items() if bs}

    def _dummies_of(self) -> list[str]:
        """The dummy nodes of the component being placed (kept in :attr:`gaps`)."""
        return [d for _, gaps in self.gaps.values() for between in gaps for d in between]

    def _place_dummies(self, chains: list[list[str]]) -> None:
        """x of each long line on each row it passes: within its share of the gap its dummy
        holds (or beyond the row's end), the shares in the order the ordering gave; a line runs
        straight down as long as its shares overlap, and steps aside only where they do not."""
        inf = float("inf")
        share: dict[str, tuple[float, float]] = {}
        row_of: dict[str, int] = {}
        for r, (people, gaps) in self.gaps.items():
            for i, between in enumerate(gaps):
                m = len(between)
                row_of.update(dict.fromkeys(between, r))
                if not people:
                    share.update(dict.fromkeys(between, (-inf, inf)))
                    continue
                if not m:
                    continue
                if i > 0:
                    a = people[i - 1]
                    lo = self.x[a] + max(self.half[a], self._single_offset(a) + DROP_ROOM if a in self.single else 0.0)
                if i < len(people):
                    b = people[i]
                    hi = self.x[b] - self.half[b]
                if i == 0:  # beyond the left end: the leftmost line free to go further
                    lo = hi - SLOT * (m + 1)
                elif i == len(people):
                    hi = lo + SLOT * (m + 1)
                step = (hi - lo - 2 * LONG_CLEAR) / m
                for j, d in enumerate(between):
                    a_ = lo + LONG_CLEAR + j * step + LONG_PAD
                    b_ = lo + LONG_CLEAR + (j + 1) * step - LONG_PAD
                    share[d] = (-inf if i == 0 and j == 0 else a_, inf if i == len(people) and j == m - 1 else b_)
        runs: list[tuple[int, list[str], float, float]] = []
        for ci, chain in enumerate(chains):
            x: float | None = None
            i = 0
            while i < len(chain):
                lo, hi = share[chain[i]]
                j = i + 1
                while j < len(chain) and max(lo, share[chain[j]][0]) <= min(hi, share[chain[j]][1]):
                    lo, hi = max(lo, share[chain[j]][0]), min(hi, share[chain[j]][1])
                    j += 1
                if x is None:  # the first run: the middle of what it may take (or beside its one bound)
                    x = (lo + hi) / 2 if -inf < lo and hi < inf else hi - SLOT if hi < inf else lo + SLOT
                x = min(max(x, lo), hi)  # later runs: as near the run above as they may
                if abs(x) == inf:
                    x = None
                for d in chain[i:j]:
                    self.dummy_x[d] = x
                if x is not None:
                    runs.append((ci, chain[i:j], lo, hi))
                i = j
        people_x = {r: [self.x[p] for p in people] for r, (people, _) in self.gaps.items()}
        self.gaps.clear()
        self._apart(runs, row_of, people_x)

    def _apart(self, runs: list[tuple[int, list[str], float, float]], row_of: dict[str, int],
               people_x: dict[int, list[float]]) -> None:
        """Move a straight run of a long line aside (within what it may take) where another long
        line comes down at its x on a row next to it, or a child's line to the row below it: one
        would run along the other in the band between."""
        near: dict[int, list[list[float | int]]] = defaultdict(list)  # row -> [x, line] of each dummy
        for ci, run, _, _ in runs:
            for d in run:
                near[row_of[d]].append([self.dummy_x[d] or 0.0, ci])
        for ci, run, lo, hi in runs:
            rows = [row_of[d] for d in run]
            others = [item for r in range(min(rows) - 1, max(rows) + 2) for item in near.get(r, []) if item[1] != ci]
            others += [[px, -1] for px in people_x.get(max(rows) + 1, [])]
            x = self.dummy_x[run[0]] or 0.0
            if all(abs(x - o[0]) >= LONG_APART for o in others):
                continue
            moved = (x + s * k * LONG_APART for k in range(1, 6) for s in (1, -1))
            new = next((c for c in moved if lo <= c <= hi and all(abs(c - o[0]) >= LONG_APART for o in others)), x)
            for d in run:
                self.dummy_x[d] = new
            for r in rows:
                for item in near[r]:
                    if item[1] == ci and item[0] == x:
                        item[0] = new

    def kids_of(self, uid: str) -> list[str]:
        return self.kids[uid]

    def hang(self, uid: str) -> list[str]:
        """The people the line of a union (or of the upper end of a union across rows) hangs from."""
        if uid.endswith(CROSS):
            return [cross_ends(self.s, uid.removesuffix(CROSS))[0]]
        return self.s.hangs_from(uid)

    # ---- spacing ----
    def _union_between(self, a: str, b: str) -> str | None:
        for uid in self.s.unions_of.get(a, []):
            if b in self.s.unions[uid].partners:
                return uid
        return None

    def _single_offset(self, pid: str) -> float:
        return max(self.outer[pid] / 2 + 10, self.label_w[pid] / 2 + 7)

    def _sep_with_room(self, a: str, b: str) -> float:
        """:meth:`_sep`, and room for the long lines between ``a`` and ``b`` (see :meth:`_make_room`)."""
        return self._sep(a, b) + self.room.get((a, b), 0.0)

    def _sep(self, a: str, b: str) -> float:
        key = (a, b)
        if key not in self._sep_cache:
            self._sep_cache[key] = self._separation(a, b)
        return self._sep_cache[key]

    def _separation(self, a: str, b: str) -> float:
        cfg = self.cfg
        same_block = self.s.clusters.find(a) == self.s.clusters.find(b)
        pa, pb = self.s.parent_union.get(a), self.s.parent_union.get(b)
        gap = cfg.gap_block if same_block else cfg.gap_siblings if pa is not None and pa == pb else cfg.gap_families
        sep = self.half[a] + self.half[b] + gap
        if {a, b} <= self.staggered and pa == pb and (a in self.lowered) != (b in self.lowered):
            # labels on two heights: each clear of the next but one on its own height
            sep = max(self.outer[a] / 2 + self.outer[b] / 2, max(self.label_w[a], self.label_w[b]) / 2) + gap / 2
            sep = max(sep, self.outer[a] / 2 + self.outer[b] / 2 + gap)
        if same_block:
            uid = self._union_between(a, b)
            text = self.union_labels.get(uid, "") if uid else ""
            from socialtools.draw.text import text_width

            need_label = text_width(text, cfg.union_label_size) + 10 if text else 0.0
            ends = self.outer[a] / 2 + self.outer[b] / 2
            if text and cfg.gap_block >= OUTLINE_ROOM_FROM and self.homes.get(a, frozenset()) != self.homes.get(
                    b, frozenset()):  # a household's outline passes between the (centred) label and one of them
                need_label += 2 * OUTLINE_ROOM  # (not in a report's compact drawing: print size goes first)
                ends = max(self.outer[a], self.outer[b])
            sep = max(
                sep,
                ends + max(need_label, 26.0),
                2 * max(self.label_w[a] / 2, self.label_w[b] / 2) + 16,
            )
        if a in self.single:
            sep = max(sep, self._single_offset(a) + 8 + self.half[b])
        return sep

    def _drop_x(self, uid: str) -> float:
        if uid in self.drop_at:
            return self.drop_at[uid]
        anchor = self.s.anchor.get(uid)
        if anchor is not None:
            return self.x[anchor] + self._single_offset(anchor)
        partners = self.s.unions[uid].partners
        return sum(self.x[p] for p in partners) / len(partners)

    # ---- main ----
    def run(self) -> GenogramLayout:
        cfg = self.cfg
        comps = self.s.components()
        # the index person's family first, then the larger families before the smaller
        first = sorted(range(len(comps)), key=lambda i: (not any(self.people[p].index for p in comps[i]),
                                                          -len(comps[i]), i))
        gen = self.s.generation
        placed: list[tuple[list[str], dict[int, list[list[str]]], float, float]] = []
        for ci in first:
            comp = comps[ci]
            if len(comp) == 1:  # someone with no relatives in the data: nothing to order
                order = {gen[comp[0]]: [comp]}
                self.x[comp[0]] = 0.0
            else:
                order = self._make_room(self._order(comp))
                passes = max(8, min(cfg.sweeps, PASS_WORK // len(comp)))
                xs, drops = place(self.s, order, self._sep_with_room, self.half, self._single_offset, passes)
                self.x.update(xs)
                self.drop_at.update(drops)
            dummies = self._dummies_of()
            self._place_dummies(list(all_chains(self.s, set(comp)).values()))
            dummy_xs = [x for d in dummies if (x := self.dummy_x[d]) is not None]
            left = min([self.x[p] - self.half[p] for p in comp] + [x - SLOT for x in dummy_xs])
            right = max([self.x[p] + self.half[p] for p in comp] + [x + SLOT for x in dummy_xs])
            right = max([right] + [self._drop_x(u) + 8 for p in comp for u in self.s.unions_of.get(p, [])
                                   if self.s.anchor.get(u) == p])
            placed.append((comp + dummies, order, left, right))
        rows_all: dict[int, list[str]] = defaultdict(list)
        base = 0
        for shelf in self._shelves(placed):
            offset = 0.0
            top = min(r for _, order, _, _ in shelf for r in order)
            bottom = max(r for _, order, _, _ in shelf for r in order)
            for comp, order, left, right in shelf:
                shift = offset - left
                for p in comp:
                    if p not in self.x:
                        if (dx := self.dummy_x[p]) is not None:
                            self.dummy_x[p] = dx + shift
                        continue
                    self.x[p] += shift
                    for u in [*self.s.unions_of.get(p, []), *self.tops_of.get(p, [])]:
                        if u in self.drop_at and p == self.hang(u)[0]:
                            self.drop_at[u] += shift
                offset += right - left + cfg.gap_components
                for r in sorted(order):
                    rows_all[base + r - top].extend(p for block in order[r] for p in block)
            base += bottom - top + 1
        for p in self.x:
            self.x[p] += cfg.margin
        for d, dx in self.dummy_x.items():
            if dx is not None:
                self.dummy_x[d] = dx + cfg.margin
        for u in self.drop_at:
            self.drop_at[u] += cfg.margin
        return _Geometry(self, dict(rows_all)).build()

    def _shelves(self, placed: list[tuple[list[str], dict[int, list[list[str]]], float, float]]
                 ) -> list[list[tuple[list[str], dict[int, list[list[str]]], float, float]]]:
        """Unconnected families side by side in one strip — or, when that strip would be far
        wider than a drawing of about 3:2, on shelves one below the other (next fit, in order)."""
        gap = self.cfg.gap_components
        widths = [right - left for _, _, left, right in placed]
        area = sum(w * (max(order) - min(order) + 1) * ROW_HEIGHT
                   for w, (_, order, _, _) in zip(widths, placed, strict=True))
        target = max([(area * ASPECT) ** 0.5, *widths])
        if sum(widths) + gap * (len(widths) - 1) <= 1.25 * target:
            return [placed]
        shelves: list[list[tuple[list[str], dict[int, list[list[str]]], float, float]]] = [[]]
        used = 0.0
        for item, w in zip(placed, widths, strict=True):
            if shelves[-1] and used + gap + w > target:
                shelves.append([])
                used = 0.0
            used += (gap if shelves[-1] else 0.0) + w
            shelves[-1].append(item)
        return shelves


PASS_WORK = 4_000  # people x passes of the coordinate step at most (8 passes at least)
SLOT = 8.0  # room a long line takes between two neighbours of a row it passes
DROP_ROOM = 14.0  # a long line keeps this far beyond the drop beside a one-sided union's partner
LONG_CLEAR = 3.0  # a long line keeps this far from the labels and symbols beside its gap
LONG_PAD = 1.5  # and this far from the share of the next long line in the gap
LONG_APART = 2.0  # two long lines passing neighbouring rows keep this far apart
CROSS_END = 0.34  # a union line across rows reaches its lower partner this far (x symbol size) off the middle
# (a further child link from the row above reaches the child at 0.25: see routing.route_links)
LONG_END = 5.0  # a long line reaches its child this far off the middle where a drop comes down there
ROW_HEIGHT = 130.0  # about what one generation's row takes, for the packing of families
ASPECT = 1.5  # width : height aimed at when unconnected families are packed on shelves


OUTLINE_ROOM = 3.0  # more room each side of a union label where a household outline passes beside it,
OUTLINE_ROOM_FROM = 14.0  # in drawings whose partners stand at least this far apart (not the compact ones)
SNAP = 3.0  # a drop this near one of its children's x moves onto it (no small step in the line)
DROP_GAP = 6.0  # a second drop in the gap of a couple keeps this far (per level) from the couple's own
OVER_PORT = 0.3  # a union line over the row leaves each partner's top this far (x symbol size) off the middle
OVER_PORT_STEP = 0.07  # and this much nearer the middle per level further up
ONE_PARENT_PORT = (0.3, 0.75)  # a one-parent family's line leaves its parent's bottom this far (x half the
# symbol's width) off the middle, the nearest and furthest of several (see _Geometry._one_parent_lines)


class _Geometry:
    """Second half of the layout: rows to y, then every line and label box."""

    def __init__(self, lay: _Layout, rows: dict[int, list[str]]) -> None:
        self.l = lay
        self.cfg = lay.cfg
        self.rows = rows
        self.row_of = {p: r for r, ps in rows.items() for p in ps}
        self.pos = {p: i for ps in rows.values() for i, p in enumerate(ps)}
        self.band_top: dict[int, float] = {}
        self.long_x = self._long_lines()
        self.jog_y: dict[tuple[str, str, int], float] = {}  # y of each long line's step in a band
        self.long_end: dict[tuple[str, str], float] = {}  # x where each long line reaches its child
        self.row_unions: dict[int, list[str]] = defaultdict(list)  # the unions hanging from each row
        for uid in [*lay.s.unions, *(cross_top(u) for u in sorted(lay.s.cross))]:
            self.row_unions[self.union_row(uid)].append(uid)
        self.topped = topped_people(lay.s)  # people a line comes down onto
        self.over_level: dict[str, int] = {}  # unions drawn over their row (bars.bracket_band): their level
        self.port: dict[str, float] = {}  # x where each one-parent family's line leaves its parent (if not the middle)

    def union_row(self, uid: str) -> int:
        """The row a union's bracket and its children's bar belong to."""
        return self.row_of[self.l.hang(uid)[0]]

    def _union_levels(self) -> dict[str, int]:
        """Level of each union bracket: adjacent partners 0, longer spans staggered below — or
        drawn over the row where fewer lines cross them there (:func:`~socialtools.genogram.bars.bracket_band`,
        as the ordering counts; their levels over the row in :attr:`over_level`)."""
        lay = self.l
        out: dict[str, int] = {}
        pos = {p: float(i) for ps in self.rows.values() for i, p in enumerate(ps)}
        by_row: dict[int, list[tuple[float, float, str]]] = defaultdict(list)
        couples: dict[int, set[int]] = defaultdict(set)
        for uid, u in lay.s.unions.items():
            if uid in lay.s.anchor:
                out[uid] = 0
                continue
            a, b = sorted(u.partners, key=lambda p: lay.x[p])
            if self.row_of[a] == self.row_of[b] and abs(pos[a] - pos[b]) == 1:
                out[uid] = 0
                couples[self.row_of[a]].add(int(pos[a]))
            else:  # by the places in the row, as the ordering counts their crossings
                by_row[self.row_of[a]].append((pos[a], pos[b], uid))
        graph = graph_of(lay.s, set(self.row_of)) if by_row else None
        for r, spans in by_row.items():
            assert graph is not None
            drops = [(graph.union_pos(u, pos), u) for u in self.row_unions[r] if u.endswith(CROSS) or lay.kids_of(u)]
            topped = sorted(pos[p] for p in self.rows[r] if p in self.topped)
            band = bracket_band(spans, drops, topped, couples[r], lay.s.double)
            out.update(band.below)
            out.update(dict.fromkeys(band.over, 0))
            self.over_level.update(band.over)
        return out

    def build(self) -> GenogramLayout:
        lay, cfg = self.l, self.cfg
        ulevel = self._union_levels()
        self.drop = {uid: self._drop_x(uid, ulevel) for uid in lay.s.unions}  # placed with the people
        # the upper ends of the unions across rows: a drop with one line, down to the lower partner
        tops = {cross_top(uid): cross_ends(lay.s, uid)[1] for uid in sorted(lay.s.cross)}
        self.drop.update({top: lay.drop_at[top] for top in tops})
        self._snap_drops(tops)
        for uid in sorted(lay.s.cross):
            ulevel[cross_top(uid)] = self._stub_level(cross_ends(lay.s, uid)[0], ulevel, self.drop[cross_top(uid)])
        for uid, anchor in lay.s.anchor.items():  # a one-partner union without children: its stub under
            if uid not in lay.s.cross and not lay.kids_of(uid):  # (not along) the partner's lines to the right
                ulevel[uid] = self._stub_level(anchor, ulevel, self.drop[uid])
        self._one_parent_lines(ulevel)
        # sibship bar levels per row, and the steps of the long lines (bars of one child)
        bar_spans: dict[int, list[tuple[float, float, str | tuple[str, str, int]]]] = defaultdict(list)
        bars: dict[int, list[Bar]] = defaultdict(list)
        row_drops: dict[int, list[float]] = defaultdict(list)  # the children's drops hanging from each row
        for uid in [*lay.s.unions, *tops]:
            kids = [tops[uid]] if uid in tops else lay.kids_of(uid)
            if not kids:
                continue
            drop = self.drop[uid]
            row_drops[self.union_row(uid)].append(drop)
            if uid in tops and (uid, kids[0]) not in self.long_x:  # partners in rows next to each other
                self.long_end[(uid, kids[0])] = self._cross_end(uid, kids[0], drop)
            down = sorted(self.long_x[(uid, c)][0] if (uid, c) in self.long_x
                          else self.long_end[(uid, c)] if uid in tops else lay.x[c] for c in kids)
            lo, hi = min(down[0], drop), max(down[-1], drop)
            bar_spans[self.union_row(uid)].append((lo, hi, uid))
            bars[self.union_row(uid)].append(Bar(lo, hi, drop, tuple(down)))
        for (uid, c), xs in self.long_x.items():
            top = self.union_row(uid)
            end = lay.x[c]  # beside the child's middle where another union's drop comes down over it
            if uid in tops:
                end = self._cross_end(uid, c, xs[-1])
                if not self._to_stub(uid.removesuffix(CROSS)) and any(
                        abs(d - end) < LONG_APART for d in row_drops[self.row_of[c] - 1]):
                    end = 2 * lay.x[c] - end  # the other side of the middle, off a drop that comes down there
            elif any(abs(d - end) < LONG_APART for d in row_drops[self.row_of[c] - 1]):
                end += LONG_END if xs[-1] >= end else -LONG_END
            self.long_end[(uid, c)] = end
            for i, (a, b) in enumerate(itertools.pairwise([*xs, end])):
                if abs(a - b) > 0.5:
                    bar_spans[top + 1 + i].append((min(a, b), max(a, b), (uid, c, top + 1 + i)))
                    bars[top + 1 + i].append(Bar(min(a, b), max(a, b), a, (b,)))
        bar_level: dict[str | tuple[str, str, int], int] = {}
        for r, spans in bar_spans.items():  # staggered so that fewest lines cross
            bar_level.update({key: level for (_, _, key), level in zip(spans, stagger(bars[r], 6.0), strict=True)})
        lanes = self._lane_needs()
        # rows to y
        y = cfg.margin
        cy: dict[int, float] = {}
        union_y0: dict[int, float] = {}
        label_top: dict[int, float] = {}
        lower_top: dict[int, float] = {}
        bar_y0: dict[int, float] = {}
        lane_y0: dict[int, float] = {}
        over_y0: dict[int, float] = {}  # y of the lowest of the union lines over each row
        over_levels: dict[int, int] = defaultdict(int)
        for uid, level in self.over_level.items():
            over_levels[self.union_row(uid)] = max(over_levels[self.union_row(uid)], level + 1)
        for r in sorted(self.rows):
            people = self.rows[r]
            lane_y0[r] = y + cfg.level_step
            y += lanes.get(r, 0) * cfg.level_step + (cfg.level_step if lanes.get(r) else 0)
            if over := over_levels.get(r, 0):  # union lines over the row, under the lanes
                y += cfg.union_drop + over * cfg.level_step
            over_y0[r] = y - cfg.union_drop
            band = max(lay.outer[p] for p in people)
            cy[r] = y + band / 2
            self.band_top[r] = y
            levels = max((ulevel[u] for p in people for u in [*lay.s.unions_of.get(p, []), *lay.tops_of.get(p, [])]),
                         default=-1)
            union_y0[r] = cy[r] + band / 2 + cfg.union_drop
            label_top[r] = union_y0[r] + max(levels, 0) * cfg.level_step + cfg.label_gap + 2
            label_h = max((lay.labels[p].height for p in people if p not in lay.lowered), default=0.0)
            if lowered := [p for p in people if p in lay.lowered]:  # the lower labels of a staggered sibship
                lower_top[r] = label_top[r] + label_h + cfg.label_gap
                label_h += cfg.label_gap + max(lay.labels[p].height for p in lowered)
            bar_y0[r] = label_top[r] + label_h + cfg.bar_gap
            nbars = max((bar_level[u] + 1 for _, _, u in bar_spans.get(r, [])), default=0)
            for _, _, key in bar_spans.get(r, []):
                if isinstance(key, tuple):
                    self.jog_y[key] = bar_y0[r] + bar_level[key] * cfg.level_step
            y = bar_y0[r] + max(nbars - 1, 0) * cfg.level_step + cfg.row_gap + (cfg.bar_gap if nbars else 0)
        nodes = {
            p: PersonNode(p, lay.x[p], cy[r], lay.size[p], lay.outer[p], r, lay.labels[p],
                          lower_top[r] if p in lay.lowered else label_top[r],
                          cross_reach(lay.people[p], lay.size[p], lay.outer[p]))
            for r, ps in self.rows.items() for p in ps
        }
        unions: dict[str, UnionPlacement] = {}
        for uid, _u in lay.s.unions.items():
            if uid in self.over_level:
                unions[uid] = self._over_union(uid, nodes, over_y0[self.union_row(uid)])
            else:
                unions[uid] = self._union(uid, nodes, union_y0, ulevel)
        sibships = []
        for uid in lay.s.unions:
            kids = lay.kids_of(uid)
            if kids:
                bar_y = bar_y0[self.union_row(uid)] + bar_level[uid] * cfg.level_step
                sibships.append(self._sibship(uid, kids, nodes, unions[uid], bar_y))
        width = max((max(n.x + lay.half[n.id], n.symbol_box.right) for n in nodes.values()), default=0) + cfg.margin
        width = max([width] + [u.drop[0] + cfg.margin for u in unions.values()]
                    + [x + cfg.margin for xs in self.long_x.values() for x in xs])
        height = y + cfg.margin - cfg.row_gap
        cross = {uid: self._cross_line(uid, nodes, union_y0[self.union_row(top)] + ulevel[top] * cfg.level_step,
                                       bar_y0[self.union_row(top)] + bar_level[top] * cfg.level_step,
                                       unions[uid].drop[1] if self._to_stub(uid) else None)
                 for uid, top in ((u, cross_top(u)) for u in sorted(lay.s.cross))}
        for uid, pts in cross.items():
            if not lay.kids_of(uid):  # no children to hang from the lower partner: the union's own
                u = lay.s.unions[uid]  # line is the stub under the upper partner (its marks, its double line)
                unions[uid] = UnionPlacement(uid, u.kind, pts[:3], pts[2], "", None, uid in lay.double,
                                             tuple(u.partners))
                cross[uid] = pts[2:]  # and the line across rows goes on from its drop
        drawn = [LinkPlacement(f"union-{lay.s.unions[uid].kind}", *cross_ends(lay.s, uid), pts)
                 for uid, pts in cross.items()]
        result = GenogramLayout(nodes, unions, sibships, drawn, [], [], width, height, dict(self.rows))
        result.copies = dict(lay.copies)
        # household outlines first (round the family's own lines), then the further links and
        # emotional lines, which keep off the outlines, then the households' labels clear of them all
        result.households = route_households(result, lay.family, lay.household_labels, cfg, with_labels=False)
        self._grow(result, [p for h in result.households for poly in h.polygons for p in poly])
        result.extra_links, result.relationships = route_links(result, lay.family, lay.s, lane_y0, cfg, cross)
        hold_outside(result, cfg.margin)
        result.households = label_households(result, result.households, cfg)
        self._grow(result, [(b.right, b.bottom) for h in result.households for b in h.label_boxes])
        return result

    def _stub_level(self, upper: str, ulevel: dict[str, int], drop: float) -> int:
        """Level of the stub from an upper partner to the drop (at ``drop``) of a union across
        rows (or of a one-partner union without children), right of them: under the partner's
        union lines that go to the right under the row (which it would run along), and on no
        level of another pair's bracket under the row that passes there (a third partner's line
        under the upper partner: the stub would run along it)."""
        lay = self.l
        right = [ulevel[u] + 1 for u in lay.s.unions_of.get(upper, []) if u not in lay.s.anchor
                 and u not in self.over_level and any(lay.x[p] > lay.x[upper] for p in lay.s.unions[u].partners)]
        level = max(right, default=0)
        lo, hi = sorted((lay.x[upper], drop))
        return self._free_level(upper, lo, hi, level, ulevel)

    def _one_parent_lines(self, ulevel: dict[str, int]) -> None:
        """Where the line of each one-parent family (a union with one partner known: its
        children's line, or a stub without children) leaves its parent, and its level, when that
        parent has other union lines under them (a couple, a second one-parent family): off the
        middle of the symbol's bottom, on its own level below the parent's other lines, so that it
        never runs along nor continues one of them and a reader sees which children are whose
        (issue 10, "nothing through anything"). The drops stand right of the parent, nearer than
        a couple's drop in the same gap (``ordering._Graph.union_pos``); the lines leave the bottom
        right of the middle, or left of it where another of the parent's lines goes to the right
        (they then pass under that line's leg). Several nest: the further the drop, the higher
        the level and the further out the port, so that none crosses another."""
        lay = self.l
        singles: dict[str, list[str]] = defaultdict(list)
        for uid, p in lay.s.anchor.items():
            if uid not in lay.s.cross and uid not in self.over_level:
                singles[p].append(uid)
        for p, own in singles.items():
            others = [u for u in [*lay.s.unions_of.get(p, []), *lay.tops_of.get(p, [])]
                      if u not in own and u not in self.over_level]
            if not others and len(own) == 1:
                continue  # the parent's one line: down from the middle, as a couple's
            x = lay.x[p]
            right = any(u in lay.s.anchor or u.endswith(CROSS) or any(lay.x[q] > x for q in lay.s.unions[u].partners)
                        for u in others)
            side = -1.0 if right else 1.0
            # nearest first (the drops stand right of the parent); a stub without children (a partner
            # not known, no children) as if further: it ends on its higher level, over the drop there
            own.sort(key=lambda u: (self.drop[u], not lay.kids_of(u)))
            k = len(own)
            lo, hi = ONE_PARENT_PORT
            half = lay.size[p] / 2
            level = max([ulevel[u] + 1 for u in others if u in ulevel], default=0)
            for i in reversed(range(k)):  # the furthest first: the highest level
                j = i if side > 0 else k - 1 - i  # right of the middle the nearest drop's port is innermost
                port = x + side * half * (lo + (hi - lo) * (j / (k - 1) if k > 1 else 0.5))
                level = self._free_level(p, min(port, x), self.drop[own[i]], level, ulevel)
                ulevel[own[i]] = level
                self.port[own[i]] = port
                level += 1

    def _free_level(self, p: str, lo: float, hi: float, level: int, ulevel: dict[str, int]) -> int:
        """The first level from ``level`` on that no other pair's bracket under the row of ``p``
        takes between ``lo`` and ``hi``."""
        lay = self.l
        row = self.row_of[p]
        taken = {ulevel[u] for u, v in lay.s.unions.items() if u not in lay.s.anchor and u not in self.over_level
                 and u in ulevel and all(self.row_of[q] == row for q in v.partners)
                 and min(lay.x[q] for q in v.partners) < hi and max(lay.x[q] for q in v.partners) > lo}
        while level in taken:
            level += 1
        return level

    def _to_stub(self, uid: str) -> bool:
        """Does the line of union ``uid`` across rows come down to the drop of its stub under the
        lower partner: when they have children and the lower partner has no other partner (whose
        union line and date label beside them the line would pass)?"""
        lay = self.l
        return bool(lay.kids_of(uid)) and len(lay.s.unions_of.get(cross_ends(lay.s, uid)[1], [])) == 1

    def _snap_drops(self, tops: dict[str, str]) -> None:
        """A union's drop within :data:`SNAP` of one of its children's x moves onto it, so that the
        line from the union down to that child is straight, not kinked by a step of 0.4–2.6 units
        that the coordinate step's rounding leaves (review 6, D3) — unless another line down
        from the row (a drop, a long line) stands that near: the drops keep their sides."""
        lay = self.l
        near: dict[int, list[float]] = defaultdict(list)  # the vertical lines under each row
        for uid in [*lay.s.unions, *tops]:
            if uid in tops or lay.kids_of(uid):
                near[self.union_row(uid)].append(self.drop[uid])
        for (uid, _), xs in self.long_x.items():
            for i, x in enumerate(xs):
                near[self.union_row(uid) + i].append(x)
        for uid in lay.s.unions:
            links = {c.id: c for c in lay.s.unions[uid].children}
            groups: dict[str, list[float]] = defaultdict(list)  # where each child's (twins': their) line meets the bar
            for c in lay.kids_of(uid):
                if (uid, c) not in self.long_x:
                    groups[links[c].twin or f"\0{c}"].append(lay.x[c])
            xs = [sum(g) / len(g) for g in groups.values()]
            drop = self.drop[uid]
            to = min(xs, key=lambda x: abs(x - drop), default=drop)
            if not 0 < abs(to - drop) <= SNAP:
                continue
            lo, hi = min(drop, to) - SNAP, max(drop, to) + SNAP
            if sum(lo <= x <= hi for x in near[self.union_row(uid)]) == 1:  # only its own drop
                self.drop[uid] = to

    def _cross_end(self, top: str, lower: str, from_x: float) -> float:
        """x where the line of a union across rows (its upper end ``top``), coming from ``from_x``,
        comes down: to the drop of the union's stub under its lower partner (:meth:`_to_stub`: one
        line from partner to partner, the children's line hanging from it, review 6 D4); else onto
        the top of the lower partner, off the middle (where the partner's own child line comes
        down), toward it."""
        if self._to_stub(base := top.removesuffix(CROSS)):
            return self.drop[base]
        x = self.l.x[lower]
        return x + (1 if from_x > x else -1) * self.l.outer[lower] * CROSS_END

    def _cross_line(self, uid: str, nodes: dict[str, PersonNode], union_y: float, bar_y: float,
                    drop_y: float | None) -> list[Point]:
        """The line of a union whose partners stand on two rows: from under the upper partner to
        its drop beside them (as a one-sided union's), down to the bar level, then down the gaps
        its dummy nodes hold (a step in each band where the next one stands elsewhere) to the
        drop (at ``drop_y``) of the union's stub under the lower partner, or, without one, to the
        top of the lower partner."""
        upper, lower = (nodes[p] for p in cross_ends(self.l.s, uid))
        top = cross_top(uid)
        dx = self.drop[top]
        xs = [*self.long_x.get((top, lower.id), []), self.long_end[(top, lower.id)]]
        pts: list[Point] = [upper.bottom, (upper.x, union_y), (dx, union_y), (dx, bar_y), (xs[0], bar_y)]
        for i in range(len(xs) - 1):
            if (y := self.jog_y.get((top, lower.id, upper.row + 1 + i))) is not None:
                pts += [(xs[i], y), (xs[i + 1], y)]
        pts.append((xs[-1], lower.top[1] if drop_y is None else drop_y))
        return [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]

    def _grow(self, result: GenogramLayout, corners: list[Point]) -> None:
        """Widen and heighten the drawing to hold ``corners`` with its margin."""
        result.width = max([result.width] + [x + self.cfg.margin for x, _ in corners])
        result.height = max([result.height] + [y + self.cfg.margin for _, y in corners])

    def _long_lines(self) -> dict[tuple[str, str], list[float]]:
        """x of each long line (a child two or more rows below its parents' union) on each row
        it passes, top down: where its dummy node stands in the order; on a row with nobody on
        it, straight on down."""
        lay = self.l
        out: dict[tuple[str, str], list[float]] = {}
        for (uid, c), chain in all_chains(lay.s).items():
            if not chain or c not in self.row_of or any(d not in lay.dummy_x for d in chain):
                continue
            xs: list[float] = []
            for d in chain:
                x = lay.dummy_x[d]
                xs.append(x if x is not None else xs[-1] if xs else lay._drop_x(uid))
            out[(uid, c)] = xs
        return out

    def _lane_needs(self) -> dict[int, int]:
        """Lanes above each row for emotional lines and extra child links (an upper bound)."""
        lay = self.l
        need: dict[int, int] = defaultdict(int)
        rows = sorted(self.rows)
        for between in [rel.between for rel in lay.family.relationships] + list(lay.copies.items()):
            lo, hi = sorted(self.row_of[p] for p in between)
            # an emotional line between people far apart goes through the lanes, a pattern wide
            wide = EMOTIONAL_LANES if abs(lay.x[between[0]] - lay.x[between[1]]) > REACH else 1
            for r in rows:
                if lo <= r <= hi:
                    need[r] += wide
        for uid, link in lay.s.extra_links:  # the rows down to the child (a lane above each)
            top = self.union_row(uid)
            for r in rows:
                if top < r < self.row_of[link.id]:
                    need[r] += 1
            need[self.row_of[link.id]] += 1
        return need

    def _union(self, uid: str, nodes: dict[str, PersonNode], union_y0: dict[int, float],
               ulevel: dict[str, int]) -> UnionPlacement:
        lay, cfg = self.l, self.cfg
        u = lay.s.unions[uid]
        yu = union_y0[self.union_row(uid)] + ulevel[uid] * cfg.level_step
        text = lay.union_labels.get(uid, "")
        anchor = lay.s.anchor.get(uid)
        if anchor is not None:  # one parent known, or partners on two rows: a stub at the anchor
            n = nodes[anchor]
            dx = self.drop[uid]
            if self._along_double(uid, [anchor], n.x, dx, ulevel):
                yu += DOUBLE_GAP / 2
            if (port := self.port.get(uid)) is not None:  # off the middle, on its own level
                pts = [self._on_outline(n, port, below=True), (port, yu), (dx, yu)]
            else:
                pts = [n.bottom, (n.x, yu), (dx, yu)]
            return UnionPlacement(uid, u.kind, pts, (dx, yu), "", None, uid in lay.double, tuple(u.partners))
        a, b = sorted((nodes[p] for p in u.partners), key=lambda n: n.x)
        if self._along_double(uid, [a.id, b.id], a.x, b.x, ulevel):
            yu += DOUBLE_GAP / 2
        pts = [a.bottom, (a.x, yu), (b.x, yu), b.bottom]
        dx = self.drop[uid]
        box = None
        if text and abs(self.pos[a.id] - self.pos[b.id]) == 1:
            from socialtools.draw.text import text_width

            w = text_width(text, cfg.union_label_size)  # over the middle of the partners' line
            h = cfg.union_label_size * LINE_HEIGHT
            box = Box((a.x + b.x) / 2 - w / 2, yu - h - 1, w, h)
        return UnionPlacement(uid, u.kind, pts, (dx, yu), text if box else "", box, uid in lay.double,
                              tuple(u.partners))

    def _along_double(self, uid: str, partners: list[str], x0: float, x1: float, ulevel: dict[str, int]) -> bool:
        """Whether the line of union ``uid`` (not itself doubled), from ``x0`` to ``x1`` under
        ``partners``, runs along the double line of another union of one of them on its level (a
        one-sided union's stub toward the partner of a consanguineous union; a second union of
        the same two partners): it then runs on the lower of the two lines, where that union's
        own line down leaves (:attr:`UnionPlacement.stem_top`), so that its line down crosses
        neither."""
        lay = self.l
        if uid in lay.double:
            return False
        lo, hi = min(x0, x1), max(x0, x1)
        for v in {v for p in partners for v in lay.s.unions_of.get(p, [])}:
            if v == uid or v not in lay.double or v in lay.s.anchor or v in self.over_level or ulevel[v] != ulevel[uid]:
                continue
            xs = [lay.x[p] for p in lay.s.unions[v].partners]
            if min(hi, max(xs)) - max(lo, min(xs)) > 0.5:
                return True
        return False

    def _over_union(self, uid: str, nodes: dict[str, PersonNode], over_y0: float) -> UnionPlacement:
        """The line of a union drawn over its row (see :meth:`_union_levels`): up from each
        partner's shoulder (off the middle of the symbol's top, where a line from parents comes
        down), over the heads of the people between, on its own level; its children's line comes
        down from it through the row, in the gap where its drop stands."""
        lay, cfg = self.l, self.cfg
        u = lay.s.unions[uid]
        yo = over_y0 - self.over_level[uid] * cfg.level_step
        a, b = sorted((nodes[p] for p in u.partners), key=lambda n: n.x)
        port = max(OVER_PORT - OVER_PORT_STEP * self.over_level[uid], OVER_PORT_STEP)  # a line further up:
        ax, bx = a.x + a.outer * port, b.x - b.outer * port  # nearer the middle, inside the legs of those below
        pts = [self._on_top(a, ax), (ax, yo), (bx, yo), self._on_top(b, bx)]
        return UnionPlacement(uid, u.kind, pts, (self.drop[uid], yo), "", None, uid in lay.double, tuple(u.partners))

    def _on_top(self, n: PersonNode, x: float) -> Point:
        """Where a line coming down at ``x`` meets the outline of the symbol of ``n``."""
        return self._on_outline(n, x)

    def _on_outline(self, n: PersonNode, x: float, below: bool = False) -> Point:
        """Where a vertical line at ``x`` meets the outline of the symbol of ``n`` coming down
        onto it (or, ``below``, coming up onto it from below)."""
        shape = outer_outline(self.l.people[n.id], n.x, n.y, self.cfg.symbol)
        start = (x, n.bottom[1] + 1.0) if below else (x, n.top[1] - 1.0)
        return end_on_outline([start, (x, n.y)], shape)[-1]

    def _drop_x(self, uid: str, ulevel: dict[str, int]) -> float:
        """x where the children's line leaves a union: between adjacent partners, or — for a
        partner further along the row — in the gap next to that partner."""
        lay = self.l
        u = lay.s.unions[uid]
        if uid in lay.s.anchor or uid in lay.drop_at:
            return lay._drop_x(uid)
        a, b = sorted(u.partners, key=lambda p: lay.x[p])
        ia, ib = self.pos[a], self.pos[b]
        if ib - ia <= 1:
            return (lay.x[a] + lay.x[b]) / 2
        row = self.rows[self.row_of[a]]
        hub_left = len(lay.s.unions_of.get(a, [])) >= len(lay.s.unions_of.get(b, []))
        i = ib - 1 if hub_left else ia
        left, right = row[i], row[i + 1]  # in the free gap between their labels, off its middle by level
        lo, hi = lay.x[left] + lay.half[left], lay.x[right] - lay.half[right]
        room = max((hi - lo) / 2 - 2.0, 0.0)
        if lay._union_between(left, right) is not None:
            # the gap of a couple: their own drop runs down its middle, so keep this one beside it
            middle = (lay.x[left] + lay.x[right]) / 2
            side = -1.0 if hub_left else 1.0  # toward the inside of this union's span
            shift = min(max(room, 4.0), DROP_GAP * ulevel[uid])
            return middle + side * shift
        return (lo + hi) / 2 + max(-room, min(room, (ulevel[uid] - 1) * 3.0))

    def _sibship(self, uid: str, kids: list[str], nodes: dict[str, PersonNode], union: UnionPlacement,
                 bar_y: float) -> SibshipPlacement:
        lay = self.l
        links: dict[str, ChildLink] = {c.id: c for c in lay.s.unions[uid].children}
        dx = union.drop[0]
        twins: dict[str, list[str]] = defaultdict(list)
        for c in kids:
            if twin := links[c].twin:
                twins[twin].append(c)
        attach = twin_attach({c: nodes[c].x for c in kids}, {c: links[c].twin for c in kids})
        children: dict[str, list[Point]] = {}
        identical: list[list[Point]] = []
        for c in kids:
            n = nodes[c]
            ax = attach.get(c, n.x)
            if (uid, c) in self.long_x:  # down the gaps its dummy nodes hold, a step in a band between
                xs = [*self.long_x[(uid, c)], self.long_end[(uid, c)]]
                pts = [(xs[0], bar_y)]
                for i in range(len(xs) - 1):
                    if (y := self.jog_y.get((uid, c, self.union_row(uid) + 1 + i))) is not None:
                        pts += [(xs[i], y), (xs[i + 1], y)]
                children[c] = [*pts, (xs[-1], n.top[1])]
            else:
                children[c] = [(ax, bar_y), n.top]
        for group in twins.values():
            if len(group) >= 2 and any(links[c].identical for c in group):
                identical.append(identical_bar([children[c] for c in group]))
        xs = [p[0][0] for p in children.values()] + [dx]
        bar = [(min(xs), bar_y), (max(xs), bar_y)]
        return SibshipPlacement(uid, bar, [union.stem_top, (dx, bar_y)], children,
                                {c: links[c].relation for c in kids}, identical)
