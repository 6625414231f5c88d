"""The companion table of an institutional Venn diagram, for the report text.

Rows are plain data; :meth:`CompanionTable.to_markdown` and :meth:`CompanionTable.to_html`
need nothing else, :meth:`CompanionTable.to_dataframe` needs pandas (``pip install socialtools[tables]``).

>>> from socialtools.venn.institutional.model import InstitutionalVenn
>>> venn = InstitutionalVenn(institutions=[{"name": "Puskesmas", "importance": 3, "closeness": "dekat",
...                                          "notes": "layanan kesehatan"}])
>>> print(companion_table(venn, lang="id").to_markdown())
| Lembaga | Jenis | Ukuran (kepentingan) | Jarak (kedekatan) | Bekerja sama dengan | Keterangan |
|---|---|---|---|---|---|
| Puskesmas | Lembaga lokal / masyarakat | besar | dekat | – | layanan kesehatan |
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from socialtools.errors import MissingDependencyError
from socialtools.i18n import translate
from socialtools.io.escape import markdown_cell
from socialtools.venn.institutional.model import InstitutionalVenn
from socialtools.venn.style import CATALOGUE

COLUMNS = ("col_institution", "col_kind", "col_size", "col_distance", "col_cooperation", "col_note")


def closeness_words(value: float, lang: str) -> str:
    """The word for a closeness value: 1 → 'sangat dekat', 0.75 → 'dekat', ...

    >>> closeness_words(0.3, "en")
    'far'
    """
    steps = ((0.875, "distance_1"), (0.625, "distance_075"), (0.375, "distance_05"), (0.125, "distance_025"))
    for limit, key in steps:
        if value >= limit:
            return translate(CATALOGUE, key, lang)
    return translate(CATALOGUE, "distance_0", lang)


@dataclass(frozen=True)
class CompanionTable:
    """A table with a header row and text rows."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def to_records(self) -> list[dict[str, str]]:
        """Rows as dicts keyed by the column headers."""
        return [dict(zip(self.header, row, strict=True)) for row in self.rows]

    def to_markdown(self) -> str:
        """A GitHub-flavoured Markdown table."""
        cell = markdown_cell
        lines = ["| " + " | ".join(map(cell, self.header)) + " |", "|" + "---|" * len(self.header)]
        lines += ["| " + " | ".join(map(cell, row)) + " |" for row in self.rows]
        return "\n".join(lines)

    def to_html(self) -> str:
        """An HTML ``<table>`` (text escaped)."""
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self.header)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                       for row in self.rows)
        return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>{body}</tbody>\n</table>"

    def to_dataframe(self) -> Any:
        """A pandas DataFrame (pandas is an optional extra: ``pip install socialtools[tables]``)."""
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - pandas is installed in development
            raise MissingDependencyError("to_dataframe() needs pandas: pip install pandas") from None
        return pd.DataFrame(list(self.rows), columns=list(self.header))

    def _repr_html_(self) -> str:
        return self.to_html()


def companion_table(venn: InstitutionalVenn, lang: str = "id") -> CompanionTable:
    """Institution | kind | size | distance | cooperates with | note, in the order of the input."""
    t = lambda key: translate(CATALOGUE, key, lang)  # noqa: E731
    rows = []
    for inst in venn.institutions:
        partners = ", ".join(venn.partners(inst.name)) or "–"
        rows.append((inst.name, t(f"kind_{inst.kind}"), t(f"size_short_{inst.importance}"),
                     closeness_words(inst.closeness, lang), partners, inst.notes))
    return CompanionTable(tuple(t(c) for c in COLUMNS), tuple(rows))
