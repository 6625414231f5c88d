"""What each family file format keeps, and what a conversion leaves out: nothing is lost silently.

:data:`KEEPS` lists, per output format, the parts of a :class:`Family` it holds;
:func:`left_out` counts the rest in words ("3 emotional relationships, 1 household") and
:func:`reduced` gives the family as the format will give it back (the round-trip tests
check ``read(write(family)) == reduced(family)``).

>>> from socialtools.genogram.model import Family
>>> family = Family.model_validate({"people": [{"id": "A", "name": "Budi", "sex": "L"}, {"id": "B", "sex": "P"}],
...     "relationships": [{"between": ["A", "B"], "kind": "conflict"}], "households": [{"members": ["A", "B"]}]})
>>> left_out(family, "ped")
['1 emotional relationship', '1 household', '1 name']
>>> left_out(family, "yaml")
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from socialtools.dates import year_of
from socialtools.genogram.model import Family, Union

_DETAILS = ("role", "notes", "ethnicity", "place", "gender", "address", "phone")
_LIFE = ("occupation", "education", "religion", "birthplace")
_LOSSES = ("miscarriage", "abortion", "stillbirth")
CANRISK_CANCERS = ("breast cancer", "contralateral breast cancer", "ovarian cancer", "prostate cancer",
                   "pancreatic cancer")


def _cancer(name: str) -> bool:
    return name.strip().lower() in CANRISK_CANCERS


def _count(family: Family) -> dict[str, int]:
    people, unions = family.people, family.unions
    children = [c for u in unions for c in u.children]
    return {
        "relationships": len(family.relationships),
        "households": len(family.households),
        "names": sum(1 for p in people if p.name),
        "initials": sum(1 for p in people if p.initials),
        "birth dates": sum(1 for p in people if p.birth),
        "birth months and days": sum(1 for p in people if p.birth and p.birth.month),
        "death dates": sum(1 for p in people if p.death),
        "ages": sum(1 for p in people if p.age is not None),
        "conditions": sum(len(p.conditions) for p in people),
        "condition names": sum(1 for p in people for c in p.conditions if c.name != "affected"),
        "other conditions": sum(1 for p in people for c in p.conditions if not _cancer(c.name)),
        "condition kinds": sum(1 for p in people for c in p.conditions
                               if c.kind != "medical" or c.status != "confirmed"),
        "condition start years": sum(1 for p in people for c in p.conditions if c.start is not None),
        "index person": sum(1 for p in people if p.index),
        "adoptive, foster and step links": sum(1 for c in children if c.relation != "biological"),
        "twins": sum(1 for c in children if c.twin),
        "unions without children": sum(1 for u in unions if not u.children),
        # a kind nobody wrote (the default) is none to leave out, nor is the kind of a one-partner union
        "union kinds and dates": sum(1 for u in unions if (u.kind != "unknown" and "kind" in u.model_fields_set
                                                           and len(u.partners) == 2)
                                     or u.start or u.end or u.consanguineous or u.notes),
        "union notes": sum(1 for u in unions if u.notes),
        "occupations, education, religion, birthplaces": sum(1 for p in people if any(getattr(p, k) for k in _LIFE)),
        "roles, notes and other personal details": sum(1 for p in people if any(getattr(p, k) for k in _DETAILS)),
        "pregnancy losses": sum(1 for p in people if p.kind in _LOSSES),
        "pregnancies, losses and pets": sum(1 for p in people if p.kind not in ("person", *_LOSSES)
                                            or p.gestation_weeks or p.count),
        "title of the genogram": int(bool(family.title)),
        "date of the genogram": int(bool(family.as_of)),
        "one-parent links": sum(1 for u in unions if sum(p is not None for p in pedigree_roles(family, u)) == 1
                                for c in u.children if c.relation == "biological"),
        "same-sex second parents": sum(1 for u in unions if u.children and len(u.partners) == 2
                                       and None in pedigree_roles(family, u)),
    }


#: words for one of each part (the plural is the key)
SINGULAR = {
    "relationships": "emotional relationship", "households": "household", "names": "name",
    "birth dates": "birth date", "death dates": "death date", "ages": "age", "conditions": "condition",
    "condition names": "condition name", "other conditions": "condition other than the five CanRisk cancers",
    "condition kinds": "condition kind or status", "condition start years": "condition start year",
    "adoptive, foster and step links": "adoptive, foster or step link",
    "twins": "twin", "unions without children": "union without children",
    "union kinds and dates": "union kind or date", "union notes": "union note",
    "occupations, education, religion, birthplaces": "occupation, education, religion or birthplace",
    "roles, notes and other personal details": "role, note or other personal detail",
    "pregnancy losses": "pregnancy loss",
    "pregnancies, losses and pets": "pregnancy, loss or pet", "birth months and days": "birth month and day",
    "same-sex second parents": "same-sex second parent", "one-parent links": "one-parent link",
}
PLURAL = {"occupations, education, religion, birthplaces": "people's occupation, education, religion or birthplace",
          "roles, notes and other personal details": "people's role, notes or other personal details",
          "relationships": "emotional relationships", "other conditions": "conditions other than the five "
          "CanRisk cancers", "condition kinds": "condition kinds or statuses"}
ALL = frozenset(_count(Family()))
_PEDIGREE_CORE = {"names", "birth dates", "death dates", "ages", "index person", "twins"}
#: the parts every format but CanRisk (both parents or none) keeps
_LINKS = {"one-parent links"}
#: the parts of a family each output format holds
KEEPS: dict[str, frozenset[str]] = {
    "yaml": ALL,
    "json": ALL,
    "gedcom": frozenset({*_LINKS, "same-sex second parents", "names", "union notes", "pregnancies, losses and pets",
                         "pregnancy losses",
                         "title of the genogram",
                         "initials", "birth dates", "birth months and days", "death dates",
                         "adoptive, foster and step links", "unions without children", "union kinds and dates",
                         "occupations, education, religion, birthplaces"}),
    "ped": frozenset({*_LINKS, "conditions", "other conditions"}),  # an 'affected' column
    "canrisk": frozenset(_PEDIGREE_CORE | {"conditions"}),
    "pedigreejs": frozenset(_PEDIGREE_CORE | _LINKS | {"conditions", "other conditions", "condition names",
                                                       "pregnancy losses"}),
    "fhir": frozenset({*_LINKS, "same-sex second parents",
                       "names", "birth dates", "birth months and days", "death dates", "ages", "conditions",
                       "other conditions", "condition names", "index person", "adoptive, foster and step links"}),
    "dot": frozenset({*_LINKS, "same-sex second parents",
                      "names", "relationships", "adoptive, foster and step links", "unions without children",
                      "index person"}),
}
KEEPS["gedcom7"] = KEEPS["gedcom"]


def left_out(family: Family, fmt: str) -> list[str]:
    """What ``fmt`` cannot hold of ``family``, in words, one item per kind of thing."""
    keeps = KEEPS[fmt]
    out = []
    for part, n in _count(family).items():
        if n and part not in keeps and not _implied(part, keeps):
            out.append(f"{n} {SINGULAR.get(part, part) if n == 1 else PLURAL.get(part, part)}")
    return out


def _implied(part: str, keeps: frozenset[str]) -> bool:
    """A part that is left out only when its whole is kept (no 'condition names' once 'conditions' is out)."""
    whole = {"condition names": "conditions", "other conditions": "conditions", "condition kinds": "conditions",
             "birth months and days": "birth dates", "union notes": "union kinds and dates"}.get(part)
    return whole is not None and whole not in keeps


def biological_parents(family: Family) -> dict[str, tuple[str | None, str | None]]:
    """child → (father, mother) of the first biological union of each child, by the roles a
    pedigree table gives them (see :func:`pedigree_roles`)."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for union in family.unions:
        father, mother = pedigree_roles(family, union)
        for child in union.children:
            if child.relation == "biological" and child.id not in out:
                out[child.id] = (father, mother)
    return out


def pedigree_roles(family: Family, union: Union) -> tuple[str | None, str | None]:
    """(father, mother) of a union for a pedigree table: the man and the woman; a partner of
    unknown sex takes the role that is free; of two partners of one sex, only the first."""
    father = mother = None
    rest = []
    for pid in union.partners:
        sex = family.person(pid).sex
        if sex == "male" and father is None:
            father = pid
        elif sex == "female" and mother is None:
            mother = pid
        elif sex == "unknown":
            rest.append(pid)
    for pid in rest:
        if father is None:
            father = pid
        elif mother is None:
            mother = pid
    return father, mother


def ids_for(family: Family, width: int) -> dict[str, str]:
    """Ids as they are when they are short letters and digits, else numbered ``P1``, ``P2``, ..."""
    ok = re.compile(rf"^[A-Za-z0-9_]{{1,{width}}}$")
    taken = {p.id for p in family.people if ok.match(p.id)}
    out, n = {}, 0
    for person in family.people:
        if person.id in taken:
            out[person.id] = person.id
            continue
        n += 1
        while f"P{n}" in taken:
            n += 1
        out[person.id] = f"P{n}"
        taken.add(f"P{n}")
    return out


# -- what a format gives back (for the round-trip tests and for callers who want to know) ----------------
def reduced(family: Family, fmt: str) -> Family:
    """``family`` as ``fmt`` gives it back after writing and reading."""
    return _REDUCERS.get(fmt, lambda f: f)(family.model_copy(deep=True))


def _people_only(data: dict[str, Any], keep: set[str]) -> None:
    for person in data["people"]:
        for key in list(person):
            if key not in keep:
                del person[key]


def _pedigree_unions(family: Family, data: dict[str, Any], relations: bool, twins: bool) -> None:
    """Unions as a pedigree table gives them back: one per couple with children, kind unknown."""
    unions: dict[tuple[str | None, str | None], dict[str, Any]] = {}
    sexes = {p["id"]: p for p in data["people"]}
    for union in family.unions:
        father, mother = pedigree_roles(family, union)
        for child in union.children:
            if child.relation != "biological" and not relations:
                continue
            key = (father, mother)
            entry = unions.setdefault(key, {"partners": [p for p in key if p], "kind": "unknown", "children": []})
            link: dict[str, Any] = {"id": child.id}
            if child.relation != "biological":
                link["relation"] = child.relation
            if twins and child.twin:
                link.update({"twin": child.twin, "identical": child.identical})
            entry["children"].append(link)
        for pid, role in ((father, "male"), (mother, "female")):
            if pid and sexes[pid].get("sex", "unknown") == "unknown" and any(
                    c.relation == "biological" or relations for c in union.children):
                sexes[pid]["sex"] = role
    data["unions"] = [u for u in unions.values() if u["children"]]


def _dump(family: Family) -> dict[str, Any]:
    return family.model_dump(mode="json", exclude_defaults=True, exclude_none=True)


def _ped(family: Family) -> Family:
    data = _dump(family)
    _people_only(data, {"id", "sex", "deceased", "conditions", "death"})
    for person in data["people"]:
        if person.pop("death", None) is not None:
            person["deceased"] = True
        if person.get("conditions"):
            person["conditions"] = [{"name": "affected"}]
    _pedigree_unions(family, data, relations=False, twins=False)
    return Family.model_validate({"people": data["people"], "unions": data["unions"]})


def _year_only(person: dict[str, Any]) -> None:
    if "birth" in person:
        person["birth"] = year_of(person["birth"])


def _canrisk(family: Family) -> Family:
    data = _dump(family)
    _people_only(data, {"id", "sex", "name", "initials", "deceased", "death", "index", "age", "birth",
                        "conditions"})
    first_index = next((p.id for p in family.people if p.index), None)
    for person in data["people"]:
        name = "".join(ch for ch in (person.pop("name", None) or person.pop("initials", None) or "")
                       if ch.isalnum())[:8]
        person.pop("initials", None)
        if name and name != "NA":
            person["name"] = name
        if person.pop("death", None) is not None:
            person["deceased"] = True
        _year_only(person)
        if "birth" in person:
            person.pop("age", None)
        if person.get("index") and person["id"] != first_index:
            del person["index"]
        conditions = [c for c in person.get("conditions", []) if _cancer(c["name"])]
        person.pop("conditions", None)
        if conditions:
            person["conditions"] = [{"name": c["name"].strip().lower(), **({"age": c["age"]} if "age" in c else {})}
                                    for c in conditions]
    _pedigree_unions(family, data, relations=False, twins=True)
    for union in data["unions"]:
        for child in union["children"]:
            if child.get("twin") and child.get("identical"):
                child["twin"] = "".join(ch for ch in child["twin"] if ch.isalnum())[:1] or "1"
            else:
                child.pop("twin", None)
                child.pop("identical", None)
    data["unions"] = [u for u in data["unions"] if len(u["partners"]) == 2]  # CanRisk needs both parents
    return Family.model_validate({"people": data["people"], "unions": data["unions"]})


def _pedigreejs(family: Family) -> Family:
    data = _dump(family)
    _people_only(data, {"id", "sex", "name", "deceased", "death", "index", "age", "birth", "conditions", "kind"})
    for person in data["people"]:
        if person.get("kind") not in _LOSSES:  # miscarriage, stillbirth, termination are flags of pedigreejs
            person.pop("kind", None)
        if person.pop("death", None) is not None:
            person["deceased"] = True
        _year_only(person)
        if "birth" in person:
            person.pop("age", None)
        if person.get("conditions"):
            person["conditions"] = [{"name": re.sub(r"\W+", "_", c["name"].strip()).replace("_", " "),
                                     **({"age": c["age"]} if "age" in c else {})} for c in person["conditions"]]
    _pedigree_unions(family, data, relations=False, twins=True)
    for union in data["unions"]:
        for child in union["children"]:
            if not child.get("identical"):
                child.pop("identical", None)
    return Family.model_validate({"people": data["people"], "unions": data["unions"]})


def _gedcom(family: Family) -> Family:
    data = _dump(family)
    _people_only(data, {"id", "sex", "name", "initials", "deceased", "death", "birth", "kind", "gestation_weeks",
                        "count", *_LIFE})
    for person in data["people"]:  # a loss is written with a death on its birth date: that death is the loss
        if person.get("kind") in ("miscarriage", "abortion", "stillbirth"):
            person.pop("deceased", None)
            if person.get("death") is not None and person.get("death") == person.get("birth"):
                del person["death"]
    for union in data.get("unions", []):
        for child in union.get("children", []):
            child.pop("twin", None)
            child.pop("identical", None)
    return Family.model_validate({"people": data["people"], "unions": data.get("unions", []),
                                  **({"title": family.title} if family.title else {})})


def _fhir(family: Family) -> Family:
    data = _dump(family)
    _people_only(data, {"id", "sex", "name", "birth", "death", "deceased", "age", "conditions", "index"})
    index = next((p.id for p in family.people if p.index), family.people[0].id if family.people else None)
    for person in data["people"]:
        person.pop("index", None)
        if person["id"] == index:
            person["index"] = True
            person.pop("age", None)
            person.pop("conditions", None)
        if person.get("conditions"):
            person["conditions"] = [{"name": c["name"], **({"age": c["age"]} if "age" in c else {})}
                                    for c in person["conditions"]]
    merged: dict[tuple[str, ...], dict[str, Any]] = {}
    for union in family.unions:
        if not union.children:
            continue
        entry = merged.setdefault(tuple(union.partners), {"partners": list(union.partners), "kind": "unknown",
                                                         "children": []})
        entry["children"] += [{"id": c.id, "relation": c.relation} for c in union.children]
    return Family.model_validate({"people": data["people"], "unions": list(merged.values())})


_REDUCERS: dict[str, Callable[[Family], Family]] = {
    "fhir": _fhir, "ped": _ped, "canrisk": _canrisk, "pedigreejs": _pedigreejs, "gedcom": _gedcom, "gedcom7": _gedcom}
