"""Genograms: family model (:mod:`.model`), layout (:mod:`.layout`), drawing (:mod:`.render`).

>>> from socialtools.genogram import Family, Genogram
"""

from socialtools.genogram.diagram import Genogram, GenogramOptions
from socialtools.genogram.model import Family, Person, Union

__all__ = ["Family", "Genogram", "GenogramOptions", "Person", "Union"]
