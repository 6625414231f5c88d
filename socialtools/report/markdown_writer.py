"""Markdown output: headings, pipe tables and figures as image links to PNG files beside it.

>>> from socialtools.report.model import Report, Heading
>>> report_markdown(Report("Klien", "id", [Heading(2, "4.1 Identitas")]), "r")
('## 4.1 Identitas\\n', {})
"""

from __future__ import annotations

from urllib.parse import quote

from socialtools.io.escape import markdown_line, markdown_text
from socialtools.report.model import Figure, Heading, Paragraph, Report
from socialtools.report.tables import Table, clean_text


def report_markdown(report: Report, image_prefix: str = "report") -> tuple[str, dict[str, bytes]]:
    """The Markdown text and the images it links to (``<prefix>-<kind>.png``)."""
    parts: list[str] = []
    images: dict[str, bytes] = {}
    for block in report.blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#' * block.level} {markdown_line(clean_text(block.text))}")
        elif isinstance(block, Paragraph):
            parts.append(markdown_text(clean_text(block.text)))
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
            number = f"**{markdown_line(f'{block.label} {block.number}')}** " if block.number else ""
            caption = markdown_line(clean_text(block.caption))
            source = f"\n\n*{markdown_line(clean_text(block.source))}*" if block.source else ""
            parts.append(f"![{caption}]({quote(name)})\n\n{number}{caption}{source}")
    return "\n\n".join(parts) + "\n", images
