"""Each person's relation to the client (the index person), read from the family's unions.

Used where a table lists the family and the case file gave no ``role``: the report's family
identity table ("Hubungan dengan Klien"). Covers the relations a case report names — parents and
step-parents, partners (former ones marked), children by relation (adopted, foster, step),
siblings (older/younger in Indonesian, half-siblings), grandparents, grandchildren, uncles and
aunts, nephews and nieces, and in-laws; anyone further is left blank rather than guessed.

>>> from socialtools.genogram.model import Family
>>> f = Family.model_validate({"people": [
...     {"id": "A", "sex": "male"}, {"id": "B", "sex": "female"},
...     {"id": "K", "sex": "female", "index": True, "birth": 1990},
...     {"id": "S", "sex": "male", "birth": 1985}, {"id": "C", "sex": "female"}, {"id": "X", "sex": "male"}],
...     "unions": [{"partners": ["A", "B"], "children": ["S", "K"]},
...                {"partners": ["K", "X"], "kind": "divorced", "children": [{"id": "C", "relation": "adopted"}]}]})
>>> [relation_to_client(f, p, "id") for p in ("A", "B", "S", "C", "X", "K")]
['ayah', 'ibu', 'kakak', 'anak angkat', 'mantan suami', 'klien']
>>> relation_to_client(f, "S", "en")
'brother'
"""

from __future__ import annotations

from socialtools.genogram.model import Family

__all__ = ["relation_to_client"]

ENDED = ("divorced", "annulled", "separated")
# relation -> (Indonesian, English for a man, English for a woman, English otherwise)
TERMS: dict[str, tuple[str, str, str, str]] = {
    "client": ("klien", "client", "client", "client"),
    "father": ("ayah", "father", "father", "parent"), "mother": ("ibu", "mother", "mother", "parent"),
    "parent": ("orang tua", "parent", "parent", "parent"),
    "stepparent_m": ("ayah tiri", "stepfather", "stepfather", "step-parent"),
    "stepparent_f": ("ibu tiri", "stepmother", "stepmother", "step-parent"),
    "stepparent": ("orang tua tiri", "step-parent", "step-parent", "step-parent"),
    "husband": ("suami", "husband", "husband", "partner"), "wife": ("istri", "wife", "wife", "partner"),
    "partner": ("pasangan", "partner", "partner", "partner"),
    "ex_husband": ("mantan suami", "former husband", "former husband", "former partner"),
    "ex_wife": ("mantan istri", "former wife", "former wife", "former partner"),
    "ex_partner": ("mantan pasangan", "former partner", "former partner", "former partner"),
    "biological": ("anak", "son", "daughter", "child"),
    "adopted": ("anak angkat", "adopted son", "adopted daughter", "adopted child"),
    "foster": ("anak asuh", "foster son", "foster daughter", "foster child"),
    "step": ("anak tiri", "stepson", "stepdaughter", "stepchild"),
    "older": ("kakak", "brother", "sister", "sibling"), "younger": ("adik", "brother", "sister", "sibling"),
    "sibling": ("saudara kandung", "brother", "sister", "sibling"),
    "half_sibling": ("saudara tiri", "half-brother", "half-sister", "half-sibling"),
    "grandparent": ("kakek", "grandfather", "grandmother", "grandparent"),
    "grandchild": ("cucu", "grandson", "granddaughter", "grandchild"),
    "uncle_aunt": ("paman", "uncle", "aunt", "uncle or aunt"),
    "nephew_niece": ("keponakan", "nephew", "niece", "nephew or niece"),
    "parent_in_law": ("mertua", "father-in-law", "mother-in-law", "parent-in-law"),
    "child_in_law": ("menantu", "son-in-law", "daughter-in-law", "child-in-law"),
    "sibling_in_law": ("ipar", "brother-in-law", "sister-in-law", "sibling-in-law"),
}
FEMALE_ID = {"kakek": "nenek", "paman": "bibi"}  # the Indonesian words that change with sex


def relation_to_client(family: Family, pid: str, lang: str = "id") -> str:
    """The word for how ``pid`` is related to the family's index person, in ``lang`` (``id`` or
    ``en``); ``""`` when there is no index person or the relation is further than the ones named
    in the module."""
    client = next((p.id for p in family.people if p.index), None)
    key = _relation(family, client, pid) if client is not None else None
    if key is None:
        return ""
    sex = family.person(pid).sex
    indonesian, man, woman, other = TERMS[key]
    if lang != "en":
        return FEMALE_ID.get(indonesian, indonesian) if sex == "female" else indonesian
    return man if sex == "male" else woman if sex == "female" else other


def _relation(family: Family, client: str, pid: str) -> str | None:
    if pid == client:
        return "client"
    parents: dict[str, list[tuple[str, str]]] = {}  # child -> [(parent, relation)]
    for u in family.unions:
        for c in u.children:
            parents.setdefault(c.id, []).extend((p, c.relation) for p in u.partners)
    partners: dict[str, list[tuple[str, str]]] = {}  # person -> [(partner, union kind)]
    for u in family.unions:
        if len(u.partners) == 2:
            a, b = u.partners
            partners.setdefault(a, []).append((b, u.kind))
            partners.setdefault(b, []).append((a, u.kind))

    def parents_of(x: str, relations: tuple[str, ...] = ("biological", "adopted")) -> set[str]:
        return {p for p, r in parents.get(x, []) if r in relations}

    def children_of(x: str) -> set[str]:
        return {c for c, ps in parents.items() for p, r in ps if p == x and r in ("biological", "adopted")}

    def partner_ids(x: str) -> set[str]:
        return {p for p, _ in partners.get(x, [])}

    sex = family.person(pid).sex
    if pid in parents_of(client):
        return "father" if sex == "male" else "mother" if sex == "female" else "parent"
    for p, relation in parents.get(client, []):
        if p == pid and relation in ("step", "foster"):
            return {"male": "stepparent_m", "female": "stepparent_f"}.get(sex, "stepparent")
    if pid in {q for p in parents_of(client) for q in partner_ids(p)}:  # a parent's other partner
        return {"male": "stepparent_m", "female": "stepparent_f"}.get(sex, "stepparent")
    for partner, kind in partners.get(client, []):
        if partner == pid:
            if kind in ENDED:
                return {"male": "ex_husband", "female": "ex_wife"}.get(sex, "ex_partner")
            return {"male": "husband", "female": "wife"}.get(sex, "partner")
    for p, relation in parents.get(pid, []):
        if p == client:
            return relation if relation in TERMS else "biological"
    mine, theirs = parents_of(client), parents_of(pid)
    if mine and mine == theirs:
        return _older_or_younger(family, client, pid)
    if mine & theirs:
        return "half_sibling"
    if any(pid in parents_of(p) for p in mine):
        return "grandparent"
    if any(pid in children_of(c) for c in children_of(client)):
        return "grandchild"
    if any(pid != p and parents_of(p) & theirs for p in mine):
        return "uncle_aunt"
    siblings = {s for s in parents if s != client and parents_of(s) & mine}
    if theirs & siblings:
        return "nephew_niece"
    spouses = partner_ids(client)
    if any(pid in parents_of(s) for s in spouses):
        return "parent_in_law"
    if pid in {q for c in children_of(client) for q in partner_ids(c)}:
        return "child_in_law"
    if pid in {q for s in siblings for q in partner_ids(s)} or any(parents_of(s) & theirs for s in spouses):
        return "sibling_in_law"
    return None


def _older_or_younger(family: Family, client: str, pid: str) -> str:
    a, b = family.person(client).birth, family.person(pid).birth
    if a is None or b is None or a.year == b.year:
        return "sibling"
    return "older" if b.year < a.year else "younger"
