"""JSON Schemas of the input kinds, and lossless model ⇄ JSON/YAML round trips."""

from __future__ import annotations

import json
import sys
import types

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from socialtools import schema as schema_module
from socialtools.cli import main
from socialtools.errors import InputError
from socialtools.examples import example_files, load_example
from socialtools.genogram.model import Family
from socialtools.schema import SCHEMA_DIR, SCHEMA_KINDS, SchemaKind, kinds, schema_for, schema_text

jsonschema = pytest.importorskip("jsonschema")


def validator(kind: str):
    return jsonschema.Draft202012Validator(schema_for(kind))


@pytest.mark.parametrize("kind", kinds())
def test_shipped_schema_files_are_up_to_date(kind):
    shipped = SCHEMA_DIR / f"{kind}.schema.json"
    assert shipped.is_file(), f"run: python -m socialtools.schema (missing {shipped.name})"
    assert shipped.read_text(encoding="utf-8") == schema_text(kind), "run: python -m socialtools.schema"


@pytest.mark.parametrize("kind", kinds())
def test_schemas_are_valid_draft_2020_12(kind):
    jsonschema.Draft202012Validator.check_schema(schema_for(kind))


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_bundled_examples_validate(path):
    # as an editor sees YAML: unquoted dates are text, not date objects
    document = json.loads(json.dumps(load_example(path.name), default=str))
    assert list(validator("case").iter_errors(document)) == []
    if "family" in document:
        assert list(validator("genogram").iter_errors(document)) == []
        assert list(validator("genogram").iter_errors(document["family"])) == []


def test_yaml_shorthands_are_accepted():
    doc = {"people": [{"id": 1, "sex": "L"}, {"id": "S", "sex": "P"}, {"id": "A", "sex": 2}],
           "unions": [{"partners": [1, "S"], "children": ["A", {"id": "A", "relation": "adopted"}]}]}
    assert list(validator("genogram").iter_errors(doc)) == []


@pytest.mark.parametrize("bad", [
    {"people": [{"id": "A", "sex": "lelaki?"}]},
    {"people": [{"id": "A", "umur": 3}]},
    {"people": [{"sex": "male"}]},
    {"people": [{"id": "A"}], "unions": [{"partners": []}]},
    {"people": [{"id": "A"}], "unions": [{"partners": ["A"], "kind": "pacaran"}]},
    {"people": [{"id": "A", "birth": "kemarin"}]},
])
def test_schema_rejects_what_the_model_rejects(bad):
    assert list(validator("genogram").iter_errors(bad))
    with pytest.raises((ValidationError, InputError)):
        Family.model_validate(bad)


def test_a_union_model_registers_too(monkeypatch):
    module = types.ModuleType("toy_union_module")

    class Cats(BaseModel):
        cats: int

    class Dogs(BaseModel):
        dogs: int

    module.Pets = Cats | Dogs
    monkeypatch.setitem(sys.modules, "toy_union_module", module)
    monkeypatch.setitem(SCHEMA_KINDS, "pets", SchemaKind("toy_union_module:Pets", "pets", "pets"))
    check = jsonschema.Draft202012Validator(schema_for("pets"))
    assert not list(check.iter_errors({"pets": {"dogs": 2}}))
    assert list(check.iter_errors({"pets": {"fish": 2}}))


def test_a_new_kind_registers_with_one_line(monkeypatch):
    class Toy(BaseModel):
        centre: str

    module = types.ModuleType("toy_kind_module")
    module.Toy = Toy
    monkeypatch.setitem(sys.modules, "toy_kind_module", module)
    monkeypatch.setitem(SCHEMA_KINDS, "toy", SchemaKind("toy_kind_module:Toy", "toy", "a toy"))
    assert "toy" in kinds()
    case = schema_for("case")
    assert case["properties"]["toy"] == {"$ref": "#/$defs/Toy"}
    good = {"toy": {"centre": "PK"}, "family": {"people": []}}
    assert list(jsonschema.Draft202012Validator(case).iter_errors(good)) == []
    assert list(jsonschema.Draft202012Validator(case).iter_errors({"toy": {}}))


# -- lossless round trips ---------------------------------------------------------------------------
ids = st.lists(st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,4}", fullmatch=True), min_size=1, max_size=8,
               unique=True)
texts = st.none() | st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)
dates = st.none() | st.integers(1900, 2024) | st.dates().filter(lambda d: d.year >= 1000).map(str) | \
    st.tuples(st.integers(1900, 2024), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}")


@st.composite
def family_data(draw):
    people_ids = draw(ids)
    people = []
    for pid in people_ids:
        person = {"id": pid, "sex": draw(st.sampled_from(["male", "female", "unknown", "L", "P"])),
                  "name": draw(texts), "birth": draw(dates), "index": draw(st.booleans()),
                  "kind": draw(st.sampled_from(["person", "pregnancy", "miscarriage", "pet"])),
                  "age": draw(st.none() | st.integers(0, 150)), "notes": draw(texts),
                  "conditions": draw(st.lists(st.fixed_dictionaries({
                      "name": st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                                      max_size=10),
                      "kind": st.sampled_from(["medical", "mental", "disability", "substance", "other"]),
                      "status": st.sampled_from(["confirmed", "suspected", "recovery"])}), max_size=2))}
        people.append({k: v for k, v in person.items() if v is not None})
    unions, bio = [], set()
    for _ in range(draw(st.integers(0, 3))):
        a = draw(st.integers(0, len(people_ids) - 1))
        partners = [people_ids[a]]
        if a + 1 < len(people_ids) and draw(st.booleans()):
            partners.append(people_ids[a + 1])
        later = people_ids[a + 2:]
        children = []
        for child in draw(st.lists(st.sampled_from(later), unique=True, max_size=3)) if later else []:
            relation = draw(st.sampled_from(["biological", "adopted", "foster", "step"]))
            if relation == "biological":
                if child in bio:
                    relation = "step"
                bio.add(child)
            children.append(child if relation == "biological" and draw(st.booleans())
                            else {"id": child, "relation": relation, "twin": draw(st.none() | st.just("a"))})
        unions.append({"partners": partners, "children": children,
                       "kind": draw(st.sampled_from(["married", "divorced", "cohabiting", "affair"])),
                       "start": draw(st.none() | st.integers(1900, 1950)),
                       "end": draw(st.none() | st.integers(1951, 2024)),
                       "consanguineous": draw(st.booleans())})
    unions = [{k: v for k, v in u.items() if v is not None} for u in unions]
    relationships = []
    if len(people_ids) >= 2:
        for _ in range(draw(st.integers(0, 2))):
            pair = draw(st.lists(st.sampled_from(people_ids), min_size=2, max_size=2, unique=True))
            kind = draw(st.sampled_from(["close", "conflict", "focused_on"]))
            if not any(r["kind"] == kind and sorted(r["between"]) == sorted(pair) for r in relationships):
                relationships.append({"between": pair, "kind": kind})  # a repeated one is an input error
    households = [{"members": draw(st.lists(st.sampled_from(people_ids), min_size=1, unique=True)),
                   "label": draw(texts)}] if draw(st.booleans()) else []
    return {"title": draw(texts), "as_of": draw(dates), "people": people, "unions": unions,
            "relationships": relationships, "households": [{k: v for k, v in h.items() if v is not None}
                                                           for h in households]}


def _valid_family(data):
    data = {k: v for k, v in data.items() if v is not None}
    try:
        return Family.model_validate(data)
    except (ValidationError, InputError):  # an impossible combination the strategy drew
        return None


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(family_data())
def test_family_round_trips_through_json_and_yaml(data):
    family = _valid_family(data)
    if family is None:
        return
    dumped = family.model_dump(mode="json", exclude_defaults=True)
    assert Family.model_validate(json.loads(json.dumps(dumped))) == family
    assert Family.model_validate(yaml.safe_load(yaml.safe_dump(dumped, allow_unicode=True))) == family
    full = family.model_dump(mode="json")
    assert Family.model_validate(yaml.safe_load(yaml.safe_dump(full))) == family


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(family_data())
def test_what_the_model_accepts_the_schema_accepts(data):
    data = {k: v for k, v in data.items() if v is not None}
    if _valid_family(data) is None:
        return
    errors = [e.message for e in validator("genogram").iter_errors(data)]
    assert errors == []
    assert [e.message for e in validator("genogram").iter_errors(
        Family.model_validate(data).model_dump(mode="json"))] == []


# -- command line ------------------------------------------------------------------------------
def test_cli_prints_and_writes(tmp_path, capsys):
    assert main(["schema", "genogram"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "socialtools genogram input"
    assert main(["schema", "case", "-o", str(tmp_path / "case.json")]) == 0
    assert json.loads((tmp_path / "case.json").read_text())["title"] == "socialtools case file"
    assert main(["schema", "--list"]) == 0
    assert "genogram" in capsys.readouterr().out


def test_cli_unknown_kind(tmp_path, capsys):
    assert main(["schema", "ekomap", "-o", str(tmp_path / "x.json")]) == 2
    assert "unknown kind 'ekomap'" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()
    assert main(["schema"]) == 2


def test_schema_module_lists_every_kind():
    assert set(schema_module.kinds()) == {*SCHEMA_KINDS, "case"}
