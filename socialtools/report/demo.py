"""The PK case report for ``socialtools demo``: ``pk-report.docx``, ``.html`` and ``.md``.

>>> files = demo_files()
>>> [name for name in ("pk-report.docx", "pk-report.html", "pk-report.md") if name in files]
['pk-report.docx', 'pk-report.html', 'pk-report.md']
"""

from __future__ import annotations

from socialtools.examples import example_path
from socialtools.report.case import Case
from socialtools.report.document import build_report
from socialtools.report.docx_writer import report_docx
from socialtools.report.html_writer import report_html
from socialtools.report.markdown_writer import report_markdown
from socialtools.report.model import ReportOptions


def demo_files() -> dict[str, str | bytes]:
    """The bundled PK case as a report in DOCX, HTML and Markdown (with its images)."""
    report = build_report(Case.load(example_path("pk.yaml")), ReportOptions())
    text, images = report_markdown(report, "pk-report")
    files: dict[str, str | bytes] = {"pk-report.docx": report_docx(report), "pk-report.html": report_html(report),
                                     "pk-report.md": text}
    files.update(images)
    return files
