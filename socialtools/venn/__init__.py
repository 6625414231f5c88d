"""Venn diagrams: the institutional (PRA) Venn and the set Venn/Euler diagram.

>>> from socialtools.venn import InstitutionalVenn, SetVenn, VennDiagram
"""

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.venn.diagram import VennDiagram, venn_from_document
    from socialtools.venn.model import Cooperation, Institution, InstitutionalVenn, SetVenn

__all__ = ["Cooperation", "Institution", "InstitutionalVenn", "SetVenn", "VennDiagram", "venn_from_document"]
__getattr__ = lazy_exports(__name__, {
    **dict.fromkeys(["VennDiagram", "venn_from_document"], "socialtools.venn.diagram"),
    **dict.fromkeys(["Cooperation", "Institution", "InstitutionalVenn", "SetVenn"], "socialtools.venn.model"),
})
