"""A family as a FHIR R4 ``Bundle`` of ``FamilyMemberHistory`` resources, for case systems; read back.

The index person (the client) is the ``Patient``; every other person is a
``FamilyMemberHistory`` with their relationship to the client (HL7 v3 RoleCode: ``NMTH``
natural mother, ``BRO`` brother, ``GRMTH`` grandmother, ``COUSN`` cousin, ``EXT`` anyone
further), sex, name, birth and death dates (to the precision known), age and conditions.
Who is whose parent is kept with the HL7 ``family-member-history-genetics-parent``
extension (``NFTH``/``NMTH`` natural, ``ADOPTF``/``ADOPTM`` adoptive, ``STPFTH``/``STPMTH``
step, ``PRN`` with the text ``foster``), so the family can be read back. Each resource keeps
the person's id as an ``identifier``. Ids of resources are derived from the person's id, so
the same family gives the same bytes.

>>> from socialtools.genogram.model import Family
>>> family = Family.model_validate({"people": [{"id": "K", "sex": "L"}, {"id": "S", "sex": "P"},
...     {"id": "PK", "sex": "P", "index": True, "father": "K", "mother": "S"}]})
>>> bundle = json.loads(family_to_fhir(family)[0])
>>> [(e["resource"]["resourceType"], e["resource"].get("relationship", {}).get("coding", [{}])[0].get("code"))
...  for e in bundle["entry"]]
[('Patient', None), ('FamilyMemberHistory', 'NFTH'), ('FamilyMemberHistory', 'NMTH')]
>>> read_fhir_text(family_to_fhir(family)[0])["1"].parents_of("PK")
['K', 'S']
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import deque
from typing import Any

from socialtools.dates import PartialDate
from socialtools.errors import InputError
from socialtools.genogram.model import Family
from socialtools.io.fidelity import left_out
from socialtools.io.loading import parse_model

ROLE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
GENDER = "http://hl7.org/fhir/administrative-gender"
PARENT = "http://hl7.org/fhir/StructureDefinition/family-member-history-genetics-parent"
IDENTIFIER = "urn:socialtools:person"
#: parent codes by (relation, sex of the parent); foster parents are PRN with the text "foster"
PARENT_CODES = {
    ("biological", "male"): "NFTH", ("biological", "female"): "NMTH", ("biological", "unknown"): "NPRN",
    ("adopted", "male"): "ADOPTF", ("adopted", "female"): "ADOPTM", ("adopted", "unknown"): "ADOPTP",
    ("step", "male"): "STPFTH", ("step", "female"): "STPMTH", ("step", "unknown"): "STPPRN",
    ("foster", "male"): "PRN", ("foster", "female"): "PRN", ("foster", "unknown"): "PRN",
}
RELATION_OF_CODE = {code: relation for (relation, _), code in PARENT_CODES.items() if code != "PRN"}
#: relationship words to the client: (male, female, unknown)
KIN = {
    "child": ("SON", "DAU", "CHILD"), "adopted child": ("SONADOPT", "DAUADOPT", "CHLDADOPT"),
    "foster child": ("CHLDFOST", "CHLDFOST", "CHLDFOST"), "step child": ("STPSON", "STPDAU", "STPCHLD"),
    "sibling": ("BRO", "SIS", "SIB"), "half sibling": ("HBRO", "HSIS", "HSIB"),
    "spouse": ("HUSB", "WIFE", "SPS"), "grandparent": ("GRFTH", "GRMTH", "GRPRN"),
    "great-grandparent": ("GGRFTH", "GGRMTH", "GGRPRN"), "grandchild": ("GRNDSON", "GRNDDAU", "GRNDCHILD"),
    "aunt or uncle": ("UNCLE", "AUNT", "AUNT"), "niece or nephew": ("NEPHEW", "NIECE", "NIENEPH"),
    "cousin": ("COUSN", "COUSN", "COUSN"), "family": ("EXT", "EXT", "EXT"),
}
_SEX = {"male": 0, "female": 1, "unknown": 2}


def _rid(pid: str) -> str:
    """A FHIR resource id for a person id: the id itself when FHIR allows it, else a digest."""
    if re.fullmatch(r"[A-Za-z0-9\-.]{1,64}", pid):
        return pid
    return "p-" + hashlib.sha256(pid.encode("utf-8")).hexdigest()[:16]


def _parent_links(family: Family) -> dict[str, list[tuple[str, str]]]:
    """child → [(parent, relation)], every union the child is in."""
    links: dict[str, list[tuple[str, str]]] = {}
    for union in family.unions:
        for child in union.children:
            links.setdefault(child.id, []).extend((p, child.relation) for p in union.partners)
    return links


def _kinship(family: Family, index: str) -> dict[str, str]:
    """person → relationship word to the index person (see :data:`KIN`; parents by their code)."""
    links = _parent_links(family)
    children: dict[str, list[tuple[str, str]]] = {}
    for child, parents in links.items():
        for parent, relation in parents:
            children.setdefault(parent, []).append((child, relation))
    out: dict[str, str] = {}
    parents = links.get(index, [])
    for parent, relation in parents:
        out.setdefault(parent, "parent:" + relation)
    for child, relation in children.get(index, []):
        out.setdefault(child, {"biological": "child", "adopted": "adopted child", "foster": "foster child",
                               "step": "step child"}[relation])
    for union in family.unions:
        if index in union.partners:
            for partner in union.partners:
                if partner != index:
                    out.setdefault(partner, "spouse")
    bio = {p for p, r in parents if r == "biological"}
    for parent in {p for p, _ in parents}:
        for sibling, _ in children.get(parent, []):
            if sibling != index and sibling not in out:
                theirs = {p for p, r in links.get(sibling, []) if r == "biological"}
                out[sibling] = "sibling" if theirs == bio and bio else "half sibling"
    generation = {index: 0}
    queue = deque([index])
    while queue:  # grandparents and further up
        pid = queue.popleft()
        for parent, _ in links.get(pid, []):
            if parent not in generation:
                generation[parent] = generation[pid] + 1
                queue.append(parent)
    for pid, up in generation.items():
        if up == 2:
            out.setdefault(pid, "grandparent")
        elif up == 3:
            out.setdefault(pid, "great-grandparent")
    for pid, up in generation.items():
        for child, _ in children.get(pid, []):
            if up == 2:
                out.setdefault(child, "aunt or uncle")
                for cousin, _ in children.get(child, []):
                    out.setdefault(cousin, "cousin")
    for pid, word in list(out.items()):
        if word in ("sibling", "half sibling"):
            for child, _ in children.get(pid, []):
                out.setdefault(child, "niece or nephew")
        if word == "child":
            for child, _ in children.get(pid, []):
                out.setdefault(child, "grandchild")
    return out


def _years(value: int) -> dict[str, Any]:
    """A FHIR Age of ``value`` years."""
    return {"value": value, "unit": "a", "system": "http://unitsofmeasure.org", "code": "a"}


def _coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = display
    return {"coding": [coding]}


def family_to_fhir(family: Family) -> tuple[str, list[str]]:
    """The family as a FHIR R4 collection ``Bundle`` (JSON), and what it could not hold."""
    if not family.people:
        raise InputError("there are no people to write", field="people")
    index = next((p.id for p in family.people if p.index), family.people[0].id)
    kinship = _kinship(family, index)
    links = _parent_links(family)
    resources = []
    ordered = [family.person(index)] + [p for p in family.people if p.id != index]
    for person in ordered:
        if person.id == index:
            resource: dict[str, Any] = {"resourceType": "Patient", "id": _rid(person.id),
                                        "identifier": [{"system": IDENTIFIER, "value": person.id}],
                                        "gender": person.sex}
            if person.name:
                resource["name"] = [{"text": person.name}]
            if person.birth:
                resource["birthDate"] = str(person.birth)
            if person.death:
                resource["deceasedDateTime"] = str(person.death)
            elif person.deceased:
                resource["deceasedBoolean"] = True
        else:
            word = kinship.get(person.id, "family")
            if word.startswith("parent:"):
                code = PARENT_CODES[(word.split(":")[1], person.sex)]
                display = "foster parent" if word.endswith("foster") else None
            else:
                code, display = KIN[word][_SEX[person.sex]], None
            resource = {"resourceType": "FamilyMemberHistory", "id": _rid(person.id),
                        "identifier": [{"system": IDENTIFIER, "value": person.id}], "status": "completed",
                        "patient": {"reference": f"Patient/{_rid(index)}"},
                        "relationship": _coding(ROLE, code, display), "sex": _coding(GENDER, person.sex)}
            if person.name:
                resource["name"] = person.name
            if person.birth:
                resource["bornDate"] = str(person.birth)
            if person.age is not None:
                resource["ageAge"] = _years(person.age)
            if person.death:
                resource["deceasedDate"] = str(person.death)
            elif person.deceased:
                resource["deceasedBoolean"] = True
            if person.conditions:
                resource["condition"] = [{"code": {"text": c.name}, **({"onsetAge": _years(c.age)} if c.age is not None
                                                                       else {})} for c in person.conditions]
        extensions = []
        for parent, relation in links.get(person.id, []):
            code = PARENT_CODES[(relation, family.person(parent).sex)]
            kind = "Patient" if parent == index else "FamilyMemberHistory"
            extensions.append({"url": PARENT, "extension": [
                {"url": "type", "valueCodeableConcept": {**_coding(ROLE, code), **(
                    {"text": "foster"} if relation == "foster" else {})}},
                {"url": "reference", "valueReference": {"reference": f"{kind}/{_rid(parent)}"}}]})
        if extensions:
            resource["extension"] = extensions
        resources.append(resource)
    bundle = {"resourceType": "Bundle", "type": "collection",
              "entry": [{"fullUrl": f"urn:socialtools:{r['resourceType']}/{r['id']}", "resource": r}
                        for r in resources]}
    lost = left_out(family, "fhir")
    client = family.person(index)
    if client.conditions:
        lost.append(f"{len(client.conditions)} condition(s) of the index person (a Patient has none)")
    if client.age is not None and not client.birth:
        lost.append("the age of the index person (a Patient has a birth date, not an age)")
    if family.people and not any(p.index for p in family.people):
        lost.append(f"no index person: '{index}' is the patient")
    return json.dumps(bundle, ensure_ascii=False, indent=1) + "\n", lost


def is_fhir_bundle(data: Any) -> bool:
    """A FHIR ``Bundle`` (JSON already parsed)."""
    return isinstance(data, dict) and data.get("resourceType") == "Bundle"


def read_fhir_text(text: str, source: str = "fhir", **_: Any) -> dict[str, Family]:
    """The family of a FHIR Bundle of a Patient and FamilyMemberHistory resources."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", source=source) from None
    if not is_fhir_bundle(data):
        raise InputError("not a FHIR Bundle (no \"resourceType\": \"Bundle\")", source=source)
    people: list[dict[str, Any]] = []
    by_ref: dict[str, str] = {}
    parent_links: list[tuple[str, str, str, int]] = []
    for i, entry in enumerate(data.get("entry") or []):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        where = f"entry[{i}]"
        if not isinstance(resource, dict) or resource.get("resourceType") not in ("Patient", "FamilyMemberHistory"):
            continue
        kind, rid = resource["resourceType"], str(resource.get("id") or f"entry{i}")
        pid = next((str(x.get("value")) for x in resource.get("identifier") or []
                    if isinstance(x, dict) and x.get("system") == IDENTIFIER and x.get("value")), rid)
        by_ref[f"{kind}/{rid}"] = pid
        person: dict[str, Any] = {"id": pid}
        try:
            person.update(_person_fields(resource, kind))
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            raise InputError(f"cannot be read: {exc}", record=where, source=source) from None
        people.append(person)
        for ext in resource.get("extension") or []:
            if not isinstance(ext, dict) or ext.get("url") != PARENT:
                continue
            parts = {x.get("url"): x for x in ext.get("extension") or [] if isinstance(x, dict)}
            concept = (parts.get("type") or {}).get("valueCodeableConcept") or {}
            code = ((concept.get("coding") or [{}])[0] or {}).get("code", "NPRN")
            relation = "foster" if concept.get("text") == "foster" else RELATION_OF_CODE.get(code, "biological")
            ref = ((parts.get("reference") or {}).get("valueReference") or {}).get("reference")
            if ref:
                parent_links.append((pid, str(ref), relation, i))
    unions: dict[tuple[tuple[str, ...], str], dict[str, Any]] = {}
    grouped: dict[tuple[str, str], list[str]] = {}
    for child, ref, relation, i in parent_links:
        if ref not in by_ref:
            raise InputError(f"parent {ref} is not in the bundle", record=f"entry[{i}]", field="extension",
                             source=source)
        grouped.setdefault((child, relation), []).append(by_ref[ref])
    for (child, relation), parents in grouped.items():
        key = (tuple(parents), relation)
        union = unions.setdefault(key, {"partners": parents, "kind": "unknown", "children": []})
        union["children"].append({"id": child, "relation": relation})
    merged: dict[tuple[str, ...], dict[str, Any]] = {}
    for (parents, _), union in unions.items():  # one union per couple, children of every relation
        if parents in merged:
            merged[parents]["children"].extend(union["children"])
        else:
            merged[parents] = union
    return {"1": parse_model(Family, {"people": people, "unions": list(merged.values())}, source)}


def _person_fields(resource: dict[str, Any], kind: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if kind == "Patient":
        out["index"] = True
        out["sex"] = resource.get("gender") or "unknown"
        names = resource.get("name") or []
        if names and names[0].get("text"):
            out["name"] = names[0]["text"]
        birth, death = resource.get("birthDate"), resource.get("deceasedDateTime")
    else:
        coding = ((resource.get("sex") or {}).get("coding") or [{}])[0]
        out["sex"] = coding.get("code") or "unknown"
        if resource.get("name"):
            out["name"] = resource["name"]
        birth, death = resource.get("bornDate"), resource.get("deceasedDate")
        if isinstance(resource.get("ageAge"), dict) and resource["ageAge"].get("value") is not None:
            out["age"] = int(resource["ageAge"]["value"])
        conditions = [{"name": c["code"]["text"], **({"age": int(c["onsetAge"]["value"])} if isinstance(
            c.get("onsetAge"), dict) and c["onsetAge"].get("value") is not None else {})}
                      for c in resource.get("condition") or [] if c.get("code", {}).get("text")]
        if conditions:
            out["conditions"] = conditions
    if birth:
        out["birth"] = PartialDate.parse(str(birth)[:10])
    if death:
        out["death"] = PartialDate.parse(str(death)[:10])
    if resource.get("deceasedBoolean") or death:
        out["deceased"] = True
    return out
