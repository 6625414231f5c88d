"""Ecomap model: vocabulary, validation errors that name record and field, after-changes."""

from __future__ import annotations

import pytest

from socialtools.ecomap.model import CATEGORIES, CUSTOM_COLOUR, Ecomap, load_ecomap
from socialtools.errors import InputError
from socialtools.examples import load_example


def base(**extra):
    data = {
        "focal": {"label": "PK"},
        "systems": [{"id": "a", "category": "health"}, {"id": "b", "category": "Sekolah"}],
        "ties": [{"system": "a"}],
    }
    data.update(extra)
    return data


def test_categories_have_colour_and_both_languages():
    for key, (colour, id_name, en_name) in CATEGORIES.items():
        assert colour.startswith("#") and len(colour) == 7, key
        assert id_name and en_name


def test_category_aliases_and_custom_colour():
    eco = Ecomap.model_validate(
        base(
            systems=[
                {"id": "a", "category": "Sekolah"},
                {"id": "b", "category": "klub"},
                {"id": "c", "category": "klub", "colour": "#123456"},
            ]
        )
    )
    assert eco.system("a").category == "education"
    assert eco.system("a").colour == CATEGORIES["education"][0]
    assert eco.system("b").category == "klub" and eco.system("b").colour == CUSTOM_COLOUR
    assert eco.system("c").colour == "#123456"


def test_tie_words_in_indonesian():
    eco = Ecomap.model_validate(
        base(ties=[{"system": "a", "strength": "lemah", "quality": "stres", "flow": "in", "sign": "−"}])
    )
    t = eco.ties[0]
    assert (t.strength, t.quality, t.flow, t.sign) == ("weak", ("stressful",), "to_focal", "-")


@pytest.mark.parametrize(
    ("ties", "record", "field", "word"),
    [
        ([{"system": "x"}], "ties[0]", "system", "unknown system 'x'"),
        ([{"system": "a", "to": "nobody"}], "ties[0]", "to", "unknown system or focal member 'nobody'"),
        ([{"system": "a", "to": "a"}], "ties[0]", "to", "two different ends"),
        ([{"system": "a"}, {"system": "a", "to": "focal"}], "ties[1]", "to", "listed twice"),
    ],
)
def test_bad_ties_name_record_and_field(ties, record, field, word):
    with pytest.raises(InputError) as info:
        Ecomap.model_validate(base(ties=ties))
    err = info.value
    assert err.record.startswith(record) and err.field == field and word in err.message


@pytest.mark.parametrize(
    ("tie", "field"),
    [
        ({"system": "a", "level": 4}, "level"),
        ({"system": "a", "strength": "huge"}, "strength"),
        ({"system": "a", "quality": "meh"}, "quality"),
        ({"system": "a", "flow": "up"}, "flow"),
    ],
)
def test_out_of_range_values_name_the_field(tie, field):
    from socialtools.io.loading import parse_model

    with pytest.raises(InputError) as info:
        parse_model(Ecomap, base(ties=[tie]))
    assert info.value.field == field
    assert "ties[0]" in (info.value.record or "")


def test_duplicate_system_id():
    with pytest.raises(InputError, match="duplicate system id 'a'"):
        Ecomap.model_validate(base(systems=[{"id": "a"}, {"id": "a"}]))


def test_focal_members_come_from_the_family_section():
    doc = load_example("pk.yaml")
    eco, family = load_ecomap(doc)
    assert eco.focal.members == ["PK"]
    assert family is not None and family.person("PK").index
    doc["ecomap"] = {**doc["ecomap"], "focal": {"members": ["PK", "ZZ"]}}
    with pytest.raises(InputError) as info:
        load_ecomap(doc, "pk.yaml")
    assert info.value.field == "members" and "ZZ" in info.value.message and "ecomap.focal" in str(info.value)


def test_tie_to_unknown_member():
    doc = {
        "family": {"people": [{"id": "K"}]},
        "ecomap": {
            "focal": {"members": ["K"]},
            "systems": [{"id": "a"}],
            "ties": [{"system": "a", "to": "S"}],
        },
    }
    with pytest.raises(InputError, match="unknown system or focal member 'S'"):
        load_ecomap(doc)


def test_after_state_changes_adds_and_removes():
    eco = Ecomap.model_validate(
        base(
            ties=[{"system": "a", "strength": "weak"}, {"system": "b", "strength": "strong"}],
            after={
                "date": "2024-09-27",
                "ties": [
                    {"system": "a", "strength": "moderate"},
                    {"system": "b", "remove": True},
                    {"system": "b", "to": "a", "quality": "stressful"},
                ],
            },
        )
    )
    later, changed = eco.after_state()
    assert [t.key for t in later.ties] == [("a", "focal"), ("b", "a")]
    assert later.ties[0].strength == "moderate" and later.date == "2024-09-27"
    assert changed == {("a", "focal"), ("b", "focal"), ("b", "a")}
    assert eco.ties[0].strength == "weak"  # the before state is untouched


def test_unchanged_after_is_not_marked():
    eco = Ecomap.model_validate(base(after={"ties": [{"system": "a", "strength": "moderate"}]}))
    assert eco.after_state()[1] == set()


def test_pk_after_tie_to_residents_goes_from_tenuous_to_moderate():
    eco, _ = load_ecomap(load_example("pk.yaml"))
    later, changed = eco.after_state()
    before = {t.system: t for t in eco.ties if t.target == "focal"}
    after = {t.system: t for t in later.ties if t.target == "focal"}
    assert before["pm"].strength == "tenuous" and after["pm"].strength == "moderate"
    assert ("pm", "focal") in changed


def test_yaml_dates_become_text():
    import datetime as dt

    eco = Ecomap.model_validate(base(date=dt.date(2024, 9, 2), after={"date": 2025, "ties": []}))
    assert eco.date == "2024-09-02" and eco.after is not None and eco.after.date == "2025"


def test_json_schema_accepts_what_the_model_accepts():
    import json
    from pathlib import Path

    import yaml

    jsonschema = pytest.importorskip("jsonschema")
    from socialtools.ecomap.samples import generated_ecomap
    from socialtools.schema import model_schema

    validator = jsonschema.Draft202012Validator(model_schema(Ecomap))
    household = Path(__file__).resolve().parent.parent / "docs" / "examples" / "ecomap-household.yaml"
    for document in (load_example("pk.yaml"), yaml.safe_load(household.read_text(encoding="utf-8"))):
        # as an editor sees YAML: unquoted dates are text
        section = json.loads(json.dumps(document["ecomap"], default=str))
        assert list(validator.iter_errors(section)) == []
    short = {
        "focal": "PK",
        "systems": [{"id": "a"}],
        "ties": [{"system": "a", "strength": "Kuat", "quality": "stres", "flow": "in", "sign": "-"}],
    }
    assert list(validator.iter_errors(short)) == []
    Ecomap.model_validate(short)
    eco, _ = generated_ecomap(12, seed=2)
    assert list(validator.iter_errors(json.loads(eco.model_dump_json()))) == []
    assert list(validator.iter_errors({"systems": [{"id": "a"}], "ties": [{"system": "a", "strength": "huge"}]}))


@pytest.mark.parametrize("word", ["other", "Other", "lainnya", "Lainnya", "lain-lain", "lain lain", "LAIN"])
def test_category_other_and_its_indonesian_alias_lainnya(word):
    """The catch-all kind of system is a category of the vocabulary (its own colour and legend
    name in both languages), written ``other`` or in Indonesian ``lainnya``: not a custom category
    shown in the Indonesian legend as the English word."""
    from socialtools.ecomap.render import category_name

    eco = Ecomap.model_validate(base(systems=[{"id": "a", "category": word}, {"id": "b", "category": "klub"}]))
    system = eco.system("a")
    assert system.category == "other"
    assert system.colour == CATEGORIES["other"][0] != CUSTOM_COLOUR
    assert (category_name("other", "id"), category_name("other", "en")) == ("Lainnya", "Other")
    assert eco.categories_used() == ["other", "klub"]


def test_r13_komunitas_kelompok_arisan_are_community_and_the_docs_table_holds() -> None:
    """Review 5 R13: 'komunitas' (Arisan PKK) was a custom grey category 'komunitas' beside
    'Masyarakat'; every Indonesian word the docs table lists reads as its category."""
    import re
    from pathlib import Path

    from socialtools.ecomap.model import CATEGORIES, normal_category

    assert {normal_category(w) for w in ("komunitas", "Kelompok", "arisan", "Karang Taruna")} == {"community"}
    docs = (Path(__file__).parent.parent / "docs" / "ecomap.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| [^|]+ \| (.+) \|$", docs, re.M)
    assert {c for c, _ in rows} == set(CATEGORIES)
    for category, words in rows:
        for word in re.findall(r"`([^`]+)`", words):
            assert normal_category(word) == category, (word, category)


def test_r22_an_ecomap_without_systems_is_refused(tmp_path) -> None:
    """Review 5 R22: 'ecomap: {}' drew an empty 'Ekomap / Klien' figure with exit 0."""
    from socialtools.cli import main

    for section in ({}, {"focal": "PK", "title": "Ekomap PK"}):
        with pytest.raises(InputError, match=r"^ecomap, field 'systems': an ecomap needs at least one system"):
            load_ecomap({"ecomap": section})
    src = tmp_path / "kasus.yaml"
    src.write_text("ecomap: {}\n", encoding="utf-8")
    assert main(["ecomap", str(src), "-o", str(tmp_path / "e.svg")]) == 2 and not (tmp_path / "e.svg").exists()


def test_r22_strength_and_quality_errors_name_the_indonesian_words_and_hint() -> None:
    """Review 5 R22: these errors listed only English words, where union errors list 'kuat (strong)'."""
    with pytest.raises(InputError, match=r"'sanga' is not a strength \(did you mean 'sedang'\?\): use one of "
                                         r"kuat \(strong\), sedang \(moderate\), lemah \(weak\), renggang \(tenuous\)"):
        load_ecomap({"ecomap": {"systems": ["a"], "ties": [{"system": "a", "strength": "sanga"}]}})
    with pytest.raises(InputError, match=r"'senang' is not a quality: use one of positif \(positive\)"):
        load_ecomap({"ecomap": {"systems": ["a"], "ties": [{"system": "a", "quality": "senang"}]}})
