"""HTML output: one self-contained page (styles inline, figures as embedded PNG).

>>> from socialtools.report.model import Report, Heading
>>> "<h1>BAB 4</h1>" in report_html(Report("Klien", "id", [Heading(1, "BAB 4")]))
True
"""

from __future__ import annotations

import base64
import html

from socialtools.report.labels import word
from socialtools.report.model import Figure, Heading, Paragraph, Report
from socialtools.report.print_size import PORTRAIT, figure_page, print_width_cm
from socialtools.report.tables import Table

STYLE = """
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 12pt; line-height: 1.4;
       max-width: 46em; margin: 2em auto; padding: 0 1em; color: #000; }
h1 { text-align: center; font-size: 15pt; }
h2 { font-size: 13pt; margin-top: 1.6em; }
h3 { font-size: 12pt; }
table.st-table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.5em; font-size: 10.5pt; }
table.st-table caption { caption-side: top; text-align: center; padding: 0.4em; font-size: 11pt; }
table.st-table th, table.st-table td { border: 1px solid #000; padding: 0.25em 0.45em; vertical-align: top;
       text-align: left; }
table.st-table th { background: #d9d9d9; }
table.st-table tr.st-section td { background: #f2f2f2; font-weight: bold; }
figure { margin: 1em 0 1.5em; text-align: center; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: 11pt; margin-top: 0.4em; }
p.st-source { font-size: 10pt; font-style: italic; margin: -1.2em 0 1.5em; }
figure p.st-source { margin: 0.2em 0 0; text-align: center; }
.st-figure-notes { margin: -1em 0 1.5em; text-align: center; break-inside: avoid; }
.st-figure-notes img { max-width: 100%; height: auto; }
figure.st-landscape + .st-figure-notes { break-before: page; margin-top: 0; }
p.st-notes { font-size: 10pt; text-align: left; margin: 0.6em 0 0; }
figure.st-landscape, h2.st-landscape, h3.st-landscape, h4.st-landscape { page: landscape; }
figure.st-landscape { overflow-x: auto; }
figure.st-landscape img { max-width: none; }
@page { size: A4 portrait; margin: 2cm; }
@page landscape { size: A4 landscape; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  h1, h2, h3, h4, table.st-table caption, figcaption, tr.st-section {
    break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  figure, .st-figure-notes { break-inside: avoid; page-break-inside: avoid; }
  figcaption, p.st-source { break-before: avoid; page-break-before: avoid; }
  table.st-table thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
"""


def report_html(report: Report) -> str:
    """The report as a standalone HTML page."""
    esc = html.escape
    out = ["<!DOCTYPE html>", f'<html lang="{report.lang}">', "<head>", '<meta charset="utf-8">',
           f"<title>{esc(report.title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>"]
    blocks = report.blocks
    for i, block in enumerate(blocks):
        if isinstance(block, Heading):
            # the heading of a landscape figure goes onto its landscape page (kept with it, as in the DOCX)
            after = next((b for b in blocks[i + 1:] if not isinstance(b, Heading)), None)
            wide = isinstance(after, Figure) and figure_page(after) is not PORTRAIT
            tag = f'h{block.level} class="st-landscape"' if wide else f"h{block.level}"
            out.append(f"<{tag}>{esc(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{esc(block.text)}</p>")
        elif isinstance(block, Table):
            out.append(block.to_html())
        elif isinstance(block, Figure):
            out.append(_figure(block, report.lang))
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _img(figure: Figure, alt: str) -> str:
    data = base64.b64encode(figure.png).decode("ascii")
    width = print_width_cm(figure)  # as in the DOCX: printed, its text keeps its size
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" style="width:{width:g}cm">'


def _figure(figure: Figure, lang: str) -> str:
    """A figure at its print width (a landscape one wider than the column, on a landscape page when
    printed), its caption, source line, legend printed apart and numbered notes."""
    esc = html.escape
    wide = figure_page(figure) is not PORTRAIT
    name = f"{figure.label} {figure.number}" if figure.number else figure.label
    number = f"<b>{esc(name)}</b> " if figure.number else ""
    parts = ['<figure class="st-landscape">' if wide else "<figure>", _img(figure, figure.title),
             f"<figcaption>{number}{esc(figure.caption)}</figcaption>"]
    if figure.source:
        parts.append(f'<p class="st-source">{esc(figure.source)}</p>')
    parts.append("</figure>")
    # the legend printed apart and the notes follow the figure on the portrait page after it
    extra = []
    if figure.legend is not None:
        extra.append(f'<p class="st-notes">{esc(figure.legend.caption)} {esc(name)}:</p>')
        extra.append(_img(figure.legend, f"{figure.legend.caption} {name}"))
    if figure.notes:
        lines = [f"{word('figure_notes', lang)} {name}:", *figure.notes]
        extra.append('<p class="st-notes">' + "<br>".join(esc(line) for line in lines) + "</p>")
    if extra:
        parts.append('<div class="st-figure-notes">' + "".join(extra) + "</div>")
    return "".join(parts)
