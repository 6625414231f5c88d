"""Print size of the text in the figures of the bundled PK report (``python benchmarks/report_figures.py``).

For each figure: its natural size, the scale and size it is printed at on an A4 page (text width
14 cm; at most 14 cm tall, or up to 19 cm when its text needs it) and its smallest text in points
once printed, with PASS when that is 8 pt or more (``MIN_PRINT_PT``), else FAIL. The smallest
text is read from the font sizes of the figure's SVG; the scale is the one the DOCX places it at.
"""

from __future__ import annotations

from socialtools.examples import load_example
from socialtools.report.case import Case
from socialtools.report.document import build_report
from socialtools.report.print_size import MIN_PRINT_PT, figure_scale, natural_size_cm, print_width_cm, printed_font_pt


def main() -> None:
    report = build_report(Case.from_document(load_example("pk.yaml")))
    print(f"{'figure':<16} {'natural (cm)':>13} {'scale':>6} {'printed (cm)':>13} {'smallest text (pt)':>19}  verdict")
    for figure in report.figures():
        w, h = natural_size_cm(figure)
        scale = figure_scale(figure)
        smallest = printed_font_pt(figure) or 0.0
        verdict = "PASS" if smallest >= MIN_PRINT_PT else "FAIL"
        printed = f"{print_width_cm(figure):.1f} x {h * scale:.1f}"
        print(f"{figure.key:<16} {w:>5.1f} x {h:<5.1f} {scale:>6.2f} {printed:>13} {smallest:>19.2f}  {verdict}")


if __name__ == "__main__":
    main()
