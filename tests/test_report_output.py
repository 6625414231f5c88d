"""The report chapter: numbering, DOCX validity, HTML/Markdown, determinism, CLI, demo."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import types
import zipfile
from pathlib import Path
from typing import Any
from xml.dom import minidom

import docx
import pytest

from socialtools.cli import main
from socialtools.errors import InputError, UsageError
from socialtools.examples import example_path, load_example
from socialtools.io.convert import svg_to_png
from socialtools.report.case import Case
from socialtools.report.document import build_report
from socialtools.report.docx_writer import report_docx
from socialtools.report.html_writer import report_html
from socialtools.report.markdown_writer import report_markdown
from socialtools.report.model import Figure, Heading, ReportOptions
from socialtools.report.print_size import TEXT_WIDTH_CM

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def pk_case() -> Case:
    return Case.load(example_path("pk.yaml"))


@pytest.fixture(scope="module")
def pk_docx(pk_case: Case) -> bytes:
    return report_docx(build_report(pk_case))


def test_numbering_follows_the_report(pk_case: Case) -> None:
    report = build_report(pk_case)
    titles = [t.title for t in report.tables()]
    assert titles[:3] == ['Tabel 4.1 Identitas Klien "PK"', 'Tabel 4.2 Identitas Keluarga Klien "PK"',
                          'Tabel 4.3 BPSS Klien "PK"']
    assert [t.number for t in report.tables()] == [f"4.{i}" for i in range(1, len(titles) + 1)]
    assert next(f.title for f in report.figures()) == 'Gambar 4.1 Genogram Klien "PK"'
    headings = [b.text for b in report.blocks if isinstance(b, Heading)]
    assert headings[0] == "BAB 4 PELAKSANAAN PRAKTIKUM"
    assert "4.2.1 Asesmen Bio-Psiko-Sosial-Spiritual (BPSS)" in headings
    assert headings[-1] == "4.6 Terminasi dan Rujukan"


def test_chapter_number_and_english(pk_case: Case) -> None:
    doc = load_example("pk.yaml")
    doc["case"]["chapter"] = 3
    report = build_report(Case.from_document(doc), ReportOptions(lang="en", figures=False))
    assert report.tables()[2].title == 'Table 3.3 BPSS Assessment of Client "PK"'
    assert report.figures() == []


def test_docx_package_is_valid(pk_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(pk_docx)) as z:
        assert z.testzip() is None
        names = z.namelist()
        assert names[0] == "[Content_Types].xml"
        for required in ("_rels/.rels", "word/document.xml", "word/styles.xml", "docProps/core.xml"):
            assert required in names
        for name in names:
            if name.endswith((".xml", ".rels")):
                minidom.parseString(z.read(name))  # every part is well-formed XML
        types_xml = z.read("[Content_Types].xml").decode()
        assert "image/png" in types_xml
        assert not any(n.startswith("docProps/thumbnail") for n in names)
        rels = z.read("word/_rels/document.xml.rels").decode()
        for target in [n for n in names if n.startswith("word/media/")]:
            assert target.removeprefix("word/") in rels


def test_docx_tables_have_header_rows_borders_and_text(pk_docx: bytes, pk_case: Case) -> None:
    document = docx.Document(io.BytesIO(pk_docx))
    report = build_report(pk_case)
    assert len(document.tables) == len(report.tables())
    for table, source in zip(document.tables, report.tables(), strict=True):
        assert table.style.name == "Table Grid"
        header = table.rows[0]
        assert header._tr.trPr.find(f"{W}tblHeader") is not None
        assert [c.text for c in header.cells] == source.headings
        assert len(table.rows) == len(source.rows) + 1
        assert sum(c.width.cm for c in header.cells) <= TEXT_WIDTH_CM + 0.05
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert 'Tabel 4.3 BPSS Klien "PK"' in captions and 'Gambar 4.1 Genogram Klien "PK"' in captions
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    shapes = document.inline_shapes
    assert len(shapes) == len(report.figures()) >= 2  # genogram, strengths quadrant (and ecomaps)
    assert all(0 < shape.width <= text_width for shape in shapes)


def test_wide_figures_are_scaled_to_the_text_width() -> None:
    wide = svg_to_png('<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="300"/>', dpi=96)
    report = build_report(Case.from_document({"case": {"client": "X"}}), ReportOptions(figures=False))
    report.blocks.append(Figure("genogram", "lebar", wide, number="4.1", dpi=96))
    document = docx.Document(io.BytesIO(report_docx(report)))
    assert document.inline_shapes[0].width.cm == pytest.approx(TEXT_WIDTH_CM, abs=0.03)


def test_outputs_are_deterministic(pk_case: Case) -> None:
    a, b = build_report(pk_case), build_report(pk_case)
    assert report_docx(a) == report_docx(b)
    assert report_html(a) == report_html(b)
    assert report_markdown(a, "r") == report_markdown(b, "r")


def test_html_and_markdown(pk_case: Case) -> None:
    report = build_report(pk_case)
    html = report_html(report)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="id">' in html
    assert html.count("<table") == len(report.tables())
    assert "data:image/png;base64," in html and "<figcaption><b>Gambar 4.1</b>" in html
    text, images = report_markdown(report, "pk-report")
    assert list(images) == [f"pk-report-{f.key.replace('_', '-')}.png" for f in report.figures()]
    assert "pk-report-genogram.png" in images and "pk-report-strengths.png" in images
    assert "![Genogram Klien \"PK\"](pk-report-genogram.png)" in text
    assert text.count("**Tabel 4.") == len(report.tables())


def test_ecomap_figures_when_the_kind_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []

    class FakeDiagram:
        def __init__(self, compare: bool) -> None:
            self.compare = compare

        @classmethod
        def from_document(cls, document: dict[str, Any], *, source: str | None = None, lang: str = "id",
                          compare: bool = False, text: float = 1.0, initials: bool = False,
                          **print_options: Any) -> FakeDiagram:
            calls.append((sorted(document["ecomap"]), lang, compare))
            return cls(compare)

        def with_panel(self, panel: str | None) -> FakeDiagram:  # one side of a comparison
            return self

        def to_svg(self) -> str:
            width = 400 if self.compare else 200
            return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="200"/>'


    fake = types.ModuleType("socialtools.ecomap")
    fake.EcomapDiagram = FakeDiagram  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "socialtools.ecomap", fake)
    doc = load_example("pk.yaml")
    doc.pop("ecomap", None)
    assert [f.key for f in build_report(Case.from_document(doc)).figures()] == ["genogram", "strengths"]
    doc["ecomap"] = {"systems": []}
    figures = build_report(Case.from_document(doc)).figures()
    assert [f.title for f in figures] == ['Gambar 4.1 Genogram Klien "PK"', 'Gambar 4.2 Ekomap Klien "PK"',
                                          'Gambar 4.3 Kuadran Kekuatan Klien "PK"']
    # drawn once, or twice when the legend under the drawing keeps its text under 8 pt (then apart)
    assert calls and all(call == (["systems"], "id", False) for call in calls)
    doc["ecomap"]["after"] = {"ties": []}
    report = build_report(Case.from_document(doc), ReportOptions(lang="en"))
    assert [f.title for f in report.figures()][1:] == [
        'Figure 4.2 Ecomap of Client "PK"', 'Figure 4.3 Strengths Quadrant of Client "PK"',
        'Figure 4.4 Ecomap before the intervention of Client "PK"',
        'Figure 4.5 Ecomap after the intervention of Client "PK"']
    assert calls[-2:] == [(["after", "systems"], "en", True)] * 2
    # the comparison (before, then after) closes the evaluation, followed by its narrative, before the termination
    assert [b.key for b in report.blocks[-5:-3]] == ["ecomap_before", "ecomap_after"]
    assert report.blocks[-3].key == "ecomap_narrative"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_docx(pk_docx: bytes, tmp_path: Path) -> None:
    src = tmp_path / "pk.docx"
    src.write_bytes(pk_docx)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    pdf = (tmp_path / "pk.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pypdf = pytest.importorskip("pypdf")
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 3
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in pages)
    for expected in ("BAB 4 PELAKSANAAN PRAKTIKUM", 'Tabel 4.1 Identitas Klien "PK"', 'Tabel 4.3 BPSS Klien "PK"',
                     'Gambar 4.1 Genogram Klien "PK"', "kurus berat", "Selasa, 10 September 2024"):
        assert expected in text, expected


# -- command line and demo ----------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".docx", ".html", ".md"])
def test_cli_writes_each_format(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"laporan{suffix}"
    assert main(["report", str(example_path("pk.yaml")), "-o", str(out)]) == 0
    assert out.stat().st_size > 1000
    if suffix == ".md":
        assert (tmp_path / "laporan-genogram.png").read_bytes()[:4] == b"\x89PNG"


def test_cli_bad_case_exits_2_without_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("case: {client: PK}\nsessions:\n  - date: besok\n", encoding="utf-8")
    out = tmp_path / "r.docx"
    assert main(["report", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sessions[0], field 'date'" in err and "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "r.pdf"], "cannot write a report as '.pdf'"),
    (["-o", "r.docx", "--columns", "bpss"], "write TABLE=COL"),
    (["-o", "r.docx", "--columns", "bpss=warna"], "no column 'warna'"),
])
def test_cli_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                          message: str) -> None:
    args = [a if not a.startswith("r.") else str(tmp_path / a) for a in args]
    assert main(["report", str(example_path("pk.yaml")), *args]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_demo_has_the_pk_report() -> None:
    from socialtools.demo import demo_files

    files = demo_files()
    for name in ("pk-report.docx", "pk-report.html", "pk-report.md", "pk-report-genogram.png"):
        assert name in files
    assert docx.Document(io.BytesIO(files["pk-report.docx"])).tables


def test_only_keeps_parts_with_their_numbers(pk_case: Case) -> None:
    report = build_report(pk_case, ReportOptions(only=("bpss", "genogram", "plan")))
    assert not any(isinstance(b, Heading) for b in report.blocks)
    assert [t.title for t in report.tables()] == ['Tabel 4.3 BPSS Klien "PK"',
                                                 'Tabel 4.4 Rencana Intervensi Case Work Klien "PK"',
                                                 'Tabel 4.5 Rencana Intervensi Group Work Klien "PK"']
    assert [f.title for f in report.figures()] == ['Gambar 4.1 Genogram Klien "PK"']
    with pytest.raises(UsageError, match="no report part 'bps'"):
        ReportOptions(only=("bps",))


def test_only_takes_the_narrative_keys_and_indonesian_words_as_aliases(pk_case: Case) -> None:
    # review 5 R22: '--only' said 'client' where the narrative/source keys say 'identity'
    assert ReportOptions(only=("identity", "Keluarga", "comparison", "evaluasi", "client")).only == (
        "client", "family", "ecomap", "evaluation")
    by_alias = build_report(pk_case, ReportOptions(only=("identitas", "rencana")))
    by_name = build_report(pk_case, ReportOptions(only=("client", "plan")))
    assert [t.title for t in by_alias.tables()] == [t.title for t in by_name.tables()] != []
    with pytest.raises(UsageError, match=r"no report part 'identiy' \(did you mean 'identity'\?\): choose from "
                                         r"client \(or identity\)"):
        ReportOptions(only=("identiy",))


def test_cli_only(tmp_path: Path) -> None:
    out = tmp_path / "bpss.md"
    assert main(["report", str(example_path("pk.yaml")), "-o", str(out), "--only", "bpss", "--lang", "en"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith('**Table 4.3** BPSS Assessment of Client "PK"') and "Genogram" not in text


def test_bpss_form_blank_and_filled(tmp_path: Path) -> None:
    blank = tmp_path / "form.md"
    assert main(["report", "--bpss-form", "-o", str(blank)]) == 0
    text = blank.read_text(encoding="utf-8")
    # no client: the caption names none (never Klien "…")
    assert text.startswith("**Tabel 4.1** BPSS\n") and "| 12 | aktivitas fisik |  |" in text
    filled = tmp_path / "pk.md"
    assert main(["report", "--bpss-form", str(example_path("pk.yaml")), "-o", str(filled)]) == 0
    text = filled.read_text(encoding="utf-8")
    assert "| 4 | penampilan |  |" in text and "Berpakaian rapi" in text


def test_cli_needs_a_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "-o", str(tmp_path / "r.docx")]) == 2
    assert "give a CASE file" in capsys.readouterr().err


def test_json_case_file_and_chapter_title(tmp_path: Path) -> None:
    import json

    doc = load_example("pk.yaml")
    doc["case"]["chapter_title"] = "ASESMEN DAN INTERVENSI"
    case = tmp_path / "pk.json"
    case.write_text(json.dumps(doc, ensure_ascii=False, default=str), encoding="utf-8")
    out = tmp_path / "r.md"
    assert main(["report", str(case), "-o", str(out), "--no-figures"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# BAB 4 ASESMEN DAN INTERVENSI\n")


# Children order of the containers we write, from the OOXML schema (WordprocessingML sequences):
# Word refuses files whose property elements are out of order, LibreOffice does not.
SEQUENCES = {
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
             "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
           "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
           "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
           "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
           "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
}


def test_docx_property_elements_are_in_schema_order(pk_docx: bytes) -> None:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(pk_docx)) as z:
        for part in ("word/document.xml", "word/styles.xml"):
            root = etree.fromstring(z.read(part))
            for name, sequence in SEQUENCES.items():
                order = sequence.split()
                for element in root.iter(f"{W}{name}"):
                    tags = [etree.QName(c).localname for c in element if isinstance(c.tag, str)]
                    known = [t for t in tags if t in order]
                    assert known == sorted(known, key=order.index), (part, name, tags)


def test_strengths_quadrant_errors_name_the_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = load_example("pk.yaml")
    doc["strengths"]["personal_strenghts"] = ["x"]
    with pytest.raises(InputError, match=r"^strengths, field 'personal_strenghts': is not a known field"):
        build_report(Case.from_document(doc))
    assert build_report(Case.from_document(doc), ReportOptions(figures=False)).tables()
