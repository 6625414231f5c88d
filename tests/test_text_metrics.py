"""Text is measured with the widths of the font it is drawn in: DejaVu Sans, regular or bold."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from socialtools.draw.font_metrics import BOLD_WIDTHS, WIDTHS
from socialtools.draw.text import TextBlock, text_width, wrap

ROOT = Path(__file__).resolve().parents[1]


def test_bold_labels_measured_with_the_bold_font_not_a_fixed_factor() -> None:
    """A fixed 1.12 underestimated the bundled bold font, which is 1.07–1.24 times as wide."""
    ratios = {chr(c): BOLD_WIDTHS[c] / WIDTHS[c] for c in range(ord("a"), ord("z") + 1)}
    assert max(ratios.values()) > 1.2 and min(ratios.values()) < 1.1
    assert text_width("mmm", 10, bold=True) == pytest.approx(3 * BOLD_WIDTHS[ord("m")] / 100)
    assert TextBlock(("mmm",), 10, bold=True).width == text_width("mmm", 10, bold=True)
    assert wrap("Lingkungan eksternal", text_width("Lingkungan eksternal", 12), 12, bold=True) == \
        ["Lingkungan", "eksternal"]


@pytest.mark.skipif(importlib.util.find_spec("fontTools") is None, reason="fonttools not installed")
def test_metrics_are_the_bundled_fonts_widths() -> None:
    spec = importlib.util.spec_from_file_location("gen_font_metrics", ROOT / "scripts" / "gen_font_metrics.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert gen.widths(gen.FONTS / gen.FACES["WIDTHS"])[1] == WIDTHS
    assert gen.widths(gen.FONTS / gen.FACES["BOLD_WIDTHS"])[1] == BOLD_WIDTHS
