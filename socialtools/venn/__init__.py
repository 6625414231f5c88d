"""Venn diagrams: the institutional (PRA) Venn and the set Venn/Euler diagram.

>>> from socialtools.venn import InstitutionalVenn, SetVenn, VennDiagram
"""

from socialtools.venn.diagram import VennDiagram, venn_from_document
from socialtools.venn.model import Cooperation, Institution, InstitutionalVenn, SetVenn

__all__ = ["Cooperation", "Institution", "InstitutionalVenn", "SetVenn", "VennDiagram", "venn_from_document"]
