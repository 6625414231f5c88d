"""Data written into Markdown, Markdown tables and CSV as inert text, never as markup.

HTML, SVG and DOCX escape through their libraries (``html.escape``, svgwrite, python-docx);
this module holds what the text formats need:

- :func:`markdown_text`: every character CommonMark (and GitHub's tables and strikethrough)
  reads as syntax is backslash-escaped, so ``[x](javascript:…)``, ``![img](…)``, ``*bold*``,
  ``<script>`` and ``&lt;`` stay text; a line that starts like a heading, quote, list or
  setext underline is escaped too; line breaks become hard breaks, so a ``# heading`` line
  inside a note stays part of the paragraph;
- :func:`markdown_line`: the same on one line (headings, captions, table cells);
- :func:`csv_cell`: a cell a spreadsheet would run as a formula (starting with ``=``, ``+``,
  ``-``, ``@``, tab or carriage return) gets a leading apostrophe.

>>> markdown_line("[x](javascript:alert(1)) *a*")
'\\\\[x\\\\](javascript:alert(1)) \\\\*a\\\\*'
>>> csv_cell("=HYPERLINK(1)"), csv_cell("-3"), csv_cell("Puskesmas")
("'=HYPERLINK(1)", '-3', 'Puskesmas')
"""

from __future__ import annotations

import re

# Inline syntax of CommonMark and GFM: emphasis, code, links and images, raw HTML and
# autolinks, entities, tables, strikethrough; and of pandoc's Markdown: superscript, math,
# citations; a backslash escapes itself.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~^$@])")
# What makes a block of a line: ATX heading, quote, bullet, setext underline, fenced code,
# ordered-list number (``1.`` / ``1)``).
_LINE_START = re.compile(r"^(\s*)([#>+=\-]|\d{1,9}(?=[.)](?:\s|$)))")
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?%?$")


def markdown_line(text: str) -> str:
    """One line of Markdown showing ``text`` literally (line breaks become spaces)."""
    flat = " ".join(str(text).split())
    escaped = _INLINE.sub(r"\\\1", flat)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit()
                           else m.group(1) + m.group(2) + "\\", escaped, count=1)


def markdown_text(text: str) -> str:
    """A Markdown paragraph showing ``text`` literally; its line breaks are kept as hard breaks.

    >>> markdown_text("catatan\\n# bukan judul")
    'catatan\\\\\\n\\\\# bukan judul'
    """
    lines = [markdown_line(line) for line in str(text).split("\n")]
    return "\\\n".join(line for line in lines if line)


def markdown_cell(text: str) -> str:
    """A Markdown table cell showing ``text`` literally (line breaks become ``<br>``)."""
    return "<br>".join(markdown_line(line) for line in str(text).split("\n") if line.strip())


def csv_cell(text: str) -> str:
    """``text`` made safe for a spreadsheet: a would-be formula gets a leading apostrophe.

    A plain number such as ``-3`` or ``+2,5`` is left as it is.
    """
    text = str(text)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.match(text.replace("+", "", 1)):
        return "'" + text
    return text
