"""Rows that keep parent-child lines short: network simplex ranking (Gansner et al. 1993, as in dot).

Nodes are numbered ``0..n-1``; each edge ``(tail, head, weight)`` asks for ``rank[head] >=
rank[tail] + 1``. :func:`tight_ranks` starts from a feasible ranking (e.g. longest path from the
top) and returns one that minimises ``sum(weight * (rank[head] - rank[tail]))``: the total length
of the edges, so of the lines that would otherwise skip rows. The top node of each connected
part stands on row 0.

>>> # 0 -> 1 -> 2 -> 3 and 4 -> 3: node 4 (no parents) goes next to its child, not to the top
>>> tight_ranks(5, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (4, 3, 1)], [0, 1, 2, 3, 0])
[0, 1, 2, 3, 2]
>>> # a node whose two children stand lower than its one parent goes down with them
>>> tight_ranks(5, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (0, 4, 1), (4, 3, 1), (4, 3, 1)], [0, 1, 2, 3, 1])
[0, 1, 2, 3, 2]

Parts that hang from the rest by one edge (most of a family tree) are peeled off first: a node
with one edge is best right next to its neighbour. Network simplex then runs on what is left,
the part with loops (intermarriage, someone with children by two partners of other rows); each
pivot there is O(size of that part), and the initial tree is built by merging tight subtrees
smallest first, so a family already ranked well costs about one pass over its edges.
"""

from __future__ import annotations

import heapq

MAX_PIVOTS_PER_NODE = 4  # a cap on degenerate pivots; real families need far fewer


def tight_ranks(n: int, edges: list[tuple[int, int, int]], ranks: list[int]) -> list[int]:
    """Ranks of minimal total weighted edge length, given feasible ``ranks`` (see the module)."""
    merged: dict[tuple[int, int], int] = {}
    for t, h, w in edges:
        merged[(t, h)] = merged.get((t, h), 0) + w
    pairs = list(merged)
    rank = list(ranks)
    if any(rank[h] - rank[t] > 1 for t, h in pairs):  # else every edge is as short as it can be
        _improve(n, merged, rank)
    # the top of each connected part on row 0
    part = list(range(n))

    def find(v: int) -> int:
        while part[v] != v:
            part[v] = part[part[v]]
            v = part[v]
        return v

    for t, h in pairs:
        part[find(h)] = find(t)
    top: dict[int, int] = {}
    for v in range(n):
        root = find(v)
        top[root] = min(top.get(root, rank[v]), rank[v])
    return [rank[v] - top[find(v)] for v in range(n)]


def _improve(n: int, merged: dict[tuple[int, int], int], rank: list[int]) -> None:
    """Shorten the edges in place: peel the tree-like parts, network simplex on the rest."""
    pairs = list(merged)
    incident: list[list[int]] = [[] for _ in range(n)]
    for e, (t, h) in enumerate(pairs):
        incident[t].append(e)
        incident[h].append(e)
    # peel nodes with a single edge, leaves first, until only loops are left
    degree = [len(es) for es in incident]
    alive = [True] * n
    peeled: list[tuple[int, int]] = []  # (node, its edge to the rest) in peeling order
    stack = [v for v in reversed(range(n)) if degree[v] == 1]
    while stack:
        v = stack.pop()
        if not alive[v] or degree[v] != 1:
            continue
        alive[v] = False
        e = next(e for e in incident[v] if alive[pairs[e][0]] or alive[pairs[e][1]])
        peeled.append((v, e))
        u = pairs[e][0] if pairs[e][1] == v else pairs[e][1]
        degree[u] -= 1
        if degree[u] == 1:
            stack.append(u)
    core = [v for v in range(n) if alive[v] and degree[v]]
    index = {v: i for i, v in enumerate(core)}
    core_edges = [(index[t], index[h], merged[(t, h)]) for t, h in pairs if t in index and h in index]
    for v, r in zip(core, _Simplex(len(core), core_edges, [rank[v] for v in core]).solve(), strict=True):
        rank[v] = r
    for v, e in reversed(peeled):  # each peeled node right next to the neighbour it hung from
        t, h = pairs[e]
        rank[v] = rank[h] - 1 if v == t else rank[t] + 1


class _Simplex:
    """Network simplex over ``edges`` (no two with the same ends) from feasible ``ranks``."""

    def __init__(self, n: int, edges: list[tuple[int, int, int]], ranks: list[int]) -> None:
        self.n = n
        self.tail = [t for t, _, _ in edges]
        self.head = [h for _, h, _ in edges]
        self.weight = [w for _, _, w in edges]
        self.out: list[list[int]] = [[] for _ in range(n)]
        self.into: list[list[int]] = [[] for _ in range(n)]
        for e, (t, h, _) in enumerate(edges):
            self.out[t].append(e)
            self.into[h].append(e)
        self.rank = list(ranks)
        m = len(self.tail)
        self.in_tree = [False] * m
        self.cut = [0] * m
        self.tree: list[int] = []
        self.tree_pos = [-1] * m
        self.tree_adj: list[list[int]] = [[] for _ in range(n)]
        self.par = [-1] * n
        self.low = [0] * n
        self.lim = [0] * n
        self.roots: list[int] = []

    def slack(self, e: int) -> int:
        return self.rank[self.head[e]] - self.rank[self.tail[e]] - 1

    def other(self, e: int, v: int) -> int:
        return self.head[e] if self.tail[e] == v else self.tail[e]

    def solve(self) -> list[int]:
        self.feasible_tree()
        if all(self.slack(e) == 0 for e in range(len(self.tail))):
            return self.rank  # every edge as short as it can be: nothing to improve
        next_low = 0
        for root in self.roots:
            next_low = self.dfs_range(root, -1, next_low)
        for e in self.postorder_edges():
            self.x_cutval(e)
        start = 0
        for _ in range(MAX_PIVOTS_PER_NODE * self.n + 10):
            e, start = self.leave_edge(start)
            if e < 0:
                break
            self.update(e, self.enter_edge(e))
        return self.rank

    # ---- the initial feasible tree: tight subtrees merged smallest first
    def add_tree_edge(self, e: int) -> None:
        self.in_tree[e] = True
        self.tree_pos[e] = len(self.tree)
        self.tree.append(e)
        self.tree_adj[self.tail[e]].append(e)
        self.tree_adj[self.head[e]].append(e)

    def feasible_tree(self) -> None:
        n = self.n
        owner = [-1] * n
        members: dict[int, list[int]] = {}
        for start in range(n):
            if owner[start] >= 0:
                continue
            owner[start] = start
            group = [start]
            stack = [start]
            while stack:
                v = stack.pop()
                for e in self.out[v] + self.into[v]:
                    w = self.other(e, v)
                    if owner[w] < 0 and self.slack(e) == 0:
                        owner[w] = start
                        group.append(w)
                        stack.append(w)
                        self.add_tree_edge(e)
            members[start] = group
        heap = [(len(g), s) for s, g in members.items()]
        heapq.heapify(heap)
        while heap:
            size, sub = heapq.heappop(heap)
            group = members.get(sub)
            if group is None or len(group) != size:
                continue  # a stale entry: merged since
            best, best_slack, inside = -1, 0, -1
            for v in group:
                for e in self.out[v] + self.into[v]:
                    if owner[self.other(e, v)] != sub:
                        s = self.slack(e)
                        if best < 0 or s < best_slack:
                            best, best_slack, inside = e, s, v
            if best < 0:
                self.roots.append(group[0])  # a whole connected part
                del members[sub]
                continue
            delta = best_slack if self.tail[best] == inside else -best_slack
            for v in group:
                self.rank[v] += delta
            self.add_tree_edge(best)
            into = owner[self.other(best, inside)]
            for v in group:
                owner[v] = into
            members[into].extend(group)
            del members[sub]
            heapq.heappush(heap, (len(members[into]), into))
        self.roots.sort()

    # ---- postorder numbering (low, lim) and cut values
    def dfs_range(self, root: int, par_edge: int, low: int) -> int:
        """Number the subtree of ``root`` in postorder from ``low``; return the next free number."""
        self.par[root] = par_edge
        self.low[root] = low
        nxt = low
        stack = [(root, par_edge, iter(self.tree_adj[root]))]
        while stack:
            v, pe, edges = stack[-1]
            for e in edges:
                if e != pe:
                    w = self.other(e, v)
                    self.par[w] = e
                    self.low[w] = nxt
                    stack.append((w, e, iter(self.tree_adj[w])))
                    break
            else:
                self.lim[v] = nxt
                nxt += 1
                stack.pop()
        return nxt

    def postorder_edges(self) -> list[int]:
        by_lim = sorted(range(self.n), key=lambda v: self.lim[v])
        return [self.par[v] for v in by_lim if self.par[v] >= 0]

    def below(self, v: int, u: int) -> bool:
        """Is ``u`` in the subtree of ``v``?"""
        return self.low[v] <= self.lim[u] <= self.lim[v]

    def x_cutval(self, f: int) -> None:
        if self.par[self.tail[f]] == f:
            v, forward = self.tail[f], True
        else:
            v, forward = self.head[f], False
        total = 0
        for e in self.out[v] + self.into[v]:
            if not self.below(v, self.other(e, v)):  # an edge leaving v's subtree
                value = self.weight[e]
                d = (self.head[e] != v) if forward else (self.tail[e] != v)
            else:
                value = (self.cut[e] if self.in_tree[e] else 0) - self.weight[e]
                d = (self.head[e] == v) if forward else (self.tail[e] == v)
            total += value if d else -value
        self.cut[f] = total

    # ---- pivots
    def leave_edge(self, start: int) -> tuple[int, int]:
        """A tree edge of negative cut value (the most negative of the first few found)."""
        tree, cut = self.tree, self.cut
        best, found = -1, 0
        size = len(tree)
        for k in range(size):
            i = (start + k) % size
            e = tree[i]
            if cut[e] < 0:
                if best < 0 or cut[e] < cut[best]:
                    best = e
                found += 1
                if found >= 30:
                    return best, i
        return best, start

    def enter_edge(self, e: int) -> int:
        """The non-tree edge of least slack from the head side of ``e`` to its tail side."""
        t, h = self.tail[e], self.head[e]
        v, outward = (t, False) if self.lim[t] < self.lim[h] else (h, True)
        low, lim = self.low[v], self.lim[v]
        best, best_slack = -1, 0
        stack = [v]
        while stack:
            u = stack.pop()
            for f in (self.out[u] if outward else self.into[u]):
                if not self.in_tree[f]:
                    w = self.head[f] if outward else self.tail[f]
                    if not low <= self.lim[w] <= lim:
                        s = self.slack(f)
                        if best < 0 or s < best_slack:
                            best, best_slack = f, s
            for f in self.tree_adj[u]:
                w = self.other(f, u)
                if self.lim[w] < self.lim[u]:
                    stack.append(w)
        return best

    def rerank(self, v: int, delta: int, cut_edge: int) -> None:
        """Move ``v``'s side of the tree split at ``cut_edge`` up by ``delta`` rows."""
        stack = [(v, cut_edge)]
        while stack:
            u, came = stack.pop()
            self.rank[u] -= delta
            for f in self.tree_adj[u]:
                if f != came:
                    stack.append((self.other(f, u), f))

    def tree_update(self, v: int, w: int, cutvalue: int, forward: bool) -> int:
        while not self.below(v, w):
            e = self.par[v]
            d = forward if v == self.tail[e] else not forward
            self.cut[e] += cutvalue if d else -cutvalue
            v = self.tail[e] if self.lim[self.tail[e]] > self.lim[self.head[e]] else self.head[e]
        return v

    def update(self, e: int, f: int) -> None:
        delta = self.slack(f)
        if delta > 0:
            t, h = self.tail[e], self.head[e]
            if len(self.tree_adj[t]) == 1 or (len(self.tree_adj[h]) > 1 and self.lim[t] < self.lim[h]):
                self.rerank(t, delta, e)
            else:
                self.rerank(h, -delta, e)
        cutvalue = self.cut[e]
        lca = self.tree_update(self.tail[f], self.head[f], cutvalue, True)
        self.tree_update(self.head[f], self.tail[f], cutvalue, False)
        self.cut[f] = -cutvalue
        self.cut[e] = 0
        # exchange e for f in the tree
        self.in_tree[e] = False
        self.tree_adj[self.tail[e]].remove(e)
        self.tree_adj[self.head[e]].remove(e)
        self.in_tree[f] = True
        self.tree[self.tree_pos[e]] = f
        self.tree_pos[f] = self.tree_pos[e]
        self.tree_adj[self.tail[f]].append(f)
        self.tree_adj[self.head[f]].append(f)
        self.dfs_range(lca, self.par[lca], self.low[lca])
