"""Where sibships stand against their parents, on the real pedigrees of the layout benchmark
(issue 10: "sibships often stand far from their parents, and their bars run across other
families"; "each union's drop lands over the middle of its sibship").

``python3 benchmarks/sibship_placement.py [--write-docs]`` draws the kinship2 minnbreast families
of 100+ people and the GEDCOM files of the corpus (``layout_quality.corpus``, read as the
benchmark reads them) and prints, per group:

- sibships: every sibship bar (one union's children in one row);
- drop outside: the union's drop comes down beside its sibship, not over it (more than a unit off
  the first or the last child);
- over another's child: the sibship's bar passes over a child of another union of the same row
  (the bars overlap, staggered: a reader sees children under a bar that is not theirs);
- mean offset: the mean distance from each drop to the middle of its sibship (the ``parent_offset``
  of ``--stats``);
- the three sibships of each group whose drop is furthest from its nearest child.

None of these is a crossing or an svgcheck defect, so the layout_quality table does not show
them. ``--write-docs`` puts the table into docs/genogram.md between its ``sibship_placement``
markers.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BIG = 100


@dataclass
class Placement:
    """The measures of one group of drawings (or of one drawing)."""

    families: int = 0
    sibships: int = 0
    drop_outside: int = 0
    over_other: int = 0
    families_over_other: int = 0
    offsets: float = 0.0
    far: list[tuple[float, str, str]] = field(default_factory=list)  # (distance, family, union)

    def add(self, other: Placement) -> None:
        self.families += other.families
        self.sibships += other.sibships
        self.drop_outside += other.drop_outside
        self.over_other += other.over_other
        self.families_over_other += other.families_over_other
        self.offsets += other.offsets
        self.far = sorted([*self.far, *other.far], reverse=True)[:5]


def measure(layout: Any, name: str = "") -> Placement:
    """The placement measures of one :class:`~socialtools.genogram.placements.GenogramLayout`."""
    out = Placement(families=1)
    by_row: dict[int, list[tuple[float, str]]] = {}
    for s in layout.sibships:
        for c in s.children:
            by_row.setdefault(layout.nodes[c].row, []).append((layout.nodes[c].x, s.union))
    for s in layout.sibships:
        xs = sorted(layout.nodes[c].x for c in s.children)
        drop = s.stem[0][0]
        out.sibships += 1
        out.offsets += abs(drop - (xs[0] + xs[-1]) / 2)
        if drop < xs[0] - 1 or drop > xs[-1] + 1:
            out.drop_outside += 1
            out.far.append((round(min(abs(drop - xs[0]), abs(drop - xs[-1]))), name, s.union))
        x0, x1 = sorted((s.bar[0][0], s.bar[1][0]))
        row = layout.nodes[next(iter(s.children))].row
        out.over_other += any(u != s.union and x0 + 1 < x < x1 - 1 for x, u in by_row.get(row, []))
    out.families_over_other = int(out.over_other > 0)
    out.far = sorted(out.far, reverse=True)[:5]
    return out


def groups() -> dict[str, Placement]:
    sys.path.insert(0, str(Path(__file__).parent))
    import layout_quality as lq

    from socialtools.genogram import Genogram

    out: dict[str, Placement] = {}
    for row in lq.manifest():
        name = row["file"]
        if "minnbreast" in name:
            group = f"kinship2 minnbreast ({BIG}+ people)"
        elif name.endswith(".ged"):
            group = "GEDCOM files"
        else:
            continue
        families, _ = lq.load_file(lq.CORPUS / name)
        for key, family in sorted(families.items()):
            if len(family.people) < BIG and group != "GEDCOM files":
                continue
            label = name.rsplit(".", 1)[0] + (f"#{key}" if len(families) > 1 else "")
            out.setdefault(group, Placement()).add(measure(Genogram(family).layout, label))
    return out


def table(found: dict[str, Placement]) -> str:
    from docs_block import markdown_table

    rows = [[g, p.families, p.sibships, p.drop_outside, p.over_other, p.families_over_other,
             f"{p.offsets / max(p.sibships, 1):.1f}"] for g, p in found.items()]
    text = markdown_table(["families", "n", "sibships", "drop outside its sibship", "bar over another's child",
                           "families with one", "mean offset"], rows)
    far = [[g, n, u, int(d)] for g, p in found.items() for d, n, u in p.far[:3]]
    text += "\n\nDrops furthest from their sibships (units from the drop to the nearest child), per group:\n\n"
    text += markdown_table(["families", "family", "union", "distance"], far)
    return text


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from docs_block import replace_block

    text = table(groups())
    print(text)
    if "--write-docs" in sys.argv[1:]:
        replace_block(ROOT / "docs" / "genogram.md", "sibship_placement", text)
