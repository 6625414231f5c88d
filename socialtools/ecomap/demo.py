"""Demo figures of the ecomap: the PK ecomap (Gambar 4.2) and its before/after pair.

>>> sorted(demo_files())
['pk-ecomap-before-after.svg', 'pk-ecomap.svg']
"""

from __future__ import annotations

from socialtools.ecomap.diagram import EcomapDiagram
from socialtools.examples import load_example


def demo_files() -> dict[str, str | bytes]:
    document = load_example("pk.yaml")
    return {
        "pk-ecomap.svg": EcomapDiagram.from_document(document).to_svg(),
        "pk-ecomap-before-after.svg": EcomapDiagram.from_document(document, compare=True).to_svg(),
    }
