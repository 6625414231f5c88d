"""pedigreejs JSON (the CanRisk web tool's pedigree editor): a list of people, read and written.

Each person is an object with ``name`` (the id), ``display_name``, ``sex`` (M/F/U),
``father``/``mother`` (ids), ``proband``, ``status`` (1 = dead), ``yob``, ``age``,
``mztwin``/``dztwin`` (a label shared by twins), ``adopted_in``, ``noparents``, diseases
as ``<disease>_diagnosis_age`` and pregnancy losses (``miscarriage``, ``stillbirth``,
``termination``: such an entry has no ``sex``, read as unknown). Hidden helper nodes
(``"hidden": true``) are layout aids of the editor and are not people. Errors name the entry
by its place in the list, its id and display name: ``entry 12 (name '12', 'StillBirth')``.

>>> text = '[{"name":"m","sex":"M","top_level":true},{"name":"f","sex":"F","top_level":true},'
>>> text += '{"name":"c","sex":"F","father":"m","mother":"f","proband":true,"breast_cancer_diagnosis_age":40}]'
>>> family = read_pedigreejs_text(text)["1"]
>>> family.person("c").index, [(x.name, x.age) for x in family.person("c").conditions]
(True, [('breast cancer', 40)])
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from socialtools.dates import PartialDate
from socialtools.errors import InputError
from socialtools.genogram.model import _sex
from socialtools.io.pedigree import Pedigree, Row, build_families

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.genogram.model import Family

SUFFIX = "_diagnosis_age"


#: pedigreejs's flags of a pregnancy loss → the person kind (docs/genogram.md)
LOSSES = {"miscarriage": "miscarriage", "stillbirth": "stillbirth", "termination": "abortion"}
#: keys only a pedigreejs entry has (beside ``name``): an entry of a pregnancy loss has no ``sex``
_PEDIGREEJS_KEYS = frozenset({"sex", "father", "mother", "top_level", "display_name", "famid", "proband",
                              "noparents", *LOSSES})


def people_list(data: Any) -> list[Any] | None:
    """The list of people of a pedigreejs document (a bare list, or under ``dataset``/``pedigree``):
    objects with ``name``, and pedigreejs keys (``sex``, ``father``, ``top_level``, ...) in them."""
    if isinstance(data, dict):
        data = data.get("dataset", data.get("pedigree"))
    if isinstance(data, list) and data and all(isinstance(p, dict) for p in data) \
            and all("name" in p for p in data) and not any("people" in p for p in data) \
            and any(_PEDIGREEJS_KEYS & p.keys() for p in data):
        return data
    return None


def _entries(data: Any, source: str) -> list[dict[str, Any]]:
    """The entries of a pedigreejs document, or an error naming the first entry that is not one."""
    people = people_list(data)
    if people is not None:
        return people
    listed = data.get("dataset", data.get("pedigree")) if isinstance(data, dict) else data
    if not isinstance(listed, list) or not listed:
        raise InputError("not a pedigreejs list of people (a JSON list of objects with 'name')", source=source)
    for i, entry in enumerate(listed, start=1):
        if not isinstance(entry, dict):
            raise InputError(f"is {type(entry).__name__}, not an object of one person", record=f"entry {i}",
                             source=source)
        if "name" not in entry:
            raise InputError("is missing: every entry needs its id as 'name'", record=_where(i, entry),
                             field="name", source=source)
    raise InputError("not a pedigreejs list of people (no entry has 'sex', 'father', 'mother' or 'top_level')",
                     source=source)


#: the keys a pedigreejs entry may carry that are read (and the editor's layout keys, which hold nothing)
_READ = frozenset({"name", "display_name", "sex", "father", "mother", "proband", "status", "yob", "age", "mztwin",
                   "dztwin", "adopted_in", "noparents", "famid", "top_level", "hidden", "lost_pregnancies", *LOSSES,
                   "level", "key", "parent_node", "id", "depth", "x", "y", "children", "data"})
#: endings of keys that are not part of a genogram, by what they hold
_NOT_DRAWN = (("_gene_test", "genetic test results"), ("_pathology", "pathology results"))


def _left_out(people: list[dict[str, Any]], hidden: set[str]) -> list[str]:
    """One warning line naming what the entries hold that a genogram does not read: genetic tests,
    pathology, other keys (``ashkenazi``), and parent links to hidden placeholder entries (review 7:
    nothing dropped silently)."""
    counts: dict[str, int] = {}
    for p in people:
        if p.get("hidden"):
            continue
        seen: set[str] = set()
        for key, value in p.items():
            if key in _READ or key.endswith(SUFFIX) or value in (None, "", False, 0, "0", "0:0"):
                continue
            if isinstance(value, dict) and str(value.get("type", "-")) in ("-", "0", ""):
                continue  # an untested gene: {"type": "-", "result": "-"}
            what = next((words for end, words in _NOT_DRAWN if key.endswith(end)), f"'{key}'")
            seen.add(what)
        for what in seen:
            counts[what] = counts.get(what, 0) + 1
    links = sum(1 for p in people if not p.get("hidden") and not p.get("noparents")
                for role in ("father", "mother") if str(p.get(role, "")) in hidden)
    parts = [f"{what} of {n} {'person' if n == 1 else 'people'}" for what, n in sorted(counts.items())]
    if links:
        parts.append(f"{links} parent link{'s' if links > 1 else ''} to hidden placeholder entries (drawn with "
                     "the other parent only)")
    return [f"left out: {', '.join(parts)} (not part of a genogram)"] if parts else []


def _where(i: int, entry: dict[str, Any]) -> str:
    """``entry 12 (name '12', 'StillBirth')``: the entry's place in the list (from 1), its id and display name."""
    named = [f"name '{entry['name']}'"] if "name" in entry else []
    shown = str(entry.get("display_name") or "").strip()
    return f"entry {i}" + (f" ({', '.join([*named, repr(shown)] if shown else named)})" if named or shown else "")


def read_pedigreejs_text(text: str, source: str = "pedigreejs", *, family: str | None = None,
                         lenient: bool = False, warnings: list[str] | None = None, **_: Any) -> Pedigree:
    """Families of a pedigreejs JSON document, by ``famid`` (``"1"`` when there is none)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", source=source) from None
    people = _entries(data, source)
    hidden = {str(p["name"]) for p in people if p.get("hidden")}
    if warnings is not None:
        warnings.extend(_left_out(people, hidden))
    rows = []
    for i, p in enumerate(people, start=1):
        pid = str(p["name"]).strip()
        if pid in hidden:
            continue
        where = _where(i, p)
        if not pid:
            raise InputError("the name (id) is empty", record=where, field="name", source=source)
        fam = str(p.get("famid") or "1")
        if family is not None and fam != family:
            continue
        try:  # an entry of a pregnancy loss has no sex: unknown
            sex = _sex(p.get("sex") or "U")
        except ValueError as exc:
            raise InputError(str(exc), record=where, field="sex", source=source) from None
        row = Row(where, pid, fam, sex=sex)
        loss = next((kind for flag, kind in LOSSES.items() if p.get(flag) not in (None, False, "", 0, "0")), None)
        if loss is None and p.get("lost_pregnancies") and not p.get("sex"):
            loss = "miscarriage"  # a 'pregnancy loss' without a flag: a spontaneous loss
        if loss is not None:
            row.extra = {"kind": loss}
        if not p.get("noparents"):
            for role in ("father", "mother"):
                parent = p.get(role)
                if parent is not None and str(parent) not in hidden and str(parent).strip():
                    setattr(row, role, str(parent).strip())
        row.name = str(p["display_name"]).strip() or None if p.get("display_name") else None
        row.index = bool(p.get("proband"))
        row.deceased = str(p.get("status", "0")) == "1"
        for key, attr in (("yob", "birth"), ("age", "age")):
            value = p.get(key)
            if value in (None, "", 0, "0"):
                continue
            try:
                number = int(str(value))
                setattr(row, attr, PartialDate.parse(number) if attr == "birth" else number)
            except ValueError:
                raise InputError(f"'{value}' is not a whole number", record=where, field=key, source=source) from None
        for key, identical in (("mztwin", True), ("dztwin", False)):
            if p.get(key):
                row.twin, row.identical = str(p[key]), identical
        if p.get("adopted_in"):
            row.relation = "adopted"
        conditions = []
        for key, value in p.items():
            if key.endswith(SUFFIX) and value not in (None, "", False):
                name = key[: -len(SUFFIX)].replace("_", " ")
                age = str(value)
                conditions.append({"name": name, "kind": "medical", **({"age": int(age)} if age.isdigit() else {})})
        row.conditions = conditions or None
        rows.append(row)
    if family is not None and not rows:
        raise InputError(f"no family '{family}'", source=source, field="family")
    return build_families(rows, source, lenient=lenient, warnings=warnings)


def family_to_pedigreejs(family: Family, famid: str = "1") -> tuple[str, list[str]]:
    """The family as pedigreejs JSON, and what it could not hold."""
    import re

    from socialtools.io.fidelity import biological_parents, left_out

    parents = biological_parents(family)
    twins = {c.id: c for u in family.unions for c in u.children if c.twin}
    out = []
    for person in family.people:
        entry: dict[str, Any] = {"famid": famid, "name": person.id,
                                 "sex": {"male": "M", "female": "F"}.get(person.sex, "U")}
        if person.name:
            entry["display_name"] = person.name
        father, mother = parents.get(person.id, (None, None))
        if father or mother:
            entry.update({k: v for k, v in (("father", father), ("mother", mother)) if v})
        else:
            entry["top_level"] = True
        flag = next((flag for flag, kind in LOSSES.items() if kind == person.kind), None)
        if flag is not None:
            entry[flag] = True
        if person.index:
            entry["proband"] = True
        if person.deceased:
            entry["status"] = "1"
        if person.birth:
            entry["yob"] = person.birth.year
        elif person.age is not None:
            entry["age"] = person.age
        twin = twins.get(person.id)
        if twin is not None:
            entry["mztwin" if twin.identical else "dztwin"] = twin.twin
        for condition in person.conditions:
            key = re.sub(r"\W+", "_", condition.name.strip()) + SUFFIX
            entry[key] = True if condition.age is None else condition.age
        out.append(entry)
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n", left_out(family, "pedigreejs")
