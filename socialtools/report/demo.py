"""The PK case report for ``socialtools demo``: ``pk-report.docx``, ``.html`` and ``.md``.

>>> files = demo_files()
>>> [name for name in ("pk-report.docx", "pk-report.html", "pk-report.md") if name in files]
['pk-report.docx', 'pk-report.html', 'pk-report.md']
"""

from __future__ import annotations

from socialtools.examples import example_path
from socialtools.report.case import Case
from socialtools.report.document import ReportOptions, build_report


def demo_files() -> dict[str, str | bytes]:
    """The bundled PK case as a report in DOCX, HTML and Markdown (with its images)."""
    report = build_report(Case.load(example_path("pk.yaml")), ReportOptions())
    text, images = report.to_markdown("pk-report")
    files: dict[str, str | bytes] = {"pk-report.docx": report.to_docx(), "pk-report.html": report.to_html(),
                                     "pk-report.md": text}
    files.update(images)
    return files
