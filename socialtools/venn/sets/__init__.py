"""The set Venn/Euler diagram of 2 or 3 sets: model, layout (to scale when it can be) and renderer.

>>> from socialtools.venn.sets import SetVenn, layout_sets
"""

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.venn.sets.layout import SetLayout, layout_sets
    from socialtools.venn.sets.model import SetVenn
    from socialtools.venn.sets.render import render_sets

__all__ = ["SetLayout", "SetVenn", "layout_sets", "render_sets"]
__getattr__ = lazy_exports(__name__, {
    **dict.fromkeys(["SetLayout", "layout_sets"], "socialtools.venn.sets.layout"),
    "SetVenn": "socialtools.venn.sets.model",
    "render_sets": "socialtools.venn.sets.render",
})
