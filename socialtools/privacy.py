"""The privacy switch (``--initials``): what every command leaves out before anything is drawn.

One rule, applied to the model before any writer sees it, so SVG, PNG, PDF, DOT, GEDCOM, YAML,
JSON, DOCX, HTML, Markdown and CSV all hide the same things:

- a person's **name** becomes their initials (given ``initials``, else made from the name);
- **exact dates** of birth and death become the year;
- **address** and **phone** are dropped (they are left out of every drawing anyway);
- the **place of birth** and **notes** of a person are dropped, and so is every other free-text note
  about people: a union's ``notes`` ("Bercerai karena KDRT") and a relationship's ``label``;
- a family member's name written in **any text** — a title, a household label, an occupation, an
  ecomap system name or tie label, and every free text of a report (:func:`hide_document`) —
  becomes their initials: the full name and every word of it that names the person, so *Rumah
  Pak Budi* reads *Rumah Pak BW* when Budi's name is *Budi Wijaya* (:class:`NameMask`).

Ids stay as they are: they are how records refer to each other, and the examples use codes or
initials as ids (``K``, ``PK``); a case file whose ids are full names should use codes.

>>> from socialtools.genogram.model import Family
>>> f = Family.model_validate({"people": [{"id": "A", "name": "Siti Aminah", "birth": "1998-03-14",
...                                         "phone": "0812 3456 789"}]})
>>> p = hide_identifying(f).people[0]
>>> p.name, p.initials, str(p.birth), p.phone
(None, 'SA', '1998', None)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.ecomap.model import Ecomap
    from socialtools.genogram.model import Family
    from socialtools.report.case import Case


def initials_of(text: str) -> str:
    """Initials of a name: ``Siti Aminah`` → ``SA`` (the text itself when it has no letters).

    >>> initials_of("Bu Siti Aminah"), initials_of("  ")
    ('BSA', '?')
    """
    words = [w for w in str(text).replace(".", " ").split() if w[:1].isalpha()]
    return "".join(w[0].upper() for w in words) or "?"


#: Words of a name that are no name of their own: honorifics, kinship and religious titles, particles
#: (``Kakek Sastro``, ``Ibu Siti``, ``Hj. Aminah binti Ahmad``). They stay where they stand in a text
#: ("dukungan dari nenek"); the other words of a family member's name do not. Words shorter than
#: :data:`MIN_TOKEN` letters are left as well (``Sri`` is masked, ``Al`` is not).
_NOT_NAME_TEXT = """
    pak bapak bpk ibu bunda mama papa mbah kakek nenek eyang uyut buyut kak kakak adik dik abang bang
    mas mbak mba teh akang kang ayah anak om tante paman bibi bude budhe pakde pakdhe bulik paklik
    alm almh almarhum almarhumah haji hajah hajjah ustad ustadz ustaz ustadzah kyai kiai nyai
    sdr sdri saudara saudari nona nyonya tuan bin binti klien keluarga rumah dan yang
    mr mrs ms miss mister madam sir dr drs prof grandma grandpa granny grandmother grandfather
    aunt auntie uncle mother father mom mum dad baby bayi the and van von der den del della
"""
NOT_NAME_WORDS = frozenset(_NOT_NAME_TEXT.split())
MIN_TOKEN = 3
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")  # a word of a text: a name's word never stands inside one
_GAP = re.compile(r"[\s.,]{1,3}")


def name_words(name: str) -> list[str]:
    """The words of ``name`` that name the person (see :data:`NOT_NAME_WORDS`).

    >>> name_words("Kakek Sastro"), name_words("Hj. Siti Nur'aini binti Ahmad"), name_words("Al Bo")
    (['Sastro'], ['Siti', "Nur'aini", 'Ahmad'], [])
    """
    return [w for w in _WORD.findall(name) if len(w) >= MIN_TOKEN and w.lower() not in NOT_NAME_WORDS]


class NameMask:
    """Replaces, in any text, every family member's full name and every word of it (given name,
    family name; see :func:`name_words`) by that person's initials: case-insensitive, whole words
    only. A word two people share (a family name, *Wijaya* of *Budi Wijaya* and *Hadi Wijaya*)
    becomes its first letter (``W.``), as it names neither alone. Full names are matched first.

    ``people``: pairs of (name, initials).

    >>> mask = NameMask([("Budi Wijaya", "BW"), ("Hadi Wijaya", "HW"), ("Rina Astuti", "RA")])
    >>> mask("Rumah Pak Budi; BUDI WIJAYA dan rina; keluarga Wijaya; Budiman")
    'Rumah Pak BW; BW dan RA; keluarga W.; Budiman'
    """

    def __init__(self, people: Iterable[tuple[str | None, str]]) -> None:
        #: a name's words (lower case) -> its replacement; looked up word by word, so that a mask of
        #: thousands of people costs one dictionary look-up per word of the text
        replacement: dict[tuple[str, ...], str] = {}
        words: dict[str, set[str]] = {}
        for name, short in people:
            key = tuple(w.lower() for w in _TOKEN.findall(name or ""))
            if not key:
                continue
            replacement[key] = short
            for word in name_words(name or ""):
                words.setdefault(word.lower(), set()).add(short)
        for word, shorts in words.items():
            if (word,) not in replacement:
                replacement[(word,)] = shorts.pop() if len(shorts) == 1 else f"{word[0].upper()}."
        self.replacement = replacement
        self.longest = max((len(k) for k in replacement), default=0)

    @classmethod
    def of(cls, family: Family | None, *extra: tuple[str | None, str]) -> NameMask:
        """The mask of every named person in ``family`` (and of ``extra`` (name, initials) pairs)."""
        people = [(p.name, family.initials_of(p.id)) for p in family.people] if family is not None else []
        return cls([*people, *extra])

    def __call__(self, text: str) -> str:
        if not self.replacement or not text:
            return text
        tokens = list(_TOKEN.finditer(text))
        out: list[str] = []
        done = i = 0
        while i < len(tokens):
            for length in range(min(self.longest, len(tokens) - i), 0, -1):  # the longest name first
                run = tokens[i:i + length]
                if any(not _GAP.fullmatch(text[a.end():b.start()]) for a, b in pairwise(run)):
                    continue  # the words of a name stand apart only by spaces and dots
                short = self.replacement.get(tuple(m.group(0).lower() for m in run))
                if short is not None:
                    out += [text[done:run[0].start()], short]
                    done, i = run[-1].end(), i + length
                    break
            else:
                i += 1
        return "".join(out) + text[done:] if out else text

    def __bool__(self) -> bool:
        return bool(self.replacement)


def mask_names(text: str, family: Family) -> str:
    """``text`` with every name of a person in ``family`` (full name, and every word of it that
    names the person) replaced by their initials (:class:`NameMask`).

    Longer names go first, so "Siti Aminah" is not half-replaced by a person called "Siti".
    Matching ignores case; ids, honorifics (*Pak*, *Ibu*) and other words stay as they are.

    >>> from socialtools.genogram.model import Family
    >>> f = Family.model_validate({"people": [{"id": "A", "name": "Siti Aminah"}, {"id": "B", "name": "Siti"},
    ...                                       {"id": "C", "name": "Budi Wijaya"}]})
    >>> mask_names("Genogram keluarga siti aminah dan Siti; Rumah Pak Budi", f)
    'Genogram keluarga SA dan S; Rumah Pak BW'
    """
    return NameMask.of(family)(text)


#: Fields that hold ids (references between records), never masked: an id is no text a reader sees
#: as a name, and changing it would break the reference.
REFERENCE_FIELDS = frozenset({"id", "partners", "members", "between", "father", "mother", "person", "system",
                              "to", "client", "initials"})


#: The fields that hold ids in the report's sections (``members`` of an intervention system is text).
CASE_ID_FIELDS = frozenset({"id", "client", "initials", "person", "system", "to"})


def mask_text(value: Any, mask: NameMask, skip: frozenset[str] = REFERENCE_FIELDS) -> Any:
    """``value`` (a string, or lists and mappings of them, as read from a case file or dumped from
    a model) with every string and mapping key masked, except the values of the fields in ``skip``.

    >>> mask = NameMask([("Budi Wijaya", "BW")])
    >>> mask_text({"id": "Budi", "finding": "Sering bertengkar dengan Budi.", "Relasi dengan Budi": ["baik"]}, mask)
    {'id': 'Budi', 'finding': 'Sering bertengkar dengan BW.', 'Relasi dengan BW': ['baik']}
    """
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, list | tuple):
        return type(value)(mask_text(v, mask, skip) for v in value)
    if isinstance(value, dict):
        return {(mask(k) if isinstance(k, str) else k): (v if k in skip else mask_text(v, mask, skip))
                for k, v in value.items()}
    return value


def mask_family_text(family: Family, mask: NameMask | None = None) -> Family:
    """A copy of ``family`` whose free text (title, occupations, conditions, household labels,
    notes, relationship labels ...) has every family member's name masked; names, initials and ids
    stay (the drawing and the tables show names as initials with the privacy switch)."""
    from socialtools.genogram.model import Family

    mask = mask or NameMask.of(family)
    return Family.model_validate(_masked_data(family, mask)) if mask else family


#: Fields of a family whose values are words of the model's vocabulary (a union's ``kind: unknown``, a
#: person's ``sex``), never masked: a person a genealogy names ``Unknown`` (or ``Married``) is no reason
#: to turn the union kind ``unknown`` into that person's initials.
VOCABULARY_FIELDS = frozenset({"kind", "sex", "gender", "relation", "status", "birth_order"})


def _masked_data(family: Family, mask: NameMask) -> dict[str, Any]:
    """The family dumped, with its free text masked (:func:`mask_family_text`); ids and the words of
    the model's vocabulary (:data:`VOCABULARY_FIELDS`) stay.

    >>> from socialtools.genogram.model import Family
    >>> f = Family.model_validate({"people": [{"id": "A", "name": "Unknown"}, {"id": "B", "name": "Rina"}],
    ...                            "unions": [{"partners": ["A", "B"], "kind": "unknown"}]})
    >>> _masked_data(f, NameMask.of(f))["unions"][0]["kind"]
    'unknown'
    """
    skip = REFERENCE_FIELDS | VOCABULARY_FIELDS
    data = {key: value if key == "people" else mask_text(value, mask, skip)
            for key, value in family.model_dump().items()}
    data["people"] = [{key: value if key in skip or key == "name" else mask_text(value, mask, skip)
                       for key, value in row.items()} for row in data["people"]]
    return data


def hide_ecomap(ecomap: Ecomap, family: Family | None) -> Ecomap:
    """A copy of ``ecomap`` with every family member's name masked in its text (title, system
    names, tie labels, notes); a system named by its id alone (``- Budi``) gets its masked id as
    its name. Ids stay, so the ties still find their systems.

    >>> from socialtools.ecomap import Ecomap
    >>> from socialtools.genogram.model import Family
    >>> f = Family.model_validate({"people": [{"id": "B", "name": "Budi Wijaya"}]})
    >>> eco = Ecomap.model_validate({"title": "Ekomap Budi", "systems": [{"id": "toko", "name": "Toko Budi Wijaya"},
    ...                              "Pak Budi"], "ties": [{"system": "toko"}]})
    >>> hidden = hide_ecomap(eco, f)
    >>> hidden.title, [s.label for s in hidden.systems]
    ('Ekomap BW', ['Toko BW', 'Pak BW'])
    """
    from socialtools.ecomap.model import Ecomap

    mask = NameMask.of(family)
    if not mask:
        return ecomap
    data = mask_text(ecomap.model_dump(), mask)
    for system in data["systems"]:
        if not system["name"] and system["person"] is None and mask(system["id"]) != system["id"]:
            system["name"] = mask(system["id"])
    return Ecomap.model_validate(data)


def document_mask(document: dict[str, Any], source: str | None = None) -> NameMask:
    """The :class:`NameMask` of a case document: the people of its ``family`` section and the
    client's name of its ``case`` section."""
    from socialtools.genogram.model import Family
    from socialtools.io.sections import parse_section

    family = None
    if isinstance(document.get("family"), dict):
        family = parse_section(Family, document, "family", marker="people", source=source)
    case = document.get("case")
    extra: list[tuple[str | None, str]] = []
    if isinstance(case, dict) and isinstance(case.get("name"), str):
        extra.append((case["name"], str(case.get("initials") or initials_of(case["name"]))))
    return NameMask.of(family, *extra)


def hide_document(document: dict[str, Any], source: str | None = None,
                  mask: NameMask | None = None) -> dict[str, Any]:
    """A case document with every family member's name masked in the free text of every section
    but ``family`` (which :func:`hide_identifying` hides as a model): the case's title and problem,
    BPSS findings (and their aspects), plans, sessions, behaviour changes, intervention systems,
    evaluation, termination, narrative, strengths, Venn and ecomap (``mask``: the names to mask,
    by default those of the document's ``family`` and ``case.name``). Ids (``client``, ``id``,
    ``person``, ``system``, ``to``, the ecomap's focal ``members``) stay.

    >>> doc = {"family": {"people": [{"id": "B", "name": "Budi Wijaya"}]}, "case": {"client": "B"},
    ...        "narrative": {"genogram": "Budi Wijaya bercerai pada 2016."}}
    >>> hide_document(doc)["narrative"], hide_document(doc)["family"] is doc["family"]
    ({'genogram': 'BW bercerai pada 2016.'}, True)
    """
    mask = mask if mask is not None else document_mask(document, source)
    if not mask:
        return document
    return {key: value if key == "family" else
            mask_text(value, mask, REFERENCE_FIELDS if key == "ecomap" else CASE_ID_FIELDS)
            for key, value in document.items()}


def hide_identifying(family: Family) -> Family:
    """A copy of ``family`` with names as initials, dates as years, no address, phone or notes
    (a person's, a union's, a relationship's label), names in household labels as initials.

    >>> from socialtools.genogram.model import Family
    >>> f = Family.model_validate({"people": [{"id": "A", "name": "Budi Santoso"}, {"id": "B"}],
    ...     "unions": [{"partners": ["A", "B"], "notes": "Bercerai karena KDRT"}],
    ...     "relationships": [{"between": ["A", "B"], "kind": "hostile", "label": "sejak 2015"}],
    ...     "households": [{"label": "Rumah Budi Santoso", "members": ["A"]}]})
    >>> hidden = hide_identifying(f)
    >>> hidden.unions[0].notes, hidden.relationships[0].label, hidden.households[0].label
    (None, None, 'Rumah BS')
    """
    from socialtools.dates import PartialDate
    from socialtools.genogram.model import Family

    data = _masked_data(family, NameMask.of(family))
    for person, row in zip(family.people, data["people"], strict=True):
        row.update(name=None, initials=family.initials_of(person.id), address=None, phone=None, birthplace=None,
                   notes=None,
                   birth=PartialDate(person.birth.year, approximate=person.birth.approximate) if person.birth else None,
                   death=PartialDate(person.death.year, approximate=person.death.approximate) if person.death else None)
    for union in data["unions"]:
        union["notes"] = None
    for relationship in data["relationships"]:
        relationship["label"] = None
    return Family.model_validate(data).with_origins(family.origins)  # warnings still name the file's rows


def case_mask(case: Case) -> NameMask:
    """The :class:`NameMask` of a report's case: the family's people and the client's ``case.name``."""
    info = case.info
    extra = [(info.name, info.initials or initials_of(info.name))] if info.name else []
    return NameMask.of(case.family, *extra)


def hide_case(case: Case) -> Case:
    """A report's case with every family member's name (and the client's ``case.name``) masked in
    its free text: the case's title and problem, BPSS, plan, sessions, behaviour changes,
    intervention systems, evaluation, termination and narrative, the family's text
    (:func:`mask_family_text`) and the sections the report draws from the document (ecomap,
    strengths, Venn: :func:`hide_document`). The family's names stay: the report writes them as
    initials itself.

    >>> from socialtools.report.case import Case
    >>> case = Case.from_document({"case": {"client": "B", "problem": "Budi menarik diri"},
    ...     "family": {"people": [{"id": "B", "name": "Budi Wijaya", "index": True}]},
    ...     "narrative": {"family": "Keluarga Pak Budi"}})
    >>> hidden = hide_case(case)
    >>> hidden.info.problem, hidden.narrative["family"], hidden.family.people[0].name
    ('BW menarik diri', ['Keluarga Pak BW'], 'Budi Wijaya')
    """
    import copy

    mask = case_mask(case)
    if not mask:
        return case
    hidden = copy.copy(case)
    for part in ("info", "bpss", "plan", "sessions", "behaviour_change", "intervention_systems", "evaluation",
                 "termination", "narrative"):
        setattr(hidden, part, _mask_model(getattr(case, part), mask))
    hidden.family = mask_family_text(case.family, mask) if case.family is not None else None
    hidden.document = hide_document(case.document, case.source, mask)
    return hidden


def _mask_model(value: Any, mask: NameMask) -> Any:
    """``value`` (a model, or lists and mappings of models and text) with its text masked; the
    fields in :data:`CASE_ID_FIELDS` stay. Models are copied only where a text changed."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        update = {name: _mask_model(getattr(value, name), mask) for name in type(value).model_fields
                  if name not in CASE_ID_FIELDS}
        changed = {name: new for name, new in update.items() if new is not getattr(value, name)}
        return value.model_copy(update=changed) if changed else value
    if isinstance(value, str):
        masked = mask(value)
        return value if masked == value else masked
    if isinstance(value, list | tuple):
        items = [_mask_model(v, mask) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else type(value)(items)
    if isinstance(value, dict):
        pairs = [(mask(k) if isinstance(k, str) else k, _mask_model(v, mask)) for k, v in value.items()]
        same = all(k2 == k and v2 is v for (k2, v2), (k, v) in zip(pairs, value.items(), strict=True))
        return value if same else dict(pairs)
    return value


def hide_venn(model: Any) -> Any:
    """A Venn model with the people in it as initials: the members of a set Venn, the facilitators
    and participants of an institutional Venn (institutions are organisations and stay named)."""
    if getattr(model, "kind", None) == "sets" and model.sets is not None:
        sets = {name: [initials_of(str(m)) for m in members] for name, members in model.sets.items()}
        return model.model_copy(update={"sets": sets})
    if getattr(model, "kind", None) == "institutional":
        return model.model_copy(update={"facilitators": [initials_of(n) for n in model.facilitators],
                                        "participants": [initials_of(n) for n in model.participants]})
    return model


def hide_client(document: dict[str, Any]) -> str:
    """The client as a case's own short reference (``case.client``, an id or initials), else ``''``.

    The strengths quadrant's ``client`` line is free text ("PK, perempuan, lahir 1998 ...");
    with the privacy switch only the case's client reference is shown.

    >>> hide_client({"case": {"client": "PK"}, "strengths": {"client": "Siti, lahir 1998"}})
    'PK'
    """
    case = document.get("case")
    client = case.get("client") if isinstance(case, dict) else None
    if not client:
        return ""
    text = str(client).strip()
    return text if len(text) <= 4 and " " not in text else initials_of(text)  # a code stays, a name does not
