"""The shared drawing kit: text measurement, geometry, the clear-spot placer, quality counts, the
diagram contract, line patterns, SVG documents, legends.

Layouts use :mod:`~socialtools.draw.text`, :mod:`~socialtools.draw.geometry` and
:mod:`~socialtools.draw.placer` (no drawing library) and report a :mod:`~socialtools.draw.quality`;
renderers use :mod:`~socialtools.draw.svg`, :mod:`~socialtools.draw.lines` and
:mod:`~socialtools.draw.legend`; every diagram class is a :class:`~socialtools.draw.diagram.Diagram`.

>>> from socialtools.draw import Box, Obstacles, first_clear
"""

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.draw.diagram import Diagram
    from socialtools.draw.geometry import Box, Circle
    from socialtools.draw.placer import Obstacles, first_clear
    from socialtools.draw.quality import Quality
    from socialtools.draw.text import TextBlock, text_width
    from socialtools.draw.theme import Theme

__all__ = ["Box", "Circle", "Diagram", "Obstacles", "Quality", "TextBlock", "Theme", "first_clear", "text_width"]
__getattr__ = lazy_exports(__name__, {
    "Diagram": "socialtools.draw.diagram",
    **dict.fromkeys(["Box", "Circle"], "socialtools.draw.geometry"),
    **dict.fromkeys(["Obstacles", "first_clear"], "socialtools.draw.placer"),
    "Quality": "socialtools.draw.quality",
    **dict.fromkeys(["TextBlock", "text_width"], "socialtools.draw.text"),
    "Theme": "socialtools.draw.theme",
})
