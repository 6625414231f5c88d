"""Print size of the text in the figures of the bundled PK report (``python benchmarks/report_figures.py``).

For each figure: its natural size, the scale it is printed at on an A4 page (text width 14 cm,
at most 14 cm tall) and its smallest text in points once printed.
"""

from __future__ import annotations

from socialtools.examples import load_example
from socialtools.report.case import Case
from socialtools.report.document import build_report
from socialtools.report.docx_writer import figure_scale, natural_size_cm, printed_font_pt


def main() -> None:
    report = build_report(Case.from_document(load_example("pk.yaml")))
    print(f"{'figure':<20} {'natural (cm)':>14} {'scale':>6} {'smallest text (pt)':>19}")
    for figure in report.figures():
        w, h = natural_size_cm(figure)
        smallest = printed_font_pt(figure) or 0.0
        print(f"{figure.key:<20} {w:>6.1f} x {h:<5.1f} {figure_scale(figure):>6.2f} {smallest:>19.1f}")


if __name__ == "__main__":
    main()
