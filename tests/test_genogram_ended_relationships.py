"""Issue 13 point 7 (nothing silently dropped): a relationship that had ended by the drawing's year is
not drawn as current, but it is named, with its years and label, in a line under the notes of the
genogram and of the report's figure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from socialtools import Genogram
from socialtools.examples import load_example
from socialtools.genogram.model import Family


def _texts(svg: str) -> str:
    return " ".join(re.findall(r">([^<>]+)</text>", svg))


def _family(as_of: int | None = 2024) -> Family:
    data = {"people": [{"id": "A", "name": "Ani"}, {"id": "B", "name": "Budi"}, {"id": "C", "name": "Citra"}],
            "relationships": [
                {"between": ["A", "B"], "kind": "conflict", "start": 1998, "end": 2012, "label": "soal warisan"},
                {"between": ["A", "C"], "kind": "close"}]}
    if as_of is not None:
        data["as_of"] = as_of
    return Family.model_validate(data)


@pytest.mark.parametrize("lang, head", [("id", "Hubungan yang telah berakhir"), ("en", "Relationships that had ended")])
def test_an_ended_relationship_is_named_under_the_figure(lang: str, head: str) -> None:
    g = Genogram(_family(), lang=lang)
    assert [r.kind for r in g.family.relationships] == ["close"]  # not drawn as current
    text = _texts(g.to_svg())
    assert head in text and "Ani – Budi" in text and "1998–2012" in text and "soal warisan" in text


def test_nothing_is_listed_when_everything_is_drawn() -> None:
    assert Genogram(_family(as_of=None)).ended_note() is None  # no date: every record is drawn
    assert Genogram(_family(), as_of=2005).ended_note() is None  # the conflict is drawn in 2005
    assert "berakhir" not in _texts(Genogram(_family(), as_of=2005).to_svg())
    assert "1998–2012" in (Genogram(_family(), as_of=2015).ended_note() or "")


def test_initials_hide_the_names_in_the_line() -> None:
    line = Genogram(_family(), initials=True).ended_note() or ""
    assert "A – B" in line and "Ani" not in line and "Budi" not in line


def test_the_bundled_example_and_its_report_name_both_ended_conflicts() -> None:
    import socialtools.examples
    from socialtools.report.case import Case
    from socialtools.report.document import build_report, genogram_drawing, report_bytes
    from socialtools.report.model import ReportOptions

    line = Genogram.from_document(load_example("family-history.yaml")).ended_note() or ""
    assert line.count("Konflik") == 2 and "bertengkar sebelum pisah rumah" in line
    case = Case.load(Path(socialtools.examples.__file__).parent / "family-history.yaml")
    drawing = genogram_drawing(case, ReportOptions())
    assert drawing is not None and drawing.ended == line
    assert build_report(case).blocks and line in report_bytes(build_report(case), ".md")[0].decode()
