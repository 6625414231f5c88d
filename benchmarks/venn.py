"""Timings of the Venn and strengths-quadrant layouts and renderers (a script, not a test).

    PYTHONPATH=. python benchmarks/venn.py [--write-docs docs/venn-institutional.md]
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

from docs_block import markdown_table, replace_block
from timing import best_of

from socialtools.examples import load_example
from socialtools.quadrant.diagram import QuadrantDiagram
from socialtools.venn import InstitutionalVenn, SetVenn, VennDiagram
from socialtools.venn.institutional.layout import layout_institutional
from socialtools.venn.sets.layout import layout_sets


def random_venn(n: int, pairs: int, rng: random.Random) -> InstitutionalVenn:
    names = [f"Lembaga {i + 1}" for i in range(n)]
    institutions = [{"name": name, "importance": rng.randint(1, 4),
                     "closeness": rng.choice([0, .25, .5, .75, 1])} for name in names]
    chosen: set[tuple[str, str]] = set()
    while len(chosen) < min(pairs, n * (n - 1) // 2):
        a, b = rng.sample(names, 2)
        if (b, a) not in chosen:
            chosen.add((a, b))
    cooperation = [{"between": list(p), "level": rng.randint(1, 3)} for p in sorted(chosen)]
    return InstitutionalVenn(institutions=institutions, cooperation=cooperation)


def cooperation_drawn(samples: int = 300, seed: int = 7) -> list[list[object]]:
    """How many seeded random diagrams (4-12 institutions, 1-6 cooperating pairs) had every declared
    pair drawn, split by the most partners any institution has: 1, 2 (chains and rings), 3 or more (hubs)."""
    rng = random.Random(seed)
    drawn: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for _ in range(samples):
        n = rng.randint(4, 12)
        venn = random_venn(n, rng.randint(1, min(6, n * (n - 1) // 2)), rng)
        most = max(Counter(name for p in venn.cooperation for name in p.between).values())
        kind = "1" if most == 1 else "2 (chains, rings)" if most == 2 else "3 or more (hubs)"
        seen[kind] += 1
        drawn[kind] += not layout_institutional(venn).quality.missed_cooperation
    return [[kind, seen[kind], drawn[kind], f"{100 * drawn[kind] / seen[kind]:.0f} %"] for kind in sorted(seen)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-docs", metavar="FILE.md", help="replace the venn-benchmark block of FILE.md")
    args = parser.parse_args()
    rows: list[list[object]] = []
    rng = random.Random(2024)
    print("institutional Venn layout (best of 3)")
    print(f"{'institutions':>12} {'pairs':>5} {'seconds':>8}  quality")
    for n, pairs in ((5, 2), (10, 4), (15, 6), (20, 8), (30, 10), (40, 12)):
        venn = random_venn(n, pairs, rng)
        seconds = best_of(lambda venn=venn: layout_institutional(venn))
        q = layout_institutional(venn).quality
        print(f"{n:>12} {pairs:>5} {seconds:>8.3f}  unintended={len(q.unintended_overlaps)} "
              f"missed={len(q.missed_cooperation)} moved={len(q.distance_errors)} "
              f"labels_out={q.labels_outside}")
        rows.append([n, pairs, f"{seconds:.2f}", len(q.unintended_overlaps), len(q.missed_cooperation),
                     len(q.distance_errors)])
    if args.write_docs:
        replace_block(args.write_docs, "venn-benchmark", markdown_table(
            ["institutions", "cooperating pairs", "layout s", "unintended overlaps", "missed cooperation",
             "moved off their closeness"], rows))
    cooperation = cooperation_drawn()
    print("\nrandom diagrams with every cooperating pair drawn, by the most partners of one institution")
    for row in cooperation:
        print(f"{row[0]:>18}: {row[2]} of {row[1]} ({row[3]})")
    if args.write_docs:
        replace_block(args.write_docs, "venn-cooperation", markdown_table(
            ["most partners of one institution", "random diagrams", "every pair drawn", "share"], cooperation))
    village = VennDiagram.from_document(load_example("village.yaml"))
    print(f"village example, layout + SVG: {best_of(lambda: VennDiagram(village.model).to_svg()):.3f} s")

    print("\nset Venn layout (best of 3)")
    cases = {
        "2 sets": SetVenn(counts={"A": 30, "B": 20, "A&B": 10}),
        "2 sets skewed": SetVenn(counts={"A": 5000, "B": 2, "A&B": 1}),
        "3 sets": SetVenn(counts={"A": 10, "B": 8, "C": 6, "A&B": 3, "A&C": 2, "B&C": 2, "A&B&C": 1}),
        "3 sets members": SetVenn(sets={"A": list(range(40)), "B": list(range(30, 60)),
                                        "C": list(range(0, 60, 3))}, show="members"),
    }
    for name, venn in cases.items():
        lay = layout_sets(venn)
        seconds = best_of(lambda venn=venn: layout_sets(venn))
        print(f"{name:>16}: {seconds:.3f} s  mode={lay.mode} error={lay.error}")

    pk = load_example("pk.yaml")
    seconds = best_of(lambda: QuadrantDiagram.from_document(pk).to_svg())
    print(f"\nstrengths quadrant (PK), layout + SVG: {seconds:.4f} s")


if __name__ == "__main__":
    main()
