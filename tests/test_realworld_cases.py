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


def test_venn_cli_warns_when_a_declared_cooperation_is_not_drawn(tmp_path, capsys) -> None:
    import yaml

    from socialtools.cli import main

    names = [f"Lembaga {k}" for k in range(8)]
    doc = {"venn": {"kind": "institutional", "centre": "Warga",
                    "institutions": [{"name": n, "importance": 4, "closeness": "dekat"} for n in names],
                    # a hub with seven big partners cannot overlap all of them at depth 3
                    "cooperation": [{"between": [names[0], n], "level": 3} for n in names[1:]]}}
    src = tmp_path / "venn.yaml"
    src.write_text(yaml.safe_dump(doc), encoding="utf-8")
    out = tmp_path / "venn.svg"
    assert main(["venn", str(src), "-o", str(out)]) == 0
    assert out.exists()
    from socialtools.venn import VennDiagram

    diagram = VennDiagram.from_document(doc)
    missed = diagram.layout().quality.missed_cooperation
    err = capsys.readouterr().err
    assert len(diagram.warnings()) == err.count("warning:")
    for a, b in missed:
        assert f"cooperation {a} – {b}" in err
    assert missed  # the case really is crowded: the warning is not vacuous
