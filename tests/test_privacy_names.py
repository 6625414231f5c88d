"""Review 5, R1 and R4: with ``--initials`` no word of a family member's name is left anywhere.

The case file ``data/privacy/names-everywhere.yaml`` (invented people) writes the family's names
into household labels ("Rumah Pak Budi"), the problem, BPSS findings and aspects, plans, sessions,
behaviour changes, intervention systems, evaluation, termination, the narrative, strengths, the
Venn and the ecomap's system names, ids and tie labels. Every output of every command is searched
for every word of every name (whole words, any case), in the raw text of the file.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

import pytest

from socialtools.cli import main
from socialtools.genogram.model import Family
from socialtools.privacy import NameMask, hide_case, mask_names, name_words
from socialtools.report.case import Case
from socialtools.report.document import build_report, ecomap_svg, genogram_drawing, strengths_svg
from socialtools.report.docx_writer import report_docx
from socialtools.report.html_writer import report_html
from socialtools.report.markdown_writer import report_markdown
from socialtools.report.model import ReportOptions

CASE = Path(__file__).parent / "data" / "privacy" / "names-everywhere.yaml"
#: every word of every name in the case file, written out here (not computed by the code under test)
NAME_WORDS = ("Sastro", "Sumi", "Harjo", "Harti", "Budi", "Wijaya", "Rina", "Astuti", "Tuti", "Mulyani",
              "Agus", "Santoso", "Sri", "Wahyuni", "Joko", "Kuncoro", "Hadi", "Dewi", "Wulandari", "Fajar",
              "Fitri", "Lina", "Rizki", "Ayu", "Nanda", "Yoga")


def leaked(text: str) -> list[str]:
    """The name words found in ``text`` (as whole words, any case)."""
    text = html.unescape(text)
    return [w for w in NAME_WORDS if re.search(rf"(?<!\w){w}(?!\w)", text, re.IGNORECASE)]


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels")))


def _report_texts(initials: bool, lang: str = "id") -> dict[str, str]:
    report = build_report(Case.load(CASE), ReportOptions(lang=lang, initials=initials, figures=False))
    markdown, _ = report_markdown(report, "r")
    return {".md": markdown, ".html": report_html(report), ".docx": _docx_text(report_docx(report))}


# -- the mask itself ---------------------------------------------------------------------------------------
def test_mask_replaces_given_names_after_honorifics_and_keeps_other_words() -> None:
    mask = NameMask([("Budi Wijaya", "BW"), ("Rina Astuti", "RA"), ("Kakek Sastro", "KS")])
    assert mask("Rumah Pak Budi") == "Rumah Pak BW"
    assert mask("Rumah Ibu RINA") == "Rumah Ibu RA"
    assert mask("kakek sastro dan kakek") == "KS dan kakek"  # an honorific alone is no name
    assert mask("Budiman dan Rinanti") == "Budiman dan Rinanti"  # whole words only
    assert mask("Budi  Wijaya") == "BW"  # the full name, however spaced


def test_mask_a_word_two_people_share_names_neither() -> None:
    mask = NameMask([("Budi Wijaya", "BW"), ("Hadi Wijaya", "HW")])
    assert mask("Keluarga Wijaya; Hadi") == "Keluarga W.; HW"


def test_mask_leaves_short_words_and_titles() -> None:
    assert name_words("Hj. Siti Nur'aini binti Al Ahmad") == ["Siti", "Nur'aini", "Ahmad"]
    assert NameMask([("Bu An", "BA")])("Bu An datang") == "BA datang"  # the full name still goes


def test_mask_names_of_a_family() -> None:
    family = Family.model_validate({"people": [{"id": "B", "name": "Budi Wijaya"}, {"id": "N", "name": "Nenek Sumi"}]})
    assert mask_names("Genogram Pak Budi dan Nenek Sumi; nenek", family) == "Genogram Pak BW dan NS; nenek"


# -- R1: labels of every drawing ---------------------------------------------------------------------------
def test_r1_fixture_holds_the_names() -> None:
    """The searches below can fail: without --initials every name word is in the report."""
    texts = _report_texts(initials=False)
    assert set(leaked(texts[".md"])) == set(NAME_WORDS)


@pytest.mark.parametrize("extra", [[], ["--compare", "2000", "2025"]], ids=["plain", "compare"])
def test_r1_genogram_initials_masks_household_labels(tmp_path: Path, extra: list[str]) -> None:
    out = tmp_path / "g.svg"
    assert main(["genogram", str(CASE), "--initials", *extra, "-o", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    assert leaked(svg) == []
    assert "Rumah Pak BW" in svg and "Rumah Ibu RA" in svg and "Rumah Mbah NH" in svg


def test_r1_ecomap_initials_masks_system_names(tmp_path: Path) -> None:
    out = tmp_path / "e.svg"
    assert main(["ecomap", str(CASE), "--initials", "-o", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    assert leaked(svg) == []
    assert "Toko BW" in svg and "Om HW" in svg  # a system's name, and a tie label
    assert ">HW<" in svg  # the system written by its id alone ('Hadi')


def test_r1_venn_and_quadrant_initials(tmp_path: Path) -> None:
    venn, quadrant = tmp_path / "v.svg", tmp_path / "q.svg"
    assert main(["venn", str(CASE), "--initials", "-o", str(venn)]) == 0
    assert main(["quadrant", str(CASE), "--initials", "-o", str(quadrant)]) == 0
    assert leaked(venn.read_text(encoding="utf-8")) == []
    assert leaked(quadrant.read_text(encoding="utf-8")) == []


# -- R4: every free text of the report ----------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["id", "en"])
def test_r4_report_initials_leaves_no_name_word(lang: str) -> None:
    for suffix, text in _report_texts(initials=True, lang=lang).items():
        assert leaked(text) == [], suffix
    markdown = _report_texts(initials=True)[".md"]
    assert "Konseling individu bersama RA" in markdown and "Sering bertengkar dengan BW." in markdown


def test_r4_report_figures_with_initials_leave_no_name_word() -> None:
    opts = ReportOptions(initials=True)
    case = hide_case(Case.load(CASE))  # as build_report does with --initials
    drawing = genogram_drawing(case, opts)
    assert drawing is not None
    svgs = [drawing.svg, drawing.legend_svg or "", " ".join(drawing.notes), ecomap_svg(case, opts) or "",
            ecomap_svg(case, opts, panel="before") or "", strengths_svg(case, opts) or ""]
    for svg in svgs:
        assert leaked(svg) == []
    assert re.search(r">Toko( BW)?<", svgs[3])  # "Toko BW", in one line or two


def test_r4_report_cli_initials_narrative_under_the_genogram(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    assert main(["report", str(CASE), "--initials", "--only", "genogram", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert leaked(text) == [] and "BW dan RA bercerai pada 2016" in text


def test_r4_a_case_built_in_python_is_masked_too() -> None:
    """build_report on a Case made from models (no document): the models' text is masked."""
    from socialtools.report.case import Session

    family = Family.model_validate({"people": [{"id": "B", "name": "Budi Wijaya", "index": True}]})
    case = Case(family=family, sessions=[Session(date="2024-09-10", result="Budi mulai terbuka")],
                narrative={"process": ["Pak Budi hadir."]})
    report = build_report(case, ReportOptions(initials=True, figures=False))
    markdown, _ = report_markdown(report, "r")
    assert "BW mulai terbuka" in markdown and leaked(markdown) == []


def test_r4_the_source_line_given_on_the_command_line_is_masked(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    assert main(["report", str(CASE), "--initials", "--no-figures", "--source", "Wawancara dengan Ibu Rina, 2025",
                 "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert leaked(text) == [] and "Wawancara dengan Ibu RA, 2025" in text
