"""socialtools: genograms, ecomaps, Venn diagrams and case-report tables for social work.

>>> from socialtools import Family, Genogram
>>> family = Family.model_validate({
...     "people": [{"id": "K", "sex": "male"}, {"id": "S", "sex": "female"},
...                {"id": "PK", "sex": "female", "index": True}],
...     "unions": [{"partners": ["K", "S"], "children": ["PK"]}],
... })
>>> Genogram(family).to_svg().count("<svg")
1
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

__version__ = "0.1.0"

# Public names, imported lazily so that ``import socialtools`` stays fast.
_EXPORTS = {
    "Family": "socialtools.genogram.model",
    "Person": "socialtools.genogram.model",
    "Union": "socialtools.genogram.model",
    "Genogram": "socialtools.genogram.diagram",
    "GenogramOptions": "socialtools.genogram.diagram",
    "Ecomap": "socialtools.ecomap.model",
    "EcomapDiagram": "socialtools.ecomap.diagram",
    "InputError": "socialtools.errors",
    "SocialToolsError": "socialtools.errors",
}

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.errors import InputError, SocialToolsError
    from socialtools.genogram.diagram import Genogram, GenogramOptions
    from socialtools.genogram.model import Family, Person, Union

__all__ = ["Family", "Genogram", "GenogramOptions", "InputError", "Person", "SocialToolsError", "Union"]


__getattr__ = lazy_exports(__name__, _EXPORTS)
