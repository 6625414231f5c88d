"""Issue 13, report part: a caption without a client, written ecomap dates, each figure's own source."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from socialtools.report.case import Case
from socialtools.report.document import build_report, report_bytes
from socialtools.report.model import ReportOptions

CASES = Path(__file__).parent / "data" / "cases"

#: The reviewer's cousin-marriage family: no ``case`` section and no index person.
NO_CLIENT: dict[str, Any] = {"family": {"title": "Cousin marriage", "as_of": 2024, "people": [
    {"id": "G1", "sex": "male", "birth": 1920}, {"id": "G2", "sex": "female", "birth": 1922},
    {"id": "S1", "sex": "male", "birth": 1945}, {"id": "S2", "sex": "female", "birth": 1948}],
    "unions": [{"partners": ["G1", "G2"], "children": ["S1", "S2"]}]}}


@pytest.mark.parametrize(("lang", "figure", "table"), [("id", "Genogram", "Identitas Keluarga"),
                                                      ("en", "Genogram", "Family")])
def test_caption_without_a_client_section_leaves_the_name_out(lang: str, figure: str, table: str) -> None:
    report = build_report(Case.from_document(NO_CLIENT), ReportOptions(lang=lang))
    assert [f.caption for f in report.figures()] == [figure]
    assert [t.caption for t in report.tables()] == [table]
    for suffix in (".md", ".html", ".docx"):
        data, _ = report_bytes(report, suffix)
        if suffix == ".docx":  # the text and the title of the document
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                data = package.read("word/document.xml") + package.read("docProps/core.xml")
        assert "…".encode() not in data and b'""' not in data and "\u201c\u201d".encode() not in data, suffix


def test_caption_without_a_case_section_uses_the_index_person() -> None:
    doc = {"family": {**NO_CLIENT["family"], "people": [
        {**p, "index": True, "initials": "SW"} if p["id"] == "S2" else p for p in NO_CLIENT["family"]["people"]]}}
    report = build_report(Case.from_document(doc))
    assert [f.caption for f in report.figures()] == ['Genogram Klien "SW"']


@pytest.mark.parametrize(("lang", "before", "after"), [("id", "1 Agustus 2024", "1 Oktober 2024"),
                                                       ("en", "1 August 2024", "1 October 2024")])
def test_ecomap_dates_are_written_out_in_the_report_language(lang: str, before: str, after: str) -> None:
    report = build_report(Case.load(CASES / "review-rt.yaml"), ReportOptions(lang=lang))
    captions = {f.key: f.caption for f in report.figures()}
    assert captions["ecomap"].endswith(f"({before})")
    assert captions["ecomap_before"].endswith(f"({before})")
    assert captions["ecomap_after"].endswith(f"({after})")
    text = report_bytes(report, ".md")[0].decode()
    assert "2024-08-01" not in text and "2024-10-01" not in text


def test_a_figure_takes_the_source_of_the_section_it_is_drawn_from() -> None:
    # review-rt.yaml: source {default: Hasil asesmen praktikan, family: Wawancara dengan klien dan keluarga}
    report = build_report(Case.load(CASES / "review-rt.yaml"))
    sources = {b.key: b.source for b in [*report.figures(), *report.tables()]}
    assert sources["genogram"] == sources["family"] == "Sumber: Wawancara dengan klien dan keluarga, 2024"
    assert sources["ecomap"] == "Sumber: Hasil asesmen praktikan, 2024"


def test_the_comparison_takes_the_ecomap_source() -> None:
    doc = {"case": {"client": "RT", "source": {"default": "Asesmen, 2024", "ecomap": "Wawancara, 2024"}},
           "ecomap": {"focal": "RT", "systems": [{"id": "a"}], "ties": [{"system": "a"}],
                      "after": {"ties": [{"system": "a", "strength": "strong"}]}}}
    report = build_report(Case.from_document(doc))
    assert {f.key: f.source for f in report.figures()} == {
        "ecomap": "Sumber: Wawancara, 2024", "ecomap_before": "Sumber: Wawancara, 2024",
        "ecomap_after": "Sumber: Wawancara, 2024"}
