"""Issue 10, point 5: a whole file of unconnected families is packed into a sensible aspect ratio,
largest first (the index person's family before it), not into one strip tens of thousands of
units wide; a few families still stand side by side."""

from __future__ import annotations

import pytest

from socialtools.genogram import Family, Genogram
from socialtools.genogram.placements import GenogramLayout
from tests.test_genogram_layout import assert_hard_rules


def _families(sizes: list[int], index: int | None = None) -> Family:
    """One unconnected family per size: a couple born 1940 and ``size`` children born from 1965."""
    people: list[dict[str, object]] = []
    unions: list[dict[str, object]] = []
    for k, size in enumerate(sizes):
        kids = [f"C{k}_{j}" for j in range(size)]
        people += [{"id": f"H{k}", "sex": "male", "birth": 1940, "index": k == index},
                   {"id": f"W{k}", "sex": "female", "birth": 1942}]
        people += [{"id": c, "sex": "female" if j % 2 else "male", "birth": 1965 + j} for j, c in enumerate(kids)]
        unions.append({"id": f"u{k}", "partners": [f"H{k}", f"W{k}"], "children": kids})
    return Family.model_validate({"people": people, "unions": unions})


def _boxes(lay: GenogramLayout, count: int) -> list[tuple[float, float, float, float]]:
    """The box (left, top, right, bottom) of each family's symbols and labels, family by family."""
    out = []
    for k in range(count):
        nodes = [n for pid, n in lay.nodes.items() if pid in (f"H{k}", f"W{k}") or pid.startswith(f"C{k}_")]
        out.append((min(min(n.symbol_box.x, n.label_box.x) for n in nodes),
                    min(n.symbol_box.y for n in nodes),
                    max(max(n.symbol_box.right, n.label_box.right) for n in nodes),
                    max(max(n.symbol_box.bottom, n.label_box.bottom) for n in nodes)))
    return out


SIZES = [1 + (k * 7) % 5 for k in range(40)]  # 40 families of 1 to 5 children, in no order of size


def test_many_unconnected_families_are_packed_near_three_to_two_not_into_one_strip() -> None:
    genogram = Genogram(_families(SIZES))
    assert_hard_rules(genogram)
    q = genogram.quality()
    # one strip of 40 families was about 30 times as wide as high
    assert 0.6 <= q.aspect <= 3.0, (q.width, q.height)
    boxes = _boxes(genogram.layout, len(SIZES))
    for i, a in enumerate(boxes):  # no family drawn over another
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_the_largest_family_stands_first_and_the_index_persons_before_it() -> None:
    sizes = [2, 5, 1, 3] * 8
    boxes = _boxes(Genogram(_families(sizes)).layout, len(sizes))
    largest = sizes.index(max(sizes))
    assert boxes[largest][:2] == (min(b[0] for b in boxes), min(b[1] for b in boxes))  # top left
    reading = sorted(range(len(sizes)), key=lambda k: (boxes[k][1], boxes[k][0]))  # shelf by shelf
    assert [sizes[k] for k in reading] == sorted(sizes, reverse=True)  # the larger before the smaller
    boxes = _boxes(Genogram(_families(sizes, index=2)).layout, len(sizes))
    assert boxes[2][:2] == (min(b[0] for b in boxes), min(b[1] for b in boxes))  # the index person's family


@pytest.mark.parametrize("sizes", [[3, 3], [1, 6]])
def test_a_few_families_stand_side_by_side_on_the_same_rows(sizes: list[int]) -> None:
    lay = Genogram(_families(sizes)).layout
    assert len({lay.nodes[f"H{k}"].y for k in range(len(sizes))}) == 1
    order = sorted(range(len(sizes)), key=lambda k: lay.nodes[f"H{k}"].x)
    assert [sizes[k] for k in order] == sorted(sizes, reverse=True)
