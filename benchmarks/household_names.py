"""Household pieces without a name (or key) on the drawing, and pieces of two households that touch.

Over every family with households among the reviewers' cases (``tests/data/cases``, ``tests/data/review7``)
and the bundled examples (``socialtools/examples``), in Indonesian and English, draws the genogram as the
screen draws it and in each of the report's sizes (the report's own, compact, tight, tight with staggered
labels: see :func:`socialtools.report.document.genogram_options`), and prints for each drawing its pieces
(separate outline polygons) that have no name or key standing at them, and the pairs of pieces of two
households nearer than :data:`TOUCH` units. A piece counts as named when one of its household's name
boxes stands within 10 units of it (:data:`socialtools.genogram.routing.PIECE_NAME_REACH`); this is
measured afresh (box to polygon) and cross-checked against the layout's own count (one name box per
named piece). The gap between pieces is measured brute force, on points every unit along their edges.

Run: ``python3 benchmarks/household_names.py [--only NAME ...] [--all] [--write-docs FILE.md]`` (``--all``
lists every drawing; ``--write-docs`` also puts the drawings with a defect and the totals, with the command
that made them, between the ``household_names`` markers of FILE.md).
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from socialtools.draw.geometry import Point, box_polygon_distance  # noqa: E402
from socialtools.genogram import Genogram  # noqa: E402
from socialtools.genogram.placements import GenogramLayout  # noqa: E402
from socialtools.genogram.routing import PIECE_NAME_REACH  # noqa: E402
from socialtools.report.document import TIGHT_MARGIN, genogram_options  # noqa: E402
from socialtools.report.model import ReportOptions  # noqa: E402

TOUCH = 4.0  # two households' outlines nearer than this read as one dashed line (or touch)
SIZES = {"screen": None, "report": {}, "compact": {"compact": True},
         "tight": {"compact": True, "tight": True}, "stagger": {"compact": True, "tight": True,
                                                                "margin": TIGHT_MARGIN, "stagger": True}}


def sources(only: list[str]) -> Iterator[tuple[str, dict]]:
    """(name, document) of every file with households."""
    from socialtools.io.loading import load_document

    files = [*sorted((ROOT / "tests" / "data" / "cases").glob("*.yaml")),
             *sorted((ROOT / "tests" / "data" / "review7").glob("*.yaml")),
             *sorted((ROOT / "socialtools" / "examples").glob("*.yaml"))]
    for path in files:
        doc = load_document(path)
        family = doc.get("family", doc) if isinstance(doc, dict) else {}
        if isinstance(family, dict) and family.get("households") and (not only or path.stem in only):
            yield path.stem, doc


def drawing(doc: dict, size: str, lang: str) -> GenogramLayout:
    if SIZES[size] is None:
        return Genogram.from_document(doc, lang=lang).layout
    return Genogram.from_document(doc, options=genogram_options(ReportOptions(lang=lang), **SIZES[size])).layout


def unnamed_pieces(lay: GenogramLayout) -> list[str]:
    """The pieces with none of their household's name boxes within reach (measured afresh)."""
    out = []
    for h in lay.households:
        if not h.label:
            continue
        for j, poly in enumerate(h.polygons):
            if not any(box_polygon_distance(b, poly) <= PIECE_NAME_REACH for b in h.label_boxes):
                out.append(f"{h.label} piece {j + 1}/{len(h.polygons)}")
    return out


def _edge_points(poly: list[Point]) -> list[Point]:
    out = []
    for (x0, y0), (x1, y1) in zip(poly, [*poly[1:], poly[0]], strict=True):
        n = max(1, math.ceil(math.dist((x0, y0), (x1, y1))))
        out += [(x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(n)]
    return out


def touching_pieces(lay: GenogramLayout) -> list[str]:
    """Pairs of pieces of two households whose outlines come nearer than :data:`TOUCH` units."""
    pieces = [(h.label or h.id, _edge_points(poly)) for h in lay.households for poly in h.polygons]
    owner = [h.id for h in lay.households for _ in h.polygons]
    out = []
    for (i, (a, pa)), (j, (b, pb)) in itertools.combinations(enumerate(pieces), 2):
        if owner[i] == owner[j]:
            continue
        gap = min(math.dist(p, q) for p in pa for q in pb)
        if gap < TOUCH:
            out.append(f"{a} / {b}: {gap:.1f} apart")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="file names without .yaml")
    parser.add_argument("--all", action="store_true", help="list every drawing, not only those with a defect")
    parser.add_argument("--write-docs", metavar="FILE.md", help="also put the drawings with a defect and the "
                        "totals into the household_names block of FILE.md")
    args = parser.parse_args()
    listed: list[str] = []
    drawings = with_unnamed = unnamed_total = pieces_total = with_touching = 0
    for name, doc in sources(args.only):
        for lang, size in itertools.product(("id", "en"), SIZES):
            lay = drawing(doc, size, lang)
            unnamed, touching = unnamed_pieces(lay), touching_pieces(lay)
            placed = sum(len(h.polygons) - len(h.label_boxes) for h in lay.households if h.label)
            assert placed == len(unnamed), f"{name} {size} {lang}: layout says {placed} unnamed, measured {unnamed}"
            drawings += 1
            pieces_total += sum(len(h.polygons) for h in lay.households if h.label)
            unnamed_total += len(unnamed)
            with_unnamed += bool(unnamed)
            with_touching += bool(touching)
            if unnamed or touching or args.all:
                line = f"{name:28} {size:8} {lang}: " + "; ".join(
                    [f"unnamed {u}" for u in unnamed] + [f"touching {t}" for t in touching] or ["ok"])
                print(line)
                listed.append(line)
    total = (f"drawings: {drawings}; with an unnamed piece: {with_unnamed} ({unnamed_total} of {pieces_total} "
             f"pieces); with two households' pieces nearer than {TOUCH:g}: {with_touching}")
    print(total)
    if args.write_docs:
        import sys
        from pathlib import Path

        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from docs_block import replace_block

        command = "python3 benchmarks/household_names.py" + (
            f" --only {' '.join(args.only)}" if args.only else "") + f" --write-docs {args.write_docs}"
        replace_block(args.write_docs, "household_names",
                      f"Measured by `{command}`:\n\n```text\n" + "\n".join([*listed, total]) + "\n```")


if __name__ == "__main__":
    main()
