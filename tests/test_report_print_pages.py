"""Issue 13, readable figures: a genogram too wide for a portrait page (the invented 19-person
bracketed-household case printed its text at 4.0 pt, its legend 36 % of the figure's height) gets a
landscape page, its legend beside the drawing, in a compact grid or printed apart, and a figure that
still prints under 8 pt is named in a warning."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from socialtools.examples import example_path
from socialtools.report.case import Case
from socialtools.report.document import (
    build_report,
    ecomap_svg,
    genogram_drawing,
    legend_share,
    report_bytes,
    strengths_svg,
)
from socialtools.report.model import ReportOptions
from socialtools.report.print_size import LANDSCAPE, MIN_PRINT_PT, PORTRAIT, figure_page

WIDE = Path(__file__).parent / "data" / "cases" / "bracketed-household.yaml"
CASES = [example_path("pk.yaml"), WIDE]


def _svgs_in_docx_order(case: Case) -> list[str]:
    """The SVG of every picture the DOCX holds, in its order (a legend printed apart after its figure)."""
    opts = ReportOptions()
    drawing = genogram_drawing(case, opts)
    out = [drawing.svg] + ([drawing.legend_svg] if drawing.legend_svg else []) if drawing else []
    out += [svg for svg in (ecomap_svg(case, opts), strengths_svg(case, opts), ecomap_svg(case, opts, panel="before"),
                            ecomap_svg(case, opts, panel="after")) if svg]
    return out


def _docx_pictures_cm(data: bytes) -> list[float]:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    return [int(cx) / 360000 for cx in re.findall(r'<wp:extent cx="(\d+)"', xml)]


@pytest.mark.parametrize("path", CASES, ids=lambda p: Path(p).stem)
def test_every_docx_picture_prints_its_smallest_text_at_8pt_or_more(path) -> None:
    """Measured from the SVG's font sizes and the width the DOCX gives the picture (bracketed-household's
    genogram printed at 4.0 pt before)."""
    case = Case.load(path)
    data, _ = report_bytes(build_report(case), ".docx")
    svgs, widths = _svgs_in_docx_order(case), _docx_pictures_cm(data)
    assert len(svgs) == len(widths) >= 1
    for svg, placed_cm in zip(svgs, widths, strict=True):
        natural_cm = float(re.search(r'<svg[^>]*?\swidth="([0-9.]+)', svg)[1]) / 96 * 2.54
        smallest = min(float(v) for v in re.findall(r'font-size="([0-9.]+)"', svg))
        assert smallest * 0.75 * placed_cm / natural_cm >= MIN_PRINT_PT, (svg[:80], placed_cm)


@pytest.mark.parametrize("path", CASES, ids=lambda p: Path(p).stem)
def test_the_genogram_legend_takes_under_a_third_of_the_figure_height(path) -> None:
    """The legend under the drawing took 36 % (bracketed-household) to 45 % of the figure's height."""
    drawing = genogram_drawing(Case.load(path), ReportOptions())
    assert drawing is not None
    assert legend_share(drawing.svg) <= 0.3
    assert ">Keterangan<" in drawing.svg + (drawing.legend_svg or "")  # the legend is never dropped


def test_a_genogram_too_wide_for_a_portrait_page_gets_a_landscape_section() -> None:
    import docx

    report = build_report(Case.load(WIDE))
    genogram = report.figures()[0]
    assert figure_page(genogram) is LANDSCAPE
    document = docx.Document(io.BytesIO(report_bytes(report, ".docx")[0]))
    sections = document.sections
    assert len(sections) == 3  # portrait, the genogram's landscape page, portrait again
    assert sections[1].page_width > sections[1].page_height
    assert sections[0].page_width < sections[0].page_height and sections[2].page_width < sections[2].page_height
    xml = document.element.xml
    # the picture sits in the landscape section: after the first section break, before the second
    breaks = [m.start() for m in re.finditer(r"<w:sectPr", xml)]
    picture = xml.index("<wp:extent")
    assert breaks[0] < picture < breaks[1]
    assert report.warnings == []


def test_notes_and_a_legend_printed_apart_follow_the_figure_in_every_format() -> None:
    report = build_report(Case.load(WIDE))
    genogram = report.figures()[0]
    assert genogram.notes and genogram.notes[0].startswith("1. Ratna Wulandari – Agus")
    html = report_bytes(report, ".html")[0].decode()
    assert '<figure class="st-landscape">' in html and "Catatan Gambar 4.1:" in html
    width = re.search(r'<figure class="st-landscape"><img [^>]*style="width:([0-9.]+)cm"', html)
    assert width is not None and float(width[1]) > PORTRAIT.text_width_cm
    text, images = report_bytes(report, ".md", image_prefix="r")
    markdown = text.decode()
    assert "halaman lanskap" in markdown and "Catatan Gambar 4.1:" in markdown
    if genogram.legend is not None:
        assert "r-genogram-legend.png" in images and "Keterangan Gambar 4.1" in markdown


def test_a_genogram_that_cannot_print_at_8pt_is_named_in_a_warning() -> None:
    """Sixty children in one row: no page holds them at 8 pt, even with their labels on two heights (thirty
    now print at 8 pt); the report says so instead of silently printing tiny text."""
    people = [{"id": "F", "sex": "male"}, {"id": "M", "sex": "female"}]
    people += [{"id": f"C{i}", "name": f"Anak Nomor {i}", "sex": "female", "birth": 1950 + i} for i in range(60)]
    case = Case.from_document({"case": {"client": "C1"}, "family": {
        "people": people, "unions": [{"partners": ["F", "M"], "children": [f"C{i}" for i in range(60)]}]}})
    report = build_report(case)
    assert len(report.warnings) == 1
    assert report.warnings[0].startswith("Gambar 4.1 (genogram) prints its smallest text at ")
    assert "landscape" in report.warnings[0]
    assert "socialtools genogram CASE -o genogram.pdf" in report.warnings[0]


def test_an_ecomap_too_small_to_read_gets_advice_for_an_ecomap() -> None:
    """Forty systems with long names (twelve, as in the reviewer's case, now print at 8 pt): the
    warning names the ecomap and tells the writer to shorten system names, not to drop genogram label
    fields."""
    systems = [{"id": f"s{i}", "name": f"Lembaga Kesejahteraan Sosial Nomor {i} (dipertimbangkan sebagai rujukan)"}
               for i in range(40)]
    case = Case.from_document({"case": {"client": "RT"}, "ecomap": {
        "focal": "RT", "systems": systems, "ties": [{"system": s["id"]} for s in systems]}})
    report = build_report(case)
    ecomap = [w for w in report.warnings if "(ecomap" in w]
    assert ecomap
    assert all("system names" in w and "socialtools genogram" not in w for w in ecomap), ecomap


@pytest.mark.parametrize("path", CASES, ids=lambda p: Path(p).stem)
def test_every_note_written_under_the_caption_has_its_number_on_the_drawing(path) -> None:
    """With print-size numbers, notes 5-7 of bracketed-household found no room beside their crowded
    union lines and were written under the caption with nothing on the drawing to point at."""
    drawing = genogram_drawing(Case.load(path), ReportOptions())
    assert drawing is not None
    drawn = re.findall(r'class="note-mark">.*?>(\d+)</text>', drawing.svg)
    assert sorted(drawn, key=int) == [note.split(".")[0] for note in drawing.notes]
    assert "Catatan:" not in drawing.svg  # the notes are text under the caption, not in the picture


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice and poppler-utils are not installed")
def test_the_landscape_page_holds_its_heading_figure_and_caption(tmp_path: Path) -> None:
    """Converted to PDF: tables on a portrait page, then one landscape page with the heading, the
    genogram, its caption and source line (with 11.5 cm allowed the figure spilled onto a second
    landscape page, leaving its heading alone), then the legend and the notes on a portrait page."""
    from PIL import Image

    src = tmp_path / "rw.docx"
    # with a source line under the caption: it too must stay on the landscape page
    report = build_report(Case.load(WIDE), ReportOptions(source="Hasil asesmen praktikan, 2024"))
    src.write_bytes(report_bytes(report, ".docx")[0])
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=240)
    subprocess.run(["pdftoppm", "-png", "-r", "20", str(tmp_path / "rw.pdf"), str(tmp_path / "page")],
                   check=True, capture_output=True, timeout=120)
    sizes = [Image.open(p).size for p in sorted(tmp_path.glob("page-*.png"))]
    shapes = ["landscape" if w > h else "portrait" for w, h in sizes]
    assert shapes == ["portrait", "landscape", "portrait"], shapes


@pytest.mark.parametrize(("only", "sections"), [(("genogram",), ["landscape", "portrait"]),
                                                (("family", "genogram"), ["portrait", "landscape", "portrait"])])
def test_no_empty_page_before_or_after_a_landscape_figure(only, sections) -> None:
    """``--only genogram``: the one landscape figure is the first page, with no empty portrait page
    before it; notes after it go on a portrait page."""
    import docx

    report = build_report(Case.load(WIDE), ReportOptions(only=only))
    document = docx.Document(io.BytesIO(report_bytes(report, ".docx")[0]))
    shapes = ["landscape" if s.page_width > s.page_height else "portrait" for s in document.sections]
    assert shapes == sections


def test_a_landscape_genogram_keeps_its_notes_and_narrative_on_its_page_when_they_fit() -> None:
    """Review 4, D11: a wide and low genogram (twelve children in one row, two numbered notes) leaves
    room on its landscape page: its notes and the narrative under it go onto that page, not onto a
    portrait page of their own. A tall landscape genogram (RA) still sends them on. (The SL case of
    review 4 used to show this at 5.15 pt; at 8 pt its drawing fills the page and its legend follows on
    the portrait page, the notes and narrative with it.)"""
    from socialtools.report.docx_writer import report_docx

    def order(case: Case) -> tuple[int, int, int]:
        xml = zipfile.ZipFile(io.BytesIO(report_docx(build_report(case)))).read("word/document.xml").decode()
        caption = xml.index("Gambar 4.1")
        back_to_portrait = xml.index("<w:sectPr", caption)
        narrative = [m.start() for m in re.finditer("Berdasarkan Gambar 4.1", xml)]
        return xml.index("Catatan Gambar 4.1"), narrative[0] if narrative else -1, back_to_portrait

    people = [{"id": "F", "sex": "male", "name": "Bapak Darto"}, {"id": "M", "sex": "female", "name": "Ibu Sumi"}]
    people += [{"id": f"C{i}", "name": f"Anak Ke {i}", "sex": "female", "birth": 1990 + i} for i in range(12)]
    union = {"partners": ["F", "M"], "start": 1985, "children": [f"C{i}" for i in range(12)],
             "notes": "menikah siri dulu"}
    conflict = {"between": ["C1", "C2"], "kind": "conflict", "label": "sejak 2015"}
    low = Case.from_document({"case": {"client": "C1"},
                              "narrative": {"genogram": "Berdasarkan {gambar}, keluarga besar."},
                              "family": {"people": people, "unions": [union], "relationships": [conflict]}})
    assert figure_page(build_report(low).figures()[0]) is LANDSCAPE
    notes, narrative, end = order(low)
    assert notes < end and 0 < narrative < end
    notes, _, end = order(Case.load(WIDE.parent / "review-ra.yaml"))
    assert notes > end
