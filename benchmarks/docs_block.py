"""Benchmark figures into the docs: each script that the docs quote can write its own table
between ``<!-- NAME:begin -->`` and ``<!-- NAME:end -->`` of a docs page (``--write-docs``),
so no figure in the docs is pasted by hand.

>>> markdown_table(["people", "load s"], [[1001, "0.10"]])
'| people | load s |\\n|---:|---:|\\n| 1,001 | 0.10 |'
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def markdown_table(headings: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table; integers get thousands separators, every column is right-aligned but text."""
    def cell(value: object) -> str:
        return f"{value:,}" if isinstance(value, int) else str(value)

    numeric = [all(not isinstance(r[i], str) or r[i].replace(".", "").replace(",", "").isdigit() for r in rows)
               for i in range(len(headings))]
    lines = ["| " + " | ".join(headings) + " |", "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def replace_block(path: str | Path, name: str, text: str) -> None:
    """Put ``text`` between the ``name`` markers of the docs page ``path`` (the markers stay)."""
    path = Path(path)
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    page = path.read_text(encoding="utf-8")
    if begin not in page or end not in page:
        sys.exit(f"{path} has no {begin} ... {end} block")
    head, _, rest = page.partition(begin)
    _, _, tail = rest.partition(end)
    path.write_text(f"{head}{begin}\n{text}\n{end}{tail}", encoding="utf-8")
