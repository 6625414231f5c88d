"""How much longer each emotional line is than the straight line between its two people.

For every family with emotional relationships among the reviewers' cases (``tests/data/cases``),
the bundled examples (``socialtools/examples``) and the docs examples (``docs/examples``), in
each variant that is drawn (screen, ``--initials``, the report's genogram, the ``--compare``
layout), prints each line's detour: the length of the route from the centre of one symbol
to the centre of the other (the route's ends joined to their symbols' centres) over the
straight distance between the centres, and a summary (median, 90th percentile, worst, how many
over 1.5). A route through the lanes above the rows (people far apart) is counted as well.

Run: ``python3 benchmarks/emotional_routes.py [--variant screen initials report compare] [--only NAME ...]``
(``--all`` prints every line, not only those over 1.3).
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

from socialtools.genogram import Genogram  # noqa: E402
from socialtools.genogram.model import Family  # noqa: E402
from socialtools.genogram.placements import GenogramLayout  # noqa: E402

VARIANTS = ("screen", "initials", "report", "compare")


def detour(lay: GenogramLayout, a: str, b: str, points: list[tuple[float, float]]) -> float:
    """The route (its ends joined to the centres of ``a`` and ``b``) over the straight distance
    between those centres.

    >>> from socialtools.genogram.layout import layout_family
    >>> f = Family.model_validate({"people": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
    ...     "unions": [{"partners": ["A", "B"], "children": ["C"]}],
    ...     "relationships": [{"between": ["A", "C"], "kind": "close"}]})
    >>> lay = layout_family(f)
    >>> round(detour(lay, "A", "C", lay.relationships[0].points), 2)
    1.0
    """
    na, nb = lay.nodes[a], lay.nodes[b]
    path = [(na.x, na.y), *points, (nb.x, nb.y)]
    direct = math.dist(path[0], path[-1])
    return sum(math.dist(p, q) for p, q in itertools.pairwise(path)) / direct if direct else 1.0


def families() -> Iterator[tuple[str, Family, int | None]]:
    """(name, family, the later year of a comparison) of every file with emotional relationships."""
    from socialtools.genogram.cli import load_families

    files = [*sorted((ROOT / "tests" / "data" / "cases").glob("*.yaml")),
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
    if variant == "report":
        from socialtools.report.document import genogram_options
        from socialtools.report.model import ReportOptions

        return Genogram(family, genogram_options(ReportOptions())).layout
    from socialtools.genogram.compare import GenogramComparison

    last = family.reference_date().year
    return GenogramComparison(hide_identifying(family), last - 25, last).layout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--only", nargs="+", help="families whose name contains one of these")
    parser.add_argument("--all", action="store_true", help="print every line")
    args = parser.parse_args(argv)
    ratios: dict[str, list[float]] = {v: [] for v in args.variant}
    for name, family, _ in families():
        if args.only and not any(o in name for o in args.only):
            continue
        for variant in args.variant:
            lay = layouts(family, variant)
            for rel in lay.relationships:
                r = detour(lay, rel.a, rel.b, list(rel.points))
                ratios[variant].append(r)
                if args.all or r > 1.3:
                    print(f"{variant:9} {name:45} {rel.kind:16} {rel.a}-{rel.b}: {r:.2f}")
            for w in lay.warnings:
                if "clean route" in w:
                    print(f"{variant:9} {name:45} WARNING {w}")
    print()
    print(f"{'variant':9} {'lines':>5} {'median':>6} {'p90':>5} {'worst':>5} {'>1.5':>4}")
    for variant, rs in ratios.items():
        if rs:
            rs.sort()
            p90 = rs[min(len(rs) - 1, int(0.9 * len(rs)))]
            print(f"{variant:9} {len(rs):5} {statistics.median(rs):6.2f} {p90:5.2f} {rs[-1]:5.2f} "
                  f"{sum(r > 1.5 for r in rs):4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
