"""Markdown output: headings, pipe tables and figures as image links to PNG files beside it.

>>> from socialtools.report.model import Report, Heading
>>> report_markdown(Report("Klien", "id", [Heading(2, "4.1 Identitas")]), "r")
('## 4.1 Identitas\\n', {})
"""

from __future__ import annotations

import html

from socialtools.report.model import Figure, Heading, Paragraph, Report
from socialtools.report.tables import Table, clean_text


def report_markdown(report: Report, image_prefix: str = "report") -> tuple[str, dict[str, bytes]]:
    """The Markdown text and the images it links to (``<prefix>-<kind>.png``)."""
    parts: list[str] = []
    images: dict[str, bytes] = {}
    for block in report.blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#' * block.level} {clean_text(block.text).replace(chr(10), ' ')}")
        elif isinstance(block, Paragraph):
            parts.append(html.escape(clean_text(block.text), quote=False))
        elif isinstance(block, Table):
            parts.append(block.to_markdown())
        elif isinstance(block, Figure):
            kind = block.key.replace("_", "-")
            name = f"{image_prefix}-{kind}.png"
            n = 2
            while name in images:
                name = f"{image_prefix}-{kind}-{n}.png"
                n += 1
            images[name] = block.png
            number = f"**{block.label} {block.number}** " if block.number else ""
            caption = html.escape(clean_text(block.caption), quote=False).replace("\n", " ")
            source = f"\n\n*{html.escape(clean_text(block.source), quote=False)}*" if block.source else ""
            parts.append(f"![{caption}]({name})\n\n{number}{caption}{source}")
    return "\n\n".join(parts) + "\n", images
