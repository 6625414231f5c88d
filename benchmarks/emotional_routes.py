"""How much longer each emotional line is than the straight line between its two people, and how
long it runs beside a child line.

For every family with emotional relationships among the reviewers' cases (``tests/data/cases``,
``tests/data/review7``), the bundled examples (``socialtools/examples``) and the docs examples
(``docs/examples``), in each variant that is drawn (screen, ``--initials``, the report's genogram
as the report prints it — the compact or tightest drawing when that is the one chosen —, the
``--compare`` layout), prints each line that is long or runs beside a child line:

- its detour: the length of the route from the centre of one symbol to the centre of the other
  (the route's ends joined to their symbols' centres) over the straight distance between the
  centres (a route through the lanes above the rows, people far apart, is counted as well);
- ``beside``: how long it runs beside a child line (the stem, the sibship bar, the line down to a
  child, an adoptive parent's line), measured strictly: every stretch longer than 8 units (the
  router's ``ALONG``) where the *edge* of the line's pattern (a zigzag's teeth, the outer of three
  lines: :func:`~socialtools.genogram.emotional.pattern_half_width`) comes within 6 units (``NEAR``)
  of the child line at less than 15 degrees, the line's ends included;
- every warning of a line without a clean route;

and a summary: median, 90th percentile, worst, how many over 1.5; how many lines run beside a
child line, their total length; how many warnings.

Run: ``python3 benchmarks/emotional_routes.py [--variant screen initials report compare] [--only NAME ...]``
(``--all`` prints every line, not only those over 1.3 or beside a child line;
``--write-docs FILE.md`` also puts the summary and the lines over 2 times the straight distance
between the ``emotional_routes`` markers of FILE.md, with the command that made them:
``python3 benchmarks/emotional_routes.py --write-docs docs/genogram.md``).
"""

from __future__ import annotations

import argparse
import itertools
import math
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))  # docs_block

from socialtools.draw.geometry import Point  # noqa: E402
from socialtools.genogram import Genogram  # noqa: E402
from socialtools.genogram.emotional import ALONG, NEAR, PARALLEL, along, parallel, pattern_half_width  # noqa: E402
from socialtools.genogram.model import Family  # noqa: E402
from socialtools.genogram.placements import GenogramLayout  # noqa: E402

VARIANTS = ("screen", "initials", "report", "compare")
DOCS_NAMES = {"screen": "screen", "initials": "`--initials`", "report": "report", "compare": "`--compare`"}
LONG = 2.0  # the lines the docs block lists by name: over 2 times the straight distance


def docs_block(command: str, summary: list[list[object]], long: list[list[object]]) -> str:
    """The ``emotional_routes`` block of a docs page: the summary table per variant and the lines
    over ``LONG`` times the straight distance.

    >>> print(docs_block("python3 x.py", [["screen", 3, "1.00", "1.10", "2.50", 1, 0, 0, 0]],
    ...                  [["screen", "cases/a", "conflict", "A–B", "2.50"]]).splitlines()[4])
    | screen | 3 | 1.00 | 1.10 | 2.50 | 1 | 0 | 0 | 0 |
    """
    from docs_block import markdown_table

    text = f"Measured by `{command}` (detour: the route from centre to centre over the straight distance):\n\n"
    text += markdown_table(["variant", "lines", "median", "p90", "worst", "over 1.5×", "beside a child line",
                            "length beside", "warned"], summary)
    text += f"\n\nLines over {LONG:g} times the straight distance:\n\n"
    text += markdown_table(["variant", "family", "relationship", "between", "detour"], long) if long else "none"
    return text


def detour(lay: GenogramLayout, a: str, b: str, points: list[tuple[float, float]]) -> float:
    """The route (its ends joined to the centres of ``a`` and ``b``) over the straight distance
    between those centres.

    >>> from socialtools.genogram.layout import layout_family
    >>> f = Family.model_validate({"people": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
    ...     "unions": [{"partners": ["A", "B"], "children": ["C"]}],
    ...     "relationships": [{"between": ["A", "C"], "kind": "close"}]})
    >>> lay = layout_family(f)
    >>> 1.0 <= detour(lay, "A", "C", lay.relationships[0].points) < 1.1  # fanned off the child line a little
    True
    """
    na, nb = lay.nodes[a], lay.nodes[b]
    path = [(na.x, na.y), *points, (nb.x, nb.y)]
    direct = math.dist(path[0], path[-1])
    return sum(math.dist(p, q) for p, q in itertools.pairwise(path)) / direct if direct else 1.0


def child_lines(lay: GenogramLayout) -> list[tuple[Point, Point]]:
    """The segments of every line from parents to a child: sibship stems and bars, the lines down to
    each child, further child links (adoptive or foster parents)."""
    out: list[tuple[Point, Point]] = []
    for s in lay.sibships:
        for pts in (s.stem, s.bar, *s.children.values()):
            out += list(itertools.pairwise(pts))
    for link in lay.extra_links:
        if link.kind != "duplicate" and not link.kind.startswith("union"):
            out += list(itertools.pairwise(link.points))
    return [(p, q) for p, q in out if math.dist(p, q) > 1e-9]


def beside(points: list[Point], kind: str, lines: list[tuple[Point, Point]]) -> float:
    """How long the polyline (an emotional line of ``kind``) runs beside one of ``lines``: the sum,
    over its segments, of the longest stretch (when longer than ``ALONG``) where its pattern's edge
    comes within ``NEAR`` of one of them, nearly parallel.

    >>> beside([(0, 8), (100, 8)], "conflict", [((0, 0), (100, 0))])  # a zigzag's teeth 3.2 off it
    100.0
    >>> beside([(0, 8), (100, 8)], "cutoff", [((0, 0), (100, 0))])  # a plain line 7 off it
    0.0
    """
    near = NEAR + pattern_half_width(kind)
    total = 0.0
    for p, q in itertools.pairwise(points):
        length = math.dist(p, q)
        stretch = max((along(p, q, 0.0, 1.0, seg, near) * length for seg in lines
                       if parallel((p, q), seg, PARALLEL)), default=0.0)
        total += stretch if stretch > ALONG else 0.0
    return total


def families() -> Iterator[tuple[str, Family, int | None]]:
    """(name, family, the later year of a comparison) of every file with emotional relationships."""
    from socialtools.genogram.cli import load_families

    files = [*sorted((ROOT / "tests" / "data" / "cases").glob("*.yaml")),
             *sorted((ROOT / "tests" / "data" / "review7").glob("*.yaml")),
             *sorted((ROOT / "socialtools" / "examples").glob("*.yaml")),
             *sorted((ROOT / "docs" / "examples").glob("genogram-*.yaml"))]
    for path in files:
        try:
            loaded = load_families(path, None)
        except Exception:  # an ecomap-only file has no family
            continue
        for name, family in loaded.items():
            if family.relationships:
                label = f"{path.parent.name}/{path.stem}" + (f":{name}" if len(loaded) > 1 else "")
                yield label, family, None


def layouts(family: Family, variant: str) -> GenogramLayout:
    """The layout drawn in ``variant``."""
    from socialtools.privacy import hide_identifying

    if variant == "screen":
        return Genogram(family).layout
    if variant == "initials":
        return Genogram(hide_identifying(family)).layout
    if variant == "report":  # the drawing the report prints (its compact or tightest form when chosen)
        from socialtools.report.case import Case
        from socialtools.report.document import genogram_drawing
        from socialtools.report.model import ReportOptions

        drawn = genogram_drawing(Case(family=family), ReportOptions())
        assert drawn is not None and drawn.layout is not None
        return drawn.layout
    from socialtools.genogram.compare import GenogramComparison

    last = family.reference_date().year
    return GenogramComparison(hide_identifying(family), last - 25, last).layout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--only", nargs="+", help="families whose name contains one of these")
    parser.add_argument("--all", action="store_true", help="print every line")
    parser.add_argument("--write-docs", metavar="FILE.md", help="also put the summary and the lines over 2 "
                        "times the straight distance into the emotional_routes block of FILE.md")
    args = parser.parse_args(argv)
    long: list[list[object]] = []
    ratios: dict[str, list[float]] = {v: [] for v in args.variant}
    besides: dict[str, list[float]] = {v: [] for v in args.variant}
    warnings: dict[str, int] = dict.fromkeys(args.variant, 0)
    for name, family, _ in families():
        if args.only and not any(o in name for o in args.only):
            continue
        for variant in args.variant:
            lay = layouts(family, variant)
            children = child_lines(lay)
            for rel in lay.relationships:
                r = detour(lay, rel.a, rel.b, list(rel.points))
                side = beside(list(rel.points), rel.kind, children)
                ratios[variant].append(r)
                besides[variant].append(side)
                if r > LONG:
                    long.append([DOCS_NAMES[variant], name, rel.kind, f"{rel.a}–{rel.b}", f"{r:.2f}"])
                if args.all or r > 1.3 or side:
                    print(f"{variant:9} {name:45} {rel.kind:16} {rel.a}-{rel.b}: {r:.2f}"
                          + (f"  beside a child line {side:.0f}" if side else ""))
            for w in lay.warnings:
                if "clean route" in w:
                    warnings[variant] += 1
                    print(f"{variant:9} {name:45} WARNING {w}")
    print()
    print(f"{'variant':9} {'lines':>5} {'median':>6} {'p90':>5} {'worst':>5} {'>1.5':>4} {'beside':>6} "
          f"{'length':>6} {'warned':>6}")
    summary: list[list[object]] = []
    for variant, rs in ratios.items():
        if rs:
            rs.sort()
            p90 = rs[min(len(rs) - 1, int(0.9 * len(rs)))]
            sides = besides[variant]
            print(f"{variant:9} {len(rs):5} {statistics.median(rs):6.2f} {p90:5.2f} {rs[-1]:5.2f} "
                  f"{sum(r > 1.5 for r in rs):4} {sum(s > 0 for s in sides):6} {sum(sides):6.0f} "
                  f"{warnings[variant]:6}")
            summary.append([DOCS_NAMES[variant], len(rs), f"{statistics.median(rs):.2f}", f"{p90:.2f}",
                            f"{rs[-1]:.2f}", sum(r > 1.5 for r in rs), sum(s > 0 for s in sides),
                            round(sum(sides)), warnings[variant]])
    if args.write_docs:
        from docs_block import replace_block

        command = "python3 benchmarks/emotional_routes.py" + "".join(
            f" {flag} {' '.join(values)}" for flag, values in (("--variant", args.variant), ("--only", args.only))
            if values and values != list(VARIANTS)) + f" --write-docs {args.write_docs}"
        replace_block(args.write_docs, "emotional_routes", docs_block(command, summary, long))
    return 0


if __name__ == "__main__":
    sys.exit(main())
