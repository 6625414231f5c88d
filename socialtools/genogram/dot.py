"""A family as Graphviz DOT: people as nodes, each union as a point between the partners.

The DOT text is for Graphviz users and for other tools (Gephi, yEd, web viewers); the
genogram drawing itself comes from our own layout. Shapes follow genogram habit where
Graphviz has a shape for it: male ``box``, female ``ellipse``, unknown ``diamond``,
pregnancy ``triangle``, losses a small ``point``; the index person has a double border,
the deceased a cross (†) in the label. Partners sit on one rank (``rank=same``) with
their union point between them; children hang below the union point. Child lines are
solid (biological), dashed (adopted), dotted (foster) or bold-dashed (step).

>>> family = Family.model_validate({
...     "people": [{"id": "K", "sex": "L", "birth": 1972}, {"id": "S", "sex": "P"},
...                {"id": "PK", "sex": "P", "index": True}],
...     "unions": [{"partners": ["K", "S"], "start": 1996, "children": ["PK"]}]})
>>> dot = family_to_dot(family)
>>> dot.splitlines()[0]
'digraph genogram {'
>>> '  { rank=same; "K"; "union:u1"; "S"; }' in dot.splitlines()
True
"""

from __future__ import annotations

from socialtools.genogram.model import Family, Person, Union
from socialtools.io.dot_text import attrs as _attrs
from socialtools.io.dot_text import quote

PARTNER_STYLE = {
    "married": "solid", "unregistered": "solid", "divorced": "solid", "separated": "solid", "widowed": "solid",
    "annulled": "solid", "cohabiting": "dashed", "engaged": "dashed", "committed": "dashed",
    "affair": "dotted", "unknown": "dashed",
}
PARTNER_MARK = {"divorced": "//", "separated": "/", "annulled": "//"}
CHILD_STYLE = {"biological": "solid", "adopted": "dashed", "foster": "dotted", "step": "dashed,bold"}
RELATIONSHIP_COLOUR = {
    "close": "#2e7d32", "fused": "#2e7d32", "harmony": "#2e7d32", "distant": "#777777",
    "cutoff": "#777777", "cutoff_repaired": "#777777", "indifferent": "#777777", "spiritual": "#6a1b9a",
    "caretaker": "#1565c0", "focused_on": "#1565c0",
}


def _person_label(person: Person) -> str:
    lines = [person.name or person.display_initials]
    born = person.birth.year if person.birth else None
    died = person.death.year if person.death else None
    if born or died:
        lines.append(f"{born or '?'}–{died or '?'}" if person.deceased else f"{born}")
    elif person.age is not None:
        lines.append(str(person.age))
    if person.deceased:
        lines[0] = "† " + lines[0]
    return "\n".join(lines)


def _person_node(person: Person) -> str:
    if person.kind == "pregnancy":
        shape, width, height = "triangle", None, None
    elif person.kind in ("miscarriage", "abortion"):
        shape, width, height = "point", 0.12, None
    elif person.kind == "pet":
        shape, width, height = "house", None, None
    else:
        shape = {"male": "box", "female": "ellipse"}.get(person.sex, "diamond")
        width, height = None, None
    return f"  {quote(person.id)} " + _attrs(
        shape=shape, label=None if shape == "point" else _person_label(person),
        xlabel=_person_label(person) if shape == "point" else None,
        width=width, height=height, peripheries=2 if person.index else None,
        style="filled" if person.index else None, fillcolor="#f2f2f2" if person.index else None,
    ) + ";"


def _union_label(union: Union) -> str | None:
    start = union.start.year if union.start else None
    end = union.end.year if union.end else None
    mark = PARTNER_MARK.get(union.kind, "")
    years = f"{start or ''}–{end}" if end else (str(start) if start else "")
    text = " ".join(x for x in (mark, years) if x)
    return text or None


def family_to_dot(family: Family, *, relationships: bool = True) -> str:
    """The family as a DOT ``digraph`` (edges undirected in the picture), readable by ``dot``.

    ``relationships`` adds the emotional relationships as coloured edges that do not
    influence the layout (``constraint=false``).
    """
    out = ["digraph genogram {"]
    graph = {"rankdir": "TB", "nodesep": 0.35, "ranksep": 0.55, "fontname": "DejaVu Sans",
             "newrank": "true", "ordering": "out"}
    if family.title:
        graph.update(label=family.title, labelloc="t")
    out.append("  graph " + _attrs(**graph) + ";")
    out.append("  node " + _attrs(fontname="DejaVu Sans", fontsize=10, width=0.6, height=0.45) + ";")
    out.append("  edge " + _attrs(dir="none", fontname="DejaVu Sans", fontsize=9) + ";")
    out.extend(_person_node(p) for p in family.people)
    taken = {p.id for p in family.people}
    for union in family.unions:
        uid = f"union:{union.id}"
        while uid in taken:  # a person may be called anything, even "union:u1"
            uid = "_" + uid
        taken.add(uid)
        out.append(f"  {quote(uid)} " + _attrs(shape="point", width=0.06, label="",
                                                xlabel=_union_label(union)) + ";")
        style = PARTNER_STYLE.get(union.kind, "solid")
        if len(union.partners) == 2:
            left, right = union.partners
            out.append(f"  {quote(left)} -> {quote(uid)} " + _attrs(style=style, weight=10) + ";")
            out.append(f"  {quote(uid)} -> {quote(right)} " + _attrs(style=style, weight=10) + ";")
        else:
            partner = quote(union.partners[0])
            out.append(f"  {partner} -> {quote(uid)} " + _attrs(style=style, weight=10) + ";")
        out.append("  { rank=same; " + "; ".join(quote(x) for x in _rank(union, uid)) + "; }")
        for child in union.children:
            out.append(f"  {quote(uid)} -> {quote(child.id)} "
                       + _attrs(style=CHILD_STYLE.get(child.relation, "solid")) + ";")
    if relationships:
        for rel in family.relationships:
            a, b = rel.between
            out.append(f"  {quote(a)} -> {quote(b)} " + _attrs(
                constraint="false", color=RELATIONSHIP_COLOUR.get(rel.kind, "#c62828"),
                style="dashed" if rel.kind in ("distant", "cutoff", "indifferent") else None,
                dir="forward" if rel.directional else None, label=rel.label or rel.kind.replace("_", " "),
                fontcolor="#555555") + ";")
    out.append("}")
    return "\n".join(out) + "\n"


def _rank(union: Union, uid: str) -> list[str]:
    if len(union.partners) == 2:
        return [union.partners[0], uid, union.partners[1]]
    return [union.partners[0], uid]
