"""An ecomap as Graphviz DOT: the focal circle in the middle, systems around it, ties as edges.

Meant for Graphviz users and other graph tools (``neato`` or ``circo`` place it radially);
our own drawing is :class:`~socialtools.ecomap.diagram.EcomapDiagram`. Ties keep Hartman's
meaning in DOT terms: thicker for stronger, dashed for weak, a red tapered line for stress,
dotted with ``//`` for a cut-off; arrowheads follow the flow of energy or resources.

>>> from socialtools.ecomap.model import Ecomap
>>> eco = Ecomap.model_validate({"focal": {"label": "PK"},
...     "systems": [{"id": "peers", "name": "Teman", "category": "friends"}],
...     "ties": [{"system": "peers", "strength": "strong", "flow": "both"}]})
>>> text = ecomap_to_dot(eco)
>>> text.splitlines()[0], '"peers" -- "focal"' in text
('graph ecomap {', True)
"""

from __future__ import annotations

from socialtools.ecomap.model import FOCAL, Ecomap, Tie
from socialtools.io.dot_text import attrs, quote

DIRECTION = {"none": "none", "to_focal": "forward", "from_focal": "back", "both": "both"}


def _tie(tie: Tie, target: str) -> str:
    width = {"strong": 1.5 + tie.level, "moderate": 1.5, "weak": 1.0, "tenuous": 1.0}.get(tie.strength, 1.5)
    style = {"weak": "dashed", "tenuous": "dotted"}.get(tie.strength, "solid")
    colour = "#222222"
    label = tie.label or ""
    if tie.has("stressful"):
        colour = "#c0392b"
        style = "tapered" if style == "solid" else style
    if tie.has("conflictual"):
        colour, style = "#c0392b", "bold" if style in ("solid", "tapered") else style
    if tie.has("broken"):
        label = (label + " //").strip()
        style = "dotted" if style == "solid" else style
    if tie.sign:
        label = f"{label} {tie.sign}".strip()
    return f"  {quote(tie.system)} -- {quote(target)} " + attrs(
        penwidth=width, style=style, color=colour, dir=DIRECTION.get(tie.flow, "none"),
        label=label or None, fontname="DejaVu Sans", fontsize=9) + ";"


def ecomap_to_dot(ecomap: Ecomap) -> str:
    """The ecomap as an undirected DOT graph (arrowheads drawn with ``dir`` where energy flows)."""
    out = ["graph ecomap {", "  graph " + attrs(layout="neato", overlap="false", splines="true",
                                                 label=ecomap.title, labelloc="t", fontname="DejaVu Sans") + ";"]
    out.append("  node " + attrs(shape="circle", style="filled", fontname="DejaVu Sans", fontsize=10) + ";")
    focal_label = ecomap.focal.label or ", ".join(ecomap.focal.members) or "Klien"
    out.append(f"  {quote(FOCAL)} " + attrs(label=focal_label, fillcolor="#fdf6e3", penwidth=2, pos="0,0!") + ";")
    tied = {tie.target for tie in ecomap.ties}
    for member in (m for m in ecomap.focal.members if m in tied):
        out.append(f"  {quote(member)} " + attrs(shape="box", style="rounded", width=0.3, height=0.3) + ";")
        out.append(f"  {quote(member)} -- {quote(FOCAL)} " + attrs(style="invis", len=0.4) + ";")
    for system in ecomap.systems:
        out.append(f"  {quote(system.id)} " + attrs(label=system.label, fillcolor=system.colour + "33",
                                                     color=system.colour, penwidth=1.5) + ";")
    for tie in ecomap.ties:
        out.append(_tie(tie, tie.target))
    out.append("}")
    return "\n".join(out) + "\n"
