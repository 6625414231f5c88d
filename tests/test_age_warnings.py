"""Warnings about an age that cannot be (a living person of 134, a parent aged 5 or born after the
child) name the record and the field, as every other message does (review F10c)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from socialtools.genogram.model import Family

PEOPLE = [{"id": "A", "sex": "male", "birth": 1890}, {"id": "B", "sex": "female", "birth": 1950},
          {"id": "C", "sex": "female", "age": 130}, {"id": "D", "birth": 1900, "death": 2024},
          {"id": "E", "birth": 1955}, {"id": "F", "birth": 1940}]
UNIONS = [{"partners": ["B", "E"], "children": ["F"]}]


def test_a_living_person_older_than_anyone_lives_is_warned_by_record_and_field() -> None:
    warnings = Family.model_validate({"as_of": 2024, "people": PEOPLE, "unions": UNIONS}).warnings()
    assert "family.people[0] (id 'A'), field 'birth': 1890 makes 'A' 134 at the family's as_of (2024), alive: " \
           "no age is drawn; give the death (or deceased: yes), or correct the year" in warnings
    assert any(w.startswith("family.people[2] (id 'C'), field 'age': 130 for someone alive") for w in warnings)
    assert not any("(id 'D')" in w for w in warnings)  # dead at 124: the death is known
    # a parent born after the child
    assert "family.people[5] (id 'F'), field 'birth': born (1940) before their parent 'B' (1950)" in warnings


def test_without_as_of_an_old_birth_is_no_warning() -> None:
    """A genealogy (no as_of) leaves many old deaths out: no age is drawn, and no warning each."""
    warnings = Family.model_validate({"people": PEOPLE}).warnings()
    assert not any("(id 'A')" in w for w in warnings) and any("field 'age'" in w for w in warnings)


def test_a_young_parent_is_warned_by_record_and_field(tmp_path: Path) -> None:
    case = tmp_path / "k.yaml"
    case.write_text("family:\n  people:\n    - {id: P, birth: 1990}\n    - {id: K, birth: 1995}\n"
                    "  unions:\n    - {partners: [P], children: [K]}\n")
    result = subprocess.run([sys.executable, "-m", "socialtools", "genogram", str(case), "-o",
                             str(tmp_path / "g.svg")], capture_output=True, text=True)
    assert result.returncode == 0
    assert "warning: family.people[0] (id 'P'), field 'birth': would be 5 at the birth of 'K'" in result.stderr


def test_no_age_is_drawn_from_a_birth_and_death_more_than_a_lifetime_apart(tmp_path: Path) -> None:
    """A genealogy's estimated dates (Legacy's ``ABT 1130`` – ``ABT 1275``) made '145' inside a
    symbol; no one lives that long, so no age is drawn (the years stay under the symbol)."""
    src = Path(__file__).parent / "data" / "gedcom" / "estimated-lifespan.ged"
    out = tmp_path / "g.svg"
    result = subprocess.run([sys.executable, "-m", "socialtools", "genogram", str(src), "-o", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    svg = out.read_text()
    assert ">145<" not in svg and ">123<" not in svg  # Madog ~1130–~1275, Ithel ~1165–1288
    assert ">61<" in svg  # Gwen 1140–1201: an age at death as before
    assert "~1130–~1275" in svg
