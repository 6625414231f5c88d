"""The family model: what it accepts and the errors that name record and field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from socialtools.cli import main
from socialtools.dates import PartialDate
from socialtools.errors import InputError, UsageError
from socialtools.genogram import Family, Genogram
from socialtools.genogram.diagram import GenogramOptions
from socialtools.io.loading import parse_model


def family(**data: object) -> Family:
    return parse_model(Family, {"people": [{"id": "A", "sex": "male"}, {"id": "B", "sex": "female"},
                                           {"id": "C"}], **data})


@pytest.mark.parametrize("word, sex", [("L", "male"), ("laki-laki", "male"), ("1", "male"), ("M", "male"),
                                       ("P", "female"), ("perempuan", "female"), ("2", "female"),
                                       ("F", "female"), ("?", "unknown"), ("0", "unknown")])
def test_sex_words(word: str, sex: str) -> None:
    f = parse_model(Family, {"people": [{"id": "A", "sex": word}]})
    assert f.people[0].sex == sex


@pytest.mark.parametrize("data, record, field, words", [
    ({"unions": [{"partners": ["A", "X"]}]}, "unions[0]", "partners", "unknown person 'X'"),
    ({"unions": [{"partners": ["A", "A"]}]}, "unions[0]", "partners", "with themself"),
    ({"unions": [{"partners": ["A", "B"], "children": ["Z"]}]}, "unions[0]", "children", "unknown person 'Z'"),
    ({"unions": [{"partners": ["A", "B"], "children": ["C"]}, {"partners": ["C"], "children": ["A"]}]},
     "person", "children", "own ancestor"),
    ({"unions": [{"partners": ["A", "B"], "children": ["C"]}, {"partners": ["B"], "children": ["C"]}]},
     "unions[1]", "children", "more than two biological parents"),
    ({"relationships": [{"between": ["A", "Q"], "kind": "close"}]}, "relationships[0]", "between", "unknown"),
    ({"households": [{"members": ["A", "Q"]}]}, "households[0]", "members", "unknown person 'Q'"),
])
def test_reference_errors_name_record_and_field(data: dict, record: str, field: str, words: str) -> None:
    with pytest.raises(InputError) as err:
        family(**data)
    text = str(err.value)
    assert record in text and f"field '{field}'" in text and words in text


def test_an_ancestry_loop_written_with_father_and_mother_is_named_on_that_field() -> None:
    """A student writes parents with the ``father``/``mother`` shorthand; a loop among them is
    named on the field that made it, not on a union's 'children' nobody wrote (input review)."""
    people = [{"id": "A", "sex": "male"}, {"id": "B", "sex": "male", "father": "A"}, {"id": "C", "father": "B"}]
    people[0]["father"] = "C"
    with pytest.raises(InputError) as err:
        parse_model(Family, {"people": people})
    text = str(err.value)
    assert re.search(r"people\[\d\] \(id '[ABC]'\), field 'father'", text) and "own ancestor" in text, text
    assert "children" not in text


def test_duplicate_ids_are_named() -> None:
    with pytest.raises(InputError, match=r"people\[1\].*duplicate id 'A'"):
        parse_model(Family, {"people": [{"id": "A"}, {"id": "A"}]})


def test_death_before_birth() -> None:
    with pytest.raises(InputError, match=r"people\[0\] \(id 'A'\), field 'death'.*before birth"):
        parse_model(Family, {"people": [{"id": "A", "birth": 1990, "death": 1980}]})


def test_pydantic_errors_name_the_person_and_field() -> None:
    with pytest.raises(InputError) as err:
        parse_model(Family, {"people": [{"id": "A"}, {"id": "RP", "sex": "robot"}]}, "case.yaml")
    text = str(err.value)
    assert text.startswith("case.yaml") and "id 'RP'" in text and "sex" in text and "robot" in text


def test_unknown_field_is_reported() -> None:
    with pytest.raises(InputError, match=r"birthday.*not a known field"):
        parse_model(Family, {"people": [{"id": "A", "birthday": 1990}]})


def test_child_born_before_parent_is_a_warning() -> None:
    f = parse_model(Family, {"people": [{"id": "P", "birth": 2000}, {"id": "C", "birth": 1990}],
                             "unions": [{"partners": ["P"], "children": ["C"]}]})
    assert any("before their parent" in w for w in f.warnings())


def test_father_mother_shorthand_builds_unions() -> None:
    f = parse_model(Family, {"people": [{"id": "F", "sex": "male"}, {"id": "M", "sex": "female"},
                                        {"id": "C1", "father": "F", "mother": "M"},
                                        {"id": "C2", "father": "F", "mother": "M"}]})
    assert len(f.unions) == 1 and [c.id for c in f.unions[0].children] == ["C1", "C2"]


def test_dates_and_ages() -> None:
    assert PartialDate.parse("04-03-1998") == PartialDate(1998, 3, 4)
    f = parse_model(Family, {"as_of": "2024-06-01", "people": [{"id": "A", "birth": "1998-07-01"},
                                                                {"id": "B", "birth": 1950, "death": 2000}]})
    assert f.people[0].age_at(f.reference_date()) == 25
    assert f.people[1].age_at(f.reference_date()) == 50
    with pytest.raises(InputError, match="not a date"):
        parse_model(Family, {"people": [{"id": "A", "birth": "last year"}]})


def test_initials_and_privacy_in_the_drawing() -> None:
    f = parse_model(Family, {"people": [{"id": "a", "name": "Siti Aminah", "birth": "1998-03-04",
                                         "address": "Jl. Contoh 12", "phone": "0812-0000-0000"}]})
    svg = Genogram(f, initials=True).to_svg()
    assert "SA" in svg and "Siti" not in svg
    assert "1998" in svg and "1998-03-04" not in svg  # years only by default
    assert "Contoh" not in svg and "0812" not in svg
    assert "1998-03-04" in Genogram(f, full_dates=True, labels=("name", "years")).to_svg()


def test_initials_hide_a_name_written_in_the_title(tmp_path: Path) -> None:
    case = {"title": "Genogram Ibu Siti Aminah", "people": [{"id": "a", "name": "Siti Aminah", "sex": "P"}]}
    f = parse_model(Family, case)
    assert "Siti" in Genogram(f).to_svg()
    assert "Siti" not in Genogram(f, initials=True).to_svg()
    assert "Siti" not in Genogram(f, initials=True, title="Keluarga siti aminah").to_svg()
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"family": case}))
    out = tmp_path / "g.svg"
    assert main(["genogram", str(path), "-o", str(out), "--initials"]) == 0
    assert "Siti" not in out.read_text() and "Genogram Ibu SA" in out.read_text()


@pytest.mark.parametrize("text, expected", [
    ("12 Maret 1998", PartialDate(1998, 3, 12)), ("Agustus 2001", PartialDate(2001, 8)),
    ("4 March 1998", PartialDate(1998, 3, 4)), ("04/03/1998", PartialDate(1998, 3, 4)),
    ("sekitar 1970", PartialDate(1970, approximate=True)), ("abt 1950", PartialDate(1950, approximate=True)),
    ("1970-an", PartialDate(1970, approximate=True)), ("±1960", PartialDate(1960, approximate=True)),
    ("~1960", PartialDate(1960, approximate=True)), ("1960", PartialDate(1960)),
])
def test_dates_as_case_files_write_them(text: str, expected: PartialDate) -> None:
    assert PartialDate.parse(text) == expected


def test_age_with_its_unit() -> None:
    f = parse_model(Family, {"people": [{"id": "A", "age": "45 tahun"}, {"id": "B", "age": 7}]})
    assert [p.age for p in f.people] == [45, 7]
    with pytest.raises(InputError, match="not an age"):
        parse_model(Family, {"people": [{"id": "A", "age": "tua"}]})


def test_no_age_for_someone_born_over_110_years_ago_without_a_death_date() -> None:
    """Issue 10: a person born in 1871 with no death date was shown as aged 155."""
    from socialtools.genogram.labels import inner_text

    family = Family.model_validate({"as_of": 2026, "people": [
        {"id": "OLD", "birth": 1871}, {"id": "DIED", "birth": 1871, "death": 1950},
        {"id": "AGED", "birth": 1917}]})
    people = {p.id: p for p in family.people}
    assert inner_text(people["OLD"], family) is None
    assert inner_text(people["DIED"], family) == "79"
    assert inner_text(people["AGED"], family) == "109"
    assert ">155<" not in Genogram(family).to_svg()


def test_api_labels_take_what_the_command_line_takes() -> None:
    """Review 6 D10: ``labels=`` in the API accepts the Indonesian words and a comma-separated
    string as ``--labels`` does, and refuses an unknown field instead of drawing no label."""
    f = parse_model(Family, {"people": [{"id": "a", "name": "Ani Rahma", "birth": 1990, "occupation": "guru"}]})
    assert GenogramOptions(labels=("nama", "Pekerjaan")).labels == ("name", "occupation")
    assert GenogramOptions(labels="name, years").labels == ("name", "years")
    svg = Genogram(f, labels=("nama",)).to_svg()
    assert "Ani Rahma" in svg and "guru" not in svg
    with pytest.raises(UsageError, match="unknown label field 'shoesize'"):
        Genogram(f, labels=("shoesize",))
    with pytest.raises(UsageError, match="did you mean 'name'"):
        GenogramOptions(labels=("nmae",))


@pytest.mark.parametrize("bad, record, field", [
    ({"people": [{"id": "K", "birth": "1990-13-01"}]}, "people[0] (id 'K')", "birth"),
    ({"people": [{"id": "K", "birth": 1972.5}]}, "people[0] (id 'K')", "birth"),
    ({"people": [{"id": "K"}], "unions": [{"partners": ["K"], "children": "PK"}]}, "unions[0]", "children"),
    ({"people": [{"name": "Ani"}]}, "people[0] ('Ani')", "id"),
    ({"people": [{"id": "K", "age": -5}]}, "people[0] (id 'K')", "age"),
])
def test_model_validate_raises_one_input_error_naming_record_and_field(bad: dict, record: str, field: str) -> None:
    """Review 6 D9: the README's ``Family.model_validate`` raises the library's InputError (one line,
    record and field), not pydantic's multi-line ValidationError."""
    with pytest.raises(InputError) as caught:
        Family.model_validate(bad)
    assert (caught.value.record, caught.value.field) == (record, field)
    assert "\n" not in str(caught.value) and "pydantic" not in str(caught.value)


def test_wrong_argument_types_get_one_clear_line() -> None:
    with pytest.raises(UsageError, match="Genogram takes a Family, got dict"):
        Genogram({"people": [{"id": "A"}]})  # type: ignore[arg-type]
    with pytest.raises(InputError, match="got str"):
        Genogram.from_document('{"people": [{"id": "A"}]}')  # type: ignore[arg-type]
