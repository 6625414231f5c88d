"""Regression tests from a review with messy, student-written case files (ecomap, Venn,
quadrant, report): each test is one problem that was found and fixed."""

from __future__ import annotations

import math
import re

from socialtools.draw.text import text_width
from socialtools.venn import SetVenn, VennDiagram
from socialtools.venn.layout_sets import layout_sets

LONG_SETS = {
    "Kebutuhan keluarga Bapak AS yang sangat mendesak": ["biaya sekolah anak pertama di SMA",
                                                        "obat untuk ibu", "perbaikan atap rumah"],
    "Sumber daya yang tersedia di desa": ["Puskesmas pembantu", "PKH", "obat untuk ibu"],
    "Program pemerintah": ["PKH", "BPNT", "biaya sekolah anak pertama di SMA"],
}


def test_long_set_names_wrap_inside_their_box_and_the_picture() -> None:
    venn = SetVenn(sets=LONG_SETS, show="members")
    lay = layout_sets(venn)
    for name in lay.names:
        lines = name.lines or (name.name,)
        assert " ".join(lines) == name.name
        assert all(text_width(line, name.size) <= name.box.w for line in lines)
    svg = VennDiagram(venn).to_svg()
    width = float(re.search(r'<svg[^>]* width="([\d.]+)', svg).group(1))
    xs = [float(x) for x in re.findall(r'<text[^>]* x="([-\d.]+)"', svg)]
    assert min(xs) >= 0 and max(xs) <= width
    assert "Bapak AS yang sangat mendesak" not in svg  # wrapped, not one long line


def test_leader_lines_touch_their_labels() -> None:
    lay = layout_sets(SetVenn(sets=LONG_SETS, show="members"))
    leaders = [(lab.leader, lab.box) for lab in [*lay.regions, *lay.names] if lab.leader]
    assert leaders
    for (_, end), box in leaders:
        # the end lies on the box outline (within a rounding error)
        dx = max(box.x - end[0], 0.0, end[0] - box.right)
        dy = max(box.y - end[1], 0.0, end[1] - box.bottom)
        assert math.hypot(dx, dy) < 0.5
