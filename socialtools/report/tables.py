"""A report table: numbered caption, headings and rows, written as Markdown, HTML or pandas (DOCX:
:func:`socialtools.report.docx_writer.add_table`).

A row is a list of cell texts, or a :class:`SectionRow` that spans the table (a domain heading
inside the BPSS table, for example).

>>> t = Table("BPSS Klien \\"PK\\"", ["Aspek", "Hasil Observasi"],
...           [SectionRow("A. Biologis"), ["kebersihan diri", "baik"]], number="4.3")
>>> print(t.to_markdown())
**Tabel 4.3** BPSS Klien "PK"
<BLANKLINE>
| Aspek | Hasil Observasi |
|---|---|
| **A. Biologis** | |
| kebersihan diri | baik |
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from socialtools.io.escape import markdown_cell, markdown_line

if TYPE_CHECKING:  # pragma: no cover
    import pandas


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEWLINES = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """Text without characters XML cannot hold, with ``\\n`` as the only line break.

    >>> clean_text("a\\r\\nb\\x08c")
    'a\\nbc'
    """
    return _NOT_XML.sub("", _NEWLINES.sub("\n", str(text)))


class SectionRow(NamedTuple):
    """A row spanning every column, e.g. ``A. Biologis``."""

    label: str


Row = list[str] | SectionRow


@dataclass
class Table:
    """A captioned table; ``widths`` are relative column widths for DOCX and HTML."""

    caption: str
    headings: list[str]
    rows: list[Row] = field(default_factory=list)
    number: str | None = None
    label: str = "Tabel"
    widths: list[float] | None = None
    key: str = ""
    source: str | None = None  # the whole line under the table, e.g. 'Sumber: Hasil asesmen praktikan, 2024'

    def __post_init__(self) -> None:
        self.caption = clean_text(self.caption)
        self.headings = [clean_text(h) for h in self.headings]
        self.rows = [SectionRow(clean_text(r.label)) if isinstance(r, SectionRow) else [clean_text(c) for c in r]
                     for r in self.rows]
        for i, row in enumerate(self.rows):
            if not isinstance(row, SectionRow) and len(row) != len(self.headings):
                raise ValueError(f"row {i} has {len(row)} cells for {len(self.headings)} headings")

    @property
    def title(self) -> str:
        """Numbered caption: ``Tabel 4.3 BPSS Klien "PK"``."""
        return f"{self.label} {self.number} {self.caption}" if self.number else self.caption

    def cells(self) -> list[list[str]]:
        """Every row as cells (a section row fills its first cell)."""
        return [[row.label] + [""] * (len(self.headings) - 1) if isinstance(row, SectionRow) else list(row)
                for row in self.rows]

    # -- outputs ------------------------------------------------------------------------
    def to_markdown(self) -> str:
        """A pipe table under its caption (line breaks in cells become ``<br>``)."""

        cell = markdown_cell
        caption = markdown_line(self.caption)
        head = f"**{markdown_line(f'{self.label} {self.number}')}** {caption}" if self.number else f"**{caption}**"
        lines = [head, "", "| " + " | ".join(cell(h) for h in self.headings) + " |",
                 "|" + "---|" * len(self.headings)]
        for row in self.rows:
            if isinstance(row, SectionRow):
                lines.append(f"| **{cell(row.label)}** |" + " |" * (len(self.headings) - 1))
            else:
                lines.append("| " + " | ".join(cell(c) for c in row) + " |")
        if self.source:
            lines += ["", f"*{html.escape(clean_text(self.source), quote=False)}*"]
        return "\n".join(lines)

    def to_html(self) -> str:
        """A ``<table>`` with ``<caption>``, ``<thead>`` and section rows spanning the columns."""
        esc = html.escape
        # border/cellpadding attributes keep the grid when the HTML is pasted into Word or LibreOffice
        out = ['<table class="st-table" border="1" cellspacing="0" cellpadding="4">']
        if self.number:
            out.append(f"<caption><b>{esc(self.label)} {esc(self.number)}</b> {esc(self.caption)}</caption>")
        else:
            out.append(f"<caption>{esc(self.caption)}</caption>")
        if self.widths:
            total = sum(self.widths)
            out.append("<colgroup>" + "".join(f'<col style="width:{100 * w / total:.1f}%">'
                                              for w in self.widths) + "</colgroup>")
        out.append("<thead><tr>" + "".join(f'<th style="background:#d9d9d9">{esc(h)}</th>'
                                           for h in self.headings) + "</tr></thead>")
        out.append("<tbody>")
        for row in self.rows:
            if isinstance(row, SectionRow):
                span = len(self.headings)
                out.append(f'<tr class="st-section"><td colspan="{span}" style="background:#f2f2f2">'
                           f"<b>{esc(row.label)}</b></td></tr>")
            else:
                out.append("<tr>" + "".join(f"<td>{esc(c).replace(chr(10), '<br>')}</td>" for c in row)
                           + "</tr>")
        out.append("</tbody></table>")
        if self.source:
            out.append(f'<p class="st-source">{esc(clean_text(self.source))}</p>')
        return "\n".join(out)

    def to_dataframe(self) -> pandas.DataFrame:
        """A pandas DataFrame; section rows become a first column (pandas is imported here)."""
        import pandas as pd

        if not any(isinstance(r, SectionRow) for r in self.rows):
            return pd.DataFrame([list(r) for r in self.rows], columns=list(self.headings))
        section = ""
        records: list[list[str]] = []
        for row in self.rows:
            if isinstance(row, SectionRow):
                section = row.label
            else:
                records.append([section, *row])
        return pd.DataFrame(records, columns=["", *self.headings])
