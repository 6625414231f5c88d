"""The DOCX report's pagination: a heading is never left at the foot of a page away from its figure.

Regression (review of ac7d268, defect 4): '4.2.2 Genogram' stood alone at the foot of page 2 of
the reviewer's case, its 18.6 cm figure on page 3. The heading kept with the figure in the DOCX
(keep-with-next), but LibreOffice drops that chain on a page after a table that runs across pages.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from socialtools.examples import load_example
from socialtools.io.loading import load_document
from socialtools.report.case import Case
from socialtools.report.document import build_report
from socialtools.report.docx_writer import TALL_FIGURE, TEXT_HEIGHT_CM, report_docx

CASE = Path(__file__).parent / "data" / "cases" / "review-rt.yaml"
EMU_PER_CM = 360000
PT_CM = 2.54 / 72


@pytest.fixture(scope="module", params=["review-rt", "pk", "review-ra"])
def docx_bytes(request: pytest.FixtureRequest) -> bytes:
    # review-ra: its ecomaps grow to 20.1 cm for 8 pt (the readable height is 20.7 cm)
    doc = load_example("pk.yaml") if request.param == "pk" else load_document(CASE.with_name(f"{request.param}.yaml"))
    return report_docx(build_report(Case.from_document(doc)))


def _paragraphs(data: bytes) -> list[str]:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    body = re.sub(r"<w:tbl>.*?</w:tbl>", "<w:p>TABLE</w:p>", xml, flags=re.S)
    return re.findall(r"<w:p[ >].*?</w:p>", body, flags=re.S)


def _text(p: str) -> str:
    return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))


def _heading_level(p: str) -> int | None:
    m = re.search(r'<w:pStyle w:val="Heading(\d)"/>', p)
    return int(m.group(1)) if m else None


def headed_figures(data: bytes) -> list[tuple[list[str], float, str]]:
    """Each figure with the headings right above it: their paragraphs (the first with
    ``<w:pageBreakBefore/>`` also when a new section, e.g. a landscape page, starts there), the
    picture's height (cm) and the caption's text."""
    paras = _paragraphs(data)
    out = []
    for i, p in enumerate(paras):
        m = re.search(r'<wp:extent cx="(\d+)" cy="(\d+)"/>', p)
        if not m:
            continue
        first = i
        while first > 0 and _heading_level(paras[first - 1]) is not None:
            first -= 1
        headings = paras[first:i]
        if headings and first > 0 and "<w:sectPr" in paras[first - 1]:  # a section (a new page) ends before it
            headings = ["<w:pageBreakBefore/>" + headings[0], *headings[1:]]
        out.append((headings, int(m.group(2)) / EMU_PER_CM, _text(paras[i + 1])))
    return out


def _after_a_landscape_page(data: bytes) -> set[str]:
    """Captions of the figures whose headings follow a landscape section's end with no other figure
    between: the top of the portrait page after a landscape figure (its notes and text above them)."""
    paras = _paragraphs(data)
    out, landscape = set(), False
    for i, p in enumerate(paras):
        if "<w:sectPr" in p:
            landscape = 'w:orient="landscape"' in p
        elif re.search(r"<wp:extent ", p):
            if landscape:
                out.add(_text(paras[i + 1]))
            landscape = False
    return out


def test_headings_picture_and_caption_fit_one_page_and_tall_ones_start_it(docx_bytes: bytes) -> None:
    """A tall figure starts a page with its headings, unless it stands at the top of the portrait page
    after a landscape figure, under only that figure's notes and text, where it fits (print's rule)."""
    figures = headed_figures(docx_bytes)
    after_landscape = _after_a_landscape_page(docx_bytes)
    assert len(figures) >= 4
    broken = 0
    for headings, height, caption in figures:
        # heading: its size x 1.15 + 12 pt before + 6 pt after; caption and source line ~ 2 cm
        above = sum(({1: 14, 2: 13, 3: 12}[_heading_level(h) or 3] * 1.15 + 18) * PT_CM for h in headings)
        assert above + height + 2.0 <= TEXT_HEIGHT_CM, (caption, above, height)
        if headings and above + height + 1.0 > TALL_FIGURE * TEXT_HEIGHT_CM:
            if caption in after_landscape and "<w:pageBreakBefore/>" not in headings[0]:
                continue
            assert "<w:pageBreakBefore/>" in headings[0], (caption, _text(headings[0]))
            broken += 1
    assert broken >= 1 or after_landscape


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler-utils are not installed")
@pytest.mark.parametrize("name", ["review-rt", "review-ra"])
def test_no_heading_is_stranded_away_from_its_figure_in_libreoffice(tmp_path: Path, name: str) -> None:
    """In the PDF LibreOffice makes, each heading right above a figure is on the page of its caption
    (review-ra: ecomaps 20.1 cm tall)."""
    data = report_docx(build_report(Case.from_document(load_document(CASE.with_name(f"{name}.yaml")))))
    src = tmp_path / "rt.docx"
    src.write_bytes(data)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "rt.pdf"), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    pages = [" ".join(page.split()) for page in text.split("\f")]

    def page_of(words: str) -> int:
        found = [i for i, page in enumerate(pages) if words in page]
        assert found, words
        return found[0]

    checked = 0
    for headings, _, caption in headed_figures(data):
        for heading in headings:
            assert page_of(_text(heading)) == page_of(caption), (_text(heading), caption)
            checked += 1
    assert checked >= 3
    if name != "review-rt":
        return  # review-ra's genogram legend is still a picture of its own (report_figures: genogram_legend)
    # review 2: the genogram's legend was a picture of its own on the page after its landscape figure
    # (the back of the sheet); now every picture is on the page of its caption, its legend in it
    assert not any("Keterangan Gambar" in page for page in pages)
    if shutil.which("pdfimages"):
        listing = subprocess.run(["pdfimages", "-list", str(tmp_path / "rt.pdf")], check=True,
                                 capture_output=True, text=True, timeout=60).stdout
        image_pages = [int(row.split()[0]) - 1 for row in listing.splitlines()[2:] if row.split()[2] == "image"]
        captions = [page_of(f"Gambar 4.{n}") for n in range(1, 6)]
        assert image_pages == captions, (image_pages, captions)
