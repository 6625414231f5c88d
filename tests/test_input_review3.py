"""Case-file input from the review of issue 13: D13 (``nikah siri`` refused, no hint for a misspelt
union kind) and D14 (a misspelt member system reported at the tie, not at the system)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from socialtools.draw.geometry import Box
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.theme import Theme
from socialtools.errors import InputError
from socialtools.genogram import Family, Genogram
from socialtools.genogram.history import family_as_of
from socialtools.genogram.labels import union_text
from socialtools.io.loading import parse_model

CASE = Path(__file__).parent / "data" / "cases" / "review-ra.yaml"


def _couple(**union: object) -> Family:
    return parse_model(Family, {"people": [{"id": "A", "sex": "L"}, {"id": "B", "sex": "P"}, {"id": "C"}],
                                "unions": [{"partners": ["A", "B"], "children": ["C"], **union}]})


@pytest.mark.parametrize("union", [{"kind": "nikah siri", "start": 2005}, {"kind": "Kawin Siri", "start": 2005},
                                   {"events": ["nikah siri 2005"]}, {"events": [{"nikah siri": 2005}]},
                                   {"kind": "unregistered", "start": 2005}])
def test_d13_nikah_siri_is_an_unregistered_marriage(union: dict[str, object]) -> None:
    u = _couple(**union).unions[0]
    assert u.kind == "unregistered" and u.start is not None and u.start.year == 2005
    assert union_text(u, "id") == "n.s. 2005" and union_text(u, "en") == "u.m. 2005"


def test_d13_nikah_siri_then_divorce_and_as_of() -> None:
    f = _couple(events=["nikah siri 2005", "cerai 2012"])
    assert f.unions[0].kind == "divorced"
    assert union_text(f.unions[0], "id") == "n.s. 2005 c. 2012"
    assert family_as_of(f, 2008).unions[0].kind == "unregistered"
    assert [u.kind for u in family_as_of(f, 2000).unions] == []


def test_d13_nikah_siri_is_drawn_and_told_apart_from_married_in_the_legend() -> None:
    g = Genogram(_couple(kind="nikah siri", start=2005))
    svg = g.to_svg()
    assert 'stroke-dasharray="12,2.5"' in svg and "n.s. 2005" in svg
    entries = {e.label: e for e in g.renderer().legend_entries()}
    assert "Nikah siri (tidak tercatat)" in entries
    married = {e.label: e for e in Genogram(_couple(kind="menikah")).renderer().legend_entries()}

    def sample(entry: object) -> str:
        canvas = SvgCanvas(60, 30, Theme())
        entry.draw(canvas, canvas.root, Box(0, 0, 40, 18))  # type: ignore[attr-defined]
        return canvas.to_string()

    assert sample(entries["Nikah siri (tidak tercatat)"]) != sample(married["Menikah"])


def test_d13_nikah_siri_survives_gedcom() -> None:
    from socialtools.io.gedcom import family_to_gedcom, parse_gedcom

    text = family_to_gedcom(_couple(kind="nikah siri", start=2005))
    back = parse_gedcom(text.encode("utf-8"))
    assert back.unions[0].kind == "unregistered" and back.unions[0].start.year == 2005  # type: ignore[union-attr]


@pytest.mark.parametrize("kind, guess", [("divorsed", "divorced"), ("nikah sirih", "nikah siri"),
                                         ("reconciliated", "reconciled")])
def test_d13_a_misspelt_union_kind_gets_a_hint_and_the_kinds(kind: str, guess: str) -> None:
    with pytest.raises(InputError) as err:
        _couple(kind=kind)
    text = str(err.value)
    assert "unions[0]" in text and "field 'kind'" in text
    assert f"did you mean '{guess}'" in text
    assert "married (menikah)" in text and "unregistered (nikah siri)" in text and "divorced (cerai)" in text


@pytest.mark.parametrize("kind, guess", [("konflk", "konflik"), ("hostle", "hostile"), ("cutof", "cutoff")])
def test_a_misspelt_relationship_kind_gets_a_hint_and_the_kinds(kind: str, guess: str) -> None:
    doc = {"people": [{"id": "A"}, {"id": "B"}], "relationships": [{"between": ["A", "B"], "kind": kind}]}
    with pytest.raises(InputError) as err:
        parse_model(Family, doc)
    text = str(err.value)
    assert "relationships[0]" in text and "field 'kind'" in text
    assert f"did you mean '{guess}'" in text and "conflict (konflik)" in text and "close (dekat)" in text


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "socialtools", *args], capture_output=True, text=True, check=False)


def test_d14_a_misspelt_member_system_is_reported_at_the_system(tmp_path: Path) -> None:
    """``{person: YM}`` with ``YN`` in the ties: the error named ``ecomap.ties[8] ... unknown system
    'YN'``, and the real typo only after the tie was 'fixed'."""
    doc = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    systems = doc["ecomap"]["systems"]
    i = next(k for k, s in enumerate(systems) if isinstance(s, dict) and s.get("person") == "YN")
    systems[i] = {"person": "YM"}
    path = tmp_path / "kasus.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    for command, out in (("ecomap", "e.svg"), ("report", "r.docx")):
        result = _cli(command, str(path), "-o", str(tmp_path / out))
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr
        assert f"ecomap.systems[{i}] (YM), field 'person'" in lines[0] and "did you mean 'YN'" in lines[0]
        assert not (tmp_path / out).exists()
