"""The privacy switch (``--initials``): what every command leaves out before anything is drawn.

One rule, applied to the model before any writer sees it, so SVG, PNG, PDF, DOT, GEDCOM, YAML,
JSON, DOCX, HTML, Markdown and CSV all hide the same things:

- a person's **name** becomes their initials (given ``initials``, else made from the name);
- **exact dates** of birth and death become the year;
- **address** and **phone** are dropped (they are left out of every drawing anyway);
- the **place of birth** and **notes** of a person are dropped, and so is every other free-text note
  about people: a union's ``notes`` ("Bercerai karena KDRT") and a relationship's ``label``;
- a person's name written in a **household label** becomes their initials;
- a person's name written in a **title** (the family's or one given for the figure) becomes their
  initials too (:func:`mask_names`).

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

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.genogram.model import Family


def initials_of(text: str) -> str:
    """Initials of a name: ``Siti Aminah`` → ``SA`` (the text itself when it has no letters).

    >>> initials_of("Bu Siti Aminah"), initials_of("  ")
    ('BSA', '?')
    """
    words = [w for w in str(text).replace(".", " ").split() if w[:1].isalpha()]
    return "".join(w[0].upper() for w in words) or "?"


def mask_names(text: str, family: Family) -> str:
    """``text`` with every full name of a person in ``family`` replaced by their initials.

    Longer names go first, so "Siti Aminah" is not half-replaced by a person called "Siti".
    Matching ignores case; ids and other words stay as they are.

    >>> from socialtools.genogram.model import Family
    >>> f = Family.model_validate({"people": [{"id": "A", "name": "Siti Aminah"}, {"id": "B", "name": "Siti"}]})
    >>> mask_names("Genogram keluarga siti aminah dan Siti", f)
    'Genogram keluarga SA dan S'
    """
    import re

    names = sorted(((p.name, p.display_initials) for p in family.people if p.name and p.name.strip()),
                   key=lambda pair: -len(pair[0]))
    for name, short in names:
        text = re.sub(rf"(?<!\w){re.escape(name.strip())}(?!\w)", short, text, flags=re.IGNORECASE)
    return text


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

    data = family.model_dump()
    for person, row in zip(family.people, data["people"], strict=True):
        row.update(name=None, initials=person.display_initials, address=None, phone=None, birthplace=None,
                   notes=None,
                   birth=PartialDate(person.birth.year, approximate=person.birth.approximate) if person.birth else None,
                   death=PartialDate(person.death.year, approximate=person.death.approximate) if person.death else None)
    for union in data["unions"]:
        union["notes"] = None
    for relationship in data["relationships"]:
        relationship["label"] = None
    for household in data["households"]:
        if household.get("label"):
            household["label"] = mask_names(household["label"], family)
    if family.title:
        data["title"] = mask_names(family.title, family)
    return Family.model_validate(data)


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
