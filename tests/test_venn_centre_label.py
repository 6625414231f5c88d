"""The Venn's centre label in even lines: no letter standing alone on a line ('Keluarga Bapak' / 'S'),
no word cut in two where a smaller size, down to the floor of Venn labels, keeps it whole."""

from __future__ import annotations

import re

import pytest

from socialtools.draw.geometry import box_inside_circle
from socialtools.draw.text import text_width
from socialtools.venn import InstitutionalVenn, VennDiagram
from socialtools.venn.institutional.layout import (
    CENTRE_RADIUS,
    LABEL_SIZE,
    LABEL_SIZE_SMALL,
    InstitutionalLayout,
    centre_block_of,
    layout_institutional,
)


def _centre(name: str) -> tuple[tuple[str, ...], float]:
    return _laid(name).centre_label.lines, _laid(name).centre_label.size


def _laid(name: str) -> InstitutionalLayout:
    return layout_institutional(InstitutionalVenn(centre=name, institutions=[{"name": "Puskesmas"}]))


@pytest.mark.parametrize("name, lines, size", [
    ("Keluarga Bapak S", ("Keluarga", "Bapak S"), LABEL_SIZE + 1),  # was 'Keluarga Bapak' / 'S'
    ("Ibu Sumarni dan anak S", ("Ibu Sumarni", "dan anak S"), LABEL_SIZE + 1),  # was '... dan' / 'anak S'
    ("Keluarga PK", ("Keluarga PK",), LABEL_SIZE + 1),
])
def test_centre_label_lines_are_even_and_whole(name: str, lines: tuple[str, ...], size: float) -> None:
    assert _centre(name) == (lines, size)


def test_a_smaller_size_down_to_the_floor_keeps_a_long_word_whole() -> None:
    """At the centre's own size, bold, 'Kusumaningrum' is cut ('Kusumaningru' / 'm S')."""
    block = centre_block_of("Pak Kusumaningrum S", CENTRE_RADIUS * 1.3)
    assert (block.lines, block.size) == (("Pak", "Kusumaningrum S"), LABEL_SIZE_SMALL)
    assert _centre("Pak Kusumaningrum S") == (("Pak", "Kusumaningrum S"), LABEL_SIZE_SMALL)


LONG_CENTRES = ["Pak Hadiwijayakusumo S", "Pak Kusumaningrum S", "Bu Mangkubumiwijaya S",
                "Keluarga Ibu Sri Wahyuni dan anak-anaknya S", "Pak Sastrowardoyo S",
                "Keluarga Besar Bapak Sastrowardoyo dan Ibu Kusumaningrum"]


@pytest.mark.parametrize("name", LONG_CENTRES)
def test_the_centre_label_fits_its_circle_at_the_size_and_weight_it_is_drawn(name: str) -> None:
    """The label keeps the size its lines were fitted at (it was stored as 11 whatever the fit) and
    its lines, measured bold as drawn, fit its box, which lies inside the centre circle."""
    lay = _laid(name)
    label = lay.centre_label
    assert LABEL_SIZE_SMALL <= label.size <= LABEL_SIZE + 1
    assert max(text_width(line, label.size, bold=True) for line in label.lines) <= label.box.w + 1e-6
    assert label.box.w <= lay.centre.r * 1.3 + 1e-6
    assert box_inside_circle(label.box, lay.centre.center, lay.centre.r, 4.0)
    svg = VennDiagram(InstitutionalVenn(centre=name, institutions=[{"name": "Puskesmas"}])).to_svg()
    group = re.search(r'<g id="centre-label".*?</g>', svg, re.S)
    assert group is not None
    assert set(re.findall(r'font-size="([\d.]+)"', group.group(0))) == {f"{label.size:g}"}
    assert set(re.findall(r'font-weight="(\w+)"', group.group(0))) == {"bold"}


@pytest.mark.parametrize("name", ["Keluarga Bapak S", "Keluarga Ibu Sri Wahyuni dan anak-anaknya S",
                                  "Warga RT 03 RW 05 Desa Sukamaju", "Keluarga Besar Santoso S", "Klien A"])
def test_centre_label_has_no_lone_fragment_and_fits_its_width(name: str) -> None:
    lines, size = _centre(name)
    assert " ".join(lines).split() == name.split()
    assert len(lines) == 1 or all(len(line) > 2 for line in lines)
    assert size >= LABEL_SIZE_SMALL
    assert max(text_width(line, size, bold=True) for line in lines) <= _laid(name).centre.r * 1.3 + 1e-6


def test_the_drawn_centre_label_holds_the_balanced_lines() -> None:
    svg = VennDiagram(InstitutionalVenn(centre="Keluarga Bapak S", institutions=[{"name": "Puskesmas"}])).to_svg()
    group = re.search(r'<g id="centre-label".*?</g>', svg, re.S)
    assert group is not None
    assert [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>.*?</text>", group.group(0), re.S)] == \
        ["Keluarga", "Bapak S"]
