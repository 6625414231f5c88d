"""The strengths quadrant (kuadran kekuatan): personal strengths and limitations, environmental
resources and obstacles, in four cells around the client.

>>> from socialtools.quadrant import QuadrantDiagram, StrengthsQuadrant
>>> QuadrantDiagram(StrengthsQuadrant(client="PK", personal_strengths=["jujur"])).to_svg().count(">jujur<")
1
"""

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.quadrant.diagram import QuadrantDiagram, quadrant_from_document
    from socialtools.quadrant.model import StrengthsQuadrant

__all__ = ["QuadrantDiagram", "StrengthsQuadrant", "quadrant_from_document"]
__getattr__ = lazy_exports(__name__, {
    **dict.fromkeys(["QuadrantDiagram", "quadrant_from_document"], "socialtools.quadrant.diagram"),
    "StrengthsQuadrant": "socialtools.quadrant.model",
})
