"""Case documents: one YAML/JSON file holds a whole case in sections (``family``, ``ecomap``, ...).

Each command reads the section it draws; a file that *is* the section (a bare family with
``people`` at the top) works too.

>>> section({"family": {"people": []}}, "family", marker="people")
{'people': []}
>>> section({"people": []}, "family", marker="people")
{'people': []}
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from socialtools.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.genogram.model import Family

M = TypeVar("M", bound=BaseModel)
_PERSON = re.compile(r"^person '(.+)'$")


def section(document: dict[str, Any], name: str, *, marker: str, source: str | None = None) -> dict[str, Any]:
    """The ``name`` section of a case document, or the document itself when it has ``marker``."""
    if not isinstance(document, dict):
        raise InputError(f"expected a case document as a mapping (key: value), got {type(document).__name__}: "
                         "parse a file's text first (yaml.safe_load, json.loads) or use from_file", source=source)
    if name in document:
        value = document[name]
        if not isinstance(value, dict):
            raise InputError("expected a mapping (key: value)", record=name, source=source)
        return value
    if marker in document:
        return document
    raise InputError(f"no '{name}' section (and no '{marker}' at the top of the file){_section_hint(document, name)}",
                     source=source)


#: section names as case files written in Indonesian (or by another tool's habit) spell them
SECTION_SYNONYMS = {
    "family": ("keluarga", "genogram", "data_keluarga", "famili"),
    "ecomap": ("ekomap", "eco_map", "peta_ekologi", "eko_map"),
    "strengths": ("kekuatan", "kuadran", "kuadran_kekuatan"),
    "venn": ("diagram_venn",),
}


def _section_hint(document: dict[str, Any], name: str) -> str:
    """The key of ``document`` that was meant as section ``name`` (``keluarga``, ``Family``), as a hint.

    >>> _section_hint({"keluarga": {}}, "family")
    ": 'keluarga' is not a section name: write 'family'"
    >>> _section_hint({"Family ": {}}, "family")
    ": 'Family ' is not a section name: write 'family'"
    >>> _section_hint({"title": "x"}, "family")
    ''
    """
    meant = {name, *SECTION_SYNONYMS.get(name, ())}
    for key in document:
        if str(key).strip().lower().replace(" ", "_").replace("-", "_") in meant:
            return f": '{key}' is not a section name: write '{name}'"
    return ""


def in_section(exc: InputError, name: str, data: Any = None, source: str | None = None) -> InputError:
    """``exc`` with its record put inside section ``name``: ``unions[3]`` → ``family.unions[3]``,
    ``person 'PK'`` → ``family.people[2] (id 'PK')``, none → ``family``.

    >>> in_section(InputError("bad", record="unions[3]", field="kind"), "family").record
    'family.unions[3]'
    >>> in_section(InputError("bad", record="person 'B'"), "family", {"people": [{"id": "A"}, {"id": "B"}]}).record
    "family.people[1] (id 'B')"
    """
    record = exc.record or ""
    match = _PERSON.match(record)
    people = data.get("people") if isinstance(data, dict) else None
    if match and isinstance(people, list):
        index = next((i for i, p in enumerate(people) if isinstance(p, dict) and str(p.get("id")) == match[1]), None)
        if index is not None:
            record = f"people[{index}] (id '{match[1]}')"
    if not record:
        record = name
    elif record.startswith("["):
        record = name + record
    elif record != name and not record.startswith(name + "."):
        record = f"{name}.{record}"
    return InputError(exc.message, record=record, field=exc.field, source=source or exc.source)


def parse_section(model: type[M], document: dict[str, Any], name: str, *, marker: str,
                  source: str | None = None) -> M:
    """The ``name`` section of a case document validated as ``model``; an error names the
    section (``family.unions[3]``) when the document has sections.

    >>> from socialtools.genogram.model import Family
    >>> parse_section(Family, {"family": {"people": [{"id": "A"}], "unions": [{"partners": ["A", "Z"]}]}},
    ...               "family", marker="people")
    Traceback (most recent call last):
    ...
    socialtools.errors.InputError: family.unions[0], field 'partners': unknown person 'Z'
    """
    from socialtools.io.loading import parse_model

    data = section(document, name, marker=marker, source=source)
    try:
        return parse_model(model, data)
    except InputError as exc:
        if name in document:
            raise in_section(exc, name, data, source) from None
        raise exc.located(source) if source else exc from None


def refuse_contradictions(family: Family, document: dict[str, Any], source: str | None = None) -> None:
    """Refuse a case file's family for the first of its dates that cannot all be true
    (:meth:`~socialtools.genogram.model.Family.contradictions`), named as its section names it.

    >>> from socialtools.genogram.model import Family
    >>> document = {"family": {"people": [{"id": "A", "birth": 1990, "conditions": [{"name": "X", "start": 1980}]}]}}
    >>> refuse_contradictions(parse_section(Family, document, "family", marker="people"), document)
    Traceback (most recent call last):
    ...
    socialtools.errors.InputError: family.people[0] (id 'A').conditions[0], field 'start': 'X' began in 1980, ...
    """
    found = family.contradictions()
    if not found:
        return
    first = found[0]
    error = InputError(first.message + " (read the file leniently to draw it anyway)", record=first.record,
                       field=first.field)
    raise in_section(error, "family", document.get("family"), source) if "family" in document else \
        (error.located(source) if source else error)
