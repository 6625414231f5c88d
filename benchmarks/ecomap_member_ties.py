"""Ties to household members that turn back on their way in (review-4 D8), over 96 generated
ecomaps with a household (a script, not a test).

    PYTHONPATH=. python benchmarks/ecomap_member_ties.py

A tie turns back when some point along it is farther from its member's centre than the one before
(the check of tests/test_ecomap_layout.py::check_ties_to_members, sampled every 2 units). Prints the
layouts and ties that do, the defects, and the CPU time of the 96 layouts.
"""

from __future__ import annotations

import itertools
import math
import time

from socialtools.ecomap.layout import layout_ecomap
from socialtools.ecomap.placements import EcomapLayout
from socialtools.ecomap.samples import generated_ecomap

SIZES = (8, 12, 16, 20, 24, 28, 32, 36)
SEEDS = range(4)
HOUSEHOLDS = (2, 3, 4)  # samples.HOUSEHOLDS: four members, five members in two rows, a parent and child


def ties_turning_back(lay: EcomapLayout) -> int:
    """How many ties to a member of ``lay`` come farther from the member somewhere on their way in."""
    members = {m.id: m for m in lay.members}
    bad = 0
    for t in lay.ties:
        m = members.get(t.tie.target)
        if m is None:
            continue
        c = m.circle.center
        samples = [(p[0] + (q[0] - p[0]) * i / n, p[1] + (q[1] - p[1]) * i / n)
                   for p, q in itertools.pairwise(t.points)
                   for n in [max(1, math.ceil(math.dist(p, q) / 2))] for i in range(n + 1)]
        bad += any(math.dist(b, c) > math.dist(a, c) + 1e-6 for a, b in itertools.pairwise(samples))
    return bad


def main() -> None:
    layouts = ties = defects = 0
    start = time.process_time()
    slowest = (0.0, "")
    for n, seed, household in itertools.product(SIZES, SEEDS, HOUSEHOLDS):
        eco, family = generated_ecomap(n, seed=seed, household=household)
        t = time.process_time()
        lay = layout_ecomap(eco, family)
        slowest = max(slowest, (time.process_time() - t, f"{n} systems, seed {seed}, household {household}"))
        bad = ties_turning_back(lay)
        if bad:
            print(f"{n} systems, seed {seed}, household {household}: {bad} tie(s) turn back")
        layouts += bad > 0
        ties += bad
        defects += lay.quality.defects
    total = len(SIZES) * len(SEEDS) * len(HOUSEHOLDS)
    print(f"layouts with a tie turning back: {layouts} of {total} ({ties} ties); defects: {defects}; "
          f"CPU {time.process_time() - start:.1f} s, slowest layout {slowest[0]:.2f} s ({slowest[1]})")


if __name__ == "__main__":
    main()
