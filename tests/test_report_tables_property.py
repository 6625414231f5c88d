"""Property tests: any text in any cell gives a valid DOCX, HTML and Markdown with every row."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.report.docx_writer import column_widths_cm, tables_docx
from socialtools.report.print_size import TEXT_WIDTH_CM
from socialtools.report.tables import SectionRow, Table

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    ncols = draw(st.integers(1, 7))
    headings = draw(st.lists(TEXT.filter(lambda t: t.strip()), min_size=ncols, max_size=ncols))
    rows = draw(st.lists(st.one_of(st.builds(SectionRow, TEXT),
                                   st.lists(TEXT, min_size=ncols, max_size=ncols)), max_size=8))
    widths = draw(st.none() | st.lists(st.floats(0.1, 10), min_size=ncols, max_size=ncols))
    return Table(draw(TEXT), headings, rows, number="4.1", widths=widths)


def _visible(text: str) -> str:
    return re.sub("\r\n?", "\n", re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text))


@settings(max_examples=25, deadline=None)
@given(tables())
def test_docx_holds_every_row_and_cell(table: Table) -> None:
    document = docx.Document(io.BytesIO(tables_docx([table])))
    (out,) = document.tables
    assert len(out.rows) == len(table.rows) + 1
    for row, source in zip(out.rows[1:], table.rows, strict=True):
        if isinstance(source, SectionRow):
            assert row.cells[0].text == _visible(source.label)
        else:
            texts = [c.text for c in row.cells]
            assert texts == [_visible(t) for t in source]


@settings(max_examples=60, deadline=None)
@given(tables())
def test_column_widths_fill_the_text_width(table: Table) -> None:
    widths = column_widths_cm(table)
    assert len(widths) == len(table.headings)
    assert all(w > 0 for w in widths)
    assert abs(sum(widths) - TEXT_WIDTH_CM) < 0.05 * len(widths)


class _Counter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.rows += tag == "tr"


@settings(max_examples=60, deadline=None)
@given(tables())
def test_html_and_markdown_keep_the_row_structure(table: Table) -> None:
    parser = _Counter()
    parser.feed(table.to_html())
    assert parser.rows == len(table.rows) + 1
    lines = table.to_markdown().split("\n")
    assert len(lines) == 4 + len(table.rows)  # caption, blank, headings, rule, rows
    for line in lines[2:]:
        assert len(re.findall(r"(?<!\\)\|", line)) == len(table.headings) + 1
