"""Genogram layout: the family as plain coordinates, before anything is drawn.

Layered drawing (see ``shared/specs/architecture.md``): generations on rows, partners in one
block, rows ordered by barycentre sweeps with sibships kept in birth order, then x by
repeated weighted isotonic regression (pool-adjacent-violators) — parents centred over
their children, every gap wide enough for symbols *and* labels — so the cost grows
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

from socialtools.draw.geometry import Box, Point, segment_hits_box
from socialtools.draw.text import LINE_HEIGHT, TextBlock
from socialtools.genogram.model import ChildLink, Family, union_date_key
from socialtools.genogram.placements import (
    GenogramLayout,
    LayoutConfig,
    PersonNode,
    SibshipPlacement,
    UnionPlacement,
)
from socialtools.genogram.routing import route_households, route_links
from socialtools.genogram.structure import FamilyStructure
from socialtools.genogram.symbols import INDEX_GAP, symbol_size

# -- the algorithm ---------------------------------------------------------------------------


def layout_family(
    family: Family,
    labels: dict[str, TextBlock] | None = None,
    union_labels: dict[str, str] | None = None,
    household_labels: dict[str, str] | None = None,
    config: LayoutConfig | None = None,
) -> GenogramLayout:
    """Place every person of ``family``; ``labels`` are the text blocks under each symbol."""
    cfg = config or LayoutConfig()
    labels = labels or {}
    union_labels = union_labels or {}
    return _Layout(family, labels, union_labels, household_labels or {}, cfg).run()


class _Layout:
    def __init__(self, family: Family, labels: dict[str, TextBlock], union_labels: dict[str, str],
                 household_labels: dict[str, str], cfg: LayoutConfig) -> None:
        self.family = family
        self.hint_x: dict[str, float] | None = None
        if cfg.engine == "graphviz":
            from socialtools.genogram.graphviz_engine import graphviz_positions

            self.hint_x = graphviz_positions(family)
        self.cfg = cfg
        self.s = FamilyStructure(family)
        self.people = {p.id: p for p in family.people}
        self.labels = {pid: labels.get(pid, TextBlock((), cfg.label_size)) for pid in self.people}
        self.union_labels = union_labels
        self.household_labels = household_labels
        self.size = {pid: symbol_size(p, cfg.symbol) for pid, p in self.people.items()}
        self.outer = {pid: self.size[pid] + (2 * INDEX_GAP if p.index else 0) for pid, p in self.people.items()}
        self.label_w = {pid: block.width for pid, block in self.labels.items()}
        self.half = {pid: max(self.outer[pid], self.label_w[pid]) / 2 for pid in self.people}
        self.kids = {uid: self.s.children(uid) for uid in self.s.unions}
        self.rank = {c: i for kids in self.kids.values() for i, c in enumerate(kids)}
        self.single = {pid for uid, pid in self.s.anchor.items() if self.kids[uid]}
        self._sep_cache: dict[tuple[str, str], float] = {}
        self.x: dict[str, float] = {}

    # ---- ordering ----
    def _blocks(self, component: list[str]) -> list[list[str]]:
        """Partner groups of a component, each arranged left to right."""
        find = self.s.clusters.find
        groups: dict[str, list[str]] = {}
        for pid in component:
            groups.setdefault(find(pid), []).append(pid)
        return [self._arrange(members) for members in groups.values()]

    def _partners(self, pid: str) -> list[str]:
        """Partners who stand in the same row (a union spanning rows is drawn from its anchor)."""
        out = []
        # in the order of the unions' dates, earliest first (Family.partners_in_union_order)
        unions = sorted(self.s.unions_of.get(pid, []), key=lambda u: union_date_key(self.s.unions[u]))
        for uid in unions:
            if uid in self.s.anchor:
                continue
            for other in self.s.unions[uid].partners:
                if other != pid and other not in out:
                    out.append(other)
        return out

    def _arrange(self, members: list[str]) -> list[str]:
        if len(members) == 1:
            return members
        hub = max(members, key=lambda m: (len(self._partners(m)), -members.index(m)))
        placed = {hub}
        row = [hub]

        def grow(person: str, side: int) -> None:
            for other in self._partners(person):
                if other in placed:
                    continue
                placed.add(other)
                if side > 0:
                    row.append(other)
                else:
                    row.insert(0, other)
                grow(other, side)

        partners = self._partners(hub)
        for i, other in enumerate(partners):
            if other in placed:
                continue
            placed.add(other)
            side = -1 if i % 2 == 0 else 1  # the first partner on the left, the second on the right, ...
            if side > 0:
                row.append(other)
            else:
                row.insert(0, other)
            grow(other, side)
        for m in members:  # anything not reached (should not happen)
            if m not in placed:
                row.append(m)
        if len(row) == 2 and self.people[row[0]].sex == "female" and self.people[row[1]].sex == "male":
            row.reverse()
        return row

    def _order(self, component: list[str]) -> dict[int, list[list[str]]]:
        gen = self.s.generation
        blocks = self._blocks(component)
        if self.hint_x is not None:  # an outside engine has ordered the rows
            hint = self.hint_x
            rows_by_hint: dict[int, list[list[str]]] = defaultdict(list)
            for block in blocks:
                rows_by_hint[gen[block[0]]].append(sorted(block, key=lambda p: hint.get(p, 0.0)))
            return {r: sorted(bs, key=lambda b: sum(hint.get(p, 0.0) for p in b) / len(b))
                    for r, bs in rows_by_hint.items()}
        block_of = {pid: i for i, b in enumerate(blocks) for pid in b}
        rows: dict[int, list[int]] = defaultdict(list)
        seen: set[int] = set()

        # depth-first from the top: a block, then its children's blocks in birth order
        def visit(start: int) -> None:
            stack = [start]
            while stack:
                b = stack.pop()
                if b in seen:
                    continue
                seen.add(b)
                rows[gen[blocks[b][0]]].append(b)
                nxt: list[int] = []
                for pid in blocks[b]:
                    for uid in self.s.unions_of.get(pid, []):
                        for cid in self.kids_of(uid):
                            nxt.append(block_of[cid])
                    pu = self.s.parent_union.get(pid)
                    if pu:
                        nxt.extend(block_of[p] for p in self.s.unions[pu].partners)
                stack.extend(reversed(nxt))

        first = {pid: i for i, pid in enumerate(component)}
        for b in sorted(range(len(blocks)), key=lambda i: (gen[blocks[i][0]], first[blocks[i][0]])):
            visit(b)
        order = {r: [blocks[b] for b in bs] for r, bs in rows.items()}
        for _ in range(3):
            self._sweep(order, down=True)
            self._sweep(order, down=False)
        self._sweep(order, down=True)
        return order

    def _pack(self, order: dict[int, list[list[str]]]) -> None:
        for row in order.values():
            people = [p for block in row for p in block]
            x = 0.0
            for i, pid in enumerate(people):
                if i:
                    x += self._sep(people[i - 1], pid)
                self.x[pid] = x

    def _sweep(self, order: dict[int, list[list[str]]], down: bool) -> None:
        self._pack(order)
        for r in sorted(order, reverse=not down):
            keyed = []
            for i, block in enumerate(order[r]):
                current = sum(self.x[p] for p in block) / len(block)
                parents = [self._drop_x(self.s.parent_union[p]) for p in block if p in self.s.parent_union]
                kids = [self.x[c] for p in block for uid in self.s.unions_of.get(p, [])
                        for c in self.kids_of(uid) if c in self.x]
                if down and parents:
                    key = sum(parents) / len(parents)
                elif not down and kids and not parents:
                    key = sum(kids) / len(kids)
                else:
                    key = current
                birth = min((self.rank[p] for p in block if p in self.rank), default=0)
                keyed.append((round(key, 3), birth, i, block))
            keyed.sort(key=lambda t: (t[0], t[1], t[2]))
            order[r] = [self._orient(t[3]) for t in keyed]
            people = [p for block in order[r] for p in block]
            x = 0.0
            for i, pid in enumerate(people):
                if i:
                    x += self._sep(people[i - 1], pid)
                self.x[pid] = x

    def kids_of(self, uid: str) -> list[str]:
        return self.kids[uid]

    def _orient(self, block: list[str]) -> list[str]:
        """Turn a partner block so that each member faces their own parents' sibship."""
        if len(block) < 2 or (len(block) > 2 and self._dated(block)):
            return block  # partners stand in the order of their unions' dates
        first, last = block[0], block[-1]
        pf, pl = self.s.parent_union.get(first), self.s.parent_union.get(last)
        if pf is not None and pl is not None:
            return list(reversed(block)) if self._drop_x(pf) > self._drop_x(pl) + 1e-6 else block
        child = first if pf is not None else last if pl is not None else None
        if child is None:
            return block
        sibs = self.kids_of(self.s.parent_union[child])
        older_half = sibs.index(child) < len(sibs) / 2 - 0.25
        # the eldest's partner stands on the left, the youngest's on the right
        if older_half != (child == last):
            return list(reversed(block))
        return block

    def _dated(self, block: list[str]) -> bool:
        """Does someone in the block have several partners whose unions are dated?"""
        return any(sum(self.s.unions[u].start is not None or bool(self.s.unions[u].events)
                       for u in self.s.unions_of.get(p, [])) >= 2 for p in block)

    # ---- spacing ----
    def _union_between(self, a: str, b: str) -> str | None:
        for uid in self.s.unions_of.get(a, []):
            if b in self.s.unions[uid].partners:
                return uid
        return None

    def _single_offset(self, pid: str) -> float:
        return max(self.outer[pid] / 2 + 10, self.label_w[pid] / 2 + 7)

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
        if same_block:
            uid = self._union_between(a, b)
            text = self.union_labels.get(uid, "") if uid else ""
            from socialtools.draw.text import text_width

            need_label = text_width(text, cfg.union_label_size) + 10 if text else 0.0
            sep = max(
                sep,
                self.outer[a] / 2 + self.outer[b] / 2 + max(need_label, 26.0),
                2 * max(self.label_w[a] / 2, self.label_w[b] / 2) + 16,
            )
        if a in self.single:
            sep = max(sep, self._single_offset(a) + 8 + self.half[b])
        return sep

    def _drop_x(self, uid: str) -> float:
        anchor = self.s.anchor.get(uid)
        if anchor is not None:
            return self.x[anchor] + self._single_offset(anchor)
        a, b = sorted(self.s.unions[uid].partners, key=lambda p: self.x[p])
        return (self.x[a] + self.x[b]) / 2

    # ---- x assignment ----
    def _assign_x(self, order: dict[int, list[list[str]]]) -> None:
        """Alternate down and up passes; each row is placed by weighted isotonic regression.

        A person is pulled so that their sibship is centred under their parents' union,
        and so that each of their own unions is centred over its children.
        """
        rows = {r: [p for block in blocks for p in block] for r, blocks in order.items()}
        seps = {r: [self._sep(ps[i], ps[i + 1]) for i in range(len(ps) - 1)] for r, ps in rows.items()}
        x = self.x
        gen = self.s.generation
        plan: dict[int, list[tuple[str, str | None, list[str], list[tuple[str, float]]]]] = {}
        touched: dict[int, set[str]] = {}
        for r, people in rows.items():
            plan[r] = []
            touched[r] = set()
            for i, pid in enumerate(people):
                up = self.s.parent_union.get(pid)
                own = [u for u in self.s.unions_of.get(pid, []) if self.kids[u]]
                # someone who married into the family stays close to their partner
                beside: list[tuple[str, float]] = []
                if up is None:
                    if i > 0 and self._union_between(pid, people[i - 1]):
                        beside.append((people[i - 1], seps[r][i - 1]))
                    if i + 1 < len(people) and self._union_between(pid, people[i + 1]):
                        beside.append((people[i + 1], -seps[r][i]))
                plan[r].append((pid, up, own, beside))
                touched[r].update(own)
                if up is not None:
                    touched[r].add(up)
        for it in range(self.cfg.sweeps):
            down = it % 2 == 0
            for r in sorted(rows, reverse=not down):
                centre: dict[str, float] = {}
                drop: dict[str, float] = {}
                for u in touched[r]:
                    kx = [x[c] for c in self.kids[u]]
                    centre[u] = (min(kx) + max(kx)) / 2
                    drop[u] = self._drop_x(u)
                sib_centre: dict[str, float] = {}
                targets, weights = [], []
                for pid, up, own, beside in plan[r]:
                    acc, wsum = 0.0, 0.0
                    px = x[pid]
                    for partner, offset in beside:
                        acc += 2.0 * (x[partner] + offset)
                        wsum += 2.0
                    if up is not None:
                        if up not in sib_centre:
                            sibs = [x[c] for c in self.kids[up] if gen[c] == r]
                            sib_centre[up] = (min(sibs) + max(sibs)) / 2
                        acc += px + drop[up] - sib_centre[up]
                        wsum += 1.0
                    for u in own:
                        acc += px + centre[u] - drop[u]
                        wsum += 1.0
                    if wsum == 0:
                        acc, wsum = px * 0.05, 0.05
                    targets.append(acc / wsum)
                    weights.append(wsum)
                for pid, new_x in zip(rows[r], _isotonic(targets, weights, seps[r]), strict=True):
                    x[pid] = new_x

    # ---- main ----
    def run(self) -> GenogramLayout:
        cfg = self.cfg
        comps = self.s.components()
        index_first = sorted(range(len(comps)), key=lambda i: (not any(self.people[p].index for p in comps[i]), i))
        rows_all: dict[int, list[str]] = defaultdict(list)
        offset = 0.0
        gen = self.s.generation
        top = min(gen.values(), default=0)
        for ci in index_first:
            comp = comps[ci]
            if len(comp) == 1:  # someone with no relatives in the data: nothing to order
                order = {gen[comp[0]]: [comp]}
                self.x[comp[0]] = 0.0
            else:
                order = self._order(comp)
                self._pack(order)
                self._assign_x(order)
            left = min(self.x[p] - self.half[p] for p in comp)
            right = max(self.x[p] + self.half[p] for p in comp)
            right = max([right] + [self._drop_x(u) + 8 for p in comp for u in self.s.unions_of.get(p, [])
                                   if self.s.anchor.get(u) == p])
            shift = offset - left
            for p in comp:
                self.x[p] += shift
            offset += right - left + cfg.gap_components
            for r in sorted(order):
                rows_all[r - top].extend(p for block in order[r] for p in block)
        for p in self.x:
            self.x[p] += cfg.margin
        return _Geometry(self, dict(rows_all)).build()


def _isotonic(targets: list[float], weights: list[float], seps: list[float]) -> list[float]:
    """Positions closest to ``targets`` (weighted least squares) keeping consecutive gaps ≥ ``seps``."""
    offsets = [0.0]
    for s in seps:
        offsets.append(offsets[-1] + s)
    stack: list[list[float]] = []  # [weighted sum, weight, count]
    for t, w, c in zip(targets, weights, offsets, strict=True):
        stack.append([w * (t - c), w, 1])
        while len(stack) > 1 and stack[-2][0] / stack[-2][1] > stack[-1][0] / stack[-1][1]:
            s, wt, n = stack.pop()
            stack[-1][0] += s
            stack[-1][1] += wt
            stack[-1][2] += n
    out: list[float] = []
    for s, wt, n in stack:
        out.extend([s / wt] * int(n))
    return [y + c for y, c in zip(out, offsets, strict=True)]


def _levels(intervals: list[tuple[float, float, str]], pad: float) -> dict[str, int]:
    """Greedy interval colouring: the lowest level where an interval meets no other."""
    ends: list[float] = []
    out: dict[str, int] = {}
    for lo, hi, key in sorted(intervals):
        for level, end in enumerate(ends):
            if end + pad < lo:
                ends[level] = hi
                out[key] = level
                break
        else:
            ends.append(hi)
            out[key] = len(ends) - 1
    return out


class _Geometry:
    """Second half of the layout: rows to y, then every line and label box."""

    def __init__(self, lay: _Layout, rows: dict[int, list[str]]) -> None:
        self.l = lay
        self.cfg = lay.cfg
        self.rows = rows
        self.row_of = {p: r for r, ps in rows.items() for p in ps}
        self.pos = {p: i for ps in rows.values() for i, p in enumerate(ps)}

    def union_row(self, uid: str) -> int:
        """The row a union's bracket and its children's bar belong to."""
        return self.row_of[self.l.s.hangs_from(uid)[0]]

    def _union_levels(self) -> dict[str, int]:
        """Level of each union bracket: adjacent partners 0, longer spans staggered below."""
        lay = self.l
        out: dict[str, int] = {}
        pos = {p: i for ps in self.rows.values() for i, p in enumerate(ps)}
        by_row: dict[int, list[tuple[float, float, str]]] = defaultdict(list)
        for uid, u in lay.s.unions.items():
            if uid in lay.s.anchor:
                out[uid] = 0
                continue
            a, b = sorted(u.partners, key=lambda p: lay.x[p])
            if self.row_of[a] == self.row_of[b] and abs(pos[a] - pos[b]) == 1:
                out[uid] = 0
            else:
                by_row[self.row_of[a]].append((lay.x[a], lay.x[b], uid))
        for spans in by_row.values():
            for uid, level in _levels(spans, 2.0).items():
                out[uid] = level + 1
        return out

    def build(self) -> GenogramLayout:
        lay, cfg = self.l, self.cfg
        ulevel = self._union_levels()
        # sibship bar levels per row
        bar_spans: dict[int, list[tuple[float, float, str]]] = defaultdict(list)
        for uid in lay.s.unions:
            kids = lay.kids_of(uid)
            if not kids:
                continue
            xs = [lay.x[c] for c in kids] + [self._drop_x(uid, ulevel)]
            bar_spans[self.union_row(uid)].append((min(xs), max(xs), uid))
        bar_level: dict[str, int] = {}
        for spans in bar_spans.values():
            bar_level.update(_levels(spans, 6.0))
        lanes = self._lane_needs()
        # rows to y
        y = cfg.margin
        cy: dict[int, float] = {}
        union_y0: dict[int, float] = {}
        label_top: dict[int, float] = {}
        bar_y0: dict[int, float] = {}
        lane_y0: dict[int, float] = {}
        for r in sorted(self.rows):
            people = self.rows[r]
            lane_y0[r] = y + cfg.level_step
            y += lanes.get(r, 0) * cfg.level_step + (cfg.level_step if lanes.get(r) else 0)
            band = max(lay.outer[p] for p in people)
            cy[r] = y + band / 2
            levels = max((ulevel[u] for p in people for u in lay.s.unions_of.get(p, [])), default=-1)
            union_y0[r] = cy[r] + band / 2 + cfg.union_drop
            label_top[r] = union_y0[r] + max(levels, 0) * cfg.level_step + cfg.label_gap + 2
            label_h = max(lay.labels[p].height for p in people)
            bar_y0[r] = label_top[r] + label_h + cfg.bar_gap
            nbars = max((bar_level[u] + 1 for _, _, u in bar_spans.get(r, [])), default=0)
            y = bar_y0[r] + max(nbars - 1, 0) * cfg.level_step + cfg.row_gap + (cfg.bar_gap if nbars else 0)
        nodes = {
            p: PersonNode(p, lay.x[p], cy[r], lay.size[p], lay.outer[p], r, lay.labels[p], label_top[r])
            for r, ps in self.rows.items() for p in ps
        }
        unions: dict[str, UnionPlacement] = {}
        for uid, _u in lay.s.unions.items():
            unions[uid] = self._union(uid, nodes, union_y0, ulevel)
        sibships = []
        for uid in lay.s.unions:
            kids = lay.kids_of(uid)
            if kids:
                bar_y = bar_y0[self.union_row(uid)] + bar_level[uid] * cfg.level_step
                sibships.append(self._sibship(uid, kids, nodes, unions[uid], bar_y))
        width = max((max(n.x + lay.half[n.id], n.symbol_box.right) for n in nodes.values()), default=0) + cfg.margin
        width = max([width] + [u.drop[0] + cfg.margin for u in unions.values()])
        height = y + cfg.margin - cfg.row_gap
        result = GenogramLayout(nodes, unions, sibships, [], [], [], width, height, dict(self.rows))
        result.extra_links, result.relationships = route_links(result, lay.family, lay.s, lane_y0, cfg)
        result.households = route_households(result, lay.family, lay.household_labels, cfg)
        for h in result.households:
            corners = [p for poly in h.polygons for p in poly]
            if h.label_box is not None:
                corners += [(h.label_box.right, h.label_box.bottom)]
            result.width = max([result.width] + [x + cfg.margin for x, _ in corners])
            result.height = max([result.height] + [y + cfg.margin for _, y in corners])
        return result

    def _lane_needs(self) -> dict[int, int]:
        """Lanes above each row for emotional lines and extra child links (an upper bound)."""
        lay = self.l
        need: dict[int, int] = defaultdict(int)
        rows = sorted(self.rows)
        for rel in lay.family.relationships:
            lo, hi = sorted(self.row_of[p] for p in rel.between)
            for r in rows:
                if lo <= r <= hi:
                    need[r] += 1
        for _uid, link in lay.s.extra_links:
            need[self.row_of[link.id]] += 1
        for uid in lay.s.cross:
            lo, hi = sorted(self.row_of[p] for p in lay.s.unions[uid].partners)
            for r in rows:
                if lo <= r <= hi:
                    need[r] += 1
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
            dx = lay._drop_x(uid)
            pts = [n.bottom, (n.x, yu), (dx, yu)]
            return UnionPlacement(uid, u.kind, pts, (dx, yu), "", None, u.consanguineous, tuple(u.partners))
        a, b = sorted((nodes[p] for p in u.partners), key=lambda n: n.x)
        pts = [a.bottom, (a.x, yu), (b.x, yu), b.bottom]
        dx = self._drop_x(uid, ulevel)
        box = None
        if text and abs(self.pos[a.id] - self.pos[b.id]) == 1:
            from socialtools.draw.text import text_width

            w = text_width(text, cfg.union_label_size)
            box = Box(dx - w / 2, yu - cfg.union_label_size * LINE_HEIGHT - 1, w, cfg.union_label_size * LINE_HEIGHT)
        return UnionPlacement(uid, u.kind, pts, (dx, yu), text if box else "", box, u.consanguineous,
                              tuple(u.partners))

    def _drop_x(self, uid: str, ulevel: dict[str, int]) -> float:
        """x where the children's line leaves a union: between adjacent partners, or — for a
        partner further along the row — in the gap next to that partner."""
        lay = self.l
        u = lay.s.unions[uid]
        if uid in lay.s.anchor:
            return lay._drop_x(uid)
        a, b = sorted(u.partners, key=lambda p: lay.x[p])
        ia, ib = self.pos[a], self.pos[b]
        if ib - ia <= 1:
            return (lay.x[a] + lay.x[b]) / 2
        row = self.rows[self.row_of[a]]
        hub_left = len(lay.s.unions_of.get(a, [])) >= len(lay.s.unions_of.get(b, []))
        i = ib - 1 if hub_left else ia
        return (lay.x[row[i]] + lay.x[row[i + 1]]) / 2 + (ulevel[uid] - 1) * 3.0

    def _sibship(self, uid: str, kids: list[str], nodes: dict[str, PersonNode], union: UnionPlacement,
                 bar_y: float) -> SibshipPlacement:
        lay = self.l
        links: dict[str, ChildLink] = {c.id: c for c in lay.s.unions[uid].children}
        dx, dy = union.drop
        attach: dict[str, float] = {}
        twins: dict[str, list[str]] = defaultdict(list)
        for c in kids:
            if links[c].twin:
                twins[links[c].twin].append(c)
        for group in twins.values():
            point = sum(nodes[c].x for c in group) / len(group)
            for c in group:
                attach[c] = point
        children: dict[str, list[Point]] = {}
        identical: list[list[Point]] = []
        for c in kids:
            n = nodes[c]
            ax = attach.get(c, n.x)
            if c in attach:
                children[c] = [(ax, bar_y), n.top]
            else:
                children[c] = [(n.x, bar_y), n.top]
        for group in twins.values():
            if len(group) >= 2 and any(links[c].identical for c in group):
                pts = []
                for c in group:
                    (x0, y0), (x1, y1) = children[c]
                    t = 0.45
                    pts.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
                pts.sort()
                identical.append([pts[0], pts[-1]])
        xs = [p[0][0] for p in children.values()] + [dx]
        bar = [(min(xs), bar_y), (max(xs), bar_y)]
        return SibshipPlacement(uid, bar, [(dx, dy), (dx, bar_y)], children,
                                {c: links[c].relation for c in kids}, identical)


def boxes_hit(points: list[Point], boxes: list[Box]) -> bool:
    """True when the polyline passes through any of ``boxes``."""
    return any(segment_hits_box(p, q, b) for p, q in itertools.pairwise(points) for b in boxes)
