"""Case reports: the case file (:mod:`.case`), tables (:mod:`.tables`) and the report writers.

>>> from socialtools.report import Case, ReportOptions, build_report
"""

from typing import TYPE_CHECKING

from socialtools._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from socialtools.report.case import Case
    from socialtools.report.document import build_report, report_bytes, write_report
    from socialtools.report.model import ReportOptions

__all__ = ["Case", "ReportOptions", "build_report", "report_bytes", "write_report"]
__getattr__ = lazy_exports(__name__, {
    "Case": "socialtools.report.case", "ReportOptions": "socialtools.report.model",
    "build_report": "socialtools.report.document", "report_bytes": "socialtools.report.document",
    "write_report": "socialtools.report.document",
})
