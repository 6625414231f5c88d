"""Lines crossed by the dashed arc of each person drawn twice (``--duplicate-loops``), on the loop
families of the tests and the docs (``python benchmarks/duplicate_arcs.py [--write-docs]``;
``--write-docs`` puts the table into docs/genogram.md between its ``duplicate_arcs`` markers).

For each copy: the side of its partner it stands on (toward its original or away), whether the
arc is a curve (or a routed line, when no curve was free), the lines of the drawing it crosses
(counted by brute force over every pair of straight pieces), and whether it passes through a
symbol or a label other than its two ends' symbols.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from socialtools.draw.geometry import segment_hits_box, segments_cross
from socialtools.genogram import Genogram

ROOT = Path(__file__).resolve().parents[1]
FAMILIES = ["tests/data/cases/cousin-marriage.yaml", "tests/data/hardcases/pedigree-collapse.yaml",
            "tests/data/hardcases/consanguinity.yaml", "tests/data/hardcases/inbred-lines.yaml",
            "docs/examples/genogram-loop.yaml"]


def rows() -> list[list[object]]:
    """One row per copy: family, copy, side, shape, lines crossed, symbols or labels passed."""
    out: list[list[object]] = []
    for name in FAMILIES:
        genogram = Genogram.from_file(ROOT / name, duplicate_loops=True)
        lay = genogram.layout
        others = [pts for what, pts, _ in lay.lines() if not what.startswith("duplicate")]
        for link in (link for link in lay.extra_links if link.kind == "duplicate"):
            crossed = sum(segments_cross(p, q, a, b) for p, q in itertools.pairwise(link.points)
                          for line in others for a, b in itertools.pairwise(line))
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
    print(table)
    if "--write-docs" in sys.argv[1:]:
        replace_block(ROOT / "docs" / "genogram.md", "duplicate_arcs", table)
