"""The institutional (PRA "chapati") Venn: model, layout, renderer and companion table.

>>> from socialtools.venn.institutional import InstitutionalVenn, layout_institutional
"""

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.venn.institutional.layout import InstitutionalLayout, layout_institutional
    from socialtools.venn.institutional.model import Cooperation, Institution, InstitutionalVenn
    from socialtools.venn.institutional.render import render_institutional
    from socialtools.venn.institutional.table import CompanionTable, companion_table

__all__ = ["CompanionTable", "Cooperation", "Institution", "InstitutionalLayout", "InstitutionalVenn",
           "companion_table", "layout_institutional", "render_institutional"]
__getattr__ = lazy_exports(__name__, {
    **dict.fromkeys(["InstitutionalLayout", "layout_institutional"], "socialtools.venn.institutional.layout"),
    **dict.fromkeys(["Cooperation", "Institution", "InstitutionalVenn"], "socialtools.venn.institutional.model"),
    "render_institutional": "socialtools.venn.institutional.render",
    **dict.fromkeys(["CompanionTable", "companion_table"], "socialtools.venn.institutional.table"),
})
