"""Review 5, R9 and R17: the family identity table's name heading and its relation column.

R9: "Nama (Inisial)" stood over full names (a student takes the table for anonymised); cousins
and an aunt's husband had no relation; a half-sister through the mother was "saudara tiri"
(a step-sister). R17: the English table printed the Indonesian ``role`` (ayah, klien, bibi).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from socialtools.genogram.kinship import relations_to_client, role_word
from socialtools.genogram.model import Family
from socialtools.report.case import Case
from socialtools.report.casetables import client_table, family_table
from socialtools.report.model import ReportOptions

CASE = Path(__file__).parent / "data" / "cases" / "kasus-wijaya.yaml"
INDONESIAN_KIN = {"ayah", "ibu", "klien", "bibi", "paman", "kakek", "nenek", "adik", "kakak", "sepupu", "tiri"}


def _relations(lang: str, initials: bool = False) -> tuple[list[str], dict[str, str]]:
    case = Case.load(CASE)
    table = family_table(case, ReportOptions(lang=lang, initials=initials))
    assert table is not None and case.family is not None
    people = [p.id for p in case.family.people if p.kind == "person"]
    return table.headings, {pid: row[2] for pid, row in zip(people, table.rows, strict=True) if isinstance(row, list)}


@pytest.mark.parametrize(("lang", "initials", "heading"), [
    ("id", False, "Nama"), ("id", True, "Nama (Inisial)"), ("en", False, "Name"), ("en", True, "Name (initials)")])
def test_r9_name_heading_says_initials_only_over_initials(lang: str, initials: bool, heading: str) -> None:
    case = Case.load(CASE)
    table = family_table(case, ReportOptions(lang=lang, initials=initials))
    assert table is not None and table.headings[1] == heading
    names = [row[1] for row in table.rows if isinstance(row, list)]
    assert ("Dewi Wulandari" in names) is not initials
    client = client_table(case, ReportOptions(lang=lang, initials=initials))
    assert client is not None and client.rows[0][0] == heading


def test_r9_cousins_and_an_aunts_husband_have_a_relation() -> None:
    _, indonesian = _relations("id")
    _, english = _relations("en")
    assert indonesian["RZ"] == indonesian["YO"] == "sepupu" and english["RZ"] == english["YO"] == "cousin"
    assert indonesian["JK"] == "paman" and english["JK"] == "uncle by marriage"
    assert all(indonesian[pid] for pid in indonesian), indonesian  # nobody left blank in this family


def test_r9_half_siblings_are_seibu_or_seayah_step_siblings_tiri() -> None:
    _, indonesian = _relations("id")
    assert indonesian["NN"] == "kakak seibu"  # born 1992 to the mother and her first husband
    f = Family.model_validate({"people": [
        {"id": "F", "sex": "male"}, {"id": "M", "sex": "female"}, {"id": "W2", "sex": "female"},
        {"id": "H2", "sex": "male"}, {"id": "K", "sex": "female", "birth": 2000, "index": True},
        {"id": "A", "sex": "male", "birth": 2005}, {"id": "B", "sex": "female", "birth": 1998},
        {"id": "C", "sex": "male"}],
        "unions": [{"partners": ["F", "M"], "kind": "divorced", "children": ["K"]},
                   {"partners": ["F", "W2"], "children": ["A"]},
                   {"partners": ["W2", "H2"], "kind": "divorced", "children": ["C"]},
                   {"partners": ["M", "H2"], "children": ["B"]}]})
    words, english = relations_to_client(f), relations_to_client(f, "en")
    assert words["A"] == "adik seayah" and english["A"] == "half-brother"
    assert words["B"] == "kakak seibu" and english["B"] == "half-sister"
    assert words["C"] == "saudara tiri" and english["C"] == "stepbrother"  # the stepmother's son: no parent shared


def test_r17_english_relation_column_has_no_indonesian_role() -> None:
    heading, english = _relations("en")
    assert heading[2] == "Relation to the client"
    assert {pid: english[pid] for pid in ("BW", "RA", "SW", "HW", "DW")} == {
        "BW": "father", "RA": "mother", "SW": "aunt", "HW": "uncle", "DW": "client"}
    words = {w for relation in english.values() for w in relation.split()}
    assert not words & INDONESIAN_KIN, words & INDONESIAN_KIN
    _, indonesian = _relations("id")
    assert indonesian["BW"] == "ayah" and indonesian["DW"] == "klien"


def test_r17_a_role_no_relation_is_computed_for_is_translated_or_kept() -> None:
    case = Case.from_document({"family": {"people": [
        {"id": "K", "sex": "female", "index": True}, {"id": "X", "sex": "male", "role": "paman"},
        {"id": "Y", "sex": "female", "role": "pengasuh"}, {"id": "Z", "sex": "male", "role": "father"}]}})
    table = family_table(case, ReportOptions(lang="en"))
    assert table is not None and [row[2] for row in table.rows] == ["client", "uncle", "pengasuh", "father"]
    table = family_table(case, ReportOptions(lang="id"))
    assert table is not None and [row[2] for row in table.rows] == ["klien", "paman", "pengasuh", "ayah"]


def test_role_word_keeps_the_sex_the_word_was_written_for() -> None:
    assert role_word("Ibu", "unknown", "en") == "mother"
    assert role_word("adik", "female", "en") == "sister"
    assert role_word("uncle", "male", "id") == "paman"
    assert role_word("sahabat", "male", "en") == "sahabat"


def test_a_twin_is_saudara_kembar_not_saudara_kandung() -> None:
    """A twin was 'saudara kandung' (any sibling born the same year); the twin group says more."""
    f = Family.model_validate({"people": [
        {"id": "A", "sex": "male"}, {"id": "B", "sex": "female"},
        {"id": "K", "sex": "female", "index": True, "birth": 2001}, {"id": "T", "sex": "male", "birth": 2001},
        {"id": "S", "sex": "female", "birth": 2001}, {"id": "Y", "sex": "male", "birth": 2005}],
        "unions": [{"partners": ["A", "B"], "children": [{"id": "K", "twin": "a"}, {"id": "T", "twin": "a"},
                                                         "S", {"id": "Y", "twin": "b"}]}]})
    assert [relations_to_client(f)[p] for p in "TSY"] == ["saudara kembar", "saudara kandung", "adik"]
    assert relations_to_client(f, "en")["T"] == "twin brother"
