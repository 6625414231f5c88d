"""Demo figures of the Venn package: the invented village's institutional Venn and a set Venn.

>>> sorted(demo_files())
['village-bansos-venn.svg', 'village-venn.md', 'village-venn.svg']
"""

from __future__ import annotations

from socialtools.examples import load_example
from socialtools.venn.diagram import VennDiagram


def demo_files() -> dict[str, str | bytes]:
    """``village-venn.svg`` (+ its companion table as Markdown) and ``village-bansos-venn.svg``."""
    village = VennDiagram.from_document(load_example("village.yaml"), source="village.yaml")
    bansos = VennDiagram.from_document(load_example("village-bansos.yaml"), source="village-bansos.yaml")
    return {
        "village-venn.svg": village.to_svg(),
        "village-venn.md": village.table().to_markdown() + "\n",
        "village-bansos-venn.svg": bansos.to_svg(),
    }
