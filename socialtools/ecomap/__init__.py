"""Ecomaps (Hartman): model (:mod:`.model`), layout (:mod:`.layout`), drawing (:mod:`.render`).

>>> from socialtools.ecomap import Ecomap, EcomapDiagram
"""

from socialtools.ecomap.diagram import EcomapDiagram
from socialtools.ecomap.model import CATEGORIES, Ecomap, System, Tie, load_ecomap

__all__ = ["CATEGORIES", "Ecomap", "EcomapDiagram", "System", "Tie", "load_ecomap"]
