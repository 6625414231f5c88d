"""The compact legend grid (report figures): columns each as wide as their own longest entry, as many
as the width holds, no entry running into another or out of the legend's box."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw.legend import LegendEntry, draw_legend, legend_box
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.text import text_width
from socialtools.draw.theme import Theme


def _entries(labels: list[str]) -> list[LegendEntry]:
    return [LegendEntry(label, lambda canvas, g, box: None) for label in labels]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text("abcdefghij /", min_size=1, max_size=45).map(str.strip).filter(bool), min_size=1,
                max_size=18),
       st.floats(200, 900), st.sampled_from([1.0, 1.5]))
def test_compact_legend_fits_its_width_and_no_label_meets_another(labels: list[str], max_width: float,
                                                                   scale: float) -> None:
    theme = Theme(font_size=11 * scale, small_font_size=9 * scale)
    entries = _entries(labels)
    box = legend_box(entries, "Keterangan", max_width, theme, compact=True)
    one_column = legend_box(entries, "Keterangan", 1.0, theme, compact=True)
    if one_column.w <= max_width:  # a single column fits: so does the grid
        assert box.w <= max_width + 1e-6
    canvas = SvgCanvas(box.w, box.h, theme)
    draw_legend(canvas, entries, "Keterangan", 0, 0, max_width, compact=True)
    svg = canvas.to_string()
    texts = re.findall(r'<text [^>]*font-size="([0-9.]+)"[^>]*x="([0-9.]+)" y="([0-9.]+)">([^<]*)</text>', svg)
    boxes = []
    for size, x, y, text in texts[1:]:  # the title first
        size, x, y = float(size), float(x), float(y)
        w = text_width(text.replace("&amp;", "&"), size)
        boxes.append((x, y - size, x + w, y + 0.25 * size))
    assert len(boxes) == len(labels)
    for i, a in enumerate(boxes):
        assert a[2] <= box.w + 1e-6 and a[3] <= box.h + 1e-6, (a, box)
        for b in boxes[i + 1:]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (a, b)
