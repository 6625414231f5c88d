"""Markdown output: headings, pipe tables and figures as image links to PNG files beside it.

>>> from socialtools.report.model import Report, Heading
>>> report_markdown(Report("Klien", "id", [Heading(2, "4.1 Identitas")]), "r")
('## 4.1 Identitas\\n', {})
"""

from __future__ import annotations

from urllib.parse import quote

from socialtools.io.escape import markdown_line, markdown_text
from socialtools.report.labels import word
from socialtools.report.model import Figure, Heading, Paragraph, Report
from socialtools.report.print_size import PORTRAIT, figure_page, print_width_cm
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
            parts.append(_figure(block, images, image_prefix, report.lang))
    return "\n\n".join(parts) + "\n", images


def _image(figure: Figure, images: dict[str, bytes], image_prefix: str) -> str:
    """The file name of the figure's PNG, added to ``images``."""
    kind = figure.key.replace("_", "-")
    name = f"{image_prefix}-{kind}.png"
    n = 2
    while name in images:
        name = f"{image_prefix}-{kind}-{n}.png"
        n += 1
    images[name] = figure.png
    return name


def _figure(figure: Figure, images: dict[str, bytes], image_prefix: str, lang: str) -> str:
    """The figure's image link, caption and source line; a note when it needs a landscape page to print
    its text at 8 pt (Markdown cannot size a picture); its legend printed apart and its notes."""
    name = _image(figure, images, image_prefix)
    number = f"**{markdown_line(f'{figure.label} {figure.number}')}** " if figure.number else ""
    caption = markdown_line(clean_text(figure.caption))
    out = f"![{caption}]({quote(name)})\n\n{number}{caption}"
    if figure.source:
        out += f"\n\n*{markdown_line(clean_text(figure.source))}*"
    page = figure_page(figure)
    if page is not PORTRAIT:
        width = f"{print_width_cm(figure, page):.1f}".replace(".", "," if lang == "id" else ".")
        out += f"\n\n*{markdown_line(word('landscape_note', lang).format(width=width))}.*"
    label = f"{figure.label} {figure.number}" if figure.number else figure.label
    if figure.legend is not None:
        legend = _image(figure.legend, images, image_prefix)
        title = markdown_line(f"{figure.legend.caption} {label}")
        out += f"\n\n{title}:\n\n![{title}]({quote(legend)})"
    if figure.notes:
        lines = [f"{word('figure_notes', lang)} {label}:", *figure.notes]
        out += "\n\n" + "  \n".join(markdown_line(clean_text(line)) for line in lines)
    return out
