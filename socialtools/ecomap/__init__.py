"""Ecomaps (Hartman): model (:mod:`.model`), layout (:mod:`.layout`), drawing (:mod:`.render`).

>>> from socialtools.ecomap import Ecomap, EcomapDiagram
"""

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.ecomap.diagram import EcomapDiagram
    from socialtools.ecomap.model import CATEGORIES, Ecomap, System, Tie, load_ecomap

__all__ = ["CATEGORIES", "Ecomap", "EcomapDiagram", "System", "Tie", "load_ecomap"]
__getattr__ = lazy_exports(__name__, {
    "EcomapDiagram": "socialtools.ecomap.diagram",
    **dict.fromkeys(["CATEGORIES", "Ecomap", "System", "Tie", "load_ecomap"], "socialtools.ecomap.model"),
})
