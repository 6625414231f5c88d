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
person.yaml, field 'age': the text 'x' is not a whole number
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

import socialtools.io.limits as limits
from socialtools.errors import InputError
from socialtools.io.sanitize import clean_data
from socialtools.records import raised_input_error_at

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
    "twins": "twin", "kembar": "twin", "relasi": "relation", "antara": "between", "sejak": "start",
    "dari": "start", "tahun_mulai": "start", "sampai": "end", "hingga": "end", "tahun_selesai": "end",
    "peristiwa": "events", "kejadian": "events", "riwayat": "events", "tahun": "year", "tempat": "place",
    "identik": "identical", "sedarah": "consanguineous", "urutan_lahir": "birth_order", "jumlah": "count",
    "usia_kehamilan": "gestation_weeks", "minggu_kehamilan": "gestation_weeks", "anggota_keluarga": "people",
    "anggota_rumah": "members", "penghuni": "members",
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


# keys whose meaning depends on the record they are written in (``hubungan`` of a relationship is its kind)
RECORD_SYNONYMS = {
    "Union": {"status": "kind", "hubungan": "kind", "tahun": "start", "tanggal": "start", "menikah": "start",
              "tahun_menikah": "start", "tanggal_menikah": "start", "cerai": "end", "tahun_cerai": "end"},
    "Relationship": {"hubungan": "kind", "status": "kind", "keterangan": "label", "catatan": "label",
                     "note": "label", "notes": "label"},
    "Household": {"nama": "label", "name": "label", "rumah": "label", "keterangan": "label"},
}
#: keys that belong to another record than the one they are written in: where they go instead
ELSEWHERE = {
    ("Person", "partners"): "a couple is written as a union: unions: [{partners: [A, B]}]",
    ("Person", "children"): "children are listed in their parents' union (unions: [{partners: [A, B], "
                            "children: [C]}]), or the child's own record names father: and mother:",
    ("Person", "relationships"): "an emotional relationship is written under relationships: "
                                 "[{between: [A, B], kind: dekat}]",
    ("Person", "members"): "a household is written under households: [{members: [A, B]}]",
}
_YEARISH = re.compile(r"^\s*(?:~|±|\+/?-|sekitar|tahun|thn)?\s*\d{4}\b")


def _did_you_mean(model: Any, key: Any, loc: tuple[Any, ...] = (), value: Any = None) -> str:
    """The hint for an unknown ``key`` of the record at ``loc`` (pydantic's location of the key):
    the field of *that* record the key means (``hubungan`` is a relationship's ``kind`` but a
    person's ``role``; ``meninggal: 2010`` is a ``death``, ``meninggal: ya`` is ``deceased``), or
    where a key of another record goes (``pasangan`` on a person: a couple is a union).

    >>> from socialtools.genogram.model import Family
    >>> _did_you_mean(Family, "meninggal", ("people", 0, "meninggal"), 2010)
    ": did you mean 'death'?"
    >>> _did_you_mean(Family, "hubungan", ("relationships", 0, "hubungan"), "dekat")
    ": did you mean 'kind'?"
    """
    if not isinstance(key, str):
        return ""
    record = _record_model(model, loc[:-1]) if loc else None
    names = set(record.model_fields) if record is not None else _field_names(model)
    norm = key.strip().lower().replace(" ", "_").replace("-", "_")
    kind = record.__name__ if record is not None else ""
    guess = RECORD_SYNONYMS.get(kind, {}).get(norm) or FIELD_SYNONYMS.get(norm)
    if guess in ("deceased", "death") and {"deceased", "death"} <= names:  # meninggal: ya / meninggal: 2010
        year = (isinstance(value, int) and not isinstance(value, bool)) or _YEARISH.match(str(value or ""))
        guess = "death" if year else "deceased"
    if guess is not None and guess not in names and (kind, guess) in ELSEWHERE:
        return f" of a {kind.lower()} ('{key}' means {guess}: {ELSEWHERE[kind, guess]})"
    if guess is None or guess not in names:
        close = difflib.get_close_matches(norm, sorted(names), n=1, cutoff=0.75)
        guess = close[0] if close else None
    return f": did you mean '{guess}'?" if guess else " (check the spelling)"


def _record_model(model: Any, loc: tuple[Any, ...]) -> Any:
    """The model class of the record at pydantic's error location ``loc`` inside ``model``
    (``("people", 0)`` → ``Person``), or ``None`` where it cannot be told."""
    current: Any = model
    for key in loc:
        if isinstance(key, int):
            current = _item_type(current)
            continue
        found = _model_in(current)
        if found is not None and key in found.model_fields:
            current = found.model_fields[key].annotation
        # else: one of pydantic's markers ('function-after[...]', a class name): the same record
    return _model_in(current)


def _model_in(ann: Any) -> Any:
    """The model class ``ann`` names, through ``Annotated`` and ``X | None``; ``None`` if none."""
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    if typing.get_origin(ann) is typing.Annotated:
        return _model_in(typing.get_args(ann)[0])
    if isinstance(ann, types.UnionType) or typing.get_origin(ann) is typing.Union:
        return next((m for m in map(_model_in, typing.get_args(ann)) if m is not None), None)
    return None


def _item_type(ann: Any) -> Any:
    """The type of an item of the list type ``ann`` (through ``Annotated`` and ``X | None``)."""
    if typing.get_origin(ann) is typing.Annotated:
        return _item_type(typing.get_args(ann)[0])
    if isinstance(ann, types.UnionType) or typing.get_origin(ann) is typing.Union:
        return next((_item_type(a) for a in typing.get_args(ann) if a is not type(None)), None)
    if typing.get_origin(ann) in (list, tuple, set, frozenset):
        return typing.get_args(ann)[0]
    return ann


class _Constructor(yaml.constructor.SafeConstructor):
    """Safe YAML with three changes: YAML 1.2 booleans, calendar dates checked, duplicate keys refused."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """A key written twice is an error at its line (YAML would keep the last one silently)."""
        seen: set[tuple[str, str]] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                key = (key_node.tag, key_node.value)  # as written: cheap, and 'a' vs "a" are one key
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key '{key_node.value[:60]}' is written twice in one mapping",
                        key_node.start_mark)
                seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        """A date that is not in the calendar (2024-09-31) stays the text it is: the field that
        reads it names its record ("family.people[1] (id 'B'), field 'birth': ... is not a
        calendar date"), as for every other date that cannot be read."""
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[arg-type]
        except ValueError:
            return str(node.value)


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.2 booleans: only true/false. YAML 1.1 also reads yes/no/on/off, which turns the
    initials ``NO`` or ``ON`` into booleans (fields that want a boolean still accept the words)."""


class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
              _Constructor, _Resolver):
    """The pure-Python loader: for text nested so deep that the C parser's recursion could overflow."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.cyaml.CParser, _Constructor, _Resolver):  # type: ignore[name-defined]
        """The same loader over libyaml's parser, five times faster."""

        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)  # type: ignore[attr-defined]
            _Constructor.__init__(self)
            _Resolver.__init__(self)
else:  # pragma: no cover - PyYAML wheels ship libyaml
    _FastLoader = _Loader  # type: ignore[misc,assignment]


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)  # type: ignore[type-var]
_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))


def _deeply_nested(text: str) -> bool:
    """Whether ``text`` may nest deeper than libyaml's recursive composer should go (a cheap bound)."""
    if text.count("[") + text.count("{") > 500:
        depth = deepest = 0
        for match in re.finditer(r"[][{}]", text):
            depth = max(0, depth + (1 if match.group() in "[{" else -1))
            deepest = max(deepest, depth)
        if deepest > 500:
            return True
    return max((len(m.group()) for m in re.finditer(r"^[ -]{500,}", text, re.M)), default=0) > 0


def load_yaml(text: str) -> Any:
    """YAML text to Python data, with ``yes``/``no``/``on``/``off`` kept as text.

    >>> load_yaml("people: [{id: NO}, {id: ON, deceased: true}]")
    {'people': [{'id': 'NO'}, {'id': 'ON', 'deceased': True}]}
    """
    return yaml.load(text, Loader=_Loader if _deeply_nested(text) else _FastLoader)  # type: ignore[arg-type]


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key '{key[:60]}' is written twice in one object")
        out[key] = value
    return out


def load_json(text: str) -> Any:
    """JSON text to Python data; a key written twice in one object is a ``ValueError``.

    >>> load_json('{"a": 1}')
    {'a': 1}
    """
    return json.loads(text, object_pairs_hook=_json_object)


def check_input_file(path: str | Path, max_mb: int = limits.MAX_INPUT_MB) -> Path:
    """``path`` if it is a readable file within the size limit; else an :class:`InputError` naming it.

    ``max_mb`` is the default limit (``SOCIALTOOLS_MAX_INPUT_MB`` overrides it): 16 MB for a case
    file, more for a GEDCOM tree (:data:`~socialtools.io.limits.MAX_TREE_MB`).
    """
    path = Path(path)
    if path.is_dir():
        raise InputError("is a folder, not a file", source=str(path))
    if not path.is_file():
        raise InputError("no such file", source=str(path))
    biggest = limits.limit("SOCIALTOOLS_MAX_INPUT_MB", max_mb)
    size = path.stat().st_size
    if size > biggest * 1_000_000:
        raise InputError(f"the file is {size / 1e6:.0f} MB, over the limit of {biggest} MB "
                         "(SOCIALTOOLS_MAX_INPUT_MB raises it)", source=str(path))
    return path


def decode_text(data: bytes) -> str:
    r"""The text of a file as editors and spreadsheets save it: UTF-8 (with or without a byte-order
    mark), UTF-16 (Excel's "Unicode text", Notepad's "Unicode": with a mark, or without one when
    every other byte of the first line is zero), else Windows-1252 (Notepad's and Excel's "ANSI";
    the five bytes it leaves undefined are read as Latin-1).

    >>> decode_text("id;ayah\r\n".encode("utf-16")), decode_text(b"Ma\x92ruf"), decode_text(b"\xef\xbb\xbfA")
    ('id;ayah\r\n', 'Ma’ruf', 'A')
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
    elif data[:64].count(b"\x00") > 8:
        codec = "utf-16-be" if data[:1] == b"\x00" else "utf-16-le"
    else:
        codec = "utf-8-sig"
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        pass
    return data.decode("latin-1").translate(_CP1252)


#: Latin-1 → Windows-1252 for the bytes 0x80-0x9F that Windows-1252 defines (typographic quotes, dashes, €)
_CP1252 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def read_input_text(path: str | Path, max_mb: int = limits.MAX_INPUT_MB) -> str:
    """The text of an input file (UTF-8, UTF-16 or Windows-1252: :func:`decode_text`), refused when
    it is a folder, missing or over the size limit."""
    return decode_text(check_input_file(path, max_mb).read_bytes())


def load_document(path: str | Path, warnings: list[str] | None = None) -> dict[str, Any]:
    """Read a YAML (``.yaml``/``.yml``) or JSON file into a dict.

    Texts are cleaned and limits checked (:func:`socialtools.io.sanitize.clean_data`); a key written
    twice, nesting too deep or a number too long is an :class:`InputError` naming the file.

    >>> from socialtools.examples import example_path
    >>> load_document(example_path("pk.yaml"))["family"]["people"][0]["id"]
    'K'
    """
    path = Path(path)
    return document_from_text(read_input_text(path), str(path), as_json=path.suffix.lower() == ".json",
                              warnings=warnings)


_LEADING_TABS = re.compile(r"^[ \t]*\t[ \t]*", re.MULTILINE)


def _tabs_as_spaces(text: str) -> tuple[str, int] | None:
    r"""YAML indented with tabs (Notepad's Tab key), each tab of the indentation two spaces, and the
    first line that had one; ``None`` when no line is indented with a tab.

    >>> _tabs_as_spaces("family:\n\tpeople:\n\t\t- id: A\n")
    ('family:\n  people:\n    - id: A\n', 2)
    """
    first = _LEADING_TABS.search(text)
    if first is None:
        return None
    line = text.count("\n", 0, first.start()) + 1
    return _LEADING_TABS.sub(lambda m: m.group(0).replace("\t", "  "), text), line


def document_from_text(text: str, source: str, as_json: bool | None = None,
                       warnings: list[str] | None = None) -> dict[str, Any]:
    """A YAML or JSON document (``as_json=None``: JSON when the text starts with ``{``) as a dict,
    its texts cleaned and its limits checked (:func:`socialtools.io.sanitize.clean_data`).
    With ``warnings``, YAML indented with tabs is read, each tab two spaces, and a line says so
    (without, it is refused naming the line)."""
    if not text.strip():
        raise InputError("the file is empty", source=source)
    if as_json is None:
        as_json = text.lstrip().startswith("{")
    try:
        data = load_json(text) if as_json else load_yaml(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                         source=source) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "cannot be read"
        lines = text.splitlines()
        at = lines[mark.line][mark.column:mark.column + 1] if mark and mark.line < len(lines) else ""
        if "'\\t'" in problem or at == "\t":  # libyaml does not name the tab
            spaced = _tabs_as_spaces(text) if warnings is not None else None
            if spaced is not None:
                try:
                    data = load_yaml(spaced[0])
                except (yaml.YAMLError, ValueError, RecursionError):
                    data = None
                if isinstance(data, dict) and warnings is not None:
                    warnings.append(f"line {spaced[1]}: indented with tabs, which YAML does not allow: each "
                                    "tab read as two spaces (indent with spaces)")
                    return clean_data(data, source)
            problem += " (indent with spaces, not tabs)"
        elif "mapping values are not allowed" in problem:  # notes: Catatan: ayah bekerja ...
            problem += " (a value with ': ' in it goes in quotes: \"Catatan: ...\")"
        elif at in ("@", "`", "%"):  # focus: @I1@
            problem += f" (a value that starts with {at} goes in quotes: \"{at}...\")"
        elif "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
            # bpss: [Berdasarkan {tabel}, masalah utama: ...]: inside [ ] or { }, text with { } , : ends the item
            problem += (" (inside [ ] or { }, a text with { } , or : in it goes in quotes: "
                        "[\"Berdasarkan {tabel}, ...\"], or write the list as '- ...' lines)")
        elif (hint := _indent_hint(lines, mark.line if mark else None, problem)):
            problem += hint
        raise InputError(f"invalid YAML{where}: {problem}", source=source) from None
    except RecursionError:
        raise InputError("nested too deeply to read", source=source) from None
    except ValueError as exc:  # a key written twice (JSON), an integer of thousands of digits
        message = str(exc)
        if "digits" in message:
            message = "a number has thousands of digits"
        raise InputError(message.split("; ")[0], source=source) from None
    if data is None:
        raise InputError("the file is empty (it holds only comments)", source=source)
    if not isinstance(data, dict):
        raise InputError(_not_a_case_file(text, data), source=source)
    return clean_data(data, source)


def _not_a_case_file(text: str, data: Any) -> str:
    """The error for a text that is no mapping: named for the family file it looks like (a GEDCOM
    file, a table, a list of people), which a genogram reads but a case document is not.

    >>> _not_a_case_file("0 HEAD\\n1 CHAR UTF-8\\n0 TRLR\\n", "0 HEAD 1 CHAR UTF-8 0 TRLR")[:60]
    'this is a GEDCOM file, not a case file (YAML or JSON with se'
    >>> _not_a_case_file("a,b\\n1,2\\n", "a,b 1,2")[:50]
    'this is a table (a pedigree table?), not a case fi'
    >>> _not_a_case_file("- a\\n- b\\n", ["a", "b"])
    'expected a mapping (key: value) at the top of the file'
    """
    lines = [line for line in text.lstrip("\ufeff \t\r\n").splitlines()[:20] if line.strip()]
    if _GEDCOM_START.match(text.lstrip("\ufeff \t\r\n")):
        what = "a GEDCOM file"
    elif isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        what = "a list of records (a pedigreejs file?)"
    elif isinstance(data, str) and len(lines) > 1 and all(_CELLS.search(line) for line in lines):
        what = "a table (a pedigree table?)"
    else:
        return "expected a mapping (key: value) at the top of the file"
    return (f"this is {what}, not a case file (YAML or JSON with sections such as family:): convert it "
            "into one first (socialtools convert FILE -o case.yaml) and add the other sections")


_GEDCOM_START = re.compile(r"0\s+(HEAD\b|@[^@\s]+@\s+[A-Z_])")
_CELLS = re.compile(r"\S[\t,;| ]+\S")


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
    node: Any = data
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


def _relocated(error: InputError, loc: tuple[Any, ...], data: Any) -> InputError:
    """An error a nested record's validator raised, named by its place in ``data`` (``unions[2]``)
    rather than by what the record alone knows of itself (``union 'RT/AN'``, ``person 'B'``).

    >>> _relocated(InputError("bad", record="union 'A/B'", field="kind"), ("unions", 1), {"unions": [{}, {}]}).record
    'unions[1]'
    >>> _relocated(InputError("bad", record="events[0]"), ("unions", 0), {"unions": [{"id": "u"}]}).record
    "unions[0] (id 'u').events[0]"
    """
    if not loc:
        return error
    path, _ = _record_name(data, (*loc, "_"))
    if not path:
        return error
    record = path if not error.record or "[" not in error.record else f"{path}.{error.record}"
    return InputError(error.message, record=record, field=error.field, source=error.source)


def _indent_hint(lines: list[str], line: int | None, problem: str) -> str:
    """Where YAML stopped at a line indented otherwise than the one above it (a key one space
    short of its neighbours), the two indents in words: libyaml only says what it expected.

    >>> _indent_hint(["- id: A", "  sex: L", " role: klien"], 2, "did not find expected '-' indicator")
    ' (line 3 is indented by 1 space, the line above it by 2 spaces: the keys of one item line up)'
    """
    if line is None or not 0 < line < len(lines) or not ("expected" in problem or "block" in problem):
        return ""
    above = next((t for t in reversed(lines[:line]) if t.strip() and not t.lstrip().startswith("#")), None)
    if above is None:
        return ""

    def indent(text: str) -> int:
        stripped = text.lstrip(" ")
        return len(text) - len(stripped) + (2 if stripped.startswith("- ") else 0)  # '- id:' keys start after '- '

    here, there = len(lines[line]) - len(lines[line].lstrip(" ")), indent(above)
    levels = {indent(t) for t in lines[:line] if t.strip() and not t.lstrip().startswith("#")}
    if here >= there or here in levels or not lines[line].strip() or lines[line].lstrip().startswith("- "):
        return ""  # deeper (a nested key), or back at a level above: not a key one space out of line

    def spaces(n: int) -> str:
        return f"{n} space" + ("" if n == 1 else "s")

    return (f" (line {line + 1} is indented by {spaces(here)}, the line above it by {spaces(there)}: "
            "the keys of one item line up)")


def parse_model(model: type[M], data: Any, source: str | None = None, *, record: str | None = None,
                cleaned: bool = False) -> M:
    """Validate ``data`` as ``model``; the first problem becomes an :class:`InputError`.
    ``cleaned``: ``data`` is as :func:`~socialtools.io.sanitize.clean_data` would leave it (a reader
    that checked its own texts and numbers says so), so it is not copied through it again.

    The error names the part of ``data`` at fault (``people[2] (id 'RP')``); a problem with ``data``
    as a whole names ``record``, the name ``data`` has in the file (``"strengths"``), if given.

    >>> from socialtools.genogram.model import Family
    >>> parse_model(Family, {"people": [{"id": "A"}, {"id": "B", "brith": 1990}]}, "k.yaml")
    Traceback (most recent call last):
    ...
    socialtools.errors.InputError: k.yaml, people[1] (id 'B'), field 'brith': is not a known field: ...
    """
    for _ in range(_MAX_EMPTY_SECTIONS + 1):
        try:
            # pydantic's own validation (not Record.model_validate, which unwraps a validator's InputError
            # before its place in ``data`` is known)
            return model.__pydantic_validator__.validate_python(data if cleaned else clean_data(data, source))
        except ValidationError as exc:
            if _drop_empty_sections(data, exc):
                continue  # (a key written with nothing after it: 'unions:' is no unions)
            found = raised_input_error_at(exc)
            if found is not None:
                raised = _relocated(found[0], _data_location(data, found[1]), data)
                raise raised.located(source) if source else raised from None
            errors = exc.errors()
            err = errors[0]
            if err["type"] == "missing":  # 'anggota: [A, B]' for 'members': the unknown key is the mistake
                err = next((e for e in errors if e["type"] == "extra_forbidden"
                            and tuple(e["loc"][:-1]) == tuple(err["loc"][:-1])), err)
            loc = _data_location(data, err["loc"])
            inner, field = _record_name(data, loc)
            message = err["msg"]
            if message.startswith("Value error, "):
                message = message[len("Value error, "):]
            if err["type"] == "missing":
                message = "is required"
            elif err["type"] == "extra_forbidden":
                hint = _did_you_mean(model, loc[-1] if loc else None, tuple(err["loc"]), err.get("input"))
                message = f"is not a known field{hint}"
            elif err["type"] in ("model_type", "dict_type", "model_attributes_type"):
                message = f"expected a mapping (key: value), not {_kind_of(err.get('input'))}"
            elif err["type"] == "list_type":
                message = f"expected a list ('- ...' lines), not {_kind_of(err.get('input'))}"
            elif err["type"] in _PLAIN_WORDS:  # pydantic's own words ('Input should be a valid boolean')
                message = f"{_kind_of(err.get('input'))} is not {_PLAIN_WORDS[err['type']]}"
            elif err["type"] in _BOUNDS and err.get("ctx"):  # 'Input should be less than or equal to 3'
                word, key = _BOUNDS[err["type"]]
                message = f"{_kind_of(err.get('input'))} is {word} {err['ctx'].get(key)}"
            elif err["type"] in ("too_long", "too_short") and err.get("ctx"):  # 'List should have at most 2 items'
                message = _length_message(err["type"], err["ctx"], field)
            if loc and isinstance(loc[-1], int):  # a list item as a whole: it is the record ('people[0]')
                inner, field = ".".join(x for x in (inner, field) if x), None
            raise InputError(message, record=inner or record, field=field, source=source) from None
        except InputError as exc:
            raise exc.located(source) if source else exc from None
    raise InputError("too many empty sections", record=record, source=source)  # pragma: no cover


def _length_message(kind: str, ctx: dict[str, Any], field: str | None) -> str:
    """A list too long or too short, in plain words (pydantic says 'List should have at most 2 items
    after validation, not 3'), with what to write instead where the field is a union's partners.

    >>> _length_message("too_long", {"max_length": 2, "actual_length": 3}, "partners")
    'has 3 people, at most 2: a union is one couple (or one known parent); write one union per couple'
    >>> _length_message("too_short", {"min_length": 1, "actual_length": 0}, "members")
    'has 0 items, at least 1'
    """
    actual = ctx.get("actual_length")
    bound = f"at most {ctx.get('max_length')}" if kind == "too_long" else f"at least {ctx.get('min_length')}"
    if field == "partners" and kind == "too_long":
        return (f"has {actual} people, {bound}: a union is one couple (or one known parent); "
                "write one union per couple")
    return f"has {actual} items, {bound}"


#: what a field wants, by pydantic's error type, for a message in plain words
_PLAIN_WORDS = {"bool_parsing": "yes or no: write ya/tidak (or true/false)", "bool_type": "yes or no: write ya/tidak",
                "int_parsing": "a whole number", "int_type": "a whole number", "int_from_float": "a whole number",
                "float_parsing": "a number", "float_type": "a number", "string_type": "a text"}
_BOUNDS = {"less_than_equal": ("over the highest allowed,", "le"), "less_than": ("not below", "lt"),
           "greater_than_equal": ("under the lowest allowed,", "ge"), "greater_than": ("not above", "gt")}
#: empty keys (``unions:`` with nothing after it) dropped before a file is refused
_MAX_EMPTY_SECTIONS = 20
_EMPTY_OK = frozenset({"list_type", "dict_type", "model_type", "model_attributes_type"})


def _drop_empty_sections(data: Any, exc: ValidationError) -> bool:
    """Drop from ``data`` the keys written with no value where a list or a mapping belongs (a student
    leaves ``unions:`` or ``households:`` empty): an empty section is no section. Whether any was."""
    dropped = False
    for err in exc.errors():
        loc = err["loc"]
        if err["type"] not in _EMPTY_OK or err.get("input", 0) is not None or not loc or not isinstance(loc[-1], str):
            continue
        node = data
        for key in _data_location(data, tuple(loc[:-1])):
            node = node[key] if isinstance(node, (dict, list)) and (isinstance(node, dict) or isinstance(key, int)) \
                and (key in node if isinstance(node, dict) else 0 <= key < len(node)) else None
        if isinstance(node, dict) and loc[-1] in node and node[loc[-1]] is None:
            del node[loc[-1]]
            dropped = True
    return dropped


def _kind_of(value: Any) -> str:
    """What a value of a file is, in a message: ``the text 'Budi'``, ``a list``, ``a number``."""
    if value is None:
        return "an empty item ('-' with nothing after it)"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else type(value).__name__
