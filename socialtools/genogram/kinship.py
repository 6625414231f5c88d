"""Each person's relation to the client (the index person), read from the family's unions.

Used where a table lists the family and the case file gave no ``role``: the report's family
identity table ("Hubungan dengan Klien"). Covers the relations a case report names — parents and
step-parents, partners (former ones marked), children by relation (adopted, foster, step),
siblings (older/younger in Indonesian; a twin, *saudara kembar*; by adoption, *adik angkat*, or fostered by the parents,
*adik asuh*; half-siblings by the shared parent, *kakak seibu*, *adik seayah*; step-siblings,
the children of a parent's partner, *saudara tiri*), grandparents, grandchildren, uncles and
aunts (also by marriage: an aunt's husband is *paman*), cousins (*sepupu*), nephews and nieces (a sibling's
foster child: *keponakan asuh*),
and in-laws; anyone further is left blank rather than guessed. :func:`role_word` puts a ``role``
the case file gives (*ayah*, *bibi*, *klien*) into the report's language.

>>> from socialtools.genogram.model import Family
>>> f = Family.model_validate({"people": [
...     {"id": "A", "sex": "male"}, {"id": "B", "sex": "female"},
...     {"id": "K", "sex": "female", "index": True, "birth": 1990},
...     {"id": "S", "sex": "male", "birth": 1985}, {"id": "C", "sex": "female"}, {"id": "X", "sex": "male"}],
...     "unions": [{"partners": ["A", "B"], "children": ["S", "K"]},
...                {"partners": ["K", "X"], "kind": "divorced", "children": [{"id": "C", "relation": "adopted"}]}]})
>>> [relations_to_client(f)[p] for p in ("A", "B", "S", "C", "X", "K")]
['ayah', 'ibu', 'kakak', 'anak angkat', 'mantan suami', 'klien']
>>> relations_to_client(f, "en")["S"]
'brother'
"""

from __future__ import annotations

from collections import defaultdict

from socialtools.genogram.model import Family

__all__ = ["relations_to_client", "role_word"]

ENDED = ("divorced", "annulled", "separated")
LINEAGE = ("biological", "adopted")  # the child relations that make a parent, a sibling, a grandparent
# relation -> Indonesian (man, woman, other), English (man, woman, other)
TERMS: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "client": (("klien",) * 3, ("client",) * 3),
    "parent": (("ayah", "ibu", "orang tua"), ("father", "mother", "parent")),
    "stepparent": (("ayah tiri", "ibu tiri", "orang tua tiri"), ("stepfather", "stepmother", "step-parent")),
    "partner": (("suami", "istri", "pasangan"), ("husband", "wife", "partner")),
    "ex_partner": (("mantan suami", "mantan istri", "mantan pasangan"),
                   ("former husband", "former wife", "former partner")),
    "biological": (("anak",) * 3, ("son", "daughter", "child")),
    "adopted": (("anak angkat",) * 3, ("adopted son", "adopted daughter", "adopted child")),
    "foster": (("anak asuh",) * 3, ("foster son", "foster daughter", "foster child")),
    "step": (("anak tiri",) * 3, ("stepson", "stepdaughter", "stepchild")),
    "older": (("kakak",) * 3, ("brother", "sister", "sibling")),
    "younger": (("adik",) * 3, ("brother", "sister", "sibling")),
    "sibling": (("saudara kandung",) * 3, ("brother", "sister", "sibling")),
    "twin": (("saudara kembar",) * 3, ("twin brother", "twin sister", "twin")),  # one union's twin group
    # a sibling by adoption (either of the two adopted by the parents) or a foster child of the parents
    "older_adopted": (("kakak angkat",) * 3, ("adopted brother", "adopted sister", "adopted sibling")),
    "younger_adopted": (("adik angkat",) * 3, ("adopted brother", "adopted sister", "adopted sibling")),
    "sibling_adopted": (("saudara angkat",) * 3, ("adopted brother", "adopted sister", "adopted sibling")),
    "older_foster": (("kakak asuh",) * 3, ("foster brother", "foster sister", "foster sibling")),
    "younger_foster": (("adik asuh",) * 3, ("foster brother", "foster sister", "foster sibling")),
    "sibling_foster": (("saudara asuh",) * 3, ("foster brother", "foster sister", "foster sibling")),
    # half-siblings through the mother (seibu) or the father (seayah); a step-sibling (tiri) shares no parent
    "older_half_mother": (("kakak seibu",) * 3, ("half-brother", "half-sister", "half-sibling")),
    "younger_half_mother": (("adik seibu",) * 3, ("half-brother", "half-sister", "half-sibling")),
    "half_sibling_mother": (("saudara seibu",) * 3, ("half-brother", "half-sister", "half-sibling")),
    "older_half_father": (("kakak seayah",) * 3, ("half-brother", "half-sister", "half-sibling")),
    "younger_half_father": (("adik seayah",) * 3, ("half-brother", "half-sister", "half-sibling")),
    "half_sibling_father": (("saudara seayah",) * 3, ("half-brother", "half-sister", "half-sibling")),
    "older_half": (("kakak satu orang tua",) * 3, ("half-brother", "half-sister", "half-sibling")),
    "younger_half": (("adik satu orang tua",) * 3, ("half-brother", "half-sister", "half-sibling")),
    "half_sibling": (("saudara satu orang tua",) * 3, ("half-brother", "half-sister", "half-sibling")),
    "step_sibling": (("saudara tiri",) * 3, ("stepbrother", "stepsister", "step-sibling")),
    "grandparent": (("kakek", "nenek", "kakek/nenek"), ("grandfather", "grandmother", "grandparent")),
    "grandchild": (("cucu",) * 3, ("grandson", "granddaughter", "grandchild")),
    "uncle_aunt": (("paman", "bibi", "paman/bibi"), ("uncle", "aunt", "uncle or aunt")),
    # the partner of a parent's sister or brother (suami bibi, istri paman)
    "uncle_aunt_by_marriage": (("paman", "bibi", "paman/bibi"),
                               ("uncle by marriage", "aunt by marriage", "uncle or aunt by marriage")),
    "cousin": (("sepupu",) * 3, ("cousin",) * 3),
    "nephew_niece": (("keponakan",) * 3, ("nephew", "niece", "nephew or niece")),
    # a foster child of a sibling (review 13: the client's brother fosters a boy)
    "nephew_niece_foster": (("keponakan asuh",) * 3, ("foster nephew", "foster niece", "foster nephew or niece")),
    "parent_in_law": (("mertua",) * 3, ("father-in-law", "mother-in-law", "parent-in-law")),
    "child_in_law": (("menantu",) * 3, ("son-in-law", "daughter-in-law", "child-in-law")),
    "sibling_in_law": (("ipar",) * 3, ("brother-in-law", "sister-in-law", "sibling-in-law")),
}
SEXES = ("male", "female")


def relations_to_client(family: Family, lang: str = "id") -> dict[str, str]:
    """The word for how each person is related to the family's index person, in ``lang`` (``id``
    or ``en``); ``""`` for everyone when there is no index person, and for anyone further away
    than the relations named in the module."""
    client = next((p.id for p in family.people if p.index), None)
    kin = _Kin(family)
    out = {}
    for p in family.people:
        key = kin.relation(client, p.id) if client is not None else None
        words = TERMS[key][lang == "en"] if key is not None else ("",) * 3
        out[p.id] = words[SEXES.index(p.sex) if p.sex in SEXES else 2]
    return out


def role_word(role: str, sex: str, lang: str = "id") -> str:
    """A kinship word of either language (a person's ``role``) in ``lang``, for a person of
    ``sex``; a word that is no kinship word of :data:`TERMS`, as written.

    >>> role_word("ayah", "male", "en"), role_word("Kakak", "female", "en"), role_word("aunt", "female")
    ('father', 'sister', 'bibi')
    >>> role_word("pengasuh", "female", "en")
    'pengasuh'
    """
    wanted = role.strip().lower()
    index = SEXES.index(sex) if sex in SEXES else 2
    for id_words, en_words in TERMS.values():
        if wanted in id_words or wanted in en_words:
            words = en_words if lang == "en" else id_words
            if wanted in (id_words[index], en_words[index]):  # the word of the person's sex
                return words[index]
            # a word written for one sex ('ayah' of a person whose sex is unknown) keeps that sex
            return words[id_words.index(wanted) if wanted in id_words else en_words.index(wanted)]
    return role


class _Kin:
    """The family's parents, children and partners, gathered once."""

    def __init__(self, family: Family) -> None:
        self.family = family
        self.child_links: dict[str, list[tuple[str, str]]] = defaultdict(list)  # child -> (parent, relation)
        self.parents: dict[str, set[str]] = defaultdict(set)  # by LINEAGE only
        self.children: dict[str, set[str]] = defaultdict(set)
        self.partners: dict[str, dict[str, str]] = defaultdict(dict)  # person -> partner -> union kind
        self.twins: dict[str, tuple[int, str]] = {}  # child -> (union, twin group)
        for i, u in enumerate(family.unions):
            for c in u.children:
                if c.twin:
                    self.twins[c.id] = (i, c.twin)
                for p in u.partners:
                    self.child_links[c.id].append((p, c.relation))
                    if c.relation in LINEAGE:
                        self.parents[c.id].add(p)
                        self.children[p].add(c.id)
            if len(u.partners) == 2:
                a, b = u.partners
                self.partners[a][b] = self.partners[b][a] = u.kind

    def relation(self, client: str, pid: str) -> str | None:
        if pid == client:
            return "client"
        mine, theirs = self.parents[client], self.parents[pid]
        if pid in mine:
            return "parent"
        if any(p == pid for p, r in self.child_links[client] if r in ("step", "foster")) or \
                any(pid in self.partners[p] for p in mine):  # a step-parent, or a parent's other partner
            return "stepparent"
        if pid in self.partners[client]:
            return "ex_partner" if self.partners[client][pid] in ENDED else "partner"
        for p, relation in self.child_links[pid]:
            if p == client:
                return relation if relation in TERMS else "biological"
        if mine and mine == theirs and client in self.twins and self.twins.get(pid) == self.twins[client]:
            return "twin"
        if mine and mine == theirs:
            adopted = any(r == "adopted" for who in (client, pid) for p, r in self.child_links[who] if p in mine)
            return self._older_or_younger(client, pid) + ("_adopted" if adopted else "")
        if mine & theirs:
            return self._half_sibling(client, pid, mine & theirs)
        if mine and any(p in mine for p, r in self.child_links[pid] if r == "foster"):
            return self._older_or_younger(client, pid) + "_foster"
        if any(pid in self.parents[p] for p in mine):
            return "grandparent"
        if any(pid in self.children[c] for c in self.children[client]):
            return "grandchild"
        if any(pid != p and self.parents[p] & theirs for p in mine):
            return "uncle_aunt"
        piblings = {a for p in mine for gp in self.parents[p] for a in self.children[gp]} - mine
        if theirs & piblings:
            return "cousin"
        if any(self.partners[a].get(pid) not in (None, *ENDED) for a in piblings):
            return "uncle_aunt_by_marriage"
        if any(p2 in self.partners[p] for p in mine for p2 in theirs):  # a child of a parent's partner
            return "step_sibling"
        siblings = {s for p in mine for s in self.children[p]} - {client}
        if theirs & siblings:
            return "nephew_niece"
        if any(p in siblings for p, r in self.child_links[pid] if r == "foster"):
            return "nephew_niece_foster"
        spouses = self.partners[client]
        if any(pid in self.parents[s] for s in spouses):
            return "parent_in_law"
        if any(pid in self.partners[c] for c in self.children[client]):
            return "child_in_law"
        if any(pid in self.partners[s] for s in siblings) or any(self.parents[s] & theirs for s in spouses):
            return "sibling_in_law"
        return None

    def _half_sibling(self, client: str, pid: str, shared: set[str]) -> str:
        """Half-siblings by the shared parent: seibu (the mother), seayah (the father)."""
        sexes = {self.family.person(p).sex for p in shared}
        side = "_mother" if sexes == {"female"} else "_father" if sexes == {"male"} else ""
        age = self._older_or_younger(client, pid)
        return f"half_sibling{side}" if age == "sibling" else f"{age}_half{side}"

    def _older_or_younger(self, client: str, pid: str) -> str:
        a, b = self.family.person(client).birth, self.family.person(pid).birth
        if a is None or b is None or a.year == b.year:
            return "sibling"
        return "older" if b.year < a.year else "younger"
