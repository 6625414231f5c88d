"""Print size of the text in the figures of a case report (``python benchmarks/report_figures.py
[CASE.yaml ...] [--write-docs[=BLOCK]]``; the bundled PK case without arguments; ``--write-docs`` puts
the output into docs/report.md between its ``report_figures`` markers, or those of ``BLOCK``).

For each figure (and a legend printed apart): the page it is printed on (portrait, or landscape for a
figure too wide for a portrait page), its natural size, the scale and size it is printed at on an A4
page, its smallest text in points once printed, with PASS when that is 8 pt or more
(``MIN_PRINT_PT``), else FAIL, and the share of the figure's height its legend takes under the drawing;
then the time the report took to build (``build_report``: every table and figure, wall-clock, on a
machine shared with other jobs) and, for an ecomap of ``SPLIT_FROM`` systems or more, the estimate
that decides before any layout whether it prints as two figures (``whole_estimate_pt``), then the size
of the genogram's drawing as the report draws it, in its
compact form (union years by two digits, tighter gaps), which the report draws when the other cannot
print with its legend at 8 pt, and in its tightest form (names wrapped where their row is taller
anyway, smaller symbols and gaps), the next step.
The smallest text is read from the font sizes of the figure's SVG; the scale is the one the DOCX
places it at.
"""

from __future__ import annotations

import sys
import time

from socialtools.examples import example_path
from socialtools.report.case import Case
from socialtools.report.document import (
    SPLIT_FROM,
    build_report,
    ecomap_drawings,
    genogram_options,
    genogram_svg,
    legend_share,
    whole_estimate_pt,
)
from socialtools.report.model import ReportOptions
from socialtools.report.print_size import (
    MIN_PRINT_PT,
    figure_page,
    figure_scale,
    natural_size_cm,
    print_width_cm,
    printed_font_pt,
)


def main(paths: list[str]) -> list[str]:
    """The benchmark's lines, printed as they come."""
    out: list[str] = []

    def say(line: str = "") -> None:
        out.append(line)
        sys.stdout.write(line + "\n")

    for path in paths or [str(example_path("pk.yaml"))]:
        case = Case.load(path)
        start = time.perf_counter()
        report = build_report(case)
        built = time.perf_counter() - start
        ecomaps = ecomap_drawings(case, ReportOptions())  # the first as printed: of two, the first half
        svgs = {"genogram": genogram_svg(case, ReportOptions()), "ecomap": ecomaps[0].svg if ecomaps else None}
        say(f"# {path}")
        say(f"{'figure':<16} {'page':<9} {'natural (cm)':>13} {'scale':>6} {'printed (cm)':>13} "
              f"{'smallest text (pt)':>19}  verdict  legend share")
        for figure in report.figures():
            for part in (figure, figure.legend):
                if part is None:
                    continue
                page = figure_page(part)
                w, h = natural_size_cm(part)
                scale = figure_scale(part)
                smallest = printed_font_pt(part) or 0.0
                verdict = "PASS" if smallest >= MIN_PRINT_PT else "FAIL"
                printed = f"{print_width_cm(part):.1f} x {h * scale:.1f}"
                svg = svgs.get(part.key)
                share = f"{legend_share(svg):.0%}" if svg else "-"
                say(f"{part.key:<16} {page.name:<9} {w:>5.1f} x {h:<5.1f} {scale:>6.2f} {printed:>13} "
                      f"{smallest:>19.2f}  {verdict:<7}  {share}")
        say(f"report built in {built:.1f} s")
        section = case.raw("ecomap")
        if isinstance(section, dict) and len(section.get("systems") or []) >= SPLIT_FROM:
            estimate = whole_estimate_pt(case, ReportOptions(), section)
            say(f"whole ecomap, estimated before any layout: at most {estimate:.2f} pt")
        if case.family is not None and case.family.people:
            from socialtools.genogram import Genogram

            forms = {"report": {}, "compact": {"compact": True}, "tight": {"compact": True, "tight": True}}
            sizes = {name: Genogram(case.family, genogram_options(ReportOptions(), **form)).layout
                     for name, form in forms.items()}
            say("genogram drawing (SVG units, without legend): " + ", ".join(
                f"{name} {lay.width:.0f} x {lay.height:.0f}" for name, lay in sizes.items()))
        for warning in report.warnings:
            say(f"warning: {warning}")
        say()
    return out


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--write-docs")]
    lines = main(args)
    block = next((a.partition("=")[2] or "report_figures" for a in sys.argv[1:] if a.startswith("--write-docs")), None)
    if block:
        from pathlib import Path

        sys.path.insert(0, str(Path(__file__).parent))
        from docs_block import replace_block

        replace_block(Path(__file__).parents[1] / "docs" / "report.md", block,
                      "```text\n" + "\n".join(lines).strip() + "\n```")
