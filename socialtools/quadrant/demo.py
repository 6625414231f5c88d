"""Demo figure of the strengths quadrant: the PK case.

>>> list(demo_files())
['pk-strengths-quadrant.svg']
"""

from __future__ import annotations

from socialtools.examples import load_example
from socialtools.quadrant.diagram import QuadrantDiagram


def demo_files() -> dict[str, str | bytes]:
    """``pk-strengths-quadrant.svg`` from the ``strengths:`` section of ``pk.yaml``."""
    diagram = QuadrantDiagram.from_document(load_example("pk.yaml"), "pk.yaml")
    return {"pk-strengths-quadrant.svg": diagram.to_svg()}
