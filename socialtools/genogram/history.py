"""The family through time: the family as it was in a given year, and what changed between two years.

A genogram is read as a history. :func:`family_as_of` keeps the people born by then, with
their ages then; deaths, unions (by their events), households and emotional relationships
(by their start and end years, where given) in their state at that time.
:func:`family_changes` lists what changed between two years.

>>> f = Family.model_validate({"people": [
...     {"id": "A", "sex": "male", "birth": 1940, "death": 2015}, {"id": "B", "sex": "female", "birth": 1944},
...     {"id": "C", "birth": 1970}, {"id": "D", "birth": 2012}],
...     "unions": [{"partners": ["A", "B"], "events": [{"married": 1965}, {"widowed": 2015}],
...                 "children": ["C", "D"]}]})
>>> then = family_as_of(f, 2010)
>>> [p.id for p in then.people], then.person("A").deceased, then.unions[0].kind
(['A', 'B', 'C'], False, 'married')
>>> [c.what for c in family_changes(f, 2010, 2024)]
['born', 'died', 'union']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from socialtools.dates import year_of
from socialtools.genogram.model import LOSSES, Family


def _born_by(person: dict[str, Any], year: int) -> bool:
    birth = person.get("birth")
    if birth is None and person.get("kind") in LOSSES:
        birth = person.get("death")  # a pregnancy loss is dated by its one date
    born = year_of(birth)
    if born is not None and person.get("kind") == "pregnancy":
        return born <= year + 1  # a pregnancy is dated by the birth expected: it is there the year before
    return born is None or born <= year


def family_as_of(family: Family, year: int, *, joined_later: bool = False) -> Family:
    """The family as it was in ``year`` (a new family; ``family`` is not changed).

    People born after ``year`` are left out (and a child of a union that began after it, and
    someone who joined the family only through such a union, unless ``joined_later``);
    a death after ``year`` is undone; a condition that began later (its ``start``, or the age
    at diagnosis) is left out; a union keeps the events up to ``year``; households and
    relationships that began later or had ended are left out (a household without a start year,
    until every member born by then is in the family); a member who had died by then is out of the
    household (see :func:`living_households`). Ages are computed for ``year``.
    """
    data = family.model_dump()
    unions_later = {u["id"] for u, model in zip(data["unions"], family.unions, strict=True)
                    if model.start is not None and model.start.year > year}
    later_children = {c["id"] for u in data["unions"] if u["id"] in unions_later for c in u["children"]}
    dated_children = {p["id"] for p in data["people"] if p.get("birth") is not None}
    later = set() if joined_later else _joined_later(family, data, unions_later, year)
    keep: set[str] = set()
    people = []
    shift = family.reference_date().year - year  # an age given without a birth year is an age then
    for p in data["people"]:
        if not _born_by(p, year) or (p["id"] in later_children and p["id"] not in dated_children):
            continue
        if p["id"] in later:
            continue
        if p.get("birth") is None and p.get("age") is not None and not p.get("deceased"):
            if p["age"] - shift < 0:
                continue  # not born yet
            p["age"] -= shift
        model = family.person(p["id"])
        p["conditions"] = [c for c, cm in zip(p["conditions"], model.conditions, strict=True)
                           if cm.began_by(year, model.birth)]
        death = year_of(p.get("death"))
        if death is not None and death > year:
            p["death"], p["deceased"] = None, False
        keep.add(p["id"])
        people.append(p)
    unions = []
    for u, model in zip(data["unions"], family.unions, strict=True):
        if u["id"] in unions_later or not all(pid in keep for pid in u["partners"]):
            continue
        u["children"] = [c for c in u["children"] if c["id"] in keep]
        kind = model.kind_at(year)
        u["kind"] = kind or model.kind
        u["events"] = [e for e in u["events"] if (when := year_of(e["year"])) is not None and when <= year]
        end = year_of(u.get("end"))
        if end is not None and end > year:
            u["end"] = None
        unions.append(u)
    relationships = [r for r, model in zip(data["relationships"], family.relationships, strict=True)
                     if model.active_in(year) and all(pid in keep for pid in r["between"])]
    households = []
    born = {p["id"] for p in data["people"] if _born_by(p, year)}
    dead = {p["id"] for p in people if p.get("deceased")}  # deaths after the year are undone above
    for h, model in zip(data["households"], family.households, strict=True):
        members = [m for m in h["members"] if m in keep and m not in dead]
        # a household without a start year is formed once every member born by then is in the family
        # (a partner who married in later leaves it out until then; a child not yet born does not)
        forming = model.start is None and any(m in born and m not in keep for m in h["members"])
        if model.active_in(year) and members and not forming:
            households.append({**h, "members": members})
    # the family's own year keeps its full date (ages for 2024-08-01, not for 2024)
    as_of = data["as_of"] if family.as_of is not None and family.as_of.year == year else year
    data.update(people=people, unions=unions, relationships=relationships, households=households, as_of=as_of)
    return Family.model_validate(data)


def _joined_later(family: Family, data: dict[str, Any], unions_later: set[str], year: int) -> set[str]:
    """The people who joined the family only after ``year``: those linked to the index person's
    part of the family (or, without one, its largest part) only through a union that began later —
    an in-law who married in later, with their own parents and siblings — so that they are not
    drawn as unconnected strangers before. Links in ``year``: a union begun by then (its partners
    and children), a parent and their child born by then, a relationship then. A part of the family
    that is never linked to the rest (two families in one file) is kept."""
    if not unions_later:
        return set()
    born = {p["id"] for p in data["people"] if _born_by(p, year)}
    parent = {pid: pid for pid in born}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(ids: list[str]) -> None:
        ids = [i for i in ids if i in parent]
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])

    whole = {pid: pid for pid in born}  # the same, over every union whatever its year

    def whole_root(x: str) -> str:
        while whole[x] != x:
            whole[x] = whole[whole[x]]
            x = whole[x]
        return x

    for u in data["unions"]:
        ids = [*u["partners"], *(c["id"] for c in u["children"])]
        if u["id"] not in unions_later:
            join(ids)
        else:  # a child born before the union began is still its parents' child
            for c in u["children"]:
                if c["id"] in parent:
                    join([*u["partners"], c["id"]])
        members = [i for i in ids if i in whole]
        for other in members[1:]:
            whole[whole_root(other)] = whole_root(members[0])
    for r in family.relationships:
        if r.active_in(year):
            join(list(r.between))
    sizes: dict[str, int] = {}
    for pid in born:
        sizes[root(pid)] = sizes.get(root(pid), 0) + 1
    index = next((p["id"] for p in data["people"] if p.get("index") and p["id"] in born), None)
    if index is None:
        if not sizes:
            return set()
        order = {p["id"]: i for i, p in enumerate(data["people"])}
        index = min(born, key=lambda pid: (-sizes[root(pid)], order[pid]))
    main, main_whole = root(index), whole_root(index)
    return {pid for pid in born if root(pid) != main and whole_root(pid) == main_whole}


def family_at_its_date(family: Family) -> Family:
    """The family as its own ``as_of`` describes it, as ``--as-of`` that year draws it: a
    relationship or household that had ended by then (or had not begun) is left out, and so is
    anything dated later, but nobody who joined the family through a union dated later. Without
    ``as_of`` the family as it is, but for the dead, who are out of their households
    (:func:`living_households`).

    >>> f = Family.model_validate({"as_of": 2024, "people": [{"id": "A"}, {"id": "B"}], "relationships": [
    ...     {"between": ["A", "B"], "kind": "caretaker", "start": 2003, "end": 2019}]})
    >>> len(f.relationships), len(family_at_its_date(f).relationships), str(family_at_its_date(f).as_of)
    (1, 0, '2024')
    """
    if family.as_of is None:
        return living_households(family)
    # a union the file dates after its own as_of is a slip in the file, not a history: nobody it
    # joins is dropped for it
    return family_as_of(family, family.as_of.year, joined_later=True)


def living_households(family: Family) -> Family:
    """The family with each household holding only its living members: a household outline reads
    as "lives here now", so someone who has died is out of it from their death on (a household
    all of whose members have died is not drawn). ``family`` itself is returned when no household
    holds anyone who has died.

    >>> f = Family.model_validate({"people": [{"id": "A", "death": 2019}, {"id": "B"}, {"id": "C", "deceased": True}],
    ...     "households": [{"label": "Rumah B", "members": ["A", "B"]}, {"members": ["C"]}]})
    >>> [(h.label, h.members) for h in living_households(f).households]
    [('Rumah B', ['B'])]
    """
    dead = {p.id for p in family.people if p.deceased}
    if not any(dead.intersection(h.members) for h in family.households):
        return family
    data = family.model_dump()
    households = [{**h, "members": [m for m in h["members"] if m not in dead]} for h in data["households"]]
    data["households"] = [h for h in households if h["members"]]
    return Family.model_validate(data)


def as_of_warnings(family: Family, year: int) -> list[str]:
    """What ``--as-of`` cannot date: people without a birth year are drawn in every year.

    >>> as_of_warnings(Family.model_validate({"people": [{"id": "A"}, {"id": "B", "birth": 1990}]}), 2000)
    ['1 person without a birth year (A) is drawn as if born by 2000']
    """
    kept = {p.id for p in family_as_of(family, year).people}
    undated = [p.id for p in family.people if p.birth is None and p.age is None
               and not (p.kind in LOSSES and p.death) and p.id in kept]
    if not undated:
        return []
    who = ", ".join(undated[:5]) + (", ..." if len(undated) > 5 else "")
    if len(undated) == 1:
        return [f"1 person without a birth year ({who}) is drawn as if born by {year}"]
    return [f"{len(undated)} people without a birth year ({who}) are drawn as if born by {year}"]


@dataclass(frozen=True)
class Change:
    """One change between two years: ``what`` (born, died, condition, union, relationship, household,
    relationship_ended, household_ended) and the ids it concerns."""

    what: str
    ids: tuple[str, ...]
    detail: str = ""


def family_changes(family: Family, before: int, after: int) -> list[Change]:
    """What changed in ``family`` from ``before`` to ``after``: births, deaths, conditions that
    began, union events, relationships and households that began or ended (in that order)."""
    a, b = family_as_of(family, before), family_as_of(family, after)
    old = {p.id: p for p in a.people}
    out: list[Change] = []
    # someone who joined the family (married in) is no birth: the union that brought them is listed
    out += [Change("born", (p.id,)) for p in b.people if p.id not in old
            and not _born_by(family.person(p.id).model_dump(), before)]
    out += [Change("died", (p.id,)) for p in b.people if p.deceased and p.id in old and not old[p.id].deceased]
    out += [Change("condition", (p.id,), c.name) for p in b.people if p.id in old
            for c in p.conditions if c.name not in {d.name for d in old[p.id].conditions}]
    old_unions = {u.id: u for u in a.unions}
    for u in b.unions:
        was = old_unions.get(u.id)
        if was is None or was.kind != u.kind or len(was.history) != len(u.history):
            events = [e for e in u.history if e.year.year > before]
            detail = ", ".join(f"{e.kind} {e.year.year}" for e in events) or u.kind
            out.append(Change("union", tuple(u.partners), detail))
    key = {(tuple(r.between), r.kind) for r in a.relationships}
    new_key = {(tuple(r.between), r.kind) for r in b.relationships}
    out += [Change("relationship", tuple(r.between), r.kind) for r in b.relationships
            if (tuple(r.between), r.kind) not in key]
    out += [Change("relationship_ended", tuple(r.between), r.kind) for r in a.relationships
            if (tuple(r.between), r.kind) not in new_key]
    old_h = {h.id: h for h in a.households}
    new_h = {h.id: h for h in b.households}
    out += [Change("household", tuple(h.members), h.label or "") for h in b.households
            if h.id not in old_h or old_h[h.id].members != h.members]
    out += [Change("household_ended", tuple(h.members), h.label or "") for h in a.households if h.id not in new_h]
    return out
