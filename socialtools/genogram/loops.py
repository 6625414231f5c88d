"""Loops of a pedigree, and the optional way Madeline and the NSGC draw them.

A loop is a union of two blood relatives: a cousin marriage, a marriage after pedigree collapse
(both partners descend from one couple), or a union of a person with their own descendant. By
default everyone is drawn once and the layout brings the two branches together. With
``GenogramOptions(duplicate_loops=True)`` (``--duplicate-loops``) one partner of each such union
(but a union of siblings, who stand side by side anyway) is drawn a second time, as a copy
standing beside the other partner, and a dashed line joins the copy to the original: each branch
then keeps its own place.

>>> from socialtools.genogram.model import Family
>>> family = Family.model_validate({"people": [{"id": p} for p in ("A", "B", "C", "D", "E", "F")],
...     "unions": [{"partners": ["A", "B"], "children": ["C", "D"]},
...                {"partners": ["C"], "children": ["E"]}, {"partners": ["D"], "children": ["F"]},
...                {"partners": ["E", "F"]}]})
>>> loop_unions(family)
['u4']
>>> drawn, copies = with_loop_copies(family)
>>> copies, drawn.unions[3].partners
({'F:2': 'F'}, ['E', 'F:2'])
"""

from __future__ import annotations

from collections import Counter, defaultdict

from socialtools.genogram.model import Family

COPY_SEPARATOR = ":"  # the copy of person X has the id X:2 (X:3, ... when that is taken)
CONSANGUINITY_GENERATIONS = 4  # a common ancestor this close or closer: third cousins at most


def _ancestry(family: Family) -> dict[str, frozenset[str]]:
    """Each person with every biological ancestor in the data (the person included)."""
    parents = _biological_parents(family)
    out: dict[str, frozenset[str]] = {}
    for start in (p.id for p in family.people):
        stack = [start]
        while stack:  # depth first, parents before the child (a cycle in bad data is cut)
            pid = stack[-1]
            todo = [q for q in parents.get(pid, ()) if q not in out and q not in stack]
            if todo:
                stack += todo
                continue
            stack.pop()
            if pid not in out:
                out[pid] = frozenset({pid}).union(*(out.get(q, frozenset({q})) for q in parents.get(pid, ())))
    return out


def _biological_parents(family: Family) -> dict[str, list[str]]:
    parents: dict[str, list[str]] = defaultdict(list)
    for u in family.unions:
        for c in u.children:
            if c.relation == "biological":
                parents[c.id] += u.partners
    return parents


def _near_ancestors(pid: str, parents: dict[str, list[str]], generations: int) -> set[str]:
    """``pid`` and their biological ancestors up to ``generations`` generations up."""
    found, layer = {pid}, [pid]
    for _ in range(generations):
        layer = [q for p in layer for q in parents.get(p, ()) if q not in found]
        found.update(layer)
    return found


def consanguineous_unions(family: Family, generations: int = CONSANGUINITY_GENERATIONS) -> list[str]:
    """Ids of the unions drawn with the double line: those marked ``consanguineous``, and those
    whose partners the data shows to be blood relatives — a common ancestor at most
    ``generations`` generations above each (4: third cousins or closer), or one the other's
    ancestor that close — as kinship2 and pedigreejs find them, so that a cousin marriage read
    from a GEDCOM file (which has no such mark) gets its double line too.

    >>> family = Family.model_validate({"people": [{"id": p} for p in "ABCDEF"], "unions": [
    ...     {"partners": ["A", "B"], "children": ["C", "D"]}, {"partners": ["C"], "children": ["E"]},
    ...     {"partners": ["D"], "children": ["F"]}, {"partners": ["E", "F"]}]})
    >>> consanguineous_unions(family), consanguineous_unions(family, generations=1)
    (['u4'], [])
    """
    parents = _biological_parents(family)
    return [u.id for u in family.unions if u.id is not None and (u.consanguineous or (
        len(u.partners) == 2 and _near_ancestors(u.partners[0], parents, generations)
        & _near_ancestors(u.partners[1], parents, generations)))]


def loop_unions(family: Family) -> list[str]:
    """Ids of the unions whose two partners are blood relatives in the data (a common ancestor,
    or one descends from the other)."""
    ancestry = _ancestry(family)
    return [u.id for u in family.unions if u.id is not None and len(u.partners) == 2
            and ancestry[u.partners[0]] & ancestry[u.partners[1]]]


def copied_unions(family: Family) -> list[str]:
    """The loop unions drawn with a copy: those of partners who are not siblings or half-siblings
    (siblings stand side by side in their sibship, and their union line is short anyway)."""
    parents = _biological_parents(family)
    unions = {u.id: u for u in family.unions}
    return [uid for uid in loop_unions(family)
            if not set(parents[unions[uid].partners[0]]) & set(parents[unions[uid].partners[1]])]


def with_loop_copies(family: Family) -> tuple[Family, dict[str, str]]:
    """``family`` with one partner of each union of :func:`copied_unions` replaced, in that union,
    by a copy of the person, and the copies (copy id → original id). The partner copied is the one
    with fewer unions (the second listed on a tie), so that the original keeps their other unions;
    the copy has no parents, which opens the loop. ``family`` is not changed."""
    loops = set(copied_unions(family))
    if not loops:
        return family, {}
    double = set(consanguineous_unions(family))  # the copy has no parents: keep the double line
    taken = {p.id for p in family.people}
    unions_of = Counter(p for u in family.unions for p in u.partners)
    data = family.model_dump()
    copies: dict[str, str] = {}
    people = {p["id"]: p for p in data["people"]}
    for u in data["unions"]:
        if u["id"] not in loops:
            continue
        a, b = u["partners"]
        who = a if unions_of[a] < unions_of[b] else b
        n = 2
        while f"{who}{COPY_SEPARATOR}{n}" in taken:
            n += 1
        copy = f"{who}{COPY_SEPARATOR}{n}"
        taken.add(copy)
        copies[copy] = who
        # the same person once more; notes are written under the original only
        # (named as the original, even where the original goes by its id)
        data["people"].append({**people[who], "id": copy, "name": people[who].get("name") or who,
                               "index": False, "notes": None})
        u["partners"] = [copy if p == who else p for p in u["partners"]]
        u["consanguineous"] = u["id"] in double
    return Family.model_validate(data), copies


def face_originals(rows: dict[int, list[list[str]]], copies: dict[str, str]) -> dict[int, list[list[str]]]:
    """``rows`` (an order: blocks of partners per row) with each couple that holds a copy turned
    so that the copy stands on the side of its original (on its row, or across the drawing for an
    original on another row), so that the dashed arc between them need not pass the partner's
    own lines. Other blocks are kept as they are; ``rows`` is not changed.

    >>> face_originals({0: [["C1", "C2:2"], ["C3", "C2"]]}, {"C2:2": "C2"})
    {0: [['C1', 'C2:2'], ['C3', 'C2']]}
    >>> face_originals({0: [["C2:2", "C1"], ["C3", "C2"]]}, {"C2:2": "C2"})
    {0: [['C1', 'C2:2'], ['C3', 'C2']]}
    >>> face_originals({0: [["C3", "C2"], ["C2:2", "C1"]]}, {"C2:2": "C2"})[0]
    [['C3', 'C2'], ['C2:2', 'C1']]
    """
    if not copies:
        return rows
    where: dict[str, float] = {}  # each person's place across its row, 0 (left end) to 1 (right end)
    for blocks in rows.values():
        people = [p for block in blocks for p in block]
        for i, p in enumerate(people):
            where[p] = (i + 0.5) / len(people)
    out: dict[int, list[list[str]]] = {}
    for r, blocks in rows.items():
        turned = []
        for block in blocks:
            copy = next((p for p in block if p in copies), None)
            if len(block) == 2 and copy is not None and copies[copy] in where:
                partner = block[1] if block[0] == copy else block[0]
                right = where[copies[copy]] > where[partner]
                block = [partner, copy] if right else [copy, partner]
            turned.append(block)
        out[r] = turned
    return out
