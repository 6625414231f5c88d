"""Timings of the case report: load, build (with and without the genogram), DOCX/HTML/Markdown.

Run: PYTHONPATH=. python benchmarks/report.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from socialtools.examples import load_example
from socialtools.genogram.synthetic import synthetic_family
from socialtools.report.case import Case
from socialtools.report.document import build_report
from socialtools.report.docx_writer import report_docx
from socialtools.report.html_writer import report_html
from socialtools.report.markdown_writer import report_markdown
from socialtools.report.model import ReportOptions


def timed(label: str, func: Callable[[], Any], repeat: int = 3) -> Any:
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<48} {best * 1000:9.1f} ms")
    return result


def big_case(sessions: int, items: int, people: int) -> dict[str, Any]:
    doc = load_example("pk.yaml")
    doc["sessions"] = [{"date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "time": "09.00–09.30",
                        "kind": "case work", "techniques": ["penguatan positif"],
                        "process": "Proses sesi " * 8, "result": "Hasil sesi " * 6} for i in range(sessions)]
    for domain in ("biological", "psychological", "social", "spiritual"):
        doc["bpss"][domain] = [{"aspect": f"aspek {i}", "finding": "temuan " * 12, "source": "observasi"}
                               for i in range(items)]
    family = synthetic_family(people, seed=1)
    doc["family"] = family.model_dump(mode="json", exclude_none=True)
    doc["case"]["client"] = family.people[0].id
    return doc


def main() -> None:
    pk = load_example("pk.yaml")
    case = timed("PK: validate case file", lambda: Case.from_document(pk))
    timed("PK: build report (no figures)", lambda: build_report(case, ReportOptions(figures=False)))
    report = timed("PK: build report (4 figures at 200 dpi)", lambda: build_report(case))
    timed("PK: DOCX", lambda: report_docx(report))
    timed("PK: HTML", lambda: report_html(report))
    timed("PK: Markdown", lambda: report_markdown(report))
    for sessions, items, people in ((100, 25, 30), (1000, 100, 100)):
        doc = big_case(sessions, items, people)
        label = f"{sessions} sessions, {4 * items} BPSS items, {people} people"
        # leniently: the synthetic family's twins are born years apart, its sessions run past PK's termination
        big = timed(f"{label}: validate", lambda doc=doc: Case.from_document(doc, lenient=True), repeat=1)
        rep = timed(f"{label}: build (no figures)",
                    lambda big=big: build_report(big, ReportOptions(figures=False)), repeat=1)
        timed(f"{label}: DOCX", lambda rep=rep: report_docx(rep), repeat=1)
        timed(f"{label}: HTML", lambda rep=rep: report_html(rep), repeat=1)


if __name__ == "__main__":
    main()
