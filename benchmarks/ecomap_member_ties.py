"""Ties to household members that turn back on their way in (review-4 D8), and ties that cross the
household's own family lines in the centre (a union line, a sibship bar, a child's line), over 96
generated ecomaps with a household and the case files with a household drawn in the centre (a script,
not a test).

    PYTHONPATH=. python benchmarks/ecomap_member_ties.py [--write-docs docs/ecomap.md]

(``--write-docs FILE.md`` also puts the totals, with the command that made them, between the
``ecomap_member_ties`` markers of FILE.md.)

A tie turns back when some point along it is farther from its member's centre than the one before
(the check of tests/test_ecomap_layout.py::check_ties_to_members, sampled every 2 units). A crossing
is a proper intersection of a stretch of a tie's route with a stretch of a family line, counted by
solving the two lines' equations (and checked against :func:`socialtools.draw.geometry.segments_cross`).
Two ties to one member *meet* there (issue 13 F2) when their ends on its outline are less than 3 units
apart beyond their half widths, or when within 20 units of its outline one runs nearer the other than
their half widths (sampled every quarter unit).
Prints the layouts and ties that turn back, the crossings, the pairs of ties that meet at a member, the
defects, and the CPU time of the 96 layouts.
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
import time
from pathlib import Path

from socialtools.draw.geometry import Point, segments_cross
from socialtools.ecomap.diagram import EcomapDiagram
from socialtools.ecomap.layout import layout_ecomap
from socialtools.ecomap.placements import EcomapLayout
from socialtools.ecomap.routing import tie_width
from socialtools.ecomap.samples import generated_ecomap
from socialtools.io.loading import load_document

MEET_APART = 3.0  # ends of two ties on one member nearer than this beyond their half widths meet
MEET_NEAR = 20.0  # and within this far of its outline two ties nearer than their half widths run together
SIZES = (8, 12, 16, 20, 24, 28, 32, 36)
SEEDS = range(4)
HOUSEHOLDS = (2, 3, 4)  # samples.HOUSEHOLDS: four members, five members in two rows, a parent and child
#: case files whose ecomap draws the household in the centre
CASES = ("socialtools/examples/pk.yaml", "socialtools/examples/ecomap-intervention.yaml",
         "tests/data/cases/review-rt.yaml", "tests/data/cases/review-ra.yaml", "tests/data/review7/kasus-sr.yaml",
         "tests/data/cases/review4-case.yaml", "tests/data/cases/kasus-wijaya.yaml",
         "tests/data/cases/crowded-three-generations.yaml", "tests/data/cases/many-systems-15.yaml",
         "tests/data/cases/many-systems-18.yaml", "tests/data/cases/many-systems-24.yaml",
         "tests/data/privacy/names-everywhere.yaml", "tests/data/realworld/ecomap-grouped-member-ties.yaml",
         "docs/examples/ecomap-household.yaml", "docs/examples/ecomap-member-system.yaml",
         "docs/examples/ecomap-stepfamily.yaml", "docs/examples/ecomap-centre-family.yaml")


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


def _cross(p: Point, q: Point, a: Point, b: Point) -> bool:
    """True when ``p``-``q`` and ``a``-``b`` meet at one point inside both (end points excluded)."""
    dx, dy, ex, ey = q[0] - p[0], q[1] - p[1], b[0] - a[0], b[1] - a[1]
    den = dx * ey - dy * ex
    if abs(den) < 1e-12:
        return False
    s = ((a[0] - p[0]) * ey - (a[1] - p[1]) * ex) / den
    t = ((a[0] - p[0]) * dy - (a[1] - p[1]) * dx) / den
    return 1e-6 < s < 1 - 1e-6 and 1e-6 < t < 1 - 1e-6


def family_line_crossings(lay: EcomapLayout) -> int:
    """How many times the ties of ``lay`` cross the family lines of its household."""
    lines = [seg for line in lay.family_lines for seg in itertools.pairwise(line)]
    count = check = 0
    for t in lay.ties:
        for p, q in itertools.pairwise(t.points):
            for a, b in lines:
                count += _cross(p, q, a, b)
                check += segments_cross(p, q, a, b)
    assert count == check, (count, check)
    return count


def _near_points(points: tuple[Point, ...], centre: Point, reach: float) -> list[Point]:
    out = []
    for p, q in itertools.pairwise(points):
        n = max(1, math.ceil(math.dist(p, q) / 0.25))
        out += [x for i in range(n + 1)
                if math.dist(x := (p[0] + (q[0] - p[0]) * i / n, p[1] + (q[1] - p[1]) * i / n), centre) <= reach]
    return out


def _distance(x: Point, p: Point, q: Point) -> float:
    dx, dy = q[0] - p[0], q[1] - p[1]
    d = dx * dx + dy * dy
    t = 0.0 if d == 0 else max(0.0, min(1.0, ((x[0] - p[0]) * dx + (x[1] - p[1]) * dy) / d))
    return math.dist(x, (p[0] + dx * t, p[1] + dy * t))


def ties_meeting(lay: EcomapLayout) -> int:
    """Pairs of ties to one household member that meet at it: ends too close, or running together near it."""
    count = 0
    for m in lay.members:
        ties = [t for t in lay.ties if t.tie.target == m.id]
        for a, b in itertools.combinations(ties, 2):
            w = (tie_width(a.tie) + tie_width(b.tie)) / 2
            if math.dist(a.points[-1], b.points[-1]) - w < MEET_APART:
                count += 1
                continue
            reach = m.hull.r + MEET_NEAR
            if any(min(_distance(x, p, q) for p, q in itertools.pairwise(v.points)) < w
                   for u, v in ((a, b), (b, a)) for x in _near_points(u.points, m.circle.center, reach)):
                count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-docs", metavar="FILE.md", help="also put the totals into the "
                        "ecomap_member_ties block of FILE.md")
    args = parser.parse_args()
    totals: list[str] = []

    def total_line(text: str) -> None:
        print(text)
        totals.append(text)

    layouts = ties = defects = crossings = meeting = 0
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
        crossed = family_line_crossings(lay)
        if crossed:
            print(f"{n} systems, seed {seed}, household {household}: {crossed} crossing(s) of a family line")
        crossings += crossed
        met = ties_meeting(lay)
        if met:
            print(f"{n} systems, seed {seed}, household {household}: {met} pair(s) of ties meeting at a member")
        meeting += met
        layouts += bad > 0
        ties += bad
        defects += lay.quality.defects
    total = len(SIZES) * len(SEEDS) * len(HOUSEHOLDS)
    total_line(f"layouts with a tie turning back: {layouts} of {total} ({ties} ties); defects: {defects}; "
               f"CPU {time.process_time() - start:.1f} s, slowest layout {slowest[0]:.2f} s ({slowest[1]})")
    total_line(f"ties crossing the household's family lines: {crossings} over the {total} layouts")
    total_line(f"pairs of ties meeting at a member: {meeting} over the {total} layouts")
    case_total = case_meeting = 0
    for path in CASES:
        diagram = EcomapDiagram.from_document(load_document(path))
        lay = diagram.layout
        n = family_line_crossings(lay)
        case_total += n
        met = ties_meeting(lay)
        case_meeting += met
        print(f"  {path}: {n} crossing(s), {ties_turning_back(lay)} turning back, {met} meeting, "
              f"{lay.quality.defects} defects")
    total_line(f"ties crossing the household's family lines in the {len(CASES)} case files: {case_total}")
    total_line(f"pairs of ties meeting at a member in the {len(CASES)} case files: {case_meeting}")
    if args.write_docs:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from docs_block import replace_block

        command = f"python3 benchmarks/ecomap_member_ties.py --write-docs {args.write_docs}"
        replace_block(args.write_docs, "ecomap_member_ties",
                      f"Measured by `{command}` (CPU seconds on a machine shared with other jobs):\n\n"
                      + "\n".join(f"- {line}" for line in totals))


if __name__ == "__main__":
    main()
