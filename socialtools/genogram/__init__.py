"""Genograms: family model (:mod:`.model`), layout (:mod:`.layout`), drawing (:mod:`.render`).

>>> from socialtools.genogram import Family, Genogram
"""

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.genogram.compare import GenogramComparison
    from socialtools.genogram.diagram import Genogram, GenogramOptions
    from socialtools.genogram.model import Family, Person, Union

__all__ = ["Family", "Genogram", "GenogramComparison", "GenogramOptions", "Person", "Union"]
__getattr__ = lazy_exports(__name__, {
    "Genogram": "socialtools.genogram.diagram",
    "GenogramComparison": "socialtools.genogram.compare", "GenogramOptions": "socialtools.genogram.diagram",
    "Family": "socialtools.genogram.model", "Person": "socialtools.genogram.model",
    "Union": "socialtools.genogram.model",
})
