"""Issue 13, report part: narrative under each table and figure, 'Sumber:' lines, DOCX pagination
(header rows repeat and never stand alone), the family table marks the deceased and gives ages,
and case-file errors that name their section."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path
from typing import Any

import docx
import pytest

from socialtools.cli import main
from socialtools.errors import InputError
from socialtools.examples import load_example
from socialtools.report.case import Case
from socialtools.report.casetables import family_table
from socialtools.report.document import build_report
from socialtools.report.docx_writer import report_docx
from socialtools.report.html_writer import report_html
from socialtools.report.markdown_writer import report_markdown
from socialtools.report.model import Figure, Paragraph, ReportOptions
from socialtools.report.tables import Table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def pk() -> dict[str, Any]:
    return load_example("pk.yaml")


@pytest.fixture(scope="module")
def pk_report(pk: dict[str, Any]):
    return build_report(Case.from_document(pk))


def test_each_figure_and_table_with_a_narrative_is_followed_by_it(pk: dict[str, Any], pk_report) -> None:
    blocks = pk_report.blocks
    for part, key in (("genogram", "genogram"), ("ecomap", "ecomap"), ("strengths", "strengths")):
        i = next(i for i, b in enumerate(blocks) if isinstance(b, Figure) and b.key == key)
        figure, after = blocks[i], blocks[i + 1]
        assert isinstance(after, Paragraph) and after.key == f"{key}_narrative"
        assert f"Gambar {figure.number}" in after.text and "{gambar}" not in after.text
        assert after.text.replace(f"Gambar {figure.number}", "{gambar}") == " ".join(pk["narrative"][part].split())
    bpss = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and b.key == "bpss")
    assert blocks[bpss + 1].text.startswith(f"Berdasarkan Tabel {blocks[bpss].number},")
    # the plan's narrative comes once, after the last plan table
    plan = [i for i, b in enumerate(blocks) if isinstance(b, Table) and b.key.startswith("plan")]
    assert len(plan) == 2 and isinstance(blocks[plan[-1] + 1], Paragraph)
    assert not isinstance(blocks[plan[0] + 1], Paragraph)


def test_narrative_follows_the_numbers_of_a_partial_report(pk: dict[str, Any]) -> None:
    report = build_report(Case.from_document(pk), ReportOptions(only=("ecomap",)))
    figure, text = report.blocks[0], report.blocks[1]
    assert isinstance(figure, Figure) and f"Gambar {figure.number}" in text.text


def test_narrative_in_every_format(pk_report) -> None:
    text = next(b.text for b in pk_report.blocks if isinstance(b, Paragraph) and b.key == "ecomap_narrative")
    assert text in " ".join(p.text for p in docx.Document(io.BytesIO(report_docx(pk_report))).paragraphs)
    assert text in report_html(pk_report)
    assert text in report_markdown(pk_report)[0]


def test_source_lines_under_every_table_and_figure(pk_report) -> None:
    items = pk_report.tables() + pk_report.figures()
    assert items and all(i.source for i in items)
    # the family table and the genogram are both drawn from `family`: they take its source
    family = [i for i in items if i.key in ("family", "genogram")]
    assert [i.source for i in family] == ["Sumber: Wawancara dengan klien dan dokumen sentra, 2024"] * 2
    assert all(i.source == "Sumber: Hasil asesmen praktikan, 2024" for i in items if i not in family)
    document = docx.Document(io.BytesIO(report_docx(pk_report)))
    lines = [p.text for p in document.paragraphs if p.text.startswith("Sumber:")]
    assert len(lines) == len(items)
    html = report_html(pk_report)
    assert html.count('class="st-source"') == len(items)
    assert report_markdown(pk_report)[0].count("*Sumber: ") == len(items)


def test_source_option_wins_and_english_says_source(pk: dict[str, Any]) -> None:
    report = build_report(Case.from_document(pk), ReportOptions(lang="en", source="Case notes, 2024"))
    assert {i.source for i in report.tables() + report.figures()} == {"Source: Case notes, 2024"}
    bare = copy.deepcopy(pk)
    del bare["case"]["source"]
    assert all(t.source is None for t in build_report(Case.from_document(bare)).tables())


def test_source_on_the_command_line(tmp_path: Path) -> None:
    from socialtools.examples import example_path

    out = tmp_path / "r.md"
    assert main(["report", str(example_path("pk.yaml")), "-o", str(out), "--no-figures",
                 "--source", "Hasil observasi, 2024"]) == 0
    assert "*Sumber: Hasil observasi, 2024*" in out.read_text(encoding="utf-8")


def test_table_header_rows_repeat_and_keep_with_the_next_row(pk_report) -> None:
    document = docx.Document(io.BytesIO(report_docx(pk_report)))
    for table in document.tables:
        header = table._tbl.tr_lst[0]
        assert header.find(f"{W}trPr/{W}tblHeader") is not None
        assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in header.iter(f"{W}p"))
    bpss = next(t for t in document.tables if t.rows[1].cells[0].text.startswith("A."))
    section_rows = [tr for tr in bpss._tbl.tr_lst if len(tr.findall(f"{W}tc")) == 1]
    assert section_rows and all(next(tr.iter(f"{W}keepNext"), None) is not None for tr in section_rows)
    for level in (1, 2, 3):
        assert document.styles[f"Heading {level}"].paragraph_format.keep_with_next


def test_source_line_is_never_alone_at_the_top_of_a_page(pk_report) -> None:
    """Seen in the PK PDF: Tabel 4.7 ended a page and its 'Sumber:' line opened the next. The last row
    of a table with a source line keeps with it (and a table without one does not hold the page)."""
    document = docx.Document(io.BytesIO(report_docx(pk_report)))
    body = document.element.body
    checked = 0
    for tbl in body.iter(f"{W}tbl"):
        following = tbl.getnext()
        text = "".join(t.text or "" for t in following.iter(f"{W}t")) if following is not None else ""
        last = tbl.findall(f"{W}tr")[-1]
        kept = all(p.find(f"{W}pPr/{W}keepNext") is not None for p in last.iter(f"{W}p"))
        assert kept == text.startswith("Sumber:"), text
        checked += kept
    assert checked == len(document.tables) >= 8


FAMILY = {
    "as_of": 2024,
    "people": [
        {"id": "K", "sex": "male", "birth": 1940, "death": 2015, "role": "kakek"},
        {"id": "N", "sex": "female", "birth": 1945, "deceased": True, "role": "nenek"},
        {"id": "S", "sex": "female", "birth": 1975, "role": "ibu"},
        {"id": "PK", "sex": "female", "birth": 1998, "index": True},
    ],
    "unions": [{"partners": ["K", "N"], "children": ["S"]}],
}


def test_family_table_marks_the_deceased_and_gives_ages() -> None:
    case = Case.from_document({"family": FAMILY})
    table = family_table(case)
    rows = {r[2]: dict(zip(table.headings, r, strict=True)) for r in table.rows}
    assert rows["kakek"]["Nama"] == "Alm. K (wafat 2015)"
    assert rows["kakek"]["Usia"] == "75 (saat wafat)"
    assert rows["nenek"]["Nama"] == "Almh. N"  # year of death not known
    assert rows["ibu"]["Nama"] == "S" and rows["ibu"]["Usia"] == "49"
    english = family_table(case, ReportOptions(lang="en"))
    assert english.rows[0][1] == "the late K (d. 2015)"


@pytest.mark.parametrize("command", ["genogram", "ecomap", "report"])
def test_family_errors_name_the_section(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    bad = tmp_path / "case.yaml"
    bad.write_text(
        "family:\n  people:\n    - {id: A}\n    - {id: B}\n  unions:\n    - {partners: [A, B]}\n"
        "    - {partners: [A, B]}\n    - {partners: [B, A]}\n    - {partners: [A, Z]}\n"
        "ecomap:\n  systems: [a]\n  ties: [{system: a}]\n",
        encoding="utf-8",
    )
    out = tmp_path / ("r.md" if command == "report" else "e.svg")
    assert main([command, str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "family.unions[3], field 'partners': unknown person 'Z'" in err
    assert not out.exists()


def test_a_person_error_names_its_index_in_the_section() -> None:
    doc = {"family": {"people": [{"id": "A"}, {"id": "B", "birth": 2000, "death": 1990}]}}
    with pytest.raises(InputError) as err:
        Case.from_document(doc)
    assert err.value.record == "family.people[1] (id 'B')"


def test_narrative_part_names_are_checked() -> None:
    with pytest.raises(InputError, match="no report part 'keuangan'") as err:
        Case.from_document({"narrative": {"keuangan": "x"}})
    assert err.value.record.startswith("narrative")


def test_json_schema_docs_list_every_registered_kind() -> None:
    from socialtools.schema import kinds

    text = (Path(__file__).resolve().parent.parent / "docs" / "json-schema.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", text, flags=re.M))
    assert listed == set(kinds())
    assert "Not registered yet" not in text
