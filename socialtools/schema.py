"""JSON Schemas of every input file kind, generated from the pydantic models.

Editors validate YAML with them (VS Code's YAML extension: first line
``# yaml-language-server: $schema=genogram.schema.json``), and other systems use them to
produce our input. Each kind is registered by one line in :data:`SCHEMA_KINDS`.

The schemas accept what the loader accepts, including the shorthands people write in YAML:
``sex: L`` / ``P`` / ``M`` / ``F``, a child as a bare id (``children: [PK, RP]``) and
numbers as ids.

>>> schema = schema_for("genogram")
>>> schema["$schema"], schema["title"]
('https://json-schema.org/draft/2020-12/schema', 'socialtools genogram input')
>>> {"case", "genogram"} <= set(kinds())
True
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from socialtools.errors import UsageError

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"


@dataclass(frozen=True)
class SchemaKind:
    """An input kind: its pydantic model (``"module:Class"``) and the case-document section it reads."""

    model: str
    section: str | None
    description: str

    def model_class(self) -> Any:
        """The model: a pydantic model class, or any type pydantic can validate (e.g. a union)."""
        module, _, name = self.model.partition(":")
        return getattr(importlib.import_module(module), name)


#: kind → model. Each diagram kind adds its own line; ``case`` (a whole case file) is built
#: from every kind that names a section. The model may also be a module attribute holding a
#: union of models (``VennModel = InstitutionalVenn | SetVenn``). Before adding a kind, make the
#: model's JSON Schema accept the words its before-validators accept (``WithJsonSchema`` on
#: the field, or ``_accept_shorthands`` here): the bundled examples must validate (tested).
SCHEMA_KINDS: dict[str, SchemaKind] = {
    "genogram": SchemaKind("socialtools.genogram.model:Family", "family",
                           "a family: people, unions, relationships, households"),
    "bpss": SchemaKind("socialtools.assessment.bpss:Bpss", "bpss", "a BPSS assessment: measurements and four domains"),
    "case_info": SchemaKind("socialtools.report.case:CaseInfo", "case", "the client's identity (case section)"),
    "plan": SchemaKind("socialtools.report.case:Plan", "plan", "intervention plan: case work and group work"),
    "sessions": SchemaKind("socialtools.report.case:Sessions", "sessions", "intervention sessions"),
    "behaviour_change": SchemaKind("socialtools.report.case:BehaviourChanges", "behaviour_change",
                                   "behaviour change before, during and after the intervention"),
    "intervention_systems": SchemaKind("socialtools.report.case:InterventionSystems", "intervention_systems",
                                       "client, target, action and change-agent systems"),
    "evaluation": SchemaKind("socialtools.report.case:Evaluation", "evaluation", "the evaluation"),
    "termination": SchemaKind("socialtools.report.case:Termination", "termination", "termination and referral"),
    "narrative": SchemaKind("socialtools.report.case:Narrative", "narrative",
                            "the interpretation written under each table and figure"),
    "ecomap": SchemaKind("socialtools.ecomap.model:Ecomap", "ecomap", "an ecomap: focal circle, systems, ties"),
    "venn": SchemaKind("socialtools.venn.diagram:VennModel", "venn", "an institutional (PRA) or set Venn diagram"),
    "strengths": SchemaKind("socialtools.quadrant.model:StrengthsQuadrant", "strengths",
                            "a strengths quadrant: four cells of statements"),
}
CASE_KIND = "case"


# -- shorthands the loader accepts, so the schema must accept them too ------------------------------
def _sex_words() -> list[Any]:
    from socialtools.genogram.model import SEX_WORDS

    words: set[str] = set()
    for group in SEX_WORDS.values():
        for word in group:
            words.update({word, word.upper(), word.capitalize()})
    numbers = [int(w) for w in words if w.lstrip("-").isdigit()]
    return sorted(words) + sorted(set(numbers))


ID_FIELDS = ("id", "father", "mother")
ID_LIST_FIELDS = ("partners", "between", "members")
ID_TYPE = {"type": ["string", "integer"]}


def _accept_shorthands(node: Any) -> None:
    """Widen the generated schema where the models' before-validators accept more."""
    if isinstance(node, list):
        for item in node:
            _accept_shorthands(item)
        return
    if not isinstance(node, dict):
        return
    if isinstance(node.get("description"), str):
        node["description"] = _without_examples(node["description"])
    properties = node.get("properties")
    if isinstance(properties, dict):
        sex = properties.get("sex")
        if isinstance(sex, dict) and "enum" in sex:
            sex.pop("type", None)
            sex["enum"] = _sex_words()
            sex["description"] = "male/female/unknown; also L/P (laki-laki/perempuan), M/F, 1/2"
        _widen_words(properties)
        _widen_birth(properties)
        for name in ID_FIELDS:
            _widen_id(properties.get(name))
        for name in ID_LIST_FIELDS:
            field = properties.get(name)
            if isinstance(field, dict):
                _widen_id(field.get("items"))
        children = properties.get("children")
        if isinstance(children, dict) and children.get("items", {}).get("$ref", "").endswith("/ChildLink"):
            children["items"] = {"anyOf": [children["items"], ID_TYPE]}
    for value in node.values():
        _accept_shorthands(value)


def _without_examples(text: str) -> str:
    r"""A model's docstring as a schema description: the prose, not its doctest examples.

    >>> _without_examples("A family.\n\n>>> Family()\nFamily()\n\nMore prose.")
    'A family.'
    """
    kept: list[str] = []
    for line in text.splitlines():
        if line.lstrip().startswith(">>>"):
            break
        kept.append(line)
    return "\n".join(kept).strip()


def _words(groups: dict[Any, tuple[str, ...]]) -> list[str]:
    return sorted({form for words in groups.values() for w in words if w
                   for form in (w, w.upper(), w.capitalize())})


def _widen_words(properties: dict[str, Any]) -> None:
    """Indonesian words for union and relationship kinds, ya/tidak for booleans, conditions as text."""
    from socialtools.genogram.model import (
        CHILD_WORDS,
        CONDITION_WORDS,
        PERSON_KIND_WORDS,
        RELATIONSHIP_WORDS,
        STATUS_WORDS,
        UNION_WORDS,
        YES_NO,
    )

    for name in ("kind", "status", "relation"):
        kind = properties.get(name)
        if not (isinstance(kind, dict) and "enum" in kind):
            continue
        every: list[dict[str, tuple[str, ...]]] = [UNION_WORDS, RELATIONSHIP_WORDS, CONDITION_WORDS,
                                                    STATUS_WORDS, PERSON_KIND_WORDS, CHILD_WORDS]
        for groups in every:
            if set(groups) <= set(kind["enum"]):  # the words of this enum's kinds
                kind.pop("type", None)
                kind["enum"] = kind["enum"] + [w for w in _words(groups) if w not in kind["enum"]]
    for name in ("deceased", "index", "identical", "consanguineous"):
        field = properties.get(name)
        if isinstance(field, dict) and field.get("type") == "boolean":
            field.pop("type")
            field["anyOf"] = [{"type": "boolean"}, {"enum": _words(YES_NO)}]
    conditions = properties.get("conditions")
    if isinstance(conditions, dict) and conditions.get("type") == "array":
        item = conditions.get("items")
        conditions["items"] = {"anyOf": [item, {"type": "string"}]}
        conditions.pop("type")
        conditions["anyOf"] = [{"type": "array", "items": conditions.pop("items")}, item, {"type": "string"}]


def _widen_birth(properties: dict[str, Any]) -> None:
    """A person's ``birth`` may give the place too, as Indonesian forms write it (tempat, tanggal
    lahir): ``"Wonosobo, 12 Agustus 1998"``."""
    from socialtools.dates import DATE_PATTERN

    birth = properties.get("birth")
    if "birthplace" not in properties or not isinstance(birth, dict) or "anyOf" not in birth:
        return
    place = {"type": "string", "pattern": rf"^[^\d]*[^\d\s,][^\d]*,{DATE_PATTERN}$",
             "description": "place and date of birth: Wonosobo, 12 Agustus 1998"}
    if place not in birth["anyOf"]:
        birth["anyOf"].append(place)


def _widen_id(field: Any) -> None:
    if not isinstance(field, dict):
        return
    if field.get("type") == "string":
        field["type"] = ["string", "integer"]
    for option in field.get("anyOf", []):
        if option.get("type") == "string":
            option["type"] = ["string", "integer"]


def model_schema(model: Any) -> dict[str, Any]:
    """The validation schema of ``model`` with the YAML shorthands allowed."""
    if isinstance(model, type) and issubclass(model, BaseModel):
        schema = model.model_json_schema(mode="validation")
    else:
        schema = TypeAdapter(model).json_schema(mode="validation")
    _accept_shorthands(schema)
    return schema


def _section_schema(kind: SchemaKind) -> dict[str, Any]:
    body = model_schema(kind.model_class())
    defs = body.pop("$defs", {})
    name = kind.model.rpartition(":")[2]
    defs[name] = body
    return {"defs": defs, "ref": {"$ref": f"#/$defs/{name}"}}


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of an input kind (see :data:`SCHEMA_KINDS`, plus ``case``)."""
    if kind == CASE_KIND:
        defs: dict[str, Any] = {}
        properties: dict[str, Any] = {}
        for entry in SCHEMA_KINDS.values():
            if entry.section:
                part = _section_schema(entry)
                defs.update(part["defs"])
                properties[entry.section] = part["ref"]
        return {"$schema": DIALECT, "title": "socialtools case file",
                "description": "A whole case in sections; each command reads the section it draws.",
                "type": "object", "properties": properties, "additionalProperties": True, "$defs": defs}
    if kind not in SCHEMA_KINDS:
        raise UsageError(f"unknown kind '{kind}': use one of {', '.join(sorted(kinds()))}")
    entry = SCHEMA_KINDS[kind]
    part = _section_schema(entry)
    options = [part["ref"]]
    if entry.section:
        options.append({"type": "object", "required": [entry.section],
                        "properties": {entry.section: part["ref"]}, "additionalProperties": True})
    return {"$schema": DIALECT, "title": f"socialtools {kind} input",
            "description": f"{entry.description}; either the section itself or a case file with a "
                           f"'{entry.section}' section" if entry.section else entry.description,
            "anyOf": options, "$defs": part["defs"]}


def kinds() -> list[str]:
    """Every kind with a schema."""
    return sorted([*SCHEMA_KINDS, CASE_KIND])


def schema_text(kind: str) -> str:
    """The schema as stable, pretty JSON text (the shipped files are exactly this)."""
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(directory: str | Path = SCHEMA_DIR) -> list[Path]:
    """Write ``<kind>.schema.json`` for every kind (run after changing a model)."""
    from socialtools.io.output import write_atomic

    return [write_atomic(Path(directory) / f"{kind}.schema.json", schema_text(kind)) for kind in kinds()]


def _run(args: argparse.Namespace) -> int:
    if args.list:
        for kind in kinds():
            entry = SCHEMA_KINDS.get(kind)
            description = entry.description if entry else "a whole case file, every section"
            sys.stdout.write(f"{kind}\t{description}\n")
        return 0
    if args.kind is None:
        raise UsageError("name a kind (socialtools schema --list shows them)")
    text = schema_text(args.kind)
    if args.output:
        from socialtools.io.output import write_atomic

        write_atomic(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "schema", help="print the JSON Schema of an input file kind",
        description="Print (or write) the JSON Schema of an input file kind, for editors that "
                    "check YAML as you type and for systems that produce socialtools input.",
    )
    parser.add_argument("kind", nargs="?", metavar="KIND", help="genogram, case, ... (see --list)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--list", action="store_true", help="list the kinds")
    parser.set_defaults(run=_run)


if __name__ == "__main__":  # pragma: no cover - maintainers: python -m socialtools.schema
    for written in write_schemas():
        print(written)
