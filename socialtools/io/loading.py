"""Read YAML/JSON documents and turn them into validated models with clear errors.

Errors name the file, the record (``people[2] (id 'RP')``) and the field, never a traceback.

>>> from pydantic import BaseModel
>>> class P(BaseModel):
...     id: str
...     age: int
>>> try:
...     parse_model(P, {"id": "A", "age": "x"}, "person.yaml")
... except InputError as error:
...     print(error)
person.yaml, P, field 'age': Input should be a valid integer, unable to parse string as an integer
"""

from __future__ import annotations

import difflib
import json
import re
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from socialtools.errors import InputError

M = TypeVar("M", bound=BaseModel)

# keys case files written in Indonesian often use, and the field each one means
FIELD_SYNONYMS = {
    "nama": "name", "nama_lengkap": "name", "inisial": "initials", "jenis_kelamin": "sex", "jk": "sex",
    "kelamin": "sex", "gender": "sex", "lahir": "birth", "tanggal_lahir": "birth", "tgl_lahir": "birth",
    "tahun_lahir": "birth", "born": "birth", "dob": "birth", "wafat": "death", "tanggal_meninggal": "death",
    "tahun_meninggal": "death", "meninggal": "deceased", "almarhum": "deceased", "dead": "deceased",
    "umur": "age", "usia": "age", "peran": "role", "hubungan": "role", "status": "role",
    "pekerjaan": "occupation", "job": "occupation", "pendidikan": "education", "agama": "religion",
    "tempat_lahir": "birthplace", "suku": "ethnicity", "alamat": "address", "telepon": "phone",
    "hp": "phone", "catatan": "notes", "keterangan": "notes", "note": "notes", "kondisi": "conditions",
    "penyakit": "conditions", "ayah": "father", "bapak": "father", "ibu": "mother", "klien": "index",
    "anak": "children", "child": "children", "pasangan": "partners", "partner": "partners",
    "spouses": "partners", "jenis": "kind", "type": "kind", "mulai": "start", "selesai": "end",
    "anggota": "members", "orang": "people", "persons": "people", "individuals": "people",
    "hubungan_emosional": "relationships", "rumah_tangga": "households", "judul": "title",
    "twins": "twin", "kembar": "twin", "relasi": "relation",
}


def _field_names(model: Any, seen: set[Any] | None = None) -> set[str]:
    """Every field name of ``model`` and of the models inside it."""
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    names: set[str] = set()
    stack: list[Any] = [f.annotation for f in model.model_fields.values()]
    names.update(model.model_fields)
    while stack:
        ann = stack.pop()
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            names |= _field_names(ann, seen)
        elif isinstance(ann, types.UnionType) or typing.get_origin(ann) is not None:
            stack.extend(typing.get_args(ann))
    return names


def _did_you_mean(model: Any, key: Any) -> str:
    if not isinstance(key, str):
        return ""
    names = _field_names(model)
    norm = key.strip().lower().replace(" ", "_").replace("-", "_")
    guess = FIELD_SYNONYMS.get(norm)
    if guess is None or guess not in names:
        close = difflib.get_close_matches(norm, sorted(names), n=1, cutoff=0.75)
        guess = close[0] if close else None
    return f": did you mean '{guess}'?" if guess else " (check the spelling)"


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans: only true/false. YAML 1.1 also reads yes/no/on/off, which turns the
    initials ``NO`` or ``ON`` into booleans (fields that want a boolean still accept the words)."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        """A date that is not in the calendar (2024-09-31) is an error at its line, not a crash."""
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[arg-type]
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"'{node.value}' is not a calendar date ({exc})", node.start_mark) from None


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))


def load_yaml(text: str) -> Any:
    """YAML text to Python data, with ``yes``/``no``/``on``/``off`` kept as text.

    >>> load_yaml("people: [{id: NO}, {id: ON, deceased: true}]")
    {'people': [{'id': 'NO'}, {'id': 'ON', 'deceased': True}]}
    """
    return yaml.load(text, Loader=_Loader)


def load_document(path: str | Path) -> dict[str, Any]:
    """Read a YAML (``.yaml``/``.yml``) or JSON file into a dict."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", source=str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", source=str(path)) from None
    return document_from_text(text, str(path), as_json=path.suffix.lower() == ".json")


def document_from_text(text: str, source: str, as_json: bool | None = None) -> dict[str, Any]:
    """A YAML or JSON document (``as_json=None``: JSON when the text starts with ``{``) as a dict."""
    if as_json is None:
        as_json = text.lstrip().startswith("{")
    try:
        data = json.loads(text) if as_json else load_yaml(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                         source=source) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "cannot be read"
        if "'\\t'" in problem:
            problem += " (indent with spaces, not tabs)"
        raise InputError(f"invalid YAML{where}: {problem}", source=source) from None
    if not isinstance(data, dict):
        raise InputError("expected a mapping (key: value) at the top of the file", source=source)
    return data


def _record_name(data: Any, loc: tuple[Any, ...]) -> tuple[str, str | None]:
    """Split a pydantic error location into a readable record and a field name."""
    parts: list[str] = []
    node = data
    last_record = len(loc)
    for i, key in enumerate(loc):
        if isinstance(key, int):
            last_record = i + 1
            label = f"{parts.pop() if parts else ''}[{key}]"
            item = node[key] if isinstance(node, list) and key < len(node) else None
            if isinstance(item, dict) and item.get("id") is not None:
                label += f" (id '{item['id']}')"
            elif isinstance(item, dict) and item.get("name") is not None:
                label += f" ('{item['name']}')"
            parts.append(label)
            node = item
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    record = ".".join(parts[: max(1, min(last_record, len(parts) - 1))]) if len(parts) > 1 else None
    field = parts[-1] if parts else None
    if record is not None and field is not None and record.endswith(field):
        field = None
    return record or "", field


def _data_location(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The error location without pydantic's markers ('function-after[...]', 'ChildLink', ...).

    A key the file itself has is kept as written, even a capitalised one ('Kekuatan Personal').

    >>> _data_location({"Umur": 3}, ("Umur",)), _data_location({"a": [1]}, ("a", 0, "ChildLink"))
    (('Umur',), ('a', 0))
    """
    kept: list[Any] = []
    node = data
    for key in loc:
        in_dict = isinstance(node, dict) and key in node
        if in_dict or (isinstance(key, int) and isinstance(node, list) and 0 <= key < len(node)):
            kept.append(key)
            node = node[key]
        elif isinstance(key, str) and (key.startswith("function-") or key[:1].isupper()):
            continue
        else:
            kept.append(key)
            node = None
    return tuple(kept)


def parse_model(model: type[M], data: Any, source: str | None = None) -> M:
    """Validate ``data`` as ``model``; the first problem becomes an :class:`InputError`."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = _data_location(data, err["loc"])
        record, field = _record_name(data, loc)
        message = err["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, "):]
        if err["type"] == "missing":
            message = "is required"
        elif err["type"] == "extra_forbidden":
            message = f"is not a known field{_did_you_mean(model, loc[-1] if loc else None)}"
        raise InputError(message, record=record or model.__name__, field=field, source=source) from None
    except InputError as exc:
        raise exc.located(source) if source else exc from None
