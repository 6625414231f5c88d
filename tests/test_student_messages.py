"""Messages a student gets for the mistakes review 9 made in case files written from the docs:
plain words, the student's own places (no pydantic jargon, no union ids they never wrote)."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialtools.cli import main

PEOPLE = """family:
  people:
    - {id: A, sex: L, birth: 1960}
    - {id: B, sex: P, birth: 1962}
    - {id: C, sex: L, birth: 1958}
    - {id: D, sex: P, birth: 1990}
"""


def _error(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> str:
    case = tmp_path / "kasus.yaml"
    case.write_text(text, encoding="utf-8")
    out = tmp_path / "g.svg"
    assert main(["genogram", str(case), "-o", str(out)]) == 2
    assert not out.exists()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    return err[0]


def test_three_partners_in_one_union_is_said_in_plain_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(tmp_path, capsys, PEOPLE + "  unions:\n    - {partners: [A, B], children: [D]}\n"
                                            "    - {partners: [A, B, C]}\n")
    assert "family.unions[1], field 'partners': has 3 people, at most 2" in err
    assert "write one union per couple" in err and "List should" not in err


def test_more_than_two_parents_names_the_unions_by_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(tmp_path, capsys, PEOPLE + "  unions:\n    - {partners: [A, B], children: [D]}\n"
                                            "    - {partners: [C, B], children: [D]}\n")
    assert "(unions[0] and unions[1])" in err and "'u1'" not in err


@pytest.mark.parametrize("word", ["meninggal", "wafat", "almarhum"])
def test_a_death_written_as_a_word_points_to_deceased(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      word: str) -> None:
    err = _error(tmp_path, capsys, PEOPLE.replace("{id: C, sex: L, birth: 1958}",
                                                  f"{{id: C, sex: L, birth: 1958, death: {word}}}"))
    assert "field 'death'" in err and "'deceased: true'" in err


def test_a_key_indented_one_space_short_is_pointed_at(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "family:\n  people:\n    - id: A\n      sex: L\n      birth: 1960\n     role: klien\n"
    err = _error(tmp_path, capsys, text)
    assert "line 6 is indented by 5 spaces, the line above it by 6 spaces" in err


def test_only_a_death_gets_the_deceased_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """(reviewer: the hint was given for any date field, 'birth: ya' too)"""
    err = _error(tmp_path, capsys, PEOPLE.replace("{id: C, sex: L, birth: 1958}", "{id: C, sex: L, birth: wafat}"))
    assert "field 'birth'" in err and "year of death" not in err and "deceased" not in err


def test_a_union_without_partners_is_not_told_to_split(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(tmp_path, capsys, PEOPLE + "  unions:\n    - {partners: [], children: [D]}\n")
    assert "field 'partners'" in err and "one union per couple" not in err
