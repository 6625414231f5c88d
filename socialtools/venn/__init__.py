"""Venn diagrams: the institutional (PRA) Venn (:mod:`.institutional`) and the set Venn/Euler diagram
(:mod:`.sets`), siblings with a model, a layout and a renderer each, over shared geometry, style and
drawing; :mod:`.diagram` holds the one diagram object for both.

>>> from socialtools.venn import InstitutionalVenn, SetVenn, VennDiagram
"""

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.venn.diagram import VennDiagram, venn_from_document
    from socialtools.venn.institutional.model import Cooperation, Institution, InstitutionalVenn
    from socialtools.venn.sets.model import SetVenn

__all__ = ["Cooperation", "Institution", "InstitutionalVenn", "SetVenn", "VennDiagram", "venn_from_document"]
__getattr__ = lazy_exports(__name__, {
    **dict.fromkeys(["VennDiagram", "venn_from_document"], "socialtools.venn.diagram"),
    **dict.fromkeys(["Cooperation", "Institution", "InstitutionalVenn"], "socialtools.venn.institutional.model"),
    "SetVenn": "socialtools.venn.sets.model",
})
