"""The family as the layout sees it: who hangs from which union, generations, components.

Pure graph work on the validated :class:`~socialtools.genogram.model.Family`; no geometry.

>>> from socialtools.genogram.model import Family
>>> f = Family.model_validate({"people": [{"id": "A"}, {"id": "B"}, {"id": "C"}, {"id": "D"}],
...     "unions": [{"partners": ["A", "B"], "children": ["C"]}]})
>>> s = FamilyStructure(f)
>>> s.generation["A"], s.generation["C"], s.generation["D"]
(0, 1, 0)
>>> [sorted(c) for c in s.components()]
[['A', 'B', 'C'], ['D']]
"""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict

from socialtools.genogram.layering import tight_ranks
from socialtools.genogram.loops import consanguineous_unions
from socialtools.genogram.model import ChildLink, Family, Union

CROSS_TRIES = 8  # unions across rows for which another union of their chain is tried in their place
BAND = 25  # years between the births of one generation and the next, where unconnected parts are placed by them
MAX_SHIFT = 12  # rows an unconnected part is moved by at most, placed by birth years


def birth_order(children: list[ChildLink], born: dict[str, int]) -> list[str]:
    """The children as they stand, eldest left: by birth year when every one has a year (the list
    breaks ties), else as listed; the twins of one group side by side, where the first of them stands.

    >>> kids = [ChildLink(id="S2"), ChildLink(id="T1", twin="a"), ChildLink(id="S1"), ChildLink(id="T2", twin="a")]
    >>> birth_order(kids, {"S2": 1998, "T1": 1990, "S1": 1985, "T2": 1990}), birth_order(kids, {})
    (['S1', 'T1', 'T2', 'S2'], ['S2', 'T1', 'T2', 'S1'])
    """
    if all(c.id in born for c in children):
        children = sorted(children, key=lambda c: born[c.id])
    if not any(c.twin for c in children):  # (most sibships: no twin to bring together)
        return [c.id for c in children]
    groups: dict[str, list[str]] = defaultdict(list)
    for c in children:
        groups[c.twin or f"\0{c.id}"].append(c.id)  # a child who is no twin: a group of one
    return [pid for group in groups.values() for pid in group]


class _Clusters:
    """Union-find over people joined by unions (partners share a generation)."""

    def __init__(self, ids: list[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def roots(self) -> dict[str, str]:
        """Each one's cluster (its root), looked up in a dict by the loops over every person and
        line that follow the joins (rather than a call of :meth:`find` each)."""
        find = self.find
        return {x: find(x) for x in self.parent}


class FamilyStructure:
    """Derived relations of a family used by the layout.

    - ``parent_union[c]``: the union a child hangs from (biological first);
    - ``extra_links``: further (union, child link) pairs, e.g. an adoptive couple besides the birth parents;
    - ``unions_of[p]``: the unions of a person, in input order;
    - ``generation[p]``: row of each person (partners share a row, children one below);
    - ``cross``: unions whose partners stand on different rows (one descends from the other);
    - ``anchor[u]``: for those and for one-parent unions, the partner the children hang from.
    """

    def __init__(self, family: Family) -> None:
        self.family = family
        self.ids = [p.id for p in family.people]
        self.unions: dict[str, Union] = {u.id: u for u in family.unions if u.id}
        self.unions_of: dict[str, list[str]] = defaultdict(list)
        self.parent_union: dict[str, str] = {}
        self.child_link: dict[str, ChildLink] = {}
        self.extra_links: list[tuple[str, ChildLink]] = []
        for u in family.unions:
            assert u.id is not None
            for p in u.partners:
                self.unions_of[p].append(u.id)
        for rank in ("biological", "other"):
            for u in family.unions:
                for c in u.children:
                    if (c.relation == "biological") != (rank == "biological"):
                        continue
                    if c.id not in self.parent_union:
                        self.parent_union[c.id] = u.id  # type: ignore[assignment]
                        self.child_link[c.id] = c
                    else:
                        self.extra_links.append((u.id, c))  # type: ignore[arg-type]
        born = {p.id: p.birth.year for p in family.people if p.birth is not None}
        self._born: dict[str, int] = born
        self._children = {uid: birth_order([c for c in u.children if self.parent_union.get(c.id) == uid], born)
                          for uid, u in self.unions.items()}
        self._rank_rows()
        if self.cross:
            self._shorter_cross()
        # the partner a union's children hang from when it is drawn from one partner only
        self.anchor: dict[str, str] = {}
        for uid, u in self.unions.items():
            if len(u.partners) == 1:
                self.anchor[uid] = u.partners[0]
            elif uid in self.cross:
                self.anchor[uid] = max(u.partners, key=lambda p: (self.generation[p], u.partners.index(p)))

    def _rank_rows(self, first: str | None = None) -> bool:
        """Join partners into rows (``first``: the union joined before the others), order the
        rows' clusters and give them generations; False where the family has a cycle even so."""
        self.clusters = _Clusters(self.ids)
        self.cross = self._join_partners(first=first)
        self._topology = self._cluster_topology()
        if self._topology[3]:  # a cycle: the person-by-person check missed a path through partners; again, exactly
            self.clusters = _Clusters(self.ids)
            self.cross = self._join_partners(exact=True, first=first)
            self._topology = self._cluster_topology()
        self.generation = self._generations()
        return not self._topology[3]

    def _skipped_rows(self) -> tuple[int, int, int]:
        """Rows the lines skip — each child's line, rows below the first one under its parents'
        union, and each union line across rows, rows between its partners — then those of the
        children's lines alone (a person out of their generation), then the unions across rows."""
        gen = self.generation
        skipped = sum(gen[c] - max(gen[p] for p in self.unions[u].partners) - 1
                      for c, u in self.parent_union.items())
        across = sum(abs(gen[a] - gen[b]) for a, b in (self.unions[u].partners for u in self.cross))
        return skipped + across, skipped, len(self.cross)

    def _shorter_cross(self) -> None:
        """Which union of a chain of marriages across generations spans rows: the one given by
        the unions' order, or — tried for each of the first :data:`CROSS_TRIES` such unions —
        another of the chain, joined first so that this one's partners share a row, where the
        lines then skip fewer rows (on a tie: fewer rows skipped by children's lines, then fewer
        unions across rows; a woman married to a man, and to another whose wife later
        married the first one's son, stands in her own generation, under her parents, not beside
        the son)."""
        best = self._skipped_rows()
        keep = None
        for uid in sorted(self.cross)[:CROSS_TRIES]:
            if self._rank_rows(first=uid) and (cost := self._skipped_rows()) < best:
                best, keep = cost, uid
        self._rank_rows(first=keep)

    @functools.cached_property
    def double(self) -> frozenset[str]:
        """The unions drawn with the double line (:func:`~socialtools.genogram.loops.consanguineous_unions`),
        found once."""
        return frozenset(consanguineous_unions(self.family))

    def _join_partners(self, exact: bool = False, first: str | None = None) -> set[str]:
        """Put partners on one row — except where one descends from the other (a father and
        his daughter, a stepfather and his stepdaughter): those unions span rows; return their ids.

        The quick check follows parent -> child links person by person; ``exact`` also follows the
        rows already joined (a child's partner's children, ...), which the quick check misses when
        marriages chain across generations (then a child would stand above its parents).
        The unions are joined in their order, union ``first`` before the others."""
        kids: dict[str, list[str]] = defaultdict(list)
        indegree: dict[str, int] = dict.fromkeys(self.ids, 0)
        for u in self.family.unions:
            for p in u.partners:
                for c in u.children:
                    kids[p].append(c.id)
                    indegree[c.id] += 1
        depth = dict.fromkeys(self.ids, 0)  # longest path from an ancestor without parents
        ready = [p for p in self.ids if indegree[p] == 0]
        while ready:
            p = ready.pop()
            below = depth[p] + 1
            for c in kids[p]:
                if depth[c] < below:
                    depth[c] = below
                indegree[c] -= 1
                if indegree[c] == 0:
                    ready.append(c)

        def descends(tops: list[str], bottoms: list[str]) -> bool:
            """Is someone of ``bottoms`` a descendant of someone of ``tops``?"""
            targets = set(bottoms)
            deepest = max(depth[b] for b in bottoms)
            stack = [t for t in tops if depth[t] < deepest]
            seen = set(stack)
            while stack:
                for c in kids[stack.pop()]:
                    if c in targets:
                        return True
                    if c not in seen and depth[c] < deepest:
                        seen.add(c)
                        stack.append(c)
            return False

        members: dict[str, list[str]] = {p: [p] for p in self.ids}
        find = self.clusters.find

        def reaches(top: str, bottom: str) -> bool:
            """Is the row group ``bottom`` below the row group ``top`` (both cluster roots)?"""
            stack, seen = [top], {top}
            while stack:
                for m in members[stack.pop()]:
                    for c in kids[m]:
                        rc = find(c)
                        if rc == bottom:
                            return True
                        if rc not in seen:
                            seen.add(rc)
                            stack.append(rc)
            return False

        cross: set[str] = set()
        unions = list(self.unions.items())
        if first is not None:
            unions.sort(key=lambda item: item[0] != first)
        for uid, u in unions:
            if len(u.partners) != 2:
                continue
            ra, rb = (self.clusters.find(p) for p in u.partners)
            if ra == rb:
                continue
            a, b = members[ra], members[rb]
            if (reaches(ra, rb) or reaches(rb, ra)) if exact else (descends(a, b) or descends(b, a)):
                # one row would hold a parent and their child
                cross.add(uid)
                continue
            self.clusters.join(ra, rb)
            root = self.clusters.find(ra)
            members[root] = a + b
        return cross

    def hangs_from(self, union_id: str) -> list[str]:
        """The partners a union's line joins in its own row: both, or its anchor alone."""
        anchor = self.anchor.get(union_id)
        return [anchor] if anchor is not None else list(self.unions[union_id].partners)

    def children(self, union_id: str) -> list[str]:
        """Children hanging from ``union_id`` (birth order)."""
        return list(self._children[union_id])

    def _cluster_topology(self) -> tuple[dict[str, set[str]], list[tuple[str, str]], list[str],
                                         list[tuple[str, str]]]:
        """Parents' partner cluster -> children's clusters, one link per child line, the clusters'
        topological order and the edges that close a cycle (none in good data)."""
        root = self.clusters.roots()
        down: dict[str, set[str]] = defaultdict(set)
        links: list[tuple[str, str]] = []
        for child, uid in self.parent_union.items():
            dst = root[child]
            for src in dict.fromkeys(root[p] for p in self.unions[uid].partners):
                if src != dst:
                    down[src].add(dst)
                    links.append((src, dst))
        nodes = list(dict.fromkeys(root[p] for p in self.ids))
        order, back = _topological(nodes, down)
        return down, links, order, back

    def cluster_graph(self) -> tuple[list[str], dict[str, set[str]], dict[str, set[str]], list[tuple[str, str]]]:
        """The partner clusters (people who share a row) as a graph: their topological order,
        parents' cluster -> children's clusters (``down``) and back (``up``), both without the
        edges that closed a cycle in bad data, and one (parents, child) link per child line."""
        edges, links, order, back = self._topology
        down: dict[str, set[str]] = defaultdict(set, {a: set(targets) for a, targets in edges.items()})
        for a, b in back:
            down[a].discard(b)
        up: dict[str, set[str]] = defaultdict(set)
        for a, targets in down.items():
            for b in targets:
                up[b].add(a)
        return order, down, up, links

    def _generations(self) -> dict[str, int]:
        """Rows of the partner clusters: every child below its parents, and the parent->child
        lines and the lines of unions across rows (:attr:`cross`) as short as they can be
        (least total number of rows skipped, by network simplex from the longest-path rows),
        ties broken towards the parents' row; the oldest generation of each part on row 0."""
        root = self.clusters.roots()
        order, down, up, links = self.cluster_graph()
        index = {c: i for i, c in enumerate(order)}
        level = [0] * len(order)
        for i, c in enumerate(order):
            level[i] = max((level[index[p]] + 1 for p in up[c]), default=0)
        # an adoptive or foster parent's line to the child: as short as it can be too, where it
        # points down (a single adoptive mother whose own parents are not drawn stands one row
        # above the child, not on the top row)
        extra = defaultdict(set)
        for uid, link in self.extra_links:
            for p in self.unions[uid].partners:
                if root[p] != root[link.id]:
                    extra[root[p]].add(root[link.id])
        for i in reversed(range(len(order))):  # a head start: clusters without parents go down
            below = down[order[i]] | extra[order[i]]
            if below and not up[order[i]]:
                level[i] = min(level[index[d]] for d in below) - 1
        edges = [(index[a], index[b], 1) for a, b in links if b in down[a]]
        edges += [(index[a], index[b], 1) for a in sorted(extra) for b in sorted(extra[a])
                  if level[index[a]] < level[index[b]]]
        for uid in sorted(self.cross):  # a union across rows: its line as short as it can be too
            ends = sorted((index[root[p]] for p in self.unions[uid].partners), key=lambda i: level[i])
            if level[ends[0]] < level[ends[1]]:  # (the descendant's side is lower on the longest paths)
                edges.append((ends[0], ends[1], 1))
        level = tight_ranks(len(order), edges, level)
        # ties: a cluster with as many lines up as down moves up next to its parents
        weight_in = [0] * len(order)
        weight_out = [0] * len(order)
        for a, b, _ in edges:
            weight_out[a] += 1
            weight_in[b] += 1
        for i, c in enumerate(order):
            if up[c] and weight_in[i] == weight_out[i]:
                level[i] = max(level[index[p]] for p in up[c]) + 1
        return self._aligned_by_birth({pid: level[index[root[pid]]] for pid in self.ids})

    def _aligned_by_birth(self, rows: dict[str, int]) -> dict[str, int]:
        """Rows of the unconnected parts of a family (no union or child line between them) by
        birth years where they are known: the largest part with years keeps its rows, and each
        other part with years moves by the number of rows that puts its people nearest the birth
        years of the rows already placed (a row :data:`BAND` years after the one above, past the
        rows with years), so a person born 1950 and linked to nobody does not stand on the top
        row beside people born 1880. A family of one part, and a part without years, keep their rows.

        >>> f = Family.model_validate({"people": [{"id": "A", "birth": "1880"}, {"id": "B"},
        ...     {"id": "C", "birth": "1910"}, {"id": "D", "birth": "1938"}, {"id": "E"}],
        ...     "unions": [{"partners": ["A", "B"], "children": ["C"]}]})
        >>> [FamilyStructure(f).generation[p] for p in "ABCDE"]
        [0, 0, 1, 2, 0]
        """
        parts = [p for p in self.components() if any(self._born.get(q) is not None for q in p)]
        if len(parts) < 2:
            return rows
        parts.sort(key=len, reverse=True)  # (stable: parts of one size in the order of the people)
        years: dict[int, list[int]] = defaultdict(list)  # each row's birth years, kept sorted
        shifted = dict(rows)
        for n, part in enumerate(parts):
            known = [(rows[p], y) for p in part if (y := self._born.get(p)) is not None]
            shift = 0
            if n:
                medians = {row: ys[len(ys) // 2] for row, ys in years.items()}
                shift = min(range(-MAX_SHIFT, MAX_SHIFT + 1),
                            key=lambda s: (sum(abs(y - _expected(medians, r + s)) for r, y in known), abs(s), s))
            for r, y in known:
                bisect.insort(years[r + shift], y)
            for p in part:
                shifted[p] = rows[p] + shift
        moved = {p for part in parts for p in part}
        top = min(shifted[p] for p in moved)
        return {p: r - top if p in moved else r for p, r in shifted.items()}

    def components(self) -> list[list[str]]:
        """Groups of people linked by unions or parenthood, in input order of their first member
        (found once: the rows and the layout both ask)."""
        found = self.__dict__.get("_components")
        if found is None:
            found = self.__dict__["_components"] = self._components()
        return [list(c) for c in found]

    def _components(self) -> list[list[str]]:
        comp = _Clusters(self.ids)
        for u in self.family.unions:
            for p in u.partners[1:]:
                comp.join(u.partners[0], p)
            for c in u.children:
                comp.join(u.partners[0], c.id)
        groups: dict[str, list[str]] = {}
        for pid in self.ids:
            groups.setdefault(comp.find(pid), []).append(pid)
        return list(groups.values())


def _expected(medians: dict[int, int], row: int) -> int:
    """The birth year of a row: the median of its people's, or past the rows with years, the
    nearest one's and :data:`BAND` years a row."""
    near = min(medians, key=lambda r: (abs(r - row), r))
    return medians[near] + BAND * (row - near)


def _topological(nodes: list[str], edges: dict[str, set[str]]) -> tuple[list[str], list[tuple[str, str]]]:
    """Topological order of ``nodes`` and the back edges removed to break cycles."""
    state: dict[str, int] = {}
    order: list[str] = []
    back: list[tuple[str, str]] = []
    for start in nodes:
        if start in state:
            continue
        stack = [(start, iter(sorted(edges.get(start, ()))))]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            for nxt in it:
                s = state.get(nxt)
                if s is None:
                    state[nxt] = 1
                    stack.append((nxt, iter(sorted(edges.get(nxt, ())))))
                    break
                if s == 1:
                    back.append((node, nxt))
            else:
                state[node] = 2
                order.append(node)
                stack.pop()
    order.reverse()
    return order, back
