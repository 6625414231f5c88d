"""The layering step of the genogram layout: how many child lines skip rows, before and after.

For every family of the layout corpus (``layout_quality.corpus()``) and two generated ones, prints
the child lines that stand two or more rows below their parents' row ("long") and the rows they
skip in total, for the rows the layout uses (``FamilyStructure.generation``: network simplex) and
for the previous layering (longest path from the top, then clusters without parents and those
whose children all stand lower pulled down next to their children), and the time of
``FamilyStructure`` on the 10,001-person generated family.

    PYTHONPATH=. python3 benchmarks/layering.py            # whole corpus
    PYTHONPATH=. python3 benchmarks/layering.py gedcom/    # families whose name starts so
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import layout_quality as lq

from socialtools.genogram.model import Family
from socialtools.genogram.structure import FamilyStructure


def longest_path_rows(s: FamilyStructure) -> dict[str, int]:
    """The previous layering, by cluster: longest path from the top, then clusters without
    parents (and those whose children all stand lower) pulled down next to their children."""
    order, down, up, _ = s.cluster_graph()
    level: dict[str, int] = {}
    for c in order:
        level[c] = max((level[p] + 1 for p in up[c]), default=0)
    for c in reversed(order):
        if down[c]:
            lowest = min(level[d] for d in down[c]) - 1
            if not up[c] or lowest > level[c]:
                level[c] = lowest
    return level


def long_lines(s: FamilyStructure, row_of_cluster: dict[str, int]) -> tuple[int, int]:
    """(child lines below their parents' union row by 2+ rows, rows skipped by all child lines)."""
    find = s.clusters.find
    long = skipped = 0
    for child, uid in s.parent_union.items():
        gap = row_of_cluster[find(child)] - max(row_of_cluster[find(p)] for p in s.unions[uid].partners) - 1
        if gap > 0:
            long += 1
            skipped += gap
    return long, skipped


def measure(family: Family) -> tuple[tuple[int, int], tuple[int, int]]:
    s = FamilyStructure(family)
    now = {s.clusters.find(p): r for p, r in s.generation.items()}
    return long_lines(s, longest_path_rows(s)), long_lines(s, now)


def main(argv: list[str]) -> int:
    members = [m for m in lq.corpus() if m.family is not None and (not argv or m.name.startswith(tuple(argv)))]
    members += [lq.Member(f"generated_family({n:,})", "generated", lq.generated_family(n, seed))
                for n, seed in ((400, 1), (10_000, 10))]
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    print(f"{'family':44} {'people':>7} {'long before':>12} {'skipped':>8} {'long now':>9} {'skipped':>8}")
    for m in members:
        assert m.family is not None
        (lb, sb), (ln, sn) = measure(m.family)
        t = totals[m.source]
        for i, v in enumerate((1, lb, sb, ln, sn)):
            t[i] += v
        if lb or ln:
            print(f"{m.name:44} {len(m.family.people):7} {lb:12} {sb:8} {ln:9} {sn:8}")
    for source, (n, lb, sb, ln, sn) in totals.items():
        print(f"{source + f' ({n} families)':52} {lb:12} {sb:8} {ln:9} {sn:8}")
    big = lq.generated_family(10_000, 10)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        FamilyStructure(big)
        times.append(time.perf_counter() - start)
    print(f"FamilyStructure of {len(big.people):,} people: {min(times):.2f} s (best of 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
