"""Lines crossed by the dashed arc of each person drawn twice (``--duplicate-loops``), on the loop
families of the tests and the docs (``python benchmarks/duplicate_arcs.py [--write-docs]``;
``--write-docs`` puts the table into docs/genogram.md between its ``duplicate_arcs`` markers).

For each copy: the side of its partner it stands on (toward its original or away), whether the
arc is a curve (or a routed line, when no curve was free), the lines of the drawing it crosses
(counted by brute force over every pair of straight pieces, and where the arc passes through a
line at one of the points its curve is flattened into: a person standing midway between the
copy and the original puts the top of a symmetric arc on that person's line, which a count of
proper crossings of straight pieces misses), and whether it passes through a symbol or a label
other than its two ends' symbols. The loop families of the tests and docs are followed by the
GEDCOM files of the benchmark corpus whose drawings have copies (royal houses that married
within the family).
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from socialtools.draw.geometry import Point, segment_hits_box, segments_cross
from socialtools.genogram import Genogram
from socialtools.io.families import read_families

ROOT = Path(__file__).resolve().parents[1]
FAMILIES = ["tests/data/cases/cousin-marriage.yaml", "tests/data/hardcases/pedigree-collapse.yaml",
            "tests/data/hardcases/consanguinity.yaml", "tests/data/hardcases/inbred-lines.yaml",
            "docs/examples/genogram-loop.yaml"]
CORPUS = ["benchmarks/corpus/gedcom/hawaiian-kings.ged", "benchmarks/corpus/gedcom/ptolemaic-dynasty.ged",
          "benchmarks/corpus/gedcom/bourbon.ged"]


def _side(a: Point, b: Point, p: Point) -> float:
    return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])


def crossings(arc: list[Point], line: list[Point]) -> int:
    """How often ``arc`` crosses ``line``: proper crossings of their straight pieces, and each inner
    point of the arc that lies on a piece of the line (not at its ends) with the arc's points
    before and after it on the two sides of that piece.

    >>> crossings([(0.0, 0.0), (5.0, 5.0), (10.0, 0.0)], [(5.0, 0.0), (5.0, 10.0)])  # through a point
    1
    >>> crossings([(0.0, 0.0), (5.0, 5.0), (10.0, 0.0)], [(5.0, 5.0), (5.0, 10.0)])  # touching an end
    0
    """
    count = sum(segments_cross(p, q, a, b) for p, q in itertools.pairwise(arc) for a, b in itertools.pairwise(line))
    for before, v, after in zip(arc, arc[1:], arc[2:], strict=False):
        for a, b in itertools.pairwise(line):
            on = abs(_side(a, b, v)) < 1e-6 and min(a[0], b[0]) <= v[0] <= max(a[0], b[0]) and \
                min(a[1], b[1]) <= v[1] <= max(a[1], b[1]) and v not in (a, b)
            count += on and _side(a, b, before) * _side(a, b, after) < 0
    return count


def _genograms(duplicate_loops: bool = True) -> list[tuple[str, Genogram]]:
    out = [(name, Genogram.from_file(ROOT / name, duplicate_loops=duplicate_loops)) for name in FAMILIES]
    for name in CORPUS:
        family = read_families(ROOT / name, lenient=True).family
        out.append((name, Genogram(family, duplicate_loops=duplicate_loops)))
    return out


def whole() -> list[list[object]]:
    """One row per family: copies, and the crossings of the whole drawing (the layout's own count,
    the arcs counted as :func:`crossings` counts them) with everyone drawn once and with the copies."""
    out: list[list[object]] = []
    for (name, once), (_, twice) in zip(_genograms(False), _genograms(True), strict=True):
        lay = twice.layout
        arcs = [link.points for link in lay.extra_links if link.kind == "duplicate"]
        others = [pts for what, pts, _ in lay.drawn_lines() if not what.startswith("duplicate")]
        missed = sum(crossings(arc, line) for arc in arcs for line in others) - sum(
            segments_cross(p, q, a, b) for arc in arcs for p, q in itertools.pairwise(arc)
            for line in others for a, b in itertools.pairwise(line))
        out.append([Path(name).stem, len(arcs), once.quality().crossings, twice.quality().crossings + missed])
    return out


def rows() -> list[list[object]]:
    """One row per copy: family, copy, side, shape, lines crossed, symbols or labels passed."""
    out: list[list[object]] = []
    for name, genogram in _genograms():
        lay = genogram.layout
        others = [pts for what, pts, _ in lay.lines() if not what.startswith("duplicate")]
        for link in (link for link in lay.extra_links if link.kind == "duplicate"):
            crossed = sum(crossings(link.points, line) for line in others)
            boxes = [n.label_box for n in lay.nodes.values() if n.label_box.w and n.label_box.h]
            boxes += [n.symbol_box.grown(-0.5) for n in lay.nodes.values() if n.id not in {link.a, link.b}]
            through = sum(any(segment_hits_box(p, q, box) for p, q in itertools.pairwise(link.points))
                          for box in boxes)
            partner = next(p for u in genogram.family.unions if link.b in u.partners
                           for p in u.partners if p != link.b)
            c, o, m = lay.nodes[link.b], lay.nodes[link.a], lay.nodes[partner]
            side = ("toward" if (c.x - m.x) * (o.x - m.x) > 0 else "away") if o.row == c.row else "-"
            shape = "curve" if link.control is not None else "routed line"
            out.append([Path(name).stem, link.b, side, shape, crossed, through])
    return out


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from docs_block import markdown_table, replace_block

    table = markdown_table(["family", "copy", "side of partner", "arc", "lines crossed",
                            "symbols/labels passed"], rows())
    table += "\n\nCrossings of the whole drawing:\n\n" + markdown_table(
        ["family", "copies", "everyone drawn once", "with --duplicate-loops"], whole())
    print(table)
    if "--write-docs" in sys.argv[1:]:
        replace_block(ROOT / "docs" / "genogram.md", "duplicate_arcs", table)
