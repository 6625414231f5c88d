"""D9 (review of issue 13): the HTML report printed from a browser (A4, headings and captions kept
with what follows, table rows whole). The reviewer's Chromium print stranded "4.2.2 Genogram",
"4.2.3 Ekomap", "4.2.4 Kuadran Kekuatan" and the caption "Tabel 4.6" at page ends, and the BPSS
section row "D. Spiritual" at the foot of page 2, on US-letter pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from socialtools.report.case import Case
from socialtools.report.document import build_report
from socialtools.report.html_writer import STYLE, report_html
from socialtools.report.model import ReportOptions

CASE = Path(__file__).parent / "data" / "cases" / "review-ra.yaml"


@pytest.fixture(scope="module")
def page() -> str:
    return report_html(build_report(Case.load(CASE), ReportOptions()))


def _rules(selector_part: str) -> list[str]:
    return [body for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", STYLE) if selector_part in selectors]


def test_d9_print_css_keeps_headings_and_captions_with_what_follows() -> None:
    assert "@page { size: A4 portrait" in STYLE and "@page landscape { size: A4 landscape; }" in STYLE
    for part in ("h2", "h3", "table.st-table caption", "figcaption", "tr.st-section"):
        assert any("break-after: avoid" in body for body in _rules(part)), part
    assert re.search(r"\btr \{[^}]*break-inside: avoid", STYLE)  # a table row is never split


def test_d9_the_heading_of_a_landscape_figure_is_on_its_landscape_page(page: str) -> None:
    assert re.search(r'<h3 class="st-landscape">4\.2\.2 Genogram</h3>\s*<figure class="st-landscape">', page)
    assert "<h3>4.2.3 Ekomap</h3>" in page  # a portrait figure's heading stays on the portrait pages


@pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("pdftotext") is None,
                    reason="Chromium and poppler-utils are not installed")
def test_d9_printed_from_chromium_no_page_ends_with_a_heading_or_caption(page: str, tmp_path: Path) -> None:
    html = tmp_path / "laporan.html"
    html.write_text(page, encoding="utf-8")
    pdf = tmp_path / "laporan.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.as_uri()], capture_output=True, check=True, timeout=300)
    info = subprocess.run(["pdfinfo", "-l", "100", str(pdf)], capture_output=True, text=True, check=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    assert sizes
    for w, h in sizes:  # A4, portrait or landscape
        assert sorted((round(float(w)), round(float(h)))) == [595, 842], (w, h)
    assert sum(float(w) > float(h) for w, h in sizes) == 1  # the genogram's landscape page
    for number in range(1, len(sizes) + 1):
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        last = [line.strip() for line in text.splitlines() if line.strip()][-1]
        assert not re.match(r"^\d+(\.\d+)+\s+\S", last), f"page {number} ends with the heading {last!r}"
        assert not re.match(r"^(Tabel|Gambar) \d+\.\d+ ", last), f"page {number} ends with the caption {last!r}"
        assert not re.match(r"^[A-D]\. [A-Z]", last), f"page {number} ends with a section row {last!r}"


def test_d11_every_figure_takes_its_own_source_key() -> None:
    """The reviewer's source.ecomap printed under Gambar 4.2 only, not under the before/after
    ecomaps (Gambar 4.4, 4.5); source.genogram was named nowhere in the docs."""
    doc = Case.load(CASE).document
    doc["case"]["source"]["genogram"] = "Genogram disusun bersama klien, 2024"
    report = build_report(Case.from_document(doc), ReportOptions())
    sources = {f.key: f.source for f in report.figures()}
    assert sources["ecomap"] == sources["ecomap_before"] == sources["ecomap_after"] == \
        "Sumber: Wawancara dan kunjungan rumah, Agustus 2024"
    assert sources["genogram"] == "Sumber: Genogram disusun bersama klien, 2024"
    tables = {t.key: t.source for t in report.tables()}
    assert tables["family"] == "Sumber: Wawancara dengan klien dan kakak klien, 2024"
    docs = (Path(__file__).parents[1] / "docs" / "report.md").read_text(encoding="utf-8")
    for key in ("default", "identity", "family", "genogram", "bpss", "ecomap", "comparison", "strengths"):
        assert f"| `{key}`" in docs, key
