"""socialtools: genograms, ecomaps, Venn diagrams and case-report tables for social work.

>>> from socialtools import Family, Genogram
>>> family = Family.model_validate({
...     "people": [{"id": "K", "sex": "male"}, {"id": "S", "sex": "female"},
...                {"id": "PK", "sex": "female", "index": True}],
...     "unions": [{"partners": ["K", "S"], "children": ["PK"]}],
... })
>>> genogram = Genogram(family)
>>> {person: node.row for person, node in genogram.layout.nodes.items()}, genogram.warnings()
({'K': 0, 'S': 0, 'PK': 1}, [])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

__version__ = "0.1.0"

# Public names, imported lazily so that ``import socialtools`` stays fast: the models, one diagram
# class per kind (each keeps the contract of :class:`socialtools.draw.diagram.Diagram`) and the errors.
_EXPORTS = {
    **dict.fromkeys(["Family", "Person", "Union"], "socialtools.genogram.model"),
    **dict.fromkeys(["Genogram", "GenogramOptions"], "socialtools.genogram.diagram"),
    "GenogramComparison": "socialtools.genogram.compare",
    "Ecomap": "socialtools.ecomap.model",
    "EcomapDiagram": "socialtools.ecomap.diagram",
    **dict.fromkeys(["InstitutionalVenn", "Institution", "Cooperation"], "socialtools.venn.institutional.model"),
    "SetVenn": "socialtools.venn.sets.model",
    "VennDiagram": "socialtools.venn.diagram",
    "StrengthsQuadrant": "socialtools.quadrant.model",
    "QuadrantDiagram": "socialtools.quadrant.diagram",
    **dict.fromkeys(["InputError", "MissingDependencyError", "SocialToolsError", "UsageError"], "socialtools.errors"),
}

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.ecomap.diagram import EcomapDiagram
    from socialtools.ecomap.model import Ecomap
    from socialtools.errors import InputError, MissingDependencyError, SocialToolsError, UsageError
    from socialtools.genogram.compare import GenogramComparison
    from socialtools.genogram.diagram import Genogram, GenogramOptions
    from socialtools.genogram.model import Family, Person, Union
    from socialtools.quadrant.diagram import QuadrantDiagram
    from socialtools.quadrant.model import StrengthsQuadrant
    from socialtools.venn.diagram import VennDiagram
    from socialtools.venn.institutional.model import Cooperation, Institution, InstitutionalVenn
    from socialtools.venn.sets.model import SetVenn

__all__ = [
    "Cooperation", "Ecomap", "EcomapDiagram", "Family", "Genogram", "GenogramComparison", "GenogramOptions",
    "InputError", "Institution", "InstitutionalVenn", "MissingDependencyError", "Person", "QuadrantDiagram",
    "SetVenn", "SocialToolsError", "StrengthsQuadrant", "Union", "UsageError", "VennDiagram",
]


__getattr__ = lazy_exports(__name__, _EXPORTS)
